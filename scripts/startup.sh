#!/usr/bin/env bash
# Start-up time: launches `java [JVM OPTIONS] -jar target/kefu.jar serve` on a free port with an
# empty SQLite database and prints the milliseconds from the launch to the first /health 200.
#
#   scripts/startup.sh [JVM OPTIONS...]     e.g. scripts/startup.sh -Xmx256m -XX:SharedArchiveFile=target/kefu.jsa
#
# Needs curl and a built jar (./mvnw -q package -DskipTests). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/kefu.jar ] || { echo "startup: target/kefu.jar not found; run ./mvnw -q package -DskipTests" >&2; exit 1; }
dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
start=$(date +%s%3N)
java "$@" -jar target/kefu.jar serve --port "$port" --db "jdbc:sqlite:$dir/kefu.db" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$dir"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    if ! kill -0 "$server" 2>/dev/null; then
        echo "startup: the server exited: $(tail -n 1 "$dir/server.log")" >&2
        exit 1
    fi
    sleep 0.01
done
echo "$(($(date +%s%3N) - start)) ms to the first /health 200 ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
