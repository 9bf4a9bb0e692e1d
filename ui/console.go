package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	lineError  // Studio's own messages and evaluation errors
	lineInfo   // program started, ended
)

type consoleLine struct {
	kind lineKind
	text string
	open bool // the program has not ended the line yet
}

// maxConsoleLines bounds the console; older lines go.
const maxConsoleLines = 20000

// consolePanel shows the program's stdout and stderr in two colours, and an
// input line evaluated in the program.
type consolePanel struct {
	w     *Window
	lines []consoleLine
	list  *keyList
	input *consoleInput
	view  fyne.CanvasObject
	// dirty lines wait for the next refresh; consoleWriter batches writes
	// so one refresh covers many.
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
			t.Text = l.text
			t.Color = c.colour(l.kind)
			t.TextSize = theme.TextSize()
			t.Refresh()
		})
	c.list.HideSeparators = true
	c.input = newConsoleInput(w)
	c.input.OnSubmitted = func(s string) {
		if strings.TrimSpace(s) == "" {
			return
		}
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

func (c *consolePanel) colour(k lineKind) color.Color {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := fyne.CurrentApp().Settings().Theme()
	switch k {
	case lineStderr, lineError:
		return th.Color(theme.ColorNameError, v)
	case lineInput, lineInfo:
		return th.Color(theme.ColorNamePlaceHolder, v)
	case lineResult:
		return th.Color(theme.ColorNamePrimary, v)
	}
	return th.Color(theme.ColorNameForeground, v)
}

// write appends program output of kind; a line the program has not ended
// yet is continued by its next write.
func (c *consolePanel) write(kind lineKind, s string) {
	if s == "" {
		return
	}
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		last := i == len(parts)-1
		if last && p == "" {
			break // s ended with a newline
		}
		if n := len(c.lines); i == 0 && n > 0 && c.lines[n-1].open && c.lines[n-1].kind == kind {
			c.lines[n-1].text += expandTabs(p)
			c.lines[n-1].open = last
			continue
		}
		c.lines = append(c.lines, consoleLine{kind: kind, text: expandTabs(p), open: last})
	}
	c.trim()
	c.list.Refresh()
	c.list.ScrollToBottom()
}

// add appends a whole line of Studio's own.
func (c *consolePanel) add(kind lineKind, s string) {
	for _, p := range strings.Split(s, "\n") {
		c.lines = append(c.lines, consoleLine{kind: kind, text: expandTabs(p)})
	}
	c.trim()
	c.list.Refresh()
	c.list.ScrollToBottom()
}

// flush ends an open line (the program ended).
func (c *consolePanel) flush() {
	if n := len(c.lines); n > 0 {
		c.lines[n-1].open = false
	}
}

func (c *consolePanel) trim() {
	if len(c.lines) > maxConsoleLines {
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
// keys (F5, F10, ...) on, so that stepping works while it has focus.
type consoleInput struct {
	widget.Entry
	w *Window
}

func newConsoleInput(w *Window) *consoleInput {
	e := &consoleInput{w: w}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Evaluate in the paused frame or the running program")
	return e
}

func (e *consoleInput) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyF5, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11:
		e.w.typedKey(k)
		return
	}
	e.Entry.TypedKey(k)
}
