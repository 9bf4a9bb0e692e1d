function inner() { return new Error('deep'); }
function outer() { return inner(); }
console.log(outer().stack.split('\n').slice(0, 3).join('\n'));
class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
const v = new ValidationError('bad');
console.log(v.stack.split('\n')[0], v instanceof ValidationError, v instanceof Error, v.constructor === ValidationError, Object.keys(v));
const obj = { message: 'custom' };
Error.captureStackTrace(obj);
console.log(obj.stack.split('\n')[0], Object.keys(obj), typeof Object.getOwnPropertyDescriptor(obj, 'stack'));
function hidden() { const o = {}; Error.captureStackTrace(o, hidden); return o.stack.split('\n')[1].includes('hidden'); }
console.log('frames above fn are hidden', !hidden());
const saved = Error.stackTraceLimit;
Error.stackTraceLimit = 0;
console.log(JSON.stringify(new Error('no frames').stack));
Error.stackTraceLimit = saved;
Error.prepareStackTrace = (err, frames) => `${err.message} with ${typeof frames[0].getFileName()} ${typeof frames[0].getLineNumber()}`;
console.log(new Error('prepared').stack);
delete Error.prepareStackTrace;
try { null.x; } catch (e) { console.log(e instanceof TypeError, e.constructor === TypeError); }
console.log(String(TypeError('called')), Function.prototype.toString.call(RangeError), [Error].length, Error.name, typeof Error.captureStackTrace);
const agg = new AggregateError([new Error('a')], 'agg');
console.log(agg.errors.length, agg.message, agg instanceof AggregateError, agg instanceof Error);
const err = new RangeError('r');
console.log(err.stack.split('\n')[0], Object.prototype.toString.call(err), util_types_isNativeError(err));
function util_types_isNativeError(e) { return require('util').types.isNativeError(e); }
const { codes } = { codes: null };
try { Buffer.alloc(-1); } catch (e) { console.log(e.stack.split('\n')[0]); }
