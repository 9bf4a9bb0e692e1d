package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/studiojs/studio/inspector"
)

// Conditional breakpoints and logpoints (issue 6): a right-click on the
// gutter opens a menu to add or edit them. A logpoint is set with Studio's
// logMessage (docs/protocol.md), so that the debugger counts its hits; the
// breakpoints list enables and disables them with
// Studio.setBreakpointEnabled and shows Studio.getBreakpoints' counts.

// params are Debugger.setBreakpointByUrl's parameters for bp.
func (bp *breakpoint) params() map[string]any {
	m := map[string]any{"url": fileURL(bp.path), "lineNumber": bp.line}
	if c := strings.TrimSpace(bp.condition); c != "" {
		m["condition"] = c
	}
	if bp.logMessage != "" {
		m["logMessage"] = bp.logMessage
	}
	return m
}

// bpSetUp is what a new run sets for one breakpoint, read on the UI
// goroutine.
type bpSetUp struct {
	bp       *breakpoint
	params   map[string]any
	disabled bool
}

func (w *Window) breakpointSetUps() []bpSetUp {
	var out []bpSetUp
	for _, bp := range w.breakpointList() {
		bp.hits = 0
		out = append(out, bpSetUp{bp: bp, params: bp.params(), disabled: bp.disabled})
	}
	return out
}

// setBreakpointCalls sets a breakpoint in the program and, when it is
// disabled, turns it off there before anything else runs. Off the UI
// goroutine.
func setBreakpointCalls(ctx context.Context, c *inspector.Client, params map[string]any, disabled bool) (inspector.BreakpointResult, error) {
	var res inspector.BreakpointResult
	if err := c.Call(ctx, "Debugger.setBreakpointByUrl", params, &res); err != nil {
		return res, err
	}
	if disabled {
		return res, c.Call(ctx, "Studio.setBreakpointEnabled", map[string]any{"breakpointId": res.BreakpointID, "enabled": false}, nil)
	}
	return res, nil
}

// setBreakpointEnabled enables or disables a breakpoint, in the running
// program too (where it keeps its hit count).
func (w *Window) setBreakpointEnabled(bp *breakpoint, on bool) {
	if bp.disabled == !on {
		return
	}
	bp.disabled = !on
	w.breakpointsPanel.refresh()
	if ed := w.editors[bp.path]; ed != nil {
		ed.Refresh() // the gutter's mark
	}
	if w.sess != nil && bp.id != "" {
		w.call(w.sess, "Studio.setBreakpointEnabled", map[string]any{"breakpointId": bp.id, "enabled": on}, nil, nil)
	}
}

// hitsEvery is how often the hit counts are read while the program runs
// (logpoints and conditions count without stopping).
const hitsEvery = 500 * time.Millisecond

// fetchHits reads the hit counts (Studio.getBreakpoints) into the
// breakpoints list; one call at a time.
func (w *Window) fetchHits() {
	s, p := w.sess, w.breakpointsPanel
	if s == nil || p.hitsBusy || len(w.bps) == 0 {
		return
	}
	p.hitsBusy, p.hitsAt = true, time.Now()
	var res struct {
		Breakpoints []inspector.BreakpointHits `json:"breakpoints"`
	}
	w.call(s, "Studio.getBreakpoints", nil, &res, func(err error) {
		p.hitsBusy = false
		if err != nil || w.sess != s {
			return
		}
		hits := map[string]int{}
		for _, b := range res.Breakpoints {
			hits[b.BreakpointID] = b.Hits
		}
		for _, bp := range w.bps {
			if n, ok := hits[bp.id]; ok && bp.id != "" {
				bp.hits = n
			}
		}
		w.breakpointsPanel.refresh()
	})
}

// marker is the breakpoint's sign in the breakpoints list.
func (bp *breakpoint) marker() string {
	switch {
	case bp.logMessage != "":
		return "◆"
	case strings.TrimSpace(bp.condition) != "":
		return "◉"
	}
	return "●"
}

// describe is what the breakpoints list says after the state: the hit
// count, the condition and the log message.
func (bp *breakpoint) describe() string {
	var b strings.Builder
	if bp.hits > 0 {
		fmt.Fprintf(&b, "   hits %d", bp.hits)
	}
	if c := strings.TrimSpace(bp.condition); c != "" {
		fmt.Fprintf(&b, "   when %s", c)
	}
	if bp.logMessage != "" {
		fmt.Fprintf(&b, "   logs %q", bp.logMessage)
	}
	return b.String()
}

