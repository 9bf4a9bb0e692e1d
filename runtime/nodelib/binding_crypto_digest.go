package nodelib

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"errors"
	"hash"
	"reflect"
	"strings"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // node (OpenSSL) still offers RIPEMD-160
)

// The message digests of internalBinding('crypto'): what OpenSSL 3 gives node v20 through
// EVP_get_digestbyname / EVP_MD_fetch.

// digestAlg is one message digest.
type digestAlg struct {
	name string
	size int // output bytes; for an XOF, the default output length
	xof  bool
	// newHash makes the state of a fixed-length digest; newXOF that of an XOF.
	newHash func() hash.Hash
	newXOF  func() *sha3.SHAKE
}

var (
	algMD5       = &digestAlg{name: "md5", size: 16, newHash: md5.New}
	algSHA1      = &digestAlg{name: "sha1", size: 20, newHash: sha1.New}
	algSHA224    = &digestAlg{name: "sha224", size: 28, newHash: sha256.New224}
	algSHA256    = &digestAlg{name: "sha256", size: 32, newHash: sha256.New}
	algSHA384    = &digestAlg{name: "sha384", size: 48, newHash: sha512.New384}
	algSHA512    = &digestAlg{name: "sha512", size: 64, newHash: sha512.New}
	algSHA512224 = &digestAlg{name: "sha512-224", size: 28, newHash: sha512.New512_224}
	algSHA512256 = &digestAlg{name: "sha512-256", size: 32, newHash: sha512.New512_256}
	algSHA3224   = &digestAlg{name: "sha3-224", size: 28, newHash: func() hash.Hash { return sha3.New224() }}
	algSHA3256   = &digestAlg{name: "sha3-256", size: 32, newHash: func() hash.Hash { return sha3.New256() }}
	algSHA3384   = &digestAlg{name: "sha3-384", size: 48, newHash: func() hash.Hash { return sha3.New384() }}
	algSHA3512   = &digestAlg{name: "sha3-512", size: 64, newHash: func() hash.Hash { return sha3.New512() }}
	algSHAKE128  = &digestAlg{name: "shake128", size: 16, xof: true, newXOF: sha3.NewSHAKE128}
	algSHAKE256  = &digestAlg{name: "shake256", size: 32, xof: true, newXOF: sha3.NewSHAKE256}
	algRIPEMD160 = &digestAlg{name: "ripemd160", size: 20, newHash: ripemd160.New}
	algBLAKE2b   = &digestAlg{name: "blake2b512", size: 64, newHash: func() hash.Hash { h, _ := blake2b.New512(nil); return h }}
	algBLAKE2s   = &digestAlg{name: "blake2s256", size: 32, newHash: func() hash.Hash { h, _ := blake2s.New256(nil); return h }}
	algMD5SHA1   = &digestAlg{name: "md5-sha1", size: 36, newHash: newMD5SHA1}
	algSM3       = &digestAlg{name: "sm3", size: 32, newHash: newSM3}
)

// digestNames maps every name OpenSSL 3 resolves (case-insensitively) to its digest: the
// provider names, the legacy object names listed by getHashes(), and the OIDs.
var digestNames = map[string]*digestAlg{}

