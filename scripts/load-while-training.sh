#!/usr/bin/env bash
# Serving while the studio trains: starts `kefu serve -Xmx256m` on a temporary SQLite database
# with the shipped corpus imported and an admin account, runs wrk with scripts/load.lua once
# with nothing else running and once while a studio training runs, and prints both (req/s,
# latency percentiles, load average) and the training's step at the end of the second run.
#
#   scripts/load-while-training.sh [SECONDS=30] [CONNECTIONS=32] [THREADS=2]
#
# Needs wrk (Debian package `wrk`), curl and the jar. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-30}
CONNECTIONS=${2:-32}
THREADS=${3:-2}
PORT=${KEFU_LOAD_PORT:-7172}
command -v wrk >/dev/null || { echo "load: wrk not found; apt-get install wrk" >&2; exit 1; }
[ -f target/kefu.jar ] || ./mvnw -q package -DskipTests
db=$(mktemp -d)
url="jdbc:sqlite:$db/kefu.db"
java -jar target/kefu.jar corpus import --dir corpus --db "$url" >/dev/null
echo "load-password-2026" | java -jar target/kefu.jar agents add --login admin --name 管理员 --role admin --db "$url" >/dev/null
java -Xmx256m -jar target/kefu.jar serve --port "$PORT" --rate-limit 0 --conversations-per-hour 0 --db "$url" \
    >"$db/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$db"' EXIT
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 60); do
    curl -fs "$base/health" >/dev/null 2>&1 && break
    sleep 0.5
done
run() {
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_}s ($1)"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_}s" -s scripts/load.lua "$base" | sed -n '/^requests/,$p'
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "load: warm-up 10 s" >&2
wrk -t "$THREADS" -c "$CONNECTIONS" -d 10s -s scripts/load.lua "$base" >/dev/null
run "nothing else running"
login=$(curl -fs -c "$db/cookies" -H 'Content-Type: application/json' \
    -d '{"login": "admin", "password": "load-password-2026"}' "$base/api/auth/login")
csrf=$(echo "$login" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
curl -fs -b "$db/cookies" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -d '{"comment": "load test"}' "$base/api/studio/versions" >/dev/null
sleep 2
run "while the studio trains a version"
echo "training at the end: $(curl -fs -b "$db/cookies" "$base/api/studio/versions" | sed -E 's/.*"training":(\{[^}]*\}|null).*/\1/')"
