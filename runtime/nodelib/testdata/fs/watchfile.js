// fs.watchFile polls stat: a missing file reports zeroed Stats once, its creation then
// reports the new Stats against the zeroed ones; unwatchFile stops the poller.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodelib-fs-watchfile-'));
const file = path.join(dir, 'later.txt');
let n = 0;
fs.watchFile(file, { interval: 10 }, (cur, prev) => {
  n++;
  console.log('change', n, cur.size, prev.size, cur.isFile(), prev.isFile(), cur.mtimeMs > 0, prev.mtimeMs);
  if (n === 1) fs.writeFileSync(file, 'hello');
  else {
    fs.unwatchFile(file);
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  }
});
