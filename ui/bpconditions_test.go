package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

const conditionScript = `let total = 0;
for (let i = 0; i < 5; i++) {
  total += i;
}
function check(n) {
  return n * 2;
}
for (let n = 0; n < 5; n++) check(n);
console.log('end', total);
`

// TestConditionalBreakpoints: a logpoint prints its message with the
// values of its expressions and never stops; a conditional breakpoint
// stops only when its condition holds; the gutter's right-click menu
// offers them and the breakpoints list says what each does.
func TestConditionalBreakpoints(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": conditionScript})
	main := filepath.Join(dir, "index.js")
	ed := h.w.editors[main]

	// A right-click in line 3's gutter opens the menu to add one.
	overlays := h.w.win.Canvas().Overlays()
	n := len(overlays.List())
	test.TapSecondaryAt(ed, fyne.NewPos(ed.gutterWidth()+40, ed.lineHeight()*2.5))
	if len(overlays.List()) != n {
		t.Fatal("a right-click in the text opened the gutter's menu")
	}
	test.TapSecondaryAt(ed, fyne.NewPos(4, ed.lineHeight()*2.5))
	if len(overlays.List()) != n+1 {
		t.Fatal("no menu after a right-click in the gutter")
	}
	overlays.Remove(overlays.Top())
	labels := func(m *fyne.Menu) (out []string) {
		for _, it := range m.Items {
			out = append(out, it.Label)
		}
		return out
	}
	if got := strings.Join(labels(h.w.gutterMenu(main, 2)), "|"); got != "Add Breakpoint|Add Conditional Breakpoint…|Add Logpoint…" {
		t.Errorf("menu of a line without a breakpoint: %s", got)
	}
	_, entry, submit := h.w.conditionDialog(main, 2, true)
	entry.SetText("i={i} total={total}")
	submit()
	_, entry, submit = h.w.conditionDialog(main, 5, false)
	entry.SetText("n === 3")
	submit()
	if !ed.breakpoints[2] || !ed.breakpoints[5] {
		t.Fatal("the gutter does not show the new breakpoints")
	}
	if got := strings.Join(labels(h.w.gutterMenu(main, 5)), "|"); got != "Edit Condition…|Edit Log Message…|Remove Breakpoint" {
		t.Errorf("menu of a breakpoint: %s", got)
	}
	lp, cond := h.w.bps[bpKey(main, 2)], h.w.bps[bpKey(main, 5)]
	if lp.marker() != "◆" || !strings.Contains(lp.describe(), `logs "i={i} total={total}"`) {
		t.Errorf("logpoint listed as %s%s", lp.marker(), lp.describe())
	}
	if cond.marker() != "◉" || !strings.Contains(cond.describe(), "when n === 3") {
		t.Errorf("conditional breakpoint listed as %s%s", cond.marker(), cond.describe())
	}
	// Editing the condition keeps the other half.
	_, entry, submit = h.w.conditionDialog(main, 2, false)
	if entry.Text != "" {
		t.Errorf("condition entry of the logpoint holds %q", entry.Text)
	}
	entry.SetText("i % 2 === 0")
	submit()
	if lp.logMessage != "i={i} total={total}" || lp.condition != "i % 2 === 0" {
		t.Errorf("logpoint now %q / %q", lp.condition, lp.logMessage)
	}

	h.w.Debug()
	h.waitFor("the conditional stop", func() bool { return h.pausedAt() == 6 })
	h.w.evaluate("n")
	h.waitFor("n", func() bool { return h.w.console.text(lineResult) != "" })
	if got := h.w.console.text(lineResult); got != "3\n" {
		t.Errorf("stopped with n = %q, want 3", got)
	}
	// The logpoint printed for the even i only, and never stopped.
	h.waitFor("the logpoint's lines", func() bool { return strings.Contains(h.w.console.text(lineStdout), "i=4") })
	if got := h.w.console.text(lineStdout); got != "i=0 total=0\ni=2 total=1\ni=4 total=6\n" {
		t.Errorf("stdout at the stop %q", got)
	}
	if !cond.resolved || !lp.resolved {
		t.Error("breakpoints not bound")
	}
	h.w.Continue()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if !strings.HasSuffix(h.w.console.text(lineStdout), "end 10\n") {
		t.Errorf("stdout %q", h.w.console.text(lineStdout))
	}
}

// TestConditionWhileRunning: a condition given to a bound breakpoint of a
// running program replaces it there (removeBreakpoint, then
// setBreakpointByUrl with the condition).
func TestConditionWhileRunning(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": "let k = 0;\nsetInterval(() => {\n  k++;\n}, 2);\n"})
	main := filepath.Join(dir, "index.js")
	h.w.ToggleBreakpoint(main, 2)
	h.w.Debug()
	h.waitFor("the first stop", func() bool { return h.pausedAt() == 3 })
	bp := h.w.bps[bpKey(main, 2)]
	first := bp.id
	h.w.setBreakpointCondition(main, 2, "k === 3", "")
	h.waitFor("the new breakpoint", func() bool { return bp.id != "" })
	if bp.id == first {
		t.Errorf("the breakpoint kept its id %s: not replaced", first)
	}
	h.w.Continue()
	h.waitFor("running", func() bool { return h.w.state == stateRunning })
	h.waitFor("the conditional stop", func() bool { return h.pausedAt() == 3 })
	h.w.evaluate("k")
	h.waitFor("k", func() bool { return h.w.console.text(lineResult) != "" })
	if got := h.w.console.text(lineResult); got != "3\n" {
		t.Errorf("stopped with k = %q, want 3", got)
	}
	h.w.Stop()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
}

