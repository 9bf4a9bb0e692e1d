#!/usr/bin/env bash
# Sets up what Studio's tests need and runs all of them: vet, go test with
# the race detector (the Node conformance cases run in-process there), and
# the same cases through the built `studio run` binary with shared run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_go
ensure_build_deps

echo "== go vet"
go vet ./...
echo "== go test -race"
go test -race -count=1 -timeout 15m ./...
echo "== studio run on the conformance cases"
mkdir -p bin
go build -o bin/studio ./cmd/studio
# The groups issue 2 delivers (A event loop, D core modules, F modules,
# G language); B, C and E join with the Node I/O modules.
FILTER='^0(0[1-9]|1[0-6]|3[1-9]|4[0-6]|5[4-9]|6[0-9]|70)-' bash testdata/conformance/run.sh ./bin/studio\ run testdata/conformance/cases
