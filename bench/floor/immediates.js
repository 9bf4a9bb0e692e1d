// Engine floor for scripts/immediates.js: 300k chained calls through a queue.
const N = 300000;
let n = 0;
const q = [];
function step() { if (++n < N) q.push(step); }
q.push(step);
for (let i = 0; i < q.length; i++) q[i].call(q);
process.on('exit', () => { if (n !== N) { console.error('ran', n); process.exitCode = 1; } });
