const lib = require('./lib.js');
console.log(lib.twice(21));
