// createECDH over crypto/ecdh: fixed private keys (so outputs are node's), point formats,
// shared secrets, convertKey and errors.
const crypto = require('crypto');
for (const [curve, n] of [['prime256v1', 32], ['secp384r1', 48], ['secp521r1', 65]]) {
  const a = crypto.createECDH(curve);
  a.setPrivateKey(Buffer.alloc(n, 7));
  const b = crypto.createECDH(curve);
  b.setPrivateKey(Buffer.alloc(n, 9));
  console.log(curve, a.getPublicKey('hex').slice(0, 24), a.getPublicKey('hex', 'compressed').slice(0, 24), a.getPublicKey('hex', 'hybrid').slice(0, 6));
  console.log(a.computeSecret(b.getPublicKey()).toString('hex').slice(0, 32), a.computeSecret(b.getPublicKey(null, 'compressed')).equals(b.computeSecret(a.getPublicKey())));
  console.log(a.getPrivateKey('hex').slice(0, 16), crypto.ECDH.convertKey(a.getPublicKey(), curve, null, 'hex', 'compressed').slice(0, 24));
  const g = crypto.createECDH(curve);
  console.log(g.generateKeys().length, g.getPublicKey(null, 'compressed').length, g.computeSecret(a.getPublicKey()).equals(a.computeSecret(g.getPublicKey())));
}
const short = crypto.createECDH('prime256v1').setPrivateKey(Buffer.from([1]));
console.log(short.getPublicKey('hex').slice(0, 20), short.getPrivateKey('hex'));
console.log(crypto.getCurves().includes('prime256v1'), crypto.getCurves().includes('secp521r1'));
for (const f of [
  () => crypto.createECDH('nope'),
  () => crypto.createECDH('prime256v1').getPublicKey(),
  () => crypto.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32)),
  () => { const a = crypto.createECDH('prime256v1'); a.generateKeys(); a.computeSecret(Buffer.alloc(65, 1)); },
  () => crypto.createECDH('prime256v1').setPublicKey(Buffer.alloc(65, 1)),
  () => crypto.ECDH.convertKey(Buffer.alloc(33, 5), 'prime256v1'),
  () => crypto.createECDH('prime256v1').generateKeys('hex', 'weird'),
]) {
  try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
