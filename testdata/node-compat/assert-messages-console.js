// assert messages, os constants, console.group/table/dir/%o.
const assert = require('assert');
try { assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }); } catch (e) { console.log(e.message); }
try { assert.equal(1, 2); } catch (e) { console.log(e.message); }
try { assert.match('abc', /x/); } catch (e) { console.log(e.message.split('\n')[0]); }
try { assert.strictEqual(NaN, 0, new TypeError('custom')); } catch (e) { console.log(e.name, e.message); }
assert.doesNotThrow(() => {});
console.log(typeof assert.strict, assert.strict.equal === assert.strictEqual);
const os = require('os'); console.log(os.EOL === '\n', typeof os.cpus()[0].model, os.constants.priority.PRIORITY_LOW);
console.group('G'); console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]); console.groupEnd();
console.log('%o', [1, { a: 2 }]);
console.dir({ a: { b: { c: { d: {} } } } }, { depth: 1 });
const label = 't'; console.time(label); typeof console.timeEnd;
console.log(new Error('with cause', { cause: 'c' }).cause);
