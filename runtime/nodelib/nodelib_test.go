package nodelib

import (
	"errors"
	"testing"

	"github.com/dop251/goja"
)

func TestSmoke(t *testing.T) {
	h := newTestHost(t)
	if err := h.run("smoke.js", `console.log('hello', { a: 1 }, [1, 2], new Map([[1, 2]]));`); err != nil {
		t.Fatal(err)
	}
	if got, want := h.stdout.String(), "hello { a: 1 } [ 1, 2 ] Map(1) { 1 => 2 }\n"; got != want {
		t.Fatalf("stdout = %q, want %q", got, want)
	}
}

func TestRequire(t *testing.T) {
	for name, tc := range map[string]struct {
		id      string
		wantErr error
		check   string // JS expression over `m`, must be true
	}{
		"plain id":              {id: "util", check: "typeof m.inspect === 'function'"},
		"node: scheme":          {id: "node:path", check: "m.join('a', 'b') === 'a/b'"},
		"sys is util":           {id: "sys", check: "typeof m.format === 'function'"},
		"subpath":               {id: "assert/strict", check: "typeof m.deepEqual === 'function'"},
		"util/types":            {id: "util/types", check: "m.isDate(new Date())"},
		"unknown":               {id: "left-pad", wantErr: ErrNotBuiltin},
		"internal not public":   {id: "internal/util", wantErr: ErrNotBuiltin},
		"scheme-only bare":      {id: "test", wantErr: ErrNotBuiltin},
		"builtin not embedded":  {id: "worker_threads", wantErr: ErrUnavailable},
		"scheme-only available": {id: "node:sea", wantErr: ErrUnavailable},
	} {
		t.Run(name, func(t *testing.T) {
			h := newTestHost(t)
			m, err := h.lib.Require(tc.id)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Require(%q) error = %v, want %v", tc.id, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Require(%q): %v", tc.id, err)
			}
			h.vm.Set("m", m)
			v, err := h.vm.RunString(tc.check)
			if err != nil || !v.ToBoolean() {
				t.Fatalf("%s: got %v, %v", tc.check, v, err)
			}
		})
	}
}

func TestRequireSameExports(t *testing.T) {
	h := newTestHost(t)
	a, err := h.lib.Require("events")
	if err != nil {
		t.Fatal(err)
	}
	b, err := h.lib.Require("node:events")
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatal("events and node:events differ")
	}
}

func TestProvideWins(t *testing.T) {
	h := newTestHost(t)
	timers := h.vm.NewObject()
	_ = timers.Set("marker", "host timers")
	h.lib.Provide("node:timers", timers)
	got, err := h.lib.Require("timers")
	if err != nil {
		t.Fatal(err)
	}
	if got != timers {
		t.Fatal("Require did not return the provided module")
	}
	// Node's lib code sees the provided module too.
	util := h.vm.NewObject()
	_ = util.Set("inspect", "host util")
	h.lib.Provide("util", util)
	v, err := h.lib.Require("util")
	if err != nil || v.ToObject(h.vm).Get("inspect").String() != "host util" {
		t.Fatalf("provided util not used: %v %v", v, err)
	}
}

func TestIsBuiltin(t *testing.T) {
	lib, err := New(goja.New(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{
		"fs": true, "node:fs": true, "fs/promises": true, "node:test": true, "test": false,
		"internal/util": false, "node:internal/util": false, "left-pad": false, "sys": true,
		"node:sea": true, "sea": false, "worker_threads": true, "assert/strict": true,
	} {
		if got := lib.IsBuiltin(id); got != want {
			t.Errorf("IsBuiltin(%q) = %v, want %v", id, got, want)
		}
	}
}

// TestNewLoadsNoModule checks that New stays cheap: no public module is loaded before the
// first Require, and process is not read.
func TestNewLoadsNoModule(t *testing.T) {
	vm := goja.New()
	proc, err := vm.RunString(`new Proxy({}, { get(t, k) { throw new Error('process.' + String(k) + ' read in New'); } })`)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := New(vm, Options{Process: proc.ToObject(vm)})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"util", "internal/util/inspect", "buffer", "console"} {
		loaded, err := lib.isLoaded(goja.Undefined(), vm.ToValue(id))
		if err != nil {
			t.Fatal(err)
		}
		if loaded.ToBoolean() {
			t.Errorf("%s loaded by New", id)
		}
	}
}

// TestGoPanicBecomesError checks that a JS exception escaping a module turns into an error
// from Require rather than a Go panic.
func TestGoPanicBecomesError(t *testing.T) {
	h := newTestHost(t)
	h.lib.Provide("internal/util/inspect", goja.Undefined())
	if _, err := h.lib.Require("util"); err == nil {
		t.Fatal("Require(util) with a broken dependency succeeded")
	}
	// The runtime is still usable afterwards.
	if _, err := h.lib.Require("path"); err != nil {
		t.Fatalf("Require(path) after a failed require: %v", err)
	}
}
