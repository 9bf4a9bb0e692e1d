#!/usr/bin/env bash
# Debugger instrumentation cost: CPU-bound JavaScript (fib, a sort, JSON
# round trips) run plain, instrumented with no breakpoint set, and armed (a
# breakpoint set on a line that never runs: every hook records its frame
# for caller scopes), side by side. The issue's bound is 2x for
# instrumented. Usage: bench/debugger.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-3}
go test -run XXX -bench BenchmarkInstrumentedCPU -benchtime 2s -count "$count" ./debugger |
awk '/^BenchmarkInstrumentedCPU/ {
	split($1, p, "/"); w = p[2]; m = p[3]; sub(/-[0-9]+$/, "", m)
	sum[w "/" m] += $3; n[w "/" m]++
}
END {
	printf "%-6s %14s %14s %7s %14s %7s\n", "work", "plain ns/op", "instr. ns/op", "ratio", "armed ns/op", "ratio"
	split("fib sort json", ws, " ")
	for (i = 1; i <= 3; i++) {
		w = ws[i]; a = sum[w "/plain"] / n[w "/plain"]; b = sum[w "/instrumented"] / n[w "/instrumented"]
		c = sum[w "/armed"] / n[w "/armed"]
		printf "%-6s %14.0f %14.0f %6.2fx %14.0f %6.2fx\n", w, a, b, b / a, c, c / a
	}
}'
