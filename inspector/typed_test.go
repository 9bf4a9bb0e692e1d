package inspector

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/runtime"
)

// TestTypedClient drives a program through the in-process pipe with the
// typed methods and decodes the events into the typed messages.
func TestTypedClient(t *testing.T) {
	defer goleak.VerifyNone(t)
	abs, _ := filepath.Abs("testdata/x.js")
	d := debugger.New(debugger.Options{WaitForStart: true})
	target := NewTarget(abs, d)
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: &out, Stderr: &out, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	target.SetRuntime(rt)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(ctx)
		done <- code
	}()
	paused := make(chan PausedEvent, 4)
	snaps := make(chan SnapshotEvent, 64)
	c := Pipe(target, ClientOptions{OnEvent: func(e Event) {
		switch e.Method {
		case "Debugger.paused":
			var p PausedEvent
			if err := e.Decode(&p); err != nil {
				t.Error(err)
			}
			paused <- p
		case "Studio.snapshot":
			var s SnapshotEvent
			if err := e.Decode(&s); err != nil {
				t.Error(err)
			}
			select {
			case snaps <- s:
			default:
			}
		}
	}})
	defer c.Close()
	if err := c.Enable(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.StudioEnable(ctx, 33, false); err != nil {
		t.Fatal(err)
	}
	bp, err := c.SetBreakpointByURL(ctx, `x\.js$`, 14, "i === 1")
	// The program is held before loading its main file: the breakpoint
	// binds when it loads.
	if err != nil || bp.BreakpointID == "" || len(bp.Locations) != 0 {
		t.Fatalf("breakpoint %+v %v", bp, err)
	}
	if err := c.RunIfWaitingForDebugger(ctx); err != nil {
		t.Fatal(err)
	}
	var p PausedEvent
	select {
	case p = <-paused:
	case <-ctx.Done():
		t.Fatal("no pause")
	}
	if len(p.CallFrames) == 0 || p.CallFrames[0].FunctionName != "outer" || p.HitBreakpoints[0] != bp.BreakpointID {
		t.Fatalf("paused %+v", p)
	}
	r, err := c.EvaluateOnCallFrame(ctx, p.CallFrames[0].CallFrameID, "i * 10 + total")
	if err != nil || string(r.Result.Value) != "10" {
		t.Errorf("evaluate: %+v %v", r, err)
	}
	r, err = c.EvaluateOnCallFrame(ctx, p.CallFrames[0].CallFrameID, "nope")
	if err != nil || r.ExceptionDetails == nil || !strings.HasPrefix(r.Result.Description, "ReferenceError") {
		t.Errorf("a throwing evaluation: %+v %v", r, err)
	}
	props, err := c.GetProperties(ctx, p.CallFrames[0].ScopeChain[0].Object.ObjectID)
	if err != nil || len(props.Result) == 0 || props.Result[0].Name != "i" {
		t.Errorf("block scope: %+v %v", props, err)
	}
	src, err := c.ScriptSource(ctx, p.CallFrames[0].Location.ScriptID)
	if err != nil || !strings.Contains(src, "function outer") {
		t.Errorf("source: %v", err)
	}
	snap, err := c.Snapshot(ctx)
	if err != nil || snap.Pool.Size != 4 || snap.Phase == "" {
		t.Errorf("snapshot %+v %v", snap, err)
	}
	if err := c.RemoveBreakpoint(ctx, bp.BreakpointID); err != nil {
		t.Fatal(err)
	}
	if err := c.Resume(ctx); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != 0 {
		t.Errorf("exit code %d", code)
	}
	if out.String() != "hello 3 4\n" {
		t.Errorf("output %q", out.String())
	}
}

// TestCallerFrameOverPipe pauses in add, called by outer's loop, and reads
// outer's frame as a client does: its scope chain, its locals as its
// calling statement began, and an evaluation in it.
func TestCallerFrameOverPipe(t *testing.T) {
	defer goleak.VerifyNone(t)
	abs, _ := filepath.Abs("testdata/x.js")
	d := debugger.New(debugger.Options{WaitForStart: true})
	target := NewTarget(abs, d)
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: &out, Stderr: &out, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	target.SetRuntime(rt)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(ctx)
		done <- code
	}()
	paused := make(chan PausedEvent, 4)
	c := Pipe(target, ClientOptions{OnEvent: func(e Event) {
		if e.Method == "Debugger.paused" {
			var p PausedEvent
			if err := e.Decode(&p); err != nil {
				t.Error(err)
			}
			paused <- p
		}
	}})
	defer c.Close()
	if err := c.Enable(ctx); err != nil {
		t.Fatal(err)
	}
	// Line 7 (0-based 6) is add's `counter += sum`; a = 1 on the third call.
	if _, err := c.SetBreakpointByURL(ctx, `x\.js$`, 6, "a === 1"); err != nil {
		t.Fatal(err)
	}
	if err := c.RunIfWaitingForDebugger(ctx); err != nil {
		t.Fatal(err)
	}
	var p PausedEvent
	select {
	case p = <-paused:
	case <-ctx.Done():
		t.Fatal("no pause")
	}
	if len(p.CallFrames) < 3 || p.CallFrames[0].FunctionName != "add" || p.CallFrames[1].FunctionName != "outer" {
		t.Fatalf("paused %+v", p)
	}
	outer := p.CallFrames[1]
	var types []string
	vars := map[string]string{}
	for _, sc := range outer.ScopeChain {
		types = append(types, sc.Type)
		if sc.Type == "global" {
			continue
		}
		props, err := c.GetProperties(ctx, sc.Object.ObjectID)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range props.Result {
			if pr.Value != nil {
				vars[sc.Type+":"+pr.Name] = pr.Value.Description
			}
		}
	}
	if got := strings.Join(types, " "); got != "block local closure global" {
		t.Errorf("outer's scope chain: %s", got)
	}
	for k, want := range map[string]string{"block:i": "2", "local:n": "3", "local:total": "1", "local:obj": "Object", "closure:add": "function add(a, b) {\n  const sum = a + b;\n  counter += sum;\n  return sum;\n}"} {
		if vars[k] != want {
			t.Errorf("outer's %s = %q, want %q (all: %v)", k, vars[k], want, vars)
		}
	}
	if outer.This.Type != "undefined" {
		t.Errorf("outer's this: %+v", outer.This)
	}
	r, err := c.EvaluateOnCallFrame(ctx, outer.CallFrameID, "total * 100 + i + obj.list.length")
	if err != nil || string(r.Result.Value) != "105" {
		t.Errorf("evaluate in outer: %+v %v", r, err)
	}
	if err := c.Resume(ctx); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != 0 {
		t.Errorf("exit code %d", code)
	}
	if out.String() != "hello 3 4\n" {
		t.Errorf("output %q", out.String())
	}
}
