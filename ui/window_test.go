package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"go.uber.org/goleak"

	"github.com/studiojs/studio/launch"
)

// harness is a Window on Fyne's test driver whose UI goroutine is the
// test's: everything the window hands over with Options.Do waits in a
// queue that waitFor drains, so the test reads the window's state without
// races. Programs run for real through launch (a runtime, a debugger, an
// inspector pipe).
type harness struct {
	t     *testing.T
	w     *Window
	queue chan func()
}

func newHarness(t *testing.T, files map[string]string) (*harness, string) {
	t.Helper()
	test.NewTempApp(t)
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := &harness{t: t, queue: make(chan func(), 1<<16)}
	h.w = New(fyne.CurrentApp(), Options{Project: dir, Do: func(f func()) { h.queue <- f }, Launcher: func(s RunSpec) (Program, error) {
		p, err := launch.Start(launch.Spec(s))
		if err != nil {
			return nil, err
		}
		return p, nil
	}})
	t.Cleanup(func() {
		if h.w.sess != nil {
			h.w.Stop()
			h.waitFor("the program to end", func() bool { return h.w.sess == nil })
		}
		h.w.win.Close()
	})
	return h, dir
}

// checkLeaks verifies, after the test and its cleanups, that no goroutine
// of the test is left (chroma's regexp engine keeps a clock goroutine).
func checkLeaks(t *testing.T) {
	opts := []goleak.Option{goleak.IgnoreCurrent(), goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock")}
	t.Cleanup(func() { goleak.VerifyNone(t, opts...) })
}

// waitFor runs the window's queued work until cond holds.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.After(30 * time.Second)
	for !cond() {
		select {
		case f := <-h.queue:
			f()
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s; console:\n%s", what, h.w.console.text(lineStdout, lineStderr, lineError, lineInfo, lineResult))
		}
	}
}

func (h *harness) pausedAt() int {
	if h.w.pause == nil || len(h.w.pause.CallFrames) == 0 {
		return -1
	}
	return h.w.pause.CallFrames[0].Location.LineNumber + 1
}

const debugScript = `function add(a, b) {
  const sum = a + b;
  return sum;
}
function main() {
  const obj = { name: 'studio', list: [1, 2, 3] };
  const r = add(20, 22);
  console.log('result', r);
  console.error('to stderr');
  return obj;
}
setTimeout(main, 1);
`

