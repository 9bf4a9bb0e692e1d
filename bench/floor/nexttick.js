// Engine floor for scripts/nexttick.js: 500k chained calls through a queue.
const N = 500000;
let n = 0;
const q = [];
function step() { if (++n < N) q.push(step); }
q.push(step);
for (let i = 0; i < q.length; i++) q[i]();
process.on('exit', () => { if (n !== N) { console.error('ran', n); process.exitCode = 1; } });
