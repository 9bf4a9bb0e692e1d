// path (posix, win32), querystring, legacy url.parse/format, file URLs, IDN hosts.
const path = require('path');
console.log(path.relative('/a/b/c', '/a/d'), path.resolve('') === process.cwd(), path.posix.join('a', '..', '..', 'b'), path.win32.join('C:\\a', '..', 'b'));
console.log(path.parse('C:\\x\\y.txt'), path.win32.parse('C:\\x\\y.txt'));
const qs = require('querystring');
console.log(qs.stringify({ a: [1, 2], b: 'ü ä' }), qs.parse('x=1&x=2&y=%E4'));
const url = require('url');
console.log(url.parse('http://u:p@host:8080/p/a/t/h?query=string#hash'));
console.log(url.format({ protocol: 'https', hostname: 'x.com', pathname: '/p', query: { a: 1 } }));
console.log(url.fileURLToPath('file:///tmp/a%20b'), url.pathToFileURL('/tmp/a b').href);
const u = new URL('https://例え.jp/ä?q=ü#f'); console.log(u.href, u.hostname);
