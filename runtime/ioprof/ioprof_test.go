package ioprof

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

const ms = int64(time.Millisecond)

// fixture is a deterministic record stream: three fs reads from two call
// sites through a two-lane pool (the third waits for a lane), a dns lookup,
// a TCP connect (no pool), a timer (not I/O), a read never finished, and
// synchronous calls.
func fixture() []trace.Event {
	app := []trace.Frame{{Function: "readConfig", File: "/app/config.js", Line: 12, Column: 5}, {Function: "", File: "/app/main.js", Line: 3, Column: 1}}
	other := []trace.Frame{{Function: "readFile", File: "node:fs", Line: 1, Column: 1}, {Function: "load", File: "/app/cache.js", Line: 40, Column: 9}}
	var ev []trace.Event
	add := func(e trace.Event) { ev = append(ev, e) }
	for i, st := range [][]trace.Frame{app, app, other} {
		id := uint64(10 + i)
		add(trace.Event{Kind: trace.KindInit, Op: id, Type: "FSREQCALLBACK", Time: 1 * ms, Stack: st})
		add(trace.Event{Kind: trace.KindQueued, Op: id, Time: 1 * ms})
	}
	add(trace.Event{Kind: trace.KindStarted, Op: 10, Time: 1 * ms, Worker: 0})
	add(trace.Event{Kind: trace.KindStarted, Op: 11, Time: 1 * ms, Worker: 1})
	add(trace.Event{Kind: trace.KindFinished, Op: 10, Time: 3 * ms})
	add(trace.Event{Kind: trace.KindStarted, Op: 12, Time: 3 * ms, Worker: 0})
	add(trace.Event{Kind: trace.KindFinished, Op: 11, Time: 5 * ms})
	add(trace.Event{Kind: trace.KindBefore, Op: 10, Time: 4 * ms})
	add(trace.Event{Kind: trace.KindBefore, Op: 11, Time: 6 * ms})
	add(trace.Event{Kind: trace.KindFinished, Op: 12, Time: 9 * ms})
	add(trace.Event{Kind: trace.KindBefore, Op: 12, Time: 12 * ms})
	add(trace.Event{Kind: trace.KindInit, Op: 20, Type: "GETADDRINFOREQWRAP", Time: 2 * ms, Stack: []trace.Frame{{File: "/app/main.js", Line: 8}}})
	add(trace.Event{Kind: trace.KindQueued, Op: 20, Time: 2 * ms})
	add(trace.Event{Kind: trace.KindStarted, Op: 20, Time: 2 * ms})
	add(trace.Event{Kind: trace.KindFinished, Op: 20, Time: 22 * ms})
	add(trace.Event{Kind: trace.KindBefore, Op: 20, Time: 23 * ms})
	add(trace.Event{Kind: trace.KindInit, Op: 30, Type: "TCPCONNECTWRAP", Time: 5 * ms, Stack: []trace.Frame{{File: "/app/db.js", Line: 77}}})
	add(trace.Event{Kind: trace.KindBefore, Op: 30, Time: 7 * ms})
	add(trace.Event{Kind: trace.KindInit, Op: 40, Type: "Timeout", Time: 5 * ms})
	add(trace.Event{Kind: trace.KindBefore, Op: 40, Time: 50 * ms})
	add(trace.Event{Kind: trace.KindInit, Op: 50, Type: "FSREQCALLBACK", Time: 5 * ms, Stack: app})
	add(trace.Event{Kind: trace.KindQueued, Op: 50, Time: 5 * ms})
	// readFileSync (open, read, close) twice from one line, and a statSync.
	readSync := []trace.Frame{{Function: "tryReadSync", File: "node:fs", Line: 1}, {Function: "Object.readFileSync", File: "node:fs", Line: 2}, {Function: "handle", File: "/app/server.js", Line: 30}}
	for i := int64(0); i < 2; i++ {
		add(trace.Event{Kind: trace.KindSync, Type: "fs.open", Time: (60 + i) * ms, Duration: time.Duration(1+i) * time.Millisecond, Stack: readSync})
		add(trace.Event{Kind: trace.KindSync, Type: "fs.read", Time: (62 + i) * ms, Duration: time.Duration(4+2*i) * time.Millisecond, Stack: readSync})
		add(trace.Event{Kind: trace.KindSync, Type: "fs.close", Time: (63 + i) * ms, Duration: time.Duration(i) * time.Millisecond / 2, Stack: readSync})
	}
	add(trace.Event{Kind: trace.KindSync, Type: "fs.stat", Time: 70 * ms, Duration: 3 * time.Millisecond, Stack: []trace.Frame{{Function: "statSync", File: "node:fs", Line: 3}, {File: "/app/main.js", Line: 2}}})
	return ev
}