// hashNames is crypto.getHashes() of node v20 (OpenSSL 3.0).
var hashNames = []string{
	"RSA-MD5", "RSA-RIPEMD160", "RSA-SHA1", "RSA-SHA1-2", "RSA-SHA224", "RSA-SHA256",
	"RSA-SHA3-224", "RSA-SHA3-256", "RSA-SHA3-384", "RSA-SHA3-512", "RSA-SHA384", "RSA-SHA512",
	"RSA-SHA512/224", "RSA-SHA512/256", "RSA-SM3", "blake2b512", "blake2s256",
	"id-rsassa-pkcs1-v1_5-with-sha3-224", "id-rsassa-pkcs1-v1_5-with-sha3-256",
	"id-rsassa-pkcs1-v1_5-with-sha3-384", "id-rsassa-pkcs1-v1_5-with-sha3-512", "md5", "md5-sha1",
	"md5WithRSAEncryption", "ripemd", "ripemd160", "ripemd160WithRSA", "rmd160", "sha1",
	"sha1WithRSAEncryption", "sha224", "sha224WithRSAEncryption", "sha256",
	"sha256WithRSAEncryption", "sha3-224", "sha3-256", "sha3-384", "sha3-512", "sha384",
	"sha384WithRSAEncryption", "sha512", "sha512-224", "sha512-224WithRSAEncryption", "sha512-256",
	"sha512-256WithRSAEncryption", "sha512WithRSAEncryption", "shake128", "shake256", "sm3", "sm3WithRSAEncryption",
	"ssl3-md5", "ssl3-sha1",
}

func init() {
	for alg, names := range map[*digestAlg]string{
		algMD5:       "md5 ssl3-md5 rsa-md5 md5withrsaencryption 1.2.840.113549.2.5",
		algSHA1:      "sha1 sha-1 ssl3-sha1 rsa-sha1 rsa-sha1-2 sha1withrsaencryption 1.3.14.3.2.26",
		algSHA224:    "sha224 sha-224 sha2-224 rsa-sha224 sha224withrsaencryption 2.16.840.1.101.3.4.2.4",
		algSHA256:    "sha256 sha-256 sha2-256 rsa-sha256 sha256withrsaencryption 2.16.840.1.101.3.4.2.1",
		algSHA384:    "sha384 sha-384 sha2-384 rsa-sha384 sha384withrsaencryption 2.16.840.1.101.3.4.2.2",
		algSHA512:    "sha512 sha-512 sha2-512 rsa-sha512 sha512withrsaencryption 2.16.840.1.101.3.4.2.3",
		algSHA512224: "sha512-224 sha-512/224 sha2-512/224 rsa-sha512/224 sha512-224withrsaencryption 2.16.840.1.101.3.4.2.5",
		algSHA512256: "sha512-256 sha-512/256 sha2-512/256 rsa-sha512/256 sha512-256withrsaencryption 2.16.840.1.101.3.4.2.6",
		algSHA3224:   "sha3-224 rsa-sha3-224 id-rsassa-pkcs1-v1_5-with-sha3-224 2.16.840.1.101.3.4.2.7",
		algSHA3256:   "sha3-256 rsa-sha3-256 id-rsassa-pkcs1-v1_5-with-sha3-256 2.16.840.1.101.3.4.2.8",
		algSHA3384:   "sha3-384 rsa-sha3-384 id-rsassa-pkcs1-v1_5-with-sha3-384 2.16.840.1.101.3.4.2.9",
		algSHA3512:   "sha3-512 rsa-sha3-512 id-rsassa-pkcs1-v1_5-with-sha3-512 2.16.840.1.101.3.4.2.10",
		algSHAKE128:  "shake128 shake-128 2.16.840.1.101.3.4.2.11",
		algSHAKE256:  "shake256 shake-256 2.16.840.1.101.3.4.2.12",
		algRIPEMD160: "ripemd160 ripemd-160 ripemd rmd160 rsa-ripemd160 ripemd160withrsa 1.3.36.3.2.1",
		algBLAKE2b:   "blake2b512 blake2b-512 1.3.6.1.4.1.1722.12.2.1.16",
		algBLAKE2s:   "blake2s256 blake2s-256 1.3.6.1.4.1.1722.12.2.2.8",
		algMD5SHA1:   "md5-sha1",
		algSM3:       "sm3 rsa-sm3 sm3withrsaencryption 1.2.156.10197.1.401",
	} {
		for _, n := range strings.Fields(names) {
			digestNames[n] = alg
		}
	}
}

// lookupDigest resolves name as OpenSSL does, ignoring case; nil when unknown.
func lookupDigest(name string) *digestAlg {
	return digestNames[strings.ToLower(name)]
}

