#!/usr/bin/env bash
# What a real observer costs: each workload of scripts/ run plainly and with
# --prof-io, --warnings and --trace-out, interleaved (plain, prof-io,
# warnings, trace-out, plain, ...) RUNS times. For the loop workloads, the
# median wall time and the median CPU time (user + system, every thread:
# the observer's own goroutine included) and their cost over plain. For
# http, the hello server under bench/httpload (32 connections, DUR per run):
# requests per second, and the server's CPU time per request. CPU time is
# the figure to read on a shared machine: wall time and throughput move
# with whatever else runs. Issue 7's bound: at most 5%. Records an observer
# dropped (it is lossy) are taken from its own report.
# Traffic stays on 127.0.0.1; every run is bounded in time.
# Usage: bench/profcost.sh [RUNS] [DUR] [WORKLOADS...]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
DUR=${2:-5s}
if [ $# -ge 2 ]; then shift 2; else shift $#; fi
WORKLOADS=${*:-timers immediates fs pbkdf2 http}
mkdir -p bin
go build -o bin/studio ./cmd/studio
go build -o bin/httpload ./bench/httpload
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
modes=(plain prof-io warnings trace-out)
flags() {
  case $1 in
  plain) ;;
  prof-io) echo --prof-io ;;
  warnings) echo --warnings ;;
  trace-out) echo "--trace-out $tmp/t.json" ;;
  esac
}
drops() { grep -Eo '[0-9]+ records were dropped' "$1" | grep -Eo '^[0-9]+' | head -1 || true; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", (a - b) * 100 / b }'; } # cost of a over b
loss() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", (b - a) * 100 / b }'; } # throughput a lost against b

printf '%-10s %-9s %10s %7s %12s %7s %8s\n' workload mode wall cost cpu cost dropped
for w in $WORKLOADS; do
  declare -A wall=() cpu=() drop=()
  for _ in $(seq "$RUNS"); do
    for m in "${modes[@]}"; do
      err=$tmp/err
      if [ "$w" = http ]; then
        out=$tmp/out
        : > "$out"
        # shellcheck disable=SC2046
        /usr/bin/time -o "$tmp/time" -f '%e %U %S' bin/studio run $(flags "$m") bench/scripts/http-hello.js > "$out" 2> "$err" &
        pid=$!
        for _ in $(seq 200); do [ -s "$out" ] && break; sleep 0.05; done
        port=$(head -1 "$out")
        load=$(bin/httpload -url "http://127.0.0.1:$port/" -c 32 -d "$DUR" -warmup 0s)
        pkill -TERM -P "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        cat "$out" >> "$err"
        reqs=$(echo "$load" | awk '{for (i=1;i<NF;i++) if ($i=="requests") print $(i+1)}')
        rps=$(echo "$load" | awk '{for (i=1;i<NF;i++) if ($i=="rps") print $(i+1)}')
        wall[$m]+="$rps "
        cpu[$m]+="$(tail -1 "$tmp/time" | awk -v r="$reqs" '{ printf "%.1f", ($2 + $3) * 1e6 / r }') "
      else
        # shellcheck disable=SC2046
        /usr/bin/time -o "$tmp/time" -f '%e %U %S' bin/studio run $(flags "$m") "bench/scripts/$w.js" > /dev/null 2> "$err"
        wall[$m]+="$(tail -1 "$tmp/time" | awk '{ printf "%d", $1 * 1000 }') "
        cpu[$m]+="$(tail -1 "$tmp/time" | awk '{ printf "%d", ($2 + $3) * 1000 }') "
      fi
      d=$(drops "$err")
      drop[$m]+="${d:-0} "
    done
  done
  bw=$(echo "${wall[plain]}" | median)
  bc=$(echo "${cpu[plain]}" | median)
  for m in "${modes[@]}"; do
    vw=$(echo "${wall[$m]}" | median)
    vc=$(echo "${cpu[$m]}" | median)
    dr=$(echo "${drop[$m]}" | median)
    if [ "$w" = http ]; then
      printf '%-10s %-9s %8s/s %7s %9s us/req %7s %8s\n' "$w" "$m" "$vw" "$(loss "$vw" "$bw")" "$vc" "$(pct "$vc" "$bc")" "$dr"
    else
      printf '%-10s %-9s %7s ms %7s %9s ms %7s %8s\n' "$w" "$m" "$vw" "$(pct "$vw" "$bw")" "$vc" "$(pct "$vc" "$bc")" "$dr"
    fi
  done
  unset wall cpu drop
done
