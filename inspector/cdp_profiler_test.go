package inspector

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	"go.uber.org/goleak"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/runtime/cpuprof"
)

// callErr sends a request that must fail and returns its error.
func (c *fakeClient) callErr(method string, params any) error {
	c.t.Helper()
	raw, _ := json.Marshal(params)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.s.Handle(ctx, method, raw)
	if err == nil {
		c.t.Fatalf("%s succeeded", method)
	}
	return err
}

// checkCDPProfile checks a Profiler.Profile as DevTools reads it: the root
// first, unique ids, children that exist, one parent each, a sample per
// time delta, hit counts equal to the samples naming each node, position
// ticks adding up to the hit count.
func checkCDPProfile(t *testing.T, p cdpProfile) map[int]cdpProfileNode {
	t.Helper()
	if len(p.Nodes) == 0 {
		t.Fatal("no nodes")
	}
	if root := p.Nodes[0].CallFrame; root.FunctionName != "(root)" || root.ScriptID != "0" || root.URL != "" || root.LineNumber != -1 || root.ColumnNumber != -1 {
		t.Errorf("first node %+v, want V8's (root)", root)
	}
	byID := map[int]cdpProfileNode{}
	for _, n := range p.Nodes {
		if _, dup := byID[n.ID]; dup {
			t.Fatalf("node id %d twice", n.ID)
		}
		byID[n.ID] = n
	}
	parents := map[int]int{}
	for _, n := range p.Nodes {
		for _, c := range n.Children {
			if _, ok := byID[c]; !ok {
				t.Fatalf("node %d has child %d, not a node", n.ID, c)
			}
			parents[c]++
		}
	}
	for _, n := range p.Nodes[1:] {
		if parents[n.ID] != 1 {
			t.Errorf("node %d (%+v) has %d parents", n.ID, n.CallFrame, parents[n.ID])
		}
	}
	if len(p.Samples) != len(p.TimeDeltas) {
		t.Fatalf("%d samples, %d time deltas", len(p.Samples), len(p.TimeDeltas))
	}
	hits := map[int]int{}
	for _, s := range p.Samples {
		if _, ok := byID[s]; !ok {
			t.Fatalf("sample of node %d, not a node", s)
		}
		hits[s]++
	}
	for _, n := range p.Nodes {
		if hits[n.ID] != n.HitCount {
			t.Errorf("node %d (%s): %d samples, hitCount %d", n.ID, n.CallFrame.FunctionName, hits[n.ID], n.HitCount)
		}
		ticks := 0
		for _, pt := range n.PositionTicks {
			ticks += pt.Ticks
		}
		if len(n.PositionTicks) > 0 && ticks != n.HitCount {
			t.Errorf("node %d (%s): position ticks %d, hitCount %d", n.ID, n.CallFrame.FunctionName, ticks, n.HitCount)
		}
	}
	if p.EndTime <= p.StartTime {
		t.Errorf("startTime %d, endTime %d", p.StartTime, p.EndTime)
	}
	return byID
}

// TestProfilerDomain records a CPU-bound program through a Session, as
// DevTools' JavaScript profiler does: fib is where V8 places it (node
// --cpu-prof on the same code: line 0, column 12), under the debugger's
// script id, with the samples; V8's errors for the domain's misuses.
func TestProfilerDomain(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, out, wait := startProgram(t, "testdata/hot.js", debugger.Options{WaitForStart: true})
	c.call("Runtime.enable", nil)
	if err := c.callErr("Profiler.start", nil); err.Error() != "Profiler is not enabled" {
		t.Errorf("start before enable: %v", err)
	}
	c.call("Profiler.enable", nil)
	if err := c.callErr("Profiler.stop", nil); err.Error() != "No recording profiles found" {
		t.Errorf("stop before start: %v", err)
	}
	if err := c.callErr("Profiler.setSamplingInterval", map[string]any{}); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("setSamplingInterval without interval: %v", err)
	}
	c.call("Profiler.setSamplingInterval", map[string]any{"interval": 100})
	c.call("Profiler.start", nil)
	c.call("Profiler.start", nil) // already recording: V8 says nothing
	if err := c.callErr("Profiler.setSamplingInterval", map[string]any{"interval": 1000}); err.Error() != "Cannot change sampling interval when profiling." {
		t.Errorf("setSamplingInterval while profiling: %v", err)
	}
	c.call("Runtime.runIfWaitingForDebugger", nil)
	c.waitFor("Runtime.consoleAPICalled") // the 15 rounds are done

	res := c.call("Profiler.stop", nil)
	b, _ := json.Marshal(res["profile"])
	var p cdpProfile
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	byID := checkCDPProfile(t, p)
	abs, _ := filepath.Abs("testdata/hot.js")
	var sid string
	for _, sc := range c.s.t.Debugger.Scripts() {
		if sc.Path == abs {
			sid = scriptID(sc.ID)
		}
	}
	fibHits := 0
	for _, n := range byID {
		cf := n.CallFrame
		if cf.FunctionName != "fib" {
			continue
		}
		if cf.URL != fileURL(abs) || cf.ScriptID != sid || cf.LineNumber != 0 || cf.ColumnNumber != 12 {
			t.Errorf("fib's call frame %+v, want %s (script %s) at 0:12", cf, fileURL(abs), sid)
		}
		fibHits += n.HitCount
		for _, pt := range n.PositionTicks {
			if pt.Line < 1 || pt.Line > 3 {
				t.Errorf("fib ticks on line %d", pt.Line)
			}
		}
	}
	if fibHits == 0 {
		t.Errorf("fib has no samples: %s", b)
	}
	if err := c.callErr("Profiler.stop", nil); err.Error() != "No recording profiles found" {
		t.Errorf("second stop: %v", err)
	}

	// One profile at a time in the process: a second client is told.
	c.call("Profiler.start", nil)
	other := &fakeClient{t: t, events: make(chan event, 100)}
	other.s = NewSession(c.s.t, func(string, any) {})
	other.call("Profiler.enable", nil)
	if err := other.callErr("Profiler.start", nil); !strings.Contains(err.Error(), "one at a time") {
		t.Errorf("second session's start: %v", err)
	}
	other.s.Close()
	c.call("Profiler.disable", nil) // drops the recording profile
	if rec, err := cpuprof.Start(nil); err != nil {
		t.Errorf("after disable, the process's profiler is not free: %v", err)
	} else if _, err := rec.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}

	c.call("Runtime.evaluate", map[string]any{"expression": "clearInterval(globalThis.keep)"})
	if code := wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if out.String() != "rounds done\n" {
		t.Errorf("output %q", out.String())
	}
}

