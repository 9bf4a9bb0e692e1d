// zlib over Go's compress/flate: round trips in every format and form (sync, callback,
// stream), node-made bytes decoded, errors, dictionaries, small chunk sizes, crc32.
const zlib = require('zlib');
const { promisify } = require('util');
const text = 'Hello, zlib! '.repeat(500) + 'the end';
const nodeGzip = Buffer.from('1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000', 'hex');
const nodeDeflate9 = Buffer.from('78dacb48cdc9c95728cf2fca4901001a0b045d', 'hex');
const nodeRaw = Buffer.from('cb48cdc9c957c8402701', 'hex');
const twoMembers = Buffer.from('1f8b0800000000000003cbcf4b5500004961ac23040000001f8b08000000000000032b29cf0700668aca1103000000', 'hex');
const dictDeflate = Buffer.from('78bb1145038a4b813114e02c0047250733', 'hex');
console.log(zlib.gunzipSync(nodeGzip).toString(), zlib.inflateSync(nodeDeflate9).toString(), zlib.inflateRawSync(nodeRaw).toString());
console.log(zlib.unzipSync(nodeGzip).toString(), zlib.unzipSync(nodeDeflate9).toString());
console.log(zlib.gunzipSync(twoMembers).toString());
console.log(zlib.gunzipSync(Buffer.concat([nodeGzip, Buffer.alloc(5)])).toString());
try { zlib.gunzipSync(Buffer.concat([nodeGzip, Buffer.from('trailing')])); } catch (e) { console.log('trailing', e.code, e.message); }
console.log(zlib.inflateSync(dictDeflate, { dictionary: Buffer.from('dict text') }).toString());
for (const [c, d] of [['gzipSync', 'gunzipSync'], ['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync']]) {
  for (const opts of [{}, { level: 0 }, { level: 1 }, { level: 9 }, { strategy: zlib.constants.Z_HUFFMAN_ONLY }, { chunkSize: 64 }]) {
    const packed = zlib[c](text, opts);
    const out = zlib[d](packed, { chunkSize: 64 });
    console.log(c, d, JSON.stringify(opts), out.toString() === text, c === 'deflateRawSync' ? '' : packed.subarray(0, 2).toString('hex'));
  }
}
console.log(zlib.gzipSync('x', { level: 9 })[8], zlib.gzipSync('x', { level: 1 })[8], zlib.gzipSync('x')[9]);
const bads = [
  ['gunzipSync', Buffer.from('not gzip data')],
  ['inflateSync', Buffer.from('not zlib data')],
  ['gunzipSync', nodeGzip.subarray(0, 20)],
  ['inflateSync', nodeDeflate9.subarray(0, 10)],
  ['gunzipSync', Buffer.concat([nodeGzip.subarray(0, nodeGzip.length - 8), Buffer.from([0, 0, 0, 0, 11, 0, 0, 0])])],
  ['inflateSync', Buffer.concat([nodeDeflate9.subarray(0, nodeDeflate9.length - 1), Buffer.from([0])])],
  ['inflateSync', dictDeflate],
  ['inflateSync', Buffer.alloc(0)],
];
for (const [fn, input] of bads) {
  try { console.log(fn, 'ok', zlib[fn](input).length); } catch (e) { console.log(fn, e.name, e.code, e.errno, e.message); }
}
console.log(zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), zlib.crc32('hello ')), zlib.crc32(''));
(async () => {
  const gz = await promisify(zlib.gzip)(text);
  console.log('gzip cb', gz[0], gz[1], (await promisify(zlib.gunzip)(gz)).toString() === text);
  const df = await promisify(zlib.deflateRaw)(Buffer.from(text), { chunkSize: 128 });
  console.log('raw cb', (await promisify(zlib.inflateRaw)(df, { chunkSize: 128 })).toString() === text);
  console.log('unzip cb', (await promisify(zlib.unzip)(nodeGzip)).toString());
  for (const [fn, input] of bads.slice(0, 4)) {
    await promisify(zlib[fn.replace('Sync', '')])(input).then((b) => console.log(fn, 'cb ok', b.length), (e) => console.log(fn, 'cb', e.code, e.errno, e.message));
  }
  // A stream, written in pieces, flushed in the middle.
  const gzip = zlib.createGzip();
  const gunzip = zlib.createGunzip();
  const chunks = [];
  gunzip.on('data', (c) => chunks.push(c));
  gzip.pipe(gunzip);
  await new Promise((resolve) => {
    gunzip.on('end', resolve);
    gzip.write('first part, ');
    gzip.flush(() => {
      gzip.write(Buffer.from('second part, '));
      gzip.end('last part');
    });
  });
  console.log('stream', Buffer.concat(chunks).toString(), gzip.bytesWritten, gunzip.bytesWritten > 0);
  const d = zlib.createDeflate({ level: 1 });
  const parts = [];
  d.on('data', (c) => parts.push(c));
  d.write(text.slice(0, 100));
  await new Promise((resolve) => d.params(9, zlib.constants.Z_DEFAULT_STRATEGY, resolve));
  d.end(text.slice(100));
  await new Promise((resolve) => d.on('end', resolve));
  console.log('params', zlib.inflateSync(Buffer.concat(parts)).toString() === text);
  const bad = zlib.createInflate();
  bad.on('error', (e) => console.log('stream error', e.code, e.errno, e.message));
  bad.end(Buffer.from('garbage!'));
})();
