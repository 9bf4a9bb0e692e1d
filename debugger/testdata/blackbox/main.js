const lib = require('lib');
const r = lib.call((v) => {
  return v + 1;
});
console.log(r);