// TestDebugSession drives the window as a user does: a breakpoint from the
// gutter, Debug, the pause (line, call stack with the async frame,
// variables), evaluation in the frame, steps, continue, the console's two
// streams, and the end.
func TestDebugSession(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": debugScript})
	main := filepath.Join(dir, "index.js")
	ed := h.w.editors[main]
	if ed == nil {
		t.Fatal("the project's main file is not open")
	}
	// A click in the gutter of line 7 (const r = add(20, 22)).
	test.TapAt(ed, fyne.NewPos(4, ed.lineHeight()*6.5))
	if !ed.breakpoints[6] || h.w.bps[bpKey(main, 6)] == nil {
		t.Fatal("the gutter click set no breakpoint")
	}
	if n := len(h.w.breakpointsPanel.bps); n != 1 {
		t.Errorf("breakpoints panel lists %d", n)
	}

	tb := h.w.toolbar
	if tb.run.Disabled() || tb.debug.Disabled() || !tb.stop.Disabled() || !tb.over.Disabled() {
		t.Error("idle: Run and Debug should be enabled, Stop and the steps not")
	}
	test.Tap(tb.debug)
	h.waitFor("the pause at line 7", func() bool { return h.pausedAt() == 7 })
	if !tb.run.Disabled() || tb.cont.Disabled() || tb.over.Disabled() || tb.stop.Disabled() || !tb.pause.Disabled() {
		t.Error("paused: Continue, the steps and Stop should be enabled, Run and Pause not")
	}
	if ed.pausedLine != 6 {
		t.Errorf("paused line highlighted %d, want 6", ed.pausedLine)
	}
	if !h.w.bps[bpKey(main, 6)].resolved {
		t.Error("the breakpoint is not shown as bound")
	}
	stack := h.w.stackPanel.entries
	if len(stack) < 2 || !strings.HasPrefix(stack[0].label, "main  index.js:7") {
		t.Fatalf("call stack %v", stack)
	}
	var async bool
	for _, e := range stack {
		async = async || e.heading && strings.Contains(e.label, "Timeout")
	}
	if !async {
		t.Errorf("no Timeout async frame in the call stack: %v", stack)
	}
	h.waitFor("the local variables", func() bool {
		return slices.ContainsFunc(h.w.varsPanel.labels(), func(s string) bool { return strings.HasPrefix(s, "obj: ") })
	})
	// Expanding obj goes through Runtime.getProperties.
	var objID string
	for id, n := range h.w.varsPanel.nodes {
		if strings.HasPrefix(n.label, "obj: ") {
			objID = id
		}
	}
	h.w.varsPanel.tree.OpenBranch(objID)
	h.waitFor("obj's properties", func() bool {
		return slices.Contains(h.w.varsPanel.labels(), `name: "studio"`)
	})

	// The console evaluates in the paused frame.
	h.w.console.input.SetText("obj.list.length * 10")
	h.w.console.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitFor("the evaluation", func() bool { return strings.Contains(h.w.console.text(lineResult), "30") })

	// F10 steps over add(): line 8; F11 on line 8 stays in main (console.log is native).
	h.w.typedKey(&fyne.KeyEvent{Name: fyne.KeyF10})
	h.waitFor("the step to line 8", func() bool { return h.pausedAt() == 8 })
	if ed.pausedLine != 7 {
		t.Errorf("paused line highlighted %d after the step, want 7", ed.pausedLine)
	}
	test.Tap(tb.over)
	h.waitFor("line 9", func() bool { return h.pausedAt() == 9 })
	h.waitFor("stdout", func() bool { return strings.Contains(h.w.console.text(lineStdout), "result 42") })

	test.Tap(tb.cont)
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if tb.run.Disabled() || !tb.stop.Disabled() {
		t.Error("ended: Run should be enabled, Stop not")
	}
	if got := h.w.console.text(lineStderr); got != "to stderr\n" {
		t.Errorf("stderr lines %q", got)
	}
	if strings.Contains(h.w.console.text(lineStdout), "stderr") {
		t.Error("stderr shown as stdout")
	}
	if !strings.Contains(h.w.console.text(lineInfo), "exited with code 0") {
		t.Errorf("end: %q", h.w.console.text(lineInfo))
	}
	if ed.pausedLine != -1 || h.w.state != stateIdle {
		t.Errorf("after the end: paused line %d, state %v", ed.pausedLine, h.w.state)
	}
	// F9 on the cursor's line (the breakpoint's, after the pause) clears it.
	ed.MoveCursor(6)
	ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF9})
	if ed.breakpoints[6] || len(h.w.bps) != 0 {
		t.Error("F9 did not clear the breakpoint")
	}
}

// TestSaveFromEditor: typing marks the tab dirty; Ctrl+S typed in the
// editor (which hands it to the window) saves the file and clears the mark;
// Debug saves what is unsaved first, so what runs is what is shown.
func TestSaveFromEditor(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": "console.log('a');\n"})
	main := filepath.Join(dir, "index.js")
	ed := h.w.editors[main]
	tab := h.w.tabOf[main]
	ed.FocusGained()
	key(ed, fyne.KeyEnd)
	test.Type(ed, " // edited")
	if !strings.HasPrefix(tab.Text, "● ") {
		t.Errorf("tab %q after typing, want the dirty mark", tab.Text)
	}
	ed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if b, _ := os.ReadFile(main); string(b) != "console.log('a'); // edited\n" || tab.Text != "index.js" {
		t.Errorf("after Ctrl+S: file %q, tab %q", b, tab.Text)
	}
	key(ed, fyne.KeyDown)
	test.Type(ed, "console.log('b');")
	h.w.Run()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if got := h.w.console.text(lineStdout); got != "a\nb\n" {
		t.Errorf("the run printed %q: it did not run the text shown", got)
	}
}

