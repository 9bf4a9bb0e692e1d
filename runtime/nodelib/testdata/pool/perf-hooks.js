// perf_hooks: performance.now/timeOrigin, marks, measures, PerformanceObserver, and
// eventLoopUtilization() across a pool job (the loop idles in poll while it runs).
const { performance, PerformanceObserver } = require('perf_hooks');
console.log(typeof performance.now(), performance.now() >= 0, typeof performance.timeOrigin, performance.timeOrigin > 1.7e12);
console.log(globalThis.performance === performance);
console.log(performance.eventLoopUtilization());
const obs = new PerformanceObserver((list, o) => {
  for (const e of list.getEntries()) console.log('observed', e.entryType, e.name, typeof e.duration);
  o.disconnect();
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('a');
performance.mark('b', { detail: { x: 1 } });
performance.measure('a-b', 'a', 'b');
console.log(performance.getEntriesByType('mark').map((e) => e.name), performance.getEntriesByName('b')[0].detail);
console.log(performance.getEntries().length);
performance.clearMarks('a');
console.log(performance.getEntriesByType('mark').map((e) => e.name));
console.log(Object.keys(performance.toJSON()));
console.log(Object.keys(performance.nodeTiming.toJSON()));
require('crypto').pbkdf2('pw', 'salt', 200000, 8, 'sha256', () => {
  const u = performance.eventLoopUtilization();
  console.log(Object.keys(u), u.idle > 0, u.utilization > 0 && u.utilization <= 1);
  const u2 = performance.eventLoopUtilization(u);
  console.log(Object.keys(u2));
  console.log(performance.nodeTiming.loopStart > 0);
});
const m = performance.mark('c'); console.log(m.constructor.name, m.entryType, m.name, m.startTime > 0, m.duration);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name, e.code, e.message); }
