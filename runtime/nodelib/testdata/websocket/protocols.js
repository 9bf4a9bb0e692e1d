// Subprotocol negotiation: the server picks one of those offered (or the first), the client
// sees it as ws.protocol; a server that picks one not offered, or none when some were
// offered, fails the connection. (A server picking one when none was offered crashes node
// v20's undici with a TypeError, so that is left out.)
const { start } = require('./server.cjs');

const cases = [
  ['/protocol', ['chat', 'superchat']],
  ['/protocol?pick=superchat', ['chat', 'superchat']],
  ['/protocol', 'single'],
  ['/protocol', []],
  ['/protocol?pick=other', ['chat']],
  ['/echo', ['chat']],
];

start((server, base) => {
  const next = () => {
    const c = cases.shift();
    if (c === undefined) {
      server.closeAll(() => console.log(server.log.join('\n')));
      return;
    }
    const [path, protocols] = c;
    const ws = new WebSocket(base + path, protocols);
    const label = `${path} ${JSON.stringify(protocols)}:`;
    ws.onopen = () => {
      console.log(label, 'open', JSON.stringify(ws.protocol), JSON.stringify(ws.extensions));
      ws.close(1000, 'done');
    };
    ws.onerror = (e) => {
      console.log(label, 'error', JSON.stringify(e.message), ws.readyState, JSON.stringify(ws.protocol));
      next();
    };
    ws.onclose = (e) => {
      console.log(label, 'close', e.code, JSON.stringify(e.reason), e.wasClean);
      next();
    };
  };
  next();
});
