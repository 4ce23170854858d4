#!/usr/bin/env bash
# Issue 19's benchmark: the agreement page's throughput and p99 through nginx at 16 connections, for
# SQLite (one instance), PostgreSQL with one instance and PostgreSQL with two instances (round robin);
# and the save throughput with 8 concurrent writers through nginx (each its own agreement, always on top
# of its last revision). Starts a throwaway PostgreSQL cluster and nginx of its own in a temporary
# directory. Needs wrk, nginx (apt-get install wrk nginx-light postgresql) and a built jar
# (mvn -B -q package -DskipTests). Results go to standard output; copy them into docs/BENCHMARKS.md.
#
# Usage: scripts/multi-instance-bench.sh        (BENCH_DURATION, BENCH_WARMUP, BENCH_SAVES_SECONDS to change)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(pwd)/target/afsprakenwiki.jar
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-15s}
SAVES_SECONDS=${BENCH_SAVES_SECONDS:-20}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x /usr/sbin/nginx ] || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 1; }
[ -n "$PG_BIN" ] || { echo "PostgreSQL is missing: apt-get install postgresql" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q package -DskipTests" >&2; exit 1; }

WORK=$(mktemp -d)
chmod 755 "$WORK"
PIDS=()
AS=()
[ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$WORK/pg/postmaster.pid" ] && "${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "[1/7] starting a PostgreSQL cluster ($PG_BIN) with the default durability (fsync on)" >&2
PG_PORT=$(free_port)
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
"${AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 >/dev/null
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" -w start >/dev/null
"${AS[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt -c "CREATE DATABASE afsprakenwiki" postgres
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/afsprakenwiki"

# serve NAME PORT [serve arguments...]: a server in the background, its data in $WORK/NAME; waits until it answers
serve() {
  local name=$1 port=$2; shift 2
  java -jar "$JAR" serve --data "$WORK/$name" --port "$port" --host 127.0.0.1 "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$WORK/$name.log" >&2; return 1
}

# nginx_for PORT UPSTREAM_PORT... : a round-robin nginx on PORT
nginx_for() {
  local port=$1; shift
  local dir=$WORK/nginx-$port servers=
  mkdir -p "$dir/logs" "$dir/tmp"
  for upstream in "$@"; do servers="$servers server 127.0.0.1:$upstream max_fails=1 fail_timeout=5s;"; done
  cat >"$dir/nginx.conf" <<CONF
user root root;
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy; fastcgi_temp_path $dir/tmp/f;
  uwsgi_temp_path $dir/tmp/u; scgi_temp_path $dir/tmp/s;
  upstream wiki { $servers keepalive 32; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://wiki; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
  [ "$(id -u)" = 0 ] || sed -i '1d' "$dir/nginx.conf"
  /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" >"$dir/logs/stdout.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  cat "$dir/logs/"* >&2; return 1
}

page_of() { # the agreement with the longest text among the first listed
  curl -fs "http://127.0.0.1:$1/api/v1/agreements" | python3 -c '
import json, sys, urllib.request
items = json.load(sys.stdin)["items"]
def size(item):
    with urllib.request.urlopen("http://127.0.0.1:'"$1"'/api/v1/agreements/%d" % item["id"]) as r:
        return len(json.load(r)["body"])
print(max(items, key=size)["id"])'
}

measure() { # measure LABEL PORT PATH
  wrk -t2 -c16 -d"$WARMUP" "http://127.0.0.1:$2$3" >/dev/null
  wrk -t2 -c16 -d"$DURATION" --latency "http://127.0.0.1:$2$3" | awk -v label="$1" '
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { errors = $NF }
    END { printf "%-44s %9s req/s   p50 %8s   p99 %8s   non-2xx %s\n", label, rps, p50, p99, (errors == "" ? 0 : errors) }'
}

saves() { # saves LABEL PORT TOKEN: 8 writers, each on its own new agreement, for SAVES_SECONDS
  python3 - "$1" "$2" "$3" "$SAVES_SECONDS" <<'PY'
import json, sys, threading, time, http.client
label, port, token, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
def call(conn, method, path, body=None):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = conn.getresponse(); data = r.read(); return r.status, data
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
status, data = call(conn, "GET", "/api/v1/koppelzones")
zone = json.loads(data)["items"][0]
latencies, failures, lock = [], [0], threading.Lock()
def writer(i, stop):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    status, data = call(c, "POST", "/api/v1/koppelzones/%s/agreements" % zone["slug"],
                        {"title": "Bench %d" % i, "body": "regel 0", "parties": [zone["parties"][0]["slug"]]})
    agreement = json.loads(data)["id"]; base = 1; text = "regel 0"; line = 0
    while time.time() < stop:
        line += 1; text += "\n\nregel %d" % line
        start = time.perf_counter()
        status, data = call(c, "PUT", "/api/v1/agreements/%d" % agreement,
                            {"title": "Bench %d" % i, "body": text, "baseRevision": base, "summary": "regel %d" % line})
        took = time.perf_counter() - start
        with lock:
            if status == 200:
                latencies.append(took); base = json.loads(data)["revision"]
            else:
                failures[0] += 1
stop = time.time() + seconds
threads = [threading.Thread(target=writer, args=(i, stop)) for i in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
latencies.sort()
def pct(p): return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")
print("%-44s %9.1f saves/s  p50 %6.1fms   p99 %6.1fms   failed %d" % (label, len(latencies) / seconds, pct(0.5), pct(0.99), failures[0]))
PY
}

token_for() { # token_for DATA: an API token of the demo beheerder, from the command line
  java -jar "$JAR" token create beheerder --data "$1" --label bench 2>/dev/null | tail -1
}

RESULTS=()
echo "[2/7] SQLite: one instance with the demo content, behind nginx" >&2
P1=$(free_port); N1=$(free_port)
serve sqlite "$P1" --demo
nginx_for "$N1" "$P1"
PAGE="/afspraken/$(page_of "$P1")"
echo "[3/7] SQLite: measuring $PAGE" >&2
RESULTS+=("$(measure "SQLite, 1 instance, agreement page" "$N1" "$PAGE")")
TOKEN=$(token_for "$WORK/sqlite")
RESULTS+=("$(saves "SQLite, 1 instance, saves (8 writers)" "$N1" "$TOKEN")")
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
PIDS=()

echo "[4/7] PostgreSQL: instance A with the demo content, behind nginx" >&2
PA=$(free_port); PB=$(free_port); N2=$(free_port); N3=$(free_port)
export AFSPRAKENWIKI_DATABASE_URL=$PG_URL AFSPRAKENWIKI_DATABASE_USER=postgres AFSPRAKENWIKI_DATABASE_PASSWORD=
serve pg-a "$PA" --demo
nginx_for "$N2" "$PA"
PAGE="/afspraken/$(page_of "$PA")"
TOKEN=$(token_for "$WORK/pg-cli")
echo "[5/7] PostgreSQL, one instance: measuring $PAGE and saves" >&2
RESULTS+=("$(measure "PostgreSQL, 1 instance, agreement page" "$N2" "$PAGE")")
RESULTS+=("$(saves "PostgreSQL, 1 instance, saves (8 writers)" "$N2" "$TOKEN")")

echo "[6/7] PostgreSQL: instance B beside A, nginx round robin over both" >&2
serve pg-b "$PB"
nginx_for "$N3" "$PA" "$PB"
echo "[7/7] PostgreSQL, two instances: measuring $PAGE and saves" >&2
RESULTS+=("$(measure "PostgreSQL, 2 instances, agreement page" "$N3" "$PAGE")")
RESULTS+=("$(saves "PostgreSQL, 2 instances, saves (8 writers)" "$N3" "$TOKEN")")

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (fsync on)"
echo "load: wrk -t2 -c16 -d$DURATION --latency through nginx (after $WARMUP warm-up), all on the same machine; saves: 8 writers for ${SAVES_SECONDS}s"
printf '%s\n' "${RESULTS[@]}"
