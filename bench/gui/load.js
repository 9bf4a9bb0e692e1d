// bench/gui.sh's fixture: the worker pool saturated (twice as many pbkdf2
// jobs in flight as it has lanes, until JOBS have run) and 10k pending
// timers (armed for an hour, cleared at the end), while a 1 ms interval
// does a little JavaScript on the loop. It reports how long the JOBS took
// and how many interval callbacks ran per second: the runtime's throughput.
// With GUI_BENCH_OUT set the figures go to that file as one JSON line
// (the window shows stdout only in its console).
const crypto = require('crypto');
const fs = require('fs');

const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const lanes = Number(process.env.UV_THREADPOOL_SIZE || 4);
const JOBS = Number(process.env.GUI_BENCH_JOBS || 64);
const ITERATIONS = 60000;

const timers = [];
for (let i = 0; i < 10000; i++) timers.push(setTimeout(() => {}, 3600 * 1000));

let ticks = 0;
let sink = 0;
const work = setInterval(() => {
  for (let i = 0; i < 2000; i++) sink += i & 7;
  ticks++;
}, 1);

let started = 0;
let done = 0;
function job() {
  if (started === JOBS) return;
  started++;
  crypto.pbkdf2('secret', `salt${started}`, ITERATIONS, 64, 'sha512', (err) => {
    if (err) throw err;
    if (++done === JOBS) finish();
    else job();
  });
}
for (let i = 0; i < 2 * lanes; i++) job();

function finish() {
  clearInterval(work);
  for (const t of timers) clearTimeout(t);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const line = JSON.stringify({ jobs: JOBS, ms: Math.round(ms), jobsPerSec: +(JOBS / ms * 1000).toFixed(2),
    ticksPerSec: Math.round(ticks / ms * 1000), cpuMs: Math.round((cpu.user + cpu.system) / 1000), sink: sink > 0 });
  if (process.env.GUI_BENCH_OUT) fs.appendFileSync(process.env.GUI_BENCH_OUT, line + '\n');
  console.log(line);
}
