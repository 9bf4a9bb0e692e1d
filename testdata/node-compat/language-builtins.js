// Classes with private statics, descriptors, labels, Intl-backed toLocaleString, dates, regexp groups, numbers, Atomics.
class A { static #count = 0; #x; constructor(x) { this.#x = x; A.#count++; } static get count() { return A.#count; } #priv() { return this.#x * 2; } get doubled() { return this.#priv(); } }
console.log(new A(2).doubled, A.count);
const o = { a: 1, get b() { return 2; }, ['c' + 1]: 3 };
console.log(Object.entries(o), Object.getOwnPropertyNames(o), Object.getOwnPropertyDescriptor(o, 'b').get !== undefined);
console.log([1, 2, 3].reduce((a, b) => a + b), Array.prototype.concat.call([1], [2], 3), [..."ab"].map((c) => c.charCodeAt(0)));
label: for (const x of [1, 2]) { for (const y of [1, 2]) { if (y === 2) continue label; console.log(x, y); } }
const { a, ...rest } = { a: 1, b: 2, c: 3 }; console.log(rest);
console.log(typeof globalThis.Intl, 'x'.localeCompare('y'), (1234567.891).toLocaleString());
console.log(new Date(0).toISOString(), JSON.stringify({ d: new Date(0) }), Date.UTC(2020, 1, 29));
console.log(/(?<year>\d{4})-(?<m>\d\d)/.exec('2024-05').groups.year, 'aXbX'.split(/x/i), 'abc'.replace(/(b)/, '[$1]'));
console.log(Number('0x10'), parseFloat('3.14abc'), (25).toString(36), Number.MAX_SAFE_INTEGER + 2, 0.1 * 3);
console.log([3, 1, 2].sort((x, y) => y - x), Array.from(new Set([1, 1, 2])), Object.groupBy ? 'has groupBy' : 'no groupBy');
function* g() { yield* [1, 2]; return 3; } console.log([...g()], Array.from({ length: 2 }));
console.log(typeof WeakRef, typeof FinalizationRegistry, typeof Atomics, typeof SharedArrayBuffer);
