// 32 concurrent crypto.pbkdf2 jobs (sha256, 100000 iterations) on the worker pool: pool
// throughput and completion delivery; every derived key is checked against pbkdf2Sync.
const crypto = require('crypto');
const N = 32;
const want = crypto.pbkdf2Sync('password', 'salt-0', 100000, 32, 'sha256').toString('hex');
let done = 0;
for (let i = 0; i < N; i++) {
  crypto.pbkdf2('password', 'salt-' + (i % 4), 100000, 32, 'sha256', (err, key) => {
    if (err) throw err;
    if (i % 4 === 0 && key.toString('hex') !== want) { console.error('key', i, key.toString('hex')); process.exitCode = 1; }
    done++;
  });
}
process.on('exit', () => { if (done !== N) { console.error('done', done); process.exitCode = 1; } });
