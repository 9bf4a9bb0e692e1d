function add(a, b) {
  const s = a + b;
  return s;
}
function main() {
  let x = 1;
  const y = add(x, 2);
  x = y * 2;
  console.log('x', x);
}
main();
setTimeout(function later() {
  const z = 3;
  console.log('z', z);
}, 1);
