function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
const work = () => {
  let s = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < 300) s += fib(20);
  return s;
};
console.log(work() > 0);
setTimeout(() => console.log('done'), 100);
