function check(v) {
  if (v < 0) {
    throw new RangeError('negative: ' + v);
  }
  return v;
}
let n = 0;
try {
  check(-1);
} catch (err) {
  n++;
}
try {
  null.prop;
} catch (e) {
  n++;
}
console.log('caught', n);
