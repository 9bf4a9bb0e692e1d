package nodelib

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"math/big"
	"strings"

	"github.com/dop251/goja"
)

// CipherBase of internalBinding('crypto') (node/src/crypto/crypto_cipher.cc) for AES in the
// CBC, ECB, CTR, CFB, OFB and GCM modes, over crypto/aes. GCM output is streamed as OpenSSL
// streams it: update() returns the CTR-mode text at once (unauthenticated on decryption) and
// final() computes or checks the tag.
//
// Absent: every other cipher (CCM, OCB, XTS, CFB1/CFB8, key wrap, ChaCha20-Poly1305, DES,
// ...) and the password-based createCipher/createDecipher (init).

type cipherMode int

const (
	modeCBC cipherMode = iota
	modeECB
	modeCTR
	modeCFB
	modeOFB
	modeGCM
)

type cipherAlg struct {
	keyLen int
	mode   cipherMode
}

var cipherAlgs = map[string]cipherAlg{}

// cipherNames is the part of node v20's getCiphers() that nodelib implements, in its order.
var cipherNames []string

func init() {
	modes := []struct {
		name string
		mode cipherMode
	}{{"cbc", modeCBC}, {"cfb", modeCFB}, {"ctr", modeCTR}, {"ecb", modeECB}, {"gcm", modeGCM}, {"ofb", modeOFB}}
	for _, bitsz := range []string{"128", "192", "256"} {
		keyLen := map[string]int{"128": 16, "192": 24, "256": 32}[bitsz]
		for _, m := range modes {
			name := "aes-" + bitsz + "-" + m.name
			cipherAlgs[name] = cipherAlg{keyLen, m.mode}
			cipherNames = append(cipherNames, name)
		}
	}
	for _, bitsz := range []string{"128", "192", "256"} {
		keyLen := map[string]int{"128": 16, "192": 24, "256": 32}[bitsz]
		cipherAlgs["aes"+bitsz] = cipherAlg{keyLen, modeCBC}
		cipherNames = append(cipherNames, "aes"+bitsz)
	}
	for _, bitsz := range []string{"128", "192", "256"} {
		keyLen := map[string]int{"128": 16, "192": 24, "256": 32}[bitsz]
		cipherAlgs["id-aes"+bitsz+"-gcm"] = cipherAlg{keyLen, modeGCM}
		cipherNames = append(cipherNames, "id-aes"+bitsz+"-GCM")
	}
}

type cipherState struct {
	decrypt  bool
	mode     cipherMode
	block    cipher.Block
	cbc      cipher.BlockMode // CBC and ECB
	stream   cipher.Stream    // CTR, CFB, OFB, and GCM's text
	padding  bool
	buf      []byte // CBC/ECB bytes not yet a whole block (decryption keeps the last block)
	finished bool

	// GCM
	iv       []byte
	aad      []byte
	text     []byte // plaintext so far, for the tag
	tagLen   int
	tag      []byte // the computed tag (cipher) or the expected one (decipher)
	sawInput bool
}

// ecb is the electronic codebook mode, which crypto/cipher leaves out on purpose.
type ecb struct {
	b       cipher.Block
	decrypt bool
}

func (e ecb) BlockSize() int { return e.b.BlockSize() }
func (e ecb) CryptBlocks(dst, src []byte) {
	for n := e.b.BlockSize(); len(src) > 0; src, dst = src[n:], dst[n:] {
		if e.decrypt {
			e.b.Decrypt(dst[:n], src[:n])
		} else {
			e.b.Encrypt(dst[:n], src[:n])
		}
	}
}

// gcmCounter is GCM's first counter block for the text (inc32(J0), NIST SP 800-38D 7.1).
func gcmCounter(b cipher.Block, iv []byte) []byte {
	j0 := make([]byte, 16)
	if len(iv) == 12 {
		copy(j0, iv)
		j0[15] = 1
	} else {
		var h [16]byte
		b.Encrypt(h[:], h[:])
		data := append([]byte(nil), iv...)
		if r := len(data) % 16; r != 0 {
			data = append(data, make([]byte, 16-r)...)
		}
		data = append(data, make([]byte, 8)...)
		data = binary.BigEndian.AppendUint64(data, uint64(len(iv))*8)
		j0 = ghash(h[:], data)
	}
	binary.BigEndian.PutUint32(j0[12:], binary.BigEndian.Uint32(j0[12:])+1)
	return j0
}

