package nodelib

import (
	"github.com/dop251/goja"
)

// internalBinding('websocket') is nodelib's own; node has no such binding. The WebSocket global
// is undici's (internal/deps/undici/undici) over the net and http_parser bindings, exactly
// node's code, except for the one loop that goja runs too slowly: masking every byte a client
// sends (RFC 6455 5.3), about 200 ms per MiB in goja against under a millisecond here.
// internal/gen patches undici's WebsocketFrameSend.createFrame to call mask.

func init() {
	bindingMakers["websocket"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		// mask(src, dst, offset, key) writes src XOR the 4-byte key (an array of numbers, as
		// undici's generateMask returns) into dst from offset on, as undici's loop does.
		_ = b.Set("mask", func(call goja.FunctionCall) goja.Value {
			src := l.mustBytes(call.Argument(0), "src")
			dst := l.mustBytes(call.Argument(1), "dst")
			offset := call.Argument(2).ToInteger()
			keyObj := call.Argument(3).ToObject(l.vm)
			var key [4]byte
			for i := range key {
				key[i] = byte(keyObj.Get(string(rune('0' + i))).ToInteger())
			}
			if offset < 0 || offset > int64(len(dst)) || int64(len(src)) > int64(len(dst))-offset {
				l.throw("RangeError", "mask: the frame does not fit in the buffer", "ERR_OUT_OF_RANGE")
			}
			mask(dst[offset:offset+int64(len(src))], src, key)
			return goja.Undefined()
		})
		return b
	}
}

// mask sets dst[i] = src[i] ^ key[i%4]; dst and src have the same length.
func mask(dst, src []byte, key [4]byte) {
	for i := range src {
		dst[i] = src[i] ^ key[i&3]
	}
}
