// Lesson 3: a recursive nextTick (or promise) chain starves the loop: no
// timer can run until the chain stops.
module.exports = function starvation(log, done) {
  const start = Date.now();
  setTimeout(() => {
    log(`timer due after 1 ms ran after ${Date.now() - start} ms, once the tick chain ended`);
    done();
  }, 1);
  let ticks = 0;
  (function again() {
    if (++ticks < 200000) process.nextTick(again);
    else log(`${ticks} chained nextTicks ran first`);
  })();
};
