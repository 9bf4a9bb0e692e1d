package runtime

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime/pool"
	"github.com/studiojs/studio/runtime/trace"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// result is what a program did: its stdout, stderr and exit code.
type result struct {
	stdout, stderr string
	code           int
}

// runJS runs src as a main module file in a temp dir.
func runJS(t *testing.T, src string, setup ...func(*Runtime)) result {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "main.js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return runOpts(t, Options{Main: file, Cwd: dir}, setup...)
}

func runOpts(t *testing.T, opts Options, setup ...func(*Runtime)) result {
	t.Helper()
	var out, errb bytes.Buffer
	opts.Stdout, opts.Stderr = &out, &errb
	if opts.Env == nil {
		opts.Env = []string{}
	}
	rt, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	for _, s := range setup {
		s(rt)
	}
	code, err := rt.Run(context.Background())
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return result{out.String(), errb.String(), code}
}

// Expected outputs below were produced by node v20.20.2 on the same source.
func TestOrdering(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"ticks before promises after a timer": {
			src: `setTimeout(() => {
  Promise.resolve().then(() => console.log('p1'));
  process.nextTick(() => console.log('t1'));
  Promise.resolve().then(() => { console.log('p2'); process.nextTick(() => console.log('t-from-p2')); });
  process.nextTick(() => console.log('t2'));
}, 0);`,
			want: "t1\nt2\np1\np2\nt-from-p2\n",
		},
		"immediate before timeout inside a timer": {
			src: `setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
}, 0);`,
			want: "immediate\ntimeout\n",
		},
		"nextTick arguments are passed exactly": {
			src:  `process.nextTick((...a) => console.log(a.length, a[0], a[1]), undefined, 2);`,
			want: "2 undefined 2\n",
		},
		"queueMicrotask interleaves with promise reactions": {
			src: `Promise.resolve().then(() => console.log('p'));
queueMicrotask(() => console.log('q'));
Promise.resolve().then(() => console.log('p2'));`,
			want: "p\nq\np2\n",
		},
		"interval refresh and clear from inside": {
			src:  `let n = 0; const h = setInterval(() => { n++; console.log('i', n); if (n === 3) clearInterval(h); }, 1);`,
			want: "i 1\ni 2\ni 3\n",
		},
		"timer cleared by its primitive id": {
			src:  `const t = setTimeout(() => console.log('no'), 5); clearTimeout(+t); console.log(typeof +t);`,
			want: "number\n",
		},
		"refresh after firing re-arms the timer": {
			src:  `let n = 0; const t = setTimeout(() => { n++; console.log('fired', n); if (n < 2) setImmediate(() => t.refresh()); }, 1);`,
			want: "fired 1\nfired 2\n",
		},
		// The first immediate busy-waits so that the timer is surely due:
		// were the batch cut short by the exception, 'timeout' would print
		// before 'second immediate'.
		"exception in immediate does not end the batch": {
			src: `process.on('uncaughtException', (e) => console.log('caught', e.message));
setTimeout(() => {
  setImmediate(() => { const end = Date.now() + 20; while (Date.now() < end); throw new Error('boom'); });
  setImmediate(() => console.log('second immediate'));
  setTimeout(() => console.log('timeout'), 1);
}, 0);`,
			want: "caught boom\nsecond immediate\ntimeout\n",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := runJS(t, c.src)
			if got.stdout != c.want || got.code != 0 {
				t.Errorf("stdout = %q, code %d; want %q, code 0\nstderr: %s", got.stdout, got.code, c.want, got.stderr)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	cases := map[string]struct {
		src       string
		code      int
		stdout    string
		stderrHas string
	}{
		"normal":                  {src: `console.log('ok')`, code: 0, stdout: "ok\n"},
		"process.exit":            {src: `process.on('exit', (c) => console.log('exit', c)); process.exit(3); console.log('never')`, code: 3, stdout: "exit 3\n"},
		"exitCode":                {src: `process.exitCode = 5; setTimeout(() => console.log('still runs'), 1)`, code: 5, stdout: "still runs\n"},
		"uncaught exception":      {src: `setTimeout(() => { throw new Error('kaput') }, 1)`, code: 1, stderrHas: "Error: kaput"},
		"unhandled rejection":     {src: `Promise.reject(new Error('nope'))`, code: 1, stderrHas: "nope"},
		"non-error rejection":     {src: `Promise.reject(42)`, code: 1, stderrHas: "ERR_UNHANDLED_REJECTION"},
		"handled by listener":     {src: `process.on('unhandledRejection', (r) => console.log('saw', r)); Promise.reject(7)`, code: 0, stdout: "saw 7\n"},
		"exit listener sets code": {src: `process.on('exit', () => { process.exitCode = 9 })`, code: 9},
		"handler throws":          {src: `process.on('uncaughtException', () => { throw new Error('again') }); setTimeout(() => { throw new Error('first') })`, code: 7, stderrHas: "again"},
		// goja's stack overflow is uncatchable (V8's is a RangeError): the
		// program must end as on an uncaught RangeError, not hang or OOM.
		"stack overflow": {src: `process.on('exit', (c) => console.log('exit', c)); function r() { r() } r()`, code: 1, stdout: "exit 1\n", stderrHas: "RangeError: Maximum call stack size exceeded"},
		// goja re-panics Go runtime errors raised by this compiler bug;
		// Studio must report it, not crash.
		"engine panic": {src: `function f(a) { return (() => arguments)()[0] } console.log(f(1))`, code: 1, stderrHas: "runtime error: index out of range"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := runJS(t, c.src)
			if got.code != c.code {
				t.Errorf("exit code = %d, want %d\nstderr: %s", got.code, c.code, got.stderr)
			}
			if c.stdout != "" && got.stdout != c.stdout {
				t.Errorf("stdout = %q, want %q", got.stdout, c.stdout)
			}
			if c.stderrHas != "" && !strings.Contains(got.stderr, c.stderrHas) {
				t.Errorf("stderr = %q, want it to contain %q", got.stderr, c.stderrHas)
			}
		})
	}
}

// TestFakeClock runs timers far in the future on synctest's fake clock:
// the loop must sleep in poll exactly until the next timer is due.
func TestFakeClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got := runJS(t, `
const t0 = Date.now();
const order = [];
setTimeout(() => order.push('3h'), 3 * 3600e3);
setTimeout(() => order.push('1s'), 1000);
setTimeout(() => order.push('1s-b'), 1000);
const i = setInterval(() => { order.push('iv'); if (order.filter(x => x === 'iv').length === 3) clearInterval(i); }, 400);
process.on('exit', () => console.log(order.join(',')));`)
		if got.code != 0 {
			t.Fatalf("code %d, stderr %s", got.code, got.stderr)
		}
		if want := "iv,iv,1s,1s-b,iv,3h\n"; got.stdout != want {
			t.Errorf("order = %q, want %q", got.stdout, want)
		}
		if el := time.Since(start); el != 3*time.Hour {
			t.Errorf("virtual time elapsed = %v, want exactly 3h (the loop must wake only when a timer is due)", el)
		}
	})
}

