process.stdout.write('raw ');
console.log('a', { x: 1 }, 'b');
process.stderr.write('raw err\n');
console.error('e', [1, 2]);
require('child_process').spawnSync('echo', ['child'], { stdio: 'inherit' });
console.log('%s=%d', 'n', 5);
console.warn(function add(a, b) { return a + b; });
process.stdout.write('tail');
