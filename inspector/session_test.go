package inspector

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/runtime"
)

// fakeClient drives a Session directly, as a transport would.
type fakeClient struct {
	t       *testing.T
	s       *Session
	events  chan event
	backlog []event // events received while waiting for another
}

type event struct {
	method string
	params map[string]any
}

func (c *fakeClient) call(method string, params any) map[string]any {
	c.t.Helper()
	raw, _ := json.Marshal(params)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := c.s.Handle(ctx, method, raw)
	if err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		c.t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		c.t.Fatalf("%s: result %s is not an object", method, b)
	}
	return m
}

func (c *fakeClient) waitFor(method string) map[string]any {
	c.t.Helper()
	for i, e := range c.backlog {
		if e.method == method {
			c.backlog = append(c.backlog[:i], c.backlog[i+1:]...)
			return e.params
		}
	}
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e := <-c.events:
			if e.method == method {
				return e.params
			}
			c.backlog = append(c.backlog, e)
		case <-timeout:
			c.t.Fatalf("no %s event", method)
		}
	}
}

func startProgram(t *testing.T, file string, opts debugger.Options) (*fakeClient, *bytes.Buffer, func() int) {
	var out bytes.Buffer
	c, wait := startProgramTo(t, file, opts, &out, &out)
	return c, &out, wait
}

