#!/usr/bin/env bash
# Copies the shared Node conformance cases into testdata/conformance so that
# `go test ./...` runs them in-process. Run it again whenever shared/ gains cases.
# Cases are facts about Node v20: they are copied verbatim, never edited.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src="$here/../shared/conformance"
dst="$here/testdata/conformance"
[ -d "$src/cases" ] || { echo "no $src/cases" >&2; exit 1; }
rm -rf "$dst"
mkdir -p "$dst"
cp -r "$src/cases" "$dst/cases"
cp "$src/run.sh" "$src/README.md" "$dst/"
echo "synced $(find "$dst/cases" -maxdepth 1 -name '*.js' -o -maxdepth 1 -name '*.mjs' | wc -l) cases into testdata/conformance"
