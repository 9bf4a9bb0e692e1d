// A server on an IPv6 socket (here the IPv4-mapped loopback, as a dual-stack server on '::'
// would be without leaving loopback) sees IPv4 peers as IPv4-mapped IPv6 addresses; the
// client sees plain IPv4.
const net = require('net');
const s = net.createServer((c) => {
  console.log('server sees', c.remoteAddress, c.remoteFamily, c.localAddress);
  c.end();
});
s.listen(0, '::ffff:127.0.0.1', () => {
  console.log('address', s.address().address, s.address().family);
  const c = net.connect(s.address().port, '127.0.0.1');
  c.on('end', () => console.log('client', c.localAddress, c.remoteAddress, c.remoteFamily));
  c.on('close', () => s.close());
});
