const url = require('url');
for (const [input, base] of [['http://例え.テスト/パス?q=値#ハ'], ['file:///C:/x/../y'], ['HTTPS://a.b:443/./x/%2e%2E/y'], ['mailto:someone@example.com'], ['blob:https://a.com/uuid'], ['//host/p', 'https://base.com/x'], ['?q=1', 'http://h/p?x#f'], ['http://[::1]:8080/'], ['http://192.168.0.257/'], ['http://0x7f.1/'], ['web+demo:/.//not-a-host/'], ['non-spec:/a/../b']]) {
  try {
    const u = base ? new URL(input, base) : new URL(input);
    console.log(u.href, u.origin, u.host, u.pathname, u.search, u.hash);
  } catch (e) {
    console.log('invalid', input, e.code);
  }
}
const u = new URL('http://a.com/p?x=1');
u.protocol = 'https'; u.host = 'b.org:81'; u.pathname = '/new path'; u.search = 'y=2'; u.hash = 'h'; u.username = 'me'; u.password = 's e';
console.log(u.href, u.port, u.username, u.password);
u.port = '443'; console.log(u.href); u.port = 'abc'; console.log(u.href);
u.href = 'http://c.net/'; console.log(u.href, u.searchParams.size);
try { u.href = 'nope'; } catch (e) { console.log(e.code); }
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/a b#c.txt').href, url.format(new URL('http://u:p@x.com/a?b#c'), { auth: false, search: false, fragment: false }));
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.domainToASCII('xn--iñvalid.com'));
console.log(JSON.stringify(url.parse('http://user:pass@host.com:8080/p/a/t/h?query=string#hash')));
console.log(url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.format({ protocol: 'https', hostname: 'x.com', pathname: '/p', query: { a: 1 } }));
const sp = new URLSearchParams('a=1&b=%zz&c=%E2%82%AC&d');
console.log([...sp.entries()], sp.toString(), new URLSearchParams({ 'x y': 'é&=' }).toString());
console.log(util_inspect(new URL('https://x.com/p?q')), util_inspect(sp));
function util_inspect(v) { return require('util').inspect(v); }
