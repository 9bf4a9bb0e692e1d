// Feeds raw HTTP/1.x through internalBinding('http_parser').HTTPParser and prints every
// callback and result. Node runs it with --expose-internals; the Go test provides
// internalBinding itself.
const binding = typeof internalBinding === 'function' ?
  internalBinding('http_parser') :
  require('internal/test/binding').internalBinding('http_parser');
const { HTTPParser, allMethods } = binding;
const REQ = HTTPParser.REQUEST;
const RES = HTTPParser.RESPONSE;
const cases = {
  'simple get': [REQ, ['GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n']],
  'split everywhere': [REQ, ['GE', 'T / HT', 'TP/1.1\r', '\nA: ', '1\r\n', '\r', '\n']],
  'pipelined': [REQ, ['GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n']],
  'content-length body': [REQ, ['POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel', 'lo']],
  'chunked with trailers': [REQ, ['POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n', '2;x=y\r\nde\r\n0\r\nX-T: 1\r\n\r\n']],
  'http/1.0 no keep-alive': [REQ, ['GET / HTTP/1.0\r\n\r\n']],
  'http/1.0 keep-alive': [REQ, ['GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n']],
  'connection close then data': [REQ, ['GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n']],
  'upgrade': [REQ, ['GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nrawbytes']],
  'connect': [REQ, ['CONNECT host:443 HTTP/1.1\r\n\r\ntunnel']],
  'bad method': [REQ, ['BOGUS / HTTP/1.1\r\n\r\n']],
  'bad header token': [REQ, ['GET / HTTP/1.1\r\nBad Header: 1\r\n\r\n']],
  'bad version': [REQ, ['GET / HTTP/1.x\r\n\r\n']],
  'bad chunk size': [REQ, ['POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n']],
  'duplicate content-length': [REQ, ['POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n']],
  'cl and te': [REQ, ['POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n']],
  'response with length': [RES, ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok']],
  'response until eof': [RES, ['HTTP/1.1 200 Fine Thanks\r\n\r\nsome ', 'body']],
  'response 204': [RES, ['HTTP/1.1 204 No Content\r\n\r\n']],
  'response chunked': [RES, ['HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nnope\r\n0\r\n\r\n']],
  'response cut short': [RES, ['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc']],
  'response 101': [RES, ['HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: upgrade\r\n\r\nframes']],
  'header overflow': [REQ, ['GET / HTTP/1.1\r\nX: ' + 'a'.repeat(20000) + '\r\n\r\n']],
};
for (const [name, [type, chunks]] of Object.entries(cases)) {
  const log = [];
  const p = new HTTPParser();
  p.initialize(type, {}, 0, 0);
  p[HTTPParser.kOnMessageBegin] = () => log.push('begin');
  p[HTTPParser.kOnHeaders] = (h, url) => log.push(['headers', h, url]);
  p[HTTPParser.kOnHeadersComplete] = (maj, min, h, method, url, code, msg, upgrade, ka) => {
    log.push(['complete', maj, min, h, method === undefined ? method : allMethods[method], url, code, msg, upgrade, ka]);
    return 0;
  };
  p[HTTPParser.kOnBody] = (b) => log.push(['body', b.toString('latin1')]);
  p[HTTPParser.kOnMessageComplete] = () => log.push('done');
  const show = (r) => r instanceof Error ? { code: r.code, reason: r.reason, bytesParsed: r.bytesParsed } : r;
  for (const c of chunks) {
    const r = p.execute(Buffer.from(c, 'latin1'));
    log.push(['execute', show(r)]);
    if (r instanceof Error) break;
  }
  log.push(['finish', show(p.finish())]);
  console.log(name, JSON.stringify(log).slice(0, 600));
}
