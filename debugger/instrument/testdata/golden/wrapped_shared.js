(function (exports, require, module, __filename, __dirname) { 'use strict';
// Instrumented with shared helpers everywhere ($$L, $$W, $$G).
var total = 0, label = 'sum';
const LIMIT = 3;
function add(n) {
  var before = total;
  total += n;
  { let inner = before; total += inner - before; }
  return total;
}
const named = function self(k) { return k > 0 ? self(k - 1) + total : label; };
for (let i = 0; i < LIMIT; i++) add(i);
console.log(label, add(1), named(2), LIMIT);
})
