package nodelib

import (
	"reflect"
	"sync"

	"github.com/dop251/goja"
)

// V8 answers "is this a Map?" from an object's internal slots, which user code cannot forge.
// goja keeps the same fact in the Go type behind *goja.Object (its unexported `self` field:
// *goja.mapObject, *goja.asyncFuncObject, ...). Reading that type name through reflect is exact
// and cheap, unlike brand checks that throw. The names are pinned by the goja version in go.mod;
// kinds_test.go fails if a goja upgrade renames them.

type kind uint8

const (
	kindOther kind = iota
	kindPlain
	kindArray
	kindArguments
	kindMap
	kindSet
	kindWeakMap
	kindWeakSet
	kindMapIterator
	kindSetIterator
	kindArrayIterator
	kindStringIterator
	kindDate
	kindRegExp
	kindError
	kindPromise
	kindProxy
	kindArrayBuffer
	kindTypedArray
	kindDataView
	kindPrimitiveWrapper
	kindStringWrapper
	kindGeneratorObject
	kindFunction
	kindAsyncFunction
	kindGeneratorFunction
	kindClass
	kindNativeFunction
	kindBoundFunction
)

var kindByTypeName = map[string]kind{
	"*goja.baseObject":                kindPlain,
	"*goja.arrayObject":               kindArray,
	"*goja.sparseArrayObject":         kindArray,
	"*goja.argumentsObject":           kindArguments,
	"*goja.mapObject":                 kindMap,
	"*goja.setObject":                 kindSet,
	"*goja.weakMapObject":             kindWeakMap,
	"*goja.weakSetObject":             kindWeakSet,
	"*goja.mapIterObject":             kindMapIterator,
	"*goja.setIterObject":             kindSetIterator,
	"*goja.arrayIterObject":           kindArrayIterator,
	"*goja.stringIterObject":          kindStringIterator,
	"*goja.dateObject":                kindDate,
	"*goja.regexpObject":              kindRegExp,
	"*goja.errorObject":               kindError,
	"*goja.Promise":                   kindPromise,
	"*goja.proxyObject":               kindProxy,
	"*goja.arrayBufferObject":         kindArrayBuffer,
	"*goja.typedArrayObject":          kindTypedArray,
	"*goja.dataViewObject":            kindDataView,
	"*goja.primitiveValueObject":      kindPrimitiveWrapper,
	"*goja.stringObject":              kindStringWrapper,
	"*goja.generatorObject":           kindGeneratorObject,
	"*goja.funcObject":                kindFunction,
	"*goja.methodFuncObject":          kindFunction,
	"*goja.arrowFuncObject":           kindFunction,
	"*goja.asyncFuncObject":           kindAsyncFunction,
	"*goja.asyncMethodFuncObject":     kindAsyncFunction,
	"*goja.asyncArrowFuncObject":      kindAsyncFunction,
	"*goja.generatorFuncObject":       kindGeneratorFunction,
	"*goja.generatorMethodFuncObject": kindGeneratorFunction,
	"*goja.classFuncObject":           kindClass,
	"*goja.nativeFuncObject":          kindNativeFunction,
	"*goja.wrappedFuncObject":         kindNativeFunction,
	"*goja.boundFuncObject":           kindBoundFunction,
}

var (
	selfField     = -1
	selfFieldOnce sync.Once
	kindCache     sync.Map // reflect.Type -> kind
)

// kindOf returns the internal kind of v, kindOther for primitives and unknown objects.
func kindOf(v goja.Value) kind {
	o, ok := v.(*goja.Object)
	if !ok || o == nil {
		return kindOther
	}
	selfFieldOnce.Do(func() {
		if f, ok := reflect.TypeOf(goja.Object{}).FieldByName("self"); ok {
			selfField = f.Index[0]
		}
	})
	if selfField < 0 {
		return kindOther
	}
	self := reflect.ValueOf(o).Elem().Field(selfField)
	if self.IsNil() {
		return kindOther
	}
	t := self.Elem().Type()
	if k, ok := kindCache.Load(t); ok {
		return k.(kind)
	}
	k := kindByTypeName[t.String()]
	kindCache.Store(t, k)
	return k
}

func isFunctionKind(k kind) bool {
	return k >= kindFunction
}
