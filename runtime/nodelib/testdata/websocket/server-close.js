// Connections the server ends: a close frame with a code and reason, an empty close frame,
// a dropped connection (no close frame), a refused handshake (403) and a wrong
// Sec-WebSocket-Accept. Each runs after the previous one has closed. A failed handshake fires
// an error event and no close event in node v20's undici (its socket's close listener is
// attached once the connection is open), so that ends a run too.
const { start } = require('./server.cjs');

function run(base, path, done) {
  const ws = new WebSocket(`${base}${path}`);
  const events = [];
  let opened = false;
  const finish = () => {
    console.log(path);
    for (const line of events) console.log('  ' + line);
    done();
  };
  ws.onopen = (e) => {
    opened = true;
    events.push(`open ${ws.readyState}`);
  };
  ws.onmessage = (e) => events.push(`message ${JSON.stringify(e.data)}`);
  ws.onerror = (e) => {
    events.push(`error ${e.constructor.name} ${JSON.stringify(e.message)} ${e.error} ${ws.readyState}`);
    if (!opened) finish();
  };
  ws.addEventListener('close', (e) => {
    events.push(`close ${e.constructor.name} ${e.code} ${JSON.stringify(e.reason)} ${e.wasClean} ${ws.readyState}`);
    finish();
  });
}

start((server, base) => {
  const paths = ['/close?code=4321&reason=server+says+bye', '/close', '/close?code=1001', '/drop', '/reject', '/bad-accept'];
  const next = () => {
    const path = paths.shift();
    if (path === undefined) {
      server.closeAll(() => console.log(server.log.join('\n')));
      return;
    }
    run(base, path, next);
  };
  next();
});