// TestUnrefTimerDoesNotHoldLoop checks that the process ends as soon as
// only unref'd timers remain, on the fake clock.
func TestUnrefTimerDoesNotHoldLoop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got := runJS(t, `setTimeout(() => console.log('never'), 60e3).unref(); setTimeout(() => console.log('ref'), 10);`)
		if got.stdout != "ref\n" {
			t.Errorf("stdout = %q", got.stdout)
		}
		if el := time.Since(start); el != 10*time.Millisecond {
			t.Errorf("elapsed %v, want 10ms", el)
		}
	})
}

// TestCancel: cancelling Run's context ends the program with 130 and no
// 'exit' event, whether the loop is turning or a script is stuck in JS.
func TestCancel(t *testing.T) {
	cases := map[string]string{
		"busy loop":   `setInterval(() => {}, 1000); let x = 0; setImmediate(function spin() { x++; setImmediate(spin); });`,
		"busy script": `process.on('exit', () => console.log('exit')); while (true) {}`,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "main.js")
			os.WriteFile(file, []byte(src), 0o644)
			var out bytes.Buffer
			rt, err := New(Options{Main: file, Cwd: dir, Stdout: &out, Stderr: &out, Env: []string{}})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			code, err := rt.Run(ctx)
			if err != nil || code != 130 || out.Len() != 0 {
				t.Fatalf("Run = %d, %v, output %q; want 130, nil, none", code, err, out.String())
			}
		})
	}
}

