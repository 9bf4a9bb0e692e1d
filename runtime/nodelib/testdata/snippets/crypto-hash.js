// Synchronous crypto over nodelib's Go binding: digests (every name OpenSSL resolves that Go
// implements), HMAC, copy, encodings, errors, secret KeyObjects, sync PBKDF2/scrypt/HKDF.
const crypto = require('crypto');
const inputs = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'x'.repeat(1000)];
for (const name of crypto.getHashes()) {
  console.log(name, inputs.map((s) => crypto.createHash(name).update(s).digest('hex').slice(0, 16)).join(' '));
}
console.log(crypto.getHashes().length);
for (const alias of ['SHA256', 'Sha-256', 'SHA2-256', 'sha-512/256', 'RIPEMD-160', 'SHA3-256', 'SHAKE128',
  'blake2b-512', 'RSA-sha256', '2.16.840.1.101.3.4.2.1', 'SSL3-MD5', 'sha1WithRSAEncryption']) {
  console.log(alias, crypto.createHash(alias).update('abc').digest('base64'));
}
for (const bad of ['sha512/256', 'md5sha1', 'nope', '']) {
  try { crypto.createHash(bad); } catch (e) { console.log(bad, e.name, e.code, e.message); }
}
console.log(crypto.createHash('shake256', { outputLength: 5 }).update('x').digest('hex'));
console.log(crypto.createHash('shake128', { outputLength: 0 }).update('x').digest('hex'));
try { crypto.createHash('sha256', { outputLength: 5 }); } catch (e) { console.log(e.name, e.code, e.message, e.library, e.reason); }
console.log(crypto.createHash('sha256', { outputLength: 32 }).digest('hex'));
const h = crypto.createHash('sha256').update('a');
const c = h.copy();
h.update('b');
console.log(c.digest('hex'), h.digest('hex'));
try { h.copy(); } catch (e) { console.log(e.code, e.message); }
try { h.digest(); } catch (e) { console.log(e.code, e.message); }
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary', 'ucs2', 'utf16le', 'ascii', 'utf8', 'buffer', 'HEX', 'bogus', undefined]) {
  const d = crypto.createHash('md5').update('abc').digest(enc);
  console.log(enc, Buffer.isBuffer(d) ? 'buffer ' + d.toString('hex') : JSON.stringify(d));
}
for (const [data, enc] of [['héllo', 'latin1'], ['68656c6c6f', 'hex'], ['aGVsbG8=', 'base64'], ['hé', 'utf16le'], ['hé', undefined]]) {
  console.log(enc, crypto.createHash('sha1').update(data, enc).digest('hex'));
}
console.log(crypto.createHash('sha1').update(new Uint16Array([1, 2, 3])).update(new DataView(new ArrayBuffer(4))).digest('hex'));
try { crypto.createHash('sha1').update(5); } catch (e) { console.log(e.code, e.message); }
try { crypto.createHash(5); } catch (e) { console.log(e.code, e.message); }

console.log(crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
console.log(crypto.createHmac('md5', Buffer.alloc(100, 1)).update('x').digest('base64'));
console.log(crypto.createHmac('sha512', '').digest('hex').slice(0, 32));
console.log(crypto.createHmac('sha3-256', 'k').update('a').update('b').digest('hex'));
const hm = crypto.createHmac('sha1', 'k');
console.log(hm.digest('hex'), JSON.stringify(hm.digest('hex')), hm.digest().length);
try { crypto.createHmac('nope', 'k'); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.createHmac('sha256', 5); } catch (e) { console.log(e.name, e.code); }
const key = crypto.createSecretKey(Buffer.from('secret'));
console.log(key.type, key.symmetricKeySize, key.export().toString(), key.export({ format: 'jwk' }).k);
console.log(crypto.createHmac('sha256', key).update('x').digest('hex') === crypto.createHmac('sha256', 'secret').update('x').digest('hex'));
console.log(key.equals(crypto.createSecretKey('secret', 'utf8')), key.equals(crypto.createSecretKey(Buffer.from('other'))));

console.log(crypto.hash('sha1', 'abc'), crypto.hash('md5', 'abc', 'base64'), crypto.hash('sha256', Buffer.from('abc'), 'buffer').length);
console.log(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), crypto.timingSafeEqual(new Uint16Array([1]), Buffer.from([1, 0])));
try { crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.timingSafeEqual('a', Buffer.from('a')); } catch (e) { console.log(e.name, e.code, e.message); }

console.log(crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1').toString('hex'));
console.log(crypto.pbkdf2Sync('password', 'salt', 4096, 32, 'sha256').toString('hex'));
console.log(crypto.pbkdf2Sync('pw', 'salt', 2, 0, 'sha512').length);
for (const args of [['p', 's', 1, 10, 'nope'], ['p', 's', 0, 10, 'sha1'], ['p', 's', 1, -1, 'sha1'], ['p', 's', 1, 10]]) {
  try { crypto.pbkdf2Sync(...args); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'));
console.log(crypto.scryptSync('password', 'NaCl', 32, { cost: 1024, blockSize: 8, parallelization: 2 }).toString('hex'));
for (const o of [{ N: 3 }, { N: 1024, r: 8, p: 1, maxmem: 1000 }, { N: 2 ** 20 }, { N: 1, cost: 2 }]) {
  try { crypto.scryptSync('a', 'b', 8, o); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(Buffer.from(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 42)).toString('hex'));
try { crypto.hkdfSync('nope', 'key', 'salt', 'info', 4); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(crypto.randomBytes(16).length, crypto.randomFillSync(Buffer.alloc(8), 2, 4).subarray(0, 2).toString('hex'));
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
const n = crypto.randomInt(5);
console.log(Number.isInteger(n) && n >= 0 && n < 5);
console.log(crypto.getRandomValues(new Uint8Array(4)).length, globalThis.crypto.getRandomValues(new Uint32Array(3)).length);
try { globalThis.crypto.getRandomValues(new Float32Array(2)); } catch (e) { console.log(e.name, e.message); }
console.log(crypto.checkPrimeSync(Buffer.from([0x07])), crypto.checkPrimeSync(97n), crypto.checkPrimeSync(91n));
console.log(crypto.getCiphers().length >= 0, typeof crypto.webcrypto.subtle.digest);
try { crypto.generatePrimeSync(1); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.generatePrimeSync(8, { add: 1000n }); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.generatePrimeSync(8, { add: 10n, rem: 20n }); } catch (e) { console.log(e.name, e.code, e.message); }
const p16 = crypto.generatePrimeSync(16, { bigint: true });
console.log(typeof p16, p16.toString(2).length, crypto.checkPrimeSync(p16));
const q32 = crypto.generatePrimeSync(32, { add: 12n, rem: 11n, bigint: true });
console.log(q32 % 12n, q32.toString(2).length, crypto.checkPrimeSync(q32));
const s24 = crypto.generatePrimeSync(24, { safe: true, bigint: true });
console.log(crypto.checkPrimeSync((s24 - 1n) / 2n), s24.toString(2).length);
console.log(crypto.generatePrimeSync(2, { bigint: true }), crypto.generatePrimeSync(3, { bigint: true }), crypto.generatePrimeSync(8) instanceof ArrayBuffer);
const hk = crypto.generateKeySync('hmac', { length: 123 });
console.log(hk.type, hk.symmetricKeySize, crypto.generateKeySync('aes', { length: 256 }).symmetricKeySize);
