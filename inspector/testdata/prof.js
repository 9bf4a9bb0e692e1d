const fs = require('fs');
let left = 10;
for (let i = 0; i < 10; i++) {
  fs.readFile(__filename, () => {
    if (--left === 0) starve();
  });
}
function starve() {
  setTimeout(() => {
    const end = Date.now() + 150;
    while (Date.now() < end) {}
    console.log('done');
  }, 1);
}
fs.readFileSync(__filename);
