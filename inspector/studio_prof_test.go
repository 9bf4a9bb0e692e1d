package inspector

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/runtime"
)

// TestStudioProfile runs a real program with the profiler on: its fs reads
// are in the I/O profile at the line that made them, with queue wait,
// service and callback delay; init records carry their creation site; the
// starvation its timer causes arrives as Studio.warnings while it runs or
// at the latest in the final one sent at its end; and after the end the
// profile still answers, final.
func TestStudioProfile(t *testing.T) {
	defer goleak.VerifyNone(t)
	abs, err := filepath.Abs("testdata/prof.js")
	if err != nil {
		t.Fatal(err)
	}
	d := debugger.New(debugger.Options{WaitForStart: true})
	target := NewTarget(abs, d)
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: &out, Stderr: &out, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	target.SetRuntime(rt)
	c := &fakeClient{t: t, events: make(chan event, 1<<14)}
	c.s = NewSession(target, func(method string, params any) {
		b, _ := json.Marshal(params)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		c.events <- event{method, m}
	})
	defer c.s.Close()
	if _, err := c.s.Handle(context.Background(), "Studio.getIOProfile", nil); err == nil {
		t.Error("Studio.getIOProfile answered with the profiler off")
	}
	c.call("Studio.enable", map[string]any{"events": true, "profile": true})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(ctx)
		target.Ended()
		done <- code
	}()
	c.call("Runtime.runIfWaitingForDebugger", nil)
	if code := <-done; code != 0 {
		t.Fatalf("exit code %d: %s", code, out.String())
	}

	// The final warnings name the starving timer's line.
	var final map[string]any
	for final == nil {
		w := c.waitFor("Studio.warnings")
		if w["final"] == true {
			final = w
		}
	}
	var kinds []string
	for _, x := range final["warnings"].([]any) {
		w := x.(map[string]any)
		kinds = append(kinds, w["kind"].(string))
		if w["kind"] == "starvation" && !strings.Contains(fmt.Sprint(w["where"]), "prof.js:9") {
			t.Errorf("starvation at %v, want prof.js:9", w["where"])
		}
	}
	if !strings.Contains(strings.Join(kinds, " "), "starvation") {
		t.Errorf("final warnings %v: no starvation", kinds)
	}

	prof := c.call("Studio.getIOProfile", nil)
	if prof["final"] != true || prof["dropped"].(float64) != 0 {
		t.Errorf("final %v dropped %v", prof["final"], prof["dropped"])
	}
	var row map[string]any
	for _, x := range prof["stats"].([]any) {
		st := x.(map[string]any)
		if st["type"] == "FSREQCALLBACK" && st["site"] == abs+":4" {
			row = st
		}
	}
	if row == nil {
		t.Fatalf("no FSREQCALLBACK row at %s:4 in %v", abs, prof["stats"])
	}
	if row["count"].(float64) < 10 || row["pooled"] != true {
		t.Errorf("row %v", row)
	}
	for _, k := range []string{"queueWaitMs", "serviceMs", "callbackDelayMs", "totalMs"} {
		q, ok := row[k].(map[string]any)
		if !ok {
			t.Errorf("no %s in %v", k, row)
			continue
		}
		if !(q["p50"].(float64) <= q["p95"].(float64) && q["p95"].(float64) <= q["p99"].(float64) && q["p99"].(float64) <= q["max"].(float64)) {
			t.Errorf("%s out of order: %v", k, q)
		}
	}
	if q := row["serviceMs"].(map[string]any); q["max"].(float64) <= 0 {
		t.Errorf("no service time: %v", q)
	}
	syncAt := ""
	for _, x := range prof["sync"].([]any) {
		st := x.(map[string]any)
		if st["api"] == "fs.readFileSync" {
			syncAt = st["site"].(string)
		}
	}
	if syncAt != abs+":15" {
		t.Errorf("fs.readFileSync at %q, want %s:15: %v", syncAt, abs, prof["sync"])
	}
	slow := prof["slowest"].([]any)
	if len(slow) == 0 || len(slow) > 10 {
		t.Fatalf("%d slowest", len(slow))
	}
	if st := slow[0].(map[string]any)["stack"].([]any); len(st) == 0 {
		t.Errorf("the slowest op has no creation stack")
	}
	ws := c.call("Studio.getWarnings", nil)
	if len(ws["warnings"].([]any)) != len(final["warnings"].([]any)) {
		t.Errorf("Studio.getWarnings %v, final Studio.warnings %v", ws["warnings"], final["warnings"])
	}

	// Init records carry their creation site: the program's own line for
	// the reads it started.
	located := false
	for !located {
		evs := c.waitFor("Studio.events")
		for _, x := range evs["events"].([]any) {
			ev := x.(map[string]any)
			if loc, ok := ev["location"].(map[string]any); ok && ev["kind"] == "init" && ev["type"] == "FSREQCALLBACK" {
				// readFile's later steps are created by node:fs itself.
				located = located || loc["url"] == fileURL(abs) && loc["lineNumber"].(float64) == 4
			}
		}
	}
	if out.String() != "done\n" {
		t.Errorf("output %q", out.String())
	}
}

// TestStudioEnableFilters: eventKinds limits the records sent to those
// kinds, an unknown kind is refused, and pendingLimit caps the pending
// ops of a snapshot while pendingTotal counts them all.
func TestStudioEnableFilters(t *testing.T) {
	defer goleak.VerifyNone(t)
	c, _, wait := startProgram(t, "testdata/timers10.js", debugger.Options{WaitForStart: true})
	if _, err := c.s.Handle(context.Background(), "Studio.enable", json.RawMessage(`{"eventKinds":["init","bogus"]}`)); err == nil {
		t.Error("an unknown record kind was accepted")
	}
	c.call("Studio.enable", map[string]any{"events": true, "eventKinds": []string{"init", "destroy"}, "pendingLimit": 3})
	c.call("Runtime.runIfWaitingForDebugger", nil)
	for {
		snap := c.waitFor("Studio.snapshot")["snapshot"].(map[string]any)
		if snap["pendingTotal"].(float64) >= 10 {
			if n := len(snap["pending"].([]any)); n != 3 {
				t.Errorf("%d pending ops listed, want 3 of %v", n, snap["pendingTotal"])
			}
			break
		}
	}
	seen := map[string]bool{}
	for !seen["destroy"] {
		for _, x := range c.waitFor("Studio.events")["events"].([]any) {
			seen[x.(map[string]any)["kind"].(string)] = true
		}
	}
	for k := range seen {
		if k != "init" && k != "destroy" {
			t.Errorf("a %q record was sent", k)
		}
	}
	if code := wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}
