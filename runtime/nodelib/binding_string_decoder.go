package nodelib

import (
	"github.com/dop251/goja"
)

// internalBinding('string_decoder'): a port of node/src/string_decoder.cc. The decoder state
// lives in a 7-byte Buffer owned by the JS StringDecoder: [0,4) the bytes of an incomplete
// character, [4] bytes still missing, [5] bytes buffered, [6] the encoding.

const (
	sdIncompleteStart = 0
	sdIncompleteEnd   = 4
	sdMissingBytes    = 4
	sdBufferedBytes   = 5
	sdEncodingField   = 6
	sdNumFields       = 7
)

func init() {
	bindingMakers["string_decoder"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		_ = b.Set("kIncompleteCharactersStart", sdIncompleteStart)
		_ = b.Set("kIncompleteCharactersEnd", sdIncompleteEnd)
		_ = b.Set("kMissingBytes", sdMissingBytes)
		_ = b.Set("kBufferedBytes", sdBufferedBytes)
		_ = b.Set("kEncodingField", sdEncodingField)
		_ = b.Set("kNumFields", sdNumFields)
		names := make([]any, len(encodingNames))
		for i, n := range encodingNames {
			names[i] = n
		}
		_ = b.Set("encodings", vm.NewArray(names...))
		_ = b.Set("kSize", sdNumFields)
		_ = b.Set("decode", func(state, buf goja.Value) goja.Value {
			st := l.mustBytes(state, "state")
			data, ok := l.bytesOf(buf)
			if !ok {
				l.throw("TypeError", `The "buf" argument must be an instance of Buffer, TypedArray, or DataView.`+l.receivedSuffix(buf), "ERR_INVALID_ARG_TYPE")
			}
			return vm.ToValue(sdDecode(vm, st, data))
		})
		_ = b.Set("flush", func(state goja.Value) goja.Value {
			return sdFlush(vm, l.mustBytes(state, "state"))
		})
		return b
	}
}

// receivedSuffix renders " Received ..." the way node's ERR_INVALID_ARG_TYPE does, using the
// lib's own helper so the wording matches exactly.
func (l *Lib) receivedSuffix(v goja.Value) string {
	errs := l.requireInternal("internal/errors")
	fn, ok := goja.AssertFunction(errs.Get("determineSpecificType"))
	if !ok {
		return ""
	}
	s, err := fn(goja.Undefined(), v)
	if err != nil {
		return ""
	}
	return " Received " + s.String()
}

func sdMakeString(vm *goja.Runtime, b []byte, enc int) goja.Value {
	return decodeBytes(vm, b, enc)
}

func sdDecode(vm *goja.Runtime, st, data []byte) goja.Value {
	enc := int(st[sdEncodingField])
	if enc != encUTF8 && enc != encUCS2 && enc != encBase64 && enc != encBase64URL {
		return sdMakeString(vm, data, enc)
	}
	var prepend goja.Value
	nread := len(data)
	if st[sdMissingBytes] > 0 {
		if enc == encUTF8 {
			for i := 0; i < nread && i < int(st[sdMissingBytes]); i++ {
				if data[i]&0xC0 != 0x80 {
					// Not a continuation byte: the incomplete character ends here and the
					// unexpected byte starts a new one.
					st[sdMissingBytes] = 0
					copy(st[sdIncompleteStart+int(st[sdBufferedBytes]):], data[:i])
					st[sdBufferedBytes] += byte(i)
					data = data[i:]
					nread -= i
					break
				}
			}
		}
		found := min(nread, int(st[sdMissingBytes]))
		copy(st[sdIncompleteStart+int(st[sdBufferedBytes]):], data[:found])
		data = data[found:]
		nread -= found
		st[sdMissingBytes] -= byte(found)
		st[sdBufferedBytes] += byte(found)
		if st[sdMissingBytes] == 0 {
			prepend = sdMakeString(vm, append([]byte(nil), st[sdIncompleteStart:sdIncompleteStart+int(st[sdBufferedBytes])]...), enc)
			st[sdBufferedBytes] = 0
		}
	}
	var body goja.Value
	if nread == 0 {
		if prepend != nil {
			body = prepend
		} else {
			body = vm.ToValue("")
		}
		prepend = nil
	} else {
		switch {
		case enc == encUTF8 && data[nread-1]&0x80 != 0:
			for i := nread - 1; ; i-- {
				st[sdBufferedBytes]++
				if data[i]&0xC0 == 0x80 {
					if st[sdBufferedBytes] >= 4 || i == 0 {
						st[sdBufferedBytes] = 0
						break
					}
					continue
				}
				switch {
				case data[i]&0xE0 == 0xC0:
					st[sdMissingBytes] = 2
				case data[i]&0xF0 == 0xE0:
					st[sdMissingBytes] = 3
				case data[i]&0xF8 == 0xF0:
					st[sdMissingBytes] = 4
				default:
					st[sdBufferedBytes] = 0
				}
				if st[sdBufferedBytes] == 0 {
					break
				}
				if st[sdBufferedBytes] >= st[sdMissingBytes] {
					st[sdMissingBytes] = 0
					st[sdBufferedBytes] = 0
				}
				st[sdMissingBytes] -= st[sdBufferedBytes]
				break
			}
		case enc == encUCS2:
			if nread%2 == 1 {
				st[sdBufferedBytes], st[sdMissingBytes] = 1, 1
			} else if data[nread-1]&0xFC == 0xD8 {
				st[sdBufferedBytes], st[sdMissingBytes] = 2, 2
			}
		case enc == encBase64 || enc == encBase64URL:
			st[sdBufferedBytes] = byte(nread % 3)
			if st[sdBufferedBytes] > 0 {
				st[sdMissingBytes] = 3 - st[sdBufferedBytes]
			}
		}
		if n := int(st[sdBufferedBytes]); n > 0 {
			nread -= n
			copy(st[sdIncompleteStart:], data[nread:nread+n])
		}
		if nread > 0 {
			body = sdMakeString(vm, data[:nread], enc)
		} else {
			body = vm.ToValue("")
		}
	}
	if prepend == nil {
		return body
	}
	return prepend.ToString().(goja.String).Concat(body.ToString().(goja.String))
}

func sdFlush(vm *goja.Runtime, st []byte) goja.Value {
	enc := int(st[sdEncodingField])
	if enc == encUCS2 && st[sdBufferedBytes]%2 == 1 {
		// A single trailing byte is dropped, like the JS decoder does.
		st[sdMissingBytes]--
		st[sdBufferedBytes]--
	}
	if st[sdBufferedBytes] == 0 {
		return vm.ToValue("")
	}
	ret := sdMakeString(vm, append([]byte(nil), st[sdIncompleteStart:sdIncompleteStart+int(st[sdBufferedBytes])]...), enc)
	st[sdMissingBytes] = 0
	st[sdBufferedBytes] = 0
	return ret
}
