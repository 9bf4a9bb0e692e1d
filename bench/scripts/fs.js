// 2000 small files written then read back through fs callbacks in a temp dir: one worker-pool
// request per open/write/fstat/read/close, completion delivery in the poll phase; every
// file's content is checked and the dir is removed at the end.
const fs = require('fs');
const os = require('os');
const path = require('path');
const N = 2000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fs-'));
let written = 0;
let read = 0;
for (let i = 0; i < N; i++) {
  const file = path.join(dir, 'f' + i);
  fs.writeFile(file, 'content ' + i, (err) => {
    if (err) throw err;
    if (++written === N) readAll();
  });
}
function readAll() {
  for (let i = 0; i < N; i++) {
    fs.readFile(path.join(dir, 'f' + i), 'utf8', (err, text) => {
      if (err) throw err;
      if (text !== 'content ' + i) { console.error('file', i, JSON.stringify(text)); process.exitCode = 1; }
      if (++read === N) fs.rm(dir, { recursive: true }, (err) => { if (err) throw err; });
    });
  }
}
process.on('exit', () => {
  if (read !== N) { console.error('read', read); process.exitCode = 1; }
  if (fs.existsSync(dir)) { console.error('dir left behind'); process.exitCode = 1; }
});
