#!/usr/bin/env bash
# Several kefu instances on one PostgreSQL: starts a throwaway PostgreSQL cluster (Debian's
# postgresql binaries, initdb in a temporary directory, default durability settings), starts
# INSTANCES kefu servers on it (-Xmx256m each, rate limits off), runs one wrk per instance at the
# same time with CONNECTIONS split between them (scripts/load.lua: varied Chinese first messages,
# every turn persisted), prints each instance's figures and the total, then stops everything.
#
#   scripts/instances.sh [INSTANCES=2] [SECONDS=30] [CONNECTIONS=32]
#
# Needs wrk and postgresql (Debian packages). Not part of the tests. Run it with INSTANCES=1 and
# INSTANCES=2 back to back to compare (BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
INSTANCES=${1:-2}
SECONDS_=${2:-30}
CONNECTIONS=${3:-32}
BASE_PORT=${KEFU_LOAD_PORT:-7181}

command -v wrk >/dev/null || { echo "instances: wrk not found; apt-get install wrk" >&2; exit 1; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "instances: PostgreSQL not found; apt-get install postgresql" >&2; exit 1; }
[ -f target/kefu.jar ] || ./mvnw -q package -DskipTests

work=$(mktemp -d)
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
    as_pg=(runuser -u postgres --)
fi
pg_port=$(( BASE_PORT + 100 ))
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U kefu -A trust -E UTF8 --no-locale >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
"${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U kefu -d postgres -qc "CREATE DATABASE kefu" >/dev/null
db="jdbc:postgresql://127.0.0.1:$pg_port/kefu"

for i in $(seq 1 "$INSTANCES"); do
    port=$(( BASE_PORT + i - 1 ))
    KEFU_DB_USER=kefu java -Xmx256m -jar target/kefu.jar serve --port "$port" --rate-limit 0 \
        --conversations-per-hour 0 --db "$db" >"$work/kefu-$i.log" 2>&1 &
    pids+=($!)
    sleep 1 # one after the other: the first runs the migrations
done
for i in $(seq 1 "$INSTANCES"); do
    port=$(( BASE_PORT + i - 1 ))
    for _ in $(seq 1 60); do
        curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
        sleep 0.5
    done
    curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "instances: kefu $i did not start" >&2; cat "$work/kefu-$i.log" >&2; exit 1; }
done

per=$(( CONNECTIONS / INSTANCES ))
run() { # DURATION OUTPUT-PREFIX
    local wrks=()
    for i in $(seq 1 "$INSTANCES"); do
        wrk -t 1 -c "$per" -d "$1" -s scripts/load.lua "http://127.0.0.1:$(( BASE_PORT + i - 1 ))" >"$2-$i.txt" &
        wrks+=($!)
    done
    wait "${wrks[@]}"
}
echo "instances: warm-up 10 s" >&2
run 10s "$work/warmup"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $INSTANCES instance(s) on PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), wrk -t1 -c$per -d${SECONDS_}s against each"
run "${SECONDS_}s" "$work/run"
total=0
for i in $(seq 1 "$INSTANCES"); do
    echo "instance $i: $(sed -n '/^requests/p' "$work/run-$i.txt")"
    sed -n '/^latency/p' "$work/run-$i.txt" | sed 's/^/  /'
    rps=$(sed -n 's/.*, \([0-9]*\) req\/s$/\1/p' "$work/run-$i.txt")
    total=$(( total + rps ))
done
echo "total: $total req/s"
rows=$("${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U kefu -d kefu -Atc "SELECT COUNT(*) FROM messages")
echo "messages persisted: $rows"
