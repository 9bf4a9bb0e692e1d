/* leading */ var a = 1; // trailing
function /* name */ f(/* params */ x /* after */) /* before body */ { /* first */ return /* arg */ x; }
if /* a */ (a) /* b */ f(1) /* c */ ; /* d */ else /* e */ f(2) // f
if (a) f(3) // line comment before else
else f(4)
while /* w */ (a < 3) /* body */ a++ /* end */
for (var i = 0; i < 2; i++) // comment
  a += i
const g = x => /* c1 */ ( /* c2 */ x /* c3 */ ) /* c4 */;
const h = x => // line
  x + 1
do /* x */ a-- /* y */; /* z */ while /* w */ (a > 10)
label /* l */ : /* m */ for (;;) { break label }
console.log(a, f(5), g(6), h(7)) /* end */
