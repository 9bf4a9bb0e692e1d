package nodelib

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"math/big"

	"github.com/dop251/goja"
)

// Asymmetric keys, Sign, Verify and SignJob of internalBinding('crypto') (node/src/crypto/
// crypto_keys.cc, crypto_sig.cc) over crypto/rsa, crypto/ecdsa and crypto/ed25519: RSA
// (PKCS#1 v1.5 and PSS), ECDSA on P-256/P-384/P-521 (DER or IEEE P1363 signatures) and
// Ed25519, from PEM or DER (PKCS#1, PKCS#8, SPKI, SEC1, certificates).
//
// Key pairs are generated for RSA (exponent 65537; Go refuses fewer than 1024 bits), EC
// (P-256/384/521) and Ed25519.
//
// Absent: encrypted private keys (passphrases), JWK for RSA and EC keys, RSA-PSS keys,
// DSA, DH, secp256k1, X25519/X448/Ed448.

const (
	keyTypePublic  = 1
	keyTypePrivate = 2

	keyFormatDER = 0
	keyFormatPEM = 1

	keyEncPKCS1 = 0
	keyEncPKCS8 = 1
	keyEncSPKI  = 2
	keyEncSEC1  = 3

	rsaPKCS1PSSPadding = 6
)

// errDecoderUnsupported is OpenSSL's answer for key data it cannot decode.
var errDecoderUnsupported = errors.New("error:1E08010C:DECODER routines::unsupported")

func (c *cryptoBinding) decoderError() *goja.Object {
	return c.opensslError("ERR_OSSL_UNSUPPORTED", "DECODER routines", "unsupported", "1E08010C")
}

// parseKey reads key material as node's ParsePublicKeyOrPrivateKey does: PEM (any of the
// usual labels) or DER of the given encoding. With wantPrivate a public key is an error;
// otherwise a private key stands for its public half when the caller asks for it.
func parseKey(data []byte, format int, enc int, wantPrivate bool) (priv crypto.Signer, pub crypto.PublicKey, err error) {
	var der []byte
	label := ""
	if format == keyFormatPEM {
		rest := data
		for {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				return nil, nil, errDecoderUnsupported
			}
			if blk.Type == "EC PARAMETERS" {
				continue
			}
			if x509.IsEncryptedPEMBlock(blk) || blk.Type == "ENCRYPTED PRIVATE KEY" { //nolint:staticcheck // only to refuse it
				return nil, nil, errDecoderUnsupported
			}
			der, label = blk.Bytes, blk.Type
			break
		}
	} else {
		der = data
		label = map[int]string{keyEncPKCS8: "PRIVATE KEY", keyEncSEC1: "EC PRIVATE KEY", keyEncSPKI: "PUBLIC KEY"}[enc]
		if enc == keyEncPKCS1 {
			label = "RSA PUBLIC KEY"
			if wantPrivate {
				label = "RSA PRIVATE KEY"
			} else if _, err := x509.ParsePKCS1PrivateKey(der); err == nil {
				label = "RSA PRIVATE KEY"
			}
		}
	}
	var k any
	switch label {
	case "PRIVATE KEY":
		k, err = x509.ParsePKCS8PrivateKey(der)
	case "RSA PRIVATE KEY":
		k, err = x509.ParsePKCS1PrivateKey(der)
	case "EC PRIVATE KEY":
		k, err = x509.ParseECPrivateKey(der)
	case "PUBLIC KEY":
		k, err = x509.ParsePKIXPublicKey(der)
	case "RSA PUBLIC KEY":
		k, err = x509.ParsePKCS1PublicKey(der)
	case "CERTIFICATE":
		var cert *x509.Certificate
		if cert, err = x509.ParseCertificate(der); err == nil {
			k = cert.PublicKey
		}
	default:
		err = errDecoderUnsupported
	}
	if err != nil {
		return nil, nil, errDecoderUnsupported
	}
	switch key := k.(type) {
	case *rsa.PrivateKey:
		return key, key.Public(), nil
	case *ecdsa.PrivateKey:
		return key, key.Public(), nil
	case ed25519.PrivateKey:
		return key, key.Public(), nil
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
		if wantPrivate {
			return nil, nil, errDecoderUnsupported
		}
		return nil, key, nil
	}
	return nil, nil, errDecoderUnsupported
}

