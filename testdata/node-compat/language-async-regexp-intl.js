// Async generators and return(), \p{} regexps, normalize, symbols, error kinds, BigInt, Intl.NumberFormat.
async function* agen() { yield 1; await null; yield 2; }
(async () => { const out = []; for await (const v of agen()) out.push(v); console.log(out);
  const it = agen(); console.log(await it.next(), await it.return(9), await it.next()); })();
const re = /\p{L}+/u; console.log(re.test('héllo'), 'ﬀ'.normalize('NFKC'));
console.log([1, [2, [3]]].flat(2), Object.fromEntries([['a', 1]]), 'abc'.at(-1), [1, 2, 3].findLast((x) => x < 3));
console.log(String(Symbol('d')), Symbol.for('k') === Symbol.for('k'), Symbol.keyFor(Symbol.for('k')));
try { null.f(); } catch (e) { console.log(e instanceof TypeError); }
try { undefinedVar; } catch (e) { console.log(e.name, e.message); }
try { JSON.parse('{bad'); } catch (e) { console.log(e.name); }
console.log(Math.max(), Math.min(), [] + [], [] + {}, 1 / 0, -1 / 0, 0 / 0);
console.log(BigInt.asUintN(64, -1n), 2n ** 100n, typeof 1n, 5n / 2n);
const wm = new WeakMap(); const k = {}; wm.set(k, 1); console.log(wm.get(k));
console.log(new Intl.NumberFormat('en-US').format(1234.5));
