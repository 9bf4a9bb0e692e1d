let n = 0;
setTimeout(() => {}, 100);
const t = setInterval(() => {
  n++;
  console.log('tick', n);
  if (n === 2) clearInterval(t);
}, 20);
