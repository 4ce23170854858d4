#!/usr/bin/env bash
# Search quality on the demo corpus: nDCG@10, MRR and recall@10 for the Dutch analysis and for a plain
# StandardAnalyzer, from the graded judgments in src/test/resources/search-quality/judgments.tsv.
# Results and the queries that still fail: docs/SEARCH.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "[build] compiling the application and the test classes" >&2
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/benchmark-classpath.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  nl.afsprakenwiki.bench.RelevanceEvaluation
