// The closing handshake started by the client: close()'s argument checks (the DOMExceptions
// undici throws), a code and reason the server echoes, close() again while closing, and
// close() before the connection is open.
const { start } = require('./server.cjs');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.name, e.code, JSON.stringify(e.message));
  }
}

start((server, base) => {
  const ws = new WebSocket(`${base}/echo`);
  const states = [];
  ws.onopen = () => {
    attempt('close(999)', () => ws.close(999));
    attempt('close(1001)', () => ws.close(1001));
    attempt('close(2999)', () => ws.close(2999));
    attempt('close(5000)', () => ws.close(5000));
    attempt('close(65536 + 1000) clamps', () => ws.close(65536 + 1000));
    attempt('close(-1) clamps', () => ws.close(-1));
    attempt('close(1000, 124 bytes)', () => ws.close(1000, 'x'.repeat(124)));
    attempt('close(1000, 62 two-byte chars)', () => ws.close(1000, 'ü'.repeat(62)));
    attempt('close(NaN)', () => ws.close(NaN));
    attempt('close(4001.9, reason)', () => ws.close(4001.9, 'done ✓'));
    states.push(ws.readyState);
    attempt('close again while closing', () => ws.close(4002, 'again'));
    attempt('send while closing', () => ws.send('late'));
    states.push(ws.readyState, ws.bufferedAmount);
  };
  ws.onmessage = (e) => console.log('unexpected message', e.data);
  ws.onerror = (e) => console.log('error', e.type, e.message);
  ws.onclose = (e) => {
    console.log('close', e.code, JSON.stringify(e.reason), e.wasClean, ws.readyState, 'states', states.join(' '));
    console.log(server.log.join('\n'));
    // undici fails a connection closed before it is established: an error event, and no close
    // event, as the socket's close listener is attached only once the connection is open.
    const early = new WebSocket(`${base}/echo`);
    early.onopen = () => console.log('early open');
    early.onclose = (ev) => console.log('early close', ev.code);
    early.onerror = (ev) => {
      console.log('early error', ev.constructor.name, JSON.stringify(ev.message), String(ev.error), early.readyState);
      server.closeAll(() => console.log('server closed'));
    };
    early.close(3000, 'never mind');
    console.log('close() while connecting', early.readyState);
  };
});
