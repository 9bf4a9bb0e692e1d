package debugger

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/studiojs/studio/runtime"
)

// BenchmarkInstrumentedCPU runs CPU-bound JavaScript (recursive fib, a
// sort with a comparator, JSON round trips) plain, instrumented with no
// breakpoint set, and armed: with a breakpoint set on a line that never
// runs, so every hook records its frame for caller scopes. The issue's
// bound: instrumented at most 2x plain. bench/debugger.sh prints the
// ratios.
func BenchmarkInstrumentedCPU(b *testing.B) {
	file, err := filepath.Abs("testdata/bench/cpu.js")
	if err != nil {
		b.Fatal(err)
	}
	for _, work := range []string{"fib", "sort", "json"} {
		for _, mode := range []string{"plain", "instrumented", "armed"} {
			b.Run(work+"/"+mode, func(b *testing.B) {
				opts := runtime.Options{Main: file, Args: []string{work, strconv.Itoa(b.N)}, Stdout: io.Discard, Stderr: io.Discard}
				if mode != "plain" {
					d := New(Options{})
					opts.Debug, opts.Hooks = d, d
					if mode == "armed" {
						// In neverCalled.
						if _, _, err := d.SetBreakpoint(BreakpointSpec{Path: file, Line: 26, Column: -1}); err != nil {
							b.Fatal(err)
						}
					}
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

// BenchmarkPauseLatency measures how long a pause request takes to stop a
// program spinning in while (true) {} (the bound: 50 ms): each op
// is Pause until the Paused event; the resume is not timed.
func BenchmarkPauseLatency(b *testing.B) {
	file, err := filepath.Abs("testdata/scopes/busy.js")
	if err != nil {
		b.Fatal(err)
	}
	d := New(Options{})
	sub := d.Subscribe()
	rt, err := runtime.New(runtime.Options{Main: file, Stdout: io.Discard, Stderr: io.Discard, Debug: d, Hooks: d})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = rt.Run(ctx)
	}()
	defer func() {
		cancel()
		<-done
	}()
	next := func(want func(Event) bool) {
		for {
			e, err := sub.Next(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if want(e) {
				return
			}
		}
	}
	next(func(e Event) bool { _, ok := e.(ScriptParsed); return ok })
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Pause()
		next(func(e Event) bool { _, ok := e.(Paused); return ok })
		b.StopTimer()
		if err := d.Resume(); err != nil {
			b.Fatal(err)
		}
		next(func(e Event) bool { _, ok := e.(Resumed); return ok })
		time.Sleep(time.Millisecond) // let it spin again
		b.StartTimer()
	}
}
