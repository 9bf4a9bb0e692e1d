// The event loop tour: each lesson prints what happened, in the order it
// happened, with the time since the lesson started. Run it with
// `scripts/studio.sh` (or `studio run assets/examples/event-loop-tour`).
const lessons = [
  ['Ordering: sync, nextTick, microtasks, phases', require('./lessons/ordering')],
  ['Queues drain between callbacks', require('./lessons/between-callbacks')],
  ['Starving the loop', require('./lessons/starvation')],
  ['Starving the loop with microtasks', require('./lessons/microtask-starvation')],
  ['An fs-heavy script on the worker pool', require('./lessons/fs-heavy')],
  ['An HTTP server and a client hammering it', require('./lessons/http-server')],
  ['What keeps a process alive', require('./lessons/refs')],
];
// Run alone (Run > Run Current File): lessons/pool.js (pbkdf2 saturating
// the pool) and lessons/unhandled-rejection.js (it ends the process).

function runLesson(i) {
  if (i === lessons.length) {
    console.log('\nTour finished. The process exits when nothing ref\'d is left.');
    return;
  }
  const [title, lesson] = lessons[i];
  console.log(`\n${i + 1}. ${title}`);
  const t0 = process.hrtime.bigint();
  const log = (msg) => {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`  [${ms.toFixed(1).padStart(6)} ms] ${msg}`);
  };
  lesson(log, () => setImmediate(runLesson, i + 1));
}

const runtimeName = process.versions.studio ? `Studio ${process.versions.studio}` : `node ${process.version}`;
console.log(`Event loop tour on ${runtimeName}`);
runLesson(0);
