#!/usr/bin/env bash
# Records what node v20 prints for each testdata/node-compat/*.js, the way
# shared/conformance records its cases: run from that directory with the
# absolute path, stdin from /dev/null; stdout to NAME.out, a non-zero exit
# code to NAME.code. Each case must then print the same 5 more times, or it
# is timing-dependent and refused. Expected outputs are never hand-written.
set -euo pipefail
dir=$(cd "$(dirname "$0")/../testdata/node-compat" && pwd)
node --version | grep -q '^v20\.' || { echo "node v20 required" >&2; exit 2; }
cd "$dir"
status=0
for f in *.js *.mjs; do
  [ -e "$f" ] || continue
  b=${f%.*}
  rc=0; node "$dir/$f" < /dev/null > "$b.out" 2>/dev/null || rc=$?
  if [ "$rc" -ne 0 ]; then echo "$rc" > "$b.code"; else rm -f "$b.code"; fi
  for _ in 1 2 3 4 5; do
    if ! { node "$dir/$f" < /dev/null 2>/dev/null || true; } | cmp -s - "$b.out"; then
      echo "refused $f: its output varies between runs" >&2; rm -f "$b.out" "$b.code"; status=1; break
    fi
  done
done
exit $status
