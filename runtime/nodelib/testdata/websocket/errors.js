// What the constructor and send() throw, as DOMExceptions and TypeErrors with undici's
// messages: bad URLs and schemes, fragments, bad or repeated protocols, missing arguments,
// send() before the connection is open; and the http: scheme it rewrites to ws:.
const { start } = require('./server.cjs');

// The global before its first use: node's lazy interface accessor.
console.log('descriptor', JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'WebSocket'), (k, v) => (typeof v === 'function' ? typeof v : v)));

function attempt(label, fn) {
  try {
    const v = fn();
    console.log(label, 'ok', v === undefined ? '' : v);
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.name, e.code, JSON.stringify(e.message));
  }
}

attempt('no arguments', () => new WebSocket());
attempt('relative url', () => new WebSocket('/path'));
attempt('not a url', () => new WebSocket('ws://[::1'));
attempt('ftp scheme', () => new WebSocket('ftp://127.0.0.1/'));
attempt('file scheme', () => new WebSocket('file:///tmp/x'));
attempt('fragment', () => new WebSocket('ws://127.0.0.1:1/#frag'));
attempt('empty fragment', () => new WebSocket('ws://127.0.0.1:1/#'));
attempt('protocol with space', () => new WebSocket('ws://127.0.0.1:1/', 'a b'));
attempt('empty protocol', () => new WebSocket('ws://127.0.0.1:1/', ''));
attempt('repeated protocols', () => new WebSocket('ws://127.0.0.1:1/', ['chat', 'CHAT']));
attempt('send on the prototype', () => WebSocket.prototype.send.call({}, 'x'));
attempt('readyState on the prototype', () => WebSocket.prototype.readyState);
console.log('WebSocket', WebSocket.name, WebSocket.length, typeof WebSocket.prototype.close,
  Object.getPrototypeOf(WebSocket) === EventTarget, String(WebSocket.prototype[Symbol.toStringTag]));

start((server, base) => {
  const port = new URL(base).port;
  const ws = new WebSocket(`http://127.0.0.1:${port}/protocol?q`, 'chat');
  console.log('http: becomes', ws.url.replace(port, 'PORT'));
  attempt('send before open', () => ws.send('too early'));
  attempt('send without data', () => ws.send());
  ws.onopen = () => {
    attempt('send without data when open', () => ws.send());
    attempt('send(null) sends "null"', () => ws.send(null));
    attempt('send(undefined) sends "undefined"', () => ws.send(undefined));
    attempt('send({}) sends a string', () => ws.send({ toString: () => 'object' }));
    ws.close(1000);
  };
  ws.onerror = (e) => console.log('error', e.message);
  ws.onclose = (e) => {
    console.log('close', e.code, e.wasClean, JSON.stringify(ws.protocol));
    server.closeAll(() => console.log(server.log.join('\n')));
  };
});
