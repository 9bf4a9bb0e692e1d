package debugger

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

func scopeNamed(p Paused, kind string) *Scope {
	for i := range p.Frames[0].Scopes {
		if p.Frames[0].Scopes[i].Kind == kind {
			return &p.Frames[0].Scopes[i]
		}
	}
	return nil
}

func evalString(t *testing.T, d *Debugger, expr string) string {
	t.Helper()
	v, exc, err := d.Evaluate(context.Background(), expr, EvalOptions{})
	if err != nil {
		t.Fatalf("evaluating %q: %v", expr, err)
	}
	if exc != nil {
		t.Fatalf("evaluating %q threw %s", expr, exc.Description)
	}
	return v.Description
}

func TestScopesEvaluateSetVariable(t *testing.T) {
	var props []string
	stops, out := session(t, "testdata/scopes/vars.js", []BreakpointSpec{{Line: 6, Column: -1}}, Options{}, func(d *Debugger, p Paused) error {
		for _, kind := range []string{"block", "local", "closure"} {
			sc := scopeNamed(p, kind)
			if sc == nil {
				t.Errorf("no %s scope: %+v", kind, p.Frames[0].Scopes)
				continue
			}
			ps, err := d.GetProperties(context.Background(), sc.Object.ObjectID)
			if err != nil {
				return err
			}
			for _, pr := range ps {
				if pr.Name != "[[Prototype]]" {
					props = append(props, kind+":"+pr.Name+"="+pr.Value.Description)
				}
			}
		}
		if got := evalString(t, d, "a + b + c"); got != "26" {
			t.Errorf("a + b + c = %s", got)
		}
		if got := evalString(t, d, "outer + a"); got != "o5" {
			t.Errorf("outer + a = %s", got)
		}
		if got := evalString(t, d, "typeof process.version"); got != "string" {
			t.Errorf("globals: typeof process.version = %s", got)
		}
		if err := d.SetVariable(0, "b", "100"); err != nil {
			return err
		}
		// The local scope object shown for the frame follows.
		local, err := d.GetProperties(context.Background(), scopeNamed(p, "local").Object.ObjectID)
		if err != nil {
			return err
		}
		for _, pr := range local {
			if pr.Name == "b" && pr.Value.Description != "100" {
				t.Errorf("local scope after setting b: b = %s", pr.Value.Description)
			}
		}
		if err := d.SetVariable(0, "c", "1"); !errors.Is(err, ErrConst) {
			t.Errorf("assigning a const: %v", err)
		}
		evalString(t, d, "a = 7")
		return d.Resume()
	})
	if want := "block:c=11 local:a=5 local:b=10 closure:outer=o"; strings.Join(props, " ") != want {
		t.Errorf("scopes: %s\nwant %s", strings.Join(props, " "), want)
	}
	if len(stops) != 1 || !strings.HasPrefix(stops[0], "6:4 f") {
		t.Errorf("stops %v", stops)
	}
	if want := "7 100 11 o\nr 100\n"; out != want {
		t.Errorf("after setting variables the program printed %q, want %q", out, want)
	}
}

