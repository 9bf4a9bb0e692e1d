package warnings

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

const ms = int64(time.Millisecond)

// stream builds a deterministic record stream.
type stream struct{ ev []trace.Event }

func (s *stream) add(e trace.Event) { s.ev = append(s.ev, e) }

func (s *stream) init(t int64, id, trigger uint64, typ string, stack ...trace.Frame) {
	s.add(trace.Event{Kind: trace.KindInit, Time: t, Op: id, Trigger: trigger, Type: typ, Stack: stack})
}

func (s *stream) cb(from, to int64, id uint64, typ string, nested func()) {
	s.add(trace.Event{Kind: trace.KindBefore, Time: from, Op: id, Type: typ})
	if nested != nil {
		nested()
	}
	s.add(trace.Event{Kind: trace.KindAfter, Time: to, Op: id, Type: typ, Duration: time.Duration(to - from)})
}

func (s *stream) phase(p trace.Phase, from, to int64, body func()) {
	s.add(trace.Event{Kind: trace.KindPhaseEnter, Time: from, Phase: p})
	if body != nil {
		body()
	}
	s.add(trace.Event{Kind: trace.KindPhaseExit, Time: to, Phase: p, Duration: time.Duration(to - from)})
}

func (s *stream) pool(kind trace.Kind, t int64, id uint64, worker int) {
	s.add(trace.Event{Kind: kind, Time: t, Op: id, Worker: worker})
}

func fr(fn, file string, line int) trace.Frame {
	return trace.Frame{Function: fn, File: file, Line: line, Column: 1}
}

func main(s *stream, body func()) { s.cb(0, 1*ms, 1, "", body) }

// starvation: a Timeout callback whose recursive nextTicks run 160 ms, and
// an fs callback that spins 120 ms in poll.
func starvation() []trace.Event {
	var s stream
	main(&s, func() {
		s.init(0, 10, 1, "Timeout", fr("", "/app/spin.js", 4))
		s.init(0, 20, 1, "FSREQCALLBACK", fr("readFile", "node:fs", 1), fr("load", "/app/spin.js", 12))
	})
	s.phase(trace.PhaseTimers, 100*ms, 261*ms, func() {
		s.cb(100*ms, 260*ms, 10, "Timeout", func() {
			for i := int64(0); i < 10; i++ {
				id := uint64(100 + i)
				s.init(100*ms+i*15*ms, id, 10, "TickObject", fr("again", "/app/spin.js", 6))
				s.cb(101*ms+i*15*ms, 115*ms+i*15*ms, id, "TickObject", nil)
			}
		})
	})
	s.phase(trace.PhasePoll, 261*ms, 400*ms, func() {
		s.cb(270*ms, 390*ms, 20, "FSREQCALLBACK", nil)
	})
	return s.ev
}

// noStarvation: a phase whose callbacks run 90 ms in all, and a long idle
// poll.
func noStarvation() []trace.Event {
	var s stream
	main(&s, func() {
		s.init(0, 10, 1, "Timeout", fr("", "/app/a.js", 1))
		s.init(0, 11, 1, "Timeout", fr("", "/app/a.js", 2))
	})
	s.phase(trace.PhaseTimers, 100*ms, 191*ms, func() {
		s.cb(100*ms, 145*ms, 10, "Timeout", nil)
		s.cb(145*ms, 190*ms, 11, "Timeout", nil)
	})
	s.phase(trace.PhasePoll, 191*ms, 700*ms, nil)
	return s.ev
}

// saturated: five fs requests from one site on a two-lane pool, each served
// 80 ms, while the loop waits in poll.
func saturated(requests int) []trace.Event {
	var s stream
	main(&s, func() {
		for i := 0; i < requests; i++ {
			id := uint64(20 + i)
			s.init(0, id, 1, "FSREQCALLBACK", fr("readFile", "node:fs", 1), fr("scan", "/app/scan.js", 9))
			s.pool(trace.KindQueued, 0, id, 0)
		}
	})
	s.add(trace.Event{Kind: trace.KindPhaseEnter, Time: 1 * ms, Phase: trace.PhasePoll})
	next, t := 0, int64(1*ms)
	start := func(lane int) {
		if next < requests {
			s.pool(trace.KindStarted, t, uint64(20+next), lane)
			next++
		}
	}
	start(0)
	start(1)
	var lanes [2]uint64 = [2]uint64{20, 21}
	for done := 0; done < requests; done += 2 {
		t += 80 * ms
		for lane := 0; lane < 2; lane++ {
			if lanes[lane] == 0 {
				continue
			}
			id := lanes[lane]
			s.pool(trace.KindFinished, t, id, lane)
			lanes[lane] = 0
			if next < requests {
				lanes[lane] = uint64(20 + next)
			}
			start(lane)
			s.cb(t+1*ms, t+2*ms, id, "FSREQCALLBACK", nil)
			s.add(trace.Event{Kind: trace.KindDestroy, Time: t + 2*ms, Op: id})
		}
	}
	s.add(trace.Event{Kind: trace.KindPhaseExit, Time: t + 3*ms, Phase: trace.PhasePoll})
	return s.ev
}

