function boom(x) {
  return x.missing.f();
}
setTimeout(() => boom({}), 1);
