package nodelib

import (
	"bytes"
	"encoding/base64"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// internalBinding('buffer') (node/src/node_buffer.cc). Buffers are goja Uint8Arrays; their
// bytes are read and written in place through the slice goja exports for them.

const (
	kMaxLength       = 1 << 32
	kStringMaxLength = 1<<29 - 24
)

// bytesOf returns the bytes viewed by v (any TypedArray, DataView or ArrayBuffer), sharing
// memory, or nil, false.
func (l *Lib) bytesOf(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	switch kindOf(o) {
	case kindArrayBuffer:
		return o.Export().(goja.ArrayBuffer).Bytes(), true
	case kindTypedArray, kindDataView:
		if b, ok := o.Export().([]byte); ok {
			return b, true
		}
		ab, ok := o.Get("buffer").Export().(goja.ArrayBuffer)
		if !ok {
			return nil, false
		}
		off := o.Get("byteOffset").ToInteger()
		n := o.Get("byteLength").ToInteger()
		return ab.Bytes()[off : off+n], true
	}
	return nil, false
}

func (l *Lib) mustBytes(v goja.Value, what string) []byte {
	b, ok := l.bytesOf(v)
	if !ok {
		l.throw("TypeError", what+" must be a buffer", "ERR_INVALID_ARG_TYPE")
	}
	return b
}

func (l *Lib) newUint8Array(data []byte) *goja.Object {
	ctor, _ := goja.AssertConstructor(l.vm.Get("Uint8Array"))
	o, err := ctor(nil, l.vm.ToValue(l.vm.NewArrayBuffer(data)))
	if err != nil {
		panic(err)
	}
	return o
}

// newBuffer wraps data in a Buffer (node's FastBuffer), as node::Buffer::New does.
func (l *Lib) newBuffer(data []byte) *goja.Object {
	ctor, ok := goja.AssertConstructor(l.requireInternal("internal/buffer").Get("FastBuffer"))
	if !ok {
		panic(l.newError("TypeError", "FastBuffer is not a constructor", ""))
	}
	o, err := ctor(nil, l.vm.ToValue(l.vm.NewArrayBuffer(data)))
	if err != nil {
		panic(err)
	}
	return o
}

// sliceArgs clamps (start, end) of a *Slice call to buf, like node's SLICE_START_END.
func (l *Lib) sliceArgs(call goja.FunctionCall, n int) (int, int) {
	start, end := 0, n
	if a := call.Argument(0); !goja.IsUndefined(a) {
		start = int(a.ToInteger())
	}
	if a := call.Argument(1); !goja.IsUndefined(a) {
		end = int(a.ToInteger())
	}
	if start < 0 || end < 0 {
		l.throw("RangeError", "Index out of range", "ERR_OUT_OF_RANGE")
	}
	if end > n {
		end = n
	}
	if start > end {
		l.throw("RangeError", "Index out of range", "ERR_OUT_OF_RANGE")
	}
	return start, end
}

func init() {
	bindingMakers["buffer"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		set := func(name string, fn any) { _ = b.Set(name, fn) }
		_ = b.Set("kMaxLength", kMaxLength)
		_ = b.Set("kStringMaxLength", kStringMaxLength)

		slice := func(enc int) func(goja.FunctionCall) goja.Value {
			return func(call goja.FunctionCall) goja.Value {
				buf := l.mustBytes(call.This, "argument")
				start, end := l.sliceArgs(call, len(buf))
				return decodeBytes(vm, buf[start:end], enc)
			}
		}
		set("asciiSlice", slice(encASCII))
		set("base64Slice", slice(encBase64))
		set("base64urlSlice", slice(encBase64URL))
		set("latin1Slice", slice(encLatin1))
		set("hexSlice", slice(encHex))
		set("ucs2Slice", slice(encUCS2))
		set("utf8Slice", slice(encUTF8))

		write := func(enc int) func(goja.FunctionCall) goja.Value {
			return func(call goja.FunctionCall) goja.Value {
				buf := l.mustBytes(call.This, "argument")
				if _, ok := call.Argument(0).(goja.String); !ok {
					l.throw("TypeError", "argument must be a string", "ERR_INVALID_ARG_TYPE")
				}
				offset := 0
				if a := call.Argument(1); !goja.IsUndefined(a) {
					offset = int(a.ToInteger())
				}
				if offset < 0 || offset > len(buf) {
					l.throw("RangeError", "\"offset\" is outside of buffer bounds", "ERR_BUFFER_OUT_OF_BOUNDS")
				}
				maxLen := len(buf) - offset
				if a := call.Argument(2); !goja.IsUndefined(a) {
					if n := int(a.ToInteger()); n < maxLen {
						maxLen = n
					}
				}
				if maxLen < 0 {
					maxLen = 0
				}
				return vm.ToValue(writeString(buf[offset:offset+maxLen], call.Argument(0), enc))
			}
		}
		set("asciiWrite", write(encASCII))
		set("base64Write", write(encBase64))
		set("base64urlWrite", write(encBase64URL))
		set("latin1Write", write(encLatin1))
		set("hexWrite", write(encHex))
		set("ucs2Write", write(encUCS2))
		set("utf8Write", write(encUTF8))

		set("byteLengthUtf8", func(v goja.Value) int {
			n := 0
			u := codeUnits(v)
			for i := 0; i < len(u); i++ {
				c := u[i]
				switch {
				case c < 0x80:
					n++
				case c < 0x800:
					n += 2
				case c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF:
					n += 4
					i++
				default:
					n += 3
				}
			}
			return n
		})
		set("compare", func(a, c goja.Value) int {
			return bytes.Compare(l.mustBytes(a, "buf1"), l.mustBytes(c, "buf2"))
		})
		set("compareOffset", func(src, dst goja.Value, targetStart, sourceStart, targetEnd, sourceEnd int64) int {
			s, t := l.mustBytes(src, "source"), l.mustBytes(dst, "target")
			if sourceStart > int64(len(s)) {
				l.throw("RangeError", `The value of "sourceStart" is out of range.`, "ERR_OUT_OF_RANGE")
			}
			if targetStart > int64(len(t)) {
				l.throw("RangeError", `The value of "targetStart" is out of range.`, "ERR_OUT_OF_RANGE")
			}
			toCmp := min(sourceEnd-sourceStart, targetEnd-targetStart, int64(len(s))-sourceStart)
			val := 0
			if toCmp > 0 {
				val = bytes.Compare(s[sourceStart:sourceStart+toCmp], t[targetStart:min(targetStart+toCmp, int64(len(t)))])
			}
			return normalizeCompare(val, sourceEnd-sourceStart, targetEnd-targetStart)
		})
		set("copy", func(src, dst goja.Value, targetStart, sourceStart, nb int64) int64 {
			s, t := l.mustBytes(src, "source"), l.mustBytes(dst, "target")
			return int64(copy(t[targetStart:], s[sourceStart:sourceStart+nb]))
		})
		set("fill", func(call goja.FunctionCall) goja.Value {
			buf := l.mustBytes(call.Argument(0), "buffer")
			start, end := call.Argument(2).ToInteger(), call.Argument(3).ToInteger()
			if start > end || end > int64(len(buf)) || start < 0 {
				return vm.ToValue(-2)
			}
			dst := buf[start:end]
			var pattern []byte
			val := call.Argument(1)
			if bs, ok := l.bytesOf(val); ok {
				pattern = append([]byte(nil), bs...)
			} else if _, isStr := val.(goja.String); isStr {
				enc := encUTF8
				if e := call.Argument(4); !goja.IsUndefined(e) {
					enc = parseEncoding(e.String())
				}
				pattern = encodeString(val, enc)
			} else {
				c := byte(uint32(val.ToInteger()) & 255)
				for i := range dst {
					dst[i] = c
				}
				return goja.Undefined()
			}
			if len(pattern) == 0 {
				if len(dst) == 0 {
					return goja.Undefined()
				}
				return vm.ToValue(-1)
			}
			for i := 0; i < len(dst); i += len(pattern) {
				copy(dst[i:], pattern)
			}
			return goja.Undefined()
		})
		set("indexOfString", func(buf, needle goja.Value, offset int64, enc int, forward bool) int64 {
			return indexOf(l.mustBytes(buf, "buffer"), encodeString(needle, enc), offset, forward)
		})
		set("indexOfBuffer", func(buf, needle goja.Value, offset int64, enc int, forward bool) int64 {
			return indexOf(l.mustBytes(buf, "buffer"), l.mustBytes(needle, "value"), offset, forward)
		})
		set("indexOfNumber", func(buf goja.Value, num uint32, offset int64, forward bool) int64 {
			h := l.mustBytes(buf, "buffer")
			off := indexOfOffset(int64(len(h)), offset, 1, forward)
			if off <= -1 || len(h) == 0 {
				return -1
			}
			c := byte(num)
			if forward {
				if i := bytes.IndexByte(h[off:], c); i >= 0 {
					return off + int64(i)
				}
				return -1
			}
			return int64(bytes.LastIndexByte(h[:off+1], c))
		})
		swap := func(size int) func(goja.Value) goja.Value {
			return func(v goja.Value) goja.Value {
				buf := l.mustBytes(v, "buffer")
				for i := 0; i+size <= len(buf); i += size {
					for a, z := i, i+size-1; a < z; a, z = a+1, z-1 {
						buf[a], buf[z] = buf[z], buf[a]
					}
				}
				return v
			}
		}
		set("swap16", swap(2))
		set("swap32", swap(4))
		set("swap64", swap(8))
		set("isUtf8", func(v goja.Value) bool { return utf8.Valid(l.mustBytes(v, "input")) })
		set("isAscii", func(v goja.Value) bool {
			for _, c := range l.mustBytes(v, "input") {
				if c >= 0x80 {
					return false
				}
			}
			return true
		})
		set("createUnsafeArrayBuffer", func(size int64) goja.Value {
			return vm.ToValue(vm.NewArrayBuffer(make([]byte, size)))
		})
		set("atob", func(v goja.Value) goja.Value {
			u := codeUnits(v)
			data := make([]uint16, 0, len(u))
			for _, c := range u {
				switch c {
				case '\t', '\n', '\f', '\r', ' ':
					continue
				}
				data = append(data, c)
			}
			if len(data)%4 == 0 {
				for k := 0; k < 2 && len(data) > 0 && data[len(data)-1] == '='; k++ {
					data = data[:len(data)-1]
				}
			}
			for _, c := range data {
				if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
					return vm.ToValue(-2)
				}
			}
			if len(data)%4 == 1 {
				return vm.ToValue(-1)
			}
			return vm.ToValue(latin1String(base64Decode(data)))
		})
		set("btoa", func(v goja.Value) goja.Value {
			u := codeUnits(v)
			raw := make([]byte, len(u))
			for i, c := range u {
				if c > 0xFF {
					return vm.ToValue(-1)
				}
				raw[i] = byte(c)
			}
			return vm.ToValue(base64.StdEncoding.EncodeToString(raw))
		})
		return b
	}
}

