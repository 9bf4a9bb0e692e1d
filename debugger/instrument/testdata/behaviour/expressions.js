// Expressions: destructuring, spread, optional chaining, tagged templates, getters.
const { a, b: { c = 3 } = {}, ...rest } = { a: 1, d: 4, e: 5 };
const [x, , y = 7, ...zs] = [1, 2, undefined, 4, 5];
console.log(a, c, rest, x, y, zs);
const o = { n: null, f() { return 'f'; }, deep: { g: () => 'g' } };
console.log(o?.n?.x, o.f?.(), o.deep?.g(), o.missing?.(), o?.['deep']?.g?.());
function tag(s, ...v) { return s.raw.join('|') + v.join(','); }
console.log(tag`a${1}b${2}c`, String.raw`\n${'x'}`);
const acc = { _v: 1, get v() { return this._v; }, set v(n) { this._v = n * 10; } };
acc.v = 2;
console.log(acc.v);
const sym = Symbol('s');
const withSym = { [sym]: 1, ['comp' + 'uted']: 2, 3: 'three' };
console.log(withSym[sym], withSym.computed, withSym[3]);
let n = 1;
n += 2; n **= 2; n ??= 5; n ||= 0; n &&= n - 1;
console.log(n, 2 ** 10, 7 % 3, -(-3), +'4', ~1, 1 << 3, -16 >> 2, -16 >>> 28);
const arr = [3, 1, 2];
console.log([...arr].sort(), Math.max(...arr), [..."héllo"].length);
console.log(typeof (() => {}), (function () { return typeof this; })(), (() => typeof this)());
const seq = (1, 2, 3);
let i = 0;
const post = i++ + i++;
console.log(seq, post, i);
var re = /(\d+)-(\d+)/;
console.log('10-20'.replace(re, '$2-$1'), /a\/b/.test('a/b'), 10 / 2 / 5);
console.log(`nested ${`inner ${1 + 1} ${`deep ${'!'}`}`}`);
const big = 2n ** 64n;
console.log(String(big));
console.log(JSON.stringify({ k: [1, { m: 'n' }] }), new Map([[1, 2]]), new Set([1, 1, 2]));
label1: label2: for (const q of [1]) { console.log('labels', q); break label1; }
