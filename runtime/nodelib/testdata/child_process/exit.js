// process.exit while a child runs with open pipes.
const cp = require('child_process');
const c = cp.spawn('cat');
c.stdout.on('data', (d) => {
  console.log('got', String(d).trim());
  process.exit(0);
});
c.stdin.write('ping\n');
