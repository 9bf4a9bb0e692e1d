package debugger

import (
	"math"
	"strconv"

	"github.com/dop251/goja"
)

// Value describes a JavaScript value of the paused program, as the Chrome
// DevTools Protocol's RemoteObject does.
type Value struct {
	Type        string // object, function, string, number, boolean, undefined, symbol, bigint
	Subtype     string // array, null, regexp, date, map, set, error, promise, typedarray, ...
	ClassName   string
	Description string
	// Value is the primitive itself (string, float64, bool) when JSON can
	// carry it; Unserializable is NaN, Infinity, -Infinity, -0 or a bigint
	// literal.
	Value          any
	Unserializable string
	// ObjectID names an object for GetProperties while the program stays
	// paused.
	ObjectID string
}

// Property is one property of an object.
type Property struct {
	Name         string
	Value        *Value // nil for an accessor
	Get, Set     *Value
	Writable     bool
	Enumerable   bool
	Configurable bool
	Own          bool
}

// remote describes v and, for an object, keeps it under a new id until the
// pause ends.
func (d *Debugger) remote(ps *pauseState, v goja.Value) Value {
	if v == nil || goja.IsUndefined(v) {
		return Value{Type: "undefined", Description: "undefined"}
	}
	if goja.IsNull(v) {
		return Value{Type: "object", Subtype: "null", Value: nil, Description: "null"}
	}
	switch e := v.Export().(type) {
	case string:
		return Value{Type: "string", Value: e, Description: e}
	case bool:
		return Value{Type: "boolean", Value: e, Description: strconv.FormatBool(e)}
	case int64:
		return Value{Type: "number", Value: float64(e), Description: strconv.FormatInt(e, 10)}
	case float64:
		desc := v.String()
		switch {
		case math.IsNaN(e) || math.IsInf(e, 0):
			return Value{Type: "number", Unserializable: desc, Description: desc}
		case e == 0 && math.Signbit(e):
			return Value{Type: "number", Unserializable: "-0", Description: "-0"}
		}
		return Value{Type: "number", Value: e, Description: desc}
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		typ := "symbol"
		if _, isBig := v.Export().(interface{ IsInt64() bool }); isBig {
			return Value{Type: "bigint", Unserializable: v.String() + "n", Description: v.String() + "n"}
		}
		return Value{Type: typ, Description: v.String()}
	}
	ps.nextObj++
	id := "obj:" + strconv.Itoa(ps.nextObj)
	ps.objects[id] = obj
	desc := d.describe(obj)
	desc.ObjectID = id
	return desc
}

// describeHelper returns [type, subtype, className, description] of an object.
const describeHelper = `(function (o) {
  var t = typeof o, sub = '', cls = 'Object', desc;
  try { var p = Object.getPrototypeOf(o); cls = p && p.constructor && p.constructor.name || (p === null ? 'Object' : 'Object'); } catch (e) {}
  if (t === 'function') {
    cls = 'Function';
    try { desc = Function.prototype.toString.call(o); } catch (e) { desc = 'function'; }
    return [t, sub, cls, desc];
  }
  if (Array.isArray(o)) { sub = 'array'; desc = cls + '(' + o.length + ')'; }
  else if (o instanceof Error) { sub = 'error'; desc = o.stack || String(o); }
  else if (o instanceof RegExp) { sub = 'regexp'; desc = String(o); }
  else if (o instanceof Date) { sub = 'date'; desc = isNaN(o) ? 'Invalid Date' : o.toString(); }
  else if (o instanceof Map) { sub = 'map'; desc = cls + '(' + o.size + ')'; }
  else if (o instanceof Set) { sub = 'set'; desc = cls + '(' + o.size + ')'; }
  else if (o instanceof WeakMap) { sub = 'weakmap'; desc = cls; }
  else if (o instanceof WeakSet) { sub = 'weakset'; desc = cls; }
  else if (o instanceof Promise) { sub = 'promise'; desc = 'Promise'; }
  else if (ArrayBuffer.isView(o) && !(o instanceof DataView)) { sub = 'typedarray'; desc = cls + '(' + o.length + ')'; }
  else if (o instanceof ArrayBuffer) { sub = 'arraybuffer'; desc = 'ArrayBuffer(' + o.byteLength + ')'; }
  else desc = cls;
  return [t, sub, cls, desc];
})`

// propsHelper returns the own properties of o as [name, descriptor] pairs,
// then the prototype.
const propsHelper = `(function (o) {
  var out = [];
  var keys = Reflect.ownKeys(o);
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    var d = Reflect.getOwnPropertyDescriptor(o, k);
    out.push([typeof k === 'symbol' ? k.toString() : k, d]);
  }
  return [out, Object.getPrototypeOf(o)];
})`

func (d *Debugger) helper(name, src string) goja.Callable {
	if d.helpers == nil {
		d.helpers = map[string]goja.Callable{}
	}
	if fn, ok := d.helpers[name]; ok {
		return fn
	}
	v, err := d.vm.RunString(src)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(v)
	d.helpers[name] = fn
	return fn
}

func (d *Debugger) describe(obj *goja.Object) Value {
	res, err := d.helper("describe", describeHelper)(goja.Undefined(), obj)
	if err != nil {
		return Value{Type: "object", ClassName: "Object", Description: "Object"}
	}
	arr := res.ToObject(d.vm)
	return Value{Type: arr.Get("0").String(), Subtype: arr.Get("1").String(), ClassName: arr.Get("2").String(), Description: arr.Get("3").String()}
}

// GetProperties lists an object's own properties and its prototype (as
// the property "__proto__").
func (d *Debugger) GetProperties(objectID string) ([]Property, error) {
	var out []Property
	err := d.do(func(ps *pauseState) error {
		v, ok := ps.objects[objectID]
		if !ok {
			return ErrNoObject
		}
		res, err := d.helper("props", propsHelper)(goja.Undefined(), v)
		if err != nil {
			return err
		}
		pair := res.ToObject(d.vm)
		list := pair.Get("0").ToObject(d.vm)
		n := int(list.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			e := list.Get(strconv.Itoa(i)).ToObject(d.vm)
			desc := e.Get("1").ToObject(d.vm)
			p := Property{Name: e.Get("0").String(), Own: true,
				Enumerable: desc.Get("enumerable").ToBoolean(), Configurable: desc.Get("configurable").ToBoolean()}
			if g := desc.Get("get"); g != nil && !goja.IsUndefined(g) {
				gv := d.remote(ps, g)
				p.Get = &gv
			}
			if s := desc.Get("set"); s != nil && !goja.IsUndefined(s) {
				sv := d.remote(ps, s)
				p.Set = &sv
			}
			if p.Get == nil && p.Set == nil {
				val := d.remote(ps, desc.Get("value"))
				p.Value = &val
				p.Writable = desc.Get("writable").ToBoolean()
			}
			out = append(out, p)
		}
		if proto := pair.Get("1"); proto != nil && !goja.IsNull(proto) && !goja.IsUndefined(proto) {
			pv := d.remote(ps, proto)
			out = append(out, Property{Name: "__proto__", Value: &pv, Writable: true, Configurable: true, Own: true})
		}
		return nil
	})
	return out, err
}
