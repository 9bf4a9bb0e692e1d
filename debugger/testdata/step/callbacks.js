const fs = require('fs');
setTimeout(() => {
  const t = 1;
  fs.readFile(__filename, (err, data) => {
    const n = data.length > 0;
    Promise.resolve(n).then((v) => {
      console.log('done', v);
    });
  });
}, 1);
