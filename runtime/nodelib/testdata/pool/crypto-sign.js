// Asymmetric keys, Sign/Verify and crypto.sign/verify (RSA PKCS#1 v1.5 and PSS, ECDSA DER and
// P1363, Ed25519) with keys node made; signatures that are random are only verified.
// Keys made once by node v20 (generateKeyPairSync) and exported as PEM.
const keys = {
 "rsaPkcs8": "-----BEGIN PRIVATE KEY-----\nMIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAJXfKfZ7uwNiQi+M\n18qQu814euJW0XaAhWJlXqwWmpsOxvKq2aTXYvhVTV3lrgsoQY2TwToBb9saez8J\nzYs8Na/GYjpazaLyicgTeE47Gyd6s9hRz/p/Yb00NP+4NjayRAHhhfJdVCVjDY56\nyshr3byaX59eEUj5GEOAJ0SKbdsvAgMBAAECgYBdeoVk7QXXdXkMyY9rFF1fKk+T\nT0102XLYzZuAQNUL8+qZP4Fi9MkRVbtc3r5wzRoeIVO7R1wqUFkhF48x0ks1NGwd\naw0lqIlSxMvl3ELmXmPV6+1NaAW5xCeOGQXHUZPH1q0sLDcqx/ILakGZiaCFp6rl\n00QPM7cp8/0UrcT9mQJBAMaGSrmxohBUucSgNGar8Qqf9mRy2VWENbHJvStVGDKd\nG80xUKaWvI+BRpiLEqoblmHRRqrkHbufobCbeiaqhqsCQQDBQvO5XhU6EQ/ytAlF\nMHzkKV/HB0jl9UqTACXIO05WTHzp2CyXwzI72RC9KT876Wu96qSXFS4MFm3MUhAt\nAQ2NAkB5FUdWYwVZuJNlXeEYDh8CP/Zj5biw8+Zb/ZOnbktH85MVX9K1CJMRY+PO\n/mPv5Muf9aiIaoHIAeD4epvSIYfpAkEAkB8GtGDWAZSBySO7mg5bxKaaF0l2co7n\nCxLcGiMn+zFVIeok7xQQ3RK16erdjic3Qsy96zFPQpJjVTCJgZY8bQJABMQd4wGV\n7JoWbFHsWIoQYyLQ+8QDwXQfX7N7YFvRFFSWocO38+/P1jyaOB6KvbcLzFGJwk1S\nHClZwNtAgQPOdg==\n-----END PRIVATE KEY-----\n",
 "rsaPkcs1": "-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQCV3yn2e7sDYkIvjNfKkLvNeHriVtF2gIViZV6sFpqbDsbyqtmk\n12L4VU1d5a4LKEGNk8E6AW/bGns/Cc2LPDWvxmI6Ws2i8onIE3hOOxsnerPYUc/6\nf2G9NDT/uDY2skQB4YXyXVQlYw2OesrIa928ml+fXhFI+RhDgCdEim3bLwIDAQAB\nAoGAXXqFZO0F13V5DMmPaxRdXypPk09NdNly2M2bgEDVC/PqmT+BYvTJEVW7XN6+\ncM0aHiFTu0dcKlBZIRePMdJLNTRsHWsNJaiJUsTL5dxC5l5j1evtTWgFucQnjhkF\nx1GTx9atLCw3KsfyC2pBmYmghaeq5dNEDzO3KfP9FK3E/ZkCQQDGhkq5saIQVLnE\noDRmq/EKn/ZkctlVhDWxyb0rVRgynRvNMVCmlryPgUaYixKqG5Zh0Uaq5B27n6Gw\nm3omqoarAkEAwULzuV4VOhEP8rQJRTB85ClfxwdI5fVKkwAlyDtOVkx86dgsl8My\nO9kQvSk/O+lrveqklxUuDBZtzFIQLQENjQJAeRVHVmMFWbiTZV3hGA4fAj/2Y+W4\nsPPmW/2Tp25LR/OTFV/StQiTEWPjzv5j7+TLn/WoiGqByAHg+Hqb0iGH6QJBAJAf\nBrRg1gGUgckju5oOW8SmmhdJdnKO5wsS3BojJ/sxVSHqJO8UEN0Stenq3Y4nN0LM\nvesxT0KSY1UwiYGWPG0CQATEHeMBleyaFmxR7FiKEGMi0PvEA8F0H1+ze2Bb0RRU\nlqHDt/Pvz9Y8mjgeir23C8xRicJNUhwpWcDbQIEDznY=\n-----END RSA PRIVATE KEY-----\n",
 "rsaSpki": "-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCV3yn2e7sDYkIvjNfKkLvNeHri\nVtF2gIViZV6sFpqbDsbyqtmk12L4VU1d5a4LKEGNk8E6AW/bGns/Cc2LPDWvxmI6\nWs2i8onIE3hOOxsnerPYUc/6f2G9NDT/uDY2skQB4YXyXVQlYw2OesrIa928ml+f\nXhFI+RhDgCdEim3bLwIDAQAB\n-----END PUBLIC KEY-----\n",
 "ecPkcs8": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg728i2Xtr6iqI6CPK\nVtRoEhx3XS1ai4VcalmYC2q5hbqhRANCAARoRxAbV2RMgLzNDIrQmpDKAp/GQeC/\nkcChri5G03QdIr4xTpQLXLm0O6q5wJL2IW82uz+sCMvNvScULxCsC47v\n-----END PRIVATE KEY-----\n",
 "ecSec1": "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIO9vItl7a+oqiOgjylbUaBIcd10tWouFXGpZmAtquYW6oAoGCCqGSM49\nAwEHoUQDQgAEaEcQG1dkTIC8zQyK0JqQygKfxkHgv5HAoa4uRtN0HSK+MU6UC1y5\ntDuqucCS9iFvNrs/rAjLzb0nFC8QrAuO7w==\n-----END EC PRIVATE KEY-----\n",
 "ecSpki": "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaEcQG1dkTIC8zQyK0JqQygKfxkHg\nv5HAoa4uRtN0HSK+MU6UC1y5tDuqucCS9iFvNrs/rAjLzb0nFC8QrAuO7w==\n-----END PUBLIC KEY-----\n",
 "ec384Pkcs8": "-----BEGIN PRIVATE KEY-----\nMIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDAzACg/1fSewlCa3kLm\nGQTdRfuJ0ilbeBl1o3F3s12TKXK1lc+gi1ecJxcebNG663WhZANiAAQATXG2oGag\nEspvOhGxsnzBtXShTmVL4FKq2HyZANHU7saEr3jSoJ2WA3mG3DkvLI7+WN+WF6jm\nz0f38CV+RRX7uO0IS2+/t56/ellyLwjUj+0+Kr0Le1VV8IRGcctBWVo=\n-----END PRIVATE KEY-----\n",
 "edPkcs8": "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIGj0cesD1ymd6VjV86H5VVfAfoDk2YkU+M4tUgDWeEbj\n-----END PRIVATE KEY-----\n",
 "edSpki": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAl656SiB85kMOeBgUxqMW5b36PILsBw0vih1kl19hmPU=\n-----END PUBLIC KEY-----\n"
};
const crypto = require('crypto');
const data = Buffer.from('message to sign');
const priv = crypto.createPrivateKey(keys.rsaPkcs8);
const pub = crypto.createPublicKey(keys.rsaSpki);
console.log(priv.type, priv.asymmetricKeyType, priv.asymmetricKeyDetails, pub.type, pub.asymmetricKeyDetails);
console.log(crypto.createPublicKey(keys.rsaPkcs8).export({ type: 'spki', format: 'pem' }) === keys.rsaSpki);
console.log(priv.export({ type: 'pkcs1', format: 'pem' }) === keys.rsaPkcs1, crypto.createPrivateKey(keys.rsaPkcs1).export({ type: 'pkcs8', format: 'pem' }) === keys.rsaPkcs8);
console.log(pub.export({ type: 'pkcs1', format: 'der' }).toString('base64').slice(0, 40), priv.export({ type: 'pkcs8', format: 'der' }).length);
const der = pub.export({ type: 'spki', format: 'der' });
console.log(crypto.createPublicKey({ key: der, format: 'der', type: 'spki' }).equals(pub), pub.equals(crypto.createPublicKey(keys.rsaPkcs8)), crypto.createPublicKey(keys.ecSpki).equals(crypto.createPublicKey(keys.ecPkcs8)));
for (const alg of ['sha256', 'RSA-SHA1', 'sha512', 'md5', 'sha384']) {
  const sig = crypto.createSign(alg).update(data).sign(keys.rsaPkcs8, 'hex');
  console.log('rsa', alg, sig.slice(0, 32), crypto.createVerify(alg).update(data).verify(keys.rsaSpki, sig, 'hex'), crypto.createVerify(alg).update('other').verify(pub, sig, 'hex'));
}
const pss = crypto.createSign('sha256').update(data).sign({ key: priv, padding: crypto.constants.RSA_PKCS1_PSS_PADDING });
console.log('pss', pss.length, crypto.createVerify('sha256').update(data).verify({ key: pub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }, pss),
  crypto.createVerify('sha256').update(data).verify({ key: pub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, pss),
  crypto.createVerify('sha256').update(data).verify(pub, pss));
const pss32 = crypto.sign('sha256', data, { key: priv, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
console.log('pss 32', crypto.verify('sha256', data, { key: pub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, pss32));
console.log('oneshot rsa', crypto.sign('sha256', data, priv).toString('hex').slice(0, 32), crypto.verify('sha256', data, keys.rsaSpki, crypto.sign('sha256', data, keys.rsaPkcs1)), crypto.sign(null, data, priv).equals(crypto.sign('sha256', data, priv)));
for (const [name, p, q] of [['ec p256', keys.ecPkcs8, keys.ecSpki], ['ec sec1', keys.ecSec1, keys.ecSpki], ['ec p384', keys.ec384Pkcs8, crypto.createPublicKey(keys.ec384Pkcs8)]]) {
  const k = crypto.createPrivateKey(p);
  const s1 = crypto.createSign('sha256').update(data).sign(k);
  const s2 = crypto.sign('sha384', data, { key: p, dsaEncoding: 'ieee-p1363' });
  console.log(name, k.asymmetricKeyType, k.asymmetricKeyDetails, s1[0], s2.length,
    crypto.createVerify('sha256').update(data).verify(q, s1), crypto.verify('sha384', data, { key: q, dsaEncoding: 'ieee-p1363' }, s2),
    crypto.verify('sha384', data, q, s2));
}
console.log(crypto.createPrivateKey(keys.ecSec1).export({ type: 'sec1', format: 'pem' }) === keys.ecSec1, crypto.createPrivateKey(keys.ecPkcs8).export({ type: 'pkcs8', format: 'pem' }) === keys.ecPkcs8);
const edk = crypto.createPrivateKey(keys.edPkcs8);
const eds = crypto.sign(null, data, edk);
console.log('ed25519', edk.asymmetricKeyType, edk.asymmetricKeyDetails, eds.toString('hex'), crypto.verify(null, data, keys.edSpki, eds), crypto.verify(null, Buffer.from('x'), keys.edSpki, eds));
console.log(edk.export({ type: 'pkcs8', format: 'pem' }) === keys.edPkcs8, crypto.createPublicKey(edk).export({ type: 'spki', format: 'pem' }) === keys.edSpki);
crypto.sign('sha256', data, priv, (err, sig) => {
  console.log('async sign', err, sig.length, crypto.verify('sha256', data, pub, sig));
  crypto.verify(null, data, keys.edSpki, eds, (err2, ok) => console.log('async verify', err2, ok));
});
for (const f of [
  () => crypto.createPrivateKey('garbage'),
  () => crypto.createPrivateKey(keys.rsaSpki),
  () => crypto.createSign('sha256').update(data).sign(keys.rsaSpki),
  () => crypto.createSign('nope'),
  () => crypto.createPublicKey('garbage'),
  () => crypto.sign('sha256', data, 'garbage'),
  () => crypto.sign('nope', data, priv),
  () => crypto.createSign('sha256').update(data).sign(crypto.createSecretKey(Buffer.from('k'))),
]) {
  try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
const secret = Buffer.from('secret message');
const oaep = crypto.publicEncrypt(keys.rsaSpki, secret);
console.log('oaep', oaep.length, crypto.privateDecrypt(keys.rsaPkcs8, oaep).toString());
const oaep256 = crypto.publicEncrypt({ key: pub, oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, secret);
console.log('oaep256', crypto.privateDecrypt({ key: priv, oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, oaep256).toString());
const pk1 = crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, secret);
console.log('pkcs1 enc', pk1.length);
const pe = crypto.privateEncrypt(priv, secret);
console.log('privateEncrypt', pe.toString('hex').slice(0, 32), crypto.publicDecrypt(pub, pe).toString(), crypto.publicDecrypt(keys.rsaPkcs8, pe).toString());
const raw = crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING }, Buffer.alloc(128, 0));
console.log('raw', crypto.privateDecrypt({ key: priv, padding: crypto.constants.RSA_NO_PADDING }, raw).equals(Buffer.alloc(128, 0)));
for (const f of [
  () => crypto.privateDecrypt(priv, Buffer.alloc(128)),
  () => crypto.privateDecrypt({ key: priv, padding: crypto.constants.RSA_PKCS1_PADDING }, pk1),
  () => crypto.publicEncrypt(pub, Buffer.alloc(200)),
  () => crypto.publicDecrypt(pub, Buffer.alloc(128, 1)),
  () => crypto.privateEncrypt(priv, Buffer.alloc(200)),
  () => crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING }, Buffer.alloc(5)),
  () => crypto.publicEncrypt({ key: pub, oaepHash: 'nope' }, secret),
]) {
  try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
