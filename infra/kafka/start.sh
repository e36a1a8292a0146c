#!/usr/bin/env bash
# Start a single-node KRaft Kafka broker on 127.0.0.1 in the background and wait until it serves
# metadata. Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_WORK_DIR (a fresh mktemp dir),
# KAFKA_READY_TIMEOUT_MS (90000). On success stdout carries exactly two lines:
#   KAFKA_BROKERS=127.0.0.1:<port>
#   KAFKA_WORK_DIR=<dir>          (pass it to stop.sh)
# Progress and errors go to stderr.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
TIMEOUT_MS="${KAFKA_READY_TIMEOUT_MS:-90000}"
WORK="${KAFKA_WORK_DIR:-$(mktemp -d -t caravan-kafka.XXXXXX)}"

"$HERE/fetch.sh"

if [[ -f "$WORK/kafka.pid" ]] && kill -0 "$(cat "$WORK/kafka.pid")" 2>/dev/null; then
  echo "infra/kafka: a broker is already running from $WORK (pid $(cat "$WORK/kafka.pid"))" >&2
  exit 1
fi
# Always a fresh data dir: a reused one holds another cluster id and the broker refuses it.
rm -rf "$WORK/data" "$WORK/logs"
mkdir -p "$WORK/data" "$WORK/logs"
sed -e "s#@DATA@#$WORK/data#" -e "s#@PORT@#$PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" \
  "$HERE/server.properties.in" >"$WORK/server.properties"

CP="$HERE/target/libs/*"
JOPTS=(-Xms128m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true
  "-Dkafka.logs.dir=$WORK/logs" "-Dlog4j2.configurationFile=file:$HERE/log4j2.properties")

# A random cluster id: 16 random bytes, base64url, no leading '-' (Kafka's Uuid rules).
CLUSTER_ID="$(node -e "let i;do{i=require('crypto').randomBytes(16).toString('base64url')}while(i[0]==='-');console.log(i)")"
java "${JOPTS[@]}" -cp "$CP" kafka.tools.StorageTool format -t "$CLUSTER_ID" \
  -c "$WORK/server.properties" --ignore-formatted >"$WORK/logs/format.log" 2>&1 ||
  { cat "$WORK/logs/format.log" >&2; exit 1; }

nohup java "${JOPTS[@]}" -cp "$CP" kafka.Kafka "$WORK/server.properties" \
  </dev/null >"$WORK/logs/stdout.log" 2>&1 &
echo $! >"$WORK/kafka.pid"

if ! node "$HERE/wait-kafka.js" "127.0.0.1:$PORT" "$TIMEOUT_MS" "$(cat "$WORK/kafka.pid")"; then
  echo "---- $WORK/logs (tail) ----" >&2
  tail -n 40 "$WORK/logs/"*.log >&2 || true
  echo "---- stopping ----" >&2
  KAFKA_WORK_DIR="$WORK" "$HERE/stop.sh" >&2 || true
  exit 1
fi
echo "KAFKA_BROKERS=127.0.0.1:$PORT"
echo "KAFKA_WORK_DIR=$WORK"
