package nodelib

import (
	"math/big"
	"reflect"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/ecma"
)

// internalBinding('types'): the type checks node implements with V8's internal slots
// (node/src/node_types.cc). The typed-array checks are JavaScript in internal/util/types.

func init() {
	bindingMakers["types"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		is := func(name string, pred func(goja.Value) bool) {
			_ = b.Set(name, func(v goja.Value) bool { return pred(v) })
		}
		of := func(ks ...kind) func(goja.Value) bool {
			return func(v goja.Value) bool {
				k := kindOf(v)
				for _, want := range ks {
					if k == want {
						return true
					}
				}
				return false
			}
		}
		boxed := func(want reflect.Type, class string) func(goja.Value) bool {
			return func(v goja.Value) bool {
				if kindOf(v) != kindPrimitiveWrapper {
					return false
				}
				o := v.(*goja.Object)
				if class != "" {
					return o.ClassName() == class
				}
				return o.ExportType() == want
			}
		}
		isNumberObject := boxed(nil, "Number")
		isBooleanObject := boxed(nil, "Boolean")
		isSymbolObject := boxed(reflect.TypeOf(""), "")
		isBigIntObject := boxed(reflect.TypeOf((*big.Int)(nil)), "")
		isStringObject := of(kindStringWrapper)
		is("isExternal", func(goja.Value) bool { return false })
		is("isDate", of(kindDate))
		is("isArgumentsObject", of(kindArguments))
		is("isBigIntObject", isBigIntObject)
		is("isBooleanObject", isBooleanObject)
		is("isNumberObject", isNumberObject)
		is("isStringObject", isStringObject)
		is("isSymbolObject", isSymbolObject)
		is("isBoxedPrimitive", func(v goja.Value) bool {
			return isNumberObject(v) || isBooleanObject(v) || isSymbolObject(v) || isBigIntObject(v) || isStringObject(v)
		})
		is("isNativeError", of(kindError))
		is("isRegExp", of(kindRegExp))
		is("isAsyncFunction", of(kindAsyncFunction))
		is("isGeneratorFunction", of(kindGeneratorFunction))
		is("isGeneratorObject", of(kindGeneratorObject))
		is("isPromise", of(kindPromise))
		is("isMap", of(kindMap))
		is("isSet", of(kindSet))
		is("isMapIterator", of(kindMapIterator))
		is("isSetIterator", of(kindSetIterator))
		is("isWeakMap", of(kindWeakMap))
		is("isWeakSet", of(kindWeakSet))
		// SharedArrayBuffer comes from runtime/ecma, built on ArrayBuffer:
		// its brand check tells them apart (false for all when ecma is absent).
		isShared, err := ecma.SharedArrayBufferCheck(l.vm)
		if err != nil {
			isShared = func(goja.Value) bool { return false }
		}
		isPlain := of(kindArrayBuffer)
		is("isArrayBuffer", func(v goja.Value) bool { return isPlain(v) && !isShared(v) })
		is("isDataView", of(kindDataView))
		is("isSharedArrayBuffer", isShared)
		is("isAnyArrayBuffer", isPlain)
		is("isProxy", of(kindProxy))
		// goja has no ES modules, so no module namespace objects exist.
		is("isModuleNamespaceObject", func(goja.Value) bool { return false })
		return b
	}
}
