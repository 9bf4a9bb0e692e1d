// Names and contents that are not valid UTF-8, lone surrogates, and the encodings of
// writeSync/readdirSync, decoded as node does (one U+FFFD per maximal invalid subsequence).
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodelib-fs-enc-'));
const f = path.join(dir, 'f');
fs.writeFileSync(f, Buffer.from([0xff, 0x41, 0xe2, 0x82]));
console.log(JSON.stringify(fs.readFileSync(f, 'utf8')));
fs.writeFileSync(f, 'a\ud800b');
console.log(fs.readFileSync(f).toString('hex'));
const fd = fs.openSync(f, 'w'); fs.writeSync(fd, 'x\udc00y'); fs.writeSync(fd, 'é', null, 'latin1'); fs.writeSync(fd, 'aGk=', null, 'base64'); fs.closeSync(fd);
console.log(fs.readFileSync(f).toString('hex'));
fs.writeFileSync(Buffer.from(path.join(dir, 'n\xff').replace('\xff', '') + '\u00e9'), 'x');
fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0x6e, 0xff])]), 'y');
console.log(JSON.stringify(fs.readdirSync(dir).sort()), fs.readdirSync(dir, 'buffer').map((b) => b.toString('hex')).sort());
console.log(JSON.stringify(fs.readdirSync(dir, 'latin1').sort()));
fs.rmSync(dir, { recursive: true });