// digestState is a running digest computation.
type digestState struct {
	alg    *digestAlg
	h      hash.Hash
	xof    *sha3.SHAKE
	outLen int
}

func newDigestState(alg *digestAlg, outLen int) *digestState {
	d := &digestState{alg: alg, outLen: outLen}
	if alg.xof {
		d.xof = alg.newXOF()
	} else {
		d.h = alg.newHash()
	}
	return d
}

func (d *digestState) write(p []byte) {
	if d.xof != nil {
		_, _ = d.xof.Write(p)
		return
	}
	_, _ = d.h.Write(p)
}

// sum finishes the digest; the state must not be used afterwards.
func (d *digestState) sum() []byte {
	if d.xof != nil {
		out := make([]byte, d.outLen)
		_, _ = d.xof.Read(out)
		return out
	}
	return d.h.Sum(nil)
}

// errNoClone is returned when a digest state cannot be duplicated.
var errNoClone = errors.New("nodelib: digest state cannot be copied")

// clone duplicates the state for Hash.copy(), as EVP_MD_CTX_copy does.
func (d *digestState) clone() (*digestState, error) {
	c := &digestState{alg: d.alg, outLen: d.outLen}
	if d.xof != nil {
		st, err := d.xof.MarshalBinary()
		if err != nil {
			return nil, err
		}
		c.xof = d.alg.newXOF()
		return c, c.xof.UnmarshalBinary(st)
	}
	h, err := cloneHash(d.h, d.alg.newHash)
	if err != nil {
		return nil, err
	}
	c.h = h
	return c, nil
}

func cloneHash(h hash.Hash, mk func() hash.Hash) (hash.Hash, error) {
	if cl, ok := h.(hash.Cloner); ok {
		c, err := cl.Clone()
		if err != nil {
			return nil, err
		}
		return c.(hash.Hash), nil
	}
	if m, ok := h.(encoding.BinaryMarshaler); ok {
		st, err := m.MarshalBinary()
		if err != nil {
			return nil, err
		}
		c := mk()
		if u, ok := c.(encoding.BinaryUnmarshaler); ok {
			return c, u.UnmarshalBinary(st)
		}
	}
	// x/crypto's RIPEMD-160 state is a flat struct of arrays and integers behind a pointer,
	// so a struct copy is a full copy.
	v := reflect.ValueOf(h)
	if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct && flatStruct(v.Elem().Type()) {
		c := reflect.New(v.Elem().Type())
		c.Elem().Set(v.Elem())
		return c.Interface().(hash.Hash), nil
	}
	return nil, errNoClone
}

// flatStruct reports whether t holds no pointers, slices, maps or interfaces.
func flatStruct(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		for i := range t.NumField() {
			if !flatStruct(t.Field(i).Type) {
				return false
			}
		}
		return true
	case reflect.Array:
		return flatStruct(t.Elem())
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// md5sha1 is OpenSSL's MD5-SHA1 (the TLS 1.0 PRF digest): both digests of the same input,
// concatenated.
type md5sha1 struct{ md5, sha1 hash.Hash }

func newMD5SHA1() hash.Hash { return &md5sha1{md5.New(), sha1.New()} }

func (h *md5sha1) Write(p []byte) (int, error) {
	_, _ = h.md5.Write(p)
	return h.sha1.Write(p)
}
func (h *md5sha1) Sum(b []byte) []byte { return h.sha1.Sum(h.md5.Sum(b)) }
func (h *md5sha1) Reset()              { h.md5.Reset(); h.sha1.Reset() }
func (h *md5sha1) Size() int           { return md5.Size + sha1.Size }
func (h *md5sha1) BlockSize() int      { return md5.BlockSize }
func (h *md5sha1) Clone() (hash.Cloner, error) {
	m, err := cloneHash(h.md5, md5.New)
	if err != nil {
		return nil, err
	}
	s, err := cloneHash(h.sha1, sha1.New)
	if err != nil {
		return nil, err
	}
	return &md5sha1{m, s}, nil
}
