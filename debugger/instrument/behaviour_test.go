package instrument

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// hookMode is how the stub $$D behaves.
type hookMode int

const (
	hooksOff       hookMode = iota // every $$b byte 0: only the loop budget calls h
	hooksArmed                     // every byte 1, h returns undefined
	hooksWriteBack                 // every byte 1, h returns the locals it got and writes every readable outer variable back
)

func (m hookMode) String() string {
	return [...]string{"off", "armed", "write-back"}[m]
}

// stubPrelude defines the log, a macrotask queue and, when instrumented,
// $$D. OUTER[id] is the number of variables hook id's getter knows (the
// enclosing functions' its function uses, then its own captured ones).
const stubPrelude = `
var __log = [];
function __fmt(v, depth) {
  if (typeof v === 'string') return depth ? JSON.stringify(v) : v;
  if (typeof v === 'function') return '[Function' + (v.name ? ' ' + v.name : '') + ']';
  if (typeof v === 'symbol' || typeof v === 'bigint') return String(v);
  if (v === null || typeof v !== 'object') return String(v);
  if (depth > 3) return '[...]';
  if (Array.isArray(v)) return '[' + v.map(function (x) { return __fmt(x, depth + 1); }).join(', ') + ']';
  if (v instanceof Error) return v.name + ': ' + v.message;
  if (v instanceof Map) return 'Map(' + __fmt(Array.from(v), depth + 1) + ')';
  if (v instanceof Set) return 'Set(' + __fmt(Array.from(v), depth + 1) + ')';
  var keys = Object.keys(v);
  return (v.constructor && v.constructor !== Object ? v.constructor.name + ' ' : '') + '{' +
    keys.map(function (k) { return k + ': ' + __fmt(v[k], depth + 1); }).join(', ') + '}';
}
var console = { log: function () { __log.push(Array.prototype.map.call(arguments, function (a) { return __fmt(a, 0); }).join(' ')); } };
console.error = console.warn = console.info = console.log;
var __tasks = [], __seq = 0, __now = 0;
function __schedule(fn, ms, args) {
  var t = { fn: fn, at: __now + Math.max(1, ms | 0), seq: __seq++, args: args, live: true };
  __tasks.push(t);
  return t;
}
var setTimeout = function (fn, ms) { return __schedule(fn, ms, Array.prototype.slice.call(arguments, 2)); };
var setImmediate = function (fn) { var t = __schedule(fn, 0, Array.prototype.slice.call(arguments, 1)); t.at = __now; return t; };
var clearTimeout = function (t) { if (t) t.live = false; }, clearImmediate = clearTimeout;
function __runTasks() {
  for (var n = 0; __tasks.length && n < 100000; n++) {
    __tasks.sort(function (a, b) { return a.at - b.at || a.seq - b.seq; });
    var t = __tasks.shift();
    if (!t.live) continue;
    __now = t.at;
    t.fn.apply(undefined, t.args);
  }
}
`

const stubDebugger = `
var $$D = { file: function (id) {
  if (id !== FILEID) throw new Error('file ' + id);
  var b = new Uint8Array(NHOOKS), c = new Int32Array([20000]);
  if (MODE > 0) b.fill(1);
  var h = function (id, self, getter, token) {
    var locals = Array.prototype.slice.call(arguments, 4);
    HITS[0]++;
    if (MODE < 2) return undefined;
    if (getter) {
      for (var k = 0; k < OUTER[id]; k++) {
        var v;
        try { v = getter(k, undefined, false); } catch (e) { continue; } // not initialized yet
        getter(k, v, true);
      }
    }
    return locals;
  };
  var t = function (id, value) { HITS[0]++; return value; };
  return { b: b, c: c, h: h, t: t };
} };
`

