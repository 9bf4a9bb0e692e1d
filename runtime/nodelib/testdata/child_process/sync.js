// spawnSync, execSync and execFileSync: output, exit status, input, errors.
const cp = require('child_process');

const r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3']);
console.log(r.status, r.signal, JSON.stringify(String(r.stdout)), JSON.stringify(String(r.stderr)), r.output.length, r.output[0]);
console.log(typeof r.pid, r.pid > 0);

const c = cp.spawnSync('cat', [], { input: 'piped in\n', encoding: 'utf8' });
console.log(JSON.stringify(c.stdout), c.status);

const k = cp.spawnSync('sh', ['-c', 'kill -TERM $$']);
console.log(k.status, k.signal);

const e = cp.spawnSync('nope-not-a-program', ['a', 'b']);
console.log(e.error.message, e.error.code, e.error.errno, e.error.syscall, e.error.path, JSON.stringify(e.error.spawnargs), e.status, e.pid);

const t = cp.spawnSync('sleep', ['5'], { timeout: 50 });
console.log(t.error.code, t.signal, t.status);

const m = cp.spawnSync('sh', ['-c', 'echo 1234567890; echo 1234567890'], { maxBuffer: 4 });
console.log(m.error.code);

console.log(JSON.stringify(cp.execSync('echo hello; echo there', { encoding: 'utf8' })));
console.log(cp.execSync('printf abc').toString());
console.log(JSON.stringify(cp.execFileSync('node', ['-e', 'process.stdout.write(String(6*7))'], { encoding: 'utf8' })));
try {
  cp.execSync('echo partial; exit 2', { stdio: 'pipe' });
} catch (err) {
  console.log(err.message.split('\n')[0], err.status, String(err.stdout));
}
try {
  cp.execFileSync('nope-not-a-program');
} catch (err) {
  console.log(err.code, err.message);
}
console.log(JSON.stringify(cp.execSync('echo $FOO', { env: { FOO: 'bar', PATH: process.env.PATH }, encoding: 'utf8' })));
console.log(JSON.stringify(cp.execSync('pwd', { cwd: '/tmp', encoding: 'utf8' })));
