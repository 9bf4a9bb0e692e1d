package modules

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/studiojs/studio/runtime/ecma"
)

// testHost is the smallest runtime the module cases need: console.log with
// simple formatting, setTimeout/setImmediate on a virtual clock, and
// builtins path, fs (readFileSync), url and timers/promises. Real inspect
// and timers come from nodelib and the event loop; this is a test fake for
// them, not for the loader.
type testHost struct {
	t      testing.TB
	vm     *goja.Runtime
	out    strings.Builder
	loader *Loader

	now        int64
	seq        int64
	timers     []*hostTimer
	immediates []goja.Callable
	builtins   map[string]goja.Value
}

type hostTimer struct {
	due, seq int64
	fn       goja.Callable
	args     []goja.Value
	cleared  bool
}

func newTestHost(t testing.TB) *testHost {
	t.Helper()
	h := &testHost{t: t, vm: goja.New(), builtins: map[string]goja.Value{}}
	vm := h.vm
	// As the runtime does: property escapes in regexp literals rely on
	// ecma's RegExp constructor after esbuild lowers them.
	must(t, ecma.Install(vm))
	console := vm.NewObject()
	must(t, console.Set("log", func(c goja.FunctionCall) goja.Value {
		h.out.WriteString(h.format(c.Arguments))
		h.out.WriteString("\n")
		return goja.Undefined()
	}))
	must(t, vm.Set("console", console))
	must(t, vm.Set("setTimeout", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(h.addTimer(c.Argument(0), c.Argument(1).ToInteger(), c.Arguments[min(2, len(c.Arguments)):]))
	}))
	must(t, vm.Set("clearTimeout", func(c goja.FunctionCall) goja.Value {
		if tm, ok := c.Argument(0).Export().(*hostTimer); ok {
			tm.cleared = true
		}
		return goja.Undefined()
	}))
	must(t, vm.Set("setImmediate", func(c goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(c.Argument(0))
		h.immediates = append(h.immediates, fn)
		return goja.Undefined()
	}))
	h.installBuiltins()
	l, err := New(vm, Options{Builtins: h})
	if err != nil {
		t.Fatal(err)
	}
	h.loader = l
	return h
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (h *testHost) addTimer(fnv goja.Value, ms int64, args []goja.Value) *hostTimer {
	fn, ok := goja.AssertFunction(fnv)
	if !ok {
		panic(h.vm.NewTypeError("callback must be a function"))
	}
	if ms < 1 {
		ms = 1
	}
	h.seq++
	tm := &hostTimer{due: h.now + ms, seq: h.seq, fn: fn, args: append([]goja.Value(nil), args...)}
	h.timers = append(h.timers, tm)
	return tm
}

// format is a simplified util.format: %s %d %j %%, strings bare, other
// values as JSON or String().
func (h *testHost) format(args []goja.Value) string {
	var parts []string
	i := 0
	if len(args) > 0 {
		if s, ok := args[0].Export().(string); ok && strings.Contains(s, "%") {
			var b strings.Builder
			i = 1
			for j := 0; j < len(s); j++ {
				if s[j] == '%' && j+1 < len(s) {
					switch s[j+1] {
					case 's', 'd', 'j':
						if i < len(args) {
							if s[j+1] == 'j' {
								b.WriteString(h.json(args[i]))
							} else {
								b.WriteString(h.show(args[i]))
							}
							i++
							j++
							continue
						}
					case '%':
						b.WriteByte('%')
						j++
						continue
					}
				}
				b.WriteByte(s[j])
			}
			parts = append(parts, b.String())
		}
	}
	for ; i < len(args); i++ {
		parts = append(parts, h.show(args[i]))
	}
	return strings.Join(parts, " ")
}

func (h *testHost) json(v goja.Value) string {
	stringify, _ := goja.AssertFunction(h.vm.Get("JSON").ToObject(h.vm).Get("stringify"))
	r, err := stringify(goja.Undefined(), v)
	if err != nil || goja.IsUndefined(r) {
		return "undefined"
	}
	return r.String()
}

func (h *testHost) show(v goja.Value) string {
	if _, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(v); isFn {
			return "[Function]"
		}
		return h.json(v)
	}
	return v.String()
}

