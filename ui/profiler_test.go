package ui

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

const poolScript = `const crypto = require('crypto');
const fs = require('fs');
for (let i = 0; i < 8; i++) crypto.pbkdf2('secret', 'salt', 100000, 32, 'sha256', () => {});
fs.readFile(__filename, () => {
  const end = Date.now() + 150;
  while (Date.now() < end) {}
});
fs.readFileSync(__filename);
`

// TestPoolLanesAndProfiler: a real program saturates the pool (8 pbkdf2
// jobs on 4 lanes) and starves its loop for 150 ms. The lanes hold each
// job's queue wait and run from the records, and hovering a bar names the
// op, its times and its creation line; the Profiler tab shows the I/O
// profile per call site and the starvation warning, final at the end,
// and the console prints the warnings at exit.
func TestPoolLanesAndProfiler(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": poolScript})
	main := filepath.Join(dir, "index.js")
	h.w.Run()
	h.waitFor("the program to end", func() bool { return h.w.sess == nil })
	lp := h.w.loopPanel

	// The lanes: every pbkdf2 job ran on a lane, four of them waited.
	var jobs, waited int
	for i := range lp.timeline.lanes {
		for _, s := range lp.timeline.spans(i) {
			if s.typ != "PBKDF2REQUEST" {
				continue
			}
			jobs++
			if s.wait() > 0.5 {
				waited++
			}
			if s.finished < s.started || s.loc == nil || s.loc.LineNumber != 3 {
				t.Errorf("span %+v (at %+v)", s, s.loc)
			}
		}
	}
	if jobs != 8 || waited < 4 {
		t.Errorf("%d pbkdf2 jobs on the lanes, %d waited; want 8 and at least 4", jobs, waited)
	}
	if len(lp.lanes.Objects) == 0 {
		t.Fatal("no lanes")
	}
	// Hover the middle of a job's run bar.
	l := lp.lanes.Objects[0].(*lane)
	l.Resize(fyne.NewSize(800, 24))
	var s poolSpan
	for _, x := range lp.timeline.spans(0) {
		if x.typ == "PBKDF2REQUEST" {
			s = x
		}
	}
	if s.op == 0 {
		t.Fatal("lane 0 ran no pbkdf2 job")
	}
	left, width := l.strip()
	at := func(ms float64) float32 {
		return left + float32((ms-(l.now-l.span()))/l.span())*width
	}
	l.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(at((s.started+s.finished)/2), 12)}})
	info := lp.laneInfo.Text
	for _, want := range []string{"PBKDF2REQUEST", "waited", "ran", "created at index.js:3"} {
		if !strings.Contains(info, want) {
			t.Errorf("hover says %q: no %q", info, want)
		}
	}
	l.MouseOut()
	if lp.laneInfo.Text == info {
		t.Error("leaving the lane kept the hover text")
	}
	// The lane draws a bar for the run, and one for the wait of a job
	// that waited.
	test.NewTempWindow(t, l)
	l.Resize(fyne.NewSize(800, 24))
	if segs := len(l.objs) - 2; segs < 1 {
		t.Errorf("lane 0 draws %d bars", segs)
	}

	// The Profiler tab.
	pp := h.w.profilerPanel
	if !pp.prof.Final || !pp.warns.Final {
		t.Errorf("profile final %v, warnings final %v after the end", pp.prof.Final, pp.warns.Final)
	}
	rows := map[string]int{}
	for i, st := range pp.prof.Stats {
		rows[st.Type+" "+pp.cell(i, 1)] = i
	}
	i, ok := rows["PBKDF2REQUEST index.js:3"]
	if !ok {
		t.Fatalf("no PBKDF2REQUEST row at index.js:3: %v", rows)
	}
	if pp.cell(i, 2) != "8" || pp.cell(i, 4) == "-" {
		t.Errorf("row: count %q, queue wait %q", pp.cell(i, 2), pp.cell(i, 4))
	}
	// The times are the quantile the select picks, short enough for their
	// columns: p50 up to max, each the profile's own figure.
	st := pp.prof.Stats[i]
	for _, c := range []struct {
		q    string
		want float64
	}{{"p50", st.TotalMs.P50}, {"p95", st.TotalMs.P95}, {"p99", st.TotalMs.P99}, {"max", st.TotalMs.Max}} {
		pp.quantile.SetSelected(c.q)
		got, err := strconv.ParseFloat(pp.cell(i, 3), 64)
		if err != nil || math.Abs(got-c.want) > 0.5 || len(pp.cell(i, 3)) > 6 || len(pp.cell(i, 5)) > 6 {
			t.Errorf("%s: total %q, service %q; want %.2f", c.q, pp.cell(i, 3), pp.cell(i, 5), c.want)
		}
	}
	if st.TotalMs.Max <= st.TotalMs.P50 {
		t.Errorf("total's max %.2f is not above its p50 %.2f: 8 jobs on 4 lanes", st.TotalMs.Max, st.TotalMs.P50)
	}
	if !strings.Contains(pp.slowest.Text, "Slowest") || !strings.Contains(pp.slowest.Text, "fs.readFileSync (fs.open) at index.js:8") {
		t.Errorf("slowest: %q", pp.slowest.Text)
	}
	starved := false
	for _, x := range pp.warns.Warnings {
		starved = starved || x.Kind == "starvation" && len(x.Where) > 0 && x.Where[0] == main+":4"
	}
	if !starved {
		t.Errorf("warnings %+v: no starvation at index.js:4", pp.warns.Warnings)
	}
	if !strings.HasPrefix(pp.tab.Text, "Profiler ⚠") {
		t.Errorf("tab %q", pp.tab.Text)
	}
	if out := h.w.console.text(lineInfo); !strings.Contains(out, "warnings: ") || !strings.Contains(out, "starvation") {
		t.Errorf("console at exit:\n%s", out)
	}
	// Selecting the warning opens its line.
	pp.warnList.Select(0)
	if ed := h.w.currentEditor(); ed == nil || ed.path != main {
		t.Error("selecting the warning did not open index.js")
	}
}

// TestProfilerTableFits: in the window's default size the Profiler
// tab's table shows every column without a sideways scroll.
func TestProfilerTableFits(t *testing.T) {
	h, _ := newHarness(t, map[string]string{"index.js": "1;\n"})
	h.w.bottom.Select(h.w.profilerPanel.tab)
	h.w.win.Resize(fyne.NewSize(1400, 900))
	var need float32
	for _, wd := range profilerWidths {
		need += wd
	}
	if got := h.w.profilerPanel.table.Size().Width; got < need {
		t.Errorf("the table is %.0f wide at 1400x900, its columns %.0f", got, need)
	}
	if len(profilerWidths) != len(profilerColumns) {
		t.Errorf("%d widths for %d columns", len(profilerWidths), len(profilerColumns))
	}
}
