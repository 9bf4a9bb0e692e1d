// http-consume: node's server hands its sockets' reads straight to the HTTP parser
// (HTTPParser.consume on a StreamBase handle). Pipelined requests in one read, a body split
// across reads, a 'data' listener on the socket taking the reads back (unconsume, after
// which the server parses from 'data' events), bytesRead, a malformed request after that,
// and the end of the connection.
const http = require('http');
const net = require('net');
let served = 0;
const server = http.createServer((req, res) => {
  const s = req.socket;
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    console.log('server', req.method, req.url, JSON.stringify(body), s._handle.isStreamBase,
      s._handle._consumed, s.parser && s.parser._consumed, s.listenerCount('data'), s.bytesRead > 0);
    if (req.url === '/take') s.on('data', (d) => console.log('socket data', d.length));
    res.end('ok' + (++served));
  });
});
server.on('clientError', (err, socket) => {
  console.log('clientError', err.code, err.bytesParsed);
  socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let out = '';
  let seen = 0;
  const steps = [
    () => c.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n'),
    null,
    () => {
      c.write('POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello');
      setTimeout(() => c.write(' body'), 20);
    },
    () => c.write('GET /take HTTP/1.1\r\nHost: x\r\n\r\n'),
    () => c.write('GET /after HTTP/1.1\r\nHost: x\r\n\r\n'),
    () => c.write('BOGUS / HTTP/1.1\r\n\r\n'),
  ];
  c.on('data', (d) => {
    out += d;
    const n = (out.match(/\r\n\r\nok\d+/g) || []).length;
    while (seen < n) {
      seen++;
      const step = steps[seen];
      if (step) step();
    }
  });
  c.on('end', () => {
    console.log('client got', JSON.stringify(out.match(/ok\d+|400 Bad Request/g)));
    server.close(() => console.log('closed'));
  });
  steps[0]();
});
