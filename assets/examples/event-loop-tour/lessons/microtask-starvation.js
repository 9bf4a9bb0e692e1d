// Lesson: a microtask loop starves the event loop. An async function that
// awaits an already-settled promise never yields to the loop: each await
// resumes in the microtask queue, which drains completely before the loop
// may move on. For 300 ms no timer, no I/O callback, no setImmediate runs.
// (The tour's lesson 3 does the same with process.nextTick.)
//
// What to watch, in the window:
//   - Event loop panel: lag jumps to about 300 ms and the phase stays put;
//     the timers queue holds the 1 ms timer long past its due time.
//   - Profiler tab, Warnings: starvation, naming the callback that ran the
//     microtask loop and the line that queued it.
//   - Debug (F5) with a breakpoint on `spins++`: the call stack shows the
//     async function, the panels show the loop stuck in one phase.
// Run it alone (Run > Run Current File) or as part of the tour.
module.exports = function microtaskStarvation(log, done) {
  setImmediate(async function spin() {
    // The timer is armed as the spin starts, so that it is due while the
    // microtask loop runs however long the loop took to get here.
    const start = Date.now();
    setTimeout(() => {
      log(`timer due after 1 ms ran after ${Date.now() - start >= 300 ? 'at least 300' : 'less than 300'} ms`);
      done();
    }, 1);
    let spins = 0;
    while (Date.now() - start < 300) {
      spins++;
      await null; // resumes as a microtask: the loop never gets a turn
    }
    log(`the microtask loop spun ${spins > 1000 ? 'thousands of' : 'a few'} times before letting go`);
  });
};

if (require.main === module) {
  module.exports((msg) => console.log(msg), () => {});
}
