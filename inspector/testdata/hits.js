let total = 0;
for (let n = 0; n < 6; n++) {
  total += n;
}
console.log('total', total);
setTimeout(() => {
  console.log('later');
}, 1);
