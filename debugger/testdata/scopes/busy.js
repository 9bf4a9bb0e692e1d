const fs = require('fs');
let i = 0;
fs.readFile(__filename, () => {});
setTimeout(() => {}, 60000);
while (true) {
  i++;
}
