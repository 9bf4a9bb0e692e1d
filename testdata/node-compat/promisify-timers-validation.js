// util.promisify of timers, and argument validation errors of the timer functions.
const { promisify } = require('util');
const sleep = promisify(setTimeout);
const imm = promisify(setImmediate);
(async () => { console.log(await sleep(5, 'v')); console.log(await imm('i')); })();
try { setTimeout('code', 1); } catch (e) { console.log(e.code); }
try { queueMicrotask(5); } catch (e) { console.log(e.code, e.message); }
try { process.nextTick(); } catch (e) { console.log(e.code); }