// startProgramTo is startProgram with the program's stdout and stderr
// going to the given writers (read them after the program has ended).
func startProgramTo(t *testing.T, file string, opts debugger.Options, stdout, stderr io.Writer) (*fakeClient, func() int) {
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	d := debugger.New(opts)
	target := NewTarget(abs, d)
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: stdout, Stderr: stderr, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	target.SetRuntime(rt)
	c := &fakeClient{t: t, events: make(chan event, 1000)}
	c.s = NewSession(target, func(method string, params any) {
		b, _ := json.Marshal(params)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		c.events <- event{method, m}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(ctx)
		done <- code
	}()
	return c, func() int {
		code := <-done
		cancel()
		c.s.Close()
		return code
	}
}

// TestSessionBreakOnStartToExit is node inspect's session, on the Session
// directly: break on start, a breakpoint by URL, scopes, evaluation, a
// step, a removed breakpoint, and the program runs to its end with its
// output unchanged.
func TestSessionBreakOnStartToExit(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, out, wait := startProgram(t, "testdata/x.js", debugger.Options{PauseOnStart: true, WaitForStart: true})
	c.call("Runtime.enable", nil)
	if got := c.call("Runtime.evaluate", map[string]any{"expression": "typeof process.version", "returnByValue": true}); got["result"].(map[string]any)["value"] != "string" {
		t.Errorf("evaluate before start: %v", got)
	}
	dbg := c.call("Debugger.enable", nil)
	if dbg["debuggerId"] == "" {
		t.Errorf("Debugger.enable: %v", dbg)
	}
	c.call("Debugger.setPauseOnExceptions", map[string]any{"state": "none"})
	c.call("Runtime.runIfWaitingForDebugger", nil)
	p := c.waitFor("Debugger.paused")
	if p["reason"] != "Break on start" {
		t.Errorf("first pause: %v", p["reason"])
	}
	top := p["callFrames"].([]any)[0].(map[string]any)
	loc := top["location"].(map[string]any)
	if loc["lineNumber"].(float64) != 1 {
		t.Errorf("break on start at %v", loc)
	}
	sid := loc["scriptId"].(string)
	src := c.call("Debugger.getScriptSource", map[string]any{"scriptId": sid})
	if !strings.Contains(src["scriptSource"].(string), "function outer(n)") {
		t.Errorf("script source %v", src)
	}
	bp := c.call("Debugger.setBreakpointByUrl", map[string]any{"lineNumber": 14, "urlRegex": `^(.*[\/\\])?x\.js$`})
	locs := bp["locations"].([]any)
	if len(locs) != 1 || locs[0].(map[string]any)["columnNumber"].(float64) != 4 {
		t.Errorf("setBreakpointByUrl: %v", bp)
	}
	c.call("Debugger.resume", nil)
	p = c.waitFor("Debugger.paused")
	if hit := p["hitBreakpoints"].([]any); len(hit) != 1 || hit[0] != bp["breakpointId"] {
		t.Errorf("hitBreakpoints %v", p["hitBreakpoints"])
	}
	frame := p["callFrames"].([]any)[0].(map[string]any)
	if frame["functionName"] != "outer" {
		t.Errorf("paused in %v", frame["functionName"])
	}
	ev := c.call("Debugger.evaluateOnCallFrame", map[string]any{"callFrameId": frame["callFrameId"], "expression": "total + n", "generatePreview": true})
	if r := ev["result"].(map[string]any); r["value"].(float64) != 3 || r["description"] != "3" {
		t.Errorf("total + n = %v", r)
	}
	ev = c.call("Debugger.evaluateOnCallFrame", map[string]any{"callFrameId": frame["callFrameId"], "expression": "obj", "generatePreview": true})
	prev := ev["result"].(map[string]any)["preview"].(map[string]any)
	if len(prev["properties"].([]any)) != 3 {
		t.Errorf("preview of obj: %v", prev)
	}
	ev = c.call("Debugger.evaluateOnCallFrame", map[string]any{"callFrameId": frame["callFrameId"], "expression": "nosuchvar"})
	if ev["exceptionDetails"] == nil || !strings.HasPrefix(ev["result"].(map[string]any)["description"].(string), "ReferenceError: nosuchvar is not defined") {
		t.Errorf("nosuchvar: %v", ev)
	}
	var names []string
	for _, sc := range frame["scopeChain"].([]any) {
		scope := sc.(map[string]any)
		if scope["type"] == "global" {
			continue
		}
		props := c.call("Runtime.getProperties", map[string]any{"objectId": scope["object"].(map[string]any)["objectId"], "ownProperties": true})
		for _, pr := range props["result"].([]any) {
			prm := pr.(map[string]any)
			if prm["name"] != "__proto__" {
				names = append(names, scope["type"].(string)+":"+prm["name"].(string))
			}
		}
	}
	if got := strings.Join(names, " "); got != "block:i local:n local:obj local:total closure:add" {
		t.Errorf("scopes: %s", got)
	}
	c.call("Debugger.removeBreakpoint", map[string]any{"breakpointId": bp["breakpointId"]})
	c.call("Debugger.stepOver", nil)
	p = c.waitFor("Debugger.paused")
	if loc := p["callFrames"].([]any)[0].(map[string]any)["location"].(map[string]any); loc["lineNumber"] != 13.0 || loc["columnNumber"] != 26.0 { // the loop's update i++, as V8
		t.Errorf("after step over: %v", loc)
	}
	c.call("Debugger.resume", nil)
	con := c.waitFor("Runtime.consoleAPICalled")
	args := con["args"].([]any)
	if con["type"] != "log" || len(args) != 3 || args[0].(map[string]any)["value"] != "hello" || args[1].(map[string]any)["value"] != 3.0 {
		t.Errorf("consoleAPICalled %v", con)
	}
	if fr := con["stackTrace"].(map[string]any)["callFrames"].([]any); len(fr) == 0 || fr[0].(map[string]any)["lineNumber"] != 21.0 {
		t.Errorf("console call site %v", con["stackTrace"])
	}
	if code := wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if out.String() != "hello 3 4\n" {
		t.Errorf("program output %q", out.String())
	}
}

// TestStudioDomain enables Studio's streams, pauses at a breakpoint and
// reads the loop's state in Studio.paused (a pending timer), then steps the
// loop one callback at a time.
func TestStudioDomain(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, out, wait := startProgram(t, "testdata/loop.js", debugger.Options{WaitForStart: true})
	en := c.call("Studio.enable", map[string]any{"snapshotInterval": 10, "events": true})
	if en["snapshotInterval"].(float64) != 33 {
		t.Errorf("interval not capped at 30 Hz: %v", en)
	}
	c.call("Debugger.enable", nil)
	bp := c.call("Debugger.setBreakpointByUrl", map[string]any{"lineNumber": 4, "urlRegex": `loop\.js$`})
	c.call("Runtime.runIfWaitingForDebugger", nil)
	sp := c.waitFor("Studio.paused")
	loop := sp["loop"].(map[string]any)
	var types []string
	for _, op := range loop["pending"].([]any) {
		types = append(types, op.(map[string]any)["type"].(string))
	}
	if !strings.Contains(strings.Join(types, " "), "Timeout") {
		t.Errorf("pending ops at the pause: %v", types)
	}
	snap := c.call("Studio.getSnapshot", nil)["snapshot"].(map[string]any)
	if snap["pool"].(map[string]any)["size"].(float64) != 4 {
		t.Errorf("pool in snapshot: %v", snap["pool"])
	}
	c.call("Studio.stepCallback", nil)
	lp := c.waitFor("Studio.loopPaused")
	cb := lp["callback"].(map[string]any)
	if cb["queue"] != "timers" || cb["type"] != "Timeout" || cb["why"] == "" {
		t.Errorf("loop stop: %v", cb)
	}
	c.call("Debugger.removeBreakpoint", map[string]any{"breakpointId": bp["breakpointId"]})
	c.call("Debugger.resume", nil)
	c.waitFor("Studio.loopResumed")
	c.waitFor("Studio.snapshot")
	evs := c.waitFor("Studio.events")
	if len(evs["events"].([]any)) == 0 {
		t.Errorf("no events")
	}
	if code := wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if out.String() != "tick 1\ntick 2\n" {
		t.Errorf("output %q", out.String())
	}
}

// TestExceptionThrown: an uncaught exception reaches the client as
// Runtime.exceptionThrown with the error and where it was thrown, and with
// pause on uncaught exceptions the program stops there first.
func TestExceptionThrown(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, _, wait := startProgram(t, "testdata/throws.js", debugger.Options{WaitForStart: true})
	c.call("Runtime.enable", nil)
	c.call("Debugger.enable", nil)
	c.call("Debugger.setPauseOnExceptions", map[string]any{"state": "uncaught"})
	c.call("Runtime.runIfWaitingForDebugger", nil)
	// As in node: the pause at the throw (predicted uncaught), then, once
	// resumed, the exception reaches the top.
	p := c.waitFor("Debugger.paused")
	if p["reason"] != "exception" || p["data"].(map[string]any)["className"] != "RangeError" {
		t.Errorf("paused %v with %v", p["reason"], p["data"])
	}
	if fn := p["callFrames"].([]any)[0].(map[string]any)["functionName"]; fn != "fail" {
		t.Errorf("top frame %v", fn)
	}
	c.call("Debugger.resume", nil)
	ev := c.waitFor("Runtime.exceptionThrown")
	d := ev["exceptionDetails"].(map[string]any)
	if d["lineNumber"] != 1.0 || !strings.HasPrefix(d["exception"].(map[string]any)["description"].(string), "RangeError: too far") {
		t.Errorf("exceptionThrown %v", d)
	}
	if code := wait(); code != 1 {
		t.Errorf("exit code %d", code)
	}
}

// TestStudioBreakpoints: Studio.getBreakpoints counts each breakpoint's
// hits (reached with its condition true; for a logpoint, the lines it
// logged), and Studio.setBreakpointEnabled turns one off without losing
// it.
func TestStudioBreakpoints(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, out, wait := startProgram(t, "testdata/hits.js", debugger.Options{WaitForStart: true})
	c.call("Runtime.enable", nil)
	c.call("Debugger.enable", nil)
	lp := c.call("Debugger.setBreakpointByUrl", map[string]any{"lineNumber": 2, "urlRegex": `hits\.js$`, "condition": "n % 2 === 0", "logMessage": "n={n}"})
	off := c.call("Debugger.setBreakpointByUrl", map[string]any{"lineNumber": 4, "urlRegex": `hits\.js$`})
	stop := c.call("Debugger.setBreakpointByUrl", map[string]any{"lineNumber": 6, "urlRegex": `hits\.js$`})
	c.call("Studio.setBreakpointEnabled", map[string]any{"breakpointId": off["breakpointId"], "enabled": false})
	raw, _ := json.Marshal(map[string]any{"breakpointId": "nope", "enabled": true})
	if _, err := c.s.Handle(context.Background(), "Studio.setBreakpointEnabled", raw); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("enabling an unknown breakpoint: %v", err)
	}
	c.call("Runtime.runIfWaitingForDebugger", nil)
	p := c.waitFor("Debugger.paused")
	if hit := p["hitBreakpoints"].([]any); len(hit) != 1 || hit[0] != stop["breakpointId"] {
		t.Errorf("stopped at %v, want only %v", hit, stop["breakpointId"])
	}
	got := map[any]map[string]any{}
	for _, b := range c.call("Studio.getBreakpoints", nil)["breakpoints"].([]any) {
		got[b.(map[string]any)["breakpointId"]] = b.(map[string]any)
	}
	for _, want := range []struct {
		id      any
		hits    float64
		enabled bool
	}{{lp["breakpointId"], 3, true}, {off["breakpointId"], 0, false}, {stop["breakpointId"], 1, true}} {
		if b := got[want.id]; b == nil || b["hits"] != want.hits || b["enabled"] != want.enabled {
			t.Errorf("breakpoint %v: %v, want %v hits, enabled %v", want.id, b, want.hits, want.enabled)
		}
	}
	c.call("Debugger.resume", nil)
	if code := wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if out.String() != "n=0\nn=2\nn=4\ntotal 15\nlater\n" {
		t.Errorf("output %q", out.String())
	}
}