// poolJob installs __poolJob(ms, cb): cb(ms*2) runs after a pool job.
func poolJob(rt *Runtime) {
	must(rt.VM().Set("__poolJob", func(call goja.FunctionCall) goja.Value {
		n := call.Argument(0).ToInteger()
		cb := call.Argument(1)
		rt.QueueWork(Work{
			Type: "TESTWORK",
			Kind: pool.KindCPU,
			Run:  func() any { return n * 2 },
			Done: func(op Op, res any) {
				rt.MakeCallback(op, cb, goja.Undefined(), rt.VM().ToValue(res))
			},
		})
		return goja.Undefined()
	}))
}

// TestRecordChain: a setTimeout starts a pool job whose result resolves a
// promise. The records must link Timeout -> TESTWORK by trigger id, and
// their timestamps must follow the life of the request.
func TestRecordChain(t *testing.T) {
	rec := trace.NewRecorder()
	sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 16, Stacks: true})
	dir := t.TempDir()
	file := filepath.Join(dir, "main.js")
	os.WriteFile(file, []byte(`
setTimeout(function startJob() {
  new Promise((resolve) => __poolJob(21, resolve)).then((v) => console.log('result', v));
}, 1);`), 0o644)
	got := runOpts(t, Options{Main: file, Cwd: dir, Recorder: rec, Env: []string{}}, poolJob)
	sub.Close()
	if got.stdout != "result 42\n" {
		t.Fatalf("stdout %q stderr %q", got.stdout, got.stderr)
	}
	var events []trace.Event
	for ev := range sub.Events() {
		events = append(events, ev)
	}
	if sub.Dropped() != 0 {
		t.Fatalf("dropped %d events", sub.Dropped())
	}
	find := func(kind trace.Kind, typ string) trace.Event {
		t.Helper()
		for _, ev := range events {
			if ev.Kind == kind && ev.Type == typ {
				return ev
			}
		}
		t.Fatalf("no %v event for %s", kind, typ)
		return trace.Event{}
	}
	tInit := find(trace.KindInit, "Timeout")
	tBefore := find(trace.KindBefore, "Timeout")
	wInit := find(trace.KindInit, "TESTWORK")
	wQueued := find(trace.KindQueued, "TESTWORK")
	wStarted := find(trace.KindStarted, "TESTWORK")
	wFinished := find(trace.KindFinished, "TESTWORK")
	wBefore := find(trace.KindBefore, "TESTWORK")
	wAfter := find(trace.KindAfter, "TESTWORK")
	if tInit.Trigger != 1 {
		t.Errorf("Timeout trigger = %d, want 1 (the main module)", tInit.Trigger)
	}
	if wInit.Trigger != tInit.Op {
		t.Errorf("TESTWORK trigger = %d, want the Timeout's id %d", wInit.Trigger, tInit.Op)
	}
	for _, ev := range []trace.Event{wQueued, wStarted, wFinished, wBefore, wAfter} {
		if ev.Op != wInit.Op {
			t.Errorf("%v event has op %d, want %d", ev.Kind, ev.Op, wInit.Op)
		}
	}
	seq := []trace.Event{tInit, tBefore, wInit, wQueued, wStarted, wFinished, wBefore, wAfter}
	for i := 1; i < len(seq); i++ {
		if seq[i].Time < seq[i-1].Time {
			t.Errorf("%v of %s at %d before %v of %s at %d", seq[i].Kind, seq[i].Type, seq[i].Time, seq[i-1].Kind, seq[i-1].Type, seq[i-1].Time)
		}
	}
	if len(wInit.Stack) == 0 || wInit.Stack[0].Function != "startJob" && !hasFrame(wInit.Stack, "startJob") {
		t.Errorf("TESTWORK creation stack %v does not show startJob", wInit.Stack)
	}
	if wBefore.Phase != trace.PhasePoll {
		t.Errorf("pool completion ran in phase %v, want poll", wBefore.Phase)
	}
}

