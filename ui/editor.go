package ui

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/alecthomas/chroma/v2"
)

// tabWidth is how many columns a tab takes on screen.
const tabWidth = 4

// maxUndo bounds the undo history per file, and undoLines the lines its
// states hold together: each state is a copy of the line list (the
// strings are shared), so a 10,000-line file keeps 100 steps, about 16 MB
// of line headers, where a short one keeps 500.
const (
	maxUndo   = 500
	undoLines = 1_000_000
	minUndo   = 20 // kept whatever the file's length
)

// syncHighlightLines is the longest file coloured on the UI goroutine at
// each edit; chroma takes about 60 ms per 1000 lines of JavaScript, so
// longer files are coloured on another goroutine while the edited lines
// keep their old colours for a moment.
const syncHighlightLines = 1500

// textPos is a position in the text: 0-based line, rune column.
type textPos struct{ line, col int }

func (a textPos) before(b textPos) bool {
	return a.line < b.line || a.line == b.line && a.col < b.col
}

// editState is what undo restores.
type editState struct {
	lines       []string
	cursor      textPos
	version     int
	breakpoints []int // sorted lines
}

// editor is a code editor for one file: chroma colouring, line numbers, a
// breakpoint gutter, the paused line, selection, clipboard, undo. It draws
// only the lines in view, so a file of any length scrolls. It knows
// nothing of the program: a click in the gutter calls onGutter, and the
// window decides what a breakpoint is.
type editor struct {
	widget.BaseWidget

	path  string
	lines []string
	// cursor is where typing goes; anchor is the other end of the
	// selection when selecting.
	cursor, anchor textPos
	selecting      bool
	shift          bool
	focused        bool

	// version changes with every edit; the file is dirty when it differs
	// from the version last saved (undo can make it clean again).
	version, saved, nextVersion int
	undo, redo                  []editState
	lastEdit                    string // "type", "delete", ...: typing groups into one undo step

	breakpoints map[int]bool // 0-based lines
	pausedLine  int          // 0-based; -1 when not paused here

	lexer        chroma.Lexer
	spans        [][]span
	spansDark    bool
	stale        bool // spans need recomputing
	highlighting bool // a goroutine is colouring the text
	// do runs f on the UI goroutine (fyne.Do; the window's Options.Do).
	do func(func())

	scroll *container.Scroll
	view   fyne.CanvasObject
	// bars holds the find or go-to-line bar over the text (find.go);
	// matches are the find bar's, current the selected one (-1: none).
	bars    *fyne.Container
	find    *findBar
	matches []textMatch
	current int

	// fontSize is the text's size in points; 0 is the theme's.
	fontSize float32
	// backupTimer writes the unsaved text's backup (backup.go).
	backupTimer *time.Timer

	// bpDisabled says whether the breakpoint on a 0-based line is
	// disabled: its mark is drawn hollow and grey (nil: none is).
	bpDisabled func(line int) bool
	// onGutter is called with a 0-based line when its gutter is clicked
	// or F9 is pressed on it.
	onGutter func(line int)
	// onGutterMenu is called with a 0-based line and the pointer's
	// position when its gutter is right-clicked.
	onGutterMenu func(line int, at fyne.Position)
	// onChange is called after every edit and save (dirty may change).
	onChange func()
	// onBreakpointsMoved says which breakpoints an edit moved (old line
	// to new line, 0-based), so that they stay on their statements.
	onBreakpointsMoved func(moves map[int]int)
	// onKey gets the keys the editor does not use (F5, F10, ...), and
	// onShortcut the shortcuts, so that the window's keys work while
	// typing.
	onKey      func(*fyne.KeyEvent)
	onShortcut func(fyne.Shortcut)
}

// newEditor makes an editor for path with its text.
func newEditor(path, text string) *editor {
	e := &editor{path: path, breakpoints: map[int]bool{}, pausedLine: -1, lexer: lexerFor(path), stale: true, do: fyne.Do}
	e.lines = splitLines(text)
	e.ExtendBaseWidget(e)
	e.scroll = container.NewScroll(e)
	e.scroll.OnScrolled = func(fyne.Position) { e.Refresh() }
	e.bars = container.NewStack()
	e.bars.Hide()
	e.current = -1
	e.view = container.NewBorder(e.bars, nil, nil, nil, e.scroll)
	return e
}

// openEditor reads path into a new editor.
func openEditor(path string) (*editor, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("opening %q: %w", path, err)
	}
	return newEditor(path, string(b)), nil
}