func parseEncoding(s string) int {
	switch s {
	case "utf8", "utf-8", "UTF8", "UTF-8":
		return encUTF8
	case "ucs2", "ucs-2", "utf16le", "utf-16le", "UCS2", "UTF16LE":
		return encUCS2
	case "latin1", "binary", "LATIN1", "BINARY":
		return encLatin1
	case "ascii", "ASCII":
		return encASCII
	case "hex", "HEX":
		return encHex
	case "base64", "BASE64":
		return encBase64
	case "base64url", "BASE64URL":
		return encBase64URL
	case "buffer":
		return encBuffer
	}
	return encUTF8
}

// writeString writes v encoded as enc into dst and returns the byte count. UTF-8 never writes
// part of a character; UTF-16 never writes half a code unit.
func writeString(dst []byte, v goja.Value, enc int) int {
	switch enc {
	case encUTF8, encBuffer:
		src := utf8Bytes(v)
		if len(src) <= len(dst) {
			return copy(dst, src)
		}
		n := 0
		for n < len(src) {
			_, size := utf8.DecodeRune(src[n:])
			if n+size > len(dst) {
				break
			}
			n += size
		}
		return copy(dst, src[:n])
	case encUCS2:
		src := encodeString(v, enc)
		return copy(dst, src[:min(len(src), len(dst)&^1)])
	}
	return copy(dst, encodeString(v, enc))
}

