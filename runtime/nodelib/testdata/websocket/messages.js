// Text and binary messages both ways: every kind of data send() takes, both binaryTypes,
// events through on* and addEventListener, readyState and bufferedAmount along the way.
const { start } = require('./server.cjs');

start((server, base) => {
  const ws = new WebSocket(`${base}/echo?x=1`);
  console.log('created', ws.readyState, ws.url.replace(base, 'BASE'), JSON.stringify(ws.protocol), JSON.stringify(ws.extensions));
  console.log('binaryType', ws.binaryType, 'bufferedAmount', ws.bufferedAmount);
  console.log('constants', WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED,
    ws.CONNECTING, ws.OPEN, ws.CLOSING, ws.CLOSED);
  console.log('is EventTarget', ws instanceof EventTarget, Object.prototype.toString.call(ws));
  const sends = [
    () => ws.send('hello'),
    () => ws.send(''),
    () => ws.send('unicode ✓ ü 😀'),
    () => ws.send(new Uint8Array([1, 2, 3])),
    () => ws.send(new Uint16Array([0x0102, 0x0304]).subarray(1)),
    () => ws.send(new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2)),
    () => ws.send(new Uint8Array([4, 5, 6, 7]).buffer),
    () => ws.send(Buffer.from('buffer')),
    () => ws.send(new Blob(['blob ', 'parts'])),
    () => ws.send(42),
  ];
  const order = [];
  ws.addEventListener('open', (e) => {
    order.push('listener open');
    console.log('open', e.type, e.constructor.name, ws.readyState, e.target === ws, e.isTrusted);
    ws.binaryType = 'bogus';
    console.log('binaryType after bogus', ws.binaryType);
    for (const send of sends) send();
    console.log('bufferedAmount after sends', ws.bufferedAmount > 0);
  });
  ws.onopen = () => order.push('onopen');
  // Blobs are read asynchronously; the lines are printed in arrival order at the end.
  const shown = [];
  const onmessage = (e) => {
    const n = shown.length + 1;
    const d = e.data;
    const head = `message ${n} ${e.type} ${e.constructor.name} ${e.origin === new URL(base).origin} ${JSON.stringify(e.lastEventId)}`;
    if (typeof d === 'string') {
      shown.push(`${head} ${JSON.stringify(d)}`);
    } else if (d instanceof Blob) {
      shown.push(d.arrayBuffer().then((ab) => `${head} Blob(${d.size}, ${JSON.stringify(d.type)}) ${Buffer.from(ab).toString('hex')}`));
    } else {
      shown.push(`${head} ${d.constructor.name}(${d.byteLength}) ${Buffer.from(d).toString('hex')}`);
    }
    if (n === 5) ws.binaryType = 'arraybuffer';
    if (n === sends.length) {
      console.log('bufferedAmount at the end', ws.bufferedAmount);
      ws.close();
      console.log('after close()', ws.readyState);
    }
  };
  ws.onmessage = onmessage;
  console.log('onmessage is the handler', ws.onmessage === onmessage, ws.onclose);
  ws.onerror = (e) => console.log('error', e.type, e.message);
  ws.addEventListener('close', async (e) => {
    for (const line of await Promise.all(shown)) console.log(line);
    console.log('close', e.type, e.constructor.name, e.code, JSON.stringify(e.reason), e.wasClean, ws.readyState);
    console.log('order', order.join(', '));
    server.closeAll(() => console.log(server.log.join('\n')));
  });
});
