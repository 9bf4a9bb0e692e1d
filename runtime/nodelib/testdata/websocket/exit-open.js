// process.exit while a WebSocket and its server are open: the program ends at once, as in
// node, and the runtime closes both sockets and the listener.
const { start } = require('./server.cjs');

start((server, base) => {
  const ws = new WebSocket(`${base}/echo`);
  ws.onopen = () => ws.send('last words');
  ws.onmessage = (e) => {
    console.log('message', e.data, ws.readyState);
    process.exit(0);
  };
  ws.onclose = () => console.log('close (never)');
  process.on('exit', (code) => console.log('exit', code, ws.readyState, server.listening));
});
