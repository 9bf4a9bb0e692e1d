package ui

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestFindMatches(t *testing.T) {
	lines := []string{"Foo foo fOO", "\tbar foofoo", "", "ÄÖ äö", "é = a1 + a12; // a1"}
	cases := map[string]struct {
		opts findOptions
		want string
	}{
		"any case":              {findOptions{query: "foo"}, "[{0 0 3} {0 4 3} {0 8 3} {1 5 3} {1 8 3}]"},
		"match case":            {findOptions{query: "foo", matchCase: true}, "[{0 4 3} {1 5 3} {1 8 3}]"},
		"non-overlapping":       {findOptions{query: "oo"}, "[{0 1 2} {0 5 2} {0 9 2} {1 6 2} {1 9 2}]"},
		"runes, not bytes":      {findOptions{query: "äö"}, "[{3 0 2} {3 3 2}]"},
		"runes, case":           {findOptions{query: "äö", matchCase: true}, "[{3 3 2}]"},
		"nothing":               {findOptions{query: "baz"}, "[]"},
		"empty query":           {findOptions{}, "[]"},
		"whole word":            {findOptions{query: "foo", wholeWord: true}, "[{0 0 3} {0 4 3} {0 8 3}]"},
		"whole word, digits":    {findOptions{query: "a1", wholeWord: true}, "[{4 4 2} {4 17 2}]"},
		"regex":                 {findOptions{query: `a\d+`, regex: true}, "[{4 4 2} {4 9 3} {4 17 2}]"},
		"regex, rune columns":   {findOptions{query: `[äö]+`, regex: true, matchCase: true}, "[{3 3 2}]"},
		"regex, any case":       {findOptions{query: `F(o+)`, regex: true}, "[{0 0 3} {0 4 3} {0 8 3} {1 5 3} {1 8 3}]"},
		"regex, match case":     {findOptions{query: `F(o+)`, regex: true, matchCase: true}, "[{0 0 3}]"},
		"regex, whole word":     {findOptions{query: `a1\d*`, regex: true, wholeWord: true}, "[{4 4 2} {4 9 3} {4 17 2}]"},
		"regex, empty matches":  {findOptions{query: `^`, regex: true}, "[{0 0 0} {1 0 0} {2 0 0} {3 0 0} {4 0 0}]"},
		"regex special as text": {findOptions{query: "a1 +"}, "[{4 4 4}]"},
	}
	for name, c := range cases {
		m, err := findMatches(lines, c.opts)
		if got := fmt.Sprint(m); err != nil || got != c.want {
			t.Errorf("%s: %s (%v), want %s", name, got, err, c.want)
		}
	}
	for _, bad := range []string{"(a", "a[", "*x", `\p{Nope}`} {
		m, err := findMatches(lines, findOptions{query: bad, regex: true})
		if !errors.Is(err, ErrBadPattern) || m != nil || !strings.Contains(err.Error(), "invalid regular expression") {
			t.Errorf("%q: %v, %v", bad, m, err)
		}
	}
}

// matchRects counts the match highlights the editor draws, and the
// current one's.
func matchRects(e *editor) (all, current int) {
	for _, o := range test.WidgetRenderer(e).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok {
			switch r.FillColor {
			case matchColour:
				all++
			case currentMatchColour:
				all++
				current++
			}
		}
	}
	return all, current
}

// TestFindBar drives the find bar as a user does: Ctrl+F, typing the
// query, Enter and Shift+Enter through the matches with wrap-around, the
// case toggle, the count, the highlights, edits while open, Escape.
func TestFindBar(t *testing.T) {
	e, _, _ := showEditor(t, "a.js", "const total = 0;\nfor (const x of xs) {\n  Total += x;\n}\nconsole.log(total);\n")
	e.FocusGained()
	e.MoveCursor(1)
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if !e.finding() {
		t.Fatal("Ctrl+F opened no find bar")
	}
	b := e.find
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c == nil || c.Focused() != b.query {
		t.Error("the find bar's entry does not have the keyboard")
	}
	test.Type(b.query, "total")
	// Any case: three matches; the first at or after the cursor (line 2)
	// is Total on line 3.
	if len(e.matches) != 3 || b.count.Text != "2 of 3" || e.SelectedText() != "Total" || e.cursor.line != 2 {
		t.Fatalf("after typing the query: %d matches, count %q, selected %q on line %d", len(e.matches), b.count.Text, e.SelectedText(), e.cursor.line+1)
	}
	if all, cur := matchRects(e); all != 3 || cur != 1 {
		t.Errorf("%d match highlights (%d current), want 3 (1)", all, cur)
	}
	steps := []struct {
		name  string
		do    func()
		line  int // 1-based
		count string
	}{
		{"Enter", func() { b.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }, 5, "3 of 3"},
		{"Enter wraps", func() { b.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }, 1, "1 of 3"},
		{"Shift+Enter wraps back", func() {
			b.query.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			b.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			b.query.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}, 5, "3 of 3"},
		{"F3 in the text", func() { key(e, fyne.KeyF3) }, 1, "1 of 3"},
		{"match case", func() { test.Tap(b.matchCase) }, 1, "1 of 2"},
		{"previous button", e.FindPrevious, 5, "2 of 2"},
	}
	for _, s := range steps {
		s.do()
		if e.cursor.line+1 != s.line || b.count.Text != s.count || !strings.EqualFold(e.SelectedText(), "total") {
			t.Fatalf("%s: on line %d, count %q, selected %q; want line %d, %q", s.name, e.cursor.line+1, b.count.Text, e.SelectedText(), s.line, s.count)
		}
	}
	// Typing over the selected match while the bar is open: the matches
	// follow the text.
	e.FocusGained()
	test.Type(e, "sum")
	if len(e.matches) != 1 || b.count.Text != "1 found" {
		t.Errorf("after replacing a match: %d matches, count %q", len(e.matches), b.count.Text)
	}
	test.Type(b.query, "zz")
	if b.count.Text != "No results" || len(e.matches) != 0 {
		t.Errorf("no match: count %q", b.count.Text)
	}
	// Escape closes the bar and the highlights go.
	b.query.SetText("total")
	if all, _ := matchRects(e); all != 1 {
		t.Errorf("%d highlights with the bar open", all)
	}
	b.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.finding() || e.bars.Visible() {
		t.Error("Escape left the bar open")
	}
	if all, _ := matchRects(e); all != 0 {
		t.Errorf("%d highlights after closing", all)
	}
	// Ctrl+F with a selection on one line searches for it.
	e.MoveCursor(4)
	e.anchor, e.cursor, e.selecting = textPos{4, 0}, textPos{4, 7}, true
	e.ShowFind()
	if b.query.Text != "console" || b.count.Text != "1 of 1" {
		t.Errorf("find with a selection: query %q, count %q", b.query.Text, b.count.Text)
	}
}

