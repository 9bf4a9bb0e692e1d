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
