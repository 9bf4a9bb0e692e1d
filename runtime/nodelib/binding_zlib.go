package nodelib

import (
	"hash/crc32"
	"runtime"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/pool"
)

// internalBinding('zlib') (node/src/node_zlib.cc): the Zlib handle class node's lib/zlib.js
// drives, over the engine in binding_zlib_engine.go, and crc32. writeSync runs inline; write
// runs on the host's worker pool as a ZLIB request and then calls the write callback given to
// init (or onerror) on the loop, as node's AfterThreadPoolWork does. Input is copied before
// the job and output copied back after it, so JS memory is only touched on the loop goroutine.
//
// Brotli is github.com/andybalholm/brotli. Absent: ZLIB_VERSION. Deflate and Brotli output is
// valid but not byte-identical to zlib's and libbrotli's; windowBits, memLevel and the
// filtered/RLE/fixed strategies do not change Go's deflate compressor, and Brotli takes only
// BROTLI_PARAM_QUALITY and BROTLI_PARAM_LGWIN.

type zlibHandle struct {
	mode        int
	z           zstream
	writeResult *goja.Object // Uint32Array(2): avail_out, avail_in after each write
	callback    goja.Value
	writing     bool
	closed      bool
	closeLater  bool
}

func init() {
	bindingMakers["zlib"] = func(l *Lib) *goja.Object {
		c := &cryptoBinding{l: l, slot: goja.NewSymbol("nodelib.zlib")}
		b := l.vm.NewObject()
		_ = b.Set("Zlib", c.zlibClass("Zlib", zmDeflate, zmUnzip, zlibInit(l)))
		_ = b.Set("BrotliEncoder", c.zlibClass("BrotliEncoder", zmBrotliEncode, zmBrotliEncode, brotliInit(l)))
		_ = b.Set("BrotliDecoder", c.zlibClass("BrotliDecoder", zmBrotliDecode, zmBrotliDecode, brotliInit(l)))
		_ = b.Set("crc32", func(data, value goja.Value) uint32 {
			var p []byte
			if _, ok := data.Export().(string); ok {
				p = utf8Bytes(data)
			} else {
				p = l.mustBytes(data, "data")
			}
			return crc32.Update(uint32(value.ToInteger()), crc32.IEEETable, p)
		})
		return b
	}
}

// zlibInit is Zlib's init(windowBits, level, memLevel, strategy, writeResult, writeCallback,
// dictionary).
func zlibInit(l *Lib) func(h *zlibHandle, call goja.FunctionCall) {
	return func(h *zlibHandle, call goja.FunctionCall) {
		cfg := zconfig{
			mode:     h.mode,
			level:    int(call.Argument(1).ToInteger()),
			strategy: int(call.Argument(3).ToInteger()),
		}
		if d, ok := l.bytesOf(call.Argument(6)); ok {
			cfg.dict = append([]byte(nil), d...)
		}
		if o, ok := call.Argument(4).(*goja.Object); ok {
			h.writeResult = o
		}
		h.callback = call.Argument(5)
		h.z = newZstream(cfg)
		releaseWhenUnreachable(h)
	}
}

// brotliInit is the Brotli handles' init(params, writeResult, writeCallback): params is a
// Uint32Array indexed by BROTLI_PARAM_*, 0xFFFFFFFF where unset.
func brotliInit(l *Lib) func(h *zlibHandle, call goja.FunctionCall) {
	return func(h *zlibHandle, call goja.FunctionCall) {
		cfg := zconfig{mode: h.mode, level: 11, window: 22}
		if params, ok := l.bytesOf(call.Argument(0)); ok {
			param := func(i int) (int, bool) {
				if 4*i+4 > len(params) {
					return 0, false
				}
				v := uint32(params[4*i]) | uint32(params[4*i+1])<<8 | uint32(params[4*i+2])<<16 | uint32(params[4*i+3])<<24
				return int(v), v != 0xFFFFFFFF
			}
			if v, ok := param(brotliParamQuality); ok {
				cfg.level = v
			}
			if v, ok := param(brotliParamLGWin); ok {
				cfg.window = v
			}
		}
		if o, ok := call.Argument(1).(*goja.Object); ok {
			h.writeResult = o
		}
		h.callback = call.Argument(2)
		h.z = newZstream(cfg)
		releaseWhenUnreachable(h)
	}
}

// releaseWhenUnreachable ends a decoder goroutine once its handle is garbage: a program may
// drop a stream without closing it, and Studio runs many programs in one process. Only the
// channel is handed to the cleanup, never the handle or the stream.
func releaseWhenUnreachable(h *zlibHandle) {
	if a, ok := h.z.(interface{ abandoned() chan struct{} }); ok {
		runtime.AddCleanup(h, func(quit chan struct{}) { close(quit) }, a.abandoned())
	}
}

