package debugger

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/studiojs/studio/runtime"
)

// TestInstrumentedConformance is the differential test: every conformance
// case and node-compat program prints exactly what node printed, and exits
// with its code, when every file it loads is instrumented (a debugger
// attached, no breakpoint set), and no file falls back to running
// uninstrumented.
func TestInstrumentedConformance(t *testing.T) {
	for _, dir := range []string{"../testdata/conformance/cases", "../testdata/node-compat"} {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(abs)
		if err != nil {
			t.Fatal(err)
		}
		ran := 0
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !(strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".mjs")) {
				continue
			}
			ran++
			t.Run(filepath.Base(dir)+"/"+name, func(t *testing.T) {
				t.Parallel()
				base := strings.TrimSuffix(strings.TrimSuffix(name, ".mjs"), ".js")
				want, err := os.ReadFile(filepath.Join(abs, base+".out"))
				if err != nil {
					t.Fatal(err)
				}
				wantCode := 0
				if b, err := os.ReadFile(filepath.Join(abs, base+".code")); err == nil {
					wantCode, _ = strconv.Atoi(strings.TrimSpace(string(b)))
				}
				d := New(Options{})
				var out, errb bytes.Buffer
				rt, err := runtime.New(runtime.Options{Main: filepath.Join(abs, name), Cwd: abs, Stdout: &out, Stderr: &errb, Debug: d, Hooks: d})
				if err != nil {
					t.Fatal(err)
				}
				// A guard against a hang, not a speed check: the slowest
				// case (3e6 instrumented loop iterations) takes 15-17 s
				// under -race on a loaded 2-core machine, and the cases
				// run in parallel.
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				defer cancel()
				code, err := rt.Run(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if out.String() != string(want) || code != wantCode {
					t.Errorf("instrumented: exit code %d (want %d)\nwant:\n%s\ngot:\n%s\nstderr:\n%s", code, wantCode, want, out.String(), errb.String())
				}
				for _, err := range d.Failures() {
					t.Errorf("fell back to uninstrumented: %v", err)
				}
			})
		}
		if ran == 0 {
			t.Fatalf("no cases in %s", dir)
		}
	}
}
