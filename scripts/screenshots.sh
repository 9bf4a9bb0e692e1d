#!/usr/bin/env bash
# Shows Studio's real window on a virtual X server (Xvfb, Mesa's software
# OpenGL) and drives it as a user would: opens the bundled example, sets a
# breakpoint with a click in the gutter, debugs with F5, and saves what the
# window shows in docs/screenshots/:
#   1-open.png     the example project as it opens
#   2-paused.png   paused at the breakpoint: stack, variables, the loop live
#   3-pending.png  the same pause, the pending async ops table
#   4-stepped.png  after three F10s (step over): a nextTick and a promise
#                  reaction queued by the paused callback, in the Queues
#   5-finished.png the tour run to its end, the console's output
#   6-pool.png     lessons/pool.js running: the pool's lanes busy, jobs queued
#   7-learning.png learning mode: stopped before a callback, and why it runs now
#   8-profiler.png the Profiler tab after pool.js: I/O latency per call site
# The clicks are positions in the window's fixed 1400x900 layout; look at
# the pictures after changing the layout.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_go
ensure_build_deps
ensure_screen_deps
mkdir -p bin docs/screenshots
go build -o bin/studio ./cmd/studio

display=:${STUDIO_DISPLAY:-97}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

start_screen "$display" "$tmp/xvfb.log"
pids+=("$SCREEN_PID")

# A fresh config folder: the window copies the bundled example there.
XDG_CONFIG_HOME="$tmp/config" LANG=C.UTF-8 ./bin/studio >"$tmp/studio.log" 2>&1 &
pids+=($!)
wid=$(xdotool search --sync --name 'Studio' | head -1)
sleep 3
# No window manager gives the window the keyboard: focus it once.
xdotool windowfocus --sync "$wid"

shot() { import -window root "docs/screenshots/$1.png"; echo "saved docs/screenshots/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-0.5}"; }

shot 1-open
# The file tree's lessons/between-callbacks.js, then the gutter of its line 6
# (log(`timer ${n}`), inside a setTimeout callback of lesson 2).
click 153 166 1
gutter_x=298 line1_y=120 line_h=18.4
click $gutter_x "$(awk "BEGIN{print int($line1_y + 5*$line_h)}")"
# F5 debugs the project's main (index.js): the tour runs to lesson 2 and stops.
xdotool mousemove 600 400 key F5
sleep 4
shot 2-paused
click 414 580 1.5 # the Pending ops tab
shot 3-pending
click 324 580 0.5 # back to the console
for _ in 1 2 3; do
  xdotool mousemove 600 400 key F10
  sleep 1
done
sleep 1
shot 4-stepped
# Clear the breakpoint (F9 on the cursor line would need the cursor there:
# click the mark again), then continue to the end.
click $gutter_x "$(awk "BEGIN{print int($line1_y + 5*$line_h)}")"
xdotool mousemove 600 400 key F5
sleep 10 # the tour's later lessons: fs, HTTP
shot 5-finished
# lessons/pool.js alone (Run > Run Current File): 12 pbkdf2 jobs on 4 lanes.
# The tree lists more lessons than it shows: scroll it down 5 steps first.
xdotool mousemove 150 250 click --repeat 5 5
sleep 0.7
click 109 237 1
click 115 13 0.7
click 110 122 0.7
shot 6-pool
sleep 5
# The Profiler tab once pool.js has ended: its pbkdf2 jobs per call site
# (queue wait, service, callback delay), the slowest with their stacks.
click 697 580 1.5
shot 8-profiler
click 324 580 0.5 # back to the console
# Learning mode: debug pool.js (Run > Debug Current File), then
# Run > Next Callback: the loop stops before the first pbkdf2 completion.
click 115 13 0.3
click 120 161 0.6 # the run starts (its start resumes the loop) before the step, and
# pool.js lasts about 1.2 s: step while its jobs still run
click 115 13 0.3
click 150 528 2
shot 7-learning
grep -v 'Fyne error\|Cause:\|At:' "$tmp/studio.log" >&2 || true
