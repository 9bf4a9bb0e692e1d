package ui

import (
	"encoding/json"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/studiojs/studio/inspector"
)

// toolbar is the run and debug buttons; which are enabled follows the
// program's state.
type toolbar struct {
	view                                                    fyne.CanvasObject
	run, debug, stop, restart, cont, pause, over, into, out *widget.Button
	state                                                   *widget.Label
}

func newToolbar(w *Window) *toolbar {
	b := func(label string, icon fyne.Resource, fn func()) *widget.Button {
		btn := widget.NewButtonWithIcon(label, icon, fn)
		btn.Importance = widget.LowImportance
		return btn
	}
	t := &toolbar{
		run:     b("Run", theme.MediaPlayIcon(), w.Run),
		debug:   b("Debug", theme.MediaFastForwardIcon(), w.Debug),
		stop:    b("Stop", theme.MediaStopIcon(), w.Stop),
		restart: b("Restart", theme.MediaReplayIcon(), w.Restart),
		cont:    b("Continue", theme.MediaSkipNextIcon(), w.Continue),
		pause:   b("Pause", theme.MediaPauseIcon(), w.Pause),
		over:    b("Step Over", theme.NavigateNextIcon(), w.StepOver),
		into:    b("Step Into", theme.MoveDownIcon(), w.StepInto),
		out:     b("Step Out", theme.MoveUpIcon(), w.StepOut),
		state:   widget.NewLabel(""),
	}
	save := b("Save", theme.DocumentSaveIcon(), w.Save)
	t.view = container.NewHBox(save, widget.NewSeparator(), t.run, t.debug, t.stop, t.restart, widget.NewSeparator(),
		t.cont, t.pause, t.over, t.into, t.out, widget.NewSeparator(), t.state)
	return t
}

func (t *toolbar) update(s runState) {
	set := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	idle, paused, running := s == stateIdle, s == statePaused, s == stateRunning
	set(t.run, idle)
	set(t.debug, idle || paused)
	set(t.stop, !idle)
	set(t.restart, !idle)
	set(t.cont, paused)
	set(t.pause, running)
	set(t.over, paused)
	set(t.into, paused)
	set(t.out, paused)
	t.state.SetText(s.String())
}

// lineKind says where a console line came from, and so its colour.
type lineKind int

const (
	lineStdout lineKind = iota
	lineStderr
	lineInput  // what was typed
	lineResult // what it evaluated to
	lineError  // Studio's own messages, evaluation errors, uncaught exceptions
	lineInfo   // program started, ended
	lineObject // an object the program logged (Runtime.consoleAPICalled)
)

type consoleLine struct {
	kind lineKind
	text string
	open bool // the program has not ended the line yet
	// id names the line while lines come and go (an expansion's answer
	// finds its line by it).
	id int
	// depth indents a property under its object or a frame under its
	// exception.
	depth int
	// objectID makes the line expand through Runtime.getProperties.
	objectID          string
	expanded, loading bool
	// path and line (0-based) are a source position a tap opens.
	path string
	line int
	// out marks a line of program output written straight to the
	// stream: raw is its bytes from offset off of the stream (text has
	// its tabs expanded), nl says a newline ended them.
	out bool
	raw string
	off int64
	nl  bool
	// entry is the console call whose text the line shows (0: none):
	// its lines are one entry, and its first carries the call's objects
	// (objectID for one, args for several).
	entry    int
	entryEnd int64 // where the call's text ends in its stream
	args     []inspector.RemoteObject
	hang     bool // a later line of an entry that expands: under its text
}

// maxConsoleLines bounds the console; older lines go.
const maxConsoleLines = 20000

// consolePanel shows the program's stdout and stderr in two colours, the
// objects it logs (expandable), uncaught exceptions with their stacks (a
// frame opens its line), and an input line evaluated in the selected frame
// when paused, else in the program, with a history (up and down).
type consolePanel struct {
	w     *Window
	lines []consoleLine
	seq   int
	list  *keyList
	input *consoleInput
	view  fyne.CanvasObject
	// redraw is set while a redraw is queued (changed).
	redraw bool
	// evals are the placeholders of evaluations not shown yet, in input
	// order; answers holds those answered out of turn.
	evals   []int
	answers map[int]consoleLine
}

