// process.exit inside a timer: the rest of the callback never runs; exit listeners do.
console.log('start');
process.nextTick(() => console.log('tick'));
setTimeout(() => {
  console.log('timeout');
  process.exit(0);
  console.log('after exit');
}, 1);
process.on('exit', () => console.log('exit handler, exitCode', process.exitCode));
