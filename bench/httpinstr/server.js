// bench/http-instructions.sh's server: bench/scripts/http-hello.js's handler,
// and the program ends (closing the server) after REQUESTS requests.
const http = require('http');
const limit = Number(process.env.REQUESTS || 1);
let served = 0;
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('hello world\n');
  if (++served >= limit) server.close();
});
server.keepAliveTimeout = 100;
server.listen(0, '127.0.0.1', () => {
  console.log(server.address().port);
});
