let t = 0;
for (let i = 0; i < 2; i++) {
  t += i;
}
let j = 0;
while (j < 2) {
  j++;
}
do {
  j--;
} while (j > 0);
for (const k of [1, 2]) {
  t += k;
}
for (const key in { a: 1 }) {
  t += key.length;
}
for (;;) {
  break;
}
console.log(t);