// ghash is GHASH_H over whole blocks.
func ghash(h, data []byte) []byte {
	var y [16]byte
	for ; len(data) >= 16; data = data[16:] {
		subtle.XORBytes(y[:], y[:], data[:16])
		y = gfMul(y, h)
	}
	return y[:]
}

// gfMul multiplies in GF(2^128) with GCM's bit order (SP 800-38D algorithm 1).
func gfMul(x [16]byte, y []byte) [16]byte {
	var z, v [16]byte
	copy(v[:], y)
	for i := range 128 {
		if x[i/8]>>(7-i%8)&1 == 1 {
			subtle.XORBytes(z[:], z[:], v[:])
		}
		lsb := v[15] & 1
		for j := 15; j > 0; j-- {
			v[j] = v[j]>>1 | v[j-1]<<7
		}
		v[0] >>= 1
		if lsb == 1 {
			v[0] ^= 0xe1
		}
	}
	return z
}

// cipherNIDs are OpenSSL's NIDs of the AES ciphers, by canonical name.
var cipherNIDs = map[string]int{
	"aes-128-ecb": 418, "aes-128-cbc": 419, "aes-128-ofb": 420, "aes-128-cfb": 421,
	"aes-192-ecb": 422, "aes-192-cbc": 423, "aes-192-ofb": 424, "aes-192-cfb": 425,
	"aes-256-ecb": 426, "aes-256-cbc": 427, "aes-256-ofb": 428, "aes-256-cfb": 429,
	"aes-128-ctr": 904, "aes-192-ctr": 905, "aes-256-ctr": 906,
	"id-aes128-GCM": 895, "id-aes192-GCM": 898, "id-aes256-GCM": 901,
}

var cipherModeNames = map[cipherMode]string{modeCBC: "cbc", modeECB: "ecb", modeCTR: "ctr", modeCFB: "cfb", modeOFB: "ofb", modeGCM: "gcm"}

// canonicalCipher returns OpenSSL's name for a cipher alias ("aes256" is aes-256-cbc,
// aes-128-gcm is id-aes128-GCM).
func canonicalCipher(name string) string {
	alg := cipherAlgs[name]
	bits := itoa(int64(alg.keyLen * 8))
	if alg.mode == modeGCM {
		return "id-aes" + bits + "-GCM"
	}
	return "aes-" + bits + "-" + cipherModeNames[alg.mode]
}

// getCipherInfo(target, nameOrNid, keyLength, ivLength): undefined for an unknown cipher or
// lengths it cannot take.
func (c *cryptoBinding) getCipherInfo(call goja.FunctionCall) goja.Value {
	vm := c.l.vm
	var name string
	if nid, ok := call.Argument(1).Export().(int64); ok {
		for n, id := range cipherNIDs {
			if int64(id) == nid {
				name = n
			}
		}
	} else if _, ok := cipherAlgs[strings.ToLower(call.Argument(1).String())]; ok {
		name = canonicalCipher(strings.ToLower(call.Argument(1).String()))
	}
	if name == "" {
		return goja.Undefined()
	}
	alg := cipherAlgs[strings.ToLower(name)]
	ivLen := aes.BlockSize
	switch alg.mode {
	case modeECB:
		ivLen = 0
	case modeGCM:
		ivLen = 12
	}
	if k := call.Argument(2); !goja.IsUndefined(k) && int(k.ToInteger()) != alg.keyLen {
		return goja.Undefined()
	}
	if v := call.Argument(3); !goja.IsUndefined(v) {
		n := int(v.ToInteger())
		if alg.mode == modeGCM && n <= 0 || alg.mode != modeGCM && n != ivLen {
			return goja.Undefined()
		}
		ivLen = n
	}
	blockSize := 1
	if alg.mode == modeCBC || alg.mode == modeECB {
		blockSize = aes.BlockSize
	}
	o := call.Argument(0).ToObject(vm)
	_ = o.Set("mode", cipherModeNames[alg.mode])
	_ = o.Set("name", name)
	_ = o.Set("nid", cipherNIDs[name])
	_ = o.Set("blockSize", blockSize)
	if ivLen != 0 {
		_ = o.Set("ivLength", ivLen)
	}
	_ = o.Set("keyLength", alg.keyLen)
	return o
}

func validGCMTagLen(n int) bool { return n == 4 || n == 8 || n >= 12 && n <= 16 }

