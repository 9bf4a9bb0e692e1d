package nodelib

import (
	"encoding/binary"
	"hash"
	"math/bits"
)

// SM3 (GB/T 32905-2016), the Chinese national hash OpenSSL 3 offers and node lists in
// getHashes(); Go and x/crypto do not implement it.

type sm3 struct {
	v   [8]uint32
	buf [64]byte
	n   int    // bytes in buf
	len uint64 // message bytes so far
}

func newSM3() hash.Hash {
	h := &sm3{}
	h.Reset()
	return h
}

func (h *sm3) Reset() {
	h.v = [8]uint32{0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e}
	h.n, h.len = 0, 0
}

func (h *sm3) Size() int      { return 32 }
func (h *sm3) BlockSize() int { return 64 }

func (h *sm3) Clone() (hash.Cloner, error) {
	c := *h
	return &c, nil
}

func (h *sm3) Write(p []byte) (int, error) {
	n := len(p)
	h.len += uint64(n)
	if h.n > 0 {
		k := copy(h.buf[h.n:], p)
		h.n += k
		p = p[k:]
		if h.n < 64 {
			return n, nil
		}
		h.block(h.buf[:])
		h.n = 0
	}
	for len(p) >= 64 {
		h.block(p[:64])
		p = p[64:]
	}
	h.n = copy(h.buf[:], p)
	return n, nil
}

func (h *sm3) Sum(b []byte) []byte {
	c := *h
	bitLen := c.len * 8
	pad := []byte{0x80}
	_, _ = c.Write(pad)
	var zeros [64]byte
	if c.n > 56 {
		_, _ = c.Write(zeros[:64-c.n])
	}
	_, _ = c.Write(zeros[:56-c.n])
	var l [8]byte
	binary.BigEndian.PutUint64(l[:], bitLen)
	_, _ = c.Write(l[:])
	for _, v := range c.v {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}

func sm3P0(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 9) ^ bits.RotateLeft32(x, 17) }
func sm3P1(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 15) ^ bits.RotateLeft32(x, 23) }

func (h *sm3) block(p []byte) {
	var w [68]uint32
	for i := range 16 {
		w[i] = binary.BigEndian.Uint32(p[4*i:])
	}
	for j := 16; j < 68; j++ {
		w[j] = sm3P1(w[j-16]^w[j-9]^bits.RotateLeft32(w[j-3], 15)) ^ bits.RotateLeft32(w[j-13], 7) ^ w[j-6]
	}
	a, b, c, d, e, f, g, hh := h.v[0], h.v[1], h.v[2], h.v[3], h.v[4], h.v[5], h.v[6], h.v[7]
	for j := range 64 {
		t := uint32(0x79cc4519)
		if j >= 16 {
			t = 0x7a879d8a
		}
		ss1 := bits.RotateLeft32(bits.RotateLeft32(a, 12)+e+bits.RotateLeft32(t, j%32), 7)
		ss2 := ss1 ^ bits.RotateLeft32(a, 12)
		var ff, gg uint32
		if j < 16 {
			ff, gg = a^b^c, e^f^g
		} else {
			ff, gg = a&b|a&c|b&c, e&f|^e&g
		}
		tt1 := ff + d + ss2 + (w[j] ^ w[j+4])
		tt2 := gg + hh + ss1 + w[j]
		d, c, b, a = c, bits.RotateLeft32(b, 9), a, tt1
		hh, g, f, e = g, bits.RotateLeft32(f, 19), e, sm3P0(tt2)
	}
	h.v[0] ^= a
	h.v[1] ^= b
	h.v[2] ^= c
	h.v[3] ^= d
	h.v[4] ^= e
	h.v[5] ^= f
	h.v[6] ^= g
	h.v[7] ^= hh
}
