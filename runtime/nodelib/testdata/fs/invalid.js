// Bad arguments get node's ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE / ERR_INVALID_ARG_VALUE,
// and bad file descriptors node's EBADF; nothing crashes.
const fs = require('fs');
const cases = {
  'closeSync string': () => fs.closeSync('a'),
  'closeSync -1': () => fs.closeSync(-1),
  'closeSync 1.5': () => fs.closeSync(1.5),
  'closeSync 2**31': () => fs.closeSync(2 ** 31),
  'closeSync bad fd': () => fs.closeSync(9999),
  'fsyncSync string': () => fs.fsyncSync('a'),
  'fdatasyncSync string': () => fs.fdatasyncSync('a'),
  'fstatSync string': () => fs.fstatSync('a'),
  'fstatSync bad fd': () => fs.fstatSync(9999),
  'ftruncateSync string': () => fs.ftruncateSync('a'),
  'fchmodSync string': () => fs.fchmodSync('a', 1),
  'fchownSync string': () => fs.fchownSync('a', 1, 1),
  'futimesSync string': () => fs.futimesSync('a', 1, 1),
  'readSync string': () => fs.readSync('a', Buffer.alloc(1)),
  'readSync bad fd': () => fs.readSync(9999, Buffer.alloc(4), 0, 4, 0),
  'readSync bad buffer': () => fs.readSync(0, 'x'),
  'writeSync string': () => fs.writeSync('a', 'x'),
  'writeSync bad fd': () => fs.writeSync(9999, 'x'),
  'writeSync bad fd buffer': () => fs.writeSync(9999, Buffer.from('x')),
  'close callback string': () => fs.close('a', () => {}),
  'fstat callback string': () => fs.fstat('a', () => {}),
  'readFileSync bad fd utf8': () => fs.readFileSync(9999, 'utf8'),
  'readFileSync bad fd': () => fs.readFileSync(9999),
  'writeFileSync bad fd': () => fs.writeFileSync(9999, 'x'),
  'openSync bad flags': () => fs.openSync('/tmp/x', 'zz'),
  'openSync bigint': () => fs.openSync(42n),
  'statSync number': () => fs.statSync(5),
  'statSync null byte': () => fs.statSync('/tmp/a\0b'),
  'writeFileSync object path': () => fs.writeFileSync({}, 'x'),
  'readFileSync bad encoding': () => fs.readFileSync('/nonexistent', 'nope'),
  'readFile no callback': () => fs.readFile('/nonexistent'),
  'mkdirSync bad recursive': () => fs.mkdirSync('/tmp/x', { recursive: 1 }),
};
for (const [name, fn] of Object.entries(cases)) {
  try {
    fn();
    console.log(name, 'ok');
  } catch (e) {
    console.log(name, e.name, e.code, e.message, JSON.stringify(Object.keys(e)));
  }
}