// asymKeyOf resolves the key arguments (data, format, type, passphrase) that Sign, Verify and
// SignJob take: a KeyObjectHandle, or PEM/DER bytes.
func (c *cryptoBinding) asymKeyOf(data, format, typ goja.Value, wantPrivate bool) (crypto.Signer, crypto.PublicKey) {
	if k, ok := c.keyOf(data); ok {
		if k.pub == nil || wantPrivate && k.priv == nil {
			panic(c.l.newError("TypeError", "Invalid key object type "+map[bool]string{true: "public", false: "secret"}[k.pub != nil]+", expected private.", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE"))
		}
		return k.priv, k.pub
	}
	f := keyFormatPEM
	if !goja.IsUndefined(format) && !goja.IsNull(format) {
		f = int(format.ToInteger())
	}
	enc := -1
	if !goja.IsUndefined(typ) && !goja.IsNull(typ) {
		enc = int(typ.ToInteger())
	}
	priv, pub, err := parseKey(c.inputBytes(data, goja.Undefined()), f, enc, wantPrivate)
	if err != nil {
		panic(c.decoderError())
	}
	return priv, pub
}

// cryptoHashes are the digests RSA signatures can name in their DigestInfo.
var cryptoHashes = map[*digestAlg]crypto.Hash{
	algMD5: crypto.MD5, algSHA1: crypto.SHA1, algSHA224: crypto.SHA224, algSHA256: crypto.SHA256,
	algSHA384: crypto.SHA384, algSHA512: crypto.SHA512, algSHA512224: crypto.SHA512_224,
	algSHA512256: crypto.SHA512_256, algSHA3224: crypto.SHA3_224, algSHA3256: crypto.SHA3_256,
	algSHA3384: crypto.SHA3_384, algSHA3512: crypto.SHA3_512, algMD5SHA1: crypto.MD5SHA1,
	algRIPEMD160: crypto.RIPEMD160,
}

// sigParams are the options node passes with a signature operation.
type sigParams struct {
	padding  int // 0: the key's default
	saltLen  int
	hasSalt  bool
	p1363    bool
	digested []byte // the message digest (RSA, ECDSA) ...
	message  []byte // ... or the message itself (Ed25519)
	alg      *digestAlg
}

func (c *cryptoBinding) sigParamsOf(padding, saltLen, dsaEnc goja.Value) sigParams {
	p := sigParams{}
	if !goja.IsUndefined(padding) && !goja.IsNull(padding) {
		p.padding = int(padding.ToInteger())
	}
	if !goja.IsUndefined(saltLen) && !goja.IsNull(saltLen) {
		p.saltLen, p.hasSalt = int(saltLen.ToInteger()), true
	}
	p.p1363 = dsaEnc.ToInteger() == 1
	return p
}

func (p sigParams) pssOptions(h crypto.Hash) *rsa.PSSOptions {
	o := &rsa.PSSOptions{Hash: h, SaltLength: rsa.PSSSaltLengthEqualsHash}
	if p.hasSalt {
		switch p.saltLen {
		case -1:
			o.SaltLength = rsa.PSSSaltLengthEqualsHash
		case -2:
			o.SaltLength = rsa.PSSSaltLengthAuto // MAX_SIGN when signing, AUTO when verifying
		default:
			o.SaltLength = p.saltLen
		}
	}
	return o
}

var errSign = errors.New("nodelib: signing failed")

func signWith(priv crypto.Signer, p sigParams) ([]byte, error) {
	switch k := priv.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(k, p.message), nil
	case *rsa.PrivateKey:
		h, ok := cryptoHashes[p.alg]
		if !ok {
			return nil, errSign
		}
		if p.padding == rsaPKCS1PSSPadding {
			return rsa.SignPSS(rand.Reader, k, h, p.digested, p.pssOptions(h))
		}
		return rsa.SignPKCS1v15(rand.Reader, k, h, p.digested)
	case *ecdsa.PrivateKey:
		der, err := ecdsa.SignASN1(rand.Reader, k, p.digested)
		if err != nil || !p.p1363 {
			return der, err
		}
		return derToP1363(der, (k.Curve.Params().BitSize+7)/8)
	}
	return nil, errSign
}

func verifyWith(pub crypto.PublicKey, p sigParams, sig []byte) bool {
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return ed25519.Verify(k, p.message, sig)
	case *rsa.PublicKey:
		h, ok := cryptoHashes[p.alg]
		if !ok {
			return false
		}
		if p.padding == rsaPKCS1PSSPadding {
			return rsa.VerifyPSS(k, h, p.digested, sig, p.pssOptions(h)) == nil
		}
		return rsa.VerifyPKCS1v15(k, h, p.digested, sig) == nil
	case *ecdsa.PublicKey:
		if p.p1363 {
			n := (k.Curve.Params().BitSize + 7) / 8
			if len(sig) != 2*n {
				return false
			}
			r, s := new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
			return ecdsa.Verify(k, p.digested, r, s)
		}
		return ecdsa.VerifyASN1(k, p.digested, sig)
	}
	return false
}

