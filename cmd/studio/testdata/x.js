'use strict';
const greeting = 'hello';
let counter = 0;

function add(a, b) {
  const sum = a + b;
  counter += sum;
  return sum;
}

function outer(n) {
  const obj = { n, list: [1, 2, 3], nested: { k: 'v' } };
  let total = 0;
  for (let i = 0; i < n; i++) {
    total = add(total, i);
  }
  obj.total = total;
  return obj;
}

const result = outer(3);
console.log(greeting, result.total, counter);