func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Split(text, "\n")
}

// Text is the whole text.
func (e *editor) Text() string { return strings.Join(e.lines, "\n") }

// Dirty says whether the text differs from the file as last saved.
func (e *editor) Dirty() bool { return e.version != e.saved }

// Save writes the text to the file atomically: a temporary file in the
// same folder, synced, then renamed over the original, so that a crash
// leaves either the old file or the new one, never half of one.
func (e *editor) Save() error {
	if err := writeAtomic(e.path, []byte(e.Text())); err != nil {
		return err
	}
	e.saved = e.version
	e.changed()
	return nil
}

// writeAtomic replaces path with data through a temporary file and a rename.
func writeAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("saving %q: %w", path, err)
	}
	fail := func(err error) error {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("saving %q: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("saving %q: %w", path, err)
	}
	return nil
}

// SetBreakpoint shows or hides a breakpoint mark on a 0-based line.
func (e *editor) SetBreakpoint(line int, on bool) {
	if on {
		e.breakpoints[line] = true
	} else {
		delete(e.breakpoints, line)
	}
	e.Refresh()
}

// SetPausedLine highlights the 0-based line the program is paused at and
// scrolls to it; -1 clears it.
func (e *editor) SetPausedLine(line int) {
	e.pausedLine = line
	if line >= 0 {
		e.ScrollTo(line)
	}
	e.Refresh()
}

// ScrollTo brings a 0-based line into view, a third down the view.
func (e *editor) ScrollTo(line int) {
	lh := e.lineHeight()
	y := float32(line) * lh
	h := e.scroll.Size().Height
	if y >= e.scroll.Offset.Y && y+lh <= e.scroll.Offset.Y+h {
		return
	}
	e.scroll.Offset.Y = float32(math.Max(0, float64(y-h/3)))
	e.scroll.Refresh()
}

// MoveCursor puts the cursor at a 0-based line, column 0.
func (e *editor) MoveCursor(line int) {
	e.cursor = e.clamp(textPos{line: line})
	e.selecting = false
	e.ScrollTo(e.cursor.line)
	e.Refresh()
}

// Metrics.

func (e *editor) textSize() float32 {
	if e.fontSize > 0 {
		return e.fontSize
	}
	return theme.TextSize()
}

// SetFontSize sets the text's size in points (0: the theme's).
func (e *editor) SetFontSize(size float32) {
	e.fontSize = size
	e.Refresh()
	e.scroll.Refresh()
}

func (e *editor) charWidth() float32 {
	return fyne.MeasureText("M", e.textSize(), fyne.TextStyle{Monospace: true}).Width
}

func (e *editor) lineHeight() float32 {
	return fyne.MeasureText("M", e.textSize(), fyne.TextStyle{Monospace: true}).Height + 2
}

// gutterWidth holds the breakpoint dot and the widest line number.
func (e *editor) gutterWidth() float32 {
	digits := len(strconv.Itoa(len(e.lines)))
	return e.lineHeight() + float32(digits+2)*e.charWidth()
}

// visualCol is the screen column of rune col in line (tabs expanded).
func visualCol(line string, col int) int {
	v, i := 0, 0
	for _, r := range line {
		if i >= col {
			break
		}
		i++
		if r == '\t' {
			v += tabWidth - v%tabWidth
		} else {
			v++
		}
	}
	return v
}

// runeCol is the rune column at screen column v of line.
func runeCol(line string, v int) int {
	cur := 0
	for i, r := range []rune(line) {
		w := 1
		if r == '\t' {
			w = tabWidth - cur%tabWidth
		}
		if v < cur+(w+1)/2 {
			return i
		}
		cur += w
	}
	return len([]rune(line))
}

func (e *editor) posAt(p fyne.Position) textPos {
	line := int(p.Y / e.lineHeight())
	line = max(0, min(line, len(e.lines)-1))
	v := int(math.Round(float64((p.X - e.gutterWidth() - theme.Padding()) / e.charWidth())))
	return textPos{line: line, col: runeCol(e.lines[line], max(v, 0))}
}

// Editing.

func (e *editor) clamp(p textPos) textPos {
	p.line = max(0, min(p.line, len(e.lines)-1))
	p.col = max(0, min(p.col, len([]rune(e.lines[p.line]))))
	return p
}