// keepAlive: an interval every 500 ms that fires alone for 2.3 s after a
// one-shot timer, and (open) a server handle when serverOpen.
func keepAlive(serverOpen, cleared bool) []trace.Event {
	var s stream
	main(&s, func() {
		s.init(0, 30, 1, "Timeout", fr("", "/app/tick.js", 2))
		s.init(0, 31, 1, "Timeout", fr("", "/app/tick.js", 5))
		if serverOpen {
			s.init(0, 32, 1, "TCPSERVERWRAP", fr("listen", "/app/tick.js", 7))
		}
	})
	for i := int64(1); i <= 6; i++ {
		t := i * 500 * ms
		s.phase(trace.PhaseTimers, t, t+1*ms, func() {
			s.cb(t, t+1*ms/2, 30, "Timeout", nil)
		})
		if i == 1 {
			s.phase(trace.PhaseTimers, 700*ms, 701*ms, func() {
				s.cb(700*ms, 700*ms+1*ms/2, 31, "Timeout", nil)
				s.add(trace.Event{Kind: trace.KindDestroy, Time: 701 * ms, Op: 31})
			})
		}
	}
	if cleared {
		s.add(trace.Event{Kind: trace.KindDestroy, Time: 3001 * ms, Op: 30})
	}
	return s.ev
}

// sequential: `await fs.promises.readFile(a)` (open, read, read, close) at
// line 3 then `await fs.promises.stat(b)` at line 4 of main(), as the
// runtime records them; parallel: both started from main's first run.
func sequential(parallel bool) []trace.Event {
	var s stream
	const file = "/app/seq.js"
	open := []trace.Frame{fr("open", "node:internal/fs/promises", 621), fr("readFile", "node:internal/fs/promises", 1181), fr("main", file, 3), fr("", file, 7)}
	stat := []trace.Frame{fr("stat", "node:internal/fs/promises", 985), fr("main", file, 4)}
	main(&s, func() {
		s.init(0, 2, 1, "FSREQPROMISE", open...)
		if parallel {
			s.init(0, 6, 1, "FSREQPROMISE", append(stat, fr("", file, 7))...)
		}
	})
	s.cb(2*ms, 3*ms, 2, "FSREQPROMISE", func() {
		s.init(2*ms, 3, 2, "FSREQPROMISE", fr("readFileHandle", "node:internal/fs/promises", 517), fr("readFile", "node:internal/fs/promises", 1182), fr("main", file, 3))
	})
	s.cb(4*ms, 5*ms, 3, "FSREQPROMISE", func() {
		s.init(4*ms, 4, 3, "FSREQPROMISE", fr("readFileHandle", "node:internal/fs/promises", 552))
	})
	s.cb(6*ms, 7*ms, 4, "FSREQPROMISE", func() {
		s.init(6*ms, 5, 4, "FILEHANDLECLOSEREQ", fr("close", "node:internal/fs/promises", 258))
	})
	s.cb(8*ms, 9*ms, 5, "FILEHANDLECLOSEREQ", func() {
		if !parallel {
			s.init(8*ms, 6, 5, "FSREQPROMISE", stat...)
		}
	})
	s.cb(10*ms, 11*ms, 6, "FSREQPROMISE", nil)
	return s.ev
}

func run(cfg Config, ev []trace.Event) Report {
	d := New(cfg)
	for _, e := range ev {
		d.Add(e)
	}
	return d.Report()
}