func TestConditionsHitCountsLogpoints(t *testing.T) {
	var seen []string
	collect := func(d *Debugger, p Paused) error {
		seen = append(seen, evalString(t, d, "i"))
		return d.Resume()
	}
	session(t, "testdata/scopes/loop.js", []BreakpointSpec{{Line: 2, Column: -1, Condition: "i === 3"}}, Options{}, collect)
	if fmt.Sprint(seen) != "[3]" {
		t.Errorf("condition: stopped with i = %v", seen)
	}
	seen = nil
	session(t, "testdata/scopes/loop.js", []BreakpointSpec{{Line: 2, Column: -1, HitCondition: ">=8"}}, Options{}, collect)
	if fmt.Sprint(seen) != "[7 8 9]" {
		t.Errorf("hit count >=8: stopped with i = %v", seen)
	}
	seen = nil
	session(t, "testdata/scopes/loop.js", []BreakpointSpec{{Line: 2, Column: -1, Condition: "i % 2", HitCondition: "%2"}}, Options{}, collect)
	if fmt.Sprint(seen) != "[3 7]" {
		t.Errorf("condition and hit count: stopped with i = %v", seen)
	}
	seen = nil
	_, out := session(t, "testdata/scopes/loop.js", []BreakpointSpec{{Line: 2, Column: -1, LogMessage: "i={i} sq={i*i} {nope}", Condition: "i < 2"}}, Options{}, collect)
	if len(seen) != 0 {
		t.Errorf("a logpoint stopped: %v", seen)
	}
	want := "i={i} sq={i*i} {nope} (logpoint error: ReferenceError: nope is not defined)\n"
	if out != want+want+"end\n" {
		t.Errorf("logpoint output:\n%s\nwant\n%s", out, want+want+"end\n")
	}
	_, out = session(t, "testdata/scopes/loop.js", []BreakpointSpec{{Line: 2, Column: -1, LogMessage: "i={i} sq={i*i} `$", Condition: "i < 2"}}, Options{}, collect)
	if want := "i=0 sq=0 `$\ni=1 sq=1 `$\nend\n"; out != want {
		t.Errorf("logpoint output:\n%s\nwant\n%s", out, want)
	}
}

func TestBreakpointInModuleLoadedLater(t *testing.T) {
	for _, spec := range []BreakpointSpec{
		{URLRegex: `scopes[/\\]lib\.js$`, Line: 2, Column: -1},
		{URLRegex: `^file:///.*/lib\.js$`, Line: 1, Column: -1},
	} {
		var where []string
		_, out := session(t, "testdata/scopes/main.js", []BreakpointSpec{spec}, Options{}, func(d *Debugger, p Paused) error {
			where = append(where, fmt.Sprintf("%s:%d %v", filepath.Base(p.Frames[0].Path), p.Frames[0].Line, p.HitBreakpoints))
			return d.Resume()
		})
		if want := fmt.Sprintf("lib.js:%d [1]", spec.Line); fmt.Sprint(where) != "["+want+"]" {
			t.Errorf("%s: paused at %v, want %s", spec.URLRegex, where, want)
		}
		if out != "42\n" {
			t.Errorf("output %q", out)
		}
	}
}