// selection returns the ordered selection, if any.
func (e *editor) selection() (from, to textPos, ok bool) {
	if !e.selecting || e.anchor == e.cursor {
		return e.cursor, e.cursor, false
	}
	if e.anchor.before(e.cursor) {
		return e.anchor, e.cursor, true
	}
	return e.cursor, e.anchor, true
}

// SelectedText is the selected text, or "".
func (e *editor) SelectedText() string {
	from, to, ok := e.selection()
	if !ok {
		return ""
	}
	return e.textRange(from, to)
}

func (e *editor) textRange(from, to textPos) string {
	if from.line == to.line {
		return string([]rune(e.lines[from.line])[from.col:to.col])
	}
	var b strings.Builder
	b.WriteString(string([]rune(e.lines[from.line])[from.col:]))
	for l := from.line + 1; l < to.line; l++ {
		b.WriteByte('\n')
		b.WriteString(e.lines[l])
	}
	b.WriteByte('\n')
	b.WriteString(string([]rune(e.lines[to.line])[:to.col]))
	return b.String()
}

// pushUndo records the state before an edit of kind; consecutive edits of
// the same kind (typing a word) undo together.
func (e *editor) pushUndo(kind string) {
	if kind != "" && kind == e.lastEdit {
		return
	}
	e.lastEdit = kind
	e.undo = append(e.undo, e.state())
	if len(e.undo) > maxUndo {
		e.undo = e.undo[len(e.undo)-maxUndo:]
	}
	if keep := max(minUndo, undoLines/max(1, len(e.lines))); len(e.undo) > keep {
		e.undo = slices.Clone(e.undo[len(e.undo)-keep:]) // the dropped states' lines are freed
	}
	e.redo = nil
}

// replace puts text in place of [from, to) and leaves the cursor after it.
func (e *editor) replace(from, to textPos, text string) {
	head := string([]rune(e.lines[from.line])[:from.col])
	tail := string([]rune(e.lines[to.line])[to.col:])
	ins := strings.Split(text, "\n")
	newLines := make([]string, 0, len(ins))
	for i, s := range ins {
		if i == 0 {
			s = head + s
		}
		if i == len(ins)-1 {
			e.cursor = textPos{line: from.line + i, col: len([]rune(s))}
			s += tail
		}
		newLines = append(newLines, s)
	}
	if len(newLines) == 1 && from.line == to.line {
		// Typing within a line, the common case: no copy of a long
		// file's lines. (Undo keeps copies of its own.)
		e.lines[from.line] = newLines[0]
		e.colourLines(from.line, 1)
		e.edited()
		return
	}
	if len(e.spans) == len(e.lines) {
		// Colours stay with their lines until the text is coloured again.
		spans := make([][]span, 0, len(e.spans)-(to.line-from.line)+len(newLines)-1)
		spans = append(spans, e.spans[:from.line+1]...)
		spans = append(spans, make([][]span, len(newLines)-1)...)
		e.spans = append(spans, e.spans[to.line+1:]...)
	}
	e.shiftBreakpoints(from, to, len(newLines)-1, text)
	e.lines = append(e.lines[:from.line], append(newLines, e.lines[to.line+1:]...)...)
	e.colourLines(from.line, len(newLines))
	e.edited()
}

// maxLineColour is the most edited lines coloured at once, on their own.
const maxLineColour = 50

// colourLines colours n edited lines from line on their own, in a file
// long enough to be coloured on another goroutine, so that what is typed
// shows in colour at once; the whole text's colours, which know of
// comments and strings over many lines, replace them when they come.
func (e *editor) colourLines(line, n int) {
	if len(e.lines) <= syncHighlightLines || e.lexer == nil || len(e.spans) != len(e.lines) || n > maxLineColour {
		return
	}
	spans := highlight(e.lexer, styleFor(e.spansDark), e.lines[line:line+n])
	copy(e.spans[line:], spans)
}

// edited marks the text changed.
func (e *editor) edited() {
	e.selecting = false
	e.nextVersion++
	e.version = e.nextVersion
	e.stale = true
	e.changed()
}

// shiftBreakpoints keeps breakpoints on their lines' text when [from, to)
// is replaced by text of added+1 lines: lines after the edit move by the
// change in line count, removed lines' breakpoints go to the edit's line,
// and a line pushed down by a newline typed at its start takes its
// breakpoint along.
func (e *editor) shiftBreakpoints(from, to textPos, added int, text string) {
	delta := added - (to.line - from.line)
	moves := map[int]int{}
	for l := range e.breakpoints {
		switch {
		case l > to.line:
			moves[l] = l + delta
		case l > from.line:
			moves[l] = from.line
		case l == from.line && from.col == 0 && to.line == from.line && strings.HasSuffix(text, "\n"):
			moves[l] = l + added
		}
	}
	e.moveBreakpoints(moves)
}

