#!/usr/bin/env bash
# Deterministic twin of bench/http.sh: the instructions Studio's server
# executes per request of bench/httpinstr/server.js (http-hello's handler),
# counted by valgrind's callgrind, so other load on the machine does not
# matter. One keep-alive connection makes N requests in turn (bin/httpload
# -n); the count of a run serving one request (start-up, and the modules
# node loads on a server's first request) is subtracted. GOGC=off
# and GOMAXPROCS=1 keep the count repeatable (asyncpreemptoff: callgrind
# trips over the preemption signal). Loopback only.
# A BINARY named httpgoja is bench/httpgoja, the second design's prototype
# (run without the "run" word; "bin/httpgoja -js=false" is its Go-only mode).
# Usage: bench/http-instructions.sh [N] [BINARY...]   (default 300, bin/studio)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
N=${1:-300}
shift || true
mkdir -p bin
if [ $# -eq 0 ]; then go build -o bin/studio ./cmd/studio; set -- bin/studio; fi
go build -o bin/httpload ./bench/httpload
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() { # count "BINARY [FLAGS]" REQUESTS: instructions executed
  local cmd=($1) run=run
  [ "$(basename "${cmd[0]}")" = httpgoja ] && run=
  for _ in 1 2 3; do
    : > "$out/port"
    REQUESTS=$2 GODEBUG=asyncpreemptoff=1 GOGC=off GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file="$out/cg" \
      "${cmd[@]}" $run bench/httpinstr/server.js > "$out/port" 2> "$out/log" &
    local pid=$!
    for _ in $(seq 600); do [ -s "$out/port" ] && break; sleep 0.1; done
    if [ -s "$out/port" ]; then
      bin/httpload -url "http://127.0.0.1:$(head -1 "$out/port")/" -n "$2" > /dev/null || true
    fi
    if wait "$pid"; then
      sed -n 's/.*I *refs: *//p' "$out/log" | tr -d ,
      return
    fi
  done
  echo "valgrind failed 3 times on $1" >&2; exit 1
}
for b in "$@"; do
  start=$(count "$b" 1)
  total=$(count "$b" $((N + 1)))
  echo "$b: $(( (total - start) / N )) instructions per request ($N requests; start-up and first request $start)"
done
