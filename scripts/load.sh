#!/usr/bin/env bash
# Load test of a running kefu server with wrk (Debian package `wrk`).
#   scripts/load.sh [URL] [DURATION] [CONNECTIONS] [THREADS]
# Default: http://127.0.0.1:7070 for 30s with 32 connections on 2 threads.
# Start the server first, e.g.: java -Xmx256m -jar target/kefu.jar serve 2>/dev/null
set -euo pipefail
url=${1:-http://127.0.0.1:7070}
duration=${2:-30s}
connections=${3:-32}
threads=${4:-2}
if ! command -v wrk >/dev/null 2>&1; then
    echo "load.sh: wrk not found; install it with: apt-get install -y wrk" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
wrk --latency -t"$threads" -c"$connections" -d"$duration" -s "$here/load.lua" "$url"
