#!/usr/bin/env bash
# The window under load (issue 6): with the worker pool saturated and 10k
# pending timers (bench/gui/load.js), does the real window, under Xvfb's
# software OpenGL (Mesa llvmpipe), keep painting its live panels at least
# 20 times a second, use at most one core, and leave the runtime at least
# 95% of its headless throughput?
#
# Each round runs the fixture headless (`studio run bench/gui`) and then in
# the window (`studio bench/gui`, Run with Ctrl+F5 once the window is up),
# interleaved so that machine noise hits both alike, and reports per round:
#   - the fixture's figures (its JOBS pbkdf2 jobs' wall time, jobs/s, and
#     1 ms interval callbacks per second on the loop),
#   - CPU of the studio process over the run (utime+stime from /proc, in
#     cores: 1.00 = one core busy the whole time), and of Xvfb; in the
#     window, the process's CPU split between the worker pool's threads
#     (which the window runs at nice 10, launch.PoolPriority, so they are
#     told apart by their priority), the program's loop (its own thread,
#     named studio-loop) and the window: every other thread (the UI, the
#     protocol's encoding and decoding, Mesa's rasterisers, Go's own),
#     sampled per thread every 0.2 s,
#   - frames painted with a live-panel update per second (STUDIO_FRAME_LOG:
#     a one-pixel raster in the loop panel refreshed with every snapshot;
#     the GL painter regenerates it only when it paints it) and snapshots
#     applied per second, over the run.
# Usage: bench/gui.sh [ROUNDS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_go
ensure_build_deps
ensure_screen_deps
ROUNDS=${1:-3}
JOBS=${GUI_BENCH_JOBS:-256} # about 4 s headless on 2 CPUs
mkdir -p bin
go build -o bin/studio ./cmd/studio

display=:${STUDIO_BENCH_DISPLAY:-96}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
start_screen "$display" "$tmp/xvfb.log"
xvfb=$SCREEN_PID
pids+=("$xvfb")

hz=$(getconf CLK_TCK)
# cpu_ticks PID: utime+stime of a process so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
now_ms() { date +%s%3N; }
# sample_threads PID OUT: until PID ends, every 0.2 s, append "tid nice
# ticks" for each of its threads (fields 19, 14 and 15 of stat; the
# thread's name, field 2, is cut off first as it may hold spaces).
sample_threads() {
  while kill -0 "$1" 2>/dev/null; do
    awk '{ n = split(FILENAME, p, "/"); c = substr($0, index($0, "(") + 1); c = substr(c, 1, index(c, ")") - 1); sub(/^.*\) /, ""); print p[n-1], $17, $12 + $13, c }' /proc/"$1"/task/*/stat 2>/dev/null >>"$2" || true
    sleep 0.2
  done
}
# split_cores BASE SAMPLES MS: cores used by the pool (nice-10 threads),
# the loop (the thread named studio-loop) and the window (the rest), from
# a baseline sample and the samples after it (a thread's last sample minus
# its baseline, 0 for threads born since).
split_cores() {
  awk -v hz="$hz" -v ms="$3" '
    FNR == NR { base[$1] = $3; next }
    { last[$1] = $3; nice[$1] = $2; name[$1] = $4 }
    END {
      for (t in last) {
        d = last[t] - base[t]
        if (nice[t] == 10) pool += d; else if (name[t] == "studio-loop") loop += d; else win += d
      }
      printf "%.2f %.2f %.2f", pool / hz * 1000 / ms, loop / hz * 1000 / ms, win / hz * 1000 / ms
    }' "$1" "$2"
}

printf '%-8s %8s %8s %10s %9s %9s %9s %11s %6s %6s %6s\n' run ms jobs/s ticks/s cores xvfb fps snapshots/s pool loop window
for round in $(seq "$ROUNDS"); do
  # Headless.
  out="$tmp/headless.$round"
  start=$(now_ms)
  GUI_BENCH_JOBS=$JOBS GUI_BENCH_OUT="$out" /usr/bin/time -f '%U %S' -o "$tmp/time.$round" ./bin/studio run bench/gui >/dev/null
  wall=$(( $(now_ms) - start ))
  read -r u s <"$tmp/time.$round"
  cores=$(awk -v u="$u" -v s="$s" -v w="$wall" 'BEGIN{printf "%.2f", (u+s)*1000/w}')
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log([ "headless", r.ms, r.jobsPerSec, r.ticksPerSec, process.argv[2], "-", "-", "-", "-", "-", "-" ].map(String).join(" "));
  ' "$out" "$cores" | awk '{printf "%-8s %8s %8s %10s %9s %9s %9s %11s %6s %6s %6s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11}'

  # The window.
  out="$tmp/gui.$round"
  frames="$tmp/frames.$round"
  XDG_CONFIG_HOME="$tmp/config.$round" LANG=C.UTF-8 STUDIO_FRAME_LOG="$frames" GUI_BENCH_JOBS=$JOBS GUI_BENCH_OUT="$out" \
    ./bin/studio bench/gui >"$tmp/studio.$round.log" 2>&1 &
  studio=$!
  pids+=("$studio")
  wid=$(xdotool search --sync --name 'Studio' | head -1)
  sleep 3 # the window settles: start-up is not measured
  xdotool windowfocus --sync "$wid"
  : >"$tmp/threads.$round"
  awk '{ n = split(FILENAME, p, "/"); c = substr($0, index($0, "(") + 1); c = substr(c, 1, index(c, ")") - 1); sub(/^.*\) /, ""); print p[n-1], $17, $12 + $13, c }' /proc/"$studio"/task/*/stat >"$tmp/base.$round"
  c0=$(cpu_ticks "$studio"); x0=$(cpu_ticks "$xvfb"); t0=$(now_ms)
  sample_threads "$studio" "$tmp/threads.$round" &
  sampler=$!
  xdotool key ctrl+F5
  for _ in $(seq 1200); do [ -s "$out" ] && break; sleep 0.05; done
  t1=$(now_ms); c1=$(cpu_ticks "$studio"); x1=$(cpu_ticks "$xvfb")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  split=$(split_cores "$tmp/base.$round" "$tmp/threads.$round" $((t1 - t0)))
  sleep 1.2 # the frame log's next line
  kill "$studio"; wait "$studio" 2>/dev/null || true
  cores=$(awk -v a="$c0" -v b="$c1" -v hz="$hz" -v w=$((t1 - t0)) 'BEGIN{printf "%.2f", (b-a)/hz*1000/w}')
  xcores=$(awk -v a="$x0" -v b="$x1" -v hz="$hz" -v w=$((t1 - t0)) 'BEGIN{printf "%.2f", (b-a)/hz*1000/w}')
  # Frames and snapshots per second over the run: the log's lines within it.
  rates=$(awk -v t0="$t0" -v t1="$t1" '
    $1 >= t0 && first == "" { first = $1; p0 = $2; u0 = $3 }
    $1 <= t1 { last = $1; p1 = $2; u1 = $3 }
    END { if (last > first) printf "%.1f %.1f", (p1-p0)*1000/(last-first), (u1-u0)*1000/(last-first); else print "- -" }' "$frames")
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log([ "window", r.ms, r.jobsPerSec, r.ticksPerSec, ...process.argv.slice(2) ].map(String).join(" "));
  ' "$out" "$cores" "$xcores" $rates $split | awk '{printf "%-8s %8s %8s %10s %9s %9s %9s %11s %6s %6s %6s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11}'
done
