// Buffer encodings and readers, StringDecoder utf16le, TextEncoder/Decoder, atob, structuredClone.
const b = Buffer.from('héllo');
console.log(b.toString('base64url'), b.toString('latin1'), b.toString('ascii'), b.toString('utf16le').length);
console.log(Buffer.from('ffee', 'hex'), Buffer.byteLength('😀'), Buffer.from([1,2,3]).reverse(), Buffer.compare(Buffer.from([1]), Buffer.from([1,0])));
const c = Buffer.alloc(10); c.writeDoubleLE(1.5); c.writeBigInt64BE ? console.log(typeof c.readBigUInt64LE(0)) : 0;
console.log(c.readDoubleLE(0), Buffer.isEncoding('UTF-8'), Buffer.isEncoding('nope'));
try { Buffer.alloc(-1); } catch (e) { console.log(e.code, e.message); }
console.log(Buffer.from('abc').toJSON(), [...Buffer.from('ab').entries()]);
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf16le'); console.log(JSON.stringify(d.write(Buffer.from([0x61, 0x00, 0x62]))), JSON.stringify(d.end()));
console.log(new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0xac])), new TextEncoder().encode('€'));
console.log(atob(btoa('hi')), structuredClone(new Map([[1, new Set([2])]])));
