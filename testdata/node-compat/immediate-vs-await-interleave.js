// Two async loops, one awaiting setImmediate and one awaiting null.
const { setImmediate: si } = require('timers/promises');
async function main() {
  const results = [];
  const a = (async () => { for (let i = 0; i < 3; i++) { await si(); results.push('a' + i); } })();
  const b = (async () => { for (let i = 0; i < 3; i++) { await null; results.push('b' + i); } })();
  await Promise.all([a, b]);
  console.log(results.join(','));
}
main();
