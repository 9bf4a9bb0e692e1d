// Synchronous fs calls on a real temp dir: results, Stats, and node's UVException errors
// (message, errno, code, syscall, path, dest, and the order of their keys).
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodelib-fs-sync-'));
const rel = (s) => String(s).split(dir).join('<dir>');
function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', rel(typeof r === 'object' ? JSON.stringify(r) : r));
  } catch (e) {
    console.log(label, e.name, e.code, rel(e.message), rel(JSON.stringify(Object.keys(e))), e.errno, rel(e.path), rel(e.dest));
  }
}
const f = path.join(dir, 'f.txt');
show('writeFileSync', () => fs.writeFileSync(f, 'hello world'));
show('readFileSync utf8', () => fs.readFileSync(f, 'utf8'));
show('readFileSync buffer', () => fs.readFileSync(f).toString('hex'));
show('openSync missing', () => fs.openSync(path.join(dir, 'nope', 'x')));
show('openSync wx existing', () => fs.openSync(f, 'wx'));
show('readFileSync dir', () => fs.readFileSync(dir));
show('readFileSync dir utf8', () => fs.readFileSync(dir, 'utf8'));
show('statSync noent noThrow', () => fs.statSync(path.join(dir, 'zz'), { throwIfNoEntry: false }));
show('lstatSync noent', () => fs.lstatSync(path.join(dir, 'zz')));
show('renameSync missing', () => fs.renameSync(path.join(dir, 'a'), path.join(dir, 'b')));
show('copyFileSync missing', () => fs.copyFileSync(path.join(dir, 'a'), path.join(dir, 'b')));
show('copyFileSync excl', () => fs.copyFileSync(f, f, fs.constants.COPYFILE_EXCL));
show('copyFileSync', () => { fs.copyFileSync(f, path.join(dir, 'copy')); return fs.readFileSync(path.join(dir, 'copy'), 'latin1'); });
show('symlinkSync', () => fs.symlinkSync('f.txt', path.join(dir, 'ln')));
show('symlinkSync exists', () => fs.symlinkSync('f.txt', path.join(dir, 'ln')));
show('readlinkSync', () => fs.readlinkSync(path.join(dir, 'ln')));
show('readlinkSync buffer', () => fs.readlinkSync(path.join(dir, 'ln'), 'buffer').length);
show('realpathSync', () => rel(fs.realpathSync(path.join(dir, 'ln'))));
show('realpathSync.native', () => rel(fs.realpathSync.native(path.join(dir, 'ln'))));
show('realpathSync missing', () => fs.realpathSync(path.join(dir, 'nah')));
show('realpathSync.native missing', () => fs.realpathSync.native(path.join(dir, 'nah')));
show('lstat isSymbolicLink', () => fs.lstatSync(path.join(dir, 'ln')).isSymbolicLink());
show('linkSync', () => fs.linkSync(f, path.join(dir, 'hard')));
show('linkSync exists', () => fs.linkSync(f, path.join(dir, 'hard')));
show('stat nlink size', () => [fs.statSync(f).nlink, fs.statSync(f).size, fs.statSync(f).isFile(), fs.statSync(dir).isDirectory()]);
show('chmodSync', () => { fs.chmodSync(f, 0o600); return (fs.statSync(f).mode & 0o777).toString(8); });
show('utimesSync', () => { fs.utimesSync(f, 1000, 2000.5); const s = fs.statSync(f); return [s.atimeMs, s.mtimeMs, s.mtime.toISOString()]; });
show('bigint stat', () => { const s = fs.statSync(f, { bigint: true }); return [typeof s.size, String(s.size), String(s.mtimeNs)]; });
show('accessSync', () => fs.accessSync(f, fs.constants.R_OK));
show('accessSync missing', () => fs.accessSync(path.join(dir, 'q')));
show('existsSync', () => [fs.existsSync(f), fs.existsSync(path.join(dir, 'q')), fs.existsSync(), fs.existsSync({})]);
show('mkdirSync', () => fs.mkdirSync(path.join(dir, 'd')));
show('mkdirSync existing', () => fs.mkdirSync(path.join(dir, 'd')));
show('mkdirSync recursive', () => rel(fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true })));
show('mkdirSync recursive again', () => fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true }));
show('mkdirSync recursive through file', () => fs.mkdirSync(path.join(dir, 'f.txt/x'), { recursive: true }));
show('mkdirSync recursive on file', () => fs.mkdirSync(f, { recursive: true }));
show('readdirSync', () => fs.readdirSync(dir));
show('readdirSync withFileTypes', () => fs.readdirSync(dir, { withFileTypes: true }).map((d) => d.name + ':' + d.isFile() + d.isDirectory() + d.isSymbolicLink()));
show('readdirSync recursive', () => fs.readdirSync(dir, { recursive: true }).sort());
show('readdirSync buffer', () => fs.readdirSync(dir, 'buffer').map(String));
show('readdirSync on file', () => fs.readdirSync(f));
show('fd calls', () => {
  const fd = fs.openSync(f, 'r+');
  fs.ftruncateSync(fd, 5);
  fs.fsyncSync(fd);
  fs.fdatasyncSync(fd);
  fs.futimesSync(fd, 5, 6);
  fs.fchmodSync(fd, 0o644);
  const st = fs.fstatSync(fd);
  fs.closeSync(fd);
  return [fs.readFileSync(f, 'utf8'), st.size, st.mtimeMs, (st.mode & 0o777).toString(8)];
});
show('readv/writev', () => {
  const fd = fs.openSync(f, 'w+');
  fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')]);
  const a = Buffer.alloc(1), b = Buffer.alloc(3);
  const n = fs.readvSync(fd, [a, b], 0);
  fs.closeSync(fd);
  return [n, String(a), String(b)];
});
show('write at position', () => {
  const fd = fs.openSync(f, 'r+');
  fs.writeSync(fd, 'ZZ', 1);
  fs.writeSync(fd, Buffer.from('Q'), 0, 1, 0);
  const buf = Buffer.alloc(10);
  const n = fs.readSync(fd, buf, 0, 10, 1);
  fs.closeSync(fd);
  return [fs.readFileSync(f, 'latin1'), n, buf.toString('latin1', 0, n)];
});
show('latin1 string', () => { fs.writeFileSync(f, '\u00e9', 'latin1'); return fs.readFileSync(f).length; });
show('readFileSync from fd', () => { const fd = fs.openSync(f); const s = fs.readFileSync(fd, 'latin1'); fs.closeSync(fd); return s; });
show('appendFileSync', () => { fs.appendFileSync(f, 'x'); fs.appendFileSync(f, Buffer.from('y')); return fs.readFileSync(f, 'latin1'); });
show('statfsSync', () => [typeof fs.statfsSync(dir).bsize, typeof fs.statfsSync(dir, { bigint: true }).bsize]);
show('opendirSync', () => { const d = fs.opendirSync(dir); const names = []; let e; while ((e = d.readSync())) names.push(e.name); d.closeSync(); return names.sort(); });
show('opendirSync missing', () => fs.opendirSync(path.join(dir, 'none')));
show('rmSync missing', () => fs.rmSync(path.join(dir, 'q')));
show('rmSync force missing', () => fs.rmSync(path.join(dir, 'q'), { force: true }));
show('rmSync dir', () => fs.rmSync(path.join(dir, 'a')));
show('rmdirSync file', () => fs.rmdirSync(f));
show('rmdirSync non-empty', () => fs.rmdirSync(path.join(dir, 'a')));
show('unlinkSync dir', () => fs.unlinkSync(path.join(dir, 'a')));
show('mkdtempSync missing parent', () => fs.mkdtempSync(path.join(dir, 'nope/x-')));
show('rmSync recursive', () => { fs.rmSync(dir, { recursive: true }); return fs.existsSync(dir); });
show('statSync bigint only, missing', () => fs.statSync(path.join(dir, 'zz'), { bigint: true }));
show('statSync throwIfNoEntry undefined', () => fs.statSync(path.join(dir, 'zz'), { throwIfNoEntry: undefined }));
show('lstatSync noThrow missing', () => fs.lstatSync(path.join(dir, 'zz'), { throwIfNoEntry: false }));
show('statSync noThrow ENOTDIR', () => fs.statSync('/etc/passwd/x', { throwIfNoEntry: false }));
show('statSync noThrow ok', () => fs.statSync('/', { throwIfNoEntry: false }).isDirectory());