func newConsolePanel(w *Window) *consolePanel {
	c := &consolePanel{w: w}
	c.list = newKeyList(w.typedKey, func() int { return len(c.lines) },
		func() fyne.CanvasObject {
			t := canvas.NewText("", nil)
			t.TextStyle = fyne.TextStyle{Monospace: true}
			return t
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			t := o.(*canvas.Text)
			l := c.lines[id]
			t.Text = c.display(l)
			t.Color = c.colour(l.kind)
			if l.path != "" && l.kind != lineError {
				// A source location that a tap opens reads as a link.
				t.Color = fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameHyperlink, fyne.CurrentApp().Settings().ThemeVariant())
			}
			t.TextSize = theme.TextSize()
			t.Refresh()
		})
	c.list.HideSeparators = true
	c.list.OnSelected = func(id widget.ListItemID) {
		c.list.UnselectAll()
		c.tap(id)
	}
	c.input = newConsoleInput(w)
	c.input.OnSubmitted = func(s string) {
		if strings.TrimSpace(s) == "" {
			return
		}
		c.input.remember(s)
		c.input.SetText("")
		w.evaluate(s)
	}
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
		c.lines = nil
		c.list.Refresh()
	})
	clear.Importance = widget.LowImportance
	c.view = container.NewBorder(nil, container.NewBorder(nil, nil, widget.NewLabel(">"), clear, c.input), nil, nil, c.list)
	return c
}

// display is a line as shown: indented, with a triangle when it expands.
func (c *consolePanel) display(l consoleLine) string {
	prefix := strings.Repeat("  ", l.depth)
	open := l.objectID != "" || len(l.args) > 0
	switch {
	case open && l.expanded:
		prefix += "▾ "
	case open:
		prefix += "▸ "
	case l.hang:
		prefix += "  "
	}
	return prefix + l.text
}

func (c *consolePanel) colour(k lineKind) color.Color {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := fyne.CurrentApp().Settings().Theme()
	switch k {
	case lineStderr, lineError:
		return th.Color(theme.ColorNameError, v)
	case lineInput, lineInfo:
		return th.Color(theme.ColorNamePlaceHolder, v)
	case lineResult, lineObject:
		return th.Color(theme.ColorNamePrimary, v)
	}
	return th.Color(theme.ColorNameForeground, v)
}

func (c *consolePanel) newLine(l consoleLine) consoleLine {
	c.seq++
	l.id = c.seq
	return l
}

// write appends program output of kind, bytes from offset off of its
// stream; a line the program has not ended yet is continued by its next
// write.
func (c *consolePanel) write(kind lineKind, s string, off int64) {
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		last := i == len(parts)-1
		if last && p == "" {
			break // s ended with a newline
		}
		if n := len(c.lines); i == 0 && n > 0 && c.lines[n-1].open && c.lines[n-1].kind == kind && c.lines[n-1].out {
			l := &c.lines[n-1]
			l.raw += p
			l.text = expandTabs(l.raw)
			l.open, l.nl = last, !last
		} else {
			c.lines = append(c.lines, c.newLine(consoleLine{kind: kind, out: true, off: off, raw: p, text: expandTabs(p), open: last, nl: !last}))
		}
		off += int64(len(p)) + 1
	}
}

// add appends a whole line of Studio's own.
func (c *consolePanel) add(kind lineKind, s string) {
	for _, p := range strings.Split(s, "\n") {
		c.lines = append(c.lines, c.newLine(consoleLine{kind: kind, text: expandTabs(p)}))
	}
	c.trim()
	c.list.Refresh()
	c.list.ScrollToBottom()
}

// addLines appends lines made by the window (objects, exceptions).
func (c *consolePanel) addLines(ls ...consoleLine) {
	for _, l := range ls {
		c.lines = append(c.lines, c.newLine(l))
	}
	c.trim()
	c.list.Refresh()
	c.list.ScrollToBottom()
}

// addValue appends a value: an object expands.
func (c *consolePanel) addValue(kind lineKind, v inspector.RemoteObject) {
	c.addLines(consoleLine{kind: kind, text: objectString(v), objectID: v.ObjectID})
}

// placeholder adds the line an evaluation's answer will take and returns
// its id.
func (c *consolePanel) placeholder() int {
	c.addLines(consoleLine{kind: lineInfo, text: "…"})
	c.evals = append(c.evals, c.seq)
	return c.seq
}

