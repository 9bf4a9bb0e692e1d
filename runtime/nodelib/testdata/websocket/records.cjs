// Preloaded (node -r) when recording testdata/websocket: counts the async resources node creates of
// the types the network bindings record, and writes them to NAME.records at exit.
const ah = require('async_hooks');
const fs = require('fs');
const counts = {};
const want = new Set(['TCPWRAP', 'TCPSERVERWRAP', 'TCPCONNECTWRAP', 'WRITEWRAP', 'SHUTDOWNWRAP',
  'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP']);
ah.createHook({
  init(id, type) {
    if (want.has(type)) counts[type] = (counts[type] || 0) + 1;
  },
}).enable();
process.on('exit', () => {
  const lines = Object.keys(counts).sort().map((k) => `${k} ${counts[k]}\n`).join('');
  fs.writeFileSync(process.argv[1].replace(/\.js$/, '.records'), lines);
});
