package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// showEditor puts an editor for a new file with text in a test window.
// What the editor hands to the UI goroutine (the colours of a long file)
// waits in queue, for the test to run.
func showEditor(t *testing.T, name, text string) (e *editor, path string, queue chan func()) {
	t.Helper()
	test.NewTempApp(t)
	path = filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := openEditor(path)
	if err != nil {
		t.Fatal(err)
	}
	queue = make(chan func(), 16)
	e.do = func(f func()) { queue <- f }
	w := test.NewTempWindow(t, e.view)
	w.Resize(fyne.NewSize(700, 400))
	return e, path, queue
}

func key(e *editor, names ...fyne.KeyName) {
	for _, n := range names {
		e.TypedKey(&fyne.KeyEvent{Name: n})
	}
}

// shownTexts is what the editor draws: its visible text objects.
func shownTexts(e *editor) []string {
	var out []string
	for _, o := range test.WidgetRenderer(e).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestEditorTyping(t *testing.T) {
	e, path, _ := showEditor(t, "a.js", "let a = 1;\n  foo();\n")
	e.FocusGained()
	cases := []struct {
		name string
		do   func()
		want string
	}{
		{"type at the start", func() { test.Type(e, "x") }, "xlet a = 1;\n  foo();\n"},
		{"return keeps the indent", func() {
			key(e, fyne.KeyDown, fyne.KeyEnd, fyne.KeyReturn)
			test.Type(e, "b")
		}, "xlet a = 1;\n  foo();\n  b\n"},
		{"backspace joins lines", func() { key(e, fyne.KeyHome, fyne.KeyBackspace) }, "xlet a = 1;\n  foo();  b\n"},
		{"delete forward", func() { key(e, fyne.KeyDelete) }, "xlet a = 1;\n  foo(); b\n"},
		{"up and type", func() { key(e, fyne.KeyUp, fyne.KeyHome); test.Type(e, "//") }, "//xlet a = 1;\n  foo(); b\n"},
	}
	for _, c := range cases {
		c.do()
		if got := e.Text(); got != c.want {
			t.Fatalf("%s: text %q, want %q", c.name, got, c.want)
		}
	}
	if !e.Dirty() {
		t.Error("edited but not dirty")
	}

	// Selection with shift, copy and paste through the clipboard.
	key(e, fyne.KeyHome)
	e.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
	key(e, fyne.KeyRight, fyne.KeyRight)
	e.KeyUp(&fyne.KeyEvent{Name: "LeftShift"})
	if got := e.SelectedText(); got != "//" {
		t.Errorf("selected %q, want //", got)
	}
	clip := fyne.CurrentApp().Clipboard()
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	key(e, fyne.KeyDown, fyne.KeyHome)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if got, want := e.Text(), "xlet a = 1;\n//  foo(); b\n"; got != want {
		t.Errorf("after cut and paste: %q, want %q", got, want)
	}

	// Saving writes the text, leaves no temporary file, keeps the mode.
	if err := e.Save(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != e.Text() {
		t.Errorf("file after save: %q (%v), want %q", b, err, e.Text())
	}
	if e.Dirty() {
		t.Error("dirty after saving")
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	if len(ents) != 1 {
		t.Errorf("folder after saving: %d entries, want the file alone", len(ents))
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after saving %v, want 0600", fi.Mode().Perm())
	}

	// Undo goes back past the save (dirty again), redo returns to it (clean).
	e.Undo()
	if !e.Dirty() || e.Text() == string(b) {
		t.Errorf("undo after save: dirty %v, text %q", e.Dirty(), e.Text())
	}
	e.Redo()
	if e.Dirty() || e.Text() != string(b) {
		t.Errorf("redo to the saved text: dirty %v, text %q", e.Dirty(), e.Text())
	}
	// Undo all the way is the original text.
	for range 50 {
		e.Undo()
	}
	if got := e.Text(); got != "let a = 1;\n  foo();\n" {
		t.Errorf("everything undone: %q", got)
	}
}

func TestEditorColoursAndGutter(t *testing.T) {
	e, _, _ := showEditor(t, "a.js", "// note\nconst s = 'str';\n")
	var toggled []int
	e.onGutter = func(line int) { toggled = append(toggled, line) }
	// A tap in the gutter on the second line, then F9 on the cursor's line.
	test.TapAt(e, fyne.NewPos(5, e.lineHeight()*1.5))
	key(e, fyne.KeyF9)
	if fmt.Sprint(toggled) != "[1 0]" {
		t.Errorf("gutter toggles %v, want [1 0]", toggled)
	}
	e.SetBreakpoint(1, true)
	e.Refresh()
	objs := test.TempWidgetRenderer(t, e).Objects()
	var circles int
	colours := map[string]string{}
	for _, o := range objs {
		switch o := o.(type) {
		case *canvas.Circle:
			circles++
		case *canvas.Text:
			colours[o.Text] = fmt.Sprint(o.Color)
		}
	}
	if circles != 1 {
		t.Errorf("%d breakpoint marks drawn, want 1", circles)
	}
	if colours["// note"] == colours["const"] || colours["'str'"] == colours["const"] || colours["'str'"] == "" {
		t.Errorf("comment, keyword and string share colours: %v", colours)
	}
	if colours["1"] == "" || colours["2"] == "" {
		t.Errorf("no line numbers drawn: %v", colours)
	}
}

// TestEditorLongFile: a file of 10,000 lines draws only what is in view,
// and scrolling (or jumping to a line) shows the lines there.
func TestEditorLongFile(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 10000; i++ {
		fmt.Fprintf(&b, "const v%d = %d;\n", i, i)
	}
	// A file this long is coloured on another goroutine, which hands the
	// colours over through do: coloured runs what it hands over.
	e, _, queue := showEditor(t, "long.js", b.String())
	coloured := func() {
		t.Helper()
		e.Refresh()
		for e.stale {
			select {
			case f := <-queue:
				f()
			case <-time.After(time.Minute):
				t.Fatal("the long file was never coloured")
			}
		}
	}
	coloured()
	texts := shownTexts(e)
	if len(texts) == 0 || len(texts) > 400 {
		t.Fatalf("%d text objects for a 400-pixel view", len(texts))
	}
	if !contains(texts, "v1") || contains(texts, "v9000") {
		t.Errorf("at the top: %v", texts[:10])
	}
	e.ScrollTo(8999)
	texts = shownTexts(e)
	if !contains(texts, "v9000") || contains(texts, "v1") || len(texts) > 400 {
		t.Errorf("scrolled to line 9000: %d objects, v9000 %v", len(texts), contains(texts, "v9000"))
	}
	last := len(e.lines) - 1 // the empty line after the last newline
	e.MoveCursor(last)
	e.FocusGained()
	test.Type(e, "x")
	if got := e.lines[last]; got != "x" || !contains(shownTexts(e), "v10000") {
		t.Errorf("typed on the last line: %q", got)
	}
	// Typing shows at once; the colours follow.
	colourOf := func(s string) string {
		for _, o := range test.WidgetRenderer(e).Objects() {
			if t, ok := o.(*canvas.Text); ok && t.Text == s {
				return fmt.Sprint(t.Color)
			}
		}
		return ""
	}
	before := colourOf("const")
	coloured()
	if colourOf("const") != before || before == colourOf("x") {
		t.Errorf("colours after typing: keyword %s then %s, plain %s", before, colourOf("const"), colourOf("x"))
	}
	key(e, fyne.KeyPageUp, fyne.KeyPageUp)
	if e.cursor.line >= last-1 || !contains(shownTexts(e), fmt.Sprintf("v%d", e.cursor.line+1)) {
		t.Errorf("page up: cursor on line %d not shown", e.cursor.line+1)
	}
}

func contains(texts []string, s string) bool {
	for _, t := range texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// TestEditorBreakpointsFollowEdits: breakpoints stay with their lines'
// text as lines are added and removed above them, and undo puts them back.
func TestEditorBreakpointsFollowEdits(t *testing.T) {
	e, _, _ := showEditor(t, "a.js", "a();\nb();\nc();\nd();\n")
	var moved []map[int]int
	e.onBreakpointsMoved = func(m map[int]int) { moved = append(moved, m) }
	e.SetBreakpoint(1, true) // b();
	e.SetBreakpoint(3, true) // d();
	marks := func() string {
		var ls []int
		for l := range e.breakpoints {
			ls = append(ls, l)
		}
		slices.Sort(ls)
		return fmt.Sprint(ls)
	}
	e.FocusGained()
	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"a newline at the start of b's line", func() { e.MoveCursor(1); key(e, fyne.KeyReturn) }, "[2 4]"},
		{"a line typed above everything", func() { e.MoveCursor(0); key(e, fyne.KeyEnd, fyne.KeyReturn); test.Type(e, "x") }, "[3 5]"},
		{"c's line removed", func() { e.MoveCursor(4); key(e, fyne.KeyBackspace) }, "[3 4]"},
		{"undone", func() { e.Undo() }, "[3 5]"},
	}
	for _, s := range steps {
		s.do()
		if got := marks(); got != s.want {
			t.Fatalf("%s: breakpoints on %s, want %s (text %q)", s.name, got, s.want, e.Text())
		}
	}
	if len(moved) != len(steps) {
		t.Errorf("%d move notices for %d moving edits: %v", len(moved), len(steps), moved)
	}
	if e.lines[3] != "b();" || e.lines[5] != "d();" {
		t.Errorf("breakpoint lines hold %q and %q", e.lines[3], e.lines[5])
	}
}

// TestEditorUndoBound: a long file's undo history is bounded by the lines
// its states hold, short files keep more steps, and what is kept undoes
// correctly.
func TestEditorUndoBound(t *testing.T) {
	for _, n := range []int{100, 10000} {
		// Plain text (no lexer for the name): colours are not what this tests.
		e, _, _ := showEditor(t, "undo.plain", strings.Repeat("x;\n", n))
		if e.lexer != nil {
			t.Fatalf("a lexer for %s", e.path)
		}
		e.MoveCursor(0)
		for range 600 {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // one undo step each
		}
		want := min(maxUndo, max(minUndo, undoLines/(n+600)))
		if len(e.undo) < want-1 || len(e.undo) > want+1 {
			t.Errorf("%d lines: %d undo steps kept, want about %d", n, len(e.undo), want)
		}
		steps := len(e.undo)
		for range steps {
			e.Undo()
		}
		if got := len(e.lines); got != n+1+600-steps {
			t.Errorf("%d lines: after %d undos the file has %d lines, want %d", n, steps, got, n+1+600-steps)
		}
	}
}

// TestEditorLongFileTypedColours: in a file coloured on another
// goroutine, a typed line shows its colours at once, before that
// goroutine's.
func TestEditorLongFileTypedColours(t *testing.T) {
	e, _, queue := showEditor(t, "long.js", strings.Repeat("let v = 1;\n", 3000))
	e.Refresh()
	for e.stale {
		(<-queue)()
	}
	e.MoveCursor(1500)
	e.FocusGained()
	e.highlighting = true // as if the colouring after the edit were under way
	key(e, fyne.KeyReturn, fyne.KeyUp)
	test.Type(e, "const s = 'str';")
	y := float32(1500) * e.lineHeight()
	colours := map[string]string{}
	for _, o := range test.WidgetRenderer(e).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Position().Y == y {
			colours[tx.Text] = fmt.Sprint(tx.Color)
		}
	}
	if colours["const"] == "" || colours["const"] == colours["'str'"] || colours["'str'"] == "" {
		t.Errorf("the typed line's colours: %v", colours)
	}
	e.highlighting = false
}

// TestEditorSelectionAndClipboard: a mouse drag selects across lines,
// copy leaves the text alone, typing replaces the selection, a
// multi-line paste (with CRLF) lands as lines, select all and cut empty
// the file, and undo brings each state back.
func TestEditorSelectionAndClipboard(t *testing.T) {
	e, _, _ := showEditor(t, "a.js", "first();\nsecond();\nthird();\n")
	e.FocusGained()
	clip := fyne.CurrentApp().Clipboard()
	gw, cw, lh := e.gutterWidth()+theme.Padding(), e.charWidth(), e.lineHeight()
	at := func(col, line int) fyne.Position {
		return fyne.NewPos(gw+float32(col)*cw, float32(line)*lh+lh/2)
	}
	// Drag from "first" col 5 to "second" col 6.
	from, to := at(5, 0), at(6, 1)
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	e.DragEnd()
	if got := e.SelectedText(); got != "();\nsecond" {
		t.Fatalf("dragged selection %q", got)
	}
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	if clip.Content() != "();\nsecond" || e.Text() != "first();\nsecond();\nthird();\n" {
		t.Errorf("copy: clipboard %q, text %q", clip.Content(), e.Text())
	}
	test.Type(e, "X")
	if got := e.Text(); got != "firstX();\nthird();\n" {
		t.Errorf("typing over the selection: %q", got)
	}
	clip.SetContent("a\r\nb")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if got := e.Text(); got != "firstXa\nb();\nthird();\n" || e.cursor != (textPos{1, 1}) {
		t.Errorf("multi-line paste: %q, cursor %v", got, e.cursor)
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	if e.Text() != "" || clip.Content() != "firstXa\nb();\nthird();\n" {
		t.Errorf("select all and cut: text %q, clipboard %q", e.Text(), clip.Content())
	}
	for _, want := range []string{"firstXa\nb();\nthird();\n", "firstX();\nthird();\n", "first();\nsecond();\nthird();\n"} {
		e.Undo()
		if got := e.Text(); got != want {
			t.Fatalf("undo: %q, want %q", got, want)
		}
	}
}
