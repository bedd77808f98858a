#!/usr/bin/env bash
# Builds the suite and starts it locally on embedded PostgreSQL and Kafka with demo data. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q install -DskipTests
exec ./mvnw -B -q -pl deploy/local exec:java -Dutfall.root="$PWD" "$@"
