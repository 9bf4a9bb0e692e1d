package nodelib

import (
	"crypto/ecdh"
	"crypto/elliptic"
	"crypto/rand"
	"math/big"

	"github.com/dop251/goja"
)

// ECDH and ECDHConvertKey of internalBinding('crypto') (node/src/crypto/crypto_ec.cc) over
// crypto/ecdh, for the NIST curves Go implements; points come and go uncompressed,
// compressed or hybrid.
//
// Absent: DiffieHellman and DiffieHellmanGroup (finite-field DH), statelessDH
// (crypto.diffieHellman), the other named curves (brainpool, secp256k1, ...).

const (
	pointCompressed   = 2
	pointUncompressed = 4
	pointHybrid       = 6
)

type ecdhCurve struct {
	ecdh  ecdh.Curve
	curve elliptic.Curve
}

// ecdhCurves are the names createECDH takes, OpenSSL's (and NIST's) for each curve.
var ecdhCurves = map[string]ecdhCurve{
	"prime256v1": {ecdh.P256(), elliptic.P256()}, "P-256": {ecdh.P256(), elliptic.P256()},
	"secp384r1": {ecdh.P384(), elliptic.P384()}, "P-384": {ecdh.P384(), elliptic.P384()},
	"secp521r1": {ecdh.P521(), elliptic.P521()}, "P-521": {ecdh.P521(), elliptic.P521()},
}

// curveList is getCurves(): the curves nodelib implements, in node's order.
var curveList = []string{"prime256v1", "secp384r1", "secp521r1"}

