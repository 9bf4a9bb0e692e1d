#!/usr/bin/env bash
# Runs each loop workload on node and on `studio run` side by side and prints
# the median wall time of RUNS runs and the ratio to node. The goja column
# is the engine's floor: bench/floor/W.js does the same JS work without an
# event loop on bare goja (bench/plaingoja), and loop_adds is what Studio's
# loop costs on top of the engine.
#
# Usage: bench/run.sh [RUNS] [WORKLOAD...]   e.g. bench/run.sh 9 fs pbkdf2
#
# The runs of node, studio and the floor alternate (node, studio, floor,
# node, ...), so a load that comes and goes on the machine falls on all of
# them alike. Before each run of a workload that creates files, `sync`
# writes back what the previous run left dirty: ext4 scans the inode-table
# blocks of recently deleted inodes that are still dirty when it allocates
# a new one (recently_deleted, in the kernel's profile of file creation), so
# without it each run pays for the 2000 files the previous one removed, and
# the second program of a pair pays for the first.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
shift || true
WORKLOADS=("$@")
if [ ${#WORKLOADS[@]} -eq 0 ]; then
  WORKLOADS=(empty timers immediates nexttick awaits fs pbkdf2)
fi
for w in "${WORKLOADS[@]}"; do
  [ -f "bench/scripts/$w.js" ] || { echo "bench/run.sh: no workload $w (bench/scripts/$w.js)" >&2; exit 2; }
done
mkdir -p bin
go build -o bin/studio ./cmd/studio
go build -o bin/plaingoja ./bench/plaingoja

# Workloads that create and remove files: sync before each of their runs.
syncs() { [ "$1" = fs ]; }

ms_of() { # wall time in ms of one run of "$@"
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }

printf '%-12s %9s %9s %7s %11s %9s\n' workload node_ms studio_ms ratio goja_ms loop_adds
# Loop workloads have an engine floor; the pool workloads (fs, pbkdf2) are
# issue 3's and have none.
for w in "${WORKLOADS[@]}"; do
  f=bench/scripts/$w.js
  floor=
  [ -f "bench/floor/$w.js" ] && floor=bench/floor/$w.js
  ns=() ss=() gs=()
  for _ in $(seq "$RUNS"); do
    if syncs "$w"; then sync; fi
    # One assignment per run, so that set -e stops on a failed run.
    t=$(ms_of node "$f")
    ns+=("$t")
    if syncs "$w"; then sync; fi
    t=$(ms_of bin/studio run "$f")
    ss+=("$t")
    if [ -n "$floor" ]; then
      t=$(ms_of bin/plaingoja "$floor")
      gs+=("$t")
    fi
  done
  n=$(printf '%s\n' "${ns[@]}" | median)
  s=$(printf '%s\n' "${ss[@]}" | median)
  ratio=$(awk -v a="$s" -v b="$n" 'BEGIN { printf "%.2fx", a / (b ? b : 1) }')
  g=- add=-
  if [ -n "$floor" ]; then
    g=$(printf '%s\n' "${gs[@]}" | median)
    add=$(awk -v a="$s" -v b="$g" 'BEGIN { printf "%+.0f%%", (a - b) * 100 / (b ? b : 1) }')
  fi
  printf '%-12s %9s %9s %7s %11s %9s\n' "$w" "$n" "$s" "$ratio" "$g" "$add"
done
