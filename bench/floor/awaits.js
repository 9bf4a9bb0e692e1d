// Engine floor for scripts/awaits.js: the same program (goja drains the jobs itself).
const N = 1000000;
async function main() { let s = 0; for (let i = 0; i < N; i++) s += await i; return s; }
main().then((s) => { if (s !== (N - 1) * N / 2) { console.error('sum', s); process.exitCode = 1; } });
