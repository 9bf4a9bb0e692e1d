package nodelib

import (
	"github.com/dop251/goja"
)

// internalBinding('messaging') (node/src/node_messaging.cc): DOMException and structuredClone.
// structuredClone follows V8's ValueSerializer/ValueDeserializer: what V8 can serialize is
// copied, anything else throws a DataCloneError.

func init() {
	bindingMakers["messaging"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("DOMException", l.domException())
		_ = b.Set("structuredClone", l.structuredClone)
		// The base class of node's transferable JS objects (X509Certificate, histograms,
		// CryptoKey); nodelib transfers nothing between threads, so it adds no behaviour.
		jst, err := l.vm.RunString("(class JSTransferable {})")
		if err != nil {
			panic(err)
		}
		_ = b.Set("JSTransferable", jst)
		return b
	}
}

// domException runs node's per-context domexception.js once per runtime.
func (l *Lib) domException() goja.Value {
	if l.domExceptionCtor != nil {
		return l.domExceptionCtor
	}
	fn, err := l.compile("internal/per_context/domexception")
	if err != nil {
		panic(err)
	}
	exports := l.vm.NewObject()
	if _, err := fn(goja.Undefined(), exports, l.primordials, l.vm.NewObject(), l.vm.NewObject()); err != nil {
		panic(err)
	}
	l.domExceptionCtor = exports.Get("DOMException")
	return l.domExceptionCtor
}

func (l *Lib) dataCloneError(msg string) {
	ctor, _ := goja.AssertConstructor(l.domException())
	e, err := ctor(nil, l.vm.ToValue(msg), l.vm.ToValue("DataCloneError"))
	if err != nil {
		panic(err)
	}
	panic(e)
}

func (l *Lib) structuredClone(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) == 0 {
		l.throw("TypeError", "The value argument must be specified", "ERR_MISSING_ARGS")
	}
	c := &cloner{l: l, memo: map[*goja.Object]*goja.Object{}}
	if opts, ok := call.Argument(1).(*goja.Object); ok {
		if t := opts.Get("transfer"); t != nil && !goja.IsUndefined(t) {
			list, ok := t.(*goja.Object)
			if !ok {
				l.throw("TypeError", "The \"options.transfer\" property must be of type object", "ERR_INVALID_ARG_TYPE")
			}
			n := list.Get("length").ToInteger()
			for i := int64(0); i < n; i++ {
				item, ok := list.Get(itoa(i)).(*goja.Object)
				if !ok || kindOf(item) != kindArrayBuffer {
					l.dataCloneError("Value not transferable")
				}
				c.transfer = append(c.transfer, item)
			}
		}
	}
	out := c.clone(call.Argument(0))
	// Transferred buffers are moved: the clones took their bytes, the originals are detached.
	for _, ab := range c.transfer {
		buf := ab.Export().(goja.ArrayBuffer)
		buf.Detach()
	}
	return out
}

type cloner struct {
	l        *Lib
	memo     map[*goja.Object]*goja.Object
	transfer []*goja.Object
}

func (c *cloner) ctor(name string) goja.Constructor {
	ctor, _ := goja.AssertConstructor(c.l.vm.Get(name))
	return ctor
}

func (c *cloner) construct(name string, args ...goja.Value) *goja.Object {
	o, err := c.ctor(name)(nil, args...)
	if err != nil {
		panic(err)
	}
	return o
}

func (c *cloner) call(fn goja.Value, this goja.Value, args ...goja.Value) goja.Value {
	f, _ := goja.AssertFunction(fn)
	v, err := f(this, args...)
	if err != nil {
		panic(err)
	}
	return v
}

