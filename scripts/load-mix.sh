#!/usr/bin/env bash
# The mixed-load benchmark of issue 20: a realistic mix of page views, searches with facets,
# suggestions, history and compare views, the national feed, API reads (anonymous, with a session
# cookie and with an API token) and a small share of saves through the API, at 16 and at 64
# connections, against the packaged server with -Xmx512m on the demo data or the national data set.
# The load generator is bench/LoadMix (a Java client in its own JVM: per-kind p50/p99/max, which
# wrk's Lua hooks cannot time); the mix is documented in docs/BENCHMARKS.md.
#
# Usage: scripts/load-mix.sh [--data-set demo|national] [--data DIR] [--connections 16,64]
#                            [--seconds 30] [--warmup 20] [--port 7290] [--municipalities N]
#   --data-set demo      (default) a fresh data directory with the demo content, deleted afterwards
#   --data-set national  the national data set (bench/NationalDataSet + import + bench/NationalActivity);
#                        with --data DIR it is generated into DIR once and kept, and reused next time
#   --data DIR           an existing data directory (or, with --data-set national, where to keep one)
# LOAD_MIX_PORT (default 7290), LOAD_MIX_SERVER_OPTS (more JVM options for the server, e.g.
# -XX:StartFlightRecording=filename=/tmp/mix.jfr) and LOAD_MIX_JAR (the server's jar, default
# target/afsprakenwiki.jar: another build's jar, to compare two versions under the same mix) to vary;
# LOAD_MIX_TRACE=FILE writes every measured request to FILE (sent, kind, latency, status), to lay the
# slow ones beside the server's logs (e.g. LOAD_MIX_SERVER_OPTS=-Xlog:gc:file=/tmp/gc.log:time).
# LOAD_MIX_WITHOUT_SAVES=1 draws every save as the read it starts with: what the saves cost the rest.
# Progress goes to standard error, the figures to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

DATA_SET=demo
DATA=
CONNECTIONS=16,64
SECONDS_EACH=30
WARMUP=20
PORT=${LOAD_MIX_PORT:-7290}
MUNICIPALITIES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data-set) DATA_SET=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --municipalities) MUNICIPALITIES=(--municipalities "$2"); shift 2 ;;
    *) echo "unknown argument $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
case "$DATA_SET" in demo|national) ;; *) echo "--data-set is demo or national" >&2; exit 2 ;; esac

JAR=${LOAD_MIX_JAR:-target/afsprakenwiki.jar}
if [ ! -f "$JAR" ]; then
  echo "[build] $JAR is missing: packaging it" >&2
  mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests
fi
echo "[build] compiling the benchmark classes" >&2
CP=$(benchmark_classpath)

WORK=$(mktemp -d)
SERVER=
KEEP_DATA=yes
LABEL=$DATA_SET
if [ -n "$DATA" ] && [ -f "$DATA/afsprakenwiki.db" ]; then
  LABEL="existing data directory"
fi
if [ -z "$DATA" ]; then
  DATA=$WORK/data
  KEEP_DATA=no
fi
stop_server() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  fi
}
trap 'stop_server; rm -rf "$WORK"' EXIT

# starts the server on $DATA with -Xmx512m; sets SERVER and STARTUP_MS (start to the first answered search)
start_server() {
  local started now
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # LOAD_MIX_SERVER_OPTS holds several JVM options, e.g. a JFR recording
  java -Xmx512m ${LOAD_MIX_SERVER_OPTS:-} -jar "$JAR" serve --data "$DATA" --port "$PORT" --host 127.0.0.1 "$@" >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/search?q=jeugdhulp&limit=1" 2>/dev/null; then
      now=$(date +%s%N)
      STARTUP_MS=$(( (now - started) / 1000000 ))
      return 0
    fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.05
  done
  cat "$WORK/server.log" >&2
  echo "the server did not answer a search" >&2
  exit 1
}

if [ -f "$DATA/afsprakenwiki.db" ]; then
  echo "[data] reusing $DATA" >&2
elif [ "$DATA_SET" = demo ]; then
  echo "[data] filling $DATA with the demo content" >&2
  start_server --demo
  stop_server
else
  echo "[data] generating the national data set (takes long; keep it with --data DIR)" >&2
  [ "$KEEP_DATA" = no ] || { mkdir -p "$DATA"; [ -z "$(ls -A "$DATA")" ] || { echo "$DATA is not empty" >&2; exit 1; }; }
  java -Xmx512m -cp "$CP" nl.afsprakenwiki.bench.NationalDataSet "$WORK/corpus" "${MUNICIPALITIES[@]}"
  echo "[data] importing it with the import command" >&2
  java -Xmx512m -jar "$JAR" import "$WORK/corpus" --data "$DATA" >&2
  rm -rf "$WORK/corpus"
  echo "[data] adding adoptions and meetings through the services" >&2
  java -Xmx512m -cp "$CP" nl.afsprakenwiki.bench.NationalActivity --data "$DATA"