func TestTableGolden(t *testing.T) {
	p := New()
	for _, e := range fixture() {
		p.Add(e)
	}
	var b bytes.Buffer
	if err := p.Report().WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "table.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestRealRun profiles a real program: its fs reads are attributed to the
// line that made them, with a queue wait, a service time and a callback
// delay, and nothing that is not I/O shows up.
func TestRealRun(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "reads.js")
	src := "const fs = require('fs');\nfor (let i = 0; i < 20; i++) {\n  fs.readFile(__filename, () => {});\n}\nsetTimeout(() => {}, 5);\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := trace.NewRecorder()
	sub := Subscribe(rec)
	p := New()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, sub) }()
	rt, err := runtime.New(runtime.Options{Main: file, Stdout: io.Discard, Stderr: io.Discard, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	if code, err := rt.Run(context.Background()); err != nil || code != 0 {
		t.Fatalf("run: %d %v", code, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	sub.Close()
	r := p.Report()
	if r.Dropped != 0 {
		t.Fatalf("%d dropped", r.Dropped)
	}
	var fsRows int
	for _, st := range r.Stats {
		if st.Type == "Timeout" {
			t.Errorf("a timer counted as I/O")
		}
		if st.Type == "FSREQCALLBACK" && st.Site == file+":3" {
			fsRows++
			if st.Total.Count() < 20 || !st.Pooled || st.Service.Max() <= 0 {
				t.Errorf("fs reads at line 3: count %d pooled %v service max %v", st.Total.Count(), st.Pooled, st.Service.Max())
			}
		}
	}
	if fsRows != 1 {
		var b strings.Builder
		_ = r.WriteTable(&b)
		t.Errorf("no row for the reads at %s:3:\n%s", file, b.String())
	}
}

// TestReportWhileAdding: a report taken while records keep coming (the
// window asks for it while the program runs) does not change afterwards
// and shares nothing with the profiler (run under -race).
func TestReportWhileAdding(t *testing.T) {
	p := New()
	ev := fixture()
	for i := 0; i < 20; i++ {
		for _, e := range ev {
			e.Op += uint64(100000 * i)
			p.Add(e)
		}
	}
	r := p.Report()
	before := r.Stats[0].Total.Quantile(0.5)
	count := r.Stats[0].Total.Count()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 2000; i++ {
			for _, e := range ev {
				e.Op += uint64(1000 * (i + 1))
				p.Add(e)
			}
		}
	}()
	for reading := true; reading; {
		select {
		case <-done:
			reading = false
		default:
			_ = r.Stats[0].Total.Quantile(0.5)
		}
	}
	if r.Stats[0].Total.Quantile(0.5) != before || r.Stats[0].Total.Count() != count {
		t.Errorf("a report changed after it was taken")
	}
	if p.Report().Stats[0].Total.Count() <= count {
		t.Errorf("the profiler stopped counting")
	}
}

// runRecorded runs src as a program with sub's profiler attached, and
// returns its report and the program's path.
func runRecorded(t *testing.T, src string, sub func(*trace.Recorder) *trace.Subscription, add func(trace.Event)) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "prog.js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := trace.NewRecorder()
	s := sub(rec)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan uint64, 1)
	go func() { done <- s.Consume(ctx, add) }()
	rt, err := runtime.New(runtime.Options{Main: file, Stdout: io.Discard, Stderr: io.Discard, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	if code, err := rt.Run(context.Background()); err != nil || code != 0 {
		t.Fatalf("run: %d %v", code, err)
	}
	cancel()
	if n := <-done; n != 0 {
		t.Fatalf("%d records dropped", n)
	}
	s.Close()
	return file
}

// TestRealTCPConnect: a program's TCP connects are I/O requests the
// profile counts, with no pool wait: the runtime records each
// connect's destroy after its callback, as Node does, not before. Their
// call site is the program's net.connect line, although node:net makes
// the connect on a later tick (an IP address needs no lookup), whose
// stack has no program frame: the creation stack continues into the
// frame behind the tick (asyncStack).
func TestRealTCPConnect(t *testing.T) {
	const n = 3
	src := "const net = require('net');\n" +
		"const srv = net.createServer((s) => s.end()).listen(0, '127.0.0.1', () => {\n" +
		"  let left = " + strconv.Itoa(n) + ";\n" +
		"  for (let i = 0; i < " + strconv.Itoa(n) + "; i++) {\n" +
		"    const c = net.connect(srv.address().port, '127.0.0.1');\n" +
		"    c.on('close', () => { if (--left === 0) srv.close(); });\n" +
		"    c.resume();\n" +
		"  }\n" +
		"});\n"
	p := New()
	runRecorded(t, src, Subscribe, p.Add)
	r := p.Report()
	var connects uint64
	for _, st := range r.Stats {
		if st.Type == "TCPCONNECTWRAP" {
			if !strings.HasSuffix(st.Site, "prog.js:5") {
				t.Errorf("connects at %s, want the net.connect line, prog.js:5", st.Site)
			}
			if st.Pooled {
				t.Errorf("connects at %s counted as pool work", st.Site)
			}
			connects += st.Total.Count()
		}
	}
	if connects != n {
		var b strings.Builder
		_ = r.WriteTable(&b)
		t.Errorf("%d connects counted, want %d:\n%s", connects, n, b.String())
	}
}

// TestRealPromisesSteps: fs.promises.readFile is several requests (open,
// fstat, read, close), each made by node's code after the previous one
// completed, with no program frame on its stack but the first; every one
// is counted at the program's line, through the frame behind the request
// whose callback made it (asyncStack).
func TestRealPromisesSteps(t *testing.T) {
	src := "const fsp = require('fs').promises;\n" +
		"(async () => {\n" +
		"  await fsp.readFile(__filename);\n" +
		"  await fsp.readFile(__filename);\n" +
		"})();\n"
	p := New()
	runRecorded(t, src, Subscribe, p.Add)
	r := p.Report()
	lines := map[string]uint64{}
	for _, st := range r.Stats {
		i := strings.LastIndexByte(st.Site, ':')
		if !strings.HasSuffix(st.Site[:max(i, 0)], "prog.js") {
			t.Errorf("%s counted at %s, not at a line of the program", st.Type, st.Site)
			continue
		}
		lines[st.Site[i+1:]] += st.Total.Count()
	}
	// Each readFile: open, fstat, read and close at least.
	if lines["3"] < 4 || lines["4"] < 4 || len(lines) != 2 {
		var b strings.Builder
		_ = r.WriteTable(&b)
		t.Errorf("requests per line %v, want 4 or more at lines 3 and 4 only:\n%s", lines, b.String())
	}
}

// TestSubscribeIOOnly: the profile's subscription receives the records of
// I/O requests and sync calls only, none of a timer, an immediate, a tick
// or a loop phase (the runtime does not build them for it), while a
// subscriber that wants everything gets them all.
func TestSubscribeIOOnly(t *testing.T) {
	src := "const fs = require('fs');\nsetTimeout(() => {}, 1);\nsetImmediate(() => {});\nprocess.nextTick(() => {});\nfs.readFile(__filename, () => {});\nfs.statSync(__filename);\n"
	kinds := map[string]int{}
	runRecorded(t, src, Subscribe, func(e trace.Event) {
		switch e.Kind {
		case trace.KindPhaseEnter, trace.KindPhaseExit, trace.KindIteration:
			kinds["loop"]++
		case trace.KindSync:
			kinds["sync"]++
		default:
			kinds[e.Type]++
		}
	})
	for _, k := range []string{"loop", "Timeout", "Immediate", "TickObject"} {
		if kinds[k] != 0 {
			t.Errorf("%d %s records reached the I/O profile: %v", kinds[k], k, kinds)
		}
	}
	if kinds["FSREQCALLBACK"] == 0 || kinds["sync"] == 0 {
		t.Errorf("no fs records: %v", kinds)
	}
	all := map[string]int{}
	runRecorded(t, src, func(rec *trace.Recorder) *trace.Subscription {
		return rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 16, Batch: true})
	}, func(e trace.Event) { all[e.Kind.String()+" "+e.Type]++ })
	for _, k := range []string{"init Timeout", "init Immediate", "init TickObject", "phase-enter ", "init FSREQCALLBACK", "sync fs.stat"} {
		if all[k] == 0 {
			t.Errorf("no %q record for a subscriber of everything: %v", k, all)
		}
	}
}
