// util.inspect of nested objects, Maps, Sets, classes, promises, proxies, typed arrays.
const util = require('util');
console.log(util.inspect({ a: [1, 2, { b: new Map([[1, { c: 2 }]]) }], s: new Set(['x']), d: new Date(86400000), r: /a/g, f() {}, [Symbol('k')]: 1 }, { depth: 4 }));
console.log(util.inspect('x'.repeat(120)));
console.log([1.5, 'two', null, undefined, 10n, Symbol('s')]);
console.log(util.format('%s:%d:%i:%j', 'a', '12', 3.9, [1]), util.inspect(new Error('e').message));
console.log(util.types.isUint8Array(Buffer.alloc(1)), util.isDeepStrictEqual(new Set([1]), new Set([1])));
console.log(util.inspect(Promise.resolve(4)), util.inspect(new Promise(() => {})), util.inspect(Promise.reject(3).catch(() => {}) && 1));
class Foo { constructor() { this.x = 1; } get y() { return 2; } }
console.log(new Foo(), [new Foo()], { foo: new Foo() });
console.log(util.inspect(new Proxy({}, {}), { showProxy: true }), util.inspect(new WeakMap()), util.inspect(Object.create(null)));
console.log(util.inspect(new Uint8Array([1, 2, 3])), util.inspect(new ArrayBuffer(3)), Buffer.from('hi'));
console.log(util.inspect({ a: { b: { c: { d: { e: 1 } } } } }), util.inspect([[[[[1]]]]]));