// describe renders a value for "... could not be cloned." as V8 does.
func (c *cloner) describe(o *goja.Object) string {
	if isFunctionKind(kindOf(o)) {
		return o.String()
	}
	name := "Object"
	if ctor, ok := o.Get("constructor").(*goja.Object); ok {
		if n := ctor.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}

func (c *cloner) clone(v goja.Value) goja.Value {
	vm := c.l.vm
	o, ok := v.(*goja.Object)
	if !ok {
		if _, isSym := v.(*goja.Symbol); isSym {
			str, _ := goja.AssertFunction(vm.Get("String"))
			desc, err := str(goja.Undefined(), v)
			if err != nil {
				panic(err)
			}
			c.l.dataCloneError(desc.String() + " could not be cloned.")
		}
		return v
	}
	if done, ok := c.memo[o]; ok {
		return done
	}
	switch k := kindOf(o); k {
	case kindPrimitiveWrapper, kindStringWrapper:
		prim := c.call(vm.Get("Object").ToObject(vm).Get("prototype").ToObject(vm).Get("valueOf"), o)
		if _, isSym := prim.(*goja.Symbol); isSym {
			c.l.dataCloneError(c.describe(o) + " could not be cloned.")
		}
		out := vm.ToValue(prim).ToObject(vm)
		c.memo[o] = out
		return out
	case kindDate:
		out := c.construct("Date", vm.ToValue(c.call(vm.Get("Date").ToObject(vm).Get("prototype").ToObject(vm).Get("getTime"), o)))
		c.memo[o] = out
		return out
	case kindRegExp:
		out := c.construct("RegExp", o.Get("source"), o.Get("flags"))
		c.memo[o] = out
		return out
	case kindArrayBuffer:
		src := o.Export().(goja.ArrayBuffer)
		data := src.Bytes()
		transferred := false
		for _, t := range c.transfer {
			if t == o {
				transferred = true
			}
		}
		if !transferred {
			data = append([]byte(nil), data...)
		}
		out := vm.ToValue(vm.NewArrayBuffer(data)).(*goja.Object)
		c.memo[o] = out
		return out
	case kindTypedArray, kindDataView:
		buf := c.clone(o.Get("buffer"))
		name := "DataView"
		if k == kindTypedArray {
			name = c.typedArrayName(o)
		}
		lengthProp := "length"
		if k == kindDataView {
			lengthProp = "byteLength"
		}
		out := c.construct(name, buf, o.Get("byteOffset"), o.Get(lengthProp))
		c.memo[o] = out
		return out
	case kindMap, kindSet:
		out := c.construct(map[kind]string{kindMap: "Map", kindSet: "Set"}[k])
		c.memo[o] = out
		entries := c.l.previewEntries(goja.FunctionCall{Arguments: []goja.Value{o}}).(*goja.Object)
		n := entries.Get("length").ToInteger()
		if k == kindMap {
			set := out.Get("set")
			for i := int64(0); i+1 < n; i += 2 {
				key := c.clone(entries.Get(itoa(i)))
				val := c.clone(entries.Get(itoa(i + 1)))
				c.call(set, out, key, val)
			}
		} else {
			add := out.Get("add")
			for i := int64(0); i < n; i++ {
				c.call(add, out, c.clone(entries.Get(itoa(i))))
			}
		}
		return out
	case kindError:
		return c.cloneError(o)
	case kindArray:
		out := vm.NewArray()
		c.memo[o] = out
		_ = out.Set("length", o.Get("length"))
		for _, key := range o.Keys() {
			_ = out.Set(key, c.clone(o.Get(key)))
		}
		return out
	case kindPlain, kindArguments:
		out := vm.NewObject()
		c.memo[o] = out
		for _, key := range o.Keys() {
			_ = out.Set(key, c.clone(o.Get(key)))
		}
		return out
	case kindOther:
		// Host objects and class instances whose Go type is not special are plain data.
		if isFunctionKind(k) {
			break
		}
		if _, ok := o.Export().(map[string]any); ok && o.ClassName() == "Object" {
			out := vm.NewObject()
			c.memo[o] = out
			for _, key := range o.Keys() {
				_ = out.Set(key, c.clone(o.Get(key)))
			}
			return out
		}
	}
	c.l.dataCloneError(c.describe(o) + " could not be cloned.")
	return nil
}

func (c *cloner) typedArrayName(o *goja.Object) string {
	if c.l.typedArrayTag == nil {
		v, err := c.l.vm.RunString(`Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get`)
		if err != nil {
			panic(err)
		}
		c.l.typedArrayTag = v
	}
	return c.call(c.l.typedArrayTag, o).String()
}

// cloneError copies an Error the way V8 serializes one: the constructor from its name (one of
// the standard ones, else Error), message, stack and cause.
func (c *cloner) cloneError(o *goja.Object) goja.Value {
	vm := c.l.vm
	name := "Error"
	if n := o.Get("name"); n != nil {
		switch n.String() {
		case "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError":
			name = n.String()
		}
	}
	out := c.construct(name)
	c.memo[o] = out
	if hasOwn(vm, o, "message") {
		_ = out.DefineDataProperty("message", vm.ToValue(o.Get("message").String()), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) {
		_ = out.DefineDataProperty("stack", vm.ToValue(s.String()), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	if hasOwn(vm, o, "cause") {
		_ = out.DefineDataProperty("cause", c.clone(o.Get("cause")), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return out
}

func hasOwn(vm *goja.Runtime, o *goja.Object, key string) bool {
	fn, _ := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("prototype").ToObject(vm).Get("hasOwnProperty"))
	v, err := fn(o, vm.ToValue(key))
	return err == nil && v.ToBoolean()
}
