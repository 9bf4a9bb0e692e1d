// listen on a port in use fails with EADDRINUSE from listen (libuv defers bind errors).
const net = require('net');
const a = net.createServer().listen(0, '127.0.0.1', () => {
  const b = net.createServer();
  b.on('error', (e) => { console.log(e.code, e.syscall, e.message.replace(/\d+$/, 'PORT')); a.close(); });
  b.listen(a.address().port, '127.0.0.1');
});
