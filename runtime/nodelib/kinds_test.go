package nodelib

import (
	"testing"

	"github.com/dop251/goja"
)

// TestKinds pins kindOf to goja's internal object types: a goja upgrade that renames one
// fails here instead of silently changing util.types answers.
func TestKinds(t *testing.T) {
	vm := goja.New()
	for src, want := range map[string]kind{
		"({})":                                  kindPlain,
		"[1, 2]":                                kindArray,
		"[1, , 3]":                              kindArray,
		"(function () { return arguments; })()": kindArguments,
		"new Map()":                             kindMap,
		"new Set()":                             kindSet,
		"new WeakMap()":                         kindWeakMap,
		"new WeakSet()":                         kindWeakSet,
		"new Map().entries()":                   kindMapIterator,
		"new Set().values()":                    kindSetIterator,
		"[].values()":                           kindArrayIterator,
		"''[Symbol.iterator]()":                 kindStringIterator,
		"new Date()":                            kindDate,
		"/x/":                                   kindRegExp,
		"new TypeError()":                       kindError,
		"Promise.resolve()":                     kindPromise,
		"new Proxy({}, {})":                     kindProxy,
		"new ArrayBuffer(1)":                    kindArrayBuffer,
		"new Int16Array(1)":                     kindTypedArray,
		"new DataView(new ArrayBuffer(1))":      kindDataView,
		"Object(1)":                             kindPrimitiveWrapper,
		"Object('s')":                           kindStringWrapper,
		"(function* () {})()":                   kindGeneratorObject,
		"(function () {})":                      kindFunction,
		"(() => 1)":                             kindFunction,
		"({ m() {} }).m":                        kindFunction,
		"(async function () {})":                kindAsyncFunction,
		"(async () => 1)":                       kindAsyncFunction,
		"({ async m() {} }).m":                  kindAsyncFunction,
		"(function* () {})":                     kindGeneratorFunction,
		"({ *m() {} }).m":                       kindGeneratorFunction,
		"(class {})":                            kindClass,
		"Math.max":                              kindNativeFunction,
		"(function () {}).bind(null)":           kindBoundFunction,
		"1":                                     kindOther,
		"'str'":                                 kindOther,
	} {
		v, err := vm.RunString("(" + src + ")")
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := kindOf(v); got != want {
			t.Errorf("kindOf(%s) = %d, want %d", src, got, want)
		}
	}
}

// TestPreviewEntries checks the iterator preview, which reads goja's iterator state.
func TestPreviewEntries(t *testing.T) {
	h := newTestHost(t)
	err := h.run("preview.js", `
const util = require('util');
const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
const it = m.entries(); it.next();
const keys = m.keys(); keys.next(); keys.next(); keys.next();
const s = new Set([1, 2, 3]); const sv = s.values(); sv.next(); s.delete(2);
console.log(util.inspect(it), util.inspect(keys), util.inspect(sv), util.inspect(s.entries()));
console.log(it.next().value, sv.next().value);`)
	if err != nil {
		t.Fatal(err)
	}
	want := "[Map Entries] { [ 'b', 2 ], [ 'c', 3 ] } [Map Iterator] {  } [Set Iterator] { 3 } [Set Entries] { [ 1, 1 ], [ 3, 3 ] }\n[ 'b', 2 ] 3\n"
	if got := h.stdout.String(); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}
