// AES ciphers over nodelib's CipherBase: every mode and key size, streaming updates, padding,
// GCM with AAD, short tags and odd IV lengths, and node's errors.
const crypto = require('crypto');
const text = 'The quick brown fox jumps over the lazy dog, twice: the quick brown fox.';
const names = [];
for (const bits of ['128', '192', '256']) for (const mode of ['cbc', 'cfb', 'ctr', 'ecb', 'gcm', 'ofb']) names.push(`aes-${bits}-${mode}`);
names.push('aes128', 'aes192', 'aes256', 'id-aes128-GCM', 'id-aes192-GCM', 'id-aes256-GCM', 'AES-128-CBC');
for (const name of names) {
  if (!crypto.getCiphers().includes(name) && name !== 'AES-128-CBC') console.log('not listed', name);
  const m = /(\d{3})/.exec(name);
  const key = Buffer.alloc(Number(m[1]) / 8, 7);
  const iv = /ecb/.test(name) ? null : Buffer.alloc(/gcm/i.test(name) ? 12 : 16, 9);
  const c = crypto.createCipheriv(name, key, iv);
  const parts = [c.update(text.slice(0, 5), 'utf8'), c.update(text.slice(5), 'utf8'), c.final()];
  const ct = Buffer.concat(parts);
  const tag = /gcm/i.test(name) ? c.getAuthTag() : null;
  const d = crypto.createDecipheriv(name, key, iv);
  if (tag) d.setAuthTag(tag);
  const pt = Buffer.concat([d.update(ct.subarray(0, 7)), d.update(ct.subarray(7)), d.final()]).toString();
  console.log(name, parts.map((p) => p.length).join(','), ct.toString('hex').slice(0, 40), tag ? tag.toString('hex') : '-', pt === text);
}
const key = Buffer.alloc(16, 1);
const g = crypto.createCipheriv('aes-128-gcm', key, Buffer.alloc(12, 3), { authTagLength: 8 });
g.setAAD(Buffer.from('aad'));
console.log(Buffer.concat([g.update('hello gcm'), g.final()]).toString('hex'), g.getAuthTag().toString('hex'));
const g7 = crypto.createCipheriv('aes-128-gcm', key, Buffer.alloc(7, 3));
const ct7 = Buffer.concat([g7.update('hello gcm'), g7.final()]);
console.log(ct7.toString('hex'), g7.getAuthTag().toString('hex'));
const d7 = crypto.createDecipheriv('aes-128-gcm', key, Buffer.alloc(7, 3));
d7.setAuthTag(Buffer.alloc(16));
d7.update(ct7);
try { d7.final(); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16)).update('x', 'utf8', 'hex'));
const e1 = crypto.createCipheriv('aes-256-cbc', Buffer.alloc(32, 1), Buffer.alloc(16, 2));
console.log(e1.update('hello', 'utf8', 'base64') + e1.final('base64'));
const np = crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16)).setAutoPadding(false);
console.log(Buffer.concat([np.update(Buffer.alloc(32, 5)), np.final()]).toString('hex'));
const stream = crypto.createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
stream.on('data', (d) => console.log('stream data', d.toString('hex')));
stream.end('streamed text');
for (const f of [
  () => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(3)),
  () => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(3), Buffer.alloc(16)),
  () => crypto.createCipheriv('nope', Buffer.alloc(32), Buffer.alloc(16)),
  () => crypto.createCipheriv('aes-128-ecb', Buffer.alloc(16), Buffer.alloc(16)),
  () => { const d = crypto.createDecipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(16)); d.update(Buffer.alloc(16)); d.final(); },
  () => { const d = crypto.createDecipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(16)); d.update(Buffer.alloc(5)); d.final(); },
  () => { const c = crypto.createCipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(16)); c.setAutoPadding(false); c.update(Buffer.alloc(5)); c.final(); },
  () => { const c = crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16)); c.getAuthTag(); },
  () => { const c = crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16)); c.final(); c.update('x'); },
  () => { const c = crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16)); c.final(); c.setAutoPadding(false); },
  () => crypto.createCipheriv('aes-128-gcm', key, Buffer.alloc(12), { authTagLength: 3 }),
  () => crypto.createDecipheriv('aes-128-gcm', key, Buffer.alloc(12)).setAuthTag(Buffer.alloc(3)),
  () => { const c = crypto.createCipheriv('aes-128-gcm', key, Buffer.alloc(12)); c.update('x'); c.setAAD(Buffer.from('late')); },
  () => { const d = crypto.createDecipheriv('aes-128-gcm', key, Buffer.alloc(12)); d.final(); },
]) {
  try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
for (const n of ['aes-128-cbc', 'aes-128-ecb', 'aes-128-ofb', 'aes-128-cfb', 'aes-128-ctr', 'aes-128-gcm', 'aes-192-cbc', 'aes-256-gcm', 'aes256', 'id-aes128-GCM', 'AES-128-CBC', 419, 895, 'nope', 1]) {
  console.log(n, JSON.stringify(crypto.getCipherInfo(n)));
}
for (const [n, o] of [['aes-128-gcm', { ivLength: 7 }], ['aes-128-gcm', { ivLength: 0 }], ['aes-128-cbc', { ivLength: 7 }], ['aes-128-cbc', { keyLength: 7 }], ['aes-128-cbc', { keyLength: 16, ivLength: 16 }], ['aes-128-ecb', { ivLength: 0 }]]) {
  console.log(n, JSON.stringify(o), JSON.stringify(crypto.getCipherInfo(n, o)));
}
