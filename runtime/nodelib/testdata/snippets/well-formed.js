// String.prototype.isWellFormed and toWellFormed (ES2024, polyfilled in Go for goja): lone
// surrogates found and replaced with U+FFFD, pairs kept, non-strings converted, null and
// undefined rejected; a long string is checked in one pass.
const cases = ['', 'abc', 'ü😀', '\uD800', '\uDC00', 'a\uD800\uDC00b', '\uDC00\uD800', 'x\uD800', '\uD83D\uDE00\uD83D',
  'ok'.repeat(1000) + '\uDFFF'];
for (const s of cases) {
  const w = s.toWellFormed();
  console.log(JSON.stringify(s.length > 20 ? s.slice(-8) : s), s.isWellFormed(), JSON.stringify(w.length > 20 ? w.slice(-8) : w), w.length, w.isWellFormed());
}
console.log(String.prototype.isWellFormed.call(12), String.prototype.toWellFormed.call({ toString: () => 'x\uDC00' }).charCodeAt(1).toString(16));
for (const fn of ['isWellFormed', 'toWellFormed']) {
  console.log(fn, String.prototype[fn].length, String.prototype[fn].name);
  for (const thisArg of [null, undefined]) {
    try {
      String.prototype[fn].call(thisArg);
    } catch (e) {
      console.log(e.name, e.message);
    }
  }
}
const big = 'a\uD800'.repeat(1 << 19);
console.log(big.isWellFormed(), big.toWellFormed().length, big.toWellFormed().indexOf('\uD800'));
