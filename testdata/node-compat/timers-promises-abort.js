// timers/promises: an aborted setTimeout, the setInterval async iterator, scheduler.wait.
const { setTimeout: st } = require('timers/promises');
const order = [];
(async () => {
  const ac = new AbortController();
  const p = st(50, 'x', { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name, e.code, e.message); }
  for await (const v of require('timers/promises').setInterval(5, 'tick')) { order.push(v); if (order.length === 3) break; }
  console.log(order.join(','));
  console.log(await require('timers/promises').scheduler.wait(5), 'waited');
})();
