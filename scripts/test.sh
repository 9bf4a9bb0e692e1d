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
bash testdata/conformance/run.sh ./bin/studio\ run testdata/conformance/cases
