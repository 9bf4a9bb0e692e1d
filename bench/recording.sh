#!/usr/bin/env bash
# What recording costs when nobody observes (issue 2: at most 3%): the loop
# benchmarks in the normal build against a build tagged studio_norecord, in
# which every trace site is compiled out, compared with benchstat.
# Usage: bench/recording.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-8}
out=$(mktemp -d)
for i in $(seq "$COUNT"); do
  # Interleave the two builds so that machine noise hits both alike.
  go test -run '^$' -bench '^BenchmarkLoop$' -count 1 -tags studio_norecord ./runtime >> "$out/off.txt"
  go test -run '^$' -bench '^BenchmarkLoop$' -count 1 ./runtime >> "$out/on.txt"
done
go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da "$out/off.txt" "$out/on.txt" | sed 's/off.txt/recording compiled out/; s/on.txt/recording, unobserved/'
rm -rf "$out"
