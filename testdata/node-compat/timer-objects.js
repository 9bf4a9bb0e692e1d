// Timeout and Immediate objects: methods, constructor names, clearing by primitive id as a string.
const t = setTimeout(() => console.log('never'), 10);
console.log(typeof t.ref, typeof t.unref, typeof t.refresh, typeof t.close, t.constructor.name);
t.close();
const i = setImmediate(() => {});
console.log(i.constructor.name, i.hasRef());
i.unref(); console.log(i.hasRef()); clearImmediate(i);
console.log(typeof setTimeout(() => {}, 1)[Symbol.toPrimitive]);
setTimeout((a, b) => console.log('args', a, b), 1, 'x');
const id = +setTimeout(() => console.log('cleared by string id?'), 2);
clearTimeout(String(id));