// derToP1363 turns an ASN.1 ECDSA signature into r||s of n bytes each.
func derToP1363(der []byte, n int) ([]byte, error) {
	// SEQUENCE { INTEGER r, INTEGER s }
	readInt := func(b []byte) (*big.Int, []byte, bool) {
		if len(b) < 2 || b[0] != 0x02 || int(b[1]) > len(b)-2 {
			return nil, nil, false
		}
		l := int(b[1])
		return new(big.Int).SetBytes(b[2 : 2+l]), b[2+l:], true
	}
	if len(der) < 2 || der[0] != 0x30 {
		return nil, errSign
	}
	body := der[2:]
	if der[1]&0x80 != 0 {
		body = der[2+int(der[1]&0x7f):]
	}
	r, rest, ok := readInt(body)
	if !ok {
		return nil, errSign
	}
	s, _, ok := readInt(rest)
	if !ok {
		return nil, errSign
	}
	out := make([]byte, 2*n)
	r.FillBytes(out[:n])
	s.FillBytes(out[n:])
	return out, nil
}

// signClass is Sign (sign: true) or Verify: init(algorithm), update(data, encoding), then
// sign(key..., padding, saltLength, dsaEncoding) or verify(key..., signature, ...).
func (c *cryptoBinding) signClass(name string, sign bool) *goja.Object {
	l := c.l
	type signState struct{ d *digestState }
	final := "verify"
	if sign {
		final = "sign"
	}
	return c.class(name, func(call goja.ConstructorCall) *goja.Object {
		c.attach(call.This, &signState{})
		return nil
	},
		"init", func(call goja.FunctionCall) goja.Value {
			st := native[signState](c, call.This)
			alg := lookupDigest(call.Argument(0).String())
			if alg == nil || alg.xof {
				panic(l.newError("TypeError", "Invalid digest", "ERR_CRYPTO_INVALID_DIGEST"))
			}
			st.d = newDigestState(alg, alg.size)
			return goja.Undefined()
		},
		"update", func(call goja.FunctionCall) goja.Value {
			st := native[signState](c, call.This)
			if st.d == nil {
				panic(l.newError("Error", "Not initialised", "ERR_CRYPTO_INVALID_STATE"))
			}
			st.d.write(c.inputBytes(call.Argument(0), call.Argument(1)))
			return goja.Undefined()
		},
		final, func(call goja.FunctionCall) goja.Value {
			st := native[signState](c, call.This)
			if st.d == nil {
				panic(l.newError("Error", "Not initialised", "ERR_CRYPTO_INVALID_STATE"))
			}
			priv, pub := c.asymKeyOf(call.Argument(0), call.Argument(1), call.Argument(2), sign)
			rest := call.Arguments[min(4, len(call.Arguments)):]
			var sig []byte
			if !sign {
				sig = c.inputBytes(call.Argument(4), goja.Undefined())
				rest = call.Arguments[min(5, len(call.Arguments)):]
			}
			rest = padArgs(rest, 3)
			p := c.sigParamsOf(rest[0], rest[1], rest[2])
			p.alg = st.d.alg
			p.digested = st.d.sum()
			st.d = nil
			if sign {
				if _, ok := priv.(ed25519.PrivateKey); ok {
					panic(l.newError("Error", "error:1C8000B3:Provider routines::invalid digest", "ERR_OSSL_INVALID_DIGEST"))
				}
				out, err := signWith(priv, p)
				if err != nil {
					panic(l.newError("Error", "error:1C8000A5:Provider routines::illegal or unsupported padding mode", "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE"))
				}
				return l.newBuffer(out)
			}
			return l.vm.ToValue(verifyWith(pub, p, sig))
		},
	)
}

