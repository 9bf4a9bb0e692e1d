package nodelib

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

// poolHost is a Host for tests: each Work runs on its own goroutine (a pool with unbounded
// lanes) and its completion is queued for the test goroutine, which plays the loop's poll
// phase. Idle time is the time the loop spends waiting for completions.
type poolHost struct {
	h       *testHost
	done    chan func()
	pending int
	start   time.Time
	idle    time.Duration
}

func withPool(h *testHost) *poolHost {
	p := &poolHost{h: h, done: make(chan func())}
	h.lib.opts.Host = p
	// process.hrtime on nodelib's clock, which eventLoopUtilization() compares with the
	// LOOP_START milestone.
	_ = h.lib.opts.Process.Set("hrtime", func() goja.Value {
		d := time.Since(HrtimeOrigin())
		return h.vm.NewArray(int64(d/time.Second), int64(d%time.Second))
	})
	return p
}

func (p *poolHost) QueueWork(w Work) {
	p.pending++
	go func() {
		var res any
		func() {
			defer func() {
				if x := recover(); x != nil {
					res = fmt.Errorf("running %s on the worker pool: %v", w.Type, x)
				}
			}()
			res = w.Run()
		}()
		p.done <- func() {
			fn, this, args := w.Done(res)
			f, ok := goja.AssertFunction(fn)
			if !ok {
				return
			}
			if this == nil {
				this = goja.Undefined()
			}
			if _, err := f(this, args...); err != nil {
				p.h.stderr.WriteString("uncaught: " + describe(err) + "\n")
			}
		}
	}()
}

func (p *poolHost) LoopIdleTime() time.Duration { return p.idle }
func (p *poolHost) LoopStart() time.Time        { return p.start }

// run runs src, then the loop: the test host's queues, then each pool completion as a
// macrotask, until nothing is pending.
func (p *poolHost) run(name, src string) error {
	if err := p.h.run(name, src); err != nil {
		return err
	}
	p.start = time.Now()
	for p.pending > 0 {
		waited := time.Now()
		complete := <-p.done
		p.idle += time.Since(waited)
		p.pending--
		p.h.outermost(complete)
		p.h.drain()
	}
	return nil
}

// TestPoolSnippets runs each testdata/pool/*.js, whose crypto and zlib jobs go through
// Host.QueueWork, and compares stdout with the .out file recorded from node v20
// (go test -run TestPoolSnippets -update re-records them).
func TestPoolSnippets(t *testing.T) {
	defer goleak.VerifyNone(t)
	files, err := filepath.Glob(filepath.Join("testdata", "pool", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(abs, ".js") + ".out"
			if *update {
				out, err := exec.Command("node", abs).Output()
				if err != nil {
					t.Fatalf("running node: %v", err)
				}
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			h := newTestHost(t)
			p := withPool(h)
			if err := p.run(abs, string(src)); err != nil {
				t.Errorf("%v\nstdout so far:\n%s", err, h.stdout.String())
				return
			}
			if got := h.stdout.String(); got != string(want) {
				t.Errorf("stdout differs from node\n%s\nstderr:\n%s", lineDiff(string(want), got), h.stderr.String())
			}
		})
	}
}

// sampler is a LoopSampler whose ticks the test fires by hand.
type sampler struct {
	*poolHost
	interval time.Duration
	fns      map[int]func()
	next     int
}

func (s *sampler) SampleLoop(interval time.Duration, fn func()) func() {
	s.interval = interval
	id := s.next
	s.next++
	s.fns[id] = fn
	return func() { delete(s.fns, id) }
}

// TestMonitorEventLoopDelay: with a LoopSampler host, monitorEventLoopDelay's histogram
// starts the sampler at its resolution on enable(), records the time between ticks and stops
// the sampler on disable().
func TestMonitorEventLoopDelay(t *testing.T) {
	h := newTestHost(t)
	s := &sampler{poolHost: &poolHost{h: h, done: make(chan func())}, fns: map[int]func(){}}
	h.lib.opts.Host = s
	if err := h.run("eld.js", `
const { monitorEventLoopDelay } = require('perf_hooks');
globalThis.eld = monitorEventLoopDelay({ resolution: 7 });
console.log(eld.enable(), eld.enable(), eld.count);
`); err != nil {
		t.Fatal(err)
	}
	if s.interval != 7*time.Millisecond || len(s.fns) != 1 {
		t.Fatalf("sampler started with %v, %d callbacks; want 7ms, 1", s.interval, len(s.fns))
	}
	for range 4 {
		for _, fn := range s.fns {
			// Each tick is a macrotask of its own, as a uv timer callback is.
			h.outermost(fn)
		}
	}
	if err := h.run("eld2.js", `
console.log(eld.count, eld.exceeds, eld.min > 0, eld.max >= eld.min, eld.percentiles.size > 0);
console.log(eld.disable(), eld.disable());
eld.reset();
console.log(eld.count);
`); err != nil {
		t.Fatal(err)
	}
	if len(s.fns) != 0 {
		t.Fatalf("%d sampler callbacks left after disable()", len(s.fns))
	}
	const want = "true false 0\n3 0 true true true\ntrue false\n0\n"
	if got := h.stdout.String(); got != want {
		t.Fatalf("stdout %q, want %q\nstderr: %s", got, want, h.stderr.String())
	}
}

// metricsHost is a LoopMetrics host with fixed counters.
type metricsHost struct{ *poolHost }

func (metricsHost) LoopMetrics() (uint64, uint64, uint64) { return 3, 2, 1 }

// TestNodeTimingHostFacts: uvMetricsInfo comes from a LoopMetrics host, and
// MarkBootstrapComplete sets nodeTiming.bootstrapComplete, which is -1 until then.
func TestNodeTimingHostFacts(t *testing.T) {
	h := newTestHost(t)
	h.lib.opts.Host = metricsHost{&poolHost{h: h, done: make(chan func())}}
	if err := h.run("timing.js", `
const { performance } = require('perf_hooks');
console.log(performance.nodeTiming.bootstrapComplete, JSON.stringify(performance.nodeTiming.uvMetricsInfo));
`); err != nil {
		t.Fatal(err)
	}
	if err := h.lib.MarkBootstrapComplete(); err != nil {
		t.Fatal(err)
	}
	if err := h.run("timing2.js", `console.log(performance.nodeTiming.bootstrapComplete >= 0);`); err != nil {
		t.Fatal(err)
	}
	const want = "-1 {\"loopCount\":3,\"events\":2,\"eventsWaiting\":1}\ntrue\n"
	if got := h.stdout.String(); got != want {
		t.Fatalf("stdout %q, want %q\nstderr: %s", got, want, h.stderr.String())
	}
}
