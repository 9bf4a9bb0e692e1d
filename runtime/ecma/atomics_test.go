package ecma

import (
	"testing"
)

func TestSharedArrayBufferCheck(t *testing.T) {
	tests := map[string]struct {
		expr string
		want bool
	}{
		"shared":                  {"new SharedArrayBuffer(4)", true},
		"subclass":                {"new (class extends SharedArrayBuffer {})(4)", true},
		"array buffer":            {"new ArrayBuffer(4)", false},
		"typed array on shared":   {"new Int32Array(new SharedArrayBuffer(4))", false},
		"fake prototype":          {"Object.create(SharedArrayBuffer.prototype)", false},
		"number":                  {"4", false},
		"after the global is set": {"(() => { const s = new SharedArrayBuffer(2); globalThis.SharedArrayBuffer = null; return s })()", true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			vm, _ := newVM(t)
			isShared, err := SharedArrayBufferCheck(vm)
			if err != nil {
				t.Fatal(err)
			}
			v, err := vm.RunString(tc.expr)
			if err != nil {
				t.Fatal(err)
			}
			if got := isShared(v); got != tc.want {
				t.Errorf("isShared(%s) = %v, want %v", tc.expr, got, tc.want)
			}
		})
	}
}

// TestAtomicsWaitForeverThrows covers the one divergence from node: with
// no other thread to notify, node's main thread would hang forever.
func TestAtomicsWaitForeverThrows(t *testing.T) {
	vm, _ := newVM(t)
	v, err := vm.RunString(`try { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); 'returned' } catch (e) { e.constructor.name }`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "Error" {
		t.Errorf("Atomics.wait with no timeout: %s, want an Error", v)
	}
}