func hasFrame(st []trace.Frame, fn string) bool {
	for _, f := range st {
		if f.Function == fn {
			return true
		}
	}
	return false
}

// TestSnapshot looks at the loop from inside a callback: the queues must
// show what the script has scheduled.
func TestSnapshot(t *testing.T) {
	var snap trace.Snapshot
	got := runJS(t, `
setTimeout(() => {}, 50); setTimeout(() => {}, 10);
setImmediate(() => {}); process.nextTick(() => {});
Promise.resolve().then(() => {}); queueMicrotask(() => {}); Promise.reject(new Error('x')).catch(() => {});
__snap();`, func(rt *Runtime) {
		must(rt.VM().Set("__snap", func() { snap = rt.Snapshot() }))
	})
	if got.code != 0 {
		t.Fatalf("code %d: %s", got.code, got.stderr)
	}
	if snap.Timers.Depth != 2 || len(snap.Timers.Top) != 2 || snap.Timers.Top[0].Due > snap.Timers.Top[1].Due {
		t.Errorf("timers %+v: want 2, earliest first", snap.Timers)
	}
	if snap.Immediates.Depth != 1 || snap.NextTicks.Depth != 1 {
		t.Errorf("immediates %d, ticks %d; want 1 and 1", snap.Immediates.Depth, snap.NextTicks.Depth)
	}
	// Three reactions wait (then, queueMicrotask's, catch); the one
	// queueMicrotask callback is listed.
	if m := snap.Microtasks; m.Depth != 3 || len(m.Top) != 1 || m.Top[0].Type != "Microtask" {
		t.Errorf("microtasks %+v: want depth 3, the queueMicrotask one listed", m)
	}
	if snap.Pool.Size != 4 {
		t.Errorf("pool size %d, want 4", snap.Pool.Size)
	}
}

// TestSnapshotInTimer: from inside a timer's callback (a breakpoint there),
// the timers queue holds the timers still waiting, as its top entries
// say: the running one has left its list, as in Node's listOnTimeout.
func TestSnapshotInTimer(t *testing.T) {
	var snap trace.Snapshot
	got := runJS(t, `
setTimeout(() => __snap(), 5); setTimeout(() => {}, 5); setTimeout(() => {}, 50);`, func(rt *Runtime) {
		must(rt.VM().Set("__snap", func() { snap = rt.Snapshot() }))
	})
	if got.code != 0 {
		t.Fatalf("code %d: %s", got.code, got.stderr)
	}
	if snap.Timers.Depth != 2 || len(snap.Timers.Top) != 2 {
		t.Errorf("timers %+v: want the 2 waiting, both listed", snap.Timers)
	}
	if m := snap.Microtasks; m.Depth != 0 || len(m.Top) != 0 {
		t.Errorf("microtasks %+v: want none queued", m)
	}
}

