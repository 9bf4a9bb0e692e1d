package nodelib

import (
	"crypto"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"hash"
	"math"
	"math/big"

	"github.com/dop251/goja"
	"golang.org/x/crypto/scrypt"

	"github.com/studiojs/studio/runtime/pool"
)

// internalBinding('crypto') (node/src/crypto/*.cc) over Go's crypto packages: Hash, Hmac,
// KeyObjectHandle for secret keys, timingSafeEqual, and the CryptoJob classes node's JS drives
// (PBKDF2Job, ScryptJob, HKDFJob, HashJob, RandomBytesJob, CheckPrimeJob, RandomPrimeJob,
// SecretKeyGenJob). A job made with
// kCryptoJobSync runs inline and run() returns [err, result]; with kCryptoJobAsync, run()
// queues it on the host's worker pool as one request of node's async_hooks type and
// job.ondone(err, result) is called back on the loop.
//
// Ciphers are AES only (binding_crypto_cipher.go); asymmetric keys, Sign and Verify are RSA,
// ECDSA and Ed25519 (binding_crypto_keys.go). Absent (node's JS fails on them with a
// TypeError when used): finite-field DiffieHellman and crypto.diffieHellman, X509, SPKAC,
// WebCrypto's RSA/EC/Ed25519 jobs, FIPS switches. ECDH is binding_crypto_ecdh.go.

const (
	cryptoJobAsync = 0
	cryptoJobSync  = 1

	keyTypeSecret = 0
)

// cryptoNumbers are the numeric constants of node v20's crypto binding.
var cryptoNumbers = map[string]int{
	"EVP_PKEY_ED25519": 1087, "EVP_PKEY_ED448": 1088, "EVP_PKEY_X25519": 1034, "EVP_PKEY_X448": 1035,
	"OPENSSL_EC_EXPLICIT_CURVE": 0, "OPENSSL_EC_NAMED_CURVE": 1, "RSA_PKCS1_PSS_PADDING": 6,
	"X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT": 1, "X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS": 8,
	"X509_CHECK_FLAG_NEVER_CHECK_SUBJECT": 32, "X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS": 4,
	"X509_CHECK_FLAG_NO_WILDCARDS": 2, "X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS": 16,
	"kCryptoJobAsync": cryptoJobAsync, "kCryptoJobSync": cryptoJobSync,
	"kKeyEncodingPKCS1": 0, "kKeyEncodingPKCS8": 1, "kKeyEncodingSEC1": 3, "kKeyEncodingSPKI": 2,
	"kKeyFormatDER": 0, "kKeyFormatJWK": 2, "kKeyFormatPEM": 1,
	"kKeyTypePrivate": 2, "kKeyTypePublic": 1, "kKeyTypeSecret": keyTypeSecret,
	"kKeyVariantAES_CBC_128": 3, "kKeyVariantAES_CBC_192": 4, "kKeyVariantAES_CBC_256": 5,
	"kKeyVariantAES_CTR_128": 0, "kKeyVariantAES_CTR_192": 1, "kKeyVariantAES_CTR_256": 2,
	"kKeyVariantAES_GCM_128": 6, "kKeyVariantAES_GCM_192": 7, "kKeyVariantAES_GCM_256": 8,
	"kKeyVariantAES_KW_128": 9, "kKeyVariantAES_KW_192": 10, "kKeyVariantAES_KW_256": 11,
	"kKeyVariantRSA_OAEP": 2, "kKeyVariantRSA_PSS": 1, "kKeyVariantRSA_SSA_PKCS1_v1_5": 0,
	"kSigEncDER": 0, "kSigEncP1363": 1, "kSignJobModeSign": 0, "kSignJobModeVerify": 1,
	"kWebCryptoCipherDecrypt": 1, "kWebCryptoCipherEncrypt": 0, "kWebCryptoKeyFormatJWK": 3,
	"kWebCryptoKeyFormatPKCS8": 1, "kWebCryptoKeyFormatRaw": 0, "kWebCryptoKeyFormatSPKI": 2,
}

// hashHandle is the state behind a Hash or Hmac object.
type hashHandle struct {
	d   *digestState
	mac hash.Hash
	out []byte // the digest, once computed (C++ keeps md_value)
}

