(function (exports, require, module, __filename, __dirname) { 'use strict';
const path = { join: (a, b) => a + '/' + b };
let count = 0;
function inc() { return ++count; }
exports.inc = inc;
module.exports.both = path.join('a', 'b');
if (typeof __filename === 'string') inc();
console.log(count, module.exports.both, exports === module.exports);
})
