// 300k chained setImmediate: each callback schedules the next.
const N = 300000;
let n = 0;
function step() { if (++n < N) setImmediate(step); }
setImmediate(step);
process.on('exit', () => { if (n !== N) { console.error('ran', n); process.exitCode = 1; } });
