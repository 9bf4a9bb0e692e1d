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
# Every group but 029 (dns.lookup) and E (networking, 047-053), which join
# with the network bindings (runtime/conformance_test.go says the same).
FILTER='^0(0[1-9]|1[0-9]|2[0-8]|3[0-9]|4[0-6]|5[4-9]|6[0-9]|70)-' bash testdata/conformance/run.sh ./bin/studio\ run testdata/conformance/cases
