#!/usr/bin/env bash
# HTTP hello-world on node and on studio run, side by side, under the same
# load (bench/httpload: C keep-alive connections on 127.0.0.1 for D). Prints
# requests per second and latency quantiles for both. Traffic stays on the
# loopback interface and every run is bounded in time.
# With PROTOTYPES=1 it also loads bench/httpgoja, the second design's
# measured prototype: Go does the wire work and goja runs only the least
# JavaScript a Node-shaped handler needs ("goja-min"), and the same with no
# JavaScript at all ("go-wire", the ceiling of the wire work here).
# Usage: [PROTOTYPES=1] bench/http.sh [CONNECTIONS] [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
C=${1:-64}
D=${2:-10s}
mkdir -p bin
go build -o bin/studio ./cmd/studio
go build -o bin/httpload ./bench/httpload
[ "${PROTOTYPES:-0}" = 1 ] && go build -o bin/httpgoja ./bench/httpgoja
load() { # load NAME CMD...: start the server, load it, stop it
  local name=$1; shift
  local out; out=$(mktemp)
  "$@" bench/scripts/http-hello.js > "$out" &
  local pid=$!
  for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.05; done
  local port; port=$(head -1 "$out")
  [ -n "$port" ] || { echo "$name: server did not start" >&2; kill "$pid"; exit 1; }
  printf '%-9s ' "$name"
  bin/httpload -url "http://127.0.0.1:$port/" -c "$C" -d "$D"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$out"
}
load node node
load studio bin/studio run
if [ "${PROTOTYPES:-0}" = 1 ]; then
  load goja-min bin/httpgoja
  load go-wire bin/httpgoja -js=false
fi
