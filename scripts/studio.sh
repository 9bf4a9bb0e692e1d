#!/usr/bin/env bash
# Sets up and launches Studio's window on the bundled example project.
# Arguments go to `studio`: a folder opens that project, `run FILE` runs in
# the terminal. Without a display (no DISPLAY or WAYLAND_DISPLAY) the
# example runs in the terminal instead.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_go
ensure_build_deps
mkdir -p bin
go build -o bin/studio ./cmd/studio
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "studio: no display; running the example in the terminal" >&2
  set -- run assets/examples/event-loop-tour
fi
exec ./bin/studio "$@"