// TestPoolSizeFromEnv: UV_THREADPOOL_SIZE reaches the pool.
func TestPoolSizeFromEnv(t *testing.T) {
	rt, err := New(Options{Eval: "1", Env: []string{"UV_THREADPOOL_SIZE=7"}, Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	if n := rt.pool.Size(); n != 7 {
		t.Errorf("pool size %d, want 7", n)
	}
	if _, err := rt.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestSnapshotSubscription: while the loop sleeps in poll waiting for a
// timer, snapshots keep coming at the asked interval, and watching does not
// add loop iterations.
func TestSnapshotSubscription(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "main.js")
		os.WriteFile(file, []byte(`setTimeout(() => {}, 1000); setTimeout(() => {}, 2000);`), 0o644)
		run := func(watch bool) (iterations uint64, snaps []trace.Snapshot) {
			rt, err := New(Options{Main: file, Cwd: dir, Stdout: io.Discard, Stderr: io.Discard, Env: []string{}})
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			if watch {
				sub := rt.SubscribeSnapshots(100 * time.Millisecond)
				go func() {
					for s := range sub.C() {
						snaps = append(snaps, s)
					}
					close(done)
				}()
			} else {
				close(done)
			}
			if code, err := rt.Run(context.Background()); err != nil || code != 0 {
				t.Fatalf("Run = %d, %v", code, err)
			}
			<-done
			return rt.loop.iteration, snaps
		}
		plain, _ := run(false)
		watched, snaps := run(true)
		if plain != watched {
			t.Errorf("iterations: %d unwatched, %d watched; watching must not add any", plain, watched)
		}
		if len(snaps) < 19 || len(snaps) > 22 {
			t.Fatalf("%d snapshots over 2 s at 100 ms, want about 20", len(snaps))
		}
		for i := 1; i < len(snaps); i++ {
			if snaps[i].Time <= snaps[i-1].Time {
				t.Errorf("snapshot %d at %d not after %d", i, snaps[i].Time, snaps[i-1].Time)
			}
		}
		if d := snaps[2].Timers.Depth; d != 2 {
			t.Errorf("timers depth at 200 ms = %d, want 2", d)
		}
		if d := snaps[len(snaps)-2].Timers.Depth; d != 1 {
			t.Errorf("timers depth near the end = %d, want 1", d)
		}
		if snaps[5].Phase != trace.PhasePoll {
			t.Errorf("phase while sleeping = %v, want poll", snaps[5].Phase)
		}
	})
}

// recordingHooks is a Hooks that records what the loop tells it, as the
// debugger and learning mode will use it.
type recordingHooks struct {
	events []string
}

func (h *recordingHooks) PhaseBoundary(p trace.Phase, it uint64) {
	if p == trace.PhaseTimers || p == trace.PhaseCheck || p == trace.PhasePoll {
		h.events = append(h.events, p.String())
	}
}

func (h *recordingHooks) BeforeCallback(cb CallbackInfo) {
	h.events = append(h.events, cb.Type+"@"+cb.Phase.String())
}

// TestHooks: the pause/step hook sees each phase boundary and each
// callback with the queue it came from, in the loop's real order.
func TestHooks(t *testing.T) {
	h := &recordingHooks{}
	dir := t.TempDir()
	file := filepath.Join(dir, "main.js")
	os.WriteFile(file, []byte(`setTimeout(() => { setImmediate(() => {}); setTimeout(() => {}, 0); }, 0);`), 0o644)
	got := runOpts(t, Options{Main: file, Cwd: dir, Hooks: h, Env: []string{}})
	if got.code != 0 {
		t.Fatalf("code %d: %s", got.code, got.stderr)
	}
	var callbacks []string
	lastPhase := ""
	for _, e := range h.events {
		typ, phase, isCallback := strings.Cut(e, "@")
		if !isCallback {
			lastPhase = e
			continue
		}
		callbacks = append(callbacks, e)
		if typ != "" && phase != lastPhase {
			t.Errorf("%s ran after the %q boundary, want after %q (events %v)", e, lastPhase, phase, h.events)
		}
	}
	// The main module first and 'beforeExit' last run outside any phase.
	want := "@none Timeout@timers Immediate@check Timeout@timers @none"
	if got := strings.Join(callbacks, " "); got != want {
		t.Errorf("callbacks %q, want %q", got, want)
	}
}

