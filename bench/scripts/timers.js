// 200k zero-delay timers, all scheduled up front (bench/README.md).
const N = 200000;
let fired = 0;
for (let i = 0; i < N; i++) setTimeout(() => { fired++; }, 0);
process.on('exit', () => { if (fired !== N) { console.error('fired', fired); process.exitCode = 1; } });