// TestPauseBusyLoop pauses a program spinning in while (true) {}, looks at
// the loop's state (a pending fs read and timer), and stops the program.
func TestPauseBusyLoop(t *testing.T) {
	defer goleak.VerifyNone(t)
	abs, _ := filepath.Abs("testdata/scopes/busy.js")
	d := New(Options{})
	sub := d.Subscribe()
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: io.Discard, Stderr: io.Discard, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(runCtx)
		done <- code
	}()
	for {
		e, err := sub.Next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := e.(ScriptParsed); ok {
			break
		}
	}
	d.Pause()
	var p Paused
	for {
		e, err := sub.Next(ctx)
		if err != nil {
			t.Fatal("no pause:", err)
		}
		if pp, ok := e.(Paused); ok {
			p = pp
			break
		}
	}
	if p.Reason != ReasonPause || p.Frames[0].Line < 5 || p.Frames[0].Line > 6 {
		t.Errorf("paused %s at %+v", p.Reason, p.Frames[0])
	}
	if n, _ := strconv.Atoi(evalString(t, d, "i")); n <= 0 {
		t.Errorf("i = %d", n)
	}
	types := map[string]bool{}
	for _, op := range p.Loop.Pending {
		types[op.Type] = true
	}
	if !types["FSREQCALLBACK"] || !types["Timeout"] {
		t.Errorf("pending ops at the pause: %+v", p.Loop.Pending)
	}
	// The fs read completes while paused and waits for its callback.
	var state string
	for i := 0; i < 400 && state != "waiting-callback"; i++ {
		s, err := d.LoopState()
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range s.Pending {
			if op.Type == "FSREQCALLBACK" {
				state = op.State
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	if state != "waiting-callback" {
		t.Errorf("the fs read did not complete while paused: %q", state)
	}
	stop()
	if code := <-done; code != 130 {
		t.Errorf("exit code %d after cancel while paused", code)
	}
}

// TestAsyncStack pauses in a callback three async hops from the code that
// started the chain and checks each hop's type and creation site.
func TestAsyncStack(t *testing.T) {
	var hops []string
	session(t, "testdata/scopes/async.js", []BreakpointSpec{{Line: 6, Column: -1}}, Options{}, func(d *Debugger, p Paused) error {
		for _, a := range p.Async {
			site := "?"
			for _, f := range a.Frames {
				if strings.HasSuffix(f.File, "async.js") {
					site = fmt.Sprintf("%s:%d", f.Function, f.Line)
					break
				}
			}
			hops = append(hops, a.Type+"@"+site)
		}
		return d.Resume()
	})
	want := "Immediate@onStat:5 FSREQCALLBACK@onTimer:4 Timeout@start:3"
	if got := strings.Join(hops, " "); got != want {
		t.Errorf("async stack %s\nwant %s", got, want)
	}
}

// TestObjectProperties lists getters, inherited properties through
// [[Prototype]], a Map's entries and a range of a big array.
func TestObjectProperties(t *testing.T) {
	session(t, "testdata/scopes/vars.js", []BreakpointSpec{{Line: 6, Column: -1}}, Options{}, func(d *Debugger, p Paused) error {
		ctx := context.Background()
		obj := func(expr string) string {
			v, exc, err := d.Evaluate(ctx, expr, EvalOptions{Group: "test"})
			if err != nil || exc != nil {
				t.Fatalf("%s: %v %v", expr, err, exc)
			}
			return v.ObjectID
		}
		props, internal, err := d.GetPropertiesWith(ctx, obj("({ get g() { return 1; }, x: 2 })"), PropertiesOptions{Count: -1})
		if err != nil {
			return err
		}
		if len(props) != 2 || props[0].Name != "g" || props[0].Get == nil || props[1].Value.Description != "2" {
			t.Errorf("getter and value: %+v", props)
		}
		if len(internal) != 1 || internal[0].Name != "[[Prototype]]" || internal[0].Value.ClassName != "Object" {
			t.Errorf("internal: %+v", internal)
		}
		_, internal, _ = d.GetPropertiesWith(ctx, obj("new Map([[1, 'a'], [2, 'b']])"), PropertiesOptions{Count: -1})
		var entries string
		for _, in := range internal {
			if in.Name == "[[Entries]]" {
				entries = in.Value.Description
				ps, _ := d.GetProperties(ctx, in.Value.ObjectID)
				if len(ps) < 2 {
					t.Errorf("entries: %+v", ps)
				}
			}
		}
		if entries != "Array(2)" {
			t.Errorf("[[Entries]] = %q", entries)
		}
		props, _, _ = d.GetPropertiesWith(ctx, obj("Array.from({ length: 5000 }, (_, i) => i)"), PropertiesOptions{From: 100, Count: 3})
		var names []string
		for _, pr := range props {
			names = append(names, pr.Name)
		}
		if strings.Join(names, ",") != "100,101,102,length" {
			t.Errorf("array range: %v", names)
		}
		return d.Resume()
	})
}

// TestPauseOnUncaughtException stops where an uncaught TypeError came
// from, with the error, and the program then ends as it would.
func TestPauseOnUncaughtException(t *testing.T) {
	abs, _ := filepath.Abs("testdata/scopes/uncaught.js")
	d := New(Options{})
	d.SetPauseOnExceptions(ExceptionsUncaught)
	sub := d.Subscribe()
	var stderr strings.Builder
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: io.Discard, Stderr: &stderr, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(ctx)
		done <- code
	}()
	for {
		e, err := sub.Next(ctx)
		if err != nil {
			t.Fatal("no pause:", err)
		}
		p, ok := e.(Paused)
		if !ok {
			continue
		}
		if p.Reason != ReasonException || p.Exception == nil || !strings.HasPrefix(p.Exception.Description, "TypeError") {
			t.Errorf("paused %s with %+v", p.Reason, p.Exception)
		}
		if len(p.Frames) < 2 || p.Frames[0].Function != "boom" || p.Frames[0].Line != 2 {
			t.Errorf("frames %+v", p.Frames)
		}
		if got := evalString(t, d, "typeof setTimeout"); got != "function" {
			t.Errorf("global evaluation at an exception: %s", got)
		}
		if err := d.Resume(); err != nil {
			t.Fatal(err)
		}
		break
	}
	if code := <-done; code != 1 {
		t.Errorf("exit code %d", code)
	}
	if !strings.Contains(stderr.String(), "TypeError") {
		t.Errorf("stderr %q", stderr.String())
	}
}

// TestToStringShowsTheSource: instrumented functions print their source
// as written, as node prints them.
func TestToStringShowsTheSource(t *testing.T) {
	_, out := session(t, "testdata/scopes/tostring.js", nil, Options{}, func(d *Debugger, p Paused) error { return d.Resume() })
	want, err := exec.Command("node", "testdata/scopes/tostring.js").Output()
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("instrumented:\n%s\nnode:\n%s", out, want)
	}
}

