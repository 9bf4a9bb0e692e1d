var x = 3, n = 0;
while (x--);
for (;;) { break; }
for (var i = 0; i < 5; i++) {}
for (var i = 0; i < 5; i++);
for (var p in {}) {}
do ; while (n++ < 3)
do {} while (n++ < 6);
while (n-- > 0) { ; }
while (n++ < 3) { {} }
for (var m = 0; m < 2; m++) { function inner() {} }
while (n++ < 10) { { n += 1; } }
label: while (n++ < 12) {}
console.log(x, n, i, m);
