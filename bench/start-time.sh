#!/usr/bin/env bash
# Start to first answer (GET /login 200) of the packaged app three ways, in alternating rounds on one machine:
#   fat      java -jar target/yundangke.jar
#   extracted  the jar extracted by Spring Boot's tools (what the Dockerfile runs)
#   aot      extracted, with a Java 25 AOT cache made by a training run (-XX:AOTCacheOutput, then -XX:AOTCache)
# Needs `mvn package -DskipTests` and a JDK 25 (JAVA=/path/to/java). Prints each start and the means; BENCHMARKS.md
# keeps the figures as ratios against the fat jar.
set -euo pipefail
JAVA=${JAVA:-java}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18080}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
common=(--enable-native-access=ALL-UNNAMED "-Dorg.bytedeco.javacpp.cachedir=$work/javacpp")

"$JAVA" -Djarmode=tools -jar target/yundangke.jar extract --destination "$work/app" > /dev/null
extracted="$work/app/yundangke.jar"
# the training run starts the context and exits; the classes it loaded and linked go into the cache
YUNDANGKE_DATA_DIR="$work/train" PORT=0 YUNDANGKE_MANAGEMENT_PORT=0 "$JAVA" "${common[@]}" \
  -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$extracted" > "$work/train.log" 2>&1
ls -l "$work/app.aot" | awk '{printf "AOT cache: %.0f MB\n", $5 / 1048576}'

# milliseconds from starting the JVM to the login page answering; the data folder is shared (migrated once)
first_answer() {
  local t0 t1 pid
  t0=$(date +%s%N)
  YUNDANGKE_DATA_DIR="$work/data" PORT=$PORT YUNDANGKE_MANAGEMENT_PORT=$((PORT + 1)) \
    "$JAVA" "${common[@]}" "$@" > "$work/run.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/login"; do
    kill -0 $pid 2> /dev/null || { tail -20 "$work/run.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  kill $pid
  wait $pid || true
  echo $(( (t1 - t0) / 1000000 ))
}

first_answer -jar target/yundangke.jar > /dev/null # warm-up: migrations, demo data, ffmpeg unpacked
declare -A total=([fat]=0 [extracted]=0 [aot]=0)
for round in $(seq 1 "$ROUNDS"); do
  order=(fat extracted aot)
  (( round % 2 == 0 )) && order=(aot extracted fat)
  for kind in "${order[@]}"; do
    case $kind in
      fat) ms=$(first_answer -jar target/yundangke.jar) ;;
      extracted) ms=$(first_answer -jar "$extracted") ;;
      aot) ms=$(first_answer -XX:AOTCache="$work/app.aot" -jar "$extracted") ;;
    esac
    echo "round $round $kind: $ms ms"
    total[$kind]=$(( total[$kind] + ms ))
  done
done
for kind in fat extracted aot; do
  awk -v k=$kind -v t=${total[$kind]} -v n="$ROUNDS" -v f=${total[fat]} \
    'BEGIN { printf "%-9s mean %6.0f ms  ratio to fat jar %.2f\n", k, t / n, t / f }'
done
