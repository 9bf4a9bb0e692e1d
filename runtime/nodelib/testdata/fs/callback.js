// Callback fs calls, each started from the previous callback: results, callback arity, and
// errors whose stack is only the message line, as node creates them without a JS frame.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodelib-fs-cb-'));
const rel = (s) => String(s).split(dir).join('<dir>');
const f = path.join(dir, 'f.txt');
const steps = [
  (next) => fs.writeFile(f, 'hello', (...a) => { console.log('writeFile', a.length, a[0]); next(); }),
  (next) => fs.appendFile(f, ' world', (e) => { console.log('appendFile', e); next(); }),
  (next) => fs.readFile(f, 'utf8', (e, s) => { console.log('readFile', e, s); next(); }),
  (next) => fs.readFile(path.join(dir, 'nope'), (e, d) => {
    console.log('readFile missing', rel(e.message), JSON.stringify(Object.keys(e)), e.errno, rel(e.stack), d);
    next();
  }),
  (next) => fs.stat(f, (e, s) => { console.log('stat', e, s.size, s.isFile(), s.isDirectory()); next(); }),
  (next) => fs.stat(f, { bigint: true }, (e, s) => { console.log('stat bigint', typeof s.size, String(s.size)); next(); }),
  (next) => fs.lstat(path.join(dir, 'nope'), (e) => { console.log('lstat missing', e.code, e.syscall); next(); }),
  (next) => fs.open(f, 'r', (e, fd) => {
    const buf = Buffer.alloc(5);
    fs.read(fd, buf, 0, 5, 6, (e, n, b) => {
      console.log('read', e, n, String(b), b === buf);
      fs.fstat(fd, (e, st) => {
        console.log('fstat', e, st.size);
        fs.close(fd, (...a) => { console.log('close', a.length, a[0]); next(); });
      });
    });
  }),
  (next) => fs.open(f, 'r+', (e, fd) => {
    fs.write(fd, 'J', 0, (e, n, s) => {
      console.log('write string', e, n, s);
      fs.write(fd, Buffer.from('Y'), 0, 1, 4, (e, n) => {
        console.log('write buffer', e, n);
        fs.ftruncate(fd, 5, (e) => {
          fs.fsync(fd, (e2) => fs.close(fd, () => { console.log('ftruncate fsync', e, e2, fs.readFileSync(f, 'utf8')); next(); }));
        });
      });
    });
  }),
  (next) => fs.open(path.join(dir, 'nope', 'x'), 'r', (e) => { console.log('open missing', rel(e.message)); next(); }),
  (next) => fs.mkdir(path.join(dir, 'a/b'), { recursive: true }, (e, first) => { console.log('mkdir recursive', e, rel(first)); next(); }),
  (next) => fs.mkdir(path.join(dir, 'a'), (e) => { console.log('mkdir existing', e.code, rel(e.message)); next(); }),
  (next) => fs.readdir(dir, (e, names) => { console.log('readdir', e, names); next(); }),
  (next) => fs.readdir(dir, { withFileTypes: true }, (e, ents) => { console.log('readdir types', ents.map((d) => d.name + ':' + d.isDirectory())); next(); }),
  (next) => fs.readdir(f, (e) => { console.log('readdir file', e.code, e.syscall); next(); }),
  (next) => fs.rename(f, path.join(dir, 'g.txt'), (e) => { console.log('rename', e); next(); }),
  (next) => fs.rename(f, path.join(dir, 'h.txt'), (e) => { console.log('rename missing', rel(e.message), rel(e.dest)); next(); }),
  (next) => fs.copyFile(path.join(dir, 'g.txt'), f, (e) => { console.log('copyFile', e, fs.readFileSync(f, 'utf8')); next(); }),
  (next) => fs.symlink('g.txt', path.join(dir, 'ln'), (e) => {
    fs.readlink(path.join(dir, 'ln'), (e2, t) => {
      fs.realpath(path.join(dir, 'ln'), (e3, p) => { console.log('symlink readlink realpath', e, e2, t, e3, rel(p)); next(); });
    });
  }),
  (next) => fs.access(path.join(dir, 'zz'), (e) => { console.log('access missing', rel(e.message)); next(); }),
  (next) => fs.exists(f, (x) => { console.log('exists', x); next(); }),
  (next) => fs.chmod(f, 0o640, (e) => fs.stat(f, (e2, s) => { console.log('chmod', e, (s.mode & 0o777).toString(8)); next(); })),
  (next) => fs.utimes(f, 10, 20, (e) => fs.stat(f, (e2, s) => { console.log('utimes', e, s.atimeMs, s.mtimeMs); next(); })),
  (next) => fs.mkdtemp(path.join(dir, 't-'), (e, p) => { console.log('mkdtemp', e, path.basename(p).length); next(); }),
  (next) => fs.unlink(path.join(dir, 'zz'), (e) => { console.log('unlink missing', e.code); next(); }),
  (next) => fs.rmdir(path.join(dir, 'a'), (e) => { console.log('rmdir non-empty', e.code); next(); }),
  (next) => fs.rm(path.join(dir, 'a'), { recursive: true }, (e) => { console.log('rm recursive', e, fs.existsSync(path.join(dir, 'a'))); next(); }),
  (next) => fs.opendir(dir, (e, d) => {
    const names = [];
    const more = () => d.read((e, ent) => {
      if (ent) { names.push(ent.name); return more(); }
      d.close((e) => { console.log('opendir', e, names.sort().map((n) => n.replace(/^t-.{6}$/, 't-XXXXXX'))); next(); });
    });
    more();
  }),
  (next) => fs.rm(dir, { recursive: true }, (e) => { console.log('rm dir', e, fs.existsSync(dir)); next(); }),
];
(function run(i) { if (i < steps.length) steps[i](() => run(i + 1)); })(0);
console.log('started');
