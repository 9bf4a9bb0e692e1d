const constants = require('constants');
console.log(constants.O_RDONLY, constants.SIGINT, constants.ENOENT, typeof constants.S_IFMT, Object.keys(constants).length > 100);
const punycode = require('punycode');
console.log(punycode.encode('mañana'), punycode.toASCII('mañana.com'), punycode.toUnicode('xn--maana-pta.com'), punycode.version);
