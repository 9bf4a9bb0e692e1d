// An http.Agent with maxSockets 1 queues parallel requests (QueuedRequest scopes) and hands
// each the freed keep-alive socket in turn (asyncReset on the reused handle).
const http = require('http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const seen = new Set();
const server = http.createServer((req, res) => {
  seen.add(req.socket.remotePort);
  res.end(req.url);
});
server.listen(0, '127.0.0.1', () => {
  let n = 0;
  for (const p of ['/1', '/2', '/3']) {
    http.get({ port: server.address().port, host: '127.0.0.1', path: p, agent }, (res) => {
      let b = '';
      res.on('data', (c) => { b += c; });
      res.on('end', () => {
        console.log(p, b, 'sockets used so far', seen.size);
        if (++n === 3) {
          agent.destroy();
          server.close(() => console.log('closed'));
        }
      });
    });
  }
});
