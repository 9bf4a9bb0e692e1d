// 1 MiB messages both ways, text and binary, echoed (and a smaller Blob made of parts), with
// bufferedAmount counting what is not yet written. The server checks lengths and hashes.
const crypto = require('crypto');
const { start } = require('./server.cjs');

const MiB = 1 << 20;
const text = "abcdefghijklmnopqrstuvwxyz0123456789 ✓".repeat(Math.ceil(MiB / 38)).slice(0, MiB);
const bin = new Uint8Array(Buffer.alloc(MiB, 'binary \x00\x01\xfe\xff', 'latin1'));
const hash = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

start((server, base) => {
  const ws = new WebSocket(`${base}/echo`);
  ws.binaryType = 'arraybuffer';
  const got = [];
  ws.onopen = () => {
    ws.send(text);
    console.log('bufferedAmount after text', ws.bufferedAmount === Buffer.byteLength(text));
    ws.send(bin);
    ws.send(new Blob([bin.subarray(0, 1000), 'text part', bin.subarray(1000, 70000)]));
    console.log('bufferedAmount after all', ws.bufferedAmount === Buffer.byteLength(text) + MiB + 70009);
  };
  ws.onmessage = (e) => {
    const d = e.data;
    if (typeof d === 'string') {
      got.push(`text ${d.length} chars, same ${d === text}`);
    } else {
      const expected = d.byteLength === MiB ? bin : Buffer.concat([bin.subarray(0, 1000), Buffer.from('text part'), bin.subarray(1000, 70000)]);
      got.push(`${d.constructor.name} ${d.byteLength} bytes, same ${hash(new Uint8Array(d)) === hash(expected)}`);
    }
    if (got.length === 3) {
      console.log(got.join('\n'));
      console.log('bufferedAmount at the end', ws.bufferedAmount);
      ws.close(1000, 'big done');
    }
  };
  ws.onclose = (e) => {
    console.log('close', e.code, e.reason, e.wasClean);
    server.closeAll(() => console.log(server.log.join('\n')));
  };
});
