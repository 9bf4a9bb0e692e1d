// The worker pool: crypto.pbkdf2 runs on libuv's pool (4 lanes unless
// UV_THREADPOOL_SIZE says otherwise). Start more jobs than lanes and the
// rest wait in the pool's queue; each callback comes back in the poll
// phase. Run this file alone (Run > Run Current File) and watch the lanes.
const crypto = require('crypto');

module.exports = function pool(log, done) {
  const jobs = 12;
  let finished = 0;
  for (let i = 1; i <= jobs; i++) {
    crypto.pbkdf2('secret', 'salt', 400000, 64, 'sha512', () => {
      finished++;
      log(`pbkdf2 job ${i} done (${finished}/${jobs})`);
      if (finished === jobs) done();
    });
  }
  log(`${jobs} pbkdf2 jobs queued on a pool of ${process.env.UV_THREADPOOL_SIZE || 4} lanes`);
};

if (require.main === module) {
  const t0 = Date.now();
  module.exports((msg) => console.log(`[${String(Date.now() - t0).padStart(5)} ms] ${msg}`), () => {});
}
