// Package cpuprof records CPU profiles of the JavaScript a runtime runs
// (`studio run --cpu-prof`, the inspector's Profiler domain): goja's
// sampling profiler, turned into a call tree whose functions carry their
// positions in the files as written, with V8's "(root)", "(program)" and
// "(idle)" nodes. Call Start, then Stop.
//
// What goja measures decides what a profile can say:
//
//   - goja samples every 10 ms (Interval, fixed) and only while a VM is
//     executing JavaScript: its sampling clock starts when the VM enters
//     JavaScript and stops when no VM is in it, so a callback shorter than
//     the interval on an otherwise idle loop may never be sampled.
//   - goja writes an aggregated pprof profile (a count per distinct stack,
//     at most 64 frames deep, innermost kept): samples have no order and no
//     time. Profile.Samples therefore lists the JavaScript samples grouped
//     by stack in tree order, then "(program)", then "(idle)", each one
//     Interval long: hit counts and self and total times are goja's, the
//     order is not a timeline.
//   - "(idle)" is the time the loop waited in poll while the profile ran
//     (from the runtime's loop utilization, as node marks its loop idle for
//     V8's profiler); "(program)" is the rest of the wall time that goja
//     did not attribute to JavaScript: Studio's Go code, native calls, and
//     JavaScript the sampler missed.
//   - Frames of Go functions called from JavaScript are not in goja's
//     stacks; a sample taken in a callback shows the JavaScript functions.
//   - goja's profiler is one per process: it samples every goja runtime of
//     the process, and only one profile records at a time (ErrActive).
//
// Positions: goja reports lines already mapped through inline source maps
// (TypeScript, ES modules, instrumented files); the function's start (V8's
// position: its parameter list) is found by parsing the code goja compiled
// and mapping that position the same way, then through the loader's
// MapPosition. Functions in files the loader did not load (Node's own
// library, Studio's bootstrap) are placed at their first sampled line.
package cpuprof

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/google/pprof/profile"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

// Interval is goja's sampling period. goja has no setting for it.
const Interval = 10 * time.Millisecond

// snapshotEvery is how often the runtime reports its loop while a profile
// records: the first snapshot is the idle-time baseline, a later one the
// fallback when the loop cannot answer at Stop.
const snapshotEvery = time.Second

var (
	// ErrActive: goja's profiler records one profile per process.
	ErrActive = errors.New("cpuprof: a CPU profile is already recording in this process")
	// ErrStopped: Stop was called twice.
	ErrStopped = errors.New("cpuprof: profile already stopped")
)

// recording is set from Start to Stop: goja's profiler is process-wide.
var recording atomic.Bool

// Profiler is one recording profile. Start and Stop may be called from any
// goroutine; Stop once.
type Profiler struct {
	rt    *runtime.Runtime
	start time.Time
	buf   bytes.Buffer // goja writes the pprof profile here at StopProfile
	sub   *runtime.SnapshotSubscription
	ended chan struct{} // closed when the subscription ends (program over, or Stop)

	mu          sync.Mutex
	first, last *trace.Snapshot // guarded by mu
	stopped     bool
}

// Profile is a finished CPU profile: V8's Profiler.Profile without its
// encoding.
type Profile struct {
	Start, End time.Time
	// Nodes is the call tree; Nodes[0] is "(root)". A node is one function
	// called from one path: Children are indexes into Nodes.
	Nodes []Node
	// Samples are the top node (an index into Nodes) of each sample, in the
	// order the package comment describes; Deltas the time from the
	// previous sample (the first from Start).
	Samples []int
	Deltas  []time.Duration
	// Pprof is goja's profile as `go tool pprof` reads it (gzipped
	// protobuf): per stack the samples, their CPU time (samples x
	// Interval) and goja's sampling latency; goja's function names (a
	// repeated name gets ".<id>", an anonymous one is "<anonymous>"), the
	// lines of the files as written.
	Pprof []byte
}

// Node is one node of the call tree.
type Node struct {
	Func     Function
	Self     int // samples with this node on top
	Children []int
	Lines    []LineTicks // Self split by line, by line
}

// Function says where a node's function is.
type Function struct {
	// Name is the function's name as goja knows it ("" when anonymous), or
	// one of V8's "(root)", "(program)", "(idle)".
	Name string
	// File is the file as the loader named it (an absolute path), or
	// goja's name for code it did not load (node:internal/timers,
	// studio:bootstrap.js); "" for V8's nodes.
	File string
	// Line (1-based) and Column (0-based, bytes) are where the function
	// starts in the file as written. Line 0 means no position (V8's nodes).
	Line, Column int
}

// LineTicks counts the samples taken on one line (1-based) of a function.
type LineTicks struct {
	Line, Ticks int
}

// Names of V8's nodes that stand for no function.
const (
	RootName    = "(root)"
	ProgramName = "(program)"
	IdleName    = "(idle)"
)

// Start starts goja's profiler, which samples every goja runtime of the
// process, for rt's profile: rt (which may be nil) supplies the loaded
// files and the loop's idle time. It returns ErrActive while another
// profile records.
func Start(rt *runtime.Runtime) (*Profiler, error) {
	if !recording.CompareAndSwap(false, true) {
		return nil, ErrActive
	}
	p := &Profiler{rt: rt, ended: make(chan struct{})}
	if err := goja.StartProfile(&p.buf); err != nil {
		recording.Store(false)
		return nil, fmt.Errorf("starting goja's profiler: %w", err)
	}
	p.start = time.Now()
	if rt == nil {
		close(p.ended)
		return p, nil
	}
	p.sub = rt.SubscribeSnapshots(snapshotEvery)
	go p.watch()
	return p, nil
}