func (c *cryptoBinding) cipherBaseClass() *goja.Object {
	l := c.l
	vm := l.vm
	invalidState := func() *goja.Object { return l.newError("Error", "Invalid state", "ERR_CRYPTO_INVALID_STATE") }
	return c.class("CipherBase", func(call goja.ConstructorCall) *goja.Object {
		// new CipherBase(isCipher): true for a Cipher, false for a Decipher (kCipher/kDecipher).
		c.attach(call.This, &cipherState{decrypt: !call.Argument(0).ToBoolean(), padding: true})
		return nil
	},
		// initiv(cipher, key, iv, authTagLength)
		"initiv", func(call goja.FunctionCall) goja.Value {
			st := native[cipherState](c, call.This)
			alg, ok := cipherAlgs[strings.ToLower(call.Argument(0).String())]
			if !ok {
				panic(l.newError("Error", "Unknown cipher", "ERR_CRYPTO_UNKNOWN_CIPHER"))
			}
			var key []byte
			if k, ok := c.keyOf(call.Argument(1)); ok {
				key = k.secret
			} else {
				key = l.mustBytes(call.Argument(1), "key")
			}
			if len(key) != alg.keyLen {
				panic(l.newError("RangeError", "Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN"))
			}
			var iv []byte
			if a := call.Argument(2); !goja.IsNull(a) && !goja.IsUndefined(a) {
				iv = append([]byte(nil), l.mustBytes(a, "iv")...)
			}
			ivOK := len(iv) == aes.BlockSize
			switch alg.mode {
			case modeECB:
				ivOK = len(iv) == 0
			case modeGCM:
				ivOK = len(iv) > 0
			}
			if !ivOK {
				panic(l.newError("TypeError", "Invalid initialization vector", "ERR_CRYPTO_INVALID_IV"))
			}
			st.tagLen = 16
			if t := call.Argument(3); !goja.IsUndefined(t) && t.ToInteger() != -1 {
				n := int(t.ToInteger())
				if alg.mode == modeGCM && !validGCMTagLen(n) {
					panic(l.newError("TypeError", "Invalid authentication tag length: "+itoa(int64(n)), "ERR_CRYPTO_INVALID_AUTH_TAG"))
				}
				st.tagLen = n
			}
			b, err := aes.NewCipher(key)
			if err != nil {
				panic(l.newError("RangeError", "Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN"))
			}
			st.block, st.mode = b, alg.mode
			switch alg.mode {
			case modeCBC:
				if st.decrypt {
					st.cbc = cipher.NewCBCDecrypter(b, iv)
				} else {
					st.cbc = cipher.NewCBCEncrypter(b, iv)
				}
			case modeECB:
				st.cbc = ecb{b, st.decrypt}
			case modeCTR:
				st.stream = cipher.NewCTR(b, iv)
			case modeCFB:
				if st.decrypt {
					st.stream = cipher.NewCFBDecrypter(b, iv) //nolint:staticcheck // node offers CFB
				} else {
					st.stream = cipher.NewCFBEncrypter(b, iv) //nolint:staticcheck // node offers CFB
				}
			case modeOFB:
				st.stream = cipher.NewOFB(b, iv) //nolint:staticcheck // node offers OFB
			case modeGCM:
				st.iv = iv
				// crypto/cipher's CTR increments the whole block, GCM only its last 32 bits;
				// they agree until 2^32 blocks (64 GiB), beyond what one GCM message may hold.
				st.stream = cipher.NewCTR(b, gcmCounter(b, iv))
			}
			return goja.Undefined()
		},
		"update", func(call goja.FunctionCall) goja.Value {
			st := native[cipherState](c, call.This)
			if st.block == nil || st.finished {
				panic(l.newError("Error", "Trying to add data in unsupported state", ""))
			}
			in := c.inputBytes(call.Argument(0), call.Argument(1))
			st.sawInput = true
			switch st.mode {
			case modeCBC, modeECB:
				st.buf = append(st.buf, in...)
				n := len(st.buf) / aes.BlockSize * aes.BlockSize
				if st.decrypt && st.padding && n == len(st.buf) && n > 0 {
					n -= aes.BlockSize // the last block may hold the padding
				}
				out := make([]byte, n)
				st.cbc.CryptBlocks(out, st.buf[:n])
				st.buf = append([]byte(nil), st.buf[n:]...)
				return l.newBuffer(out)
			}
			out := make([]byte, len(in))
			st.stream.XORKeyStream(out, in)
			if st.mode == modeGCM {
				if st.decrypt {
					st.text = append(st.text, out...)
				} else {
					st.text = append(st.text, in...)
				}
			}
			return l.newBuffer(out)
		},
		"final", func(call goja.FunctionCall) goja.Value {
			st := native[cipherState](c, call.This)
			if st.block == nil || st.finished {
				panic(invalidState())
			}
			st.finished = true
			switch st.mode {
			case modeCBC, modeECB:
				if !st.decrypt {
					if st.padding {
						p := aes.BlockSize - len(st.buf)%aes.BlockSize
						for range p {
							st.buf = append(st.buf, byte(p))
						}
					}
					if len(st.buf)%aes.BlockSize != 0 {
						panic(c.opensslError("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "Provider routines", "wrong final block length", "1C80006B"))
					}
					out := make([]byte, len(st.buf))
					st.cbc.CryptBlocks(out, st.buf)
					return l.newBuffer(out)
				}
				if len(st.buf)%aes.BlockSize != 0 || st.padding && len(st.buf) == 0 {
					panic(c.opensslError("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "Provider routines", "wrong final block length", "1C80006B"))
				}
				out := make([]byte, len(st.buf))
				st.cbc.CryptBlocks(out, st.buf)
				if st.padding {
					p := int(out[len(out)-1])
					bad := p == 0 || p > aes.BlockSize
					for i := 0; !bad && i < p; i++ {
						bad = out[len(out)-1-i] != byte(p)
					}
					if bad {
						panic(c.opensslError("ERR_OSSL_BAD_DECRYPT", "Provider routines", "bad decrypt", "1C800064"))
					}
					out = out[:len(out)-p]
				}
				return l.newBuffer(out)
			case modeGCM:
				aead, err := cipher.NewGCMWithNonceSize(st.block, len(st.iv))
				if err != nil {
					panic(l.newError("Error", "Unsupported state or unable to authenticate data", ""))
				}
				sealed := aead.Seal(nil, st.iv, st.text, st.aad)
				full := sealed[len(sealed)-aead.Overhead():]
				if !st.decrypt {
					st.tag = full[:st.tagLen]
					return l.newBuffer(nil)
				}
				if st.tag == nil || subtle.ConstantTimeCompare(full[:len(st.tag)], st.tag) != 1 {
					panic(l.newError("Error", "Unsupported state or unable to authenticate data", ""))
				}
			}
			return l.newBuffer(nil)
		},
		"setAutoPadding", func(call goja.FunctionCall) goja.Value {
			st := native[cipherState](c, call.This)
			if st.finished {
				return vm.ToValue(false)
			}
			st.padding = call.Argument(0).ToBoolean()
			return vm.ToValue(true)
		},
		"getAuthTag", func(call goja.FunctionCall) goja.Value {
			st := native[cipherState](c, call.This)
			if st.mode != modeGCM || st.decrypt || !st.finished || st.tag == nil {
				return goja.Undefined()
			}
			return l.newBuffer(append([]byte(nil), st.tag...))
		},
		"setAuthTag", func(call goja.FunctionCall) goja.Value {
			st := native[cipherState](c, call.This)
			if st.mode != modeGCM || !st.decrypt || st.finished || st.tag != nil {
				return vm.ToValue(false)
			}
			tag := l.mustBytes(call.Argument(0), "buffer")
			if !validGCMTagLen(len(tag)) || st.tagLen != 16 && len(tag) != st.tagLen {
				panic(l.newError("TypeError", "Invalid authentication tag length: "+itoa(int64(len(tag))), "ERR_CRYPTO_INVALID_AUTH_TAG"))
			}
			st.tag = append([]byte(nil), tag...)
			return vm.ToValue(true)
		},
		"setAAD", func(call goja.FunctionCall) goja.Value {
			st := native[cipherState](c, call.This)
			if st.mode != modeGCM || st.finished || st.sawInput {
				return vm.ToValue(false)
			}
			st.aad = append(st.aad, l.mustBytes(call.Argument(0), "aadbuf")...)
			return vm.ToValue(true)
		},
	)
}

// WebCrypto's AES-CTR, AES-CBC, AES-GCM and AES-KW (AESCipherJob) and HMAC (HmacJob), as
// node's crypto_aes.cc and crypto_hmac.cc run them for crypto.subtle.

const (
	webCryptoEncrypt = 0
	webCryptoDecrypt = 1
)

// aesVariant is one of node's kKeyVariantAES_* values: mode (CTR, CBC, GCM, KW) and key size.
func aesVariant(v int) (mode string, keyLen int) {
	modes := []string{"CTR", "CBC", "GCM", "KW"}
	if v < 0 || v >= 12 {
		return "", 0
	}
	// The variants run 128, 192, 256 bits for CTR, then for CBC, GCM and KW.
	return modes[v/3], []int{16, 24, 32}[v%3]
}

var errOperation = errors.New("nodelib: cipher operation failed")

// aesCTRWebCrypto is AES-CTR where only the low length bits of the counter block count and
// wrap around, as WebCrypto specifies.
func aesCTRWebCrypto(b cipher.Block, counter []byte, length int, in []byte) []byte {
	out := make([]byte, len(in))
	if length >= 128 {
		cipher.NewCTR(b, counter).XORKeyStream(out, in)
		return out
	}
	c := new(big.Int).SetBytes(counter)
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(length)), big.NewInt(1))
	low := new(big.Int).And(c, mask)
	left := new(big.Int).Sub(new(big.Int).Add(mask, big.NewInt(1)), low) // blocks before the wrap
	blocks := big.NewInt(int64((len(in) + aes.BlockSize - 1) / aes.BlockSize))
	if blocks.Cmp(left) <= 0 {
		cipher.NewCTR(b, counter).XORKeyStream(out, in)
		return out
	}
	n := int(left.Int64()) * aes.BlockSize
	cipher.NewCTR(b, counter).XORKeyStream(out[:n], in[:n])
	wrapped := new(big.Int).AndNot(c, mask).FillBytes(make([]byte, aes.BlockSize))
	cipher.NewCTR(b, wrapped).XORKeyStream(out[n:], in[n:])
	return out
}

// aesKeyWrap and aesKeyUnwrap are RFC 3394 with the default IV.
func aesKeyWrap(b cipher.Block, in []byte) ([]byte, error) {
	if len(in) < 16 || len(in)%8 != 0 {
		return nil, errOperation
	}
	n := len(in) / 8
	a := []byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}
	r := append([]byte(nil), in...)
	var blk [16]byte
	for j := 0; j < 6; j++ {
		for i := 0; i < n; i++ {
			copy(blk[:8], a)
			copy(blk[8:], r[8*i:8*i+8])
			b.Encrypt(blk[:], blk[:])
			t := uint64(n*j + i + 1)
			binary.BigEndian.PutUint64(a, binary.BigEndian.Uint64(blk[:8])^t)
			copy(r[8*i:], blk[8:])
		}
	}
	return append(a, r...), nil
}

func aesKeyUnwrap(b cipher.Block, in []byte) ([]byte, error) {
	if len(in) < 24 || len(in)%8 != 0 {
		return nil, errOperation
	}
	n := len(in)/8 - 1
	a := append([]byte(nil), in[:8]...)
	r := append([]byte(nil), in[8:]...)
	var blk [16]byte
	for j := 5; j >= 0; j-- {
		for i := n - 1; i >= 0; i-- {
			t := uint64(n*j + i + 1)
			binary.BigEndian.PutUint64(blk[:8], binary.BigEndian.Uint64(a)^t)
			copy(blk[8:], r[8*i:8*i+8])
			b.Decrypt(blk[:], blk[:])
			copy(a, blk[:8])
			copy(r[8*i:], blk[8:])
		}
	}
	if subtle.ConstantTimeCompare(a, []byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}) != 1 {
		return nil, errOperation
	}
	return r, nil
}

