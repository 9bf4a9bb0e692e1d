package nodelib

import (
	"reflect"
	"unsafe"
	"weak"

	"github.com/dop251/goja"
)

// previewEntries is internalBinding('util').previewEntries (v8::Object::PreviewEntries): the
// remaining entries of a Map/Set iterator without advancing it, or the entries of a
// Map/Set/WeakMap/WeakSet. With one argument it returns the entries; with two it returns
// [entries, isKeyValue], where key/value entries are flattened [k0, v0, k1, v1, ...].
//
// goja keeps iterator positions and weak collections in unexported fields, so this reads them
// through reflect; kinds_test.go and preview_test.go pin the layout to the goja version.
func (l *Lib) previewEntries(call goja.FunctionCall) goja.Value {
	o, ok := call.Argument(0).(*goja.Object)
	if !ok {
		return goja.Undefined()
	}
	var entries []any
	keyValue := false
	switch kindOf(o) {
	case kindMap, kindSet:
		m := unexported(selfValue(o).Elem().FieldByName("m")).Interface()
		entries, keyValue = walkOrderedMap(reflect.ValueOf(m), nil, true, kindOf(o) == kindMap)
	case kindMapIterator, kindSetIterator:
		self := selfValue(o).Elem()
		iter := unexported(self.FieldByName("iter"))
		if !iter.IsNil() {
			k := unexported(self.FieldByName("kind")).Int()
			// goja's iterationKind: 0 key, 1 value, 2 key+value.
			isSet := kindOf(o) == kindSetIterator
			withKey, withValue := k != 1, k != 0
			if isSet {
				// A Set stores each element as the key.
				withKey, withValue = true, false
			}
			m := unexported(iter.Elem().FieldByName("m"))
			if !m.IsNil() {
				cur := unexported(iter.Elem().FieldByName("cur"))
				entries, keyValue = walkOrderedMap(m, &cur, withKey, withValue)
				if isSet && k == 2 {
					// Set entries() yields [v, v].
					pairs := make([]any, 0, 2*len(entries))
					for _, e := range entries {
						pairs = append(pairs, e, e)
					}
					entries, keyValue = pairs, true
				}
			}
		}
	case kindWeakMap, kindWeakSet:
		field := "m"
		if kindOf(o) == kindWeakSet {
			field = "s"
		}
		wm := unexported(selfValue(o).Elem().FieldByName(field))
		mm := unexported(wm.FieldByName("m"))
		keyValue = kindOf(o) == kindWeakMap
		it := mm.MapRange()
		for it.Next() {
			wp := it.Key().Interface().(weak.Pointer[goja.Object])
			key := wp.Value()
			if key == nil {
				continue
			}
			entries = append(entries, key)
			if keyValue {
				entries = append(entries, it.Value().Interface())
			}
		}
	default:
		return goja.Undefined()
	}
	arr := l.vm.NewArray(entries...)
	if len(call.Arguments) < 2 {
		return arr
	}
	return l.vm.NewArray(arr, keyValue)
}

// walkOrderedMap lists the entries of a goja orderedMap, starting after *cur when cur != nil
// (the same walk orderedMapIter.next does, without moving the iterator).
func walkOrderedMap(m reflect.Value, cur *reflect.Value, withKey, withValue bool) ([]any, bool) {
	var out []any
	var e reflect.Value
	if cur != nil && !cur.IsNil() {
		e = *cur
		// A deleted entry has a nil key: track back to the last live one, as next() does.
		for !e.IsNil() && unexported(e.Elem().FieldByName("key")).IsNil() {
			e = unexported(e.Elem().FieldByName("iterPrev"))
		}
		if e.IsNil() {
			e = unexported(m.Elem().FieldByName("iterFirst"))
		} else {
			e = unexported(e.Elem().FieldByName("iterNext"))
		}
	} else {
		e = unexported(m.Elem().FieldByName("iterFirst"))
	}
	for ; !e.IsNil(); e = unexported(e.Elem().FieldByName("iterNext")) {
		if withKey {
			out = append(out, unexported(e.Elem().FieldByName("key")).Interface())
		}
		if withValue {
			out = append(out, unexported(e.Elem().FieldByName("value")).Interface())
		}
	}
	return out, withKey && withValue
}

func selfValue(o *goja.Object) reflect.Value {
	return unexported(reflect.ValueOf(o).Elem().Field(selfField)).Elem()
}

// unexported makes an addressable unexported field readable.
func unexported(v reflect.Value) reflect.Value {
	if v.CanInterface() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}
