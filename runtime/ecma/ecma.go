package ecma

import (
	"errors"
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// Install defines the built-ins on vm's global object. It must run on the
// goroutine that owns vm, before user code or Node's library run.
func Install(vm *goja.Runtime) (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("installing ECMAScript built-ins: %w", panicError(x))
		}
	}()
	for _, step := range []struct {
		name string
		fn   func(*goja.Runtime) error
	}{
		{"RegExp property escapes", installRegExp},
		{"SharedArrayBuffer and Atomics", installAtomics},
		{"Intl", installIntl},
	} {
		if err := step.fn(vm); err != nil {
			return fmt.Errorf("installing %s: %w", step.name, err)
		}
	}
	return nil
}

func panicError(x any) error {
	switch v := x.(type) {
	case error:
		return v
	default:
		return errors.New(fmt.Sprint(v))
	}
}

// runSetup runs a JS function expression src and calls it with args; the
// setup scripts keep their helpers in closures rather than on the global.
func runSetup(vm *goja.Runtime, name, src string, args ...any) (goja.Value, error) {
	prg, err := compiled(name, src)
	if err != nil {
		return nil, fmt.Errorf("compiling %s: %w", name, err)
	}
	v, err := vm.RunProgram(prg)
	if err != nil {
		return nil, fmt.Errorf("running %s: %w", name, err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("running %s: %w", name, errNotFunction)
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		vals[i] = vm.ToValue(a)
	}
	r, err := fn(goja.Undefined(), vals...)
	if err != nil {
		return nil, fmt.Errorf("running %s: %w", name, err)
	}
	return r, nil
}

// programs caches the compiled setup scripts: a goja.Program is immutable
// and runs in any number of runtimes, and compiling intl.js is most of
// Install's cost in a new process. Each script compiles once, even when
// Precompile and Install ask for it at the same time.
var programs sync.Map // name -> *program

type program struct {
	once sync.Once
	prog *goja.Program
	err  error
}

func compiled(name, src string) (*goja.Program, error) {
	v, _ := programs.LoadOrStore(name, &program{})
	p := v.(*program)
	p.once.Do(func() { p.prog, p.err = goja.Compile(name, src, true) })
	return p.prog, p.err
}

// Precompile compiles Install's setup scripts ahead of the first Install,
// e.g. `go ecma.Precompile()` at process start, so that a new process does
// not pay for it on its loop goroutine. Any goroutine may call it.
func Precompile() error {
	for _, s := range []struct{ name, src string }{
		{"ecma:intl", intlJS}, {"ecma:regexp", regexpJS}, {"ecma:atomics", atomicsJS},
	} {
		if _, err := compiled(s.name, s.src); err != nil {
			return fmt.Errorf("precompiling %s: %w", s.name, err)
		}
	}
	return nil
}

var errNotFunction = errors.New("ecma: setup script is not a function expression")