// defineSignJob adds SignJob(mode, signMode, key data, format, type, passphrase, data,
// algorithm, saltLength, padding, dsaEncoding[, signature]): crypto.sign and crypto.verify.
func (c *cryptoBinding) defineSignJob(b *goja.Object) {
	l := c.l
	c.defineJob(b, "SignJob", "SIGNREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 11)
		verify := a[0].ToInteger() == 1
		priv, pub := c.asymKeyOf(a[1], a[2], a[3], !verify)
		data := c.inputBytes(a[5], goja.Undefined())
		p := c.sigParamsOf(a[8], a[7], a[9])
		_, isEd := pub.(ed25519.PublicKey)
		if isEd {
			p.message = data
		} else {
			name := "sha256" // OpenSSL's default digest for RSA and EC keys
			if !goja.IsUndefined(a[6]) && !goja.IsNull(a[6]) {
				name = a[6].String()
			}
			alg := lookupDigest(name)
			if alg == nil || alg.xof {
				panic(l.newError("TypeError", "Invalid digest: "+name, "ERR_CRYPTO_INVALID_DIGEST"))
			}
			d := newDigestState(alg, alg.size)
			d.write(data)
			p.alg, p.digested = alg, d.sum()
		}
		var sig []byte
		if verify {
			sig = c.inputBytes(a[10], goja.Undefined())
		}
		return jobSpec{
			run: func() (any, error) {
				if verify {
					return verifyWith(pub, p, sig), nil
				}
				return signWith(priv, p)
			},
			result: func(v any) goja.Value {
				if ok, isBool := v.(bool); isBool {
					return l.vm.ToValue(ok)
				}
				return c.arrayBuffer(v)
			},
		}
	})
}

// initAsymmetric is KeyObjectHandle.init for kKeyTypePublic and kKeyTypePrivate.
func (c *cryptoBinding) initAsymmetric(k *keyHandle, call goja.FunctionCall) {
	wantPrivate := call.Argument(0).ToInteger() == keyTypePrivate
	priv, pub := c.asymKeyOf(call.Argument(1), call.Argument(2), call.Argument(3), wantPrivate)
	k.pub = pub
	if wantPrivate {
		k.priv = priv
	}
}

func asymmetricKeyType(pub crypto.PublicKey) string {
	switch pub.(type) {
	case *rsa.PublicKey:
		return "rsa"
	case *ecdsa.PublicKey:
		return "ec"
	case ed25519.PublicKey:
		return "ed25519"
	}
	return ""
}

// curveNames are OpenSSL's names of the curves node reports as namedCurve.
var curveNames = map[elliptic.Curve]string{elliptic.P256(): "prime256v1", elliptic.P384(): "secp384r1", elliptic.P521(): "secp521r1"}

func (c *cryptoBinding) asymmetricDetail(k *keyHandle, o *goja.Object) {
	switch pub := k.pub.(type) {
	case *rsa.PublicKey:
		_ = o.Set("modulusLength", pub.N.BitLen())
		// node's JS turns these big-endian bytes into a BigInt.
		_ = o.Set("publicExponent", c.l.vm.NewArrayBuffer(big.NewInt(int64(pub.E)).Bytes()))
	case *ecdsa.PublicKey:
		_ = o.Set("namedCurve", curveNames[pub.Curve])
	}
}

