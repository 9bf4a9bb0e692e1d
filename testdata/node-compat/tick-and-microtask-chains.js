// Chained nextTicks and chained promise reactions: each queue drains in Node order.
let i = 0;
function tickLoop() { if (i++ < 3) { console.log('tick', i); process.nextTick(tickLoop); } }
setTimeout(() => console.log('timer after starving ticks'), 0);
process.nextTick(tickLoop);
Promise.resolve().then(function again() { if (i < 6) { console.log('micro', i++); return Promise.resolve().then(again); } });