// TestPauseOnCaughtExceptions (mode all): a throw statement pauses at the
// throw with its value and the thrower's locals; an error the engine
// throws pauses where it is caught; the program then runs on.
func TestPauseOnCaughtExceptions(t *testing.T) {
	var stops []string
	d := New(Options{})
	d.SetPauseOnExceptions(ExceptionsAll)
	_, out := sessionWith(t, d, "testdata/scopes/caught.js", func(d *Debugger, p Paused) error {
		desc := ""
		if p.Exception != nil {
			desc = p.Exception.Description
			if i := strings.IndexByte(desc, '\n'); i >= 0 {
				desc = desc[:i]
			}
		}
		stops = append(stops, fmt.Sprintf("%s %d %s", p.Reason, p.Frames[0].Line, desc))
		if p.Frames[0].Line == 3 {
			if got := evalString(t, d, "v"); got != "-1" {
				t.Errorf("v at the throw = %s", got)
			}
		}
		return d.Resume()
	})
	// The engine's error pauses at the first statement of the catch block
	// that caught it (line 16), with goja's message.
	want := "exception 3 RangeError: negative: -1|exception 16 TypeError: Cannot read property 'prop' of"
	if got := strings.Join(stops, "|"); !strings.HasPrefix(got, want) {
		t.Errorf("stops %q\nwant %q", got, want)
	}
	if out != "caught 2\n" {
		t.Errorf("output %q", out)
	}
}

// TestPauseIsNotLoopWork: while the program is paused, the snapshots'
// utilisation and phase time leave the pause out (the program's own
// performance.eventLoopUtilization counts it, as Node's does).
func TestPauseIsNotLoopWork(t *testing.T) {
	// 200 ms idle in poll, then a 300 ms pause in the timer's callback. The
	// loop's state read at the pause's start and after it must differ by no
	// more than the work of answering the first read: had the pause counted,
	// the timers phase would have grown by 300 ms and utilisation with it.
	// (Absolute figures depend on how long start-up took on a loaded machine;
	// the difference does not.)
	session(t, "testdata/scopes/idle.js", []BreakpointSpec{{Line: 2, Column: -1}}, Options{}, func(d *Debugger, p Paused) error {
		before, err := d.LoopState()
		if err != nil {
			return err
		}
		time.Sleep(300 * time.Millisecond)
		after, err := d.LoopState()
		if err != nil {
			return err
		}
		grew := after.PhaseTime[trace.PhaseTimers] - before.PhaseTime[trace.PhaseTimers]
		if grew > 100*time.Millisecond || after.ELU > before.ELU+0.02 {
			t.Errorf("over a 300 ms pause the timers phase grew %v and ELU went %.3f -> %.3f\nbefore %v\nafter  %v",
				grew, before.ELU, after.ELU, before.PhaseTime, after.PhaseTime)
		}
		return d.Resume()
	})
}

