package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestLogpointCondition(t *testing.T) {
	for name, c := range map[string]struct{ msg, want string }{
		"text":        {"hello", "(console.log(`hello`), false)"},
		"expressions": {"i is {i}, sum {a + b}", "(console.log(`i is ${i}, sum ${a + b}`), false)"},
		"nested":      {"obj {({x: 1}).x}", "(console.log(`obj ${({x: 1}).x}`), false)"},
		"escapes":     {"`tick` \\ ${", "(console.log(`\\`tick\\` \\\\ \\${`), false)"},
		"dollar":      {"cost ${n}", "(console.log(`cost $${n}`), false)"},
		"unclosed":    {"a {b", "(console.log(`a {b`), false)"},
		"empty part":  {"a {} b", "(console.log(`a  b`), false)"},
	} {
		if got := logpointCondition(c.msg); got != c.want {
			t.Errorf("%s: %q gives %s, want %s", name, c.msg, got, c.want)
		}
	}
}

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
