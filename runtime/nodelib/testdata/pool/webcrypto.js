// crypto.subtle over nodelib's jobs: digest, HMAC, AES-CTR/CBC/GCM/KW, PBKDF2 and HKDF bits,
// generateKey, exportKey; one operation at a time so the output order is fixed.
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');
const data = Buffer.from('webcrypto text, long enough to span a few AES blocks');
(async () => {
  console.log('digest', hex(await subtle.digest('SHA-384', data)).slice(0, 32));
  const hk = await subtle.importKey('raw', Buffer.alloc(32, 1), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  const sig = await subtle.sign('HMAC', hk, data);
  console.log('hmac', hex(sig), await subtle.verify('HMAC', hk, sig, data), await subtle.verify('HMAC', hk, sig, Buffer.from('other')));
  console.log('hmac jwk', JSON.stringify(await subtle.exportKey('jwk', hk)));
  for (const len of [128, 192, 256]) {
    const raw = Buffer.alloc(len / 8, 2);
    const ctrKey = await subtle.importKey('raw', raw, 'AES-CTR', false, ['encrypt', 'decrypt']);
    const counter = Buffer.from('ffffffffffffffffffffffffffffffff', 'hex');
    for (const length of [64, 128, 2]) {
      const ct = await subtle.encrypt({ name: 'AES-CTR', counter, length }, ctrKey, data);
      const pt = await subtle.decrypt({ name: 'AES-CTR', counter, length }, ctrKey, ct);
      console.log('ctr', len, length, hex(ct).slice(0, 48), Buffer.from(pt).equals(data));
    }
    const cbcKey = await subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt', 'decrypt']);
    const iv = Buffer.alloc(16, 3);
    const cbc = await subtle.encrypt({ name: 'AES-CBC', iv }, cbcKey, data);
    console.log('cbc', len, hex(cbc).slice(-32), Buffer.from(await subtle.decrypt({ name: 'AES-CBC', iv }, cbcKey, cbc)).equals(data));
    await subtle.decrypt({ name: 'AES-CBC', iv }, cbcKey, Buffer.alloc(16)).catch((e) => console.log('cbc bad', e.name, e.message));
    const gcmKey = await subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    for (const [ivLen, tagLength, additionalData] of [[12, 128, undefined], [13, 96, Buffer.from('aad')], [16, 32, Buffer.alloc(0)]]) {
      const p = { name: 'AES-GCM', iv: Buffer.alloc(ivLen, 4), tagLength, additionalData };
      const g = await subtle.encrypt(p, gcmKey, data);
      console.log('gcm', len, ivLen, tagLength, hex(g).slice(-40), Buffer.from(await subtle.decrypt(p, gcmKey, g)).equals(data));
      const bad = Buffer.from(g);
      bad[0] ^= 1;
      await subtle.decrypt(p, gcmKey, bad).catch((e) => console.log('gcm bad', e.name, e.message));
    }
    await subtle.encrypt({ name: 'AES-GCM', iv: Buffer.alloc(8) }, gcmKey, data).catch((e) => console.log('gcm short iv', e.name, e.cause.code, e.cause.message));
    const kwKey = await subtle.importKey('raw', raw, 'AES-KW', false, ['wrapKey', 'unwrapKey']);
    const wrapped = await subtle.wrapKey('raw', hk, kwKey, 'AES-KW');
    const unwrapped = await subtle.unwrapKey('raw', wrapped, kwKey, 'AES-KW', { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    console.log('kw', len, hex(wrapped), hex(await subtle.exportKey('raw', unwrapped)) === hex(Buffer.alloc(32, 1)));
  }
  const pb = await subtle.importKey('raw', Buffer.from('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  console.log('pbkdf2', hex(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt: Buffer.from('salt'), iterations: 100 }, pb, 256)));
  const aesFromPb = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from('salt'), iterations: 10 }, pb, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  console.log('deriveKey', hex(await subtle.exportKey('raw', aesFromPb)));
  const hkdfKey = await subtle.importKey('raw', Buffer.from('ikm'), 'HKDF', false, ['deriveBits']);
  console.log('hkdf', hex(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.from('s'), info: Buffer.from('i') }, hkdfKey, 128)));
  const gen = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  console.log('generateKey', gen.type, gen.algorithm.name, gen.algorithm.length, (await subtle.exportKey('raw', gen)).byteLength);
  const genH = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
  console.log('generateKey hmac', genH.algorithm.length, (await subtle.exportKey('raw', genH)).byteLength);
})().catch((e) => console.log("failed", e.name, e.message, e.cause && e.cause.message));
