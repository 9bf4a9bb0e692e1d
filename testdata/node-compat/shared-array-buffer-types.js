// util.types brand checks and inspect of SharedArrayBuffer (runtime/ecma) against ArrayBuffer.
const { types } = require('util');
const s = new SharedArrayBuffer(4), a = new ArrayBuffer(4);
console.log(types.isSharedArrayBuffer(s), types.isArrayBuffer(s), types.isAnyArrayBuffer(s), types.isSharedArrayBuffer(a), types.isArrayBuffer(a));
console.log(s, new Int32Array(s));