// TestConsoleOutputPlace: each Runtime.consoleAPICalled says where its
// text lies in the program's stdout and stderr, exactly (a client can cut
// the streams there and put the call in place of its text), among output
// written straight to the streams, a child's included.
func TestConsoleOutputPlace(t *testing.T) {
	defer goleak.VerifyNone(t)
	var stdout, stderr bytes.Buffer
	c, wait := startProgramTo(t, "testdata/console.js", debugger.Options{WaitForStart: true}, &stdout, &stderr)
	c.call("Runtime.enable", nil)
	c.call("Runtime.runIfWaitingForDebugger", nil)
	var calls []ConsoleAPICalledEvent
	for range 4 {
		var ev ConsoleAPICalledEvent
		b, _ := json.Marshal(c.waitFor("Runtime.consoleAPICalled"))
		if err := json.Unmarshal(b, &ev); err != nil || ev.Output == nil {
			t.Fatalf("consoleAPICalled %s: %v", b, err)
		}
		calls = append(calls, ev)
	}
	if code := wait(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	// Node's text for each call, on its stream.
	want := []struct {
		typ, stream, text string
	}{
		{"log", "stdout", "a { x: 1 } b\n"},
		{"error", "stderr", "e [ 1, 2 ]\n"},
		{"log", "stdout", "n=5\n"},
		{"warning", "stderr", "[Function: add]\n"},
	}
	streams := map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()}
	// What lies outside the calls' ranges is what the program wrote itself.
	rest := map[string]string{}
	at := map[string]int64{}
	for i, ev := range calls {
		w := want[i]
		ranges := map[string]OutputRange{"stdout": ev.Output.Stdout, "stderr": ev.Output.Stderr}
		for name, r := range ranges {
			b := streams[name]
			if r.Start < at[name] || r.End < r.Start || r.End > int64(len(b)) {
				t.Fatalf("call %d (%s): %s range %+v outside [%d, %d]", i, ev.Type, name, r, at[name], len(b))
			}
			got := string(b[r.Start:r.End])
			switch {
			case name == w.stream && got != w.text:
				t.Errorf("call %d (%s): %s[%d:%d] = %q, want %q", i, ev.Type, name, r.Start, r.End, got, w.text)
			case name != w.stream && got != "":
				t.Errorf("call %d (%s) wrote %q to %s", i, ev.Type, got, name)
			}
			rest[name] += string(b[at[name]:r.Start])
			at[name] = r.End
		}
		if ev.Type != w.typ {
			t.Errorf("call %d is %q, want %q", i, ev.Type, w.typ)
		}
	}
	for name, b := range streams {
		rest[name] += string(b[at[name]:])
	}
	if rest["stdout"] != "raw child\ntail" || rest["stderr"] != "raw err\n" {
		t.Errorf("output outside the console calls: stdout %q, stderr %q", rest["stdout"], rest["stderr"])
	}
}

