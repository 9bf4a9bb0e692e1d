function add(a, b) {
  const s = a + b;
  return s;
}
const twice = (x) => x * 2;
class Point { constructor(x) { this.x = x; } len() { return Math.abs(this.x); } }
console.log(add.toString());
console.log(String(twice));
console.log(Function.prototype.toString.call(Point));
console.log(`${Point.prototype.len}`);
