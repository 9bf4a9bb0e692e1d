// fetch without a network: Headers, Request, Response, FormData, Blob, web streams and a data: URL.
const h = new Headers({ 'Content-Type': 'text/plain', 'X-A': '1' });
h.append('x-a', '2');
console.log([...h].map(([k, v]) => k + '=' + v).join(';'));
const r = new Response('hello', { status: 201, headers: h });
console.log(r.status, r.ok, r.headers.get('x-a'));
r.text().then((t) => console.log('text', t));
new Response(JSON.stringify({ a: [1, 2] })).json().then((j) => console.log('json', JSON.stringify(j)));
const q = new Request('http://example.com/x?y=1', { method: 'POST', body: 'abc' });
console.log(q.method, q.url, q.headers.get('content-type'));
q.arrayBuffer().then((b) => console.log('ab', b.byteLength));
const fd = new FormData(); fd.append('k', 'v'); console.log(fd.get('k'));
new Blob(['ab', 'cd']).slice(1, 3).text().then((t) => console.log('blob', t));
fetch('data:text/plain,hi%20there').then((r) => r.text()).then((t) => console.log('data', t));
const rs = new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } });
const rd = rs.getReader(); rd.read().then((a) => console.log('rs', JSON.stringify(a)));