func (e *editor) moveBreakpoints(moves map[int]int) {
	for l, nl := range moves {
		if nl == l {
			delete(moves, l)
		}
	}
	if len(moves) == 0 {
		return
	}
	for l := range moves {
		delete(e.breakpoints, l)
	}
	for _, nl := range moves {
		e.breakpoints[nl] = true
	}
	if e.onBreakpointsMoved != nil {
		e.onBreakpointsMoved(moves)
	}
}

// insert types text at the cursor, over the selection.
func (e *editor) insert(text, kind string) {
	e.pushUndo(kind)
	from, to, _ := e.selection()
	e.replace(from, to, text)
	e.cursorMoved()
}

func (e *editor) deleteSelection() bool {
	from, to, ok := e.selection()
	if !ok {
		return false
	}
	e.pushUndo("")
	e.replace(from, to, "")
	return true
}

func (e *editor) changed() {
	e.updateMatches(false)
	e.Refresh()
	if e.onChange != nil {
		e.onChange()
	}
}

// cursorMoved scrolls the cursor into view.
func (e *editor) cursorMoved() {
	lh := e.lineHeight()
	y := float32(e.cursor.line) * lh
	h := e.scroll.Size().Height
	switch {
	case y < e.scroll.Offset.Y:
		e.scroll.Offset.Y = y
		e.scroll.Refresh()
	case h > lh && y+lh > e.scroll.Offset.Y+h:
		e.scroll.Offset.Y = y + lh - h
		e.scroll.Refresh()
	}
	e.Refresh()
}

// Undo restores the state before the last edit.
func (e *editor) Undo() {
	if len(e.undo) == 0 {
		return
	}
	st := e.undo[len(e.undo)-1]
	e.undo = e.undo[:len(e.undo)-1]
	e.redo = append(e.redo, e.state())
	e.restore(st)
}

// state is the text, cursor and breakpoints now, for undo.
func (e *editor) state() editState {
	bps := make([]int, 0, len(e.breakpoints))
	for l := range e.breakpoints {
		bps = append(bps, l)
	}
	slices.Sort(bps)
	return editState{lines: append([]string(nil), e.lines...), cursor: e.cursor, version: e.version, breakpoints: bps}
}

// Redo reapplies an undone edit.
func (e *editor) Redo() {
	if len(e.redo) == 0 {
		return
	}
	st := e.redo[len(e.redo)-1]
	e.redo = e.redo[:len(e.redo)-1]
	e.undo = append(e.undo, e.state())
	e.restore(st)
}

func (e *editor) restore(st editState) {
	// Breakpoints go back to where they were, when undo did not merge any.
	now := e.state().breakpoints
	if len(now) == len(st.breakpoints) {
		moves := map[int]int{}
		for i, l := range now {
			if l != st.breakpoints[i] {
				moves[l] = st.breakpoints[i]
			}
		}
		e.moveBreakpoints(moves)
	}
	e.lines, e.cursor, e.version = st.lines, e.clamp(st.cursor), st.version
	e.selecting, e.lastEdit, e.stale = false, "", true
	e.cursorMoved()
	e.changed()
}

// fyne.Focusable, desktop.Keyable, fyne.Shortcutable.

func (e *editor) FocusGained() { e.focused = true; e.Refresh() }
func (e *editor) FocusLost()   { e.focused = false; e.Refresh() }

func (e *editor) TypedRune(r rune) {
	kind := "type"
	if unicode.IsSpace(r) {
		kind = "space"
	}
	e.insert(string(r), kind)
}

func (e *editor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
}

func (e *editor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
}

// move puts the cursor at p, extending the selection while shift is held.
func (e *editor) move(p textPos) {
	if e.shift {
		if !e.selecting {
			e.selecting, e.anchor = true, e.cursor
		}
	} else {
		e.selecting = false
	}
	e.cursor = e.clamp(p)
	e.lastEdit = ""
	e.cursorMoved()
}

func (e *editor) pageLines() int {
	return max(1, int(e.scroll.Size().Height/e.lineHeight())-1)
}

