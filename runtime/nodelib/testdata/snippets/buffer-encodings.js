const s = 'héllo wörld € 😀';
for (const enc of ['utf8', 'utf16le', 'latin1', 'ascii', 'hex', 'base64', 'base64url']) {
  const b = Buffer.from(s, enc === 'hex' || enc.startsWith('base64') ? 'utf8' : enc);
  console.log(enc, b.toString(enc), Buffer.byteLength(b.toString(enc), enc), Buffer.from(b.toString(enc), enc).equals(b));
}
console.log(Buffer.from([0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0xc0, 0x80]).toString());
console.log(Buffer.from('zz12ab', 'hex'), Buffer.from('YW Jj\nZA', 'base64'), Buffer.from('_-8', 'base64'));
const w = Buffer.alloc(6);
console.log(w.write('€€', 1), w, w.write('abcdef', 4, 'latin1'), w, w.write('ff00', 'hex'), w);
console.log(Buffer.from('abcabc').lastIndexOf('bc'), Buffer.from('abcabc').indexOf('c', -2), Buffer.from('abc').indexOf(''), Buffer.from('abc').indexOf(98));
console.log(Buffer.alloc(7, '€'), Buffer.alloc(4, Buffer.from([1, 2, 3])), Buffer.alloc(3, 'ab', 'latin1'));
const sw = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
console.log(sw.swap16(), sw.swap32(), sw.swap64());
console.log(Buffer.compare(Buffer.from('abc'), Buffer.from('abd')), Buffer.from('abc').compare(Buffer.from('xbcx'), 1, 3, 1, 3));
console.log(atob('aGVsbG8='), btoa('hello'), Buffer.isEncoding('UTF-8'), Buffer.isEncoding('nope'));
try { atob('a'); } catch (e) { console.log(e.name, e.message); }
try { btoa('€'); } catch (e) { console.log(e.name, e.message); }
console.log(require('buffer').constants.MAX_LENGTH, require('buffer').kMaxLength, require('buffer').isUtf8(Buffer.from([0xff])), require('buffer').isAscii(Buffer.from('abc')));
console.log(Buffer.from('€').toJSON(), new TextEncoder().encode('€'), new TextDecoder().decode(Buffer.from('\ufeffhé')));
const into = new Uint8Array(4);
console.log(new TextEncoder().encodeInto('a€b', into), into);
console.log(Buffer.from('hello').readUInt32BE(1).toString(16), Buffer.from('hello').toString('ucs2'), Buffer.from('hi').toString('base64url'));
