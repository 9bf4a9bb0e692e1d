// Lesson: an unhandled rejection ends the process. Since Node 15 a
// rejected promise that no handler catches by the end of the microtask
// drain is fatal (--unhandled-rejections=throw): 'unhandledRejection'
// listeners run first, then the error is printed and the exit code is 1.
// Not part of the tour (it would end it): run it alone.
//
// What to watch, in the window:
//   - Console: the timer's line, then the error on stderr with its stack,
//     and "Program exited with code 1".
//   - Debug (F5) with "Pause on exceptions: uncaught": the program stops
//     at the throw inside loadConfig, the call stack shows the async chain
//     that led there (the Timeout that called main).
//   - Pending ops tab before the crash: the 50 ms timer that never fires.
async function loadConfig(name) {
  await null;
  throw new Error(`config ${name} not found`);
}

function main() {
  console.log('main: loading the config, forgetting to catch');
  loadConfig('app.json'); // the promise is dropped: nobody handles its rejection
  setTimeout(() => console.log('never printed: the process died first'), 50);
}

setTimeout(main, 10);
