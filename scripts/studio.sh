#!/usr/bin/env bash
# Sets up and launches Studio on the bundled example project. Until the GUI
# lands, Studio runs the example in the terminal. Extra arguments go to
# `studio run`, e.g. scripts/studio.sh assets/examples/event-loop-tour.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_go
mkdir -p bin
go build -o bin/studio ./cmd/studio
if [ $# -eq 0 ]; then set -- assets/examples/event-loop-tour; fi
exec ./bin/studio run "$@"
