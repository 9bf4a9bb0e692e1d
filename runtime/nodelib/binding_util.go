package nodelib

import (
	"os"
	"strconv"
	"time"

	"github.com/dop251/goja"
)

// internalBinding('util') (node/src/node_util.cc).

// V8 PropertyFilter bits and promise states, as node's binding exports them.
const (
	allProperties    = 0
	onlyWritable     = 1
	onlyEnumerable   = 2
	onlyConfigurable = 4
	skipStrings      = 8
	skipSymbols      = 16

	promisePending   = 0
	promiseFulfilled = 1
	promiseRejected  = 2
)

func init() {
	bindingMakers["util"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		constants := vm.NewObject()
		for _, c := range []struct {
			name string
			v    int
		}{
			{"kPending", promisePending}, {"kFulfilled", promiseFulfilled}, {"kRejected", promiseRejected},
			{"kExiting", 0}, {"kExitCode", 1}, {"kHasExitCode", 2},
			{"ALL_PROPERTIES", allProperties}, {"ONLY_WRITABLE", onlyWritable},
			{"ONLY_ENUMERABLE", onlyEnumerable}, {"ONLY_CONFIGURABLE", onlyConfigurable},
			{"SKIP_STRINGS", skipStrings}, {"SKIP_SYMBOLS", skipSymbols},
			{"kDisallowCloneAndTransfer", 0}, {"kTransferable", 1}, {"kCloneable", 2},
		} {
			_ = constants.Set(c.name, c.v)
		}
		_ = b.Set("constants", constants)
		_ = b.Set("privateSymbols", l.privateSymbols())
		_ = b.Set("getOwnNonIndexProperties", l.getOwnNonIndexProperties)
		_ = b.Set("getPromiseDetails", func(v goja.Value) goja.Value {
			o, ok := v.(*goja.Object)
			if !ok || kindOf(o) != kindPromise {
				return goja.Undefined()
			}
			p := o.Export().(*goja.Promise)
			switch p.State() {
			case goja.PromiseStatePending:
				return vm.NewArray(promisePending)
			case goja.PromiseStateFulfilled:
				return vm.NewArray(promiseFulfilled, p.Result())
			default:
				return vm.NewArray(promiseRejected, p.Result())
			}
		})
		_ = b.Set("getProxyDetails", func(call goja.FunctionCall) goja.Value {
			o, ok := call.Argument(0).(*goja.Object)
			if !ok || kindOf(o) != kindProxy {
				return goja.Undefined()
			}
			p := o.Export().(goja.Proxy)
			target, handler := goja.Value(goja.Null()), goja.Value(goja.Null())
			if t := p.Target(); t != nil {
				target = t
			}
			if h := p.Handler(); h != nil {
				handler = h
			}
			if len(call.Arguments) == 1 || call.Argument(1).StrictEquals(vm.ToValue(true)) {
				return vm.NewArray(target, handler)
			}
			return target
		})
		_ = b.Set("previewEntries", l.previewEntries)
		_ = b.Set("getConstructorName", func(v goja.Value) string {
			o, ok := v.(*goja.Object)
			if !ok {
				l.throw("TypeError", "The \"object\" argument must be of type object", "ERR_INVALID_ARG_TYPE")
			}
			// V8 reads the constructor recorded in the object's map; goja keeps only the class.
			return o.ClassName()
		})
		// goja has no v8::External values, so there is never one to read.
		_ = b.Set("getExternalValue", func(goja.Value) goja.Value { return goja.Undefined() })
		_ = b.Set("getCallerLocation", func() goja.Value {
			frames := vm.CaptureCallStack(4, nil)
			if len(frames) < 3 {
				return goja.Undefined()
			}
			p := frames[2].Position()
			return vm.NewArray(p.Line, p.Column, p.Filename)
		})
		_ = b.Set("isConstructor", func(v goja.Value) bool {
			_, ok := goja.AssertConstructor(v)
			return ok
		})
		_ = b.Set("isInsideNodeModules", func() bool {
			for _, f := range vm.CaptureCallStack(0, nil) {
				if name := f.SrcName(); containsNodeModules(name) {
					return true
				}
			}
			return false
		})
		// goja ArrayBuffers cannot be detached (there is no transfer), so none is.
		_ = b.Set("isArrayBufferDetached", func(v goja.Value) bool {
			if o, ok := v.(*goja.Object); ok && kindOf(o) == kindArrayBuffer {
				return o.Export().(goja.ArrayBuffer).Detached()
			}
			return false
		})
		_ = b.Set("sleep", func(msec int64) {
			time.Sleep(time.Duration(msec) * time.Millisecond)
		})
		_ = b.Set("guessHandleType", func(fd int) string {
			return guessHandleType(fd)
		})
		_ = b.Set("toUSVString", func(s goja.Value, start int) goja.Value {
			return vm.ToValue(toUSVString(s.String(), start))
		})
		return b
	}
}

