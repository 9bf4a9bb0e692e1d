'use strict';
"another directive"
var x = 1;
function f(a) {
  'use strict';
  'use asm'; return a + x;
}
function g() { "use strict"
  return this;
}
var h = function () { 'use strict'; /* after */ return 2; };
var k = () => { 'use strict'; return 3; };
function notDirective() {
  var s = 'x';
  'use strict';
  return s;
}
function onlyDirective() { 'use strict' }
function parenthesized() { ('use strict'); return this; }
console.log(f(1), g(), h(), k(), notDirective(), onlyDirective(), parenthesized());