// watch keeps the first and the latest snapshot of the loop.
func (p *Profiler) watch() {
	defer close(p.ended)
	for s := range p.sub.C() {
		p.mu.Lock()
		if p.first == nil {
			p.first = &s
		}
		p.last = &s
		p.mu.Unlock()
	}
}

// Stop ends the profile and builds it. It asks the loop goroutine for the
// loaded files and its idle time (at once when the program has ended);
// when ctx ends first (the program is paused in the debugger, or inside a
// long synchronous call), the profile keeps goja's lines but places every
// function at its first sampled line.
func (p *Profiler) Stop(ctx context.Context) (*Profile, error) {
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return nil, ErrStopped
	}
	p.stopped = true
	p.mu.Unlock()

	goja.StopProfile()
	end := time.Now()
	recording.Store(false)
	pp, err := profile.ParseData(p.buf.Bytes())
	if err != nil {
		if p.sub != nil {
			p.sub.Close()
			<-p.ended
		}
		return nil, fmt.Errorf("reading goja's profile: %w", err)
	}
	var facts loopFacts
	if p.rt != nil {
		facts = p.fromLoop(ctx, sampledFiles(pp))
		p.sub.Close()
		<-p.ended
	}
	idle := time.Duration(0)
	p.mu.Lock()
	if facts.final == nil {
		facts.final = p.last
	}
	if p.first != nil && facts.final != nil {
		idle = idleTime(*facts.final) - idleTime(*p.first)
	}
	p.mu.Unlock()
	out := build(pp, facts.files, end.Sub(p.start), idle)
	out.Start, out.End = p.start, end
	if out.Pprof, err = pprofOf(pp, p.start, end); err != nil {
		return nil, err
	}
	return out, nil
}

// pprofOf re-encodes goja's profile for pprof's readers: goja's "cpu"
// value is the time from a sampling tick to the end of the instruction it
// caught (long only when that was a slow native call), which pprof would
// show as CPU time; it becomes "latency", and "cpu" is samples x Interval.
// Functions carry their start lines; the profile its time and duration.
func pprofOf(pp *profile.Profile, start, end time.Time) ([]byte, error) {
	if len(pp.SampleType) == 2 && pp.SampleType[1].Type == "cpu" {
		pp.SampleType = []*profile.ValueType{
			{Type: "samples", Unit: "count"},
			{Type: "cpu", Unit: "nanoseconds"},
			{Type: "latency", Unit: "nanoseconds"},
		}
		for _, s := range pp.Sample {
			s.Value = []int64{s.Value[0], s.Value[0] * int64(Interval), s.Value[1]}
		}
		pp.DefaultSampleType = "cpu"
	}
	pp.TimeNanos, pp.DurationNanos = start.UnixNano(), end.Sub(start).Nanoseconds()
	var b bytes.Buffer
	if err := pp.Write(&b); err != nil {
		return nil, fmt.Errorf("encoding the pprof profile: %w", err)
	}
	return b.Bytes(), nil
}

// idleTime is the loop's cumulative wait in poll at a snapshot: its
// utilization is the share of time not spent waiting.
func idleTime(s trace.Snapshot) time.Duration {
	return time.Duration(float64(s.Time) * (1 - s.ELU))
}

// loopFacts is what only the loop goroutine may read: the loaded files and
// the loop's state.
type loopFacts struct {
	files map[string]*source
	final *trace.Snapshot
}

// fromLoop reads the loop's facts on the loop goroutine, or here once the
// program has ended (nothing else touches the runtime then).
func (p *Profiler) fromLoop(ctx context.Context, files []string) loopFacts {
	got := make(chan loopFacts, 1)
	var once sync.Once
	read := func() { once.Do(func() { got <- capture(p.rt, files) }) }
	if !p.rt.Post(read) {
		read()
		return <-got
	}
	select {
	case f := <-got:
		return f
	case <-p.ended:
		// The program ended: the posted read ran, or never will.
		read()
		return <-got
	case <-ctx.Done():
		return loopFacts{}
	}
}

// capture reads the loop's facts. Loop goroutine, or after the program.
func capture(rt *runtime.Runtime, files []string) loopFacts {
	snap := rt.Snapshot()
	out := loopFacts{files: map[string]*source{}, final: &snap}
	want := map[string]bool{}
	for _, f := range files {
		want[f] = true
	}
	l := rt.Loader()
	if l == nil {
		return out
	}
	for _, s := range l.Sources() {
		if !want[s.Filename] {
			continue
		}
		// MapPosition only moves columns of line 1 (where Node's wrapper
		// sits in a file run as is): learn by how much.
		const probe = 1 << 20
		_, _, col, _ := l.MapPosition(s.Filename, 1, probe)
		out.files[s.Filename] = &source{name: s.Filename, code: s.Generated, original: s.Original, prefix: probe - col}
	}
	return out
}

// sampledFiles lists the files of the functions in a goja profile.
func sampledFiles(pp *profile.Profile) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range pp.Function {
		if !seen[f.Filename] {
			seen[f.Filename] = true
			out = append(out, f.Filename)
		}
	}
	return out
}