// TappedSecondary opens the gutter's menu on a right-click there.
func (e *editor) TappedSecondary(ev *fyne.PointEvent) {
	if ev.Position.X < e.gutterWidth() && e.onGutterMenu != nil {
		e.onGutterMenu(e.posAt(ev.Position).line, ev.AbsolutePosition)
	}
}

// gutterMenu is the menu of a line's gutter: edit or remove its
// breakpoint, or add one.
func (w *Window) gutterMenu(path string, line int) *fyne.Menu {
	bp := w.bps[bpKey(path, line)]
	if bp == nil {
		return fyne.NewMenu("",
			fyne.NewMenuItem("Add Breakpoint", func() { w.ToggleBreakpoint(path, line) }),
			fyne.NewMenuItem("Add Conditional Breakpoint…", func() { w.showConditionDialog(path, line, false) }),
			fyne.NewMenuItem("Add Logpoint…", func() { w.showConditionDialog(path, line, true) }))
	}
	return fyne.NewMenu("",
		fyne.NewMenuItem("Edit Condition…", func() { w.showConditionDialog(path, line, false) }),
		fyne.NewMenuItem("Edit Log Message…", func() { w.showConditionDialog(path, line, true) }),
		fyne.NewMenuItem("Remove Breakpoint", func() { w.ToggleBreakpoint(path, line) }))
}

func (w *Window) showGutterMenu(ed *editor, line int, at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(w.gutterMenu(ed.path, line), w.win.Canvas(), at)
}

// conditionDialog asks for a breakpoint's condition (or, for a logpoint,
// its message); submit applies what the entry holds.
func (w *Window) conditionDialog(path string, line int, logpoint bool) (d dialog.Dialog, entry *widget.Entry, submit func()) {
	bp := w.bps[bpKey(path, line)]
	entry = widget.NewEntry()
	title, label := "Breakpoint condition", "Stop when"
	entry.SetPlaceHolder("an expression, e.g. i === 3")
	if logpoint {
		title, label = "Logpoint", "Log"
		entry.SetPlaceHolder("a message; {expression} parts are evaluated, e.g. i is {i}")
	}
	if bp != nil {
		entry.SetText(bp.condition)
		if logpoint {
			entry.SetText(bp.logMessage)
		}
	}
	submit = func() {
		cond, msg := "", ""
		if cur := w.bps[bpKey(path, line)]; cur != nil {
			cond, msg = cur.condition, cur.logMessage
		}
		if logpoint {
			msg = entry.Text
		} else {
			cond = entry.Text
		}
		w.setBreakpointCondition(path, line, cond, msg)
	}
	d = dialog.NewForm(fmt.Sprintf("%s — %s:%d", title, w.rel(path), line+1), "Set", "Cancel",
		[]*widget.FormItem{widget.NewFormItem(label, entry)}, func(ok bool) {
			if ok {
				submit()
			}
		}, w.win)
	entry.OnSubmitted = func(string) {
		submit()
		d.Hide()
	}
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	return d, entry, submit
}

func (w *Window) showConditionDialog(path string, line int, logpoint bool) {
	d, entry, _ := w.conditionDialog(path, line, logpoint)
	d.Show()
	w.win.Canvas().Focus(entry)
}

// setBreakpointCondition gives the breakpoint on a 0-based line of path
// (set here if there is none) a condition and a log message ("" for
// none). In a running program the breakpoint is replaced: CDP cannot
// change a breakpoint's condition, so it is removed and set again, in
// that order, since the debugger refuses two at one place.
func (w *Window) setBreakpointCondition(path string, line int, condition, logMessage string) {
	key := bpKey(path, line)
	bp := w.bps[key]
	if bp == nil {
		bp = &breakpoint{path: path, line: line}
		w.bps[key] = bp
		if ed := w.editors[path]; ed != nil {
			ed.SetBreakpoint(line, true)
		}
	}
	bp.condition, bp.logMessage = strings.TrimSpace(condition), logMessage
	w.breakpointsPanel.refresh()
	s := w.sess
	if s == nil || s.prog == nil { // a starting program gets it at launch
		return
	}
	prog := s.prog
	old := bp.id
	bp.id, bp.resolved = "", false
	params, disabled := bp.params(), bp.disabled
	go func() {
		ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
		defer cancel()
		c := prog.Client()
		if old != "" {
			if err := c.Call(ctx, "Debugger.removeBreakpoint", map[string]any{"breakpointId": old}, nil); err != nil {
				w.do(func() { w.console.add(lineError, fmt.Sprintf("Debugger.removeBreakpoint: %v", err)) })
			}
		}
		res, err := setBreakpointCalls(ctx, c, params, disabled)
		w.do(func() { w.breakpointSet(bp, res, err) })
	}()
}