func (e *editor) TypedKey(k *fyne.KeyEvent) {
	c := e.cursor
	lineLen := len([]rune(e.lines[c.line]))
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		indent := e.lines[c.line][:len(e.lines[c.line])-len(strings.TrimLeft(e.lines[c.line], " \t"))]
		e.insert("\n"+indent, "")
	case fyne.KeyTab:
		e.insert("  ", "space")
	case fyne.KeyBackspace:
		if e.deleteSelection() {
			return
		}
		e.pushUndo("delete")
		switch {
		case c.col > 0:
			e.replace(textPos{c.line, c.col - 1}, c, "")
		case c.line > 0:
			e.replace(textPos{c.line - 1, len([]rune(e.lines[c.line-1]))}, c, "")
		}
		e.cursorMoved()
	case fyne.KeyDelete:
		if e.deleteSelection() {
			return
		}
		e.pushUndo("delete-forward")
		switch {
		case c.col < lineLen:
			e.replace(c, textPos{c.line, c.col + 1}, "")
			e.cursor = c
		case c.line < len(e.lines)-1:
			e.replace(c, textPos{c.line + 1, 0}, "")
			e.cursor = c
		}
		e.cursorMoved()
	case fyne.KeyLeft:
		if c.col > 0 {
			e.move(textPos{c.line, c.col - 1})
		} else if c.line > 0 {
			e.move(textPos{c.line - 1, len([]rune(e.lines[c.line-1]))})
		}
	case fyne.KeyRight:
		if c.col < lineLen {
			e.move(textPos{c.line, c.col + 1})
		} else if c.line < len(e.lines)-1 {
			e.move(textPos{c.line + 1, 0})
		}
	case fyne.KeyUp:
		e.move(textPos{c.line - 1, c.col})
	case fyne.KeyDown:
		e.move(textPos{c.line + 1, c.col})
	case fyne.KeyPageUp:
		e.move(textPos{c.line - e.pageLines(), c.col})
	case fyne.KeyPageDown:
		e.move(textPos{c.line + e.pageLines(), c.col})
	case fyne.KeyHome:
		e.move(textPos{c.line, 0})
	case fyne.KeyEnd:
		e.move(textPos{c.line, lineLen})
	case fyne.KeyF9:
		if e.onGutter != nil {
			e.onGutter(c.line)
		}
	case fyne.KeyF3:
		if !e.finding() {
			e.ShowFind()
		} else if e.shift {
			e.FindPrevious()
		} else {
			e.FindNext()
		}
	case fyne.KeyEscape:
		if e.bars.Visible() {
			e.HideBars()
		} else if e.onKey != nil {
			e.onKey(k)
		}
	default:
		if e.onKey != nil {
			e.onKey(k)
		}
	}
}

func (e *editor) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		if t := e.SelectedText(); t != "" {
			s.Clipboard.SetContent(t)
		}
	case *fyne.ShortcutCut:
		if t := e.SelectedText(); t != "" {
			s.Clipboard.SetContent(t)
			e.deleteSelection()
			e.cursorMoved()
		}
	case *fyne.ShortcutPaste:
		if t := s.Clipboard.Content(); t != "" {
			e.insert(strings.ReplaceAll(t, "\r\n", "\n"), "")
		}
	case *fyne.ShortcutSelectAll:
		e.anchor, e.selecting = textPos{}, true
		last := len(e.lines) - 1
		e.cursor = textPos{last, len([]rune(e.lines[last]))}
		e.Refresh()
	case *fyne.ShortcutUndo:
		e.Undo()
	case *fyne.ShortcutRedo:
		e.Redo()
	case *desktop.CustomShortcut:
		switch {
		case s.Modifier == fyne.KeyModifierShortcutDefault && s.KeyName == fyne.KeyF:
			e.ShowFind()
		case s.Modifier == fyne.KeyModifierShortcutDefault && s.KeyName == fyne.KeyH:
			e.ShowReplace()
		case s.Modifier == fyne.KeyModifierShortcutDefault && s.KeyName == fyne.KeyG:
			e.ShowGoToLine()
		case e.onShortcut != nil:
			e.onShortcut(s)
		}
	default:
		if e.onShortcut != nil {
			e.onShortcut(s)
		}
	}
}

// Mouse.

