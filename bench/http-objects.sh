#!/usr/bin/env bash
# What node's own HTTP server objects cost on Studio, in instructions
# (callgrind, as bench/http-instructions.sh): bench/httpinstr/objects.js
# makes them N times without any connection, one part more per PART, and
# the difference of two runs (N+10 and 10 turns) is divided by N.
# Usage: bench/http-objects.sh [N]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
N=${1:-1000}
mkdir -p bin
go build -o bin/studio ./cmd/studio
count() { # count PART TURNS: instructions executed
  for _ in 1 2 3; do
    local n
    n=$(PART=$1 N=$2 GODEBUG=asyncpreemptoff=1 GOGC=off GOMAXPROCS=1 valgrind --tool=callgrind \
      --callgrind-out-file=/dev/null bin/studio run bench/httpinstr/objects.js 2>&1 |
      sed -n 's/.*I *refs: *//p' | tr -d ,)
    [ -n "$n" ] && { echo "$n"; return; }
  done
  echo "valgrind failed 3 times" >&2; exit 1
}
names=("setImmediate turn" "+ new IncomingMessage" "+ new ServerResponse"
  "+ assignSocket, writeHead, end" "  (without end)" "  (without writeHead)")
for p in 0 1 2 3 4 5; do
  a=$(count "$p" 10)
  b=$(count "$p" $((N + 10)))
  printf '%-32s %9d instructions per turn\n' "${names[$p]}" $(( (b - a) / N ))
done
