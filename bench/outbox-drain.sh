#!/usr/bin/env bash
# Outbox catch-up after a Kafka outage: fills a backlog with Kafka cut off, restores it, reports events/s until
# the outbox is empty, then checks the topic (every event once, each aggregate in order). See docs/benchmarks.md.
# Usage: bench/outbox-drain.sh [events=100000] [aggregates=100] [payload-bytes=600]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec ./mvnw -B -q -pl deploy/local exec:java -Dexec.args="outbox-drain ${1:-100000} ${2:-100} ${3:-600}"
