// Mixed loop work for bench/recording-instructions.sh: timers, chained
// nextTicks and immediates, and nextTick -> promise -> immediate rounds.
let n = 0;
for (let i = 0; i < 5000; i++) setTimeout(() => { n++; }, 0);
(function step() { if (++n < 20000) process.nextTick(step); })();
let m = 0; (function imm() { if (++m < 5000) setImmediate(imm); })();
let k = 0; (function round() { if (++k > 2000) return; process.nextTick(() => Promise.resolve().then(() => setImmediate(round))); })();