// TestFunctionLocation: a function's internal properties start with
// [[FunctionLocation]] where V8 puts it (the want table is node 20's
// answer for testdata/funcs.js), which DevTools and VS Code show as a
// link to the source; native and bound functions have none, as in V8.
func TestFunctionLocation(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, _, wait := startProgram(t, "testdata/funcs.js", debugger.Options{WaitForStart: true})
	c.call("Runtime.enable", nil)
	c.call("Debugger.enable", nil)
	c.call("Runtime.runIfWaitingForDebugger", nil)
	script := ""
	for script == "" {
		sp := c.waitFor("Debugger.scriptParsed")
		if strings.HasSuffix(sp["url"].(string), "/funcs.js") {
			script = sp["scriptId"].(string)
		}
	}
	p := c.waitFor("Debugger.paused")
	frame := p["callFrames"].([]any)[0].(map[string]any)
	ev := c.call("Debugger.evaluateOnCallFrame", map[string]any{"callFrameId": frame["callFrameId"], "expression": "fns"})
	var fns PropertiesResult
	decodeInto(t, c.call("Runtime.getProperties", map[string]any{"objectId": ev["result"].(map[string]any)["objectId"], "ownProperties": true}), &fns)
	ids := map[string]string{}
	for _, pr := range fns.Result {
		ids[pr.Name] = pr.Value.ObjectID
	}
	want := []struct {
		name         string
		line, column int // -1: none
	}{
		{"first", 0, 14}, {"second", 0, 47}, {"add", 1, 12}, {"arrow", 4, 14}, {"asyncArrow", 5, 19},
		{"K", 6, 21}, {"m", 6, 42}, {"s", 6, 68}, {"g", 6, 90}, {"E", 7, 0}, {"meth", 8, 16}, {"c", 8, 44},
		{"f", 8, 75}, {"gen", 9, 13}, {"af", 10, 17}, {"native", -1, -1}, {"bound", -1, -1},
	}
	for _, w := range want {
		var props PropertiesResult
		raw := c.call("Runtime.getProperties", map[string]any{"objectId": ids[w.name], "ownProperties": true})
		decodeInto(t, raw, &props)
		var names []string
		for _, pr := range props.Result {
			names = append(names, pr.Name)
		}
		if !slices.Contains(names, "length") || !slices.Contains(names, "name") {
			t.Errorf("%s: own properties %v", w.name, names)
		}
		var got *InternalProperty
		for i, ip := range props.InternalProperties {
			if ip.Name == "[[FunctionLocation]]" {
				if i != 0 {
					t.Errorf("%s: [[FunctionLocation]] is internal property %d, V8's first", w.name, i)
				}
				got = &props.InternalProperties[i]
			}
		}
		if w.line < 0 {
			if got != nil {
				t.Errorf("%s: [[FunctionLocation]] %s, V8 has none", w.name, got.Value.Value)
			}
			continue
		}
		if got == nil || got.Value == nil {
			t.Errorf("%s: no [[FunctionLocation]] in %v", w.name, raw["internalProperties"])
			continue
		}
		var loc Location
		if got.Value.Type != "object" || got.Value.Subtype != "internal#location" || got.Value.ObjectID != "" || json.Unmarshal(got.Value.Value, &loc) != nil {
			t.Errorf("%s: [[FunctionLocation]] %+v", w.name, got.Value)
		}
		if loc != (Location{ScriptID: script, LineNumber: w.line, ColumnNumber: w.column}) {
			t.Errorf("%s at %+v, want script %s %d:%d", w.name, loc, script, w.line, w.column)
		}
	}
	c.call("Debugger.resume", nil)
	if code := wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func decodeInto(t *testing.T, m map[string]any, v any) {
	t.Helper()
	b, _ := json.Marshal(m)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
}