// exportAsymmetric is KeyObjectHandle.export(format, type, cipher, passphrase).
func (c *cryptoBinding) exportAsymmetric(k *keyHandle, call goja.FunctionCall) goja.Value {
	if a := call.Argument(2); !goja.IsUndefined(a) && !goja.IsNull(a) {
		panic(c.l.newError("Error", "nodelib: encrypted private keys are not implemented", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
	}
	return c.marshalKey(k, int(call.Argument(0).ToInteger()), int(call.Argument(1).ToInteger()))
}

// marshalKey encodes the public key of k (or its private key, when it has one) as PEM text
// or DER bytes of encoding enc.
func (c *cryptoBinding) marshalKey(k *keyHandle, format, enc int) goja.Value {
	l := c.l
	var der []byte
	var label string
	var err error
	unsupported := func() { panic(c.decoderError()) }
	if k.priv == nil {
		switch enc {
		case keyEncPKCS1:
			rk, ok := k.pub.(*rsa.PublicKey)
			if !ok {
				unsupported()
			}
			der, label = x509.MarshalPKCS1PublicKey(rk), "RSA PUBLIC KEY"
		default:
			der, err = x509.MarshalPKIXPublicKey(k.pub)
			label = "PUBLIC KEY"
		}
	} else {
		switch enc {
		case keyEncPKCS1:
			rk, ok := k.priv.(*rsa.PrivateKey)
			if !ok {
				unsupported()
			}
			der, label = x509.MarshalPKCS1PrivateKey(rk), "RSA PRIVATE KEY"
		case keyEncSEC1:
			ek, ok := k.priv.(*ecdsa.PrivateKey)
			if !ok {
				unsupported()
			}
			der, err = x509.MarshalECPrivateKey(ek)
			label = "EC PRIVATE KEY"
		default:
			der, err = x509.MarshalPKCS8PrivateKey(k.priv)
			label = "PRIVATE KEY"
		}
	}
	if err != nil {
		panic(l.newError("Error", err.Error(), ""))
	}
	if format == keyFormatPEM {
		return l.vm.ToValue(string(pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der})))
	}
	return l.newBuffer(der)
}

// keyPairEncoding is the tail of every *KeyPairGenJob's arguments: how to hand out the
// public and private keys (KeyObjectHandles when the format is undefined).
type keyPairEncoding struct {
	pubFormat, pubType, privFormat, privType int // -1: undefined
}

