// HTTP hello-world server for bench/http.sh: listens on 127.0.0.1 (port 0,
// or PORT) and prints the port it got on stdout.
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('hello world\n');
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
