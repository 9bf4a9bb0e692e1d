package inspector

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

type traceEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat"`
	Ph   string         `json:"ph"`
	ID   uint64         `json:"id"`
	Tid  int            `json:"tid"`
	Ts   float64        `json:"ts"`
	Args map[string]any `json:"args"`
}

// traceOf runs src with a TraceWriter (window 0: streaming) and parses the file.
func traceOf(t *testing.T, src string, window time.Duration) []traceEvent {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "app.js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := trace.NewRecorder()
	sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 18, Stacks: true})
	var out bytes.Buffer
	tw := NewTraceWriter(&out, window)
	rt, err := runtime.New(runtime.Options{Main: file, Stdout: io.Discard, Stderr: io.Discard, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	snaps := rt.SubscribeSnapshots(5 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case e := <-sub.Events():
				tw.Add(e)
			case s, ok := <-snaps.C():
				if ok {
					tw.AddSnapshot(s)
				}
			case <-ctx.Done():
				for {
					select {
					case e := <-sub.Events():
						tw.Add(e)
					default:
						return
					}
				}
			}
		}
	}()
	if code, err := rt.Run(context.Background()); err != nil || code != 0 {
		t.Fatalf("run %d %v", code, err)
	}
	cancel()
	<-done
	snaps.Close()
	if n := sub.Dropped(); n > 0 {
		t.Fatalf("%d dropped", n)
	}
	if err := tw.Close(rec.Now()); err != nil {
		t.Fatal(err)
	}
	var evs []traceEvent
	if err := json.Unmarshal(out.Bytes(), &evs); err != nil {
		t.Fatalf("not JSON: %v\n%.500s", err, out.String())
	}
	return evs
}

// checkStructure asserts what the issue asks of a trace: every async b has
// its e, every B its E on the same thread in stack order, flows link a
// creation to a callback, and every thread is named.
func checkStructure(t *testing.T, evs []traceEvent) (flows, lanes int) {
	t.Helper()
	named := map[int]bool{}
	async := map[uint64]int{}
	stacks := map[int][]string{}
	starts := map[uint64]bool{}
	for _, e := range evs {
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				named[e.Tid] = true
			}
		case "b":
			async[e.ID]++
		case "e":
			async[e.ID]--
			if async[e.ID] < 0 {
				t.Errorf("async e without b: %+v", e)
			}
		case "B":
			stacks[e.Tid] = append(stacks[e.Tid], e.Name)
		case "E":
			st := stacks[e.Tid]
			if len(st) == 0 {
				t.Errorf("E without B on tid %d: %+v", e.Tid, e)
				continue
			}
			if top := st[len(st)-1]; e.Name != "" && e.Name != top {
				t.Errorf("E %q closes B %q on tid %d", e.Name, top, e.Tid)
			}
			stacks[e.Tid] = st[:len(st)-1]
		case "X":
			if len(stacks[e.Tid]) == 0 {
				t.Errorf("complete slice outside any callback: %+v", e)
			}
		case "s":
			starts[e.ID] = true
		case "f":
			if !starts[e.ID] {
				t.Errorf("flow end without start: %+v", e)
			}
			flows++
		}
	}
	for id, n := range async {
		if n != 0 {
			t.Errorf("async op %d: %d unmatched b", id, n)
		}
	}
	for tid, st := range stacks {
		if len(st) != 0 {
			t.Errorf("tid %d: unclosed %v", tid, st)
		}
		if !named[tid] {
			t.Errorf("tid %d has no name", tid)
		}
		if tid >= traceLaneTid0 {
			lanes++
		}
	}
	return flows, lanes
}