// TestCreationStackInESM: the creation stack of a Timeout armed inside an
// ES module names the module by its path (not a file: URL) and the
// original line, though the module ran through esbuild.
func TestCreationStackInESM(t *testing.T) {
	rec := trace.NewRecorder()
	sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 12, Stacks: true})
	dir := filepath.Join(t.TempDir(), "with space")
	os.MkdirAll(dir, 0o755)
	file := filepath.Join(dir, "main.mjs")
	os.WriteFile(file, []byte("export const x = 1;\nfunction arm() {\n  setTimeout(() => {}, 1);\n}\narm();\n"), 0o644)
	got := runOpts(t, Options{Main: file, Cwd: dir, Recorder: rec, Env: []string{}})
	sub.Close()
	if got.code != 0 {
		t.Fatalf("code %d: %s", got.code, got.stderr)
	}
	for ev := range sub.Events() {
		if ev.Kind != trace.KindInit || ev.Type != "Timeout" {
			continue
		}
		if len(ev.Stack) == 0 {
			t.Fatal("no creation stack")
		}
		top := ev.Stack[0]
		if top.File != file || top.Line != 3 || top.Function != "arm" {
			t.Errorf("top frame %+v, want arm at %s:3", top, file)
		}
		return
	}
	t.Fatal("no Timeout record")
}

// TestLoopSampler: monitorEventLoopDelay's sampler runs on the loop without
// keeping it alive, and sees a callback that blocks the loop.
func TestLoopSampler(t *testing.T) {
	got := runJS(t, `
const { monitorEventLoopDelay } = require('perf_hooks');
const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
setTimeout(() => { const end = Date.now() + 60; while (Date.now() < end); }, 20);
setTimeout(() => { h.disable(); console.log(h.count > 0, h.max >= 40e6); }, 150);`)
	if got.stdout != "true true\n" || got.code != 0 {
		t.Errorf("stdout %q code %d stderr %s", got.stdout, got.code, got.stderr)
	}
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got := runJS(t, `require('perf_hooks').monitorEventLoopDelay({ resolution: 10 }).enable(); setTimeout(() => {}, 30);`)
		if got.code != 0 {
			t.Fatalf("code %d: %s", got.code, got.stderr)
		}
		if el := time.Since(start); el != 30*time.Millisecond {
			t.Errorf("ran %v: an enabled histogram must not keep the loop alive past the last timer (30ms)", el)
		}
	})
}

// TestLoopHandles: an fs watcher is a handle. A referenced one keeps the
// program alive until it closes; an unreferenced one does not, and is
// closed at exit so that its goroutines end (goleak checks, in TestMain).
func TestLoopHandles(t *testing.T) {
	got := runJS(t, `
const fs = require('fs'), path = require('path');
const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'studio-watch-'));
const w = fs.watch(dir, (ev, name) => { console.log(ev, name); w.close(); fs.rmSync(dir, { recursive: true }); });
setTimeout(() => fs.writeFileSync(path.join(dir, 'new.txt'), 'x'), 10);
fs.watch(__filename).unref();`)
	if got.stdout != "rename new.txt\n" || got.code != 0 {
		t.Errorf("stdout %q code %d stderr %s", got.stdout, got.code, got.stderr)
	}
}

// TestSnapshotPending: the pending-ops table shows a pool request running,
// one queued behind it (pool size 1), and an armed timer, with their
// creation sites while an observer wants stacks.
func TestSnapshotPending(t *testing.T) {
	rec := trace.NewRecorder()
	sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 12, Stacks: true})
	defer sub.Close()
	go func() {
		for range sub.Events() {
		}
	}()
	release := make(chan struct{})
	var snap trace.Snapshot
	dir := t.TempDir()
	file := filepath.Join(dir, "main.js")
	os.WriteFile(file, []byte(`function start() { __block(); __block(); }
start();
setTimeout(() => {}, 1000).unref();
setTimeout(() => __snap(), 20);`), 0o644)
	got := runOpts(t, Options{Main: file, Cwd: dir, Recorder: rec, PoolSize: 1, Env: []string{}}, func(rt *Runtime) {
		must(rt.VM().Set("__block", func() {
			rt.QueueWork(Work{Type: "BLOCKING", Run: func() any { <-release; return nil }})
		}))
		must(rt.VM().Set("__snap", func() {
			snap = rt.Snapshot()
			close(release)
		}))
	})
	if got.code != 0 {
		t.Fatalf("code %d: %s", got.code, got.stderr)
	}
	states := map[string]int{}
	for _, p := range snap.Pending {
		states[p.Type+":"+p.State]++
	}
	// The timer whose callback takes the snapshot has left its list.
	if states["BLOCKING:running"] != 1 || states["BLOCKING:queued"] != 1 || states["Timeout:armed"] != 1 {
		t.Errorf("pending states %v, want one BLOCKING running, one queued, one Timeout armed", states)
	}
	if snap.PendingTotal != len(snap.Pending) {
		t.Errorf("PendingTotal %d, listed %d", snap.PendingTotal, len(snap.Pending))
	}
	for i := 1; i < len(snap.Pending); i++ {
		if snap.Pending[i].Created < snap.Pending[i-1].Created {
			t.Errorf("pending not oldest first: %+v", snap.Pending)
		}
	}
	for _, p := range snap.Pending {
		if p.Type == "BLOCKING" && (p.Location.Function != "start" || p.Location.Line != 1) {
			t.Errorf("BLOCKING created at %+v, want start at line 1", p.Location)
		}
	}
	// The timers queue names where its entries were created too.
	if len(snap.Timers.Top) != 1 || snap.Timers.Top[0].Location.Line != 3 || snap.Timers.Top[0].Location.File != file {
		t.Errorf("timers queue top %+v, want the timer of line 3", snap.Timers.Top)
	}
}

