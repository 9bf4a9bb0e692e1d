// fetch under load: a 1 MiB body (many socket reads, past the response stream's high-water mark), 12
// concurrent requests on one origin, an abort before connecting, a body cancelled mid-read.
const http = require('http');
const big = 'x'.repeat(1024 * 1024);
const server = http.createServer((req, res) => {
  if (req.url === '/big') { res.end(big); return; }
  res.setHeader('x-n', req.url.slice(1));
  res.end('n' + req.url.slice(1));
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const t = await (await fetch(`${base}/big`)).text();
  console.log(t.length);
  const all = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => fetch(`${base}/${i}`).then((r) => r.text())));
  console.log(all.join(' '));
  const ac = new AbortController();
  const p = fetch(`${base}/big`, { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name); }
  const r = await fetch(`${base}/big`);
  const rd = r.body.getReader(); await rd.read(); await rd.cancel();
  console.log('cancelled');
  server.close(() => console.log('closed'));
});