func (c *cryptoBinding) zlibClass(name string, minMode, maxMode int, init func(h *zlibHandle, call goja.FunctionCall)) *goja.Object {
	l := c.l
	vm := l.vm
	// region returns buf[off:off+n] of a view argument, clamped as node's CHECKs require.
	region := func(buf, off, n goja.Value) []byte {
		if goja.IsUndefined(buf) || goja.IsNull(buf) {
			return nil
		}
		p := l.mustBytes(buf, "buffer")
		o, k := int(off.ToInteger()), int(n.ToInteger())
		if o < 0 || k < 0 || o+k > len(p) {
			panic(l.newError("RangeError", "zlib: buffer region out of range", "ERR_OUT_OF_RANGE"))
		}
		return p[o : o+k]
	}
	setResult := func(h *zlibHandle, availOut, availIn int) {
		_ = h.writeResult.Set("0", availOut)
		_ = h.writeResult.Set("1", availIn)
	}
	onerror := func(this *goja.Object, err error) (goja.Value, []goja.Value) {
		ze, ok := err.(*zlibError)
		if !ok {
			ze = &zlibError{msg: err.Error(), errno: zDataError}
		}
		return this.Get("onerror"), []goja.Value{vm.ToValue(ze.msg), vm.ToValue(ze.errno), vm.ToValue(ze.code())}
	}
	closeHandle := func(h *zlibHandle) {
		if h.writing {
			h.closeLater = true
			return
		}
		if !h.closed && h.z != nil {
			h.z.close()
		}
		h.closed = true
	}
	write := func(call goja.FunctionCall, async bool) goja.Value {
		this := call.This.(*goja.Object)
		h := native[zlibHandle](c, this)
		if h.z == nil || h.closed || h.writing {
			panic(l.newError("Error", "zlib: write on a handle that is not ready", "ERR_INVALID_STATE"))
		}
		flush := int(call.Argument(0).ToInteger())
		in := region(call.Argument(1), call.Argument(2), call.Argument(3))
		out := region(call.Argument(4), call.Argument(5), call.Argument(6))
		if !async {
			nIn, nOut, err := h.z.process(flush, in, out)
			if err != nil {
				fn, args := onerror(this, err)
				if f, ok := goja.AssertFunction(fn); ok {
					if _, jerr := f(this, args...); jerr != nil {
						panic(jerr)
					}
				}
				return goja.Undefined()
			}
			setResult(h, len(out)-nOut, len(in)-nIn)
			return goja.Undefined()
		}
		host := l.opts.Host
		if host == nil {
			panic(l.newError("Error", "nodelib: asynchronous zlib writes need a host worker pool", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
		}
		inCopy := append([]byte(nil), in...)
		outLen := len(out)
		z := h.z
		h.writing = true
		type result struct {
			nIn  int
			data []byte
			err  error
		}
		host.QueueWork(Work{
			Type: "ZLIB",
			Kind: pool.KindCPU,
			Run: func() any {
				buf := make([]byte, outLen)
				nIn, nOut, err := z.process(flush, inCopy, buf)
				return result{nIn, buf[:nOut], err}
			},
			Done: func(v any) (goja.Value, goja.Value, []goja.Value) {
				h.writing = false
				r, ok := v.(result)
				if !ok {
					err, _ := v.(error)
					r = result{err: err}
				}
				defer func() {
					if h.closeLater {
						h.closeLater = false
						closeHandle(h)
					}
				}()
				if r.err != nil {
					fn, args := onerror(this, r.err)
					return fn, this, args
				}
				copy(out, r.data)
				setResult(h, outLen-len(r.data), len(in)-r.nIn)
				return h.callback, this, nil
			},
		})
		return goja.Undefined()
	}
	cls := c.class(name, func(call goja.ConstructorCall) *goja.Object {
		mode := int(call.Argument(0).ToInteger())
		if mode < minMode || mode > maxMode {
			panic(l.newError("TypeError", "Bad argument", ""))
		}
		c.attach(call.This, &zlibHandle{mode: mode})
		return nil
	},
		"init", func(call goja.FunctionCall) goja.Value {
			init(native[zlibHandle](c, call.This), call)
			return vm.ToValue(true)
		},
		"params", func(call goja.FunctionCall) goja.Value {
			this := call.This.(*goja.Object)
			h := native[zlibHandle](c, this)
			if h.z == nil {
				return goja.Undefined()
			}
			if err := h.z.params(int(call.Argument(0).ToInteger()), int(call.Argument(1).ToInteger())); err != nil {
				fn, args := onerror(this, err)
				if f, ok := goja.AssertFunction(fn); ok {
					if _, jerr := f(this, args...); jerr != nil {
						panic(jerr)
					}
				}
			}
			return goja.Undefined()
		},
		"reset", func(call goja.FunctionCall) goja.Value {
			h := native[zlibHandle](c, call.This)
			if h.z != nil && !h.writing {
				h.z.reset()
			}
			return goja.Undefined()
		},
		"close", func(call goja.FunctionCall) goja.Value {
			closeHandle(native[zlibHandle](c, call.This))
			return goja.Undefined()
		},
		"write", func(call goja.FunctionCall) goja.Value { return write(call, true) },
		"writeSync", func(call goja.FunctionCall) goja.Value { return write(call, false) },
	)
	return cls
}
