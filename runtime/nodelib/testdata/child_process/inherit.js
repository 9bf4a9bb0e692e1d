// A child's inherited stdout and stderr are the program's: spawn, spawnSync and execSync.
const cp = require('child_process');
console.log('before');
const r = cp.spawnSync('sh', ['-c', 'echo sync-inherit'], { stdio: 'inherit' });
console.log('sync status', r.status, r.stdout, r.output);
cp.execSync('echo to-stderr >&2; echo piped');
const c = cp.spawn('sh', ['-c', 'echo async-inherit; echo err-inherit >&2'], { stdio: 'inherit' });
c.on('exit', (code) => console.log('exit', code));
c.on('close', (code) => console.log('close', code));
