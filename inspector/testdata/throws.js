function fail() {
  throw new RangeError('too far');
}
setTimeout(fail, 1);
