# The app image for docker-compose: the UI node and the transcode worker run this same image.
# Build the jar first on the host (it carries Vaadin's production bundle and the ffmpeg binaries):
#   mvn package -DskipTests
FROM eclipse-temurin:21.0.8_9-jre-noble

# ffmpeg from the org.bytedeco package needs these at run time
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpulse0 libva2 libva-drm2 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app yundangke

WORKDIR /app
COPY target/yundangke.jar /app/yundangke.jar
RUN mkdir -p /app/data && chown yundangke /app/data
USER yundangke

ENV YUNDANGKE_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 --enable-native-access=ALL-UNNAMED"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/yundangke.jar"]
