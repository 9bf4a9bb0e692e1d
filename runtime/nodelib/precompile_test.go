package nodelib

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

func TestPrecompile(t *testing.T) {
	defer goleak.VerifyNone(t)
	if err := Precompile(); err != nil {
		t.Fatal(err)
	}
	if err := Precompile("no/such/module"); err == nil {
		t.Fatal("precompiling an unknown module succeeded")
	}
}

// TestPrecompileCoversConsole keeps startupModules equal to what the first console.log loads.
func TestPrecompileCoversConsole(t *testing.T) {
	h := newTestHost(t)
	if err := h.run("x.js", `console.log('hello', { a: 1 }); require('util');`); err != nil {
		t.Fatal(err)
	}
	err := fs.WalkDir(libFS, "lib", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".js") {
			return err
		}
		id := strings.TrimSuffix(strings.TrimPrefix(p, "lib/"), ".js")
		loaded, err := h.lib.isLoaded(goja.Undefined(), h.vm.ToValue(id))
		if err != nil {
			return err
		}
		if loaded.ToBoolean() != slices.Contains(startupModules, id) && id != "internal/per_context/primordials" {
			t.Errorf("module %s: loaded=%v, in startupModules=%v", id, loaded.ToBoolean(), !loaded.ToBoolean())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