func (c *cryptoBinding) defineWebCryptoJobs(b *goja.Object) {
	l := c.l
	keyArg := func(v goja.Value) []byte {
		k, ok := c.keyOf(v)
		if !ok {
			panic(l.newError("TypeError", "Invalid key object handle", "ERR_INVALID_ARG_TYPE"))
		}
		return k.secret
	}
	// HmacJob(mode, signMode, hash, key, data[, signature])
	c.defineJob(b, "HmacJob", "SIGNREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 5)
		verify := a[0].ToInteger() == 1 // kSignJobModeVerify
		alg := c.digestArg(a[1])
		key := append([]byte(nil), keyArg(a[2])...)
		data := c.inputBytes(a[3], goja.Undefined())
		var sig []byte
		if verify {
			sig = c.inputBytes(a[4], goja.Undefined())
		}
		return jobSpec{
			run: func() (any, error) {
				m := hmac.New(alg.newHash, key)
				m.Write(data)
				sum := m.Sum(nil)
				if verify {
					return len(sig) == len(sum) && subtle.ConstantTimeCompare(sig, sum) == 1, nil
				}
				return sum, nil
			},
			result: func(v any) goja.Value {
				if ok, isBool := v.(bool); isBool {
					return l.vm.ToValue(ok)
				}
				return c.arrayBuffer(v)
			},
		}
	})
	// AESCipherJob(mode, cipherMode, key, data, variant, ...): CTR (counter, length),
	// CBC (iv), GCM (iv, tag or tag length, additionalData), KW.
	c.defineJob(b, "AESCipherJob", "CIPHERREQUEST", func(a []goja.Value) jobSpec {
		a = padArgs(a, 7)
		decrypt := a[0].ToInteger() == webCryptoDecrypt
		key := append([]byte(nil), keyArg(a[1])...)
		data := c.inputBytes(a[2], goja.Undefined())
		mode, keyLen := aesVariant(int(a[3].ToInteger()))
		if mode == "" || len(key) != keyLen {
			panic(l.newError("TypeError", "Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN"))
		}
		var iv, aad, tag []byte
		var ctrLen, tagLen int
		switch mode {
		case "CTR":
			iv = c.inputBytes(a[4], goja.Undefined())
			ctrLen = int(a[5].ToInteger())
		case "CBC":
			iv = c.inputBytes(a[4], goja.Undefined())
			if len(iv) != aes.BlockSize {
				panic(l.newError("TypeError", "Invalid initialization vector", "ERR_CRYPTO_INVALID_IV"))
			}
		case "GCM":
			iv = c.inputBytes(a[4], goja.Undefined())
			if len(iv) < 12 {
				// node's AESCipherConfig accepts no shorter GCM IV.
				panic(l.newError("TypeError", "Invalid initialization vector", "ERR_CRYPTO_INVALID_IV"))
			}
			if decrypt {
				tag = c.inputBytes(a[5], goja.Undefined())
				tagLen = len(tag)
			} else {
				tagLen = int(a[5].ToInteger())
			}
			if !goja.IsUndefined(a[6]) {
				aad = c.inputBytes(a[6], goja.Undefined())
			}
		}
		return jobSpec{
			run: func() (any, error) {
				blk, err := aes.NewCipher(key)
				if err != nil {
					return nil, err
				}
				switch mode {
				case "CTR":
					return aesCTRWebCrypto(blk, iv, ctrLen, data), nil
				case "CBC":
					if decrypt {
						if len(data) == 0 || len(data)%aes.BlockSize != 0 {
							return nil, errOperation
						}
						out := make([]byte, len(data))
						cipher.NewCBCDecrypter(blk, iv).CryptBlocks(out, data)
						p := int(out[len(out)-1])
						if p == 0 || p > aes.BlockSize {
							return nil, errOperation
						}
						for _, x := range out[len(out)-p:] {
							if int(x) != p {
								return nil, errOperation
							}
						}
						return out[:len(out)-p], nil
					}
					p := aes.BlockSize - len(data)%aes.BlockSize
					in := append(append([]byte(nil), data...), bytes.Repeat([]byte{byte(p)}, p)...)
					out := make([]byte, len(in))
					cipher.NewCBCEncrypter(blk, iv).CryptBlocks(out, in)
					return out, nil
				case "GCM":
					aead, err := cipher.NewGCMWithNonceSize(blk, len(iv))
					if err != nil {
						return nil, err
					}
					text := make([]byte, len(data))
					cipher.NewCTR(blk, gcmCounter(blk, iv)).XORKeyStream(text, data)
					if decrypt {
						sealed := aead.Seal(nil, iv, text, aad)
						full := sealed[len(sealed)-aead.Overhead():]
						if tagLen > len(full) || subtle.ConstantTimeCompare(full[:tagLen], tag) != 1 {
							return nil, errOperation
						}
						return text, nil
					}
					sealed := aead.Seal(nil, iv, data, aad)
					return append(sealed[:len(data)], sealed[len(data):len(data)+tagLen]...), nil
				default: // KW
					if decrypt {
						return aesKeyUnwrap(blk, data)
					}
					return aesKeyWrap(blk, data)
				}
			},
			result: c.arrayBuffer,
		}
	})
}
