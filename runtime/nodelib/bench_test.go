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
