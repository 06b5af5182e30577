#!/usr/bin/env bash
# HTTP load test: starts `kefu serve -Xmx256m` on port $KEFU_LOAD_PORT (7171), runs wrk with
# scripts/load.lua (varied Chinese messages to POST /api/messages), prints req/s and latency
# percentiles, then stops the server. KEFU_LOAD_SCRIPT picks another wrk script
# (scripts/load-followups.lua: follow-up turns of existing conversations). KEFU_LOAD_MODELS picks
# another models directory (say one written by `train --classifier liblinear-bge --out DIR`).
#
#   scripts/load.sh [SECONDS=30] [CONNECTIONS=32] [THREADS=2]
#
# Needs wrk (Debian package `wrk`) and a build with the `serve` command. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-30}
CONNECTIONS=${2:-32}
THREADS=${3:-2}
PORT=${KEFU_LOAD_PORT:-7171}
SCRIPT=${KEFU_LOAD_SCRIPT:-scripts/load.lua}
MODELS=${KEFU_LOAD_MODELS:-models}

command -v wrk >/dev/null || { echo "load: wrk not found; apt-get install wrk" >&2; exit 1; }
[ -f target/kefu.jar ] || ./mvnw -q package -DskipTests
if ! java -jar target/kefu.jar serve --help >/dev/null 2>&1; then
    echo "load: this build has no 'serve' command yet" >&2
    exit 1
fi
db=$(mktemp -d)
java -Xmx256m -jar target/kefu.jar serve --port "$PORT" --models "$MODELS" --rate-limit 0 --conversations-per-hour 0 --db "jdbc:sqlite:$db/kefu.db" >"$db/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$db"' EXIT
for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "load: server did not start" >&2; cat "$db/server.log" >&2; exit 1; }
echo "load: warm-up 10 s" >&2
wrk -t "$THREADS" -c "$CONNECTIONS" -d 10s -s "$SCRIPT" "http://127.0.0.1:$PORT" >/dev/null
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_}s"
wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_}s" -s "$SCRIPT" "http://127.0.0.1:$PORT" | sed -n '/^requests/,$p'