// settle shows an evaluation's answer as Chrome's console does: at the
// end, after what the evaluation printed (which comes first: the program
// writes it before it answers), and in the order of the inputs (an answer
// waits in its placeholder for the earlier ones).
func (c *consolePanel) settle(id int, l consoleLine) {
	if c.answers == nil {
		c.answers = map[int]consoleLine{}
	}
	c.answers[id] = l
	for len(c.evals) > 0 {
		first := c.evals[0]
		a, ok := c.answers[first]
		if !ok {
			break
		}
		c.evals = c.evals[1:]
		delete(c.answers, first)
		if i := c.index(first); i >= 0 {
			c.lines = slices.Delete(c.lines, i, i+1)
		}
		c.addLines(a)
	}
}

// exception shows an uncaught exception and its stack; a frame opens its
// line.
func (c *consolePanel) exception(ev inspector.ExceptionThrownEvent) {
	d := ev.ExceptionDetails
	head := d.Text
	if d.Exception != nil {
		desc := d.Exception.Description
		if desc == "" {
			desc = objectString(*d.Exception)
		}
		first, _, _ := strings.Cut(desc, "\n")
		head += " " + first
	}
	ls := []consoleLine{{kind: lineError, text: head}}
	if d.StackTrace != nil {
		for _, f := range d.StackTrace.CallFrames {
			path := pathOfURL(f.URL)
			ls = append(ls, consoleLine{kind: lineError, depth: 1, path: path, line: f.LineNumber,
				text: fmt.Sprintf("at %s (%s:%d:%d)", funcName(f.FunctionName), c.w.rel(path), f.LineNumber+1, f.ColumnNumber+1)})
		}
	}
	c.addLines(ls...)
}

// tap expands or folds an object line or a console call's entry (any of
// its lines), or opens a source line (an exception's frame, a function's
// location).
func (c *consolePanel) tap(i int) {
	if i < 0 || i >= len(c.lines) {
		return
	}
	i = c.head(i)
	l := &c.lines[i]
	switch {
	case (l.objectID != "" || len(l.args) > 0) && l.expanded:
		from := c.blockEnd(i)
		end := from
		for end < len(c.lines) && c.lines[end].depth > l.depth {
			end++
		}
		c.lines = append(c.lines[:from], c.lines[end:]...)
		l.expanded = false
		c.list.Refresh()
	case l.objectID != "":
		c.expand(l.id)
	case len(l.args) > 0:
		// A call with several objects: a line for each, to expand.
		kids := make([]consoleLine, 0, len(l.args))
		for _, a := range l.args {
			kids = append(kids, c.newLine(consoleLine{kind: l.kind, depth: l.depth + 1, text: objectString(a), objectID: a.ObjectID}))
		}
		l.expanded = true
		at := c.blockEnd(i)
		c.lines = append(c.lines[:at], append(kids, c.lines[at:]...)...)
		c.list.Refresh()
	case l.path != "":
		if ed := c.w.openFile(l.path); ed != nil {
			ed.MoveCursor(l.line)
			c.w.focusEditor(ed)
		}
	}
}

// head is the first line of the entry line i belongs to (i itself when
// it is no console call's).
func (c *consolePanel) head(i int) int {
	if e := c.lines[i].entry; e != 0 {
		for i > 0 && c.lines[i-1].entry == e {
			i--
		}
	}
	return i
}

// blockEnd is the index after the lines of line i's entry: where what it
// expands to goes.
func (c *consolePanel) blockEnd(i int) int {
	j := i + 1
	if e := c.lines[i].entry; e != 0 {
		for j < len(c.lines) && c.lines[j].entry == e {
			j++
		}
	}
	return j
}

// expand asks for the properties of the object on line id and shows them
// under it: a function's too, with its [[FunctionLocation]] as a line
// that opens the source.
func (c *consolePanel) expand(id int) {
	i := c.index(id)
	s := c.w.sess
	if i < 0 || c.lines[i].loading {
		return
	}
	if s == nil {
		c.add(lineError, "The program has ended: its objects are gone")
		return
	}
	c.lines[i].loading = true
	var res inspector.PropertiesResult
	c.w.call(s, "Runtime.getProperties", map[string]any{"objectId": c.lines[i].objectID, "ownProperties": true, "generatePreview": true}, &res, func(err error) {
		i := c.index(id)
		if i < 0 {
			return
		}
		l := &c.lines[i]
		l.loading = false
		var kids []consoleLine
		switch {
		case err != nil:
			kids = append(kids, c.newLine(consoleLine{kind: lineError, depth: l.depth + 1, text: err.Error()}))
		default:
			for _, pr := range res.Result {
				if pr.Value != nil {
					kids = append(kids, c.newLine(consoleLine{kind: l.kind, depth: l.depth + 1, text: valueLabel(pr.Name, *pr.Value), objectID: pr.Value.ObjectID}))
				} else if pr.Get != nil {
					kids = append(kids, c.newLine(consoleLine{kind: l.kind, depth: l.depth + 1, text: pr.Name + ": (getter)"}))
				}
			}
			for _, ip := range res.InternalProperties {
				if ip.Value == nil {
					continue
				}
				kid := consoleLine{kind: l.kind, depth: l.depth + 1, text: valueLabel(ip.Name, *ip.Value), objectID: ip.Value.ObjectID}
				if text, path, line, ok := c.w.sourceLink(s, ip.Name, *ip.Value); ok {
					kid.text, kid.path, kid.line = text, path, line
				}
				kids = append(kids, c.newLine(kid))
			}
		}
		l.expanded = true
		at := c.blockEnd(i)
		c.lines = append(c.lines[:at], append(kids, c.lines[at:]...)...)
		c.list.Refresh()
	})
}

