// Closures, per-iteration bindings, shadowing, TDZ and hoisting.
var fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
for (var j = 0; j < 3; j++) fns.push(() => j);
console.log(fns.map(f => f()));
function counter() {
  let n = 0;
  return { inc: () => ++n, get: function () { return n; } };
}
var c = counter(); c.inc(); c.inc();
console.log(c.get());
function shadow(x) {
  var out = [x];
  { let x = 2; out.push(x); { const x = 3; out.push(x); } out.push(x); }
  out.push(x);
  try { throw 4; } catch (x) { out.push(x); }
  return out;
}
console.log(shadow(1));
function tdz() {
  try { use(); } catch (e) { console.log(e.name); }
  let late = 5;
  function use() { return late; }
  return use();
}
console.log(tdz());
console.log(hoisted(), typeof notYet);
function hoisted() { return 'hoisted'; }
var notYet = 1;
function params(a, b = a + 1, ...rest) {
  var a;
  return [a, b, rest, arguments.length];
}
console.log(params(1), params(1, 5, 6, 7));
function sloppyArgs(a) { arguments[0] = 9; return a; }
console.log(sloppyArgs(1));
var named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
console.log(named(5));
(function () {
  var self = this;
  console.log(typeof self);
}).call({ o: 1 });
const obj = { v: 1, m() { return [1, 2].map(x => x + this.v); } };
console.log(obj.m());
function blockScoped(x) {
  { hook: x; let x2 = x; { function x() { return 'inner fn'; } x2 += typeof x; } return x2; }
}
console.log(blockScoped(1));
function switchScope(k) {
  var t = 'outer';
  switch (k) { case 0: let t = 'case'; return t; case 1: return typeof k; }
  return t;
}
console.log(switchScope(0), switchScope(1), switchScope(2));
label: { console.log('before'); if (c) break label; console.log('skipped'); }
