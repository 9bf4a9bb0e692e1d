// Control flow: loops, labels, switch, exceptions, finally ordering.
var log = [];
outer: for (var i = 0; i < 4; i++) {
  for (var j = 0; j < 4; j++) {
    if (j > i) continue outer;
    if (i === 3) break outer;
    log.push(i + '' + j);
  }
}
console.log(log.join(' '));
function sw(x) {
  var r = [];
  switch (x) {
    case 0: r.push('zero');
    case 1: { r.push('one'); break; }
    case 'a':
      let s = 'str';
      r.push(s);
      break;
    default:
      r.push('default');
  }
  return r;
}
console.log(sw(0), sw(1), sw('a'), sw(null));
function fin() {
  var r = [];
  for (var k = 0; k < 3; k++) {
    try {
      if (k === 1) continue;
      if (k === 2) return r;
      r.push('try' + k);
    } finally {
      r.push('fin' + k);
    }
  }
}
console.log(fin());
function nestedTry() {
  try {
    try { throw new Error('inner'); }
    finally { console.log('inner finally'); }
  } catch ({ message }) {
    return 'caught ' + message;
  }
}
console.log(nestedTry());
var n = 0;
do { n++; if (n === 2) continue; } while (n < 5);
while (true) { if (++n > 8) break; }
for (;;) { n++; if (n > 10) break; }
console.log(n);
var keys = [];
for (var key in { a: 1, b: 2, c: 3 }) { if (key === 'b') continue; keys.push(key); }
for (const [k, v] of Object.entries({ x: 1, y: 2 })) keys.push(k + v);
for (let { length } of ['ab', 'cde']) keys.push(length);
console.log(keys);
var busy = 0;
while (busy < 50000) busy++;
for (var spin = 0; spin < 30000; spin++);
console.log(busy, spin);
try { undefinedFunction(); } catch (e) { console.log(e instanceof ReferenceError); }
var cond = 0 ? 'a' : 1 ? 'b' : 'c';
console.log(cond, void 0, typeof null, !!'');
var reads = 0, scope = { get n() { reads++; return 5; } };
var n = 1;
with (scope) { var got = n + 1; got++; }
console.log(got, reads);
