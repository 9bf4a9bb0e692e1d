package nodelib

import (
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkNewAndConsole measures what a tiny script pays before its first output: New,
// InstallGlobals and the first console.log (which loads console, util/inspect, errors, buffer).
// Compiled programs are cached per process, so this is the steady cost of each new runtime.
func BenchmarkNewAndConsole(b *testing.B) {
	for i := 0; i < b.N; i++ {
		vm := goja.New()
		proc := vm.NewObject()
		out := vm.NewObject()
		_ = out.Set("write", func(string) bool { return true })
		_ = out.Set("fd", 1)
		_ = proc.Set("stdout", out)
		_ = proc.Set("stderr", out)
		_ = proc.Set("platform", "linux")
		_ = proc.Set("versions", vm.NewObject())
		_ = proc.Set("env", vm.NewObject())
		lib, err := New(vm, Options{Process: proc})
		if err != nil {
			b.Fatal(err)
		}
		if err := lib.InstallGlobals(); err != nil {
			b.Fatal(err)
		}
		if _, err := vm.RunString(`console.log('hello', { a: 1 })`); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew measures New alone (polyfills, primordials, the loader).
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(goja.New(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPathJoin measures path.join of a directory and a file name, as bench/scripts/fs.js
// and fs.rm's rimraf call it: node's JS shell (rest arguments, validation) around
// internalBinding('path').join.
func BenchmarkPathJoin(b *testing.B) {
	h := newTestHost(b)
	if _, err := h.vm.RunString(`const path = require('path');
function joins(n) { let s = 0; for (let i = 0; i < n; i++) s += path.join('/tmp/bench-fs-a1b2c3', 'f' + i).length; return s; }`); err != nil {
		b.Fatal(err)
	}
	joins, _ := goja.AssertFunction(h.vm.Get("joins"))
	b.ResetTimer()
	if _, err := joins(goja.Undefined(), h.vm.ToValue(b.N)); err != nil {
		b.Fatal(err)
	}
}
