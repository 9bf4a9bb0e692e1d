function* gen() {
  const x = 1;
  yield x;
  const y = x + 1;
  yield y;
}
const it = gen();
it.next();
it.next();
console.log('end');
