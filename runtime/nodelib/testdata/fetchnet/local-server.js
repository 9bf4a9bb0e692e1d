// fetch against a local http server: json, POST echo, chunked streaming through the body's
// reader, keep-alive reuse, headers iteration, a refused connection.
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    if (req.url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-b': 'two', 'x-a': 'one' });
      res.end(JSON.stringify({ ok: true, list: [1, 2, 3] }));
    } else if (req.url === '/echo') {
      res.writeHead(201, { 'content-type': 'text/plain', 'x-method': req.method, 'x-type': String(req.headers['content-type']) });
      res.end(`echo:${body}`);
    } else if (req.url === '/chunks') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('one,');
      setImmediate(() => { res.write('two,'); setImmediate(() => res.end('three')); });
    } else {
      res.writeHead(404, 'Nope', { 'content-type': 'text/plain' });
      res.end('missing');
    }
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r1 = await fetch(`${base}/json`);
  console.log(r1.status, r1.statusText, r1.url === `${base}/json`, r1.redirected, r1.type);
  console.log([...r1.headers.keys()].filter((k) => k.startsWith('x-') || k === 'content-type').join(','));
  console.log(JSON.stringify(await r1.json()), r1.bodyUsed);
  const r2 = await fetch(new Request(`${base}/echo`, { method: 'PUT', body: JSON.stringify({ a: 1 }), headers: { 'content-type': 'application/json' } }));
  console.log(r2.status, r2.headers.get('x-method'), r2.headers.get('x-type'), await r2.text());
  const r3 = await fetch(`${base}/chunks`);
  const reader = r3.body.getReader();
  const dec = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += dec.decode(value, { stream: true });
  }
  console.log('chunks', text);
  const r4 = await fetch(`${base}/missing`);
  console.log(r4.status, r4.ok, r4.statusText, await r4.text());
  const blob = await (await fetch(`${base}/json`)).blob();
  console.log(blob.size, blob.type);
  // A port that was just closed refuses the connection.
  const gone = http.createServer();
  gone.listen(0, '127.0.0.1', () => {
    const port = gone.address().port;
    gone.close(async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
      } catch (err) {
        console.log(err.name, err.message, err.cause && err.cause.code);
      }
      server.close(() => console.log('closed'));
    });
  });
});
