#!/usr/bin/env bash
# Usage: watchdog.sh <owner-pid> <command...>
# Runs the command once <owner-pid> has exited. The Jest globalSetup starts one (in its own
# session, so Ctrl-C does not reach it) per server it starts: if Jest dies without running its
# teardown (SIGKILL, crash), the server is stopped anyway. A normal teardown kills the watchdog.
owner="$1"
shift
while kill -0 "$owner" 2>/dev/null; do sleep 1; done
exec "$@"