func (c *cryptoBinding) keyPairEncodingOf(a []goja.Value) keyPairEncoding {
	a = padArgs(a, 6)
	num := func(v goja.Value) int {
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return -1
		}
		return int(v.ToInteger())
	}
	e := keyPairEncoding{num(a[0]), num(a[1]), num(a[2]), num(a[3])}
	if e.pubFormat == 2 || e.privFormat == 2 {
		panic(c.l.newError("Error", "nodelib: JWK export of asymmetric keys is not implemented", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
	}
	if !goja.IsUndefined(a[4]) && !goja.IsNull(a[4]) {
		panic(c.l.newError("Error", "nodelib: encrypted private keys are not implemented", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
	}
	return e
}

// keyPairResult is [publicKey, privateKey] as node's key pair jobs return them.
func (c *cryptoBinding) keyPairResult(e keyPairEncoding, priv crypto.Signer) goja.Value {
	out := func(k *keyHandle, format, enc int) goja.Value {
		if format < 0 {
			h, err := c.l.vm.New(c.keyHandle)
			if err != nil {
				panic(err)
			}
			*native[keyHandle](c, h) = *k
			return h
		}
		return c.marshalKey(k, format, enc)
	}
	pub := out(&keyHandle{pub: priv.Public()}, e.pubFormat, e.pubType)
	private := out(&keyHandle{pub: priv.Public(), priv: priv}, e.privFormat, e.privType)
	return c.l.vm.NewArray(pub, private)
}

// ecCurves are the curve names EcKeyPairGenJob takes (OpenSSL's and NIST's).
var ecCurves = map[string]elliptic.Curve{
	"P-256": elliptic.P256(), "prime256v1": elliptic.P256(),
	"P-384": elliptic.P384(), "secp384r1": elliptic.P384(),
	"P-521": elliptic.P521(), "secp521r1": elliptic.P521(),
}

// defineKeyPairJobs adds RsaKeyPairGenJob (RSASSA-PKCS1-v1_5 keys, exponent 65537),
// EcKeyPairGenJob (P-256/384/521, named) and NidKeyPairGenJob (Ed25519).
func (c *cryptoBinding) defineKeyPairJobs(b *goja.Object) {
	l := c.l
	unavailable := func(what string) {
		panic(l.newError("Error", "nodelib: "+what+" is not implemented", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
	}
	result := func(e keyPairEncoding) func(any) goja.Value {
		return func(v any) goja.Value { return c.keyPairResult(e, v.(crypto.Signer)) }
	}
	// RsaKeyPairGenJob(mode, variant, modulusLength, publicExponent, ...encoding)
	c.defineJob(b, "RsaKeyPairGenJob", "KEYPAIRGENREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 3)
		if a[0].ToInteger() != 0 {
			unavailable("RSA-PSS key generation")
		}
		bits := int(a[1].ToInteger())
		if a[2].ToInteger() != 65537 {
			unavailable("an RSA public exponent other than 65537")
		}
		e := c.keyPairEncodingOf(a[3:])
		return jobSpec{
			run:    func() (any, error) { return rsa.GenerateKey(rand.Reader, bits) },
			result: result(e),
		}
	})
	// EcKeyPairGenJob(mode, namedCurve, paramEncoding, ...encoding)
	c.defineJob(b, "EcKeyPairGenJob", "KEYPAIRGENREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 2)
		curve, ok := ecCurves[a[0].String()]
		if !ok {
			panic(l.newError("TypeError", "Invalid EC curve name", "ERR_CRYPTO_INVALID_CURVE"))
		}
		if a[1].ToInteger() != 1 { // OPENSSL_EC_NAMED_CURVE
			unavailable("explicit EC parameters")
		}
		e := c.keyPairEncodingOf(a[2:])
		return jobSpec{
			run:    func() (any, error) { return ecdsa.GenerateKey(curve, rand.Reader) },
			result: result(e),
		}
	})
	// NidKeyPairGenJob(mode, nid, ...encoding)
	c.defineJob(b, "NidKeyPairGenJob", "KEYPAIRGENREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 1)
		if a[0].ToInteger() != int64(cryptoNumbers["EVP_PKEY_ED25519"]) {
			unavailable("this key type's generation")
		}
		e := c.keyPairEncodingOf(a[1:])
		return jobSpec{
			run: func() (any, error) {
				_, priv, err := ed25519.GenerateKey(rand.Reader)
				return priv, err
			},
			result: result(e),
		}
	})
}

// equalAsymmetric compares the keys of two handles (KeyObject.equals).
func equalAsymmetric(a, b *keyHandle) bool {
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if (a.priv == nil) != (b.priv == nil) {
		return false
	}
	if a.priv != nil {
		e, ok := a.priv.(interface{ Equal(crypto.PrivateKey) bool })
		return ok && e.Equal(b.priv)
	}
	e, ok := a.pub.(equaler)
	return ok && e.Equal(b.pub)
}

// RSA encryption (publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt): OAEP, PKCS#1
// v1.5 (type 2 for encryption, type 1 for privateEncrypt) and no padding.

const (
	rsaPKCS1Padding = 1
	rsaNoPadding    = 3
	rsaOAEPPadding  = 4
)

// rsaOp is one of the four functions; args are (key data, format, type, passphrase, buffer,
// padding, oaepHash, oaepLabel).
func (c *cryptoBinding) rsaOp(private, encrypt bool) func(goja.FunctionCall) goja.Value {
	l := c.l
	osslErr := func(code, packed, reason string) *goja.Object {
		return c.opensslError(code, "rsa routines", reason, packed)
	}
	return func(call goja.FunctionCall) goja.Value {
		priv, pub := c.asymKeyOf(call.Argument(0), call.Argument(1), call.Argument(2), private)
		in := c.inputBytes(call.Argument(4), goja.Undefined())
		padding := int(call.Argument(5).ToInteger())
		var rk *rsa.PublicKey
		switch k := pub.(type) {
		case *rsa.PublicKey:
			rk = k
		default:
			panic(c.opensslError("ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE", "digital envelope routines", "operation not supported for this keytype", "03000096"))
		}
		var sk *rsa.PrivateKey
		if private {
			sk = priv.(*rsa.PrivateKey)
		}
		size := rk.Size()
		hash := crypto.SHA1
		if h := call.Argument(6); padding == rsaOAEPPadding && !goja.IsUndefined(h) && !goja.IsNull(h) {
			alg := lookupDigest(h.String())
			ch, ok := cryptoHashes[alg]
			if !ok || !ch.Available() {
				panic(l.newError("Error", "Invalid digest used", "ERR_OSSL_EVP_INVALID_DIGEST"))
			}
			hash = ch
		}
		var label []byte
		if v := call.Argument(7); !goja.IsUndefined(v) && !goja.IsNull(v) {
			label = c.inputBytes(v, goja.Undefined())
		}
		tooLarge := func() {
			panic(osslErr("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE", "0200006E", "data too large for key size"))
		}
		var out []byte
		var err error
		switch {
		case padding == rsaNoPadding:
			if len(in) < size {
				panic(osslErr("ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE", "0200007A", "data too small for key size"))
			}
			if len(in) > size {
				tooLarge()
			}
			m := new(big.Int).SetBytes(in)
			if m.Cmp(rk.N) >= 0 {
				panic(osslErr("ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS", "02000084", "data too large for modulus"))
			}
			if private {
				m.Exp(m, sk.D, sk.N)
			} else {
				m.Exp(m, big.NewInt(int64(rk.E)), rk.N)
			}
			out = m.FillBytes(make([]byte, size))
		case !private && encrypt: // publicEncrypt
			if padding == rsaPKCS1Padding {
				out, err = rsa.EncryptPKCS1v15(rand.Reader, rk, in)
			} else {
				out, err = rsa.EncryptOAEP(hash.New(), rand.Reader, rk, in, label)
			}
			if err != nil {
				tooLarge()
			}
		case private && !encrypt: // privateDecrypt
			if padding == rsaPKCS1Padding {
				// node 20 refuses it since CVE-2023-46809 (Marvin attack).
				panic(l.newError("TypeError", "RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809", "ERR_INVALID_ARG_VALUE"))
			}
			out, err = rsa.DecryptOAEP(hash.New(), rand.Reader, sk, in, label)
			if err != nil {
				panic(osslErr("ERR_OSSL_RSA_OAEP_DECODING_ERROR", "02000079", "oaep decoding error"))
			}
		case private && encrypt: // privateEncrypt: PKCS#1 type 1 over the raw data
			out, err = rsa.SignPKCS1v15(nil, sk, 0, in)
			if err != nil {
				tooLarge()
			}
		default: // publicDecrypt: undo privateEncrypt
			if len(in) != size {
				tooLarge()
			}
			m := new(big.Int).Exp(new(big.Int).SetBytes(in), big.NewInt(int64(rk.E)), rk.N)
			em := m.FillBytes(make([]byte, size))
			// 00 01 FF..FF 00 data
			i := 2
			for i < len(em) && em[i] == 0xff {
				i++
			}
			if em[0] != 0 || em[1] != 1 || i < 10 || i >= len(em) || em[i] != 0 {
				panic(osslErr("ERR_OSSL_RSA_INVALID_PADDING", "0200008A", "invalid padding"))
			}
			out = em[i+1:]
		}
		return l.newBuffer(out)
	}
}