func normalizeCompare(val int, aLen, bLen int64) int {
	if val == 0 {
		switch {
		case aLen > bLen:
			return 1
		case aLen < bLen:
			return -1
		}
		return 0
	}
	if val > 0 {
		return 1
	}
	return -1
}

// indexOfOffset is node's IndexOfOffset: where a search starts, or -1 for no match.
func indexOfOffset(length, offset, needleLen int64, forward bool) int64 {
	if offset < 0 {
		if offset+length >= 0 {
			return length + offset
		}
		if forward || needleLen == 0 {
			return 0
		}
		return -1
	}
	if offset+needleLen <= length {
		return offset
	}
	if needleLen == 0 {
		return length
	}
	if forward {
		return -1
	}
	return length - 1
}

func indexOf(h, needle []byte, offset int64, forward bool) int64 {
	hl, nl := int64(len(h)), int64(len(needle))
	off := indexOfOffset(hl, offset, nl, forward)
	if nl == 0 {
		return off
	}
	if hl == 0 || off <= -1 {
		return -1
	}
	if (forward && nl+off > hl) || nl > hl {
		return -1
	}
	if forward {
		if i := bytes.Index(h[off:], needle); i >= 0 {
			return off + int64(i)
		}
		return -1
	}
	end := min(off+nl, hl)
	return int64(bytes.LastIndex(h[:end], needle))
}
