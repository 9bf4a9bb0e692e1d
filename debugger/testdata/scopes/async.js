const fs = require('fs');
function start() {
  setTimeout(function onTimer() {
    fs.stat(__filename, function onStat() {
      setImmediate(function onImmediate() {
        const here = 1;
      });
    });
  }, 1);
}
start();
