// events: max listeners, once/on with AbortSignal, EventTarget.
const EventEmitter = require('events');
const e = new EventEmitter();
e.setMaxListeners(1);
e.on('x', () => {}); e.on('x', () => {});
console.log(e.listeners('x').length, e.rawListeners('x').length, EventEmitter.listenerCount(e, 'x'));
const { once, on } = require('events');
(async () => {
  setTimeout(() => e.emit('y', 1, 2), 1);
  console.log(await once(e, 'y'));
  const ac = new AbortController();
  setTimeout(() => { e.emit('z', 'a'); e.emit('z', 'b'); ac.abort(); }, 2);
  try { for await (const v of on(e, 'z', { signal: ac.signal })) console.log('z', v); } catch (err) { console.log(err.name); }
})();
const t = new EventTarget();
t.addEventListener('ev', (ev) => console.log('event', ev.type, ev instanceof Event));
t.dispatchEvent(new Event('ev'));