// TestGoToLine: Ctrl+G, a line number, Enter; a bad number says so and
// changes nothing.
func TestGoToLine(t *testing.T) {
	var text strings.Builder
	for i := range 500 {
		fmt.Fprintf(&text, "line(%d);\n", i+1)
	}
	e, _, _ := showEditor(t, "a.js", text.String())
	e.FocusGained()
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault})
	b := e.find
	if b == nil || !e.bars.Visible() || !b.lineRow.Visible() || b.findRow.Visible() {
		t.Fatal("Ctrl+G opened no go-to-line bar")
	}
	test.Type(b.line, "9999")
	b.line.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.cursor.line != 0 || !e.bars.Visible() || !strings.Contains(b.lineMsg.Text, "not a line") {
		t.Errorf("line 9999: cursor on %d, bar open %v, message %q", e.cursor.line+1, e.bars.Visible(), b.lineMsg.Text)
	}
	b.line.SetText("")
	test.Type(b.line, "420")
	b.line.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.cursor.line != 419 || e.bars.Visible() {
		t.Errorf("line 420: cursor on %d, bar open %v", e.cursor.line+1, e.bars.Visible())
	}
	if !slices.Contains(shownTexts(e), "420") {
		t.Error("line 420 is not in view")
	}
}

// TestFindFromMenu: Edit > Find and Go to Line act on the current tab's
// editor (the way in when the keyboard is elsewhere).
func TestFindFromMenu(t *testing.T) {
	h, dir := newHarness(t, map[string]string{"index.js": "a();\nb();\n"})
	ed := h.w.editors[filepath.Join(dir, "index.js")]
	items := map[string]*fyne.MenuItem{}
	for _, m := range h.w.win.MainMenu().Items {
		for _, it := range m.Items {
			items[m.Label+" > "+it.Label] = it
		}
	}
	find, line := items["Edit > Find…"], items["Edit > Go to Line…"]
	if find == nil || line == nil {
		t.Fatalf("no Edit > Find… or Go to Line… in %v", slices.Collect(maps.Keys(items)))
	}
	find.Action()
	if !ed.finding() {
		t.Error("Edit > Find… opened no find bar")
	}
	line.Action()
	if ed.finding() || !ed.find.lineRow.Visible() {
		t.Error("Edit > Go to Line… opened no go-to-line bar")
	}
}

// TestFindBarShortcuts: the window's shortcuts work from the bars'
// entries (an entry drops those it has no use for).
func TestFindBarShortcuts(t *testing.T) {
	e, _, _ := showEditor(t, "a.js", "a();\n")
	var passed []string
	e.onShortcut = func(s fyne.Shortcut) { passed = append(passed, s.ShortcutName()) }
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	e.ShowFind()
	e.find.query.TypedShortcut(ctrl(fyne.KeyS))
	e.find.query.TypedShortcut(ctrl(fyne.KeyG))
	if !e.find.lineRow.Visible() || e.find.findRow.Visible() {
		t.Error("Ctrl+G in the find bar did not switch to go to line")
	}
	e.find.line.TypedShortcut(ctrl(fyne.KeyF))
	if !e.finding() {
		t.Error("Ctrl+F in the go-to-line bar did not switch to find")
	}
	e.find.query.TypedShortcut(ctrl(fyne.KeyF5))
	if want := []string{ctrl(fyne.KeyS).ShortcutName(), ctrl(fyne.KeyF5).ShortcutName()}; !slices.Equal(passed, want) {
		t.Errorf("passed to the window: %v, want %v", passed, want)
	}
}
