const outer = 'o';
function f(a) {
  let b = a * 2;
  {
    const c = b + 1;
    console.log(a, b, c, outer);
  }
  return b;
}
console.log('r', f(5));
