// A connection refused: nothing listens on the port of a server that has just closed. node
// v20's undici fires one error event (an ErrorEvent whose error is an Error with its message)
// and no close event; readyState stays CONNECTING, and the program ends.
const net = require('net');

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address();
  probe.close(() => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    const events = [];
    ws.onopen = () => events.push('open');
    ws.onclose = (e) => console.log('close', e.code, e.reason, e.wasClean, ws.readyState);
    ws.addEventListener('error', (e) => {
      console.log('error', e.type, e.constructor.name, JSON.stringify(e.message), e.error instanceof Error,
        String(e.error), e.filename === '', e.lineno, e.colno, ws.readyState, e.target === ws);
    });
    ws.onerror = () => console.log('onerror too');
    process.on('exit', () => console.log('exit', ws.readyState, ws.bufferedAmount));
  });
});
