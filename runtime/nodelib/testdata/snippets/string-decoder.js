const { StringDecoder } = require('string_decoder');
const u16 = new StringDecoder('utf16le');
const data = Buffer.from('a😀b', 'utf16le');
console.log(JSON.stringify([...data].map((b) => u16.write(Buffer.from([b])))), JSON.stringify(u16.end()));
const u16b = new StringDecoder('ucs2');
console.log(JSON.stringify([u16b.write(Buffer.from([0x3d, 0xd8])), u16b.end(Buffer.from([0x41]))]));
const u8 = new StringDecoder('utf8');
console.log(JSON.stringify([u8.write(Buffer.from([0xf0, 0x9f])), u8.write(Buffer.from([0x41])), u8.end()]));
console.log(JSON.stringify([u8.write(Buffer.from([0xc3])), u8.write(Buffer.from([0xa9, 0xe2, 0x82])), u8.write(Buffer.from([0xac])), u8.end()]));
const b64url = new StringDecoder('base64url');
console.log(JSON.stringify([b64url.write(Buffer.from([0xfb, 0xff])), b64url.end()]));
console.log(new StringDecoder().encoding, new StringDecoder('binary').encoding, new StringDecoder('UTF-16LE').encoding);
try { new StringDecoder('nope'); } catch (e) { console.log(e.code, e.message); }
try { new StringDecoder().write('str'); console.log('string ok'); } catch (e) { console.log(e.code); }
try { new StringDecoder().write(42); } catch (e) { console.log(e.code, e.message); }
