// An unref'd child with ignored stdio does not keep the program alive; the runtime ends it
// when the program ends (node leaves it running).
const cp = require('child_process');
const c = cp.spawn('sleep', ['30'], { stdio: 'ignore' });
c.unref();
console.log('pid', typeof c.pid, c.pid > 0);