func (e *editor) Tapped(ev *fyne.PointEvent) {
	p := e.posAt(ev.Position)
	if ev.Position.X < e.gutterWidth() {
		if e.onGutter != nil {
			e.onGutter(p.line)
		}
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
	e.selecting = false
	e.cursor = p
	e.lastEdit = ""
	e.Refresh()
}

func (e *editor) Dragged(ev *fyne.DragEvent) {
	if !e.selecting {
		e.selecting = true
		e.anchor = e.posAt(ev.Position.Subtract(ev.Dragged))
	}
	e.cursor = e.posAt(ev.Position)
	e.cursorMoved()
}

func (e *editor) DragEnd() {}

// Cursor makes the pointer an I-beam over the text.
func (e *editor) Cursor() desktop.Cursor { return desktop.TextCursor }

// Rendering.

func (e *editor) MinSize() fyne.Size {
	longest := 0
	for _, l := range e.lines {
		if len(l) > longest { // bytes: an upper bound, cheap for 10k lines
			longest = len(l)
		}
	}
	return fyne.NewSize(e.gutterWidth()+float32(longest+2)*e.charWidth(), float32(len(e.lines))*e.lineHeight())
}

func (e *editor) CreateRenderer() fyne.WidgetRenderer {
	return &editorRenderer{e: e}
}

// breakpointColour fills an enabled breakpoint's mark.
var breakpointColour = color.NRGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0xff}

type editorRenderer struct {
	e       *editor
	objects []fyne.CanvasObject
	texts   []*canvas.Text // reused between frames
	rects   []*canvas.Rectangle
	circles []*canvas.Circle
}

func (r *editorRenderer) Destroy()                     {}
func (r *editorRenderer) MinSize() fyne.Size           { return r.e.MinSize() }
func (r *editorRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *editorRenderer) Layout(fyne.Size)             { r.Refresh() }

func (r *editorRenderer) Refresh() {
	e := r.e
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	dark := isDark(th.Color(theme.ColorNameBackground, v))
	if e.stale || dark != e.spansDark {
		e.colour(dark)
	}
	lh, cw, ts := e.lineHeight(), e.charWidth(), e.textSize()
	gw := e.gutterWidth()
	pad := theme.Padding()
	top := e.scroll.Offset.Y
	height := e.scroll.Size().Height
	if height <= 0 {
		height = e.Size().Height
	}
	first := max(0, int(top/lh))
	last := min(len(e.lines)-1, int((top+height)/lh)+1)
	width := max(e.Size().Width, e.scroll.Size().Width)

	var objs []fyne.CanvasObject
	nt, nr, nc := 0, 0, 0
	text := func(s string, c color.Color, bold bool, x, y float32) {
		if nt == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", nil))
		}
		t := r.texts[nt]
		nt++
		t.Text, t.Color, t.TextSize = s, c, ts
		t.TextStyle = fyne.TextStyle{Monospace: true, Bold: bold}
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(float32(len([]rune(s)))*cw, lh))
		t.Refresh()
		objs = append(objs, t)
	}
	rect := func(c color.Color, x, y, w, h float32) {
		if nr == len(r.rects) {
			r.rects = append(r.rects, canvas.NewRectangle(nil))
		}
		b := r.rects[nr]
		nr++
		b.FillColor = c
		b.Move(fyne.NewPos(x, y))
		b.Resize(fyne.NewSize(w, h))
		b.Refresh()
		objs = append(objs, b)
	}
	fg := th.Color(theme.ColorNameForeground, v)
	dim := th.Color(theme.ColorNamePlaceHolder, v)
	// The gutter's background, then per-line highlights.
	rect(th.Color(theme.ColorNameInputBackground, v), 0, top, gw, height)
	if e.focused && e.cursor.line >= first && e.cursor.line <= last {
		rect(th.Color(theme.ColorNameHover, v), gw, float32(e.cursor.line)*lh, width-gw, lh)
	}
	if e.pausedLine >= first && e.pausedLine <= last {
		rect(color.NRGBA{R: 0xe8, G: 0xc0, B: 0x20, A: 0x60}, 0, float32(e.pausedLine)*lh, width, lh)
	}
	if from, to, ok := e.selection(); ok {
		sel := th.Color(theme.ColorNameSelection, v)
		for l := max(from.line, first); l <= min(to.line, last); l++ {
			x0 := 0
			if l == from.line {
				x0 = visualCol(e.lines[l], from.col)
			}
			x1 := visualCol(e.lines[l], len([]rune(e.lines[l]))) + 1
			if l == to.line {
				x1 = visualCol(e.lines[l], to.col)
			}
			rect(sel, gw+pad+float32(x0)*cw, float32(l)*lh, float32(x1-x0)*cw, lh)
		}
	}
	for _, m := range e.visibleMatches(first, last) {
		if m.line >= len(e.lines) {
			continue // found in the text before an undo; found again at changed
		}
		c := matchColour
		if e.current >= 0 && m == e.matches[e.current] {
			c = currentMatchColour
		}
		x0, x1 := visualCol(e.lines[m.line], m.col), visualCol(e.lines[m.line], m.col+m.n)
		rect(c, gw+pad+float32(x0)*cw, float32(m.line)*lh, float32(x1-x0)*cw, lh)
	}
	for l := first; l <= last; l++ {
		y := float32(l) * lh
		if e.breakpoints[l] {
			if nc == len(r.circles) {
				r.circles = append(r.circles, canvas.NewCircle(nil))
			}
			c := r.circles[nc]
			nc++
			// A disabled breakpoint is a grey ring, as in VS Code.
			if e.bpDisabled != nil && e.bpDisabled(l) {
				c.FillColor, c.StrokeColor, c.StrokeWidth = color.Transparent, dim, 1.5
			} else {
				c.FillColor, c.StrokeColor, c.StrokeWidth = breakpointColour, nil, 0
			}
			d := lh - 6
			c.Move(fyne.NewPos(3, y+3))
			c.Resize(fyne.NewSize(d, d))
			c.Refresh()
			objs = append(objs, c)
		}
		num := strconv.Itoa(l + 1)
		numColour := dim
		if l == e.cursor.line || l == e.pausedLine {
			numColour = fg
		}
		text(num, numColour, false, gw-float32(len(num)+1)*cw, y)
		r.line(l, y, gw+pad, fg, text)
	}
	if e.focused {
		x := gw + pad + float32(visualCol(e.lines[e.cursor.line], e.cursor.col))*cw
		rect(th.Color(theme.ColorNamePrimary, v), x, float32(e.cursor.line)*lh, 2, lh)
	}
	r.objects = objs
}

