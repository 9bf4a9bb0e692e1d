// Engine floor for scripts/timers.js: the same JS work without a loop
// (create 200k closures, then call each with a receiver as a timer is).
const N = 200000;
let fired = 0;
const q = new Array(N);
for (let i = 0; i < N; i++) q[i] = () => { fired++; };
for (let i = 0; i < N; i++) q[i].call(q);
process.on('exit', () => { if (fired !== N) { console.error('fired', fired); process.exitCode = 1; } });
