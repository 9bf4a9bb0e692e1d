// process.exit with a listening server, a connected socket in the middle of a large write,
// and a pending connect: the runtime's stop hooks must end every socket goroutine.
const net = require('net');
const server = net.createServer((sock) => {
  sock.pause();
  console.log('server: connection');
  sock.write(Buffer.alloc(8 * 1024 * 1024));
  setImmediate(() => {
    console.log('exiting with open handles');
    process.exit(0);
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.pause();
  c.on('connect', () => c.ref());
});
process.on('exit', (code) => console.log('exit', code));
