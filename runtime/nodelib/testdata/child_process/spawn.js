// spawn: stdout/stderr streams, exit and close events, exit codes, stdin, kill.
const cp = require('child_process');

function run(name, child, done) {
  // Chunk boundaries and the order of stdout against stderr are the OS's: only the joined
  // text of each stream is compared.
  let out = '', err = '', exit = '';
  child.stdout && child.stdout.on('data', (d) => { out += d; });
  child.stderr && child.stderr.on('data', (d) => { err += d; });
  child.on('exit', (code, sig) => { exit = `exit ${code} ${sig}`; });
  child.on('close', (code, sig) => {
    console.log(name, JSON.stringify(out), JSON.stringify(err), exit, 'close', code, sig);
    done();
  });
}

const steps = [
  (next) => run('echo', cp.spawn('echo', ['hello', 'world']), next),
  (next) => run('sh', cp.spawn('sh', ['-c', 'echo a; echo b >&2; exit 7']), next),
  (next) => {
    const c = cp.spawn('cat');
    run('cat', c, next);
    c.stdin.write('line one\n');
    c.stdin.end('line two\n');
  },
  (next) => {
    const c = cp.spawn('sleep', ['10']);
    run('kill', c, next);
    console.log('kill returned', c.kill(), c.killed);
  },
  (next) => {
    const c = cp.spawn('nope-not-a-program', ['x']);
    c.on('error', (err) => console.log('error', err.message, err.code, err.errno, err.syscall, err.path, JSON.stringify(err.spawnargs)));
    c.on('close', (code) => { console.log('nope close', code); next(); });
  },
  (next) => run('node', cp.spawn('node', ['-e', 'console.log(process.argv.length); process.exitCode = 4']), next),
  (next) => cp.exec('echo exec-out; echo exec-err >&2', (err, stdout, stderr) => {
    console.log('exec', err, JSON.stringify(stdout), JSON.stringify(stderr));
    next();
  }),
  (next) => cp.exec('exit 5', (err, stdout) => {
    console.log('exec fail', err.code, err.killed, err.signal, err.cmd, JSON.stringify(stdout));
    next();
  }),
  (next) => cp.execFile('sh', ['-c', 'echo $0 $1', 'x', 'y'], (err, stdout) => {
    console.log('execFile', err, JSON.stringify(stdout));
    next();
  }),
  (next) => {
    const c = cp.spawn('sh', ['-c', 'echo inherited'], { stdio: ['ignore', 'pipe', 'ignore'] });
    console.log('stdin', c.stdin, 'stderr', c.stderr);
    run('ignore', c, next);
  },
];
let i = 0;
const next = () => { if (i < steps.length) steps[i++](next); else console.log('done'); };
next();
