// http: keep-alive agent reuse, HEAD, chunked bodies with trailers, a bad request answered
// with 400 through clientError, and server.close().
const http = require('http');
const net = require('net');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    console.log('server', req.method, req.url, JSON.stringify(body), req.headers['transfer-encoding'], JSON.stringify(req.trailers));
    if (req.url === '/trailers') {
      res.addTrailers({ 'x-sum': String(body.length) });
      res.write('part1 ');
      res.end('part2');
      return;
    }
    res.setHeader('content-length', 5);
    res.end(req.method === 'HEAD' ? undefined : 'hello');
  });
});
server.on('clientError', (err, socket) => {
  console.log('clientError', err.code, err.message, err.bytesParsed);
  socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
});
function request(opts, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, agent, ...opts }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, data, headers: res.headers, trailers: res.trailers, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    if (body) {
      req.setHeader('transfer-encoding', 'chunked');
      req.addTrailers({ 'x-client': 'yes' });
      for (const b of body) req.write(b);
    }
    req.end();
  });
}
server.listen(0, '127.0.0.1', async () => {
  const a = await request({ path: '/a' });
  console.log('a', a.status, a.data, a.headers['content-length'], a.headers.connection, a.reused);
  const b = await request({ path: '/b', method: 'HEAD' });
  console.log('b', b.status, JSON.stringify(b.data), b.reused);
  const c = await request({ path: '/trailers', method: 'POST' }, ['x', 'yy', 'zzz']);
  console.log('c', c.status, c.data, c.headers['transfer-encoding'], JSON.stringify(c.trailers), c.reused);
  agent.destroy();
  const raw = net.connect(server.address().port, '127.0.0.1', () => raw.write('BOGUS / HTTP/1.1\r\n\r\n'));
  let reply = '';
  raw.on('data', (d) => { reply += d; });
  raw.on('end', () => {
    console.log('raw reply', JSON.stringify(reply));
    server.close(() => console.log('closed'));
  });
});
