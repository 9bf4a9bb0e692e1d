package nodelib

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// internalBinding('encoding_binding') (node/src/encoding_binding.cc): TextEncoder's UTF-8
// paths, decodeUTF8 and the IDNA helpers of the legacy url module.

func init() {
	bindingMakers["encoding_binding"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		results := l.newTypedArray("Uint32Array", 2)
		_ = b.Set("encodeIntoResults", results)
		_ = b.Set("encodeInto", func(src goja.Value, dest goja.Value) {
			dst := l.mustBytes(dest, "dest")
			units := codeUnits(src)
			read, written := 0, 0
			var tmp [4]byte
			for i := 0; i < len(units); {
				r := rune(units[i])
				n := 1
				if utf16.IsSurrogate(r) {
					if i+1 < len(units) && r < 0xDC00 && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
						r = utf16.DecodeRune(r, rune(units[i+1]))
						n = 2
					} else {
						r = utf8.RuneError
					}
				}
				size := utf8.EncodeRune(tmp[:], r)
				if written+size > len(dst) {
					break
				}
				copy(dst[written:], tmp[:size])
				written += size
				read += n
				i += n
			}
			_ = results.Set("0", read)
			_ = results.Set("1", written)
		})
		_ = b.Set("encodeUtf8String", func(src goja.Value) goja.Value {
			return l.newUint8Array(utf8Bytes(src))
		})
		_ = b.Set("decodeUTF8", func(call goja.FunctionCall) goja.Value {
			data, ok := l.bytesOf(call.Argument(0))
			if !ok {
				l.throw("TypeError", `The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.`, "ERR_INVALID_ARG_TYPE")
			}
			ignoreBOM, fatal := call.Argument(1).ToBoolean(), call.Argument(2).ToBoolean()
			if fatal && !utf8.Valid(data) {
				l.throw("TypeError", "The encoded data was not valid for encoding utf-8", "ERR_ENCODING_INVALID_ENCODED_DATA")
			}
			if !ignoreBOM && len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
				data = data[3:]
			}
			return vm.ToValue(decodeUTF8(data))
		})
		_ = b.Set("decodeLatin1", func(call goja.FunctionCall) goja.Value {
			data, _ := l.bytesOf(call.Argument(0))
			return vm.ToValue(latin1String(data))
		})
		_ = b.Set("toASCII", func(s string) string { return domainToASCII(s) })
		_ = b.Set("toUnicode", func(s string) string { return domainToUnicode(s) })
		return b
	}
}
