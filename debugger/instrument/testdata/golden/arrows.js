const id = x => x;
const paren = x => (x);
const doubleParen = (x) => ((x + 1));
const obj = x => ({ a: x });
const nested = a => b => c => a + b + c;
const call = [1, 2, 3].map(x => x * 2);
function f(g, h) { return g(1) + h(2); }
const args = f(x => x, (y) => y + 1);
const arr = [a => a, b => b];
const seq = (x => x, y => y);
const cond = true ? x => x : y => y;
const iife = (() => 42)();
const iife2 = (x => x + 1)(1);
const def = (a = () => 1) => a();
const destr = ({ a, b: [c] }) => a + c;
const rest = (...xs) => xs.length;
const inObj = { m: x => x, n: (x) => ({ x }) };
const chain = x => y => (z => x + y + z);
const assign = (o) => o.v = 3;
const comma = () => (1, 2);
const arrowInTemplate = `${(x => x)(7)}`;
const noParams = () => { return 1; };
const commaAfter = f(x => x, 0) + [x => x, 1].length;
const regexBody = s => /a(b)c/.test(s);
const postfix = (n) => n++;
const ternBody = x => x ? 1 : 2;
const newBody = () => new Date;
const newEmptyArgs = () => new Date(), newThen = () => new Date().getTime() > 0;
console.log(id(1), paren(2), doubleParen(3), obj(4).a, nested(1)(2)(3), call, args, arr.length,
  seq(5), cond(6), iife, iife2, def(), destr({ a: 1, b: [2] }), rest(1, 2), inObj.m(1), inObj.n(2).x,
  chain(1)(2)(3), assign({}), comma(), arrowInTemplate, noParams(), commaAfter, regexBody('abc'),
  postfix(1), ternBody(0), typeof newBody(), typeof newEmptyArgs(), newThen());
