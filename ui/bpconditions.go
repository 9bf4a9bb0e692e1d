package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/studiojs/studio/inspector"
)

// Conditional breakpoints and logpoints (issue 6): a right-click on the
// gutter opens a menu to add or edit them; the protocol only knows
// conditions, so a logpoint is a condition that logs and is never true,
// as VS Code's js-debug sends it.

// params are Debugger.setBreakpointByUrl's parameters for bp.
func (bp *breakpoint) params() map[string]any {
	m := map[string]any{"url": fileURL(bp.path), "lineNumber": bp.line}
	if c := bp.protocolCondition(); c != "" {
		m["condition"] = c
	}
	return m
}

// protocolCondition is the condition the debugger evaluates: the user's,
// and for a logpoint the logging after it.
func (bp *breakpoint) protocolCondition() string {
	cond := strings.TrimSpace(bp.condition)
	if bp.logMessage == "" {
		return cond
	}
	log := logpointCondition(bp.logMessage)
	if cond == "" {
		return log
	}
	return "(" + cond + ") && " + log
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

// describe is what the breakpoints list says after the state: the
// condition and the log message.
func (bp *breakpoint) describe() string {
	var b strings.Builder
	if c := strings.TrimSpace(bp.condition); c != "" {
		fmt.Fprintf(&b, "   when %s", c)
	}
	if bp.logMessage != "" {
		fmt.Fprintf(&b, "   logs %q", bp.logMessage)
	}
	return b.String()
}

// logpointCondition turns a log message with {expression} parts into a
// condition that prints it with console.log and is false, so the program
// never stops: "i is {i}" → (console.log(`i is ${i}`), false). Braces
// nest inside an expression; an unclosed one is text.
func logpointCondition(msg string) string {
	var b strings.Builder
	b.WriteString("(console.log(`")
	text := func(s string) {
		s = strings.ReplaceAll(s, `\`, `\\`)
		s = strings.ReplaceAll(s, "`", "\\`")
		s = strings.ReplaceAll(s, "${", "\\${")
		b.WriteString(s)
	}
	for {
		open := strings.IndexByte(msg, '{')
		if open < 0 {
			text(msg)
			break
		}
		depth, end := 0, -1
		for i := open; i < len(msg) && end < 0; i++ {
			switch msg[i] {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					end = i
				}
			}
		}
		if end < 0 {
			text(msg)
			break
		}
		text(msg[:open])
		if expr := strings.TrimSpace(msg[open+1 : end]); expr != "" {
			b.WriteString("${" + expr + "}")
		}
		msg = msg[end+1:]
	}
	b.WriteString("`), false)")
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
	if s == nil {
		return
	}
	old := bp.id
	bp.id, bp.resolved = "", false
	params := bp.params()
	go func() {
		ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
		defer cancel()
		c := s.prog.Client()
		if old != "" {
			if err := c.Call(ctx, "Debugger.removeBreakpoint", map[string]any{"breakpointId": old}, nil); err != nil {
				w.do(func() { w.console.add(lineError, fmt.Sprintf("Debugger.removeBreakpoint: %v", err)) })
			}
		}
		var res inspector.BreakpointResult
		err := c.Call(ctx, "Debugger.setBreakpointByUrl", params, &res)
		w.do(func() { w.breakpointSet(bp, res, err) })
	}()
}