// colour recomputes the colours: at once for a short file, else on a
// goroutine of its own, whose result is kept if the text has not changed
// meanwhile (else it colours again).
func (e *editor) colour(dark bool) {
	if len(e.lines) <= syncHighlightLines {
		e.spans = highlight(e.lexer, styleFor(dark), e.lines)
		e.spansDark, e.stale = dark, false
		return
	}
	if e.highlighting {
		return
	}
	e.highlighting = true
	lines, version, lexer := append([]string(nil), e.lines...), e.version, e.lexer
	go func() {
		spans := highlight(lexer, styleFor(dark), lines)
		e.do(func() {
			e.highlighting = false
			if e.version == version && len(e.lines) == len(spans) {
				e.spans, e.spansDark, e.stale = spans, dark, false
			}
			e.Refresh()
		})
	}()
}

// line draws one line's coloured runs, tabs expanded.
func (r *editorRenderer) line(l int, y, x0 float32, fg color.Color, text func(string, color.Color, bool, float32, float32)) {
	e := r.e
	src := []rune(e.lines[l])
	if len(src) == 0 {
		return
	}
	cw := e.charWidth()
	var spans []span
	if l < len(e.spans) {
		spans = e.spans[l]
	}
	// Runs between spans are plain foreground.
	emit := func(from, to int, c color.Color, bold bool) {
		if from >= to {
			return
		}
		s := string(src[from:to])
		if strings.ContainsRune(s, '\t') {
			// Expand tabs at their screen columns.
			var b strings.Builder
			vc := visualCol(e.lines[l], from)
			for _, ch := range s {
				if ch == '\t' {
					n := tabWidth - vc%tabWidth
					b.WriteString(strings.Repeat(" ", n))
					vc += n
				} else {
					b.WriteRune(ch)
					vc++
				}
			}
			s = b.String()
		}
		if strings.TrimSpace(s) == "" {
			return
		}
		text(s, c, bold, x0+float32(visualCol(e.lines[l], from))*cw, y)
	}
	at := 0
	for _, sp := range spans {
		if sp.start > len(src) {
			break
		}
		end := min(sp.end, len(src))
		emit(at, sp.start, fg, false)
		emit(sp.start, end, sp.colour, sp.bold)
		at = end
	}
	emit(at, len(src), fg, false)
}
