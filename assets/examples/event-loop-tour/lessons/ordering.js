// Lesson 1: who runs first? Synchronous code, then the nextTick queue, then
// microtasks (promises and queueMicrotask), then the loop's phases.
module.exports = function ordering(log, done) {
  log('sync: the main script runs to the end first');
  setTimeout(() => log('timers phase: setTimeout(0) (really 1 ms)'), 0);
  setImmediate(() => log('check phase: setImmediate'));
  Promise.resolve().then(() => log('microtask: promise reaction'));
  queueMicrotask(() => log('microtask: queueMicrotask, same queue as promises'));
  process.nextTick(() => log('nextTick: runs before any microtask'));
  log('sync: end of the script');
  // From the main module, setTimeout(0) vs setImmediate depends on how fast
  // the loop starts; inside a timer callback the order is fixed:
  setTimeout(() => {
    setTimeout(() => { log('  ...then timers again, next iteration'); done(); }, 0);
    setImmediate(() => log('  inside a timer: check (setImmediate) comes first...'));
  }, 20);
};
