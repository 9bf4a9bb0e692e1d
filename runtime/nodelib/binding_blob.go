package nodelib

import (
	"github.com/dop251/goja"
)

// internalBinding('blob') (node/src/node_blob.cc) for internal/blob's Blob, which undici's
// fetch bodies use: createBlob, a handle's slice and getReader, and concat. Blob data is held
// in memory, immutable, and shared between a blob and its slices. The object URL store
// (storeDataObject, getDataObject, revokeObjectURL) and createBlobFromFilePath are absent.

// blobDataKey keeps a handle's bytes on the handle object, so a handle passed back as a
// source of another blob can be recognised.
var blobDataKey = goja.NewSymbol("nodelib.blobData")

// Node's bob::Status values, which a reader's pull callback receives.
const (
	blobStatusEOS      = 0
	blobStatusContinue = 1
)

func init() {
	bindingMakers["blob"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("createBlob", func(call goja.FunctionCall) goja.Value {
			sources, ok := call.Argument(0).(*goja.Object)
			if !ok {
				panic(l.vm.NewTypeError("blob sources must be an array"))
			}
			n := int(sources.Get("length").ToInteger())
			data := make([]byte, 0, max(call.Argument(1).ToInteger(), 0))
			for i := range n {
				data = append(data, l.blobSource(sources.Get(itoa(int64(i))))...)
			}
			return l.blobHandle(data)
		})
		_ = b.Set("concat", func(call goja.FunctionCall) goja.Value {
			parts, ok := call.Argument(0).(*goja.Object)
			if !ok {
				panic(l.vm.NewTypeError("concat needs an array of buffers"))
			}
			n := int(parts.Get("length").ToInteger())
			var out []byte
			for i := range n {
				p, ok := l.bytesOf(parts.Get(itoa(int64(i))))
				if !ok {
					panic(l.vm.NewTypeError("concat needs an array of buffers"))
				}
				out = append(out, p...)
			}
			return l.vm.ToValue(l.vm.NewArrayBuffer(out))
		})
		return b
	}
}

// blobSource returns the bytes of one createBlob source: a Uint8Array or a blob handle.
func (l *Lib) blobSource(v goja.Value) []byte {
	if o, ok := v.(*goja.Object); ok {
		if d := o.GetSymbol(blobDataKey); d != nil {
			if data, ok := d.Export().([]byte); ok {
				return data
			}
		}
	}
	p, ok := l.bytesOf(v)
	if !ok {
		panic(l.vm.NewTypeError("blob source must be a Uint8Array or a blob handle"))
	}
	return p
}

// blobHandle wraps data (never modified afterwards) as node's Blob handle.
func (l *Lib) blobHandle(data []byte) *goja.Object {
	h := l.vm.NewObject()
	_ = h.DefineDataPropertySymbol(blobDataKey, l.vm.ToValue(data), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = h.Set("slice", func(call goja.FunctionCall) goja.Value {
		start := clampIndex(call.Argument(0).ToInteger(), len(data))
		end := clampIndex(call.Argument(1).ToInteger(), len(data))
		end = max(end, start)
		return l.blobHandle(data[start:end:end])
	})
	_ = h.Set("getReader", func(goja.FunctionCall) goja.Value {
		done := false
		r := l.vm.NewObject()
		// pull calls back synchronously, as node's does for in-memory data: all the bytes
		// (a copy, since the caller owns the ArrayBuffer) and then end of stream.
		_ = r.Set("pull", func(call goja.FunctionCall) goja.Value {
			cb, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(l.vm.NewTypeError("pull needs a callback"))
			}
			if done || len(data) == 0 {
				done = true
				_, err := cb(goja.Undefined(), l.vm.ToValue(blobStatusEOS), goja.Undefined())
				if err != nil {
					panic(err)
				}
				return goja.Undefined()
			}
			done = true
			chunk := append([]byte(nil), data...)
			if _, err := cb(goja.Undefined(), l.vm.ToValue(blobStatusContinue), l.vm.ToValue(l.vm.NewArrayBuffer(chunk))); err != nil {
				panic(err)
			}
			return goja.Undefined()
		})
		return r
	})
	return h
}

func clampIndex(i int64, n int) int {
	return int(min(max(i, 0), int64(n)))
}
