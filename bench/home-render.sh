#!/usr/bin/env bash
# Members' homes drawn per second over plain HTTP (src/test/java/org/yundangke/bench/HomeRenders.java: a new screen,
# the navigation to the home, the unload beacon; 2 clients as fast as answered, 60 s of warm-up, 30 s measured), in
# alternating rounds on one machine, three ways:
#   baseline   a baseline jar (BASELINE=path, e.g. built from an earlier commit), run as java -jar
#   now        target/yundangke.jar, run as java -jar
#   extracted  target/yundangke.jar extracted by Spring Boot's tools (what the Dockerfile runs)
#  Needs `mvn package -DskipTests` and a JDK 25 (JAVA=/path/to/java). BENCHMARKS.md keeps the ratio.
set -euo pipefail
JAVA=${JAVA:-java}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18090}
BASELINE=${BASELINE:?"BASELINE=path of the jar to compare with"}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
driver=src/test/java/org/yundangke/bench/HomeRenders.java
"$JAVA" -Djarmode=tools -jar target/yundangke.jar extract --destination "$work/app" > /dev/null

homes_per_second() {
  local pid rate
  YUNDANGKE_DATA_DIR="$work/data-$1" PORT=$PORT YUNDANGKE_MANAGEMENT_PORT=$((PORT + 1)) \
    "$JAVA" --enable-native-access=ALL-UNNAMED "-Dorg.bytedeco.javacpp.cachedir=$work/javacpp" -jar "$2" \
    > "$work/run.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/login"; do
    kill -0 $pid 2> /dev/null || { tail -20 "$work/run.log"; exit 1; }
    sleep 0.2
  done
  rate=$("$JAVA" "$driver" "$PORT" 2 60 30 | awk '/homes\/s/ {print $2}')
  kill $pid
  wait $pid || true
  echo "$rate"
}

declare -A total=([baseline]=0 [now]=0 [extracted]=0)
for round in $(seq 1 "$ROUNDS"); do
  order=(baseline now extracted)
  (( round % 2 == 0 )) && order=(extracted now baseline)
  for kind in "${order[@]}"; do
    case $kind in
      baseline) rate=$(homes_per_second baseline "$BASELINE") ;;
      now) rate=$(homes_per_second now target/yundangke.jar) ;;
      extracted) rate=$(homes_per_second extracted "$work/app/yundangke.jar") ;;
    esac
    echo "round $round $kind: $rate homes/s"
    total[$kind]=$(awk -v a="${total[$kind]}" -v b="$rate" 'BEGIN { print a + b }')
  done
done
for kind in baseline now extracted; do
  awk -v k=$kind -v t="${total[$kind]}" -v r="$ROUNDS" -v b="${total[baseline]}" \
    'BEGIN { printf "%-9s mean %6.1f homes/s  ratio to baseline %.2f\n", k, t / r, t / b }'
done