func containsNodeModules(name string) bool {
	const seg = "/node_modules/"
	for i := 0; i+len(seg) <= len(name); i++ {
		if name[i:i+len(seg)] == seg {
			return true
		}
	}
	return false
}

// guessHandleType classifies fd like libuv's uv_guess_handle.
func guessHandleType(fd int) string {
	if fd < 0 {
		return "INVALID"
	}
	fi, err := os.Stat("/proc/self/fd/" + strconv.Itoa(fd))
	if err != nil {
		return "UNKNOWN"
	}
	m := fi.Mode()
	switch {
	case m&os.ModeCharDevice != 0:
		if isTerminal(fd) {
			return "TTY"
		}
		return "FILE"
	case m&os.ModeNamedPipe != 0:
		return "PIPE"
	case m&os.ModeSocket != 0:
		return "PIPE"
	case m.IsRegular():
		return "FILE"
	}
	return "UNKNOWN"
}

// toUSVString replaces lone surrogates with U+FFFD; goja's String() already does exactly that.
func toUSVString(s string, _ int) string {
	return s
}

// privateSymbols stands in for V8's private symbols, which are invisible to reflection. goja
// has none, so these are ordinary symbols, and Object.prototype gets a setter for each that
// stores the value as a non-enumerable own property: inspect() hides it, as node does.
func (l *Lib) privateSymbols() *goja.Object {
	o := l.vm.NewObject()
	define, err := l.vm.RunString(`(function (sym) {
  Object.defineProperty(Object.prototype, sym, {
    configurable: true, enumerable: false,
    get() { return undefined; },
    set(v) { Object.defineProperty(this, sym, { value: v, writable: true, configurable: true, enumerable: false }); },
  });
})`)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(define)
	for _, name := range []string{
		"arrow_message_private_symbol", "contextify_context_private_symbol", "decorated_private_symbol",
		"host_defined_option_symbol", "napi_type_tag", "napi_wrapper", "untransferable_object_private_symbol",
		"exit_info_private_symbol", "promise_trace_id", "entry_point_module_private_symbol",
		"entry_point_promise_private_symbol", "module_source_private_symbol", "module_export_names_private_symbol",
		"module_circular_visited_private_symbol", "module_export_private_symbol", "module_parent_private_symbol",
		"module_first_parent_private_symbol", "transfer_mode_private_symbol",
	} {
		sym := goja.NewSymbol(name)
		if _, err := fn(goja.Undefined(), sym); err != nil {
			panic(err)
		}
		_ = o.Set(name, sym)
	}
	return o
}

// getOwnNonIndexProperties returns obj's own keys that are not array indices, filtered by the
// V8 PropertyFilter bits in filter.
func (l *Lib) getOwnNonIndexProperties(obj *goja.Object, filter int) goja.Value {
	var keys []goja.Value
	var names []string
	if filter&onlyEnumerable != 0 {
		names = obj.Keys()
	} else {
		names = obj.GetOwnPropertyNames()
	}
	if filter&skipStrings == 0 {
		for _, n := range names {
			if isArrayIndex(n) {
				continue
			}
			keys = append(keys, l.vm.ToValue(n))
		}
	}
	if filter&skipSymbols == 0 {
		for _, s := range obj.Symbols() {
			if filter&onlyEnumerable != 0 && !l.isEnumerable(obj, s) {
				continue
			}
			keys = append(keys, s)
		}
	}
	arr := make([]any, len(keys))
	for i, k := range keys {
		arr[i] = k
	}
	return l.vm.NewArray(arr...)
}

func (l *Lib) isEnumerable(obj *goja.Object, key goja.Value) bool {
	if l.propertyIsEnumerable == nil {
		fn, _ := goja.AssertFunction(l.vm.Get("Object").ToObject(l.vm).Get("prototype").ToObject(l.vm).Get("propertyIsEnumerable"))
		l.propertyIsEnumerable = fn
	}
	v, err := l.propertyIsEnumerable(obj, key)
	if err != nil {
		panic(err)
	}
	return v.ToBoolean()
}

// isArrayIndex reports whether s is a canonical array index (0 .. 2^32-2).
func isArrayIndex(s string) bool {
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + uint64(c-'0')
	}
	return n < 1<<32-1
}
