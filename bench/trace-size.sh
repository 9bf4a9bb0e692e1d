#!/usr/bin/env bash
# How big a trace an HTTP load run writes. The hello server
# (scripts/http-hello.js) runs under bench/httpload (CONNS keep-alive
# connections on 127.0.0.1) for DUR, once with --trace-out (streaming: the
# file grows with the records) and once with --trace-out --trace-last LAST
# (the flight recorder: only the last LAST seconds are written). For each:
# requests served, file size, bytes per request and per second of load,
# records dropped, and bench/tracecheck's verdict on the file's structure.
# Traffic stays on 127.0.0.1; every run is bounded in time.
# Usage: bench/trace-size.sh [DUR] [LAST] [CONNS]
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-60s}
LAST=${2:-10}
CONNS=${3:-32}
mkdir -p bin
go build -o bin/studio ./cmd/studio
go build -o bin/httpload ./bench/httpload
go build -o bin/tracecheck ./bench/tracecheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
secs=$(awk -v d="$DUR" 'BEGIN { s = d + 0; if (d ~ /m$/) s *= 60; if (d ~ /ms$/) s /= 1000; print s }')
printf '%-16s %9s %12s %9s %11s %8s  %s\n' mode requests bytes B/req B/s_load dropped structure
for mode in full last; do
  args=(--trace-out "$tmp/t.json")
  [ "$mode" = last ] && args+=(--trace-last "$LAST")
  out=$tmp/out
  : > "$out"
  bin/studio run "${args[@]}" bench/scripts/http-hello.js > "$out" 2> "$tmp/err" &
  pid=$!
  for _ in $(seq 200); do [ -s "$out" ] && break; sleep 0.05; done
  port=$(head -1 "$out")
  [ -n "$port" ] || { echo "server did not start" >&2; cat "$tmp/err" >&2; kill "$pid"; exit 1; }
  load=$(bin/httpload -url "http://127.0.0.1:$port/" -c "$CONNS" -d "$DUR" -warmup 0s)
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  reqs=$(echo "$load" | awk '{for (i=1;i<NF;i++) if ($i=="requests") print $(i+1)}')
  size=$(stat -c %s "$tmp/t.json")
  dropped=$(grep -Eo '[0-9]+ records were dropped' "$tmp/err" "$out" | grep -Eo '[0-9]+ records' | grep -Eo '[0-9]+' | head -1 || true)
  verdict=$(bin/tracecheck "$tmp/t.json" 2>&1 | tail -1)
  bin/tracecheck "$tmp/t.json" > /dev/null 2>&1 && verdict="well formed ($(bin/tracecheck "$tmp/t.json" | cut -d: -f1))"
  label=$mode
  [ "$mode" = last ] && label="last ${LAST}s"
  printf '%-16s %9s %12s %9s %11s %8s  %s\n' "$label" "$reqs" "$size" \
    "$(awk -v s="$size" -v r="$reqs" 'BEGIN { printf "%.0f", s / (r ? r : 1) }')" \
    "$(awk -v s="$size" -v t="$secs" 'BEGIN { printf "%.0f", s / t }')" "${dropped:-0}" "$verdict"
done