const hitsScript = `let total = 0;
for (let i = 0; i < 5; i++) {
  total += i;
}
console.log('total', total);
function boom() {
  throw new Error('boom');
}
setTimeout(() => {
  console.log('later');
  try { boom(); } catch (e) { console.log('caught', e.message); }
}, 1);
`

// TestBreakpointsList: the list shows each breakpoint's hits
// (Studio.getBreakpoints), a logpoint counting the lines it logged; a
// breakpoint disabled with its checkbox does not stop; the exception pause
// setting stops at a caught throw with "all"; a row opens its line.
func TestBreakpointsList(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": hitsScript})
	main := filepath.Join(dir, "index.js")
	w, p := h.w, h.w.breakpointsPanel
	w.setBreakpointCondition(main, 2, "", "i={i}")
	w.ToggleBreakpoint(main, 4)
	w.ToggleBreakpoint(main, 9)
	off, lp, stop := w.bps[bpKey(main, 4)], w.bps[bpKey(main, 2)], w.bps[bpKey(main, 9)]
	w.setBreakpointEnabled(off, false)
	if got := p.rowText(off); !strings.Contains(got, "index.js:5   disabled") {
		t.Errorf("disabled breakpoint listed as %q", got)
	}
	if p.exceptions() != "none" {
		t.Errorf("exception pause %q by default", p.exceptions())
	}
	p.onExceptions.SetSelected("All exceptions")
	if got := fyne.CurrentApp().Preferences().String(exceptionPrefKey); got != "all" {
		t.Errorf("exception setting kept as %q", got)
	}

	w.Debug()
	h.waitFor("the stop in the timer", func() bool { return h.pausedAt() == 10 })
	h.waitFor("the hit counts", func() bool { return lp.hits == 5 && stop.hits == 1 })
	if off.hits != 0 {
		t.Errorf("the disabled breakpoint counted %d hits", off.hits)
	}
	if got := p.rowText(lp); !strings.HasPrefix(got, "◆ index.js:3   bound   hits 5") {
		t.Errorf("logpoint listed as %q", got)
	}
	if got := p.rowText(stop); !strings.HasPrefix(got, "● index.js:10   bound   hits 1") {
		t.Errorf("breakpoint listed as %q", got)
	}
	h.waitFor("the output before the stop", func() bool { return strings.Contains(h.w.console.text(lineStdout), "total 10") })
	if got := h.w.console.text(lineStdout); got != "i=0\ni=1\ni=2\ni=3\ni=4\ntotal 10\n" {
		t.Errorf("stdout at the stop %q", got)
	}

	// The caught throw stops: the setting is "all".
	w.Continue()
	h.waitFor("the stop at the throw", func() bool { return h.pausedAt() == 7 })
	if w.pause.Reason != "exception" {
		t.Errorf("stopped at the throw for %q", w.pause.Reason)
	}
	p.onExceptions.SetSelected("Never")
	w.Continue()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if !strings.HasSuffix(h.w.console.text(lineStdout), "later\ncaught boom\n") {
		t.Errorf("stdout %q", h.w.console.text(lineStdout))
	}

	// A row opens its line.
	ed := w.editors[main]
	ed.MoveCursor(0)
	p.list.Select(slices.Index(p.bps, stop))
	if ed.cursor.line != 9 {
		t.Errorf("the row put the cursor on line %d, want 10", ed.cursor.line+1)
	}
}

// breakpointMarks gives the fill of each breakpoint mark the editor draws,
// top to bottom: "on" (filled red) or "off" (a ring, no fill).
func breakpointMarks(t *testing.T, ed *editor) []string {
	t.Helper()
	var marks []string
	for _, o := range test.TempWidgetRenderer(t, ed).Objects() {
		if c, ok := o.(*canvas.Circle); ok {
			_, _, _, a := c.FillColor.RGBA()
			switch {
			case a == 0 && c.StrokeWidth > 0:
				marks = append(marks, "off")
			case c.FillColor == breakpointColour:
				marks = append(marks, "on")
			default:
				marks = append(marks, fmt.Sprint(c.FillColor))
			}
		}
	}
	return marks
}

// TestGutterShowsDisabled: unticking a breakpoint's checkbox in the
// breakpoints list draws its gutter mark as a ring; ticking it fills it
// again; the list and the gutter agree.
func TestGutterShowsDisabled(t *testing.T) {
	h, dir := newHarness(t, map[string]string{"index.js": "let a = 1;\nlet b = 2;\nlet c = 3;\n"})
	main := filepath.Join(dir, "index.js")
	w, p := h.w, h.w.breakpointsPanel
	ed := w.editors[main]
	w.ToggleBreakpoint(main, 0)
	w.ToggleBreakpoint(main, 2)
	if got := fmt.Sprint(breakpointMarks(t, ed)); got != "[on on]" {
		t.Fatalf("marks %s, want [on on]", got)
	}
	// The list's row for line 3 (sorted by line: the second), as it shows.
	row := p.list.CreateItem()
	p.list.UpdateItem(1, row)
	check := row.(*fyne.Container).Objects[1].(*widget.Check)
	if !check.Checked {
		t.Fatal("an enabled breakpoint's checkbox is not ticked")
	}
	test.Tap(check)
	if !w.bps[bpKey(main, 2)].disabled {
		t.Fatal("unticking did not disable the breakpoint")
	}
	if got := fmt.Sprint(breakpointMarks(t, ed)); got != "[on off]" {
		t.Errorf("after unticking line 3: marks %s, want [on off]", got)
	}
	p.list.UpdateItem(1, row)
	test.Tap(check)
	if got := fmt.Sprint(breakpointMarks(t, ed)); got != "[on on]" {
		t.Errorf("after ticking line 3 again: marks %s, want [on on]", got)
	}
}
