package debugger

import (
	"context"
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
	// ObjectID names an object for GetProperties and CallFunctionOn until
	// its group is released.
	ObjectID string
	// Preview is set when asked for (EvalOptions.Preview).
	Preview *Preview
	// Location is a function's [[FunctionLocation]] (Subtype
	// "internal#location"), V8's internal property, which has no object.
	Location *Location
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
func (d *Debugger) remote(group string, v goja.Value) Value {
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
	d.nextObj++
	id := "obj:" + strconv.Itoa(d.nextObj)
	if d.objects == nil {
		d.objects = map[string]remoteObj{}
	}
	d.objects[id] = remoteObj{v: obj, group: group}
	desc := d.describe(obj)
	desc.ObjectID = id
	return desc
}

// groupBacktrace holds the objects a pause creates (scopes, this): they
// are released when the program resumes, as V8 releases its backtrace group.
const groupBacktrace = "backtrace"

type remoteObj struct {
	v     goja.Value
	group string
}

// ReleaseObjectGroup forgets the objects handed out in group.
func (d *Debugger) ReleaseObjectGroup(ctx context.Context, group string) error {
	return d.call(ctx, func() error {
		d.releaseGroup(group)
		return nil
	})
}

// ReleaseObject forgets one object.
func (d *Debugger) ReleaseObject(ctx context.Context, id string) error {
	return d.call(ctx, func() error {
		delete(d.objects, id)
		return nil
	})
}

func (d *Debugger) releaseGroup(group string) {
	for id, o := range d.objects {
		if o.group == group {
			delete(d.objects, id)
		}
	}
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

// propsHelper returns the own properties of o as [name, descriptor] pairs
// (array indexes from..from+count only, for big arrays), then the
// internal properties as [name, value] pairs: [[Prototype]], and
// [[Entries]] of a Map or Set, [[PromiseState]]/[[PromiseResult]] are not
// visible to JavaScript and are left out.
const propsHelper = `(function (o, from, count) {
  var out = [];
  var keys = Reflect.ownKeys(o);
  var isArr = Array.isArray(o);
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (isArr && count >= 0 && typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k)) {
      var n = +k;
      if (n < from || n >= from + count) continue;
    }
    var d = Reflect.getOwnPropertyDescriptor(o, k);
    out.push([typeof k === 'symbol' ? k.toString() : k, d]);
  }
  var internal = [['[[Prototype]]', Object.getPrototypeOf(o)]];
  if (o instanceof Map) {
    var me = [];
    o.forEach(function (v, k) { me.push({ key: k, value: v }); });
    internal.push(['[[Entries]]', me]);
  } else if (o instanceof Set) {
    var se = [];
    o.forEach(function (v) { se.push({ value: v }); });
    internal.push(['[[Entries]]', se]);
  } else if (typeof o === 'function') {
    try { internal.push(['[[FunctionSource]]', Function.prototype.toString.call(o)]); } catch (e) {}
  }
  return [out, internal];
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

// PropertiesOptions selects what GetProperties lists.
type PropertiesOptions struct {
	// From and Count select array indexes (big arrays are shown in
	// ranges); Count < 0 lists them all.
	From, Count int
}

// GetProperties lists an object's own properties, then its internal ones
// (a function's [[FunctionLocation]], [[Prototype]], a Map's or Set's
// [[Entries]]) in internal.
func (d *Debugger) GetProperties(ctx context.Context, objectID string) ([]Property, error) {
	props, internal, err := d.GetPropertiesWith(ctx, objectID, PropertiesOptions{Count: -1})
	return append(props, internal...), err
}

// GetPropertiesWith is GetProperties with options; internal properties
// come apart.
func (d *Debugger) GetPropertiesWith(ctx context.Context, objectID string, opts PropertiesOptions) (out, internal []Property, err error) {
	err = d.call(ctx, func() error {
		o, ok := d.objects[objectID]
		if !ok {
			return ErrNoObject
		}
		group := o.group
		v := o.v
		res, err := d.helper("props", propsHelper)(goja.Undefined(), v, d.vm.ToValue(opts.From), d.vm.ToValue(opts.Count))
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
				gv := d.remote(group, g)
				p.Get = &gv
			}
			if s := desc.Get("set"); s != nil && !goja.IsUndefined(s) {
				sv := d.remote(group, s)
				p.Set = &sv
			}
			if p.Get == nil && p.Set == nil {
				val := d.remote(group, desc.Get("value"))
				p.Value = &val
				p.Writable = desc.Get("writable").ToBoolean()
			}
			out = append(out, p)
		}
		if fn, ok := v.(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(fn); isFn {
				if loc, ok := d.functionLocation(fn); ok {
					internal = append(internal, Property{Name: "[[FunctionLocation]]",
						Value: &Value{Type: "object", Subtype: "internal#location", Description: "Object", Location: &loc}})
				}
			}
		}
		ilist := pair.Get("1").ToObject(d.vm)
		n = int(ilist.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			e := ilist.Get(strconv.Itoa(i)).ToObject(d.vm)
			val := e.Get("1")
			if goja.IsNull(val) && e.Get("0").String() == "[[Prototype]]" {
				continue
			}
			pv := d.remote(group, val)
			internal = append(internal, Property{Name: e.Get("0").String(), Value: &pv})
		}
		return nil
	})
	return out, internal, err
}

// Preview is a short view of an object's first properties or entries.
type Preview struct {
	Type, Subtype, Description string
	Overflow                   bool
	Properties                 []PropertyPreview
	Entries                    []EntryPreview // Map and Set
}

// PropertyPreview is one property in a Preview: its value as text.
type PropertyPreview struct {
	Name, Type, Value, Subtype string
}

// EntryPreview is one Map or Set entry in a Preview.
type EntryPreview struct {
	Key   *PropertyPreview // nil for a Set
	Value PropertyPreview
}

// previewHelper returns [overflow, [[name, type, value, subtype]...], [[keyType, keyValue, valType, valValue]...]].
const previewHelper = `(function (o, max) {
  function brief(v) {
    var t = typeof v;
    if (v === null) return ['object', 'null', 'null'];
    if (t === 'function') return ['function', '', ''];
    if (t === 'object') {
      if (Array.isArray(v)) return ['object', 'Array(' + v.length + ')', 'array'];
      if (v instanceof Map) return ['object', 'Map(' + v.size + ')', 'map'];
      if (v instanceof Set) return ['object', 'Set(' + v.size + ')', 'set'];
      if (v instanceof Error) return ['object', String(v), 'error'];
      if (v instanceof RegExp) return ['object', String(v), 'regexp'];
      if (v instanceof Date) return ['object', String(v), 'date'];
      var p = Object.getPrototypeOf(v);
      return ['object', p && p.constructor && p.constructor.name || 'Object', ''];
    }
    if (t === 'symbol') return [t, v.toString(), ''];
    if (t === 'bigint') return [t, String(v) + 'n', ''];
    return [t, String(v), ''];
  }
  var props = [], entries = [], overflow = false;
  var keys = Object.keys(o);
  if (o instanceof Map || o instanceof Set) {
    props.push(['size', 'number', String(o.size), '']);
    var n = 0;
    o.forEach(function (v, k) {
      if (n++ >= max) { overflow = true; return; }
      var bv = brief(v);
      if (o instanceof Map) { var bk = brief(k); entries.push([bk[0], bk[1], bv[0], bv[1]]); }
      else entries.push(['', '', bv[0], bv[1]]);
    });
  }
  var limit = Array.isArray(o) ? 100 : max;
  for (var i = 0; i < keys.length; i++) {
    if (props.length >= limit) { overflow = true; break; }
    var v;
    try { v = o[keys[i]]; } catch (e) { continue; }
    var b = brief(v);
    props.push([keys[i], b[0], b[1], b[2]]);
  }
  return [overflow, props, entries];
})`

// remoteWith is remote with a preview or, for ByValue, the JSON value.
func (d *Debugger) remoteWith(group string, v goja.Value, preview, byValue bool) Value {
	obj, isObj := v.(*goja.Object)
	if byValue && isObj {
		desc := d.describe(obj)
		out := Value{Type: desc.Type, Subtype: desc.Subtype, ClassName: desc.ClassName, Description: desc.Description}
		if desc.Type == "function" {
			out.Value = map[string]any{}
			return out
		}
		js, err := d.helper("byValue", `(function (v) { return JSON.parse(JSON.stringify(v)); })`)(goja.Undefined(), obj)
		if err == nil && js != nil {
			out.Value = js.Export()
		}
		out.Description, out.ClassName = "", ""
		if out.Subtype == "array" {
			out.ClassName = ""
		}
		return out
	}
	r := d.remote(group, v)
	if preview && isObj && r.Type == "object" {
		r.Preview = d.preview(obj, r)
	}
	return r
}

func (d *Debugger) preview(obj *goja.Object, r Value) *Preview {
	res, err := d.helper("preview", previewHelper)(goja.Undefined(), obj, d.vm.ToValue(5))
	if err != nil {
		return nil
	}
	arr := res.ToObject(d.vm)
	p := &Preview{Type: r.Type, Subtype: r.Subtype, Description: r.Description, Overflow: arr.Get("0").ToBoolean()}
	each := func(v goja.Value, fn func(o *goja.Object)) {
		list := v.ToObject(d.vm)
		n := int(list.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			fn(list.Get(strconv.Itoa(i)).ToObject(d.vm))
		}
	}
	each(arr.Get("1"), func(o *goja.Object) {
		p.Properties = append(p.Properties, PropertyPreview{Name: o.Get("0").String(), Type: o.Get("1").String(), Value: o.Get("2").String(), Subtype: o.Get("3").String()})
	})
	each(arr.Get("2"), func(o *goja.Object) {
		e := EntryPreview{Value: PropertyPreview{Type: o.Get("2").String(), Value: o.Get("3").String()}}
		if kt := o.Get("0").String(); kt != "" {
			e.Key = &PropertyPreview{Type: kt, Value: o.Get("1").String()}
		}
		p.Entries = append(p.Entries, e)
	})
	return p
}