// TestProfilerSessionClose: a client that leaves while recording leaves
// goja's profiler free.
func TestProfilerSessionClose(t *testing.T) {
	c, _, wait := startProgram(t, "testdata/hot.js", debugger.Options{})
	c.call("Runtime.enable", nil)
	c.call("Profiler.enable", nil)
	c.call("Profiler.start", nil)
	c.waitFor("Runtime.consoleAPICalled")
	c.call("Runtime.evaluate", map[string]any{"expression": "clearInterval(globalThis.keep)"})
	wait() // closes the session, which stops its profile
	// The session's goroutines stop the profile as they end: under load
	// that can take a moment, so wait for the profiler to come free (a
	// goroutine check here raced with them).
	var rec *cpuprof.Profiler
	var err error
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if rec, err = cpuprof.Start(nil); err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil {
		t.Fatalf("the closed session's profile still records: %v", err)
	}
	if _, err := rec.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestWriteCPUProfile: the file node --cpu-prof writes, one line of JSON in
// V8's field order, and the pprof profile beside it parses.
func TestWriteCPUProfile(t *testing.T) {
	rec, err := cpuprof.Start(nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := rec.Stop(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCPUProfile(&buf, p); err != nil {
		t.Fatal(err)
	}
	// (program)'s hit count depends on how long Start to Stop took (a
	// sample is 10 ms): only the shape is fixed.
	const head = `{"nodes":[{"id":1,"callFrame":{"functionName":"(root)","scriptId":"0","url":"","lineNumber":-1,"columnNumber":-1},"hitCount":0,"children":[2]},` +
		`{"id":2,"callFrame":{"functionName":"(program)","scriptId":"0","url":"","lineNumber":-1,"columnNumber":-1},"hitCount":`
	if !strings.HasPrefix(buf.String(), head) || !strings.Contains(buf.String(), `}],"startTime":`) || strings.Contains(buf.String(), "\n") {
		t.Errorf("profile %s", buf.String())
	}
	var back cdpProfile
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	checkCDPProfile(t, back)
	if back.Samples == nil || back.TimeDeltas == nil {
		t.Errorf("samples %v, timeDeltas %v: arrays, not null", back.Samples, back.TimeDeltas)
	}
	if _, err := profile.ParseData(p.Pprof); err != nil {
		t.Errorf("pprof: %v", err)
	}
}

// TestProfilerStopWhilePaused: a program paused in the debugger cannot
// name its files, and Profiler.stop still answers (after profilerStopWait)
// with a whole profile.
func TestProfilerStopWhilePaused(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, out, wait := startProgram(t, "testdata/x.js", debugger.Options{PauseOnStart: true, WaitForStart: true})
	c.call("Debugger.enable", nil)
	c.call("Profiler.enable", nil)
	c.call("Profiler.start", nil)
	c.call("Runtime.runIfWaitingForDebugger", nil)
	c.waitFor("Debugger.paused")
	res := c.call("Profiler.stop", nil)
	b, _ := json.Marshal(res["profile"])
	var p cdpProfile
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	checkCDPProfile(t, p)
	c.call("Debugger.resume", nil)
	if code := wait(); code != 0 || out.String() != "hello 3 4\n" {
		t.Errorf("exit code %d, output %q", code, out.String())
	}
}
