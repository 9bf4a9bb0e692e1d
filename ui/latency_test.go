package ui

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/studiojs/studio/inspector"
)

const latencyScript = `const fs = require('fs');
const crypto = require('crypto');
const fd = fs.openSync(__filename, 'r');
let left = 8;
const done = (err) => {
  if (err) throw err;
  if (--left === 0) console.log('all done');
};
setTimeout(() => {}, 1);
for (let i = 0; i < 5; i++) fs.read(fd, Buffer.alloc(16), 0, 16, 0, done);
for (let i = 0; i < 3; i++) crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', done);
setInterval(() => {}, 1000);
`

// TestLatencyPanel: the Latency tab shows, from Studio.events, a row per
// I/O request type of a real program with its count and percentiles, the
// pool's queue wait for pooled ones, and no row for timers.
func TestLatencyPanel(t *testing.T) {
	checkLeaks(t)
	h, _ := newHarness(t, map[string]string{"index.js": latencyScript})
	lp := h.w.latencyPanel
	if len(lp.rows) != 0 {
		t.Fatalf("rows before any program ran: %d", len(lp.rows))
	}
	found := false
	for _, it := range h.w.bottom.Items {
		found = found || it.Text == "Latency" && it.Content == lp.view
	}
	if !found {
		t.Fatal("no Latency tab")
	}
	h.w.Run()
	row := func(typ string) *typeLatency {
		for _, r := range lp.rows {
			if r.typ == typ {
				return r
			}
		}
		return nil
	}
	count := func(typ string) int {
		if r := row(typ); r != nil {
			return r.total.n
		}
		return 0
	}
	// The program stays alive (its interval) until every callback's
	// record has come.
	h.waitFor("every callback's record", func() bool {
		return strings.Contains(h.w.console.text(lineStdout), "all done") && count("FSREQCALLBACK") >= 5 && count("PBKDF2REQUEST") >= 3
	})
	for typ, want := range map[string]int{"FSREQCALLBACK": 5, "PBKDF2REQUEST": 3} {
		r := row(typ)
		if r.total.n != want {
			t.Errorf("%s: count %d, want %d", typ, r.total.n, want)
		}
		if !r.pooled {
			t.Errorf("%s: no queue wait, but the pool ran it", typ)
		}
		i := -1
		for j, x := range lp.rows {
			if x == r {
				i = j
			}
		}
		if got := lp.cell(i, 0); got != typ {
			t.Errorf("row %d type cell %q", i, got)
		}
		if got := lp.cell(i, 1); got != strconv.Itoa(want) {
			t.Errorf("%s count cell %q", typ, got)
		}
		for _, hist := range []*latencyHist{&r.total, &r.wait} {
			p50, p95, p99 := hist.quantile(0.5), hist.quantile(0.95), hist.quantile(0.99)
			if p50 > p95 || p95 > p99 || p99 > hist.max || hist.max < 0 {
				t.Errorf("%s: p50 %v p95 %v p99 %v max %v out of order", typ, p50, p95, p99, hist.max)
			}
		}
		if lp.cell(i, 6) == "" || !strings.HasSuffix(lp.cell(i, 5), " ms") {
			t.Errorf("%s: max %q, queue p50 %q", typ, lp.cell(i, 5), lp.cell(i, 6))
		}
	}
	for _, r := range lp.rows {
		if notIOTypes[r.typ] {
			t.Errorf("a row for %s, which is no I/O request", r.typ)
		}
	}
	if !strings.Contains(lp.title.Text, "requests") || strings.Contains(lp.title.Text, "dropped") {
		t.Errorf("title %q", lp.title.Text)
	}
	// The table draws the rows.
	test.NewTempWindow(t, lp.view)
	h.w.Stop()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if len(lp.rows) == 0 {
		t.Error("the numbers went at the program's end")
	}
}

