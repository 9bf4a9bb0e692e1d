interface Options {
  depth: number;
}

type Fn = (n: number) => number;

const fib: Fn = function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
};

export function work(opts: Options): number {
  let s: number = 0;
  const t0: number = Date.now();
  while (Date.now() - t0 < 200) s += fib(opts.depth);
  return s;
}

console.log(work({ depth: 18 }) > 0);
