// await of promises, null and thenables interleaved with then chains, ticks and queueMicrotask.
const p = Promise.resolve();
(async () => { console.log('a1'); await p; console.log('a2'); await null; console.log('a3'); })();
p.then(() => console.log('then1')).then(() => console.log('then2'));
process.nextTick(() => console.log('tick'));
queueMicrotask(() => console.log('qm'));
(async () => { try { await Promise.reject(new Error('r')); } catch (e) { console.log('caught', e.message); } })();
const thenable = { then(res) { console.log('thenable.then'); res('tv'); } };
(async () => console.log('awaited thenable', await thenable))();
console.log('sync');
