function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
const t0 = Date.now();
let s = 0;
while (Date.now() - t0 < 200) s += fib(18);
if (process.argv[2] === 'exit') process.exit(3);
console.log(s > 0);
