// spawn options and exec's limits: shell, cwd, env, the spawn event, kill signals, exec
// timeout and maxBuffer, promisified exec, and a large write through cat.
const cp = require('child_process');
const util = require('util');

const steps = [
  (next) => {
    const c = cp.spawn('echo $((6 * 7)) | tr 4 x', { shell: true });
    c.on('spawn', () => console.log('spawned', c.spawnfile, JSON.stringify(c.spawnargs)));
    c.stdout.setEncoding('utf8');
    let out = '';
    c.stdout.on('data', (d) => { out += d; });
    c.on('close', (code) => { console.log('shell', JSON.stringify(out), code, c.exitCode); next(); });
  },
  (next) => cp.execFile('pwd', { cwd: '/' }, (err, out) => { console.log('cwd', err, JSON.stringify(out)); next(); }),
  (next) => cp.exec('echo $A-$B', { env: { A: '1', B: '2' } }, (err, out) => { console.log('env', err, JSON.stringify(out)); next(); }),
  (next) => {
    const c = cp.spawn('sleep', ['10']);
    c.on('exit', (code, sig) => { console.log('SIGKILL', code, sig, c.signalCode, c.killed); next(); });
    c.kill('SIGKILL');
  },
  (next) => cp.exec('sleep 10', { timeout: 50 }, (err) => {
    console.log('timeout', err.killed, err.signal, err.code);
    next();
  }),
  // The child stays alive after its output, so its stderr cannot reach end-of-file before the
  // stdout data that exceeds maxBuffer destroys it: no race between the two pipes.
  (next) => cp.exec('echo 1234567890; exec sleep 10', { maxBuffer: 5 }, (err, out) => {
    console.log('maxBuffer', err.code, err.message, JSON.stringify(out));
    next();
  }),
  (next) => util.promisify(cp.exec)('echo promised').then(({ stdout, stderr }) => {
    console.log('promisify', JSON.stringify(stdout), JSON.stringify(stderr));
    next();
  }),
  (next) => {
    const c = cp.spawn('cat');
    let n = 0;
    c.stdout.on('data', (d) => { n += d.length; });
    c.on('close', (code) => { console.log('big', n, code); next(); });
    const chunk = Buffer.alloc(300 * 1024, 'x');
    console.log('write returned', c.stdin.write(chunk));
    c.stdin.end();
  },
  (next) => {
    const c = cp.spawn('sh', ['-c', 'read line; echo "got $line"'], { stdio: ['pipe', 'pipe', 'ignore'] });
    c.stdout.once('data', (d) => { console.log('interactive', String(d).trim()); });
    c.on('close', (code) => { console.log('interactive close', code); next(); });
    c.stdin.end('hi\n');
  },
];
let i = 0;
const next = () => { if (i < steps.length) steps[i++](next); else console.log('done'); };
next();