// sourceLink reads a location value (V8's [[FunctionLocation]]) of one
// of s's scripts: its label, "name: file:line", and the path and 0-based
// line it opens.
func (w *Window) sourceLink(s *session, name string, v inspector.RemoteObject) (label, path string, line int, ok bool) {
	var loc inspector.Location
	if v.Subtype != "internal#location" || json.Unmarshal(v.Value, &loc) != nil {
		return "", "", 0, false
	}
	if path = s.scripts[loc.ScriptID]; path == "" {
		return "", "", 0, false
	}
	return fmt.Sprintf("%s: %s:%d", name, w.rel(path), loc.LineNumber+1), path, loc.LineNumber, true
}

// index is the position of line id (-1 when it is gone).
func (c *consolePanel) index(id int) int {
	for i := len(c.lines) - 1; i >= 0; i-- {
		if c.lines[i].id == id {
			return i
		}
	}
	return -1
}

// flush ends an open line (the program ended).
func (c *consolePanel) flush() {
	if n := len(c.lines); n > 0 {
		c.lines[n-1].open = false
	}
}

// trim drops the oldest lines once there are a tenth more than
// maxConsoleLines: a program that logs in a loop trims every few thousand
// lines, not at each (a copy of the whole console).
func (c *consolePanel) trim() {
	if len(c.lines) > maxConsoleLines+maxConsoleLines/10 {
		c.lines = append([]consoleLine(nil), c.lines[len(c.lines)-maxConsoleLines:]...)
	}
}

// text is the console's lines of the given kinds, for tests.
func (c *consolePanel) text(kinds ...lineKind) string {
	var b strings.Builder
	for _, l := range c.lines {
		for _, k := range kinds {
			if l.kind == k {
				b.WriteString(l.text)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }

// consoleInput is the console's entry; it passes the window's function
// keys (F5, F10, ...) on, so that stepping works while it has focus, and
// up and down walk the history of what was evaluated.
type consoleInput struct {
	widget.Entry
	w *Window
	// history is what was evaluated, oldest first; at indexes it while
	// walking it (len(history): the line being typed, kept in draft).
	history []string
	at      int
	draft   string
}

// maxHistory bounds the console's history.
const maxHistory = 200

func newConsoleInput(w *Window) *consoleInput {
	e := &consoleInput{w: w}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Evaluate in the paused frame or the running program")
	return e
}

// remember adds an evaluated line to the history (not twice in a row).
func (e *consoleInput) remember(s string) {
	if n := len(e.history); n == 0 || e.history[n-1] != s {
		e.history = append(e.history, s)
		if len(e.history) > maxHistory {
			e.history = e.history[1:]
		}
	}
	e.at, e.draft = len(e.history), ""
}

func (e *consoleInput) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyF5, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11:
		e.w.typedKey(k)
		return
	case fyne.KeyUp:
		if e.at > 0 {
			if e.at == len(e.history) {
				e.draft = e.Text
			}
			e.at--
			e.recall(e.history[e.at])
		}
		return
	case fyne.KeyDown:
		if e.at < len(e.history) {
			e.at++
			if e.at == len(e.history) {
				e.recall(e.draft)
			} else {
				e.recall(e.history[e.at])
			}
		}
		return
	}
	e.Entry.TypedKey(k)
}

// recall puts s in the entry with the cursor at its end.
func (e *consoleInput) recall(s string) {
	e.SetText(s)
	e.CursorColumn = len([]rune(s))
	e.Refresh()
}
