#!/usr/bin/env bash
# Ranking quality over a labelled set (format: matching-service/src/test/resources/evaluation/README.md):
# prints one line per need and nDCG@10 and P@5, from the service's own ranking code.
#   ./matching-service/evaluate.sh [FILE]    (default: the labelled set kept in the repository)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FILE=$(realpath "${1:-$ROOT/matching-service/src/test/resources/evaluation/labelled-set.json}")
cd "$ROOT"
./mvnw -B -q -pl matching-service -am install -DskipTests >/dev/null
./mvnw -B -q -pl matching-service exec:java -Dexec.mainClass=se.utfall.matching.ranking.Evaluate \
  -Dexec.args="$FILE"
