#!/usr/bin/env bash
# Builds the suite and starts it locally on embedded PostgreSQL and Kafka with demo data.
# Ctrl-C, or SIGTERM/SIGHUP to this script, stops everything: the build, the services, PostgreSQL and Kafka.
# Arguments are passed to the stack (e.g. -Dutfall.pg.port=25432).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .local-stack

child=0
stop() {
  trap - INT TERM HUP
  if [ "$child" -ne 0 ] && kill -0 "$child" 2>/dev/null; then
    echo "[utfall] Stopping ..."
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  exit 130
}
trap stop INT TERM HUP

# 1. Build, showing each module as it starts (the full log is in .local-stack/build.log).
echo "[utfall] Building the suite (first run: several minutes; log: .local-stack/build.log) ..."
./mvnw -B -ntp install -DskipTests >.local-stack/build.log 2>&1 &
child=$!
tail -n +1 -f .local-stack/build.log --pid="$child" 2>/dev/null \
  | grep --line-buffered -E '^\[INFO\] Building Utfall|BUILD (SUCCESS|FAILURE)' \
  | sed -u -E 's/^\[INFO\] Building Utfall( :: )?(.*) [0-9][^ ]*-SNAPSHOT *(\[[0-9]+\/[0-9]+\])?$/[utfall]   \3 \2/; s/^(\[utfall\]   \[[0-9]+\/[0-9]+\]) $/\1 parent/; s/^\[INFO\] /[utfall]   /' &
if ! wait "$child"; then
  echo "[utfall] The build failed; the end of .local-stack/build.log:"
  tail -n 40 .local-stack/build.log
  exit 1
fi

# 2. The stack runs as a child of this script, so a signal here reaches it and its shutdown stops every process.
./mvnw -B -q -pl deploy/local exec:java -Dutfall.root="$PWD" "$@" &
child=$!
wait "$child"
