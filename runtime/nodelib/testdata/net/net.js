// net: echo of a large payload (async writes, backpressure), events, addresses, refused
// connections and an unref'd server.
const net = require('net');
const big = Buffer.alloc(4 * 1024 * 1024, 'x');
const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  let n = 0;
  sock.on('data', (d) => { n += d.length; });
  sock.on('end', () => {
    console.log('server got', n, 'bytes');
    sock.write(big.subarray(0, 1000));
    sock.end(Buffer.from('!'));
  });
});
server.on('listening', () => console.log('listening event', server.address().family));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect(port, '127.0.0.1');
  c.setNoDelay(true);
  c.on('connect', () => {
    console.log('connected', c.remoteFamily, c.localAddress, typeof c.localPort);
    const flushed = c.write(big);
    console.log('write returned', flushed, c.writableLength > 0 || flushed);
    c.end(() => console.log('client finish, bytesWritten', c.bytesWritten));
  });
  let got = 0;
  c.on('data', (d) => { got += d.length; });
  c.on('end', () => console.log('client end, got', got));
  c.on('close', () => {
    console.log('client close', c.bytesRead);
    server.close(() => {
      console.log('server closed');
      const r = net.connect(port, '127.0.0.1');
      r.on('error', (e) => {
        console.log('refused', e.code, e.syscall, e.address, e.port === port);
        const s2 = net.createServer().listen(0, '127.0.0.1', () => {
          console.log('unref server listening');
          s2.unref();
        });
      });
    });
  });
});
process.on('exit', () => console.log('exit'));
