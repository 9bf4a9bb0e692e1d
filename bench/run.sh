#!/usr/bin/env bash
# Runs each loop workload on node and on `studio run` side by side and prints
# the median wall time of RUNS runs and the ratio to node. The goja column
# is the engine's floor: bench/floor/W.js does the same JS work without an
# event loop on bare goja (bench/plaingoja), and loop_adds is what Studio's
# loop costs on top of the engine. Usage: bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
mkdir -p bin
go build -o bin/studio ./cmd/studio
go build -o bin/plaingoja ./bench/plaingoja

median_ms() { # median wall time in ms of RUNS runs of "$@"
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

printf '%-12s %9s %9s %7s %11s %9s\n' workload node_ms studio_ms ratio goja_ms loop_adds
# Loop workloads have an engine floor; the pool workloads (fs, pbkdf2) are
# issue 3's and have none.
for w in empty timers immediates nexttick awaits fs pbkdf2; do
  f=bench/scripts/$w.js
  n=$(median_ms node "$f")
  s=$(median_ms bin/studio run "$f")
  ratio=$(awk -v a="$s" -v b="$n" 'BEGIN { printf "%.2fx", a / (b ? b : 1) }')
  g=- add=-
  if [ -f "bench/floor/$w.js" ]; then
    g=$(median_ms bin/plaingoja "bench/floor/$w.js")
    add=$(awk -v a="$s" -v b="$g" 'BEGIN { printf "%+.0f%%", (a - b) * 100 / (b ? b : 1) }')
  fi
  printf '%-12s %9s %9s %7s %11s %9s\n' "$w" "$n" "$s" "$ratio" "$g" "$add"
done
