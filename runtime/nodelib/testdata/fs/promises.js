// fs/promises: functions, FileHandle methods, errors, and fs.promises === require('fs/promises').
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
const rel = (s) => String(s).split(dir).join('<dir>');
let dir;
async function main() {
  console.log('same object', fs.promises === fsp);
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'nodelib-fs-p-'));
  const f = path.join(dir, 'f.txt');
  await fsp.writeFile(f, 'first');
  await fsp.appendFile(f, '+more');
  console.log('readFile', await fsp.readFile(f, 'utf8'));
  const fh = await fsp.open(f, 'r+');
  console.log('fd type', typeof fh.fd);
  console.log('write', (await fh.write('FIRST', 0)).bytesWritten);
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(8), 0, 8, 0);
  console.log('read', bytesRead, String(buffer));
  console.log('stat', (await fh.stat()).size, typeof (await fh.stat({ bigint: true })).size);
  console.log('handle readFile', await fh.readFile('utf8'));
  await fh.truncate(3);
  await fh.sync();
  await fh.datasync();
  await fh.chmod(0o600);
  await fh.utimes(1, 2);
  await fh.close();
  console.log('closed fd', fh.fd, await fsp.readFile(f, 'utf8'), (await fsp.stat(f)).mtimeMs);
  try { await fh.stat(); } catch (e) { console.log('closed handle', e.code, e.message); }
  try { await fsp.readFile(path.join(dir, 'none')); } catch (e) {
    console.log('readFile missing', rel(e.message), JSON.stringify(Object.keys(e)), e.errno);
  }
  try { await fsp.stat(path.join(dir, 'none')); } catch (e) { console.log('stat missing', e.code, e.syscall); }
  try { await fsp.open(path.join(dir, 'none')); } catch (e) { console.log('open missing', e.code, e.syscall); }
  try { await fsp.rename(path.join(dir, 'none'), path.join(dir, 'x')); } catch (e) { console.log('rename missing', rel(e.message)); }
  try { await fsp.readFile(42n); } catch (e) { console.log('bad path', e.code); }
  console.log('copyFile', await fsp.copyFile(f, path.join(dir, 'c')), await fsp.readFile(path.join(dir, 'c'), 'utf8'));
  console.log('mkdir', rel(await fsp.mkdir(path.join(dir, 'a/b/c'), { recursive: true })));
  console.log('readdir', (await fsp.readdir(dir)).sort());
  console.log('readdir types', (await fsp.readdir(dir, { withFileTypes: true })).map((d) => d.name + ':' + d.isDirectory()).sort());
  console.log('readdir recursive', (await fsp.readdir(dir, { recursive: true })).sort());
  await fsp.symlink('f.txt', path.join(dir, 'ln'));
  console.log('readlink', await fsp.readlink(path.join(dir, 'ln')), rel(await fsp.realpath(path.join(dir, 'ln'))));
  console.log('lstat', (await fsp.lstat(path.join(dir, 'ln'))).isSymbolicLink());
  await fsp.link(f, path.join(dir, 'hard'));
  console.log('link nlink', (await fsp.stat(f)).nlink);
  console.log('access', await fsp.access(f));
  try { await fsp.access(path.join(dir, 'none')); } catch (e) { console.log('access missing', e.code); }
  await fsp.chmod(f, 0o644);
  await fsp.utimes(f, 100, 200);
  console.log('chmod utimes', ((await fsp.stat(f)).mode & 0o777).toString(8), (await fsp.stat(f)).atimeMs);
  console.log('statfs', typeof (await fsp.statfs(dir)).type);
  const d = await fsp.opendir(dir);
  const names = [];
  for (let e; (e = await d.read()) !== null;) names.push(e.name);
  await d.close();
  console.log('opendir', names.sort());
  await fsp.unlink(path.join(dir, 'hard'));
  await fsp.rmdir(path.join(dir, 'a/b/c'));
  await fsp.rm(path.join(dir, 'a'), { recursive: true });
  try { await fsp.rm(path.join(dir, 'none')); } catch (e) { console.log('rm missing', rel(e.message)); }
  console.log('after', (await fsp.readdir(dir)).sort());
  const lines = [];
  await fsp.writeFile(f, 'one\ntwo\nthree\n');
  const rh = await fsp.open(f);
  await new Promise((resolve) => rh.readLines().on('line', (l) => lines.push(l)).on('close', resolve));
  console.log('readLines', lines);
  await fsp.rm(dir, { recursive: true });
  console.log('removed', fs.existsSync(dir));
}
main().then(() => console.log('done'), (e) => console.log('failed', e));