// TestRunIgnoresBreakpoints: Run (Ctrl+F5) runs to the end past a
// breakpoint; Stop ends a program that would run forever; a breakpoint
// set while running binds at once.
func TestRunAndStop(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{
		"index.js": "globalThis.ready = 'yes'; console.log('start');\nsetInterval(() => {\n  globalThis.n = (globalThis.n || 0) + 1;\n}, 5);\n",
	})
	main := filepath.Join(dir, "index.js")
	h.w.ToggleBreakpoint(main, 0)
	h.w.Run()
	h.waitFor("start", func() bool { return strings.Contains(h.w.console.text(lineStdout), "start") })
	if h.w.pause != nil {
		t.Fatal("Run stopped at a breakpoint")
	}
	// Evaluation in the running program.
	h.w.evaluate("globalThis.ready + 1")
	h.waitFor("the evaluation", func() bool { return strings.Contains(h.w.console.text(lineResult), `"yes1"`) })

	h.w.Stop()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if !strings.Contains(h.w.console.text(lineInfo), "exited with code 130") {
		t.Errorf("end: %q", h.w.console.text(lineInfo))
	}

	// Debug, then a breakpoint inside the interval's callback, set while running.
	h.w.ToggleBreakpoint(main, 0)
	h.w.Debug()
	h.waitFor("running", func() bool { return h.w.state == stateRunning })
	h.w.ToggleBreakpoint(main, 2)
	h.waitFor("the pause in the callback", func() bool { return h.pausedAt() == 3 })
	// Restart while paused: the program runs again and stops there again.
	first := h.w.sess
	h.w.Restart()
	h.waitFor("the pause after the restart", func() bool { return h.w.sess != first && h.pausedAt() == 3 })
	// Pause a running program: clear the breakpoint, continue, pause.
	h.w.ToggleBreakpoint(main, 2)
	h.w.Continue()
	h.waitFor("running again", func() bool { return h.w.state == stateRunning })
	h.w.Pause()
	h.waitFor("the pause", func() bool { return h.w.state == statePaused && h.pausedAt() > 0 })
	// Stop while paused.
	h.w.Stop()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if n := strings.Count(h.w.console.text(lineInfo), "exited with code 130"); n != 3 {
		t.Errorf("%d ends by Stop, want 3 (stop, restart, stop): %q", n, h.w.console.text(lineInfo))
	}
}

// TestStartOffUIGoroutine: Run and Debug do not wait for the Launcher
// (setting a program up takes tens of milliseconds): the session is
// starting at once, with Run, Debug and the steps disabled; a breakpoint
// set meanwhile is in the program when it runs; Stop while starting ends
// the program before its first line.
func TestStartOffUIGoroutine(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": "console.log('began');\n"})
	main := filepath.Join(dir, "index.js")
	release := make(chan struct{})
	// Breaks the deadlock if the Launcher runs on this (the UI) goroutine.
	gaveUp := make(chan struct{})
	watchdog := time.AfterFunc(30*time.Second, func() { close(gaveUp) })
	defer watchdog.Stop()
	var blocked atomic.Bool
	launcher := h.w.opts.Launcher
	h.w.opts.Launcher = func(s RunSpec) (Program, error) {
		select {
		case <-release:
		case <-gaveUp:
			blocked.Store(true)
		}
		return launcher(s)
	}
	tb := h.w.toolbar
	test.Tap(tb.debug)
	if blocked.Load() {
		t.Fatal("Debug waited for the Launcher on the UI goroutine")
	}
	if h.w.sess == nil || h.w.state != stateStarting || tb.state.Text != "starting" {
		t.Fatalf("after Debug: session %v, state %v", h.w.sess != nil, h.w.state)
	}
	if !tb.run.Disabled() || !tb.debug.Disabled() || !tb.cont.Disabled() || !tb.pause.Disabled() || !tb.over.Disabled() || tb.stop.Disabled() {
		t.Error("starting: Run, Debug, Continue, Pause and the steps should be disabled, Stop not")
	}
	test.Tap(tb.run) // disabled: starts nothing more
	h.w.ToggleBreakpoint(main, 0)
	release <- struct{}{}
	h.waitFor("the pause at line 1", func() bool { return h.pausedAt() == 1 })
	h.w.Continue()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if n := strings.Count(h.w.console.text(lineStdout), "began"); n != 1 {
		t.Fatalf("the program printed %d times, want 1", n)
	}

	// Stop while starting: the program never runs its first line.
	h.w.Run()
	h.w.Stop()
	if h.w.state != stateStarting {
		t.Errorf("Stop before the launch: state %v", h.w.state)
	}
	release <- struct{}{}
	h.waitFor("the end of the stopped start", func() bool { return h.w.sess == nil })
	if n := strings.Count(h.w.console.text(lineStdout), "began"); n != 1 {
		t.Errorf("the stopped program printed %d times in all, want 1", n)
	}
	if n := strings.Count(h.w.console.text(lineInfo), "Program exited"); n != 2 {
		t.Errorf("%d ends, want 2: %q", n, h.w.console.text(lineInfo))
	}
	if h.w.state != stateIdle || tb.run.Disabled() {
		t.Error("after the end: not idle")
	}
}

const liveScript = `const crypto = require('crypto');
const fs = require('fs');
const long = setTimeout(() => {}, 60000);
setImmediate(function later() {});
for (let i = 0; i < 12; i++) {
  crypto.pbkdf2('secret', 'salt', 150000, 64, 'sha512', () => {});
}
fs.readFile(__filename, () => {});
`

