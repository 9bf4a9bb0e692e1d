'use strict';
let calls = 0;
function leaf(x) {
  calls++;
  return x * 2;
}
function middle(a, b) {
  let sum = a + b;
  let captured = 1;
  const bump = () => captured++;
  bump();
  const r = leaf(sum) + captured;
  return r;
}
const obj = {
  name: 'o',
  run(k) {
    for (let i = 0; i < k; i++) {
      if (i === 1) return middle(i, k);
    }
  },
};
console.log(obj.run(3), calls);
