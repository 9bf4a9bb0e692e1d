package nodelib

import (
	"encoding/base64"
	"encoding/hex"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Byte/string conversions with node's semantics (node/src/string_bytes.cc).

// Node's `enum encoding` values, the indices of internalBinding('string_decoder').encodings.
const (
	encASCII = iota
	encUTF8
	encBase64
	encUCS2
	encLatin1
	encHex
	encBuffer
	encBase64URL
)

var encodingNames = []string{"ascii", "utf8", "base64", "utf16le", "latin1", "hex", "buffer", "base64url"}

// codeUnits returns the UTF-16 code units of a JS string value.
func codeUnits(v goja.Value) []uint16 {
	s, ok := v.ToString().(goja.String)
	if !ok {
		return utf16.Encode([]rune(v.String()))
	}
	n := s.Length()
	out := make([]uint16, n)
	for i := 0; i < n; i++ {
		out[i] = s.CharAt(i)
	}
	return out
}

// isWellFormed reports whether the JS string s has no lone surrogate
// (String.prototype.isWellFormed).
func isWellFormed(s goja.String) bool {
	n := s.Length()
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		if !utf16.IsSurrogate(rune(c)) {
			continue
		}
		if c < 0xDC00 && i+1 < n {
			if next := s.CharAt(i + 1); next >= 0xDC00 && next <= 0xDFFF {
				i++
				continue
			}
		}
		return false
	}
	return true
}

// utf8Bytes encodes a JS string as UTF-8, lone surrogates becoming U+FFFD as in V8.
func utf8Bytes(v goja.Value) []byte {
	// goja's String() already maps lone surrogates to U+FFFD.
	return []byte(v.String())
}

// decodeUTF8 decodes b per the WHATWG UTF-8 decoder (what V8 does for node's utf8Slice): each
// maximal invalid subsequence becomes one U+FFFD.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]rune, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, rune(c))
			i++
			continue
		}
		var need int
		var cp rune
		lower, upper := byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need, cp = 1, rune(c&0x1F)
		case c >= 0xE0 && c <= 0xEF:
			if c == 0xE0 {
				lower = 0xA0
			} else if c == 0xED {
				upper = 0x9F
			}
			need, cp = 2, rune(c&0x0F)
		case c >= 0xF0 && c <= 0xF4:
			if c == 0xF0 {
				lower = 0x90
			} else if c == 0xF4 {
				upper = 0x8F
			}
			need, cp = 3, rune(c&0x07)
		default:
			out = append(out, utf8.RuneError)
			i++
			continue
		}
		j := i + 1
		ok := true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lower || b[j] > upper {
				ok = false
				break
			}
			cp = cp<<6 | rune(b[j]&0x3F)
			lower, upper = 0x80, 0xBF
			j++
		}
		if !ok {
			out = append(out, utf8.RuneError)
			i = j
			continue
		}
		out = append(out, cp)
		i = j
	}
	return string(out)
}

func latin1String(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

func asciiString(b []byte) string {
	r := make([]byte, len(b))
	for i, c := range b {
		r[i] = c & 0x7f
	}
	return string(r)
}

func ucs2Value(b []byte) goja.Value {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return goja.StringFromUTF16(u)
}

// base64Decode is node's forgiving decoder: both alphabets, characters outside them skipped,
// decoding stops at the first '='.
func base64Decode(units []uint16) []byte {
	out := make([]byte, 0, len(units)*3/4+3)
	var acc uint32
	n := 0
	for _, c := range units {
		var v byte
		switch {
		case c >= 'A' && c <= 'Z':
			v = byte(c - 'A')
		case c >= 'a' && c <= 'z':
			v = byte(c-'a') + 26
		case c >= '0' && c <= '9':
			v = byte(c-'0') + 52
		case c == '+' || c == '-':
			v = 62
		case c == '/' || c == '_':
			v = 63
		case c == '=':
			goto done
		default:
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
done:
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out
}

// hexDecode decodes pairs of hex digits up to the first invalid pair, as node does.
func hexDecode(units []uint16) []byte {
	out := make([]byte, 0, len(units)/2)
	for i := 0; i+1 < len(units); i += 2 {
		hi, ok1 := unhex(units[i])
		lo, ok2 := unhex(units[i+1])
		if !ok1 || !ok2 {
			break
		}
		out = append(out, hi<<4|lo)
	}
	return out
}

func unhex(c uint16) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return byte(c - '0'), true
	case c >= 'a' && c <= 'f':
		return byte(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return byte(c-'A') + 10, true
	}
	return 0, false
}

// encodeString returns the bytes node writes for string v in encoding enc.
func encodeString(v goja.Value, enc int) []byte {
	switch enc {
	case encUTF8, encBuffer:
		return utf8Bytes(v)
	case encUCS2:
		u := codeUnits(v)
		out := make([]byte, 2*len(u))
		for i, c := range u {
			out[2*i], out[2*i+1] = byte(c), byte(c>>8)
		}
		return out
	case encLatin1, encASCII:
		u := codeUnits(v)
		out := make([]byte, len(u))
		for i, c := range u {
			out[i] = byte(c)
		}
		return out
	case encHex:
		return hexDecode(codeUnits(v))
	case encBase64, encBase64URL:
		return base64Decode(codeUnits(v))
	}
	return utf8Bytes(v)
}

// decodeBytes returns the JS string node makes from b in encoding enc.
func decodeBytes(vm *goja.Runtime, b []byte, enc int) goja.Value {
	switch enc {
	case encUTF8, encBuffer:
		return vm.ToValue(decodeUTF8(b))
	case encUCS2:
		return ucs2Value(b)
	case encLatin1:
		return vm.ToValue(latin1String(b))
	case encASCII:
		return vm.ToValue(asciiString(b))
	case encHex:
		return vm.ToValue(hex.EncodeToString(b))
	case encBase64:
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case encBase64URL:
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	}
	return vm.ToValue(decodeUTF8(b))
}