// runJS runs code, then the scripts in then, in a fresh goja VM with the
// stub globals and returns what it logged and how it ended. With res, $$D
// serves res's hooks in mode; hits counts the hook calls.
func runJS(t testing.TB, code string, wrapped bool, res *Result, mode hookMode, then ...string) (out string, hits int) {
	t.Helper()
	vm := goja.New()
	if _, err := vm.RunString(stubPrelude); err != nil {
		t.Fatalf("prelude: %v", err)
	}
	hitCount := vm.NewArray(0)
	if res != nil {
		outer := make([]any, len(res.Hooks))
		for i, h := range res.Hooks {
			outer[i] = len(res.Funcs[h.Func].Outer) + len(res.Funcs[h.Func].Captured)
		}
		for name, v := range map[string]any{"FILEID": 7, "NHOOKS": len(res.Hooks), "MODE": int(mode), "OUTER": outer, "HITS": hitCount} {
			if err := vm.Set(name, v); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := vm.RunString(stubDebugger); err != nil {
			t.Fatalf("stub: %v", err)
		}
	}
	var log []string
	collect := func() {
		v := vm.Get("__log").Export().([]any)
		for _, l := range v {
			log = append(log, l.(string))
		}
	}
	err := runProgram(vm, code, wrapped, then)
	collect()
	if err != nil {
		log = append(log, "THROWN: "+errorText(err))
	}
	if res != nil {
		hits = int(hitCount.Get("0").ToInteger())
	}
	return strings.Join(log, "\n"), hits
}

// runProgram runs a script, or a module wrapper called as the loader
// does, then the scripts in then, then the queued tasks.
func runProgram(vm *goja.Runtime, code string, wrapped bool, then []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	v, err := vm.RunScript("input.js", code)
	if err != nil {
		return err
	}
	if wrapped {
		fn, ok := goja.AssertFunction(v)
		if !ok {
			return errors.New("the wrapper is not a function")
		}
		exports := vm.NewObject()
		module := vm.NewObject()
		_ = module.Set("exports", exports)
		if err := vm.Set("__module", module); err != nil {
			return err
		}
		require := func(goja.FunctionCall) goja.Value { panic(vm.NewTypeError("no require here")) }
		if _, err := fn(exports, exports, vm.ToValue(require), module, vm.ToValue("/m/input.js"), vm.ToValue("/m")); err != nil {
			return err
		}
	}
	for i, src := range then {
		if _, err := vm.RunScript(fmt.Sprintf("then%d.js", i), src); err != nil {
			return err
		}
	}
	run, _ := goja.AssertFunction(vm.Get("__runTasks"))
	_, err = run(goja.Undefined())
	return err
}

// errorText is a thrown value without positions, which instrumentation
// moves.
func errorText(err error) string {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		v := ex.Value()
		if o, ok := v.(*goja.Object); ok {
			return fmt.Sprintf("%v: %v", o.Get("name"), o.Get("message"))
		}
		return v.String()
	}
	return err.Error()
}

// behaviourCorpus is the golden inputs and testdata/behaviour/*.js.
func behaviourCorpus(t *testing.T) []string {
	var files []string
	for _, pat := range []string{"golden/*.js", "behaviour/*.js"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("empty corpus")
	}
	return files
}

// TestBehaviour runs each corpus program uninstrumented and instrumented
// (hooks off, all armed, armed with write-back; inline locals and shared
// helpers) in plain goja: the logs must be the same.
func TestBehaviour(t *testing.T) {
	for _, path := range behaviourCorpus(t) {
		t.Run(strings.TrimSuffix(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), ".js"), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			wrapped := wrappedName(path)
			want, _ := runJS(t, src, wrapped, nil, 0)
			if want == "" {
				t.Fatal("the program logs nothing")
			}
			// Once as is, once with every function sharing helpers.
			for _, limit := range []int{shareLimit, 0} {
				var res *Result
				withShareLimit(limit, func() { res, err = Instrument(src, Options{FileID: 7, Wrapped: wrapped}) })
				if err != nil {
					t.Fatalf("instrumenting: %v", err)
				}
				for _, mode := range []hookMode{hooksOff, hooksArmed, hooksWriteBack} {
					got, hits := runJS(t, res.Code, wrapped, res, mode)
					if got != want {
						t.Errorf("share limit %d, hooks %v: output differs\nwant:\n%s\ngot:\n%s", limit, mode, want, got)
					}
					if mode != hooksOff && hits == 0 {
						t.Errorf("share limit %d, hooks %v: no hook ran", limit, mode)
					}
				}
			}
		})
	}
}

// TestLoopPolls: with no hook armed, busy loops (with a body, with an
// empty one, with only a block) still call $$h, once every PollEvery+1
// iterations of the file's loops.
func TestLoopPolls(t *testing.T) {
	const iterations = 5*(PollEvery+1) + 7
	for name, src := range map[string]string{
		"body":       "var n = 0; while (true) { if (++n >= N) break; }",
		"empty":      "for (var i = 1; i < N; i++);",
		"block only": "var k = 1; do { { k++; } } while (k < N)",
		"two loops":  "var a = 0, b = 0; while (++a < N / 2); while (++b < N - N / 2 + 1) {}",
	} {
		t.Run(name, func(t *testing.T) {
			src = strings.ReplaceAll(src, "N", strconv.Itoa(iterations)) + "; console.log('done')"
			res, err := Instrument(src, Options{FileID: 7})
			if err != nil {
				t.Fatal(err)
			}
			out, hits := runJS(t, res.Code, false, res, hooksOff)
			if out != "done" {
				t.Fatalf("output %q", out)
			}
			if want := iterations / (PollEvery + 1); hits != want {
				t.Errorf("%d polls, want %d", hits, want)
			}
		})
	}
}