// TestLivePanels: the loop, queue, pool and pending-ops panels show what
// Studio.snapshot says about a real program: pbkdf2 jobs on every lane,
// more queued, a 60 s timer pending with its creation site.
func TestLivePanels(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": liveScript})
	main := filepath.Join(dir, "index.js")
	h.w.Run()
	lp, pp := h.w.loopPanel, h.w.pendingPanel
	h.waitFor("a snapshot with the pool busy", func() bool {
		busy := 0
		for _, wk := range lp.last.Pool.Workers {
			if wk.Busy && wk.Type == "PBKDF2REQUEST" {
				busy++
			}
		}
		return lp.count > 0 && busy == lp.last.Pool.Size && lp.last.Pool.Size > 0
	})
	s := lp.last
	if !strings.Contains(lp.header.Text, "Iteration") || !strings.Contains(lp.pool.Text, "lanes") {
		t.Errorf("header %q, pool %q", lp.header.Text, lp.pool.Text)
	}
	// The lanes say what each worker runs.
	for i, o := range lp.lanes.Objects {
		if txt := o.(*lane).text.Text; !strings.Contains(txt, "PBKDF2REQUEST") {
			t.Errorf("lane %d shows %q", i, txt)
		}
	}
	if want := fmt.Sprintf("%d lanes, %d queued", s.Pool.Size, s.Pool.Queued); lp.pool.Text != want {
		t.Errorf("pool %q, want %q", lp.pool.Text, want)
	}
	// The current phase is lit with the primary colour, the others not.
	for i, name := range phases {
		lit := lp.phases[i].name.TextStyle.Bold
		if lit != (name == s.Phase) {
			t.Errorf("phase %s lit %v while the loop is in %s", name, lit, s.Phase)
		}
	}
	if !strings.Contains(lp.queues.Text, "timers") {
		t.Errorf("queues panel %q", lp.queues.Text)
	}

	// The pending table has the 60 s timer with its creation site, and
	// selecting it opens the line.
	row := -1
	for i, o := range pp.ops {
		if o.Type == "Timeout" && o.Location != nil && o.Location.LineNumber == 3 {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no Timeout created at line 3 in %+v", pp.ops)
	}
	if got := pp.cell(pp.ops[row], 4); !strings.HasPrefix(got, "index.js:3") {
		t.Errorf("created at %q", got)
	}
	if !strings.Contains(pp.title.Text, "Pending async operations") {
		t.Errorf("title %q", pp.title.Text)
	}
	ed := h.w.editors[main]
	ed.MoveCursor(0)
	pp.table.Select(widgetCell(row, 4))
	if ed.cursor.line != 2 {
		t.Errorf("selecting the timer put the cursor on line %d, want 3", ed.cursor.line+1)
	}
	h.w.Stop()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
}

func widgetCell(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }

// TestLearningMode: a stop when the loop enters a phase, then one callback
// at a time, each saying where it comes from and why it runs now; the
// panels show the loop at each stop.
func TestLearningMode(t *testing.T) {
	checkLeaks(t)
	h, _ := newHarness(t, map[string]string{"index.js": "setTimeout(function first() {\n  setImmediate(function later() { console.log('immediate'); });\n}, 1);\n"})
	lp := h.w.loopPanel
	lp.atPhase.SetSelected("check")
	test.Tap(h.w.toolbar.debug)
	h.waitFor("a stop entering check", func() bool { return h.w.loopStops == 1 })
	if h.w.state != statePaused || lp.last.Phase != "check" || !strings.Contains(lp.why.Text, "entering the check phase") {
		t.Fatalf("first stop: state %v, phase %s, why %q", h.w.state, lp.last.Phase, lp.why.Text)
	}
	lp.atPhase.SetSelected("no stop")
	// Step callback by callback until the immediate is next.
	for step := 1; !strings.Contains(lp.why.Text, "Immediate"); step++ {
		if step > 6 {
			t.Fatalf("no Immediate after %d callback steps; last: %q", step, lp.why.Text)
		}
		n := h.w.loopStops
		test.Tap(lp.nextCallback)
		h.waitFor("the next callback stop", func() bool { return h.w.loopStops > n })
	}
	if !strings.Contains(lp.why.Text, "immediates queue") || !strings.Contains(lp.why.Text, "setImmediate callbacks run in the check phase") {
		t.Errorf("why: %q", lp.why.Text)
	}
	if lp.last.Phase != "check" {
		t.Errorf("the immediate's stop shows the loop in %s", lp.last.Phase)
	}
	if strings.Contains(h.w.console.text(lineStdout), "immediate") {
		t.Error("the immediate ran before the stop")
	}
	test.Tap(h.w.toolbar.cont)
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if got := h.w.console.text(lineStdout); got != "immediate\n" {
		t.Errorf("stdout %q", got)
	}
}
