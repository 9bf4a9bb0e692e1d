const path = require('path');
console.log(path.win32.join('C:\\a', '..', 'b'), path.win32.resolve('C:\\x', 'y'), path.win32.parse('C:\\p\\f.txt'), path.posix.relative('/a/b', '/a/c/d'), path.toNamespacedPath('/x'));
const qs = require('querystring');
console.log(qs.parse('a[]=1&a[]=2&b=%E2%82%AC&c=%ZZ'), qs.stringify({ arr: [1, 2], e: '€' }), qs.escape('a b+c'), qs.unescape('%41%zz'));
const os = require('os');
console.log(typeof os.userInfo().username, os.EOL === '\n', Object.isFrozen(os.constants.signals), os.constants.priority.PRIORITY_LOW, os.constants.errno.EACCES, os.constants.dlopen.RTLD_LAZY, os.machine() === os.arch() || typeof os.machine());
console.log(Object.keys(os.cpus()[0]).join(), Object.keys(os.cpus()[0].times).join(), typeof os.getPriority(), os.version().length > 0);
const EventEmitter = require('events');
const e = new EventEmitter();
e.setMaxListeners(1);
e.on('x', () => {}); e.on('x', () => {});
console.log(e.listeners('x').length, e.rawListeners('x').length, EventEmitter.listenerCount(e, 'x'), e.getMaxListeners());
const { getEventListeners, errorMonitor, captureRejectionSymbol } = EventEmitter;
console.log(getEventListeners(e, 'x').length, typeof errorMonitor, typeof captureRejectionSymbol);
const em = new EventEmitter();
em.on(errorMonitor, (err) => console.log('monitor saw', err.message));
em.on('error', (err) => console.log('handler saw', err.message));
em.emit('error', new Error('boom'));
const assert = require('assert');
try { assert.deepStrictEqual({ a: [1, 2], b: 'x' }, { a: [1, 3], b: 'x' }); } catch (err) { console.log(err.message); }
try { assert.strictEqual('hello world', 'hello there'); } catch (err) { console.log(err.message); }
try { assert.match('abc', /x/); } catch (err) { console.log(err.message); }
try { assert.notDeepStrictEqual([1], [1]); } catch (err) { console.log(err.message); }
try { require('assert/strict').equal(1, '1'); } catch (err) { console.log(err.message); }
try { assert.ifError(new Error('if')); } catch (err) { console.log(err.message); }
const util = require('util');
const dep = util.deprecate(() => 'ran', 'dep message', 'DEP0999');
console.log(dep(), typeof util.debuglog('x'), util.debuglog('x').enabled, util.inherits.length, typeof util.promisify(setImmediate));
const clone = structuredClone(new Map([[{ k: 1 }, new Set([new Uint16Array([1, 2]), new Date(5)])]]));
console.log(clone, structuredClone(Object(1n)), structuredClone([1, , 3]), structuredClone(new RangeError('x', { cause: 1 })).cause);
for (const bad of [() => {}, Symbol('s'), new WeakMap(), Promise.resolve()]) {
  try { structuredClone(bad); } catch (err) { console.log(err.name, err.message, err.code); }
}
const ab = new ArrayBuffer(4);
const moved = structuredClone(ab, { transfer: [ab] });
console.log(ab.byteLength, moved.byteLength);
console.log(new WeakRef(ab).deref() === ab, Object.prototype.toString.call(new WeakRef({})), typeof new FinalizationRegistry(() => {}).register({}, 1));
console.log(global === globalThis, Object.keys(globalThis).includes('console'), typeof DOMException, new DOMException('m', 'AbortError').code);
console.log(require('os').freemem.name, require('os').totalmem.name, Error.captureStackTrace.name, [require('os').loadavg]);
