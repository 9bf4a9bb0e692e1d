// bench/http-objects.sh's workload: node's own server objects without a
// connection, N times (one per setImmediate turn). PART says how much:
// 0 nothing (the turn itself), 1 new IncomingMessage, 2 and a new
// ServerResponse, 3 and assignSocket, writeHead, end and detachSocket over a
// Writable that accepts everything, 4 as 3 without end, 5 as 3 without
// writeHead.
const { IncomingMessage } = require('_http_incoming');
const { ServerResponse } = require('_http_server');
const { Writable } = require('stream');
const part = Number(process.env.PART || 0);
const n = Number(process.env.N || 1000);
class FakeSocket extends Writable {
  _write(chunk, enc, cb) { cb(); }
  _writev(chunks, cb) { cb(); }
}
const sock = new FakeSocket();
sock.setTimeout = () => sock;
sock._httpMessage = null;
let i = 0;
function one() {
  if (part >= 1) {
    const req = new IncomingMessage(sock);
    req.method = 'GET';
    req.url = '/';
    req.httpVersionMajor = 1;
    req.httpVersionMinor = 1;
    if (part >= 2) {
      const res = new ServerResponse(req);
      if (part >= 3) {
        res.shouldKeepAlive = true;
        res.assignSocket(sock);
        if (part !== 5) res.writeHead(200, { 'Content-Type': 'text/plain' });
        if (part !== 4) res.end('hello world\n');
        res.detachSocket(sock);
      }
    }
  }
  if (++i < n) setImmediate(one);
}
one();
