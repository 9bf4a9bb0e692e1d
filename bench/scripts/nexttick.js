// 500k chained process.nextTick: each callback schedules the next.
const N = 500000;
let n = 0;
function step() { if (++n < N) process.nextTick(step); }
process.nextTick(step);
process.on('exit', () => { if (n !== N) { console.error('ran', n); process.exitCode = 1; } });
