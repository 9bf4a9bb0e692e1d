// Asynchronous crypto jobs (PBKDF2REQUEST, SCRYPTREQUEST, DERIVEBITSREQUEST, HASHREQUEST,
// RANDOMBYTESREQUEST, CHECKPRIMEREQUEST), one at a time so the output order is fixed.
const crypto = require('crypto');
const { promisify } = require('util');
const steps = [
  ['pbkdf2 sha1', () => promisify(crypto.pbkdf2)('password', 'salt', 2, 20, 'sha1').then((k) => k.toString('hex'))],
  ['pbkdf2 sha512', () => promisify(crypto.pbkdf2)(Buffer.from('pw'), new Uint8Array([1, 2]), 10, 70, 'sha512').then((k) => k.toString('base64'))],
  ['pbkdf2 keylen 0', () => promisify(crypto.pbkdf2)('a', 'b', 1, 0, 'md5').then((k) => k.length)],
  ['scrypt', () => promisify(crypto.scrypt)('pleaseletmein', 'SodiumChloride', 16, { N: 1024, r: 8, p: 1 }).then((k) => k.toString('hex'))],
  ['hkdf', () => promisify(crypto.hkdf)('sha512', 'ikm', 'salt', 'info', 16).then((k) => Buffer.from(k).toString('hex'))],
  ['randomFill', () => promisify(crypto.randomFill)(new Uint32Array(4), 1, 2).then((a) => [a.length, a[0], a[3]].join(' '))],
  ['randomBytes', () => promisify(crypto.randomBytes)(33).then((b) => Buffer.isBuffer(b) + ' ' + b.length)],
  ['checkPrime', () => promisify(crypto.checkPrime)(2n ** 61n - 1n).then(String)],
  ['subtle.digest', () => crypto.webcrypto.subtle.digest('SHA-256', Buffer.from('abc')).then((d) => Buffer.from(d).toString('hex'))],
  ['generateKey', () => promisify(crypto.generateKey)('hmac', { length: 64 }).then((k) => k.type + ' ' + k.symmetricKeySize)],
  ['generatePrime', () => promisify(crypto.generatePrime)(20, { bigint: true }).then((p) => [typeof p, p.toString(2).length, crypto.checkPrimeSync(p)].join(' '))],
  ['subtle.digest bad', () => crypto.webcrypto.subtle.digest('MD5', Buffer.from('abc')).then(String, (e) => e.name + ' ' + e.message)],
];
(async () => {
  for (const [name, run] of steps) console.log(name, await run());
  try {
    crypto.pbkdf2('p', 's', 1, 10, 'no-such-digest', () => {});
  } catch (e) { console.log('sync throw', e.name, e.code, e.message); }
  try {
    crypto.scrypt('p', 's', 10, { N: 3 }, () => {});
  } catch (e) { console.log('sync throw', e.name, e.code, e.message); }
  crypto.pbkdf2('a', 'b', 1, 4, 'sha256', function (err, key) {
    console.log('callback this is the job:', typeof this.ondone, err, key.toString('hex'));
  });
})();
