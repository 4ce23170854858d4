#!/usr/bin/env bash
# Throughput and p99 latency of the agreement page against /api/v1/health (the floor of the HTTP
# stack), at 16 connections after a warm-up, on the demo corpus. Needs wrk (apt-get install wrk)
# and a built jar (mvn -B -q package -DskipTests). Results go to standard output; copy them into
# docs/BENCHMARKS.md together with the machine description.
#
# Usage: scripts/benchmark.sh [--data DIR] [--agreement ID]
#   --data DIR      an existing data directory (e.g. the national data set of scripts/load-mix.sh)
#                   instead of a fresh one with the demo content; it is kept. The signed-in run then
#                   needs BENCH_USER and BENCH_PASSWORD (an account of that data set), else it is left out.
#   --agreement ID  the agreement page to measure (default: the longest text among the first listed)
set -euo pipefail
GIVEN_DATA=
AGREEMENT=
while [ $# -gt 0 ]; do
  case "$1" in
    --data) GIVEN_DATA=$2; shift 2 ;;
    --agreement) AGREEMENT=$2; shift 2 ;;
    *) echo "unknown argument $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
JAR=target/afsprakenwiki.jar
PORT=${BENCH_PORT:-7199}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-15s}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q package -DskipTests" >&2; exit 1; }

WORK=$(mktemp -d)
LOG=$WORK/server.log
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ -n "$GIVEN_DATA" ]; then
  DATA=$GIVEN_DATA
  echo "[1/6] starting the server on port $PORT with -Xmx512m on $DATA" >&2
  java -Xmx512m -jar "$JAR" serve --data "$DATA" --port "$PORT" --host 127.0.0.1 >"$LOG" 2>&1 &
else
  DATA=$WORK/data
  echo "[1/6] starting the server on port $PORT with the demo corpus (data in $DATA)" >&2
  java -jar "$JAR" serve --demo --data "$DATA" --port "$PORT" --host 127.0.0.1 >"$LOG" 2>&1 &
fi
SERVER=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null || { cat "$LOG" >&2; exit 1; }

# The agreement with the longest text in the corpus (of the first listed): the most rendering work per page.
[ -n "$AGREEMENT" ] || AGREEMENT=$(curl -fs "http://127.0.0.1:$PORT/api/v1/agreements" | python3 -c '
import json, sys, urllib.request
items = json.load(sys.stdin)["items"]
def size(item):
    with urllib.request.urlopen("http://127.0.0.1:'"$PORT"'/api/v1/agreements/%d" % item["id"]) as r:
        return len(json.load(r)["body"])
print(max(items, key=size)["id"])')
COUNT=$(curl -fs "http://127.0.0.1:$PORT/api/v1/agreements" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
PAGE="/afspraken/$AGREEMENT"
echo "[2/6] corpus: $COUNT agreements; benchmarking $PAGE ($(curl -fs "http://127.0.0.1:$PORT$PAGE" | wc -c) bytes of HTML)" >&2

# A signed-in reader too (demo beheerder): the session lookup, the viewer and the CSRF token per page.
if [ -z "$GIVEN_DATA" ]; then
  COOKIE=$(sign_in "$PORT" beheerder lente-kanaal-fietsbel "$WORK/cookies.txt")
elif [ -n "${BENCH_USER:-}" ]; then
  COOKIE=$(sign_in "$PORT" "$BENCH_USER" "$BENCH_PASSWORD" "$WORK/cookies.txt")
else
  COOKIE=
fi

echo "[3/6] warming up for $WARMUP" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT/api/v1/health" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT$PAGE" >/dev/null
[ -z "$COOKIE" ] || wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$PAGE" >/dev/null

run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${@:2}" "http://127.0.0.1:$PORT$1" | awk -v path="$1${2:+ (signed in)}" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors = $NF }
    END { printf "%-28s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n", path, rps, p50, p99, (errors == "" ? 0 : errors) }'
}

echo "[4/6] measuring /api/v1/health for $DURATION" >&2
HEALTH=$(run /api/v1/health)
echo "[5/6] measuring $PAGE for $DURATION" >&2
AGREEMENT_LINE=$(run "$PAGE")
if [ -n "$COOKIE" ]; then
  echo "[6/6] measuring $PAGE signed in for $DURATION" >&2
  SIGNED_IN_LINE=$(run "$PAGE" -H "Cookie: $COOKIE")
else
  SIGNED_IN_LINE="(signed in: left out, no BENCH_USER for this data set)"
fi

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after $WARMUP warm-up per URL), client on the same machine"
echo "$HEALTH"
echo "$AGREEMENT_LINE"
echo "$SIGNED_IN_LINE"
awk -v health="$(echo "$HEALTH" | awk '{ print $2 }')" -v page="$(echo "$AGREEMENT_LINE" | awk '{ print $2 }')" \
  'BEGIN { printf "agreement page / health: %.0f %%\n", 100 * page / health }'
