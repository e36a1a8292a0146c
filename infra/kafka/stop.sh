#!/usr/bin/env bash
# Stop a broker started by start.sh and delete its work dir.
# Usage: stop.sh [work-dir]   (or KAFKA_WORK_DIR=<dir> stop.sh). Waits up to 30 s, then SIGKILL.
set -euo pipefail
WORK="${1:-${KAFKA_WORK_DIR:-}}"
if [[ -z "$WORK" ]]; then
  echo "usage: stop.sh <work-dir> (or set KAFKA_WORK_DIR); start.sh prints it" >&2
  exit 2
fi
PIDFILE="$WORK/kafka.pid"
# kill -0 also succeeds for a zombie (exited, not yet reaped), which must count as stopped.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo X)"
  [[ "$state" != Z && "$state" != X ]]
}
if [[ -f "$PIDFILE" ]]; then
  pid="$(cat "$PIDFILE")"
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then
      echo "infra/kafka: broker $pid did not stop in 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
    fi
  fi
fi
# Only remove what looks like our own work dir.
if [[ -f "$WORK/server.properties" || -f "$PIDFILE" ]]; then
  rm -rf "$WORK"
fi
