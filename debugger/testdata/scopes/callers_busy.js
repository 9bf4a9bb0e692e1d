function spin(limit) {
  let n = 0;
  while (n < limit) {
    n++;
  }
  return n;
}
function outer(z) {
  return spin(1e15);
}
outer(42);
