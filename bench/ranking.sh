#!/usr/bin/env bash
# matching-service's ranking at scale (docs/benchmarks.md): builds the service's own ranking index over N generated
# profiles (default 10,000 and 100,000) and ranks the labelled set's 33 needs 20 times each, printing the build
# time, the heap the index holds, the median, p95 and worst time to rank one need, and the median and p95 time to
# take in one edited profile. In process, on one core.
#   bench/ranking.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl matching-service -am install -DskipTests >/dev/null
MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}" ./mvnw -B -q -pl matching-service exec:java \
  -Dexec.mainClass=se.utfall.matching.ranking.RankingBenchmark -Dexec.args="${*:-10000 100000}"
