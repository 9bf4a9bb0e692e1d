// A child that leaves a grandchild holding its inherited stdout: 'exit' and 'close' come when
// the child exits, with what it wrote before.
const cp = require('child_process');
const c = cp.spawn('sh', ['-c', 'echo child-out; sleep 30 & echo bg-started'], { stdio: 'inherit' });
c.on('exit', (code) => console.log('exit', code));
c.on('close', (code) => console.log('close', code));