// run drives the fake loop until no timers or immediates remain: due timers
// in order, then immediates, then the clock jumps to the next timer.
func (h *testHost) run() {
	for {
		if len(h.immediates) > 0 {
			imm := h.immediates
			h.immediates = nil
			for _, fn := range imm {
				h.call(fn, goja.Undefined())
			}
			continue
		}
		sort.SliceStable(h.timers, func(a, b int) bool {
			if h.timers[a].due != h.timers[b].due {
				return h.timers[a].due < h.timers[b].due
			}
			return h.timers[a].seq < h.timers[b].seq
		})
		if len(h.timers) == 0 {
			return
		}
		tm := h.timers[0]
		h.timers = h.timers[1:]
		if tm.cleared {
			continue
		}
		if tm.due > h.now {
			h.now = tm.due
		}
		h.call(tm.fn, goja.Undefined(), tm.args...)
	}
}

// call is an outermost Go-to-JS call: goja runs promise jobs when it returns.
func (h *testHost) call(fn goja.Callable, this goja.Value, args ...goja.Value) {
	if _, err := fn(this, args...); err != nil {
		fmt.Fprintf(&h.out, "Uncaught %v\n", err)
	}
}

// runMain calls RunMain from inside a JS-to-Go call, as the event loop does.
func (h *testHost) runMain(file string) (result goja.Value, err error) {
	trampoline := h.vm.ToValue(func(goja.FunctionCall) goja.Value {
		result, err = h.loader.RunMain(file)
		return goja.Undefined()
	})
	fn, _ := goja.AssertFunction(trampoline)
	if _, cerr := fn(goja.Undefined()); cerr != nil {
		return nil, cerr
	}
	return result, err
}

// IsBuiltin implements Builtins.
func (h *testHost) IsBuiltin(id string) bool {
	id = strings.TrimPrefix(id, "node:")
	_, ok := h.builtins[id]
	return ok || id == "module"
}

// Require implements Builtins.
func (h *testHost) Require(id string) (goja.Value, error) {
	if id == "module" {
		return h.loader.Module(), nil
	}
	if v, ok := h.builtins[id]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("requiring builtin %q: not in the test host", id)
}

func (h *testHost) installBuiltins() {
	vm := h.vm
	obj := func(fns map[string]any) goja.Value {
		o := vm.NewObject()
		for k, f := range fns {
			must(h.t, o.Set(k, f))
		}
		return o
	}
	h.builtins["path"] = obj(map[string]any{
		"join":       func(parts ...string) string { return path.Join(parts...) },
		"basename":   func(p string) string { return path.Base(p) },
		"dirname":    func(p string) string { return path.Dir(p) },
		"isAbsolute": func(p string) bool { return path.IsAbs(p) },
		"resolve": func(parts ...string) string {
			wd, _ := os.Getwd()
			return filepath.Join(append([]string{wd}, parts...)...)
		},
	})
	h.builtins["fs"] = obj(map[string]any{
		"readFileSync": func(c goja.FunctionCall) goja.Value {
			data, err := os.ReadFile(c.Argument(0).String())
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return vm.ToValue(string(data))
		},
	})
	h.builtins["url"] = obj(map[string]any{
		"fileURLToPath": func(u string) string { p, _ := fileURLToPath(u); return p },
		"pathToFileURL": func(p string) string { return pathToFileURL(p) },
	})
	h.builtins["timers/promises"] = obj(map[string]any{
		"setTimeout": func(c goja.FunctionCall) goja.Value {
			p, resolve, _ := vm.NewPromise()
			value := c.Argument(1)
			h.addTimer(vm.ToValue(func(goja.FunctionCall) goja.Value {
				_ = resolve(value)
				return goja.Undefined()
			}), c.Argument(0).ToInteger(), nil)
			return vm.ToValue(p)
		},
	})
}

func asException(err error, ex **goja.Exception) bool {
	e, ok := err.(*goja.Exception)
	if ok {
		*ex = e
	}
	return ok
}

// watch reports a rejection of the main module's promise on stdout, as
// "rejected CODE".
func (h *testHost) watch(res goja.Value) {
	if res == nil {
		return
	}
	p, ok := res.Export().(*goja.Promise)
	if !ok {
		return
	}
	then, _ := goja.AssertFunction(res.ToObject(h.vm).Get("then"))
	onErr := h.vm.ToValue(func(c goja.FunctionCall) goja.Value {
		code := c.Argument(0).ToObject(h.vm).Get("code")
		fmt.Fprintf(&h.out, "rejected %v\n", code)
		return goja.Undefined()
	})
	_ = p
	h.call(then, res, goja.Undefined(), onErr)
}
