// Engine floor for scripts/immediates.js: 300k chained callbacks, each
// naming the next, called with a receiver as an immediate is.
const N = 300000;
let n = 0;
let next;
const self = {};
function step() { if (++n < N) next = step; }
next = step;
while (next !== undefined) { const f = next; next = undefined; f.call(self); }
process.on('exit', () => { if (n !== N) { console.error('ran', n); process.exitCode = 1; } });
