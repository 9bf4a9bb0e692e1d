// Lesson 4: the process lives while a ref'd handle is pending. unref() lets
// a timer stay armed without keeping the process alive.
module.exports = function refs(log, done) {
  const heartbeat = setInterval(() => log('heartbeat (never printed: unref\'d and the tour ends first)'), 10000);
  heartbeat.unref();
  log(`heartbeat.hasRef() = ${heartbeat.hasRef()}`);
  process.once('beforeExit', () => log('beforeExit: the loop ran dry; work scheduled here would revive it'));
  done();
};