// encodePoint re-encodes an uncompressed point (04 x y) in format.
func encodePoint(c elliptic.Curve, uncompressed []byte, format int) []byte {
	n := (c.Params().BitSize + 7) / 8
	x, y := uncompressed[1:1+n], uncompressed[1+n:]
	odd := y[len(y)-1]&1 == 1
	switch format {
	case pointCompressed:
		return append([]byte{2 | boolByte(odd)}, x...)
	case pointHybrid:
		return append([]byte{6 | boolByte(odd)}, append(append([]byte(nil), x...), y...)...)
	}
	return append([]byte(nil), uncompressed...)
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// decodePoint accepts a point in any of the three encodings and returns it uncompressed.
func decodePoint(c elliptic.Curve, p []byte) ([]byte, bool) {
	n := (c.Params().BitSize + 7) / 8
	if len(p) == 0 {
		return nil, false
	}
	switch p[0] {
	case 2, 3:
		x, y := elliptic.UnmarshalCompressed(c, p) //nolint:staticcheck // point decompression
		if x == nil {
			return nil, false
		}
		return elliptic.Marshal(c, x, y), true //nolint:staticcheck // the uncompressed encoding
	case 4:
		return p, len(p) == 1+2*n
	case 6, 7:
		if len(p) != 1+2*n || p[len(p)-1]&1 != p[0]&1 {
			return nil, false
		}
		return append([]byte{4}, p[1:]...), true
	}
	return nil, false
}

type ecdhState struct {
	curve ecdhCurve
	priv  *ecdh.PrivateKey
	pub   []byte // uncompressed
}

func (c *cryptoBinding) ecdhClass() *goja.Object {
	l := c.l
	invalidCurve := func() { panic(l.newError("TypeError", "Invalid EC curve name", "ERR_CRYPTO_INVALID_CURVE")) }
	return c.class("ECDH", func(call goja.ConstructorCall) *goja.Object {
		curve, ok := ecdhCurves[call.Argument(0).String()]
		if !ok {
			invalidCurve()
		}
		c.attach(call.This, &ecdhState{curve: curve})
		return nil
	},
		"generateKeys", func(call goja.FunctionCall) goja.Value {
			st := native[ecdhState](c, call.This)
			k, err := st.curve.ecdh.GenerateKey(rand.Reader)
			if err != nil {
				panic(l.newError("Error", "Failed to generate key", "ERR_CRYPTO_OPERATION_FAILED"))
			}
			st.priv, st.pub = k, k.PublicKey().Bytes()
			return goja.Undefined()
		},
		"getPublicKey", func(call goja.FunctionCall) goja.Value {
			st := native[ecdhState](c, call.This)
			if st.pub == nil {
				panic(l.newError("Error", "Failed to get ECDH public key", "ERR_CRYPTO_OPERATION_FAILED"))
			}
			return l.newBuffer(encodePoint(st.curve.curve, st.pub, int(call.Argument(0).ToInteger())))
		},
		"getPrivateKey", func(call goja.FunctionCall) goja.Value {
			st := native[ecdhState](c, call.This)
			if st.priv == nil {
				panic(l.newError("Error", "Failed to get ECDH private key", "ERR_CRYPTO_OPERATION_FAILED"))
			}
			// OpenSSL's BN_bn2bin: the scalar without leading zero bytes.
			return l.newBuffer(new(big.Int).SetBytes(st.priv.Bytes()).Bytes())
		},
		"setPrivateKey", func(call goja.FunctionCall) goja.Value {
			st := native[ecdhState](c, call.This)
			b := c.inputBytes(call.Argument(0), goja.Undefined())
			n := (st.curve.curve.Params().BitSize + 7) / 8
			d := new(big.Int).SetBytes(b)
			var k *ecdh.PrivateKey
			var err error
			if d.BitLen() <= 8*n {
				k, err = st.curve.ecdh.NewPrivateKey(d.FillBytes(make([]byte, n)))
			}
			if k == nil || err != nil {
				panic(l.newError("RangeError", "Private key is not valid for specified curve.", "ERR_CRYPTO_INVALID_KEYTYPE"))
			}
			st.priv, st.pub = k, k.PublicKey().Bytes()
			return goja.Undefined()
		},
		"setPublicKey", func(call goja.FunctionCall) goja.Value {
			st := native[ecdhState](c, call.This)
			p, ok := decodePoint(st.curve.curve, c.inputBytes(call.Argument(0), goja.Undefined()))
			if ok {
				_, err := st.curve.ecdh.NewPublicKey(p)
				ok = err == nil
			}
			if !ok {
				panic(l.newError("Error", "Failed to convert Buffer to EC_POINT", "ERR_CRYPTO_OPERATION_FAILED"))
			}
			st.pub = p
			return goja.Undefined()
		},
		// computeSecret returns node's error code as a string for a bad public key.
		"computeSecret", func(call goja.FunctionCall) goja.Value {
			st := native[ecdhState](c, call.This)
			p, ok := decodePoint(st.curve.curve, c.inputBytes(call.Argument(0), goja.Undefined()))
			var pub *ecdh.PublicKey
			if ok {
				var err error
				pub, err = st.curve.ecdh.NewPublicKey(p)
				ok = err == nil
			}
			if !ok || st.priv == nil {
				return l.vm.ToValue("ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY")
			}
			secret, err := st.priv.ECDH(pub)
			if err != nil {
				return l.vm.ToValue("ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY")
			}
			return l.newBuffer(secret)
		},
	)
}

// ecdhConvertKey(key, curve, format) re-encodes a public point.
func (c *cryptoBinding) ecdhConvertKey(call goja.FunctionCall) goja.Value {
	l := c.l
	curve, ok := ecdhCurves[call.Argument(1).String()]
	if !ok {
		panic(l.newError("TypeError", "Invalid EC curve name", "ERR_CRYPTO_INVALID_CURVE"))
	}
	p, ok := decodePoint(curve.curve, c.inputBytes(call.Argument(0), goja.Undefined()))
	if ok {
		_, err := curve.ecdh.NewPublicKey(p)
		ok = err == nil
	}
	if !ok {
		panic(l.newError("Error", "Failed to convert Buffer to EC_POINT", "ERR_CRYPTO_OPERATION_FAILED"))
	}
	return l.newBuffer(encodePoint(curve.curve, p, int(call.Argument(2).ToInteger())))
}
