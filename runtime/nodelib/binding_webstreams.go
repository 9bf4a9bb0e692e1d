package nodelib

import (
	"github.com/dop251/goja"
)

// The two functions of internalBinding('buffer') (node/src/node_buffer.cc) that only web
// streams use: detachArrayBuffer, which moves a chunk's memory into a new ArrayBuffer when a
// byte stream takes ownership of it, and copyArrayBuffer. They are added to the buffer binding
// made in binding_buffer.go; this file's init runs after that file's because Go initialises a
// package's files in file name order.

func init() {
	makeBuffer := bindingMakers["buffer"]
	bindingMakers["buffer"] = func(l *Lib) *goja.Object {
		b := makeBuffer(l)
		if b.Get("detachArrayBuffer") == nil {
			_ = b.Set("detachArrayBuffer", l.detachArrayBuffer)
		}
		if b.Get("copyArrayBuffer") == nil {
			_ = b.Set("copyArrayBuffer", l.copyArrayBuffer)
		}
		return b
	}
}

// detachArrayBuffer returns a new ArrayBuffer over buffer's memory and detaches buffer, or
// undefined when buffer is not an attached ArrayBuffer.
func (l *Lib) detachArrayBuffer(call goja.FunctionCall) goja.Value {
	o, ok := call.Argument(0).(*goja.Object)
	if !ok || kindOf(o) != kindArrayBuffer {
		return goja.Undefined()
	}
	ab, ok := o.Export().(goja.ArrayBuffer)
	if !ok || ab.Detached() {
		return goja.Undefined()
	}
	data := ab.Bytes()
	ab.Detach()
	return l.vm.ToValue(l.vm.NewArrayBuffer(data))
}

// copyArrayBuffer(destination, destinationOffset, source, sourceOffset, bytesToCopy) copies
// between two ArrayBuffers; the caller (webstreams) has checked the ranges.
func (l *Lib) copyArrayBuffer(call goja.FunctionCall) goja.Value {
	dst, ok1 := call.Argument(0).Export().(goja.ArrayBuffer)
	src, ok2 := call.Argument(2).Export().(goja.ArrayBuffer)
	if !ok1 || !ok2 {
		panic(l.vm.NewTypeError("copyArrayBuffer needs two ArrayBuffers"))
	}
	dOff := call.Argument(1).ToInteger()
	sOff := call.Argument(3).ToInteger()
	n := call.Argument(4).ToInteger()
	d, s := dst.Bytes(), src.Bytes()
	if dOff < 0 || sOff < 0 || n < 0 || dOff+n > int64(len(d)) || sOff+n > int64(len(s)) {
		panic(l.vm.NewTypeError("copyArrayBuffer: range out of bounds"))
	}
	copy(d[dOff:dOff+n], s[sOff:sOff+n])
	return goja.Undefined()
}
