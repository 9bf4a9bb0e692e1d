var log = [];
function classify(n) {
  if (n < 0) log.push('neg');
  else if (n === 0) log.push('zero');
  else if (n < 10) log.push('small')
  else log.push('big');
  if (n) return 1; else return 0
}
for (var i = 0; i < 3; i++) classify(i - 1);
for (var k in { a: 1, b: 2 }) log.push(k);
for (var v of [1, 2]) log.push(v)
var j = 0;
while (j < 3) j++;
do j--; while (j > 0)
do log.push(j++)
while (j < 2);
with ({ w: 5 }) log.push(w);
outer: for (var a = 0; a < 3; a++) {
  inner: for (var b = 0; b < 3; b++) {
    if (b === 1) continue outer;
    if (a === 2) break inner;
    log.push(a * 10 + b);
  }
}
lbl: for (const x of [1, 2, 3]) if (x === 2) continue lbl; else log.push(x);
block: { log.push('in'); break block; }
if (log.length) if (j) log.push('j'); else log.push('no j');
for (let q = 0; q < 2; q++) for (let r = 0; r < 2; r++) log.push(q + r);
console.log(log.join(','));
