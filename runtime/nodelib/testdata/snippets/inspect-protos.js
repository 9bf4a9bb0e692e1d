console.log(Object.create(Object.create(null)));
class A {}
delete A.prototype.constructor;
console.log(new A(), [new A()]);
const arr = [1, 2];
Object.setPrototypeOf(arr, null);
console.log(arr);
const m = new Map([[1, 2]]);
Object.setPrototypeOf(m, null);
console.log(m);
class B extends Array {}
console.log(new B(3).fill(0), B.from([1]));
const o = { constructor: 'not a fn', x: 1 };
console.log(o);
console.log(Object.create({ constructor: { name: 'Fake' } }));
const boxed = Object(1); Object.setPrototypeOf(boxed, null); console.log(boxed);
