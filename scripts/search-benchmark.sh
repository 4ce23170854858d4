#!/usr/bin/env bash
# The search benchmark of issue 4: generates a synthetic corpus of N agreements (default 50,000),
# imports and indexes it through the normal path, then - with -Xmx512m, as the targets say - rebuilds
# the index (indexing throughput), starts the server on it (start-up), and measures query latency in
# process and over HTTP at 8 clients, index size and heap.
# Usage: scripts/search-benchmark.sh [--count N] [--http-seconds S] [--keep-index] [--answer-cache off]
#   --answer-cache off measures the search itself: visitors' answers are not kept, so the benchmark's
#   240 queries, asked again and again, are searched each time (results: docs/BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

echo "[build] compiling the application and the benchmark classes" >&2
CP=$(benchmark_classpath)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
COUNT=()
REST=()
MEASURE_OPTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=(--count "$2"); shift 2 ;;
    --answer-cache) MEASURE_OPTS=(-Dafsprakenwiki.search.answerCache="$2"); shift 2 ;;
    *) REST+=("$1"); shift ;;
  esac
done
# Everything runs with -Xmx512m, loading too: the importer keeps no texts between checking a folder
# and writing it (docs/IMPORT-FORMAT.md), so 50,000 agreements import in that heap.
java -Xmx512m -cp "$CP" nl.afsprakenwiki.bench.SearchBenchmark --phase load --data "$WORK" "${COUNT[@]}"
java -Xmx512m "${MEASURE_OPTS[@]}" -cp "$CP" nl.afsprakenwiki.bench.SearchBenchmark --phase measure --data "$WORK" "${REST[@]}"