// TestLatencyHistogram: percentiles within the histogram's 4% of the exact
// ones, an exact max, and nothing above it.
func TestLatencyHistogram(t *testing.T) {
	var h latencyHist
	for i := 1; i <= 1000; i++ {
		h.add(float64(i) / 10) // 0.1 .. 100 ms
	}
	for _, c := range []struct{ q, exact float64 }{{0.5, 50}, {0.95, 95}, {0.99, 99}} {
		got := h.quantile(c.q)
		if math.Abs(got-c.exact) > c.exact*(histGrowth-1) {
			t.Errorf("p%v = %v, want %v within 4%%", c.q*100, got, c.exact)
		}
	}
	if h.max != 100 || h.quantile(1) != 100 {
		t.Errorf("max %v, p100 %v", h.max, h.quantile(1))
	}
	var one latencyHist
	one.add(0.0004) // under a microsecond
	if got := one.quantile(0.99); got != 0.0004 {
		t.Errorf("a single sub-microsecond value: p99 %v", got)
	}
}

// TestLatencyStats: which ops count, the pool wait, forgetting at destroy,
// and the drop count in the title.
func TestLatencyStats(t *testing.T) {
	test.NewTempApp(t)
	s := newLatencyStats()
	s.add(inspector.EventsBatch{Events: []inspector.OpEvent{
		{Kind: "init", TimeMs: 1, Op: 1, Type: "FSREQCALLBACK"},
		{Kind: "queued", TimeMs: 1, Op: 1, Type: "FSREQCALLBACK"},
		{Kind: "started", TimeMs: 3, Op: 1},
		{Kind: "finished", TimeMs: 4, Op: 1},
		{Kind: "before", TimeMs: 6, Op: 1},
		{Kind: "before", TimeMs: 9, Op: 1}, // a second callback is not a second request
		{Kind: "destroy", TimeMs: 9, Op: 1},
		{Kind: "init", TimeMs: 1, Op: 2, Type: "Timeout"},
		{Kind: "before", TimeMs: 5, Op: 2},
		{Kind: "init", TimeMs: 1, Op: 3, Type: "GETADDRINFOREQWRAP"},
		{Kind: "before", TimeMs: 21, Op: 3},
		{Kind: "init", TimeMs: 1, Op: 4, Type: "SOMETHINGWRAP"}, // neither pooled nor a request
		{Kind: "before", TimeMs: 2, Op: 4},
		{Kind: "destroy", TimeMs: 3, Op: 4},
	}, Dropped: 0})
	rows := s.rows()
	if len(rows) != 2 || rows[0].typ != "FSREQCALLBACK" || rows[1].typ != "GETADDRINFOREQWRAP" {
		t.Fatalf("rows %v", rows)
	}
	fs, dns := rows[0], rows[1]
	if fs.total.n != 1 || fs.total.max != 5 || !fs.pooled || fs.wait.max != 2 {
		t.Errorf("FSREQCALLBACK: n %d total %v pooled %v wait %v", fs.total.n, fs.total.max, fs.pooled, fs.wait.max)
	}
	if dns.total.max != 20 || dns.pooled {
		t.Errorf("GETADDRINFOREQWRAP: total %v pooled %v", dns.total.max, dns.pooled)
	}
	if _, kept := s.ops[1]; kept {
		t.Error("op 1 kept after its destroy")
	}
	if _, kept := s.ops[2]; kept {
		t.Error("a Timeout followed")
	}

	w := &Window{}
	p := newLatencyPanel(w)
	p.add(inspector.EventsBatch{Events: []inspector.OpEvent{{Kind: "init", Op: 1, Type: "FSREQCALLBACK"}, {Kind: "before", TimeMs: 1, Op: 1}}, Dropped: 7})
	if !strings.Contains(p.title.Text, "7 records dropped") {
		t.Errorf("title %q does not say what was dropped", p.title.Text)
	}
	p.reset()
	if len(p.rows) != 0 || strings.Contains(p.title.Text, "dropped") {
		t.Errorf("after reset: %d rows, title %q", len(p.rows), p.title.Text)
	}
}