// syncFS: a server's HTTPINCOMINGMESSAGE runs the handler, which calls
// readFileSync (open, read, close) and sets a timer whose callback calls
// statSync, while a client's response callback and the main module call
// statSync too; inHandler false drops the handler's calls.
func syncFS(inHandler bool) []trace.Event {
	var s stream
	sync := func(t int64, exec uint64, call string, d int64, stack ...trace.Frame) {
		s.add(trace.Event{Kind: trace.KindSync, Time: t, Trigger: exec, Type: call, Duration: time.Duration(d), Stack: stack})
	}
	readFile := []trace.Frame{fr("readFileSync", "node:fs", 450), fr("", "/app/server.js", 7)}
	stat := []trace.Frame{fr("statSync", "node:fs", 1600), fr("", "/app/server.js", 9)}
	clientStat := []trace.Frame{fr("statSync", "node:fs", 1600), fr("", "/app/server.js", 20)}
	main(&s, func() {
		s.init(0, 2, 1, "TCPSERVERWRAP", fr("", "/app/server.js", 5))
		s.init(0, 3, 1, "HTTPCLIENTREQUEST", fr("", "/app/server.js", 19))
		sync(1*ms, 1, "fs.stat", ms, fr("statSync", "node:fs", 1600), fr("", "/app/server.js", 2))
	})
	s.phase(trace.PhasePoll, 2*ms, 50*ms, func() {
		s.init(3*ms, 4, 1, "TCPWRAP")
		s.cb(3*ms, 4*ms, 2, "TCPSERVERWRAP", func() { s.init(3*ms, 5, 2, "HTTPINCOMINGMESSAGE") })
		s.cb(5*ms, 20*ms, 4, "TCPWRAP", func() {
			s.cb(5*ms, 19*ms, 5, "HTTPINCOMINGMESSAGE", func() {
				if inHandler {
					sync(8*ms, 5, "fs.open", 3*ms, readFile...)
					sync(14*ms, 5, "fs.read", 6*ms, readFile...)
					sync(15*ms, 5, "fs.close", ms, readFile...)
				}
				s.init(16*ms, 6, 5, "Timeout", fr("", "/app/server.js", 8))
			})
		})
		s.cb(30*ms, 32*ms, 3, "HTTPCLIENTREQUEST", func() { sync(31*ms, 3, "fs.stat", ms, clientStat...) })
	})
	s.phase(trace.PhaseTimers, 50*ms, 60*ms, func() {
		s.cb(51*ms, 55*ms, 6, "Timeout", func() {
			if inHandler {
				sync(54*ms, 6, "fs.stat", 2*ms, stat...)
			}
		})
	})
	return s.ev
}

func kinds(r Report) map[Kind]int {
	m := map[Kind]int{}
	for _, w := range r.Warnings {
		m[w.Kind]++
	}
	return m
}

func TestGolden(t *testing.T) {
	cases := map[string]struct {
		cfg Config
		ev  []trace.Event
	}{
		"starvation":         {Config{}, starvation()},
		"pool-saturated":     {Config{PoolSize: 2}, saturated(5)},
		"timer-keeps-alive":  {Config{}, keepAlive(false, false)},
		"sequential-io":      {Config{}, sequential(false)},
		"sync-fs-in-handler": {Config{}, syncFS(true)},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := run(c.cfg, c.ev)
			if kinds(r)[Kind(name)] == 0 {
				t.Errorf("no %s warning: %+v", name, r.Warnings)
			}
			var b bytes.Buffer
			if err := r.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden")
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
				t.Errorf("report:\n%s\nwant:\n%s", b.String(), want)
			}
		})
	}
}

// TestNegative: streams close to each positive case that must not warn.
func TestNegative(t *testing.T) {
	cases := map[string]struct {
		cfg  Config
		ev   []trace.Event
		kind Kind
	}{
		"phase busy 90 ms, poll idle 500 ms": {Config{}, noStarvation(), KindStarvation},
		"two requests on two lanes":          {Config{PoolSize: 2}, saturated(2), KindPoolSaturated},
		"a server still open":                {Config{}, keepAlive(true, false), KindKeepAlive},
		"the interval cleared":               {Config{}, keepAlive(false, true), KindKeepAlive},
		"requests started together":          {Config{}, sequential(true), KindSequentialIO},
		"sync fs calls outside requests":     {Config{}, syncFS(false), KindSyncFS},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := run(c.cfg, c.ev)
			if n := kinds(r)[c.kind]; n != 0 {
				var b strings.Builder
				_ = r.WriteText(&b)
				t.Errorf("%d %s warnings:\n%s", n, c.kind, b.String())
			}
		})
	}
}

// TestReportKeepsState: Report can be called mid-run without changing what
// later reports say.
func TestReportKeepsState(t *testing.T) {
	ev := saturated(5)
	d := New(Config{PoolSize: 2})
	for i, e := range ev {
		d.Add(e)
		if i == len(ev)/2 {
			d.Report()
		}
	}
	want := run(Config{PoolSize: 2}, ev)
	got := d.Report()
	if len(got.Warnings) != len(want.Warnings) || len(got.Warnings) == 0 || got.Warnings[0].Count != want.Warnings[0].Count {
		t.Errorf("after a mid-run report: %+v\nwant %+v", got.Warnings, want.Warnings)
	}
}
