// A child that leaves a grandchild holding its inherited stdout: 'exit' and 'close' come when
// the child exits, with what it wrote before; spawnSync returns when the child exits.
// (An async child's inherited output reaches process.stdout through the loop, so the
// program's own synchronous writes made meanwhile may come first: the steps run in turn.)
const cp = require('child_process');
const c = cp.spawn('sh', ['-c', 'echo child-out; sleep 30 & echo bg-started'], { stdio: 'inherit' });
c.on('exit', (code) => console.log('exit', code));
c.on('close', (code) => {
  console.log('close', code);
  const r = cp.spawnSync('sh', ['-c', 'echo sync-child-out; sleep 30 & echo sync-bg-started'], { stdio: 'inherit' });
  console.log('spawnSync', r.status);
});
