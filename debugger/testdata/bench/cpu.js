// CPU-bound workloads for BenchmarkInstrumentedCPU: process.argv[2] names
// one, process.argv[3] is how many times it runs.
'use strict';
function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}
function sortNumbers() {
  const a = [];
  for (let i = 0; i < 20000; i++) a.push((i * 7919) % 100003);
  a.sort((x, y) => x - y);
  return a[0];
}
function jsonRoundTrips() {
  let o = { a: [1, 2, 3], b: 'x'.repeat(50), c: { d: 1.5, e: null, f: [true, false] } };
  for (let i = 0; i < 2000; i++) o = JSON.parse(JSON.stringify(o));
  return o.c.d;
}
const work = { fib: () => fib(20), sort: sortNumbers, json: jsonRoundTrips }[process.argv[2]];
const n = Number(process.argv[3]);
let sink = 0;
for (let i = 0; i < n; i++) sink += work();
if (Number.isNaN(sink)) throw new Error('unreachable');
// Never called: BenchmarkInstrumentedCPU's armed mode sets a breakpoint here.
function neverCalled() {
  return sink;
}
