package runtime

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/studiojs/studio/runtime/trace"
)

// loopWorkloads are the loop-heavy programs of bench/scripts, sized so that
// the loop, not start-up, dominates an iteration.
var loopWorkloads = map[string]string{
	"timers":     `let n = 0; for (let i = 0; i < 50000; i++) setTimeout(() => { n++; }, 0);`,
	"immediates": `let n = 0; (function step() { if (++n < 50000) setImmediate(step); })();`,
	"nextTick":   `let n = 0; (function step() { if (++n < 100000) process.nextTick(step); })();`,
	// Queued all at once: the snapshots' list of them must stay O(1) a
	// callback (it was quadratic: 66 s for 200k).
	"microtasks": `let n = 0; for (let i = 0; i < 50000; i++) queueMicrotask(() => { n++; });`,
	"mixed": `let n = 0;
function round() {
  if (++n > 20000) return;
  process.nextTick(() => Promise.resolve().then(() => setImmediate(round)));
}
round();`,
}

// BenchmarkLoop runs each workload unobserved. bench/recording.sh runs it
// in this build and in one tagged studio_norecord (every trace site
// compiled out) and compares them: the cost of recording nobody observes.
func BenchmarkLoop(b *testing.B) {
	for name, src := range loopWorkloads {
		b.Run(name, func(b *testing.B) { benchProgram(b, src, nil) })
	}
}

// BenchmarkLoopObserved runs the same workloads with a subscriber that
// reads every event (and creation stacks): the cost of watching.
func BenchmarkLoopObserved(b *testing.B) {
	if !recording {
		b.Skip("this build compiles recording out")
	}
	for name, src := range loopWorkloads {
		b.Run(name, func(b *testing.B) {
			benchProgram(b, src, func(rec *trace.Recorder) func() {
				sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 14, Stacks: true})
				done := make(chan struct{})
				go func() {
					for range sub.Events() {
					}
					close(done)
				}()
				return func() { sub.Close(); <-done }
			})
		})
	}
}

func benchProgram(b *testing.B, src string, observe func(*trace.Recorder) func()) {
	dir := b.TempDir()
	file := filepath.Join(dir, "main.js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rec := trace.NewRecorder()
		var stop func()
		if observe != nil {
			stop = observe(rec)
		}
		rt, err := New(Options{Main: file, Cwd: dir, Stdout: io.Discard, Stderr: io.Discard, Env: []string{}, Recorder: rec})
		if err != nil {
			b.Fatal(err)
		}
		if code, err := rt.Run(context.Background()); err != nil || code != 0 {
			b.Fatalf("Run = %d, %v", code, err)
		}
		if stop != nil {
			stop()
		}
	}
}
