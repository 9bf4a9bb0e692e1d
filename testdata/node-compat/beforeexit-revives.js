// Work scheduled in beforeExit runs (tick, microtask, immediate) and beforeExit fires again.
process.on('beforeExit', () => { if (!globalThis.done) { globalThis.done = true; Promise.resolve().then(() => console.log('microtask from beforeExit')); process.nextTick(() => console.log('tick from beforeExit')); setImmediate(() => console.log('immediate from beforeExit')); } else console.log('second beforeExit'); });
console.log('main');
