package ecma

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

// newVM returns a runtime with the built-ins installed and a console.log
// that collects lines.
func newVM(t testing.TB) (*goja.Runtime, *strings.Builder) {
	t.Helper()
	vm := goja.New()
	if err := Install(vm); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	console := vm.NewObject()
	_ = console.Set("log", func(call goja.FunctionCall) goja.Value {
		for i, a := range call.Arguments {
			if i > 0 {
				out.WriteByte(' ')
			}
			out.WriteString(a.String())
		}
		out.WriteByte('\n')
		return goja.Undefined()
	})
	_ = vm.Set("console", console)
	return vm, &out
}

// TestAgainstNode runs each testdata/NAME.js, a list of expressions printed
// with their results, and compares the output with testdata/NAME.out, which
// is node v20's output for the same file (`TZ=UTC node testdata/NAME.js >
// testdata/NAME.out`).
func TestAgainstNode(t *testing.T) {
	// The local time zone of the recordings; Intl reads TZ when it formats.
	t.Setenv("TZ", "UTC")
	files, err := filepath.Glob("testdata/*.js")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.js")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(file, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			vm, out := newVM(t)
			if _, err := vm.RunScript(file, string(src)); err != nil {
				t.Fatal(err)
			}
			got := strings.Split(out.String(), "\n")
			exp := strings.Split(string(want), "\n")
			for i := 0; i < len(exp) || i < len(got); i++ {
				var g, e string
				if i < len(got) {
					g = got[i]
				}
				if i < len(exp) {
					e = exp[i]
				}
				if g != e {
					t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, e)
				}
			}
		})
	}
}

// BenchmarkInstall is the start-up cost Install adds to each runtime.
func BenchmarkInstall(b *testing.B) {
	for b.Loop() {
		if err := Install(goja.New()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestInstallConcurrentRuntimes shares the cached programs between
// runtimes on different goroutines, as separate Studio runtimes do.
func TestInstallConcurrentRuntimes(t *testing.T) {
	defer goleak.VerifyNone(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			vm := goja.New()
			if err := Install(vm); err != nil {
				errs <- err
				return
			}
			v, err := vm.RunString(`(1234.5).toLocaleString() + new RegExp('\\p{L}', 'u').test('é')`)
			if err != nil {
				errs <- err
				return
			}
			if v.String() != "1,234.5true" {
				errs <- fmt.Errorf("got %s", v)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
