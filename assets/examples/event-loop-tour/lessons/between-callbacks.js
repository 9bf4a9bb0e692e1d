// Lesson 2: the nextTick and microtask queues drain after *every* callback,
// not once per phase (Node >= 11).
module.exports = function betweenCallbacks(log, done) {
  for (const n of [1, 2]) {
    setTimeout(() => {
      log(`timer ${n}`);
      process.nextTick(() => log(`  tick from timer ${n}`));
      Promise.resolve().then(() => log(`  promise from timer ${n}`));
      if (n === 2) setImmediate(done);
    }, 5);
  }
};
