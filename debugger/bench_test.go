package debugger

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/studiojs/studio/runtime"
)

// BenchmarkInstrumentedCPU runs CPU-bound JavaScript (recursive fib, a
// sort with a comparator, JSON round trips) plain and instrumented with no
// breakpoint set. The bound: instrumented at most 2x plain.
// bench/debugger.sh prints the ratios.
func BenchmarkInstrumentedCPU(b *testing.B) {
	file, err := filepath.Abs("testdata/bench/cpu.js")
	if err != nil {
		b.Fatal(err)
	}
	for _, work := range []string{"fib", "sort", "json"} {
		for _, mode := range []string{"plain", "instrumented"} {
			b.Run(work+"/"+mode, func(b *testing.B) {
				opts := runtime.Options{Main: file, Args: []string{work, strconv.Itoa(b.N)}, Stdout: io.Discard, Stderr: io.Discard}
				if mode == "instrumented" {
					d := New(Options{})
					opts.Debug, opts.Hooks = d, d
				}
				rt, err := runtime.New(opts)
				if err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				code, err := rt.Run(context.Background())
				if err != nil || code != 0 {
					b.Fatalf("exit %d: %v", code, err)
				}
			})
		}
	}
}
