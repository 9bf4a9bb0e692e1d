#!/usr/bin/env bash
# Deterministic twin of bench/recording.sh: instructions counted by
# valgrind's callgrind (not seconds, so other load on the machine does not
# matter) for scripts/recording-mix.js, minus start-up (scripts/empty.js),
# in the normal build and in one tagged studio_norecord. GOGC=off and
# GOMAXPROCS=1 keep the count repeatable. valgrind sometimes fails on Go
# binaries; each run is retried.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
out=$(mktemp -d)
go build -o "$out/on" ./cmd/studio
go build -tags studio_norecord -o "$out/off" ./cmd/studio
count() { # count BINARY SCRIPT: instructions executed
  for _ in 1 2 3 4 5; do
    if GODEBUG=asyncpreemptoff=1 GOGC=off GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$1" run "$2" >"$out/log" 2>&1; then
      sed -n 's/.*I *refs: *//p' "$out/log" | tr -d ,
      return
    fi
  done
  echo "valgrind failed 5 times on $1 $2" >&2; exit 1
}
for b in off on; do
  total=$(count "$out/$b" bench/scripts/recording-mix.js)
  start=$(count "$out/$b" bench/scripts/empty.js)
  eval "loop_$b=$((total - start))"
  echo "$b: $total instructions, start-up $start, loop work $((total - start))"
done
awk -v a="$loop_on" -v b="$loop_off" 'BEGIN { printf "unobserved recording costs %+.2f%% of the loop work\n", (a - b) * 100 / b }'
rm -rf "$out"
