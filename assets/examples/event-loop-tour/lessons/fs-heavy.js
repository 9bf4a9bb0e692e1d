// Lesson: an fs-heavy script. Every fs call with a callback (or a promise)
// is a request on libuv's worker pool: open, stat, read and close each wait
// for a lane, run there, and come back in the poll phase.
//
// What to watch, in the window:
//   - Event loop panel, Worker pool: the lanes fill with short FSREQCALLBACK
//     bars (thin bar above: the time a request waited in the pool's queue;
//     thick bar: its run). Hover one: which call, how long it waited and
//     ran, and the line that made it.
//   - Latency tab: FSREQCALLBACK and FSREQPROMISE with p50/p95/p99.
//   - Profiler tab: the same split per call site (queue wait, service,
//     callback delay), and a hint for the two awaits in sequence in
//     `summary` (they could run together with Promise.all).
// Run it alone (Run > Run Current File) or as part of the tour.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

module.exports = function fsHeavy(log, done) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-fs-lesson-'));
  const files = 200;
  const body = 'x'.repeat(16 * 1024);
  let written = 0;
  for (let i = 0; i < files; i++) {
    fs.writeFile(path.join(dir, `f${i}.txt`), body, (err) => {
      if (err) throw err;
      if (++written === files) readAll();
    });
  }
  log(`${files} writes of 16 KiB queued at once: more requests than lanes`);

  function readAll() {
    log(`${written} files written`);
    let bytes = 0;
    let read = 0;
    for (let i = 0; i < files; i++) {
      fs.readFile(path.join(dir, `f${i}.txt`), (err, data) => {
        if (err) throw err;
        bytes += data.length;
        if (++read === files) {
          log(`${read} files read back, ${bytes} bytes`);
          summary().then(cleanUp);
        }
      });
    }
  }

  async function summary() {
    // Two independent requests awaited one after the other.
    const first = await fsp.stat(path.join(dir, 'f0.txt'));
    const entries = await fsp.readdir(dir);
    log(`stat: ${first.size} bytes; readdir: ${entries.length} entries`);
  }

  function cleanUp() {
    fs.rm(dir, { recursive: true }, (err) => {
      if (err) throw err;
      log('temporary folder removed');
      done();
    });
  }
};

if (require.main === module) {
  module.exports((msg) => console.log(msg), () => {});
}
