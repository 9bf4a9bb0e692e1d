function first(a) { return a; } const second = (b) => b;
function add(a, b) {
  return a + b;
}
const arrow = x => x;
const asyncArrow = async (a) => a;
class K { constructor(a) { this.a = a; } m(q) { return q; } static s() { return 1; } get g() { return 1; } }
class E { m() { return 2; } }
const o = { meth(a) { return a; }, ['c' + 1](z) { return z; }, f: function () { return 3; } };
function* gen() { yield 1; }
async function af() { await 0; }
const fns = { first, second, add, arrow, asyncArrow, K, m: K.prototype.m, s: K.s, g: Object.getOwnPropertyDescriptor(K.prototype, 'g').get,
  E, meth: o.meth, c: o.c1, f: o.f, gen, af, native: Math.max, bound: add.bind(null) };
globalThis.fns = fns;
debugger;