// keyHandle is the state behind a KeyObjectHandle: a secret key, or an asymmetric key
// (pub, and priv for a private key; binding_crypto_keys.go).
type keyHandle struct {
	secret []byte
	pub    crypto.PublicKey
	priv   crypto.Signer
}

// cryptoBinding holds the per-runtime pieces of the crypto binding.
type cryptoBinding struct {
	l         *Lib
	slot      *goja.Symbol // own property holding an object's Go state
	keyHandle *goja.Object // the KeyObjectHandle class
}

func init() {
	bindingMakers["crypto"] = func(l *Lib) *goja.Object {
		c := &cryptoBinding{l: l, slot: goja.NewSymbol("nodelib.crypto")}
		vm := l.vm
		b := vm.NewObject()
		for name, v := range cryptoNumbers {
			_ = b.Set(name, v)
		}
		_ = b.Set("Hash", c.hashClass())
		_ = b.Set("Hmac", c.hmacClass())
		c.keyHandle = c.keyObjectHandleClass()
		_ = b.Set("KeyObjectHandle", c.keyHandle)
		_ = b.Set("createNativeKeyObjectClass", c.createNativeKeyObjectClass)
		_ = b.Set("getHashes", func() goja.Value {
			names := make([]any, len(hashNames))
			for i, n := range hashNames {
				names[i] = n
			}
			return vm.NewArray(names...)
		})
		_ = b.Set("CipherBase", c.cipherBaseClass())
		_ = b.Set("getCipherInfo", c.getCipherInfo)
		_ = b.Set("getCiphers", func() goja.Value {
			names := make([]any, len(cipherNames))
			for i, n := range cipherNames {
				names[i] = n
			}
			return vm.NewArray(names...)
		})
		_ = b.Set("getCurves", func() goja.Value {
			names := make([]any, len(curveList))
			for i, n := range curveList {
				names[i] = n
			}
			return vm.NewArray(names...)
		})
		_ = b.Set("ECDH", c.ecdhClass())
		_ = b.Set("ECDHConvertKey", c.ecdhConvertKey)
		// Node fills this cache as OpenSSL resolves names; ids only speed up lookups.
		_ = b.Set("getCachedAliases", func() goja.Value { return vm.NewObject() })
		_ = b.Set("getFipsCrypto", func() int { return 0 })
		// Undefined is node's answer when the secure heap was not enabled (--secure-heap).
		_ = b.Set("secureHeapUsed", func() goja.Value { return goja.Undefined() })
		_ = b.Set("secureBuffer", func(n int) goja.Value { return l.newTypedArray("Uint8Array", n) })
		_ = b.Set("timingSafeEqual", c.timingSafeEqual)
		_ = b.Set("oneShotDigest", c.oneShotDigest)
		c.defineJobs(b)
		c.defineWebCryptoJobs(b)
		c.defineSignJob(b)
		c.defineKeyPairJobs(b)
		_ = b.Set("publicEncrypt", c.rsaOp(false, true))
		_ = b.Set("privateDecrypt", c.rsaOp(true, false))
		_ = b.Set("privateEncrypt", c.rsaOp(true, true))
		_ = b.Set("publicDecrypt", c.rsaOp(false, false))
		_ = b.Set("Sign", c.signClass("Sign", true))
		_ = b.Set("Verify", c.signClass("Verify", false))
		return b
	}
}

// native returns the Go state of this, or throws node's "Illegal invocation".
func native[T any](c *cryptoBinding, this goja.Value) *T {
	if o, ok := this.(*goja.Object); ok {
		if v := o.GetSymbol(c.slot); v != nil {
			if p, ok := v.Export().(*T); ok {
				return p
			}
		}
	}
	panic(c.l.vm.NewTypeError("Illegal invocation"))
}