fi
# the privacy register's first scan of every imported text (407,000 for the national set): a server would
# otherwise do it in the background during the measurement (docs/BENCHMARKS.md, "Point 2, third round").
# privacy-scan scans every text again (87 s for the national set), so only when texts wait (or sqlite3,
# which counts them, is missing)
PENDING=$(sqlite3 "$DATA/afsprakenwiki.db" 'SELECT count(*) FROM privacy_scan_queue' 2>/dev/null || echo unknown)
if [ "$PENDING" = unknown ] || [ "$PENDING" -gt 1000 ]; then
  echo "[data] $PENDING texts wait for the privacy register's scan: scanning them first, so the server does not during the measurement" >&2
  java -Xmx512m -jar "$JAR" privacy-scan --data "$DATA" >&2
fi

# the signed-in share: a beheerder with a password (session cookie) and an API token (saves, API reads)
USER_NAME=lastmeting
PASSWORD=lastmeting-paraplu-lantaarn-dijk-7
printf '%s\n' "$PASSWORD" | java -jar "$JAR" user add "$USER_NAME" --name "Lastmeting" --admin --data "$DATA" >/dev/null 2>&1 \
  || echo "[auth] account $USER_NAME exists already" >&2
TOKEN=$(java -jar "$JAR" token create "$USER_NAME" --label "load-mix" --data "$DATA" 2>/dev/null)
[ -n "$TOKEN" ] || { echo "could not create an API token" >&2; exit 1; }

echo "[server] starting with -Xmx512m on $DATA" >&2
start_server
SERVER_PID=$SERVER
echo "[server] first search answered after $STARTUP_MS ms" >&2
COOKIE=$(sign_in "$PORT" "$USER_NAME" "$PASSWORD" "$WORK/cookies.txt")
sleep 5
# visitors' similar agreements are found ahead in the background when the published texts have no
# lists yet (a data set not served before), then beheerders' among drafts, and the agreement texts are
# rendered ahead likewise (README "Search" and "Configuration"): a server that has run a while has them
# all, so wait for them rather than measure a server that is still at it. Within seconds of its start the server says whether it has
# them; a jar from before says nothing.
# await_ahead LABEL SAID STARTED DONE: waits until the log has SAID, and when it then has STARTED, until it has DONE
await_ahead() {
  for _ in $(seq 1 60); do
    grep -q "$2" "$WORK/server.log" && break
    sleep 0.5
  done
  if grep -q "$3" "$WORK/server.log"; then
    local started
    started=$(date +%s)
    until grep -q "$4" "$WORK/server.log"; do
      kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
      echo "[server] $1: $(( $(date +%s) - started )) s" >&2
      sleep 10
    done
  fi
  if grep -q "$4" "$WORK/server.log"; then
    echo "[server] $(grep -o "$4.*" "$WORK/server.log" | tail -1)" >&2
  fi
}
await_ahead "finding visitors' similar agreements ahead" "similar agreements for visitors" \
  "finding similar agreements for visitors ahead" "similar agreements for visitors found ahead"
await_ahead "finding beheerders' similar agreements among drafts ahead" "similar agreements among drafts" \
  "finding similar agreements among drafts ahead" "similar agreements among drafts found ahead"
await_ahead "rendering agreement texts ahead" "agreement texts rendered ahead\\|rendering agreement texts ahead" \
  "rendering agreement texts ahead" "agreement texts rendered ahead: [0-9]"
IDLE_RSS=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "data: $LABEL, $DATA ($(du -sh "$DATA" | cut -f1)), $(sqlite3 "$DATA/afsprakenwiki.db" \
  'SELECT count(*) FROM agreement' 2>/dev/null || echo '?') agreements, $(sqlite3 "$DATA/afsprakenwiki.db" \
  'SELECT count(*) FROM revision' 2>/dev/null || echo '?') revisions"
echo "server: java -Xmx512m -jar $JAR serve; start-up to the first answered search $STARTUP_MS ms; idle RSS $IDLE_RSS MB"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" nl.afsprakenwiki.bench.LoadMix --base "http://127.0.0.1:$PORT" --db "$DATA/afsprakenwiki.db" \
  --pid "$SERVER_PID" --token "$TOKEN" --cookie "$COOKIE" --connections "$CONNECTIONS" --seconds "$SECONDS_EACH" \
  --warmup "$WARMUP" ${LOAD_MIX_TRACE:+--trace "$LOAD_MIX_TRACE"} ${LOAD_MIX_WITHOUT_SAVES:+--without-saves}
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
