// fs.watch on inotify: a new file in a watched dir is a 'rename', a write to a watched file a
// 'change' named after the file; close emits 'close'; a missing path is node's ENOENT watch
// error; a non-persistent watcher does not keep the loop alive.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodelib-fs-watch-'));
const rel = (s) => String(s).split(dir).join('<dir>');
try { fs.watch(path.join(dir, 'missing')); } catch (e) { console.log('missing', e.code, rel(e.message), rel(e.filename)); }
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'x');
fs.mkdirSync(path.join(dir, 'other'));
fs.watch(path.join(dir, 'other'), { persistent: false }, () => {});
const w = fs.watch(dir, (type, name) => {
  console.log('dir event', type, name);
  w.close();
});
w.on('close', () => {
  console.log('dir watcher closed');
  const fw = fs.watch(file, { encoding: 'buffer' }, (type, name) => {
    console.log('file event', type, Buffer.isBuffer(name), String(name));
    fw.close();
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  });
  fs.appendFileSync(file, 'y');
});
fs.writeFileSync(path.join(dir, 'new.txt'), 'z');