// scopeProps lists "name=description" of a scope object's own properties.
func scopeProps(t *testing.T, d *Debugger, f Frame, kind string) string {
	t.Helper()
	for _, sc := range f.Scopes {
		if sc.Kind != kind {
			continue
		}
		ps, err := d.GetProperties(context.Background(), sc.Object.ObjectID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, pr := range ps {
			if pr.Name != "[[Prototype]]" && pr.Value != nil {
				out = append(out, pr.Name+"="+pr.Value.Description)
			}
		}
		return strings.Join(out, " ")
	}
	return "(no " + kind + " scope)"
}

func evalIn(t *testing.T, d *Debugger, frame int, expr string) (string, *Value) {
	t.Helper()
	v, exc, err := d.Evaluate(context.Background(), expr, EvalOptions{Frame: frame})
	if err != nil {
		t.Fatalf("evaluating %q in frame %d: %v", expr, frame, err)
	}
	return v.Description, exc
}

// TestCallerFrameScopes pauses in a function three calls deep and looks
// at its callers: their locals as their calling statement began, `this`,
// evaluation in their scope, and assignment of a captured (live) local.
func TestCallerFrameScopes(t *testing.T) {
	stops, out := session(t, "testdata/scopes/callers.js", []BreakpointSpec{{Line: 5, Column: -1}}, Options{}, func(d *Debugger, p Paused) error {
		var fns []string
		for _, f := range p.Frames {
			fns = append(fns, f.Function)
		}
		if got := strings.Join(fns, " "); !strings.HasPrefix(got, "leaf middle run ") {
			t.Fatalf("frames %s", got)
		}
		middle, run := p.Frames[1], p.Frames[2]
		if got, want := scopeProps(t, d, middle, "local"), "a=1 b=3 sum=4 captured=2 bump=() => captured++"; got != want {
			t.Errorf("middle's locals: %s\nwant %s", got, want)
		}
		if got, want := scopeProps(t, d, run, "block"), "i=1"; got != want {
			t.Errorf("run's block scope: %s, want %s", got, want)
		}
		if got, want := scopeProps(t, d, run, "local"), "k=3"; got != want {
			t.Errorf("run's locals: %s, want %s", got, want)
		}
		if got := scopeProps(t, d, run, "closure"); !strings.Contains(got, "middle=") {
			t.Errorf("run's closure scope: %s", got)
		}
		if run.This.ClassName != "Object" || run.This.ObjectID == "" {
			t.Errorf("run's this: %+v", run.This)
		}
		if got, exc := evalIn(t, d, 1, "sum * 10 + captured"); exc != nil || got != "42" {
			t.Errorf("sum * 10 + captured in middle = %s (%v)", got, exc)
		}
		if got, exc := evalIn(t, d, 2, "this.name + i + k"); exc != nil || got != "o13" {
			t.Errorf("this.name + i + k in run = %s (%v)", got, exc)
		}
		if got, exc := evalIn(t, d, 0, "x"); exc != nil || got != "4" {
			t.Errorf("x in leaf = %s (%v)", got, exc)
		}
		if _, exc := evalIn(t, d, 1, "sum = 0"); exc == nil {
			t.Errorf("assigning a copied local in a caller frame did not throw")
		}
		if err := d.SetVariable(1, "sum", "0"); !errors.Is(err, ErrCopy) {
			t.Errorf("setting a copied local: %v", err)
		}
		if err := d.SetVariable(1, "captured", "30"); err != nil {
			t.Errorf("setting a captured local: %v", err)
		}
		if err := d.SetVariable(2, "calls", "1"); !errors.Is(err, ErrNoVariable) {
			t.Errorf("setting a variable run does not use: %v", err)
		}
		if err := d.SetVariable(3, "calls", "100"); err != nil {
			t.Errorf("setting a captured module variable from the module's frame: %v", err)
		}
		return d.Resume()
	})
	if len(stops) != 1 {
		t.Errorf("stops %v", stops)
	}
	// leaf(4) = 8, plus captured (set to 30); calls was set to 100 while
	// leaf's calls++ had run.
	if want := "38 100\n"; out != want {
		t.Errorf("the program printed %q, want %q", out, want)
	}
}

// TestCallerFrameNotRecorded pauses a busy loop: the frames that called it
// began before anything armed the hooks, so their locals are not known,
// and say so.
func TestCallerFrameNotRecorded(t *testing.T) {
	defer goleak.VerifyNone(t)
	abs, _ := filepath.Abs("testdata/scopes/callers_busy.js")
	d := New(Options{})
	sub := d.Subscribe()
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: io.Discard, Stderr: io.Discard, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(runCtx)
		done <- code
	}()
	defer func() {
		stop()
		<-done
	}()
	next := func() Paused {
		for {
			e, err := sub.Next(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if p, ok := e.(Paused); ok {
				return p
			}
		}
	}
	var p Paused
	for {
		// The first request may stop the program before it spins.
		d.Pause()
		if p = next(); len(p.Frames) > 0 && p.Frames[0].Function == "spin" {
			break
		}
		if err := d.Resume(); err != nil {
			t.Fatal(err)
		}
	}
	if len(p.Frames) < 2 || p.Frames[1].Function != "outer" {
		t.Fatalf("frames %+v", p.Frames)
	}
	outer := p.Frames[1]
	if len(outer.Scopes) == 0 || outer.Scopes[0].Kind != "local" || outer.Scopes[0].Object.Description != notAvailable {
		t.Errorf("outer's scopes: %+v", outer.Scopes)
	}
	if got := scopeProps(t, d, p.Frames[0], "local"); !strings.HasPrefix(got, "limit=1000000000000000 n=") {
		t.Errorf("spin's locals: %s", got)
	}
	if got, exc := evalIn(t, d, 1, "typeof z"); exc != nil || got != "undefined" {
		t.Errorf("typeof z in a frame without a record = %s (%v)", got, exc)
	}
}

// TestUncaughtPredictedAtThrow: with pause on uncaught exceptions, a throw
// statement that no try block of the synchronous stack catches stops at
// the throw, with the live frames, as V8 predicts it (node 20 stops at
// exactly these: thrower's line for 3, 2, 5 and 6, then g), and once: not
// again when the exception reaches the top.
func TestUncaughtPredictedAtThrow(t *testing.T) {
	d := New(Options{})
	d.SetPauseOnExceptions(ExceptionsUncaught)
	var got []string
	_, out := sessionWith(t, d, "testdata/scopes/predicted.js", func(d *Debugger, p Paused) error {
		top := p.Frames[0]
		stop := fmt.Sprintf("%s:%d", top.Function, top.Line)
		if top.Function == "thrower" {
			x, exc := evalIn(t, d, 0, "x")
			if exc != nil {
				t.Errorf("x at %s threw %s", stop, exc.Description)
			}
			stop += " x=" + x
		}
		if len(p.Frames) > 1 && p.Frames[1].ScriptID >= 0 && len(p.Frames[1].Scopes) < 2 {
			t.Errorf("%s: the caller has no scopes: %+v", stop, p.Frames[1])
		}
		if p.Reason != ReasonException || p.Exception == nil {
			t.Errorf("%s: reason %s, exception %+v", stop, p.Reason, p.Exception)
		}
		got = append(got, stop)
		return d.Resume()
	})
	want := "thrower:3 x=3, thrower:3 x=2, thrower:3 x=5, thrower:3 x=6, g:13"
	if strings.Join(got, ", ") != want {
		t.Errorf("stops %s\nwant %s", strings.Join(got, ", "), want)
	}
	if want := "uncaught sync 3\nuncaught sync 2\nuncaught sync 5\nuncaught sync 6\nuncaught made in a try\n"; out != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// TestDebuggerStatement: a `debugger;` statement stops while a client
// listens (session subscribes), with its locals.
func TestDebuggerStatement(t *testing.T) {
	var a string
	stops, out := session(t, "testdata/scopes/dbgstmt.js", nil, Options{}, func(d *Debugger, p Paused) error {
		if p.Reason != ReasonDebugger {
			t.Errorf("reason %s", p.Reason)
		}
		a = evalString(t, d, "a")
		return d.Resume()
	})
	if len(stops) != 1 || !strings.HasPrefix(stops[0], "2:0") || a != "1" || out != "1\n" {
		t.Errorf("stops %v, a = %s, output %q", stops, a, out)
	}
}