func (c *cryptoBinding) attach(o *goja.Object, state any) {
	_ = o.DefineDataPropertySymbol(c.slot, c.l.vm.ToValue(state), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// class makes a constructor whose prototype holds methods (name, fn pairs, in order).
func (c *cryptoBinding) class(name string, ctor func(call goja.ConstructorCall) *goja.Object, methods ...any) *goja.Object {
	vm := c.l.vm
	fn := vm.ToValue(ctor).(*goja.Object)
	_ = fn.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := fn.Get("prototype").(*goja.Object)
	for i := 0; i+1 < len(methods); i += 2 {
		m := methods[i].(string)
		f := vm.ToValue(methods[i+1]).(*goja.Object)
		_ = f.DefineDataProperty("name", vm.ToValue(m), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = proto.DefineDataProperty(m, f, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return fn
}

// inputBytes returns a copy of a string (in encoding enc, UTF-8 by default) or buffer source
// argument, as node's ByteSource does.
func (c *cryptoBinding) inputBytes(v, enc goja.Value) []byte {
	if _, ok := v.Export().(string); ok {
		return encodeString(v, parseEncodingArg(enc, encUTF8))
	}
	if b, ok := c.l.bytesOf(v); ok {
		return append([]byte(nil), b...)
	}
	if kh, ok := c.keyOf(v); ok {
		return append([]byte(nil), kh.secret...)
	}
	panic(c.l.newError("TypeError", "The \"data\" argument must be of type string or an instance of Buffer, TypedArray, or DataView.", "ERR_INVALID_ARG_TYPE"))
}

func (c *cryptoBinding) keyOf(v goja.Value) (*keyHandle, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	s := o.GetSymbol(c.slot)
	if s == nil {
		return nil, false
	}
	k, ok := s.Export().(*keyHandle)
	return k, ok
}

// parseEncodingArg is node's ParseEncoding: case-insensitive, def for anything else.
func parseEncodingArg(v goja.Value, def int) int {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return def
	}
	s, ok := v.Export().(string)
	if !ok {
		return def
	}
	switch toLowerASCII(s) {
	case "utf8", "utf-8":
		return encUTF8
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return encUCS2
	case "latin1", "binary":
		return encLatin1
	case "ascii":
		return encASCII
	case "hex":
		return encHex
	case "base64":
		return encBase64
	case "base64url":
		return encBase64URL
	case "buffer":
		return encBuffer
	}
	return def
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, ch := range b {
		if ch >= 'A' && ch <= 'Z' {
			b[i] = ch + 32
		}
	}
	return string(b)
}

// encodeOutput returns b as a Buffer, or as a string in the encoding named by enc.
func (c *cryptoBinding) encodeOutput(b []byte, enc goja.Value) goja.Value {
	e := parseEncodingArg(enc, encBuffer)
	if e == encBuffer {
		return c.l.newBuffer(b)
	}
	return decodeBytes(c.l.vm, b, e)
}

// opensslError is the error node makes from an OpenSSL error code.
func (c *cryptoBinding) opensslError(code, lib, reason, packed string) *goja.Object {
	e := c.l.newError("Error", "error:"+packed+":"+lib+"::"+reason, "")
	_ = e.Set("library", lib)
	_ = e.Set("reason", reason)
	_ = e.Set("code", code)
	return e
}

func (c *cryptoBinding) hashClass() *goja.Object {
	l := c.l
	return c.class("Hash", func(call goja.ConstructorCall) *goja.Object {
		var alg *digestAlg
		var orig *hashHandle
		if o, ok := call.Argument(0).(*goja.Object); ok {
			orig = native[hashHandle](c, o)
			alg = orig.d.alg
		} else {
			alg = lookupDigest(call.Argument(0).String())
		}
		if alg == nil {
			panic(l.newError("Error", "Digest method not supported", ""))
		}
		outLen := alg.size
		if x := call.Argument(1); !goja.IsUndefined(x) {
			n := int(x.ToInteger())
			if n != alg.size && !alg.xof {
				panic(c.opensslError("ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH", "digital envelope routines", "not XOF or invalid length", "030000B2"))
			}
			outLen = n
		}
		h := &hashHandle{}
		if orig != nil {
			d, err := orig.d.clone()
			if err != nil {
				panic(l.newError("Error", "Digest method not supported", ""))
			}
			d.outLen = outLen
			h.d = d
		} else {
			h.d = newDigestState(alg, outLen)
		}
		c.attach(call.This, h)
		return nil
	},
		"update", func(call goja.FunctionCall) goja.Value {
			h := native[hashHandle](c, call.This)
			if h.out != nil {
				return l.vm.ToValue(false)
			}
			h.d.write(c.inputBytes(call.Argument(0), call.Argument(1)))
			return l.vm.ToValue(true)
		},
		"digest", func(call goja.FunctionCall) goja.Value {
			h := native[hashHandle](c, call.This)
			if h.out == nil {
				h.out = h.d.sum()
			}
			return c.encodeOutput(h.out, call.Argument(0))
		},
	)
}

func (c *cryptoBinding) hmacClass() *goja.Object {
	l := c.l
	return c.class("Hmac", func(call goja.ConstructorCall) *goja.Object {
		c.attach(call.This, &hashHandle{})
		return nil
	},
		"init", func(call goja.FunctionCall) goja.Value {
			h := native[hashHandle](c, call.This)
			name := call.Argument(0).String()
			alg := lookupDigest(name)
			if alg == nil {
				panic(l.newError("TypeError", "Invalid digest: "+name, "ERR_CRYPTO_INVALID_DIGEST"))
			}
			if alg.xof {
				// OpenSSL's HMAC_Init_ex refuses an XOF without queueing a reason.
				panic(l.newError("Error", "error:00000000:lib(0)::reason(0)", ""))
			}
			var key []byte
			if k, ok := c.keyOf(call.Argument(1)); ok {
				key = k.secret
			} else {
				key = l.mustBytes(call.Argument(1), "key")
			}
			h.mac = hmac.New(alg.newHash, key)
			h.out = nil
			return goja.Undefined()
		},
		"update", func(call goja.FunctionCall) goja.Value {
			h := native[hashHandle](c, call.This)
			if h.mac == nil {
				return l.vm.ToValue(false)
			}
			_, _ = h.mac.Write(c.inputBytes(call.Argument(0), call.Argument(1)))
			return l.vm.ToValue(true)
		},
		"digest", func(call goja.FunctionCall) goja.Value {
			h := native[hashHandle](c, call.This)
			var out []byte
			if h.mac != nil {
				out = h.mac.Sum(nil)
				h.mac = nil // node frees the HMAC context after digest
			}
			return c.encodeOutput(out, call.Argument(0))
		},
	)
}

// oneShotDigest(algorithm, algorithmId, cache, input, outputEncoding, encodingId): crypto.hash().
func (c *cryptoBinding) oneShotDigest(call goja.FunctionCall) goja.Value {
	name := call.Argument(0).String()
	alg := lookupDigest(name)
	if alg == nil {
		panic(c.l.newError("Error", "Digest method not supported", ""))
	}
	d := newDigestState(alg, alg.size)
	d.write(c.inputBytes(call.Argument(3), goja.Undefined()))
	return c.encodeOutput(d.sum(), call.Argument(4))
}

func (c *cryptoBinding) timingSafeEqual(call goja.FunctionCall) goja.Value {
	l := c.l
	a, ok := l.bytesOf(call.Argument(0))
	if !ok {
		panic(l.newError("TypeError", "The \"buf1\" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.", "ERR_INVALID_ARG_TYPE"))
	}
	b, ok := l.bytesOf(call.Argument(1))
	if !ok {
		panic(l.newError("TypeError", "The \"buf2\" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.", "ERR_INVALID_ARG_TYPE"))
	}
	if len(a) != len(b) {
		panic(l.newError("RangeError", "Input buffers must have the same byte length", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"))
	}
	return l.vm.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
}

func (c *cryptoBinding) keyObjectHandleClass() *goja.Object {
	l := c.l
	cls := c.class("KeyObjectHandle", func(call goja.ConstructorCall) *goja.Object {
		c.attach(call.This, &keyHandle{})
		return nil
	},
		"init", func(call goja.FunctionCall) goja.Value {
			k := native[keyHandle](c, call.This)
			if call.Argument(0).ToInteger() != keyTypeSecret {
				c.initAsymmetric(k, call)
				return goja.Undefined()
			}
			k.secret = append([]byte(nil), l.mustBytes(call.Argument(1), "key")...)
			return goja.Undefined()
		},
		"getSymmetricKeySize", func(call goja.FunctionCall) goja.Value {
			return l.vm.ToValue(len(native[keyHandle](c, call.This).secret))
		},
		"export", func(call goja.FunctionCall) goja.Value {
			k := native[keyHandle](c, call.This)
			if k.pub != nil {
				return c.exportAsymmetric(k, call)
			}
			return l.newBuffer(append([]byte(nil), k.secret...))
		},
		"getAsymmetricKeyType", func(call goja.FunctionCall) goja.Value {
			k := native[keyHandle](c, call.This)
			if t := asymmetricKeyType(k.pub); t != "" {
				return l.vm.ToValue(t)
			}
			return goja.Undefined()
		},
		"exportJwk", func(call goja.FunctionCall) goja.Value {
			k := native[keyHandle](c, call.This)
			o := call.Argument(0).ToObject(l.vm)
			_ = o.Set("kty", "oct")
			_ = o.Set("k", decodeBytes(l.vm, k.secret, encBase64URL))
			return o
		},
		// keyDetail(target) of a secret key: its length in bits.
		"keyDetail", func(call goja.FunctionCall) goja.Value {
			k := native[keyHandle](c, call.This)
			o := call.Argument(0).ToObject(l.vm)
			if k.pub != nil {
				c.asymmetricDetail(k, o)
				return o
			}
			_ = o.Set("length", len(k.secret)*8)
			return o
		},
		// initJwk(jwk) of an "oct" JWK: the key is k, base64url.
		"initJwk", func(call goja.FunctionCall) goja.Value {
			k := native[keyHandle](c, call.This)
			jwk := call.Argument(0).ToObject(l.vm)
			if jwk.Get("kty").String() != "oct" {
				panic(l.newError("Error", "nodelib: asymmetric keys are not implemented", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
			}
			k.secret = encodeString(jwk.Get("k"), encBase64URL)
			return l.vm.ToValue(keyTypeSecret)
		},
		"equals", func(call goja.FunctionCall) goja.Value {
			a := native[keyHandle](c, call.This)
			b := native[keyHandle](c, call.Argument(0))
			if a.pub != nil || b.pub != nil {
				return l.vm.ToValue(a.pub != nil && b.pub != nil && equalAsymmetric(a, b))
			}
			return l.vm.ToValue(len(a.secret) == len(b.secret) && subtle.ConstantTimeCompare(a.secret, b.secret) == 1)
		},
	)
	return cls
}

// createNativeKeyObjectClass(callback) hands node's JS the NativeKeyObject base class, whose
// constructor takes a KeyObjectHandle, and returns what the callback returns (the KeyObject
// classes).
func (c *cryptoBinding) createNativeKeyObjectClass(call goja.FunctionCall) goja.Value {
	l := c.l
	cb, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(l.newError("TypeError", "callback must be a function", "ERR_INVALID_ARG_TYPE"))
	}
	v, err := l.vm.RunString(`(function (bind) {
  return class NativeKeyObject {
    constructor(handle) {
      bind(this, handle);
    }
  };
})`)
	if err != nil {
		panic(err)
	}
	mk, _ := goja.AssertFunction(v)
	// A KeyObject shares its handle's key, so jobs given the KeyObject itself (HKDF) find it.
	cls, err := mk(goja.Undefined(), l.vm.ToValue(func(this *goja.Object, h goja.Value) {
		k, ok := c.keyOf(h)
		if !ok {
			panic(l.newError("TypeError", "Invalid key object handle", "ERR_INVALID_ARG_TYPE"))
		}
		c.attach(this, k)
	}))
	if err != nil {
		panic(err)
	}
	res, err := cb(goja.Undefined(), cls)
	if err != nil {
		panic(err)
	}
	return res
}

// jobSpec is a parsed CryptoJob: what to run and how to turn its result into JS.
type jobSpec struct {
	run    func() (any, error)
	result func(any) goja.Value
	// errorOf turns a run error into the JS error node reports.
	errorOf func(error) goja.Value
}

// jobResult carries a job's outcome from the worker to the loop.
type jobResult struct {
	val any
	err error
}

// defineJob adds a CryptoJob class: parse reads the constructor arguments after the mode
// (throwing as node's AdditionalConfig does) and returns the job.
func (c *cryptoBinding) defineJob(b *goja.Object, name, asyncType string, parse func(args []goja.Value) jobSpec) {
	l := c.l
	type job struct {
		mode int64
		spec jobSpec
		ran  bool
	}
	finish := func(spec jobSpec, r jobResult) (goja.Value, goja.Value) {
		if r.err != nil {
			if spec.errorOf != nil {
				return spec.errorOf(r.err), goja.Undefined()
			}
			return l.newError("Error", r.err.Error(), ""), goja.Undefined()
		}
		return goja.Undefined(), spec.result(r.val)
	}
	_ = b.Set(name, c.class(name, func(call goja.ConstructorCall) *goja.Object {
		j := &job{mode: call.Argument(0).ToInteger()}
		var args []goja.Value
		if len(call.Arguments) > 1 {
			args = call.Arguments[1:]
		}
		j.spec = parse(args)
		c.attach(call.This, j)
		return nil
	},
		"run", func(call goja.FunctionCall) goja.Value {
			j := native[job](c, call.This)
			if j.ran {
				panic(l.newError("Error", "nodelib: crypto job already ran", ""))
			}
			j.ran = true
			spec := j.spec
			if j.mode == cryptoJobSync {
				v, err := spec.run()
				e, res := finish(spec, jobResult{v, err})
				return l.vm.NewArray(e, res)
			}
			host := l.opts.Host
			if host == nil {
				panic(l.newError("Error", "nodelib: asynchronous crypto jobs need a host worker pool", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
			}
			this := call.This.(*goja.Object)
			host.QueueWork(Work{
				Type: asyncType,
				Kind: pool.KindCPU,
				Run: func() any {
					v, err := spec.run()
					return jobResult{v, err}
				},
				Done: func(result any) (goja.Value, goja.Value, []goja.Value) {
					r, ok := result.(jobResult)
					if !ok {
						err, _ := result.(error)
						if err == nil {
							err = fmt.Errorf("running %s: unexpected result %T", asyncType, result)
						}
						r = jobResult{err: err}
					}
					e, res := finish(spec, r)
					return this.Get("ondone"), this, []goja.Value{e, res}
				},
			})
			return goja.Undefined()
		},
	))
}

func (c *cryptoBinding) arrayBuffer(v any) goja.Value {
	return c.l.vm.ToValue(c.l.vm.NewArrayBuffer(v.([]byte)))
}

// digestArg resolves a digest name argument of a job, throwing node's invalid digest error.
func (c *cryptoBinding) digestArg(v goja.Value) *digestAlg {
	name := v.String()
	alg := lookupDigest(name)
	if alg == nil || alg.xof {
		panic(c.l.newError("TypeError", "Invalid digest: "+name, "ERR_CRYPTO_INVALID_DIGEST"))
	}
	return alg
}

// errScryptParams is OpenSSL's rejection of N, r and p themselves.
var errScryptParams = errors.New("invalid scrypt params")

// checkScrypt is OpenSSL's EVP_PBE_scrypt parameter and memory check (crypto/evp/pbe_scrypt.c):
// "" when fine, else the OpenSSL reason or errScryptParams.
func checkScrypt(n, r, p, maxmem uint64) error {
	const prMax = 1<<30 - 1
	if r == 0 || p == 0 || n < 2 || n&(n-1) != 0 {
		return errScryptParams
	}
	errMem := errors.New("memory limit exceeded")
	if p > prMax/r {
		return errMem
	}
	if 16*r <= 63 && n >= 1<<(16*r) {
		return errMem
	}
	blen := p * 128 * r
	if blen > math.MaxInt32 {
		return errMem
	}
	if n+2 > (math.MaxUint64/128)/r {
		return errMem
	}
	vlen := 32 * r * (n + 2) * 4
	if blen > math.MaxUint64-vlen {
		return errMem
	}
	if maxmem == 0 {
		maxmem = 32 << 20
	}
	if blen+vlen > maxmem {
		return errMem
	}
	return nil
}

func (c *cryptoBinding) defineJobs(b *goja.Object) {
	l := c.l
	// PBKDF2Job(mode, password, salt, iterations, keylen, digest)
	c.defineJob(b, "PBKDF2Job", "PBKDF2REQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 5)
		password := c.inputBytes(a[0], goja.Undefined())
		salt := c.inputBytes(a[1], goja.Undefined())
		iter := int(a[2].ToInteger())
		keylen := int(a[3].ToInteger())
		alg := c.digestArg(a[4])
		return jobSpec{
			run: func() (any, error) {
				if keylen == 0 {
					return []byte{}, nil
				}
				return pbkdf2.Key(alg.newHash, string(password), salt, iter, keylen)
			},
			result: c.arrayBuffer,
		}
	})
	// ScryptJob(mode, password, salt, N, r, p, maxmem, keylen)
	c.defineJob(b, "ScryptJob", "SCRYPTREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 7)
		password := c.inputBytes(a[0], goja.Undefined())
		salt := c.inputBytes(a[1], goja.Undefined())
		n, r, p := uint64(a[2].ToInteger()), uint64(a[3].ToInteger()), uint64(a[4].ToInteger())
		maxmem := uint64(a[5].ToFloat())
		keylen := int(a[6].ToInteger())
		if err := checkScrypt(n, r, p, maxmem); err != nil {
			msg := "Invalid scrypt params"
			if !errors.Is(err, errScryptParams) {
				msg += ": error:030000AC:digital envelope routines::" + err.Error()
			}
			panic(l.newError("RangeError", msg, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS"))
		}
		return jobSpec{
			run: func() (any, error) {
				if keylen == 0 {
					return []byte{}, nil
				}
				return scrypt.Key(password, salt, int(n), int(r), int(p), keylen)
			},
			result: c.arrayBuffer,
		}
	})
	// HKDFJob(mode, hash, key, salt, info, length)
	c.defineJob(b, "HKDFJob", "DERIVEBITSREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 5)
		alg := c.digestArg(a[0])
		key := c.inputBytes(a[1], goja.Undefined())
		salt := c.inputBytes(a[2], goja.Undefined())
		info := c.inputBytes(a[3], goja.Undefined())
		length := int(a[4].ToInteger())
		return jobSpec{
			run: func() (any, error) {
				if length == 0 {
					return []byte{}, nil
				}
				return hkdf.Key(alg.newHash, key, salt, string(info), length)
			},
			result: c.arrayBuffer,
		}
	})
	// HashJob(mode, algorithm, data[, outputLength])
	c.defineJob(b, "HashJob", "HASHREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 3)
		name := a[0].String()
		alg := lookupDigest(name)
		if alg == nil {
			panic(l.newError("TypeError", "Invalid digest: "+name, "ERR_CRYPTO_INVALID_DIGEST"))
		}
		data := c.inputBytes(a[1], goja.Undefined())
		outLen := alg.size
		if !goja.IsUndefined(a[2]) {
			outLen = int(a[2].ToInteger())
		}
		return jobSpec{
			run: func() (any, error) {
				d := newDigestState(alg, outLen)
				d.write(data)
				return d.sum(), nil
			},
			result: c.arrayBuffer,
		}
	})
	// RandomBytesJob(mode, buffer, offset, size): fills buffer[offset:offset+size]. The bytes
	// are drawn on the worker and copied into the buffer on the loop, so JS memory is only
	// touched by the loop goroutine.
	c.defineJob(b, "RandomBytesJob", "RANDOMBYTESREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 3)
		buf := l.mustBytes(a[0], "buffer")
		off, size := int(a[1].ToInteger()), int(a[2].ToInteger())
		if off < 0 || size < 0 || off+size > len(buf) {
			panic(l.newError("RangeError", "The value of \"size\" is out of range.", "ERR_OUT_OF_RANGE"))
		}
		dst := buf[off : off+size]
		return jobSpec{
			run: func() (any, error) {
				out := make([]byte, size)
				_, err := rand.Read(out)
				return out, err
			},
			result: func(v any) goja.Value {
				copy(dst, v.([]byte))
				return goja.Undefined()
			},
		}
	})
	// SecretKeyGenJob(mode, lengthBits): a random secret key (generateKey 'hmac' and 'aes').
	c.defineJob(b, "SecretKeyGenJob", "KEYGENREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 1)
		n := int(a[0].ToInteger() / 8)
		return jobSpec{
			run: func() (any, error) {
				key := make([]byte, n)
				_, err := rand.Read(key)
				return key, err
			},
			result: func(v any) goja.Value { return c.newSecretKeyHandle(v.([]byte)) },
		}
	})
	// RandomPrimeJob(mode, bits, safe, add, rem): the prime as big-endian bytes.
	c.defineJob(b, "RandomPrimeJob", "RANDOMPRIMEREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 4)
		bits := int(a[0].ToInteger())
		safe := a[1].ToBoolean()
		var add, rem *big.Int
		if !goja.IsUndefined(a[2]) {
			add = new(big.Int).SetBytes(c.inputBytes(a[2], goja.Undefined()))
			if add.BitLen() > bits {
				panic(l.newError("RangeError", "invalid options.add", "ERR_OUT_OF_RANGE"))
			}
		}
		if !goja.IsUndefined(a[3]) {
			rem = new(big.Int).SetBytes(c.inputBytes(a[3], goja.Undefined()))
			if add != nil && add.Cmp(rem) <= 0 {
				panic(l.newError("RangeError", "invalid options.rem", "ERR_OUT_OF_RANGE"))
			}
		}
		return jobSpec{
			run: func() (any, error) {
				p, err := randomPrime(bits, safe, add, rem)
				if err != nil {
					return nil, err
				}
				return p.Bytes(), nil
			},
			result: c.arrayBuffer,
		}
	})
	// CheckPrimeJob(mode, candidate (big-endian bytes), checks)
	c.defineJob(b, "CheckPrimeJob", "CHECKPRIMEREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 2)
		cand := new(big.Int).SetBytes(c.inputBytes(a[0], goja.Undefined()))
		checks := int(a[1].ToInteger())
		if checks <= 0 {
			checks = 20 // OpenSSL's default for candidates of this size
		}
		return jobSpec{
			run:    func() (any, error) { return cand.ProbablyPrime(checks), nil },
			result: func(v any) goja.Value { return l.vm.ToValue(v.(bool)) },
		}
	})
}

// newSecretKeyHandle makes a KeyObjectHandle holding key, as a key generation job returns.
func (c *cryptoBinding) newSecretKeyHandle(key []byte) goja.Value {
	o, err := c.l.vm.New(c.keyHandle)
	if err != nil {
		panic(err)
	}
	native[keyHandle](c, o).secret = key
	return o
}

// randomPrime is BN_generate_prime_ex2: a prime of exactly bits bits with the top two bits
// set; with add, p = rem (mod add) (rem defaults to 1, or 3 for a safe prime); with safe,
// (p-1)/2 is prime too.
func randomPrime(bits int, safe bool, add, rem *big.Int) (*big.Int, error) {
	if bits < 2 || safe && bits < 3 {
		return nil, errBitsTooSmall
	}
	if add != nil && rem == nil {
		rem = big.NewInt(1)
		if safe {
			rem = big.NewInt(3)
		}
	}
	one := big.NewInt(1)
	buf := make([]byte, (bits+7)/8)
	for {
		if _, err := rand.Read(buf); err != nil {
			return nil, err
		}
		p := new(big.Int).SetBytes(buf)
		p.Rsh(p, uint(len(buf)*8-bits))
		p.SetBit(p, bits-1, 1)
		if bits > 1 {
			p.SetBit(p, bits-2, 1)
		}
		if add != nil {
			m := new(big.Int).Mod(p, add)
			p.Sub(p, m).Add(p, rem)
			if p.BitLen() != bits {
				continue
			}
		} else {
			p.SetBit(p, 0, 1)
		}
		if !p.ProbablyPrime(20) {
			continue
		}
		if safe && !new(big.Int).Rsh(new(big.Int).Sub(p, one), 1).ProbablyPrime(20) {
			continue
		}
		return p, nil
	}
}

// errBitsTooSmall is OpenSSL's BN_R_BITS_TOO_SMALL, as node reports it.
var errBitsTooSmall = errors.New("error:01800076:bignum routines::bits too small")

func padArgs(a []goja.Value, n int) []goja.Value {
	for len(a) < n {
		a = append(a, goja.Undefined())
	}
	return a
}
