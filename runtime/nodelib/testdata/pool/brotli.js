// Brotli over andybalholm/brotli: round trips (sync, callback, stream), node-made bytes, errors.
const zlib = require('zlib');
const { promisify } = require('util');
const text = 'Brotli text, '.repeat(300) + 'end';
// zlib.brotliCompressSync('hello world') as node made it.
const nodeBr = Buffer.from('0b058068656c6c6f20776f726c6403', 'hex');
console.log(zlib.brotliDecompressSync(nodeBr).toString());
console.log(zlib.brotliDecompressSync(Buffer.concat([nodeBr, Buffer.from('trailing')])).toString());
for (const params of [{}, { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 }, { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_LGWIN]: 16 }]) {
  const packed = zlib.brotliCompressSync(text, { params });
  console.log(JSON.stringify(params), packed.length < text.length, zlib.brotliDecompressSync(packed, { chunkSize: 64 }).toString() === text);
}
for (const bad of [Buffer.from('garbage data here'), nodeBr.subarray(0, 5), Buffer.alloc(0)]) {
  try { console.log(zlib.brotliDecompressSync(bad).length); } catch (e) { console.log(e.name, e.code, e.errno, e.message); }
}
try { zlib.brotliCompressSync('x', { params: { 99: 1 } }); } catch (e) { console.log(e.code, e.message); }
(async () => {
  const packed = await promisify(zlib.brotliCompress)(text);
  console.log('callback', (await promisify(zlib.brotliDecompress)(packed)).toString() === text);
  await promisify(zlib.brotliDecompress)(Buffer.from('garbage data here')).catch((e) => console.log('callback error', e.code, e.errno, e.message));
  const enc = zlib.createBrotliCompress();
  const dec = zlib.createBrotliDecompress();
  const out = [];
  dec.on('data', (d) => out.push(d));
  enc.pipe(dec);
  enc.write('part one, ');
  enc.flush(() => enc.end('part two'));
  await new Promise((resolve) => dec.on('end', resolve));
  console.log('stream', Buffer.concat(out).toString());
})();
