// Engine floor for scripts/nexttick.js: 500k chained callbacks, each
// naming the next.
const N = 500000;
let n = 0;
let next;
function step() { if (++n < N) next = step; }
next = step;
while (next !== undefined) { const f = next; next = undefined; f(); }
process.on('exit', () => { if (n !== N) { console.error('ran', n); process.exitCode = 1; } });
