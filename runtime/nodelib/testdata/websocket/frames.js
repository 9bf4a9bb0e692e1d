// What the server's frames become: a fragmented text message with a ping between its
// fragments (answered with a pong carrying the ping's payload), a binary message arriving a
// byte at a time, a permessage-deflate compressed message, and a protocol error (a masked
// frame from the server), which fails the connection with an error event and then closes it.
const { start } = require('./server.cjs');

function run(base, path, binaryType, messages, done) {
  const ws = new WebSocket(`${base}${path}`);
  ws.binaryType = binaryType;
  const events = [];
  ws.onopen = () => events.push(`open extensions=${JSON.stringify(ws.extensions)}`);
  ws.onmessage = (e) => {
    const d = e.data;
    events.push(`message ${typeof d === 'string' ? JSON.stringify(d.length > 40 ? d.slice(0, 40) + '... ' + d.length : d) : Buffer.from(d).toString('hex')}`);
    if (--messages === 0) ws.close(4000);
  };
  ws.onerror = (e) => events.push(`error ${JSON.stringify(e.message)} ${ws.readyState}`);
  ws.onclose = (e) => {
    events.push(`close ${e.code} ${JSON.stringify(e.reason)} ${e.wasClean}`);
    console.log(path);
    for (const line of events) console.log('  ' + line);
    done();
  };
}

start((server, base) => {
  const runs = [['/fragments', 'arraybuffer', 2], ['/deflate', 'blob', 1], ['/bad-frame', 'blob', 1]];
  const next = () => {
    const r = runs.shift();
    if (r === undefined) {
      server.closeAll(() => console.log(server.log.join('\n')));
      return;
    }
    run(base, ...r, next);
  };
  next();
});