// TestSnapshotPendingCapped: with more pending ops than a snapshot lists,
// it lists the oldest snapshotMaxPending, oldest first, and counts them all.
func TestSnapshotPendingCapped(t *testing.T) {
	var snap trace.Snapshot
	dir := t.TempDir()
	file := filepath.Join(dir, "main.js")
	os.WriteFile(file, []byte(`for (let i = 0; i < 1500; i++) setTimeout(() => {}, 1000 + (i % 7)).unref();
for (let i = 0; i < 300; i++) setImmediate(() => {});
__snap();`), 0o644)
	got := runOpts(t, Options{Main: file, Cwd: dir, Env: []string{}}, func(rt *Runtime) {
		must(rt.VM().Set("__snap", func() { snap = rt.Snapshot() }))
	})
	if got.code != 0 {
		t.Fatalf("code %d: %s", got.code, got.stderr)
	}
	if snap.PendingTotal != 1800 || len(snap.Pending) != snapshotMaxPending {
		t.Fatalf("PendingTotal %d, listed %d", snap.PendingTotal, len(snap.Pending))
	}
	// The first timers were created first: the list is exactly their ids,
	// in order, whatever list each sits in.
	first := snap.Pending[0].ID
	for i, p := range snap.Pending {
		if p.ID != first+uint64(i) || p.Type != "Timeout" {
			t.Fatalf("entry %d is %s %d, want Timeout %d", i, p.Type, p.ID, first+uint64(i))
		}
	}
}

// TestStopped: Stopped is open while the program runs (work posted then
// runs) and closed once Run has returned, when Post refuses work.
func TestStopped(t *testing.T) {
	rt, err := New(Options{Eval: "setTimeout(() => {}, 20)", Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	ran := make(chan struct{})
	if !rt.Post(func() { close(ran) }) {
		t.Fatal("Post refused work before the program ran")
	}
	select {
	case <-rt.Stopped():
		t.Fatal("Stopped closed before Run")
	default:
	}
	if _, err := rt.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-ran
	select {
	case <-rt.Stopped():
	default:
		t.Fatal("Stopped still open after Run returned")
	}
	if rt.Post(func() {}) {
		t.Error("Post accepted work after the end")
	}
}

// TestRunCancelledBeforeStart: a Run whose context is already done (the
// window's Stop while the program was starting) runs none of the program
// and ends as an interrupted node does, 130. The interrupt the context
// raises comes from another goroutine and once landed after the first
// lines had printed.
func TestRunCancelledBeforeStart(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "main.js")
	if err := os.WriteFile(file, []byte("console.log('began');\nprocess.on('exit', () => console.log('exit'));\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rt, err := New(Options{Main: file, Cwd: dir, Stdout: &out, Stderr: io.Discard, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, err := rt.Run(ctx)
	if err != nil || code != 130 || out.Len() != 0 {
		t.Errorf("Run = %d, %v, printed %q; want 130 and nothing", code, err, out.String())
	}
}
