// IPv6 loopback, pause/resume (reads held while paused), setTimeout on an idle socket,
// setKeepAlive, and ECONNRESET from a destroyed peer.
const net = require('net');
const server = net.createServer((sock) => {
  console.log('server: remote family', sock.remoteFamily, sock.remoteAddress);
  sock.setKeepAlive(true, 1000);
  sock.pause();
  let chunks = '';
  sock.on('data', (d) => { chunks += d; });
  setTimeout(() => {
    console.log('server: resume, received while paused', JSON.stringify(chunks));
    sock.resume();
    sock.on('end', () => {
      console.log('server: end', JSON.stringify(chunks));
      sock.end();
    });
  }, 50);
});
server.listen(0, '::1', () => {
  const addr = server.address();
  console.log('listening', addr.address, addr.family);
  const c = net.connect({ port: addr.port, host: '::1' }, () => {
    console.log('client: local family', c.localFamily);
    c.write('one,');
    c.write('two,');
    c.setTimeout(10, () => {
      console.log('client: idle timeout fired');
      c.setTimeout(0);
      c.end('three');
    });
  });
  c.on('close', () => server.close(() => console.log('server closed')));
});
