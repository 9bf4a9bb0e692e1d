// Promises, async functions, generators and timers in order.
var order = [];
setTimeout(() => order.push('timeout 2'), 2);
setTimeout(function () { order.push('timeout 1'); }, 1);
setImmediate(() => order.push('immediate'));
Promise.resolve().then(() => order.push('micro 1'));
(async function () {
  order.push('async start');
  await null;
  order.push('async after await');
  const v = await new Promise(r => setTimeout(() => r('resolved'), 3));
  order.push(v);
  try {
    await Promise.reject(new Error('boom'));
  } catch (e) {
    order.push('caught ' + e.message);
  }
  console.log(order.join(', '));
})();
queueMicrotaskLike();
function queueMicrotaskLike() { Promise.resolve().then(() => order.push('micro 2')); }
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
function* take(n, it) { for (const v of it) { if (n-- <= 0) return; yield v; } }
console.log([...take(10, fib())]);
function* delegate() { yield* [1, 2]; const r = yield* inner(); yield r; }
function* inner() { yield 'i'; return 'ret'; }
console.log([...delegate()]);
const it = (function* () { const x = yield 1; console.log('got', x); })();
it.next(); it.next(42);
const asyncArrows = [1, 2, 3].map(async (x) => x * 2);
Promise.all(asyncArrows).then(v => console.log('all', v));
class Q { async run() { await 0; return this.constructor.name; } }
new Q().run().then(console.log);