func TestTraceFile(t *testing.T) {
	evs := traceOf(t, `const fs = require('fs');
for (let i = 0; i < 8; i++) fs.readFile(__filename, () => {});
setTimeout(() => setImmediate(() => { fs.readFileSync(__filename); }), 2);
`, 0)
	flows, lanes := checkStructure(t, evs)
	if flows < 10 || lanes == 0 {
		t.Errorf("flows %d, pool lanes %d", flows, lanes)
	}
	syncs := 0
	for _, e := range evs {
		if e.Ph == "X" && e.Cat == "sync" && e.Name == "fs.readFileSync fs.read" && e.Args["called at"] != nil {
			syncs++
		}
	}
	if syncs != 1 {
		t.Errorf("%d slices for readFileSync's read, want 1", syncs)
	}
	counters := map[string]bool{}
	phases := map[string]bool{}
	for _, e := range evs {
		if e.Ph == "C" {
			counters[e.Name] = true
		}
		if e.Cat == "phase" {
			phases[e.Name] = true
		}
	}
	for _, c := range []string{"queues", "pool", "loop lag ms", "ELU"} {
		if !counters[c] {
			t.Errorf("no %q counter", c)
		}
	}
	for _, p := range []string{"timers", "poll", "check"} {
		if !phases[p] {
			t.Errorf("no %s phase slices", p)
		}
	}
}

// TestTraceWindow keeps only the last 30 ms of a 200 ms run: the file is
// smaller and still well formed.
func TestTraceWindow(t *testing.T) {
	src := `let n = 0; const t = setInterval(() => { if (++n === 40) clearInterval(t); }, 5);`
	full := traceOf(t, src, 0)
	win := traceOf(t, src, 30*time.Millisecond)
	checkStructure(t, win)
	if len(win) >= len(full) {
		t.Errorf("window kept %d events of %d", len(win), len(full))
	}
}

// TestTraceEncoding: names and args with quotes, control characters,
// invalid UTF-8 and line separators come out as valid JSON that decodes to
// what encoding/json would decode from its own encoding.
func TestTraceEncoding(t *testing.T) {
	odd := "a\"b\\c\n\t\x01\xff</script>\u2028é"
	e := tev{name: odd, cat: "c", ph: 'X', ts: 1234567, dur: 5, tid: 3}
	targs := []targ{{odd, odd}, {"n", 7}, {"u", uint64(1) << 63}, {"f", 0.25}, {"nan", math.NaN()}, {"b", true}}
	b := e.append(nil, targs)
	if !json.Valid(b) {
		t.Fatalf("invalid JSON: %s", b)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(odd)
	var wantS string
	_ = json.Unmarshal(want, &wantS)
	args, _ := got["args"].(map[string]any)
	if got["name"] != wantS || args[wantS] != wantS || got["ts"] != 1234.567 || got["dur"] != 0.005 || args["f"] != 0.25 || args["nan"] != 0.0 || args["b"] != true {
		t.Errorf("decoded %v", got)
	}
	if string(e.append(nil, targs)) != string(b) {
		t.Error("encoding is not deterministic")
	}
}

// TestTraceDrops: records a lossy subscription dropped (a callback's end,
// a phase's beginning) leave the file well formed: the callback ends with
// its phase, the phase end without a beginning is left out.
func TestTraceDrops(t *testing.T) {
	for _, window := range []time.Duration{0, time.Hour} {
		var out bytes.Buffer
		tw := NewTraceWriter(&out, window)
		tw.Add(trace.Event{Kind: trace.KindPhaseEnter, Time: 1000, Phase: trace.PhaseCheck})
		tw.Add(trace.Event{Kind: trace.KindInit, Time: 1500, Op: 7, Type: "Immediate"})
		tw.Add(trace.Event{Kind: trace.KindBefore, Time: 2000, Op: 7, Type: "Immediate"})
		// the callback's KindAfter was dropped
		tw.Add(trace.Event{Kind: trace.KindPhaseExit, Time: 3000, Phase: trace.PhaseCheck})
		// the close phase's KindPhaseEnter was dropped
		tw.Add(trace.Event{Kind: trace.KindPhaseExit, Time: 4000, Phase: trace.PhaseClose})
		if err := tw.Close(5000); err != nil {
			t.Fatal(err)
		}
		var evs []traceEvent
		if err := json.Unmarshal(out.Bytes(), &evs); err != nil {
			t.Fatalf("window %v: not JSON: %v", window, err)
		}
		checkStructure(t, evs)
		ends := 0
		for _, e := range evs {
			if e.Ph == "E" {
				ends++
			}
		}
		if ends != 2 {
			t.Errorf("window %v: %d ends, want the callback's and the check phase's:\n%s", window, ends, out.String())
		}
	}
}
