# The app image for docker-compose: the app nodes, the worker and the transcoders run this same image.
# Build the jar first on the host (it carries Vaadin's production bundle and the ffmpeg binaries):
#   mvn package -DskipTests
# The jar runs extracted (no nested jars to scan) with a Java 25 AOT cache made by a training run at build time:
# the classes the app loads at start come ready-linked from the cache (bench/start-time.sh; BENCHMARKS.md).
FROM eclipse-temurin:25.0.3_9-jre-noble

# ffmpeg from the org.bytedeco package needs these at run time
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpulse0 libva2 libva-drm2 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app yundangke

WORKDIR /app
COPY target/yundangke.jar /tmp/yundangke.jar
ENV YUNDANGKE_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 --enable-native-access=ALL-UNNAMED"
# extract, then train: the context starts on the embedded defaults (H2, embedded store) and exits at once
RUN java -Djarmode=tools -jar /tmp/yundangke.jar extract --destination /app/app \
 && rm /tmp/yundangke.jar \
 && YUNDANGKE_DATA_DIR=/tmp/training PORT=0 YUNDANGKE_MANAGEMENT_PORT=0 \
    java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar /app/app/yundangke.jar \
 && rm -rf /tmp/training \
 && mkdir -p /app/data && chown yundangke /app/data
USER yundangke

EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app/yundangke.jar"]
