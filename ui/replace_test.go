package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestReplaceLine(t *testing.T) {
	cases := map[string]struct {
		opts     findOptions
		repl, in string
		want     string
		n        int
	}{
		"plain":                 {findOptions{query: "a"}, "xy", "a-A-b", "xy-xy-b", 2},
		"plain, case":           {findOptions{query: "a", matchCase: true}, "xy", "a-A-b", "xy-A-b", 1},
		"plain, $ is text":      {findOptions{query: "a"}, "$1\\n", "a", "$1\\n", 1},
		"plain, runes":          {findOptions{query: "ö"}, "oe", "Öl, schön", "oel, schoen", 2},
		"whole word":            {findOptions{query: "i", wholeWord: true}, "j", "i = i2 + fi(i)", "j = i2 + fi(j)", 2},
		"groups":                {findOptions{query: `(\w+)\.(\w+)`, regex: true}, "$2.$1", "a.b + cd.ef", "b.a + ef.cd", 2},
		"group then letters":    {findOptions{query: `(\d)`, regex: true}, "$1px", "1 2", "1px 2px", 2},
		"whole match, dollars":  {findOptions{query: `\d+`, regex: true}, "$$$&", "x 12", "x $12", 1},
		"named group":           {findOptions{query: `(?P<n>\d+)`, regex: true}, "<$<n>>", "7", "<7>", 1},
		"dollar before a word":  {findOptions{query: `x`, regex: true}, "$y", "x", "$y", 1},
		"newline and tab":       {findOptions{query: `;\s*`, regex: true}, ";\\n\\t", "a; b", "a;\n\tb", 1},
		"escaped backslash":     {findOptions{query: `/`, regex: true}, `\\`, "a/b", `a\b`, 1},
		"empty matches":         {findOptions{query: `^`, regex: true}, "// ", "x();", "// x();", 1},
		"regex, whole word":     {findOptions{query: `on\w*`, regex: true, wholeWord: true}, "X", "on one don", "X X don", 2},
		"regex, runes":          {findOptions{query: `é+`, regex: true}, "e", "café éé", "cafe e", 2},
		"nothing":               {findOptions{query: "zz"}, "y", "abc", "abc", 0},
		"regex, any case":       {findOptions{query: `abc`, regex: true}, "-", "ABC abc", "- -", 2},
		"regex, match case":     {findOptions{query: `abc`, regex: true, matchCase: true}, "-", "ABC abc", "ABC -", 1},
		"replacement has query": {findOptions{query: "a"}, "aa", "aba", "aabaa", 2},
	}
	for name, c := range cases {
		m, err := newMatcher(c.opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, n := newReplacer(m, c.repl).line(c.in)
		if got != c.want || n != c.n {
			t.Errorf("%s: %q (%d), want %q (%d)", name, got, n, c.want, c.n)
		}
	}
}

// TestReplaceBar drives replace as a user does: Ctrl+H, the query, the
// replacement, Enter through the matches, Replace All, the toggles, undo.
func TestReplaceBar(t *testing.T) {
	const text = "let total = 0;\nfor (const x of xs) total += x;\nconsole.log(totals, total);\n"
	e, _, _ := showEditor(t, "a.js", text)
	changes := 0
	e.onChange = func() { changes++ }
	e.FocusGained()
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault})
	if !e.replacing() {
		t.Fatal("Ctrl+H opened no replace row")
	}
	b := e.find
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c.Focused() != b.query {
		t.Error("with nothing to find, the keyboard is not in the find field")
	}
	test.Type(b.query, "total")
	test.Type(b.replace, "sum")
	if len(e.matches) != 4 || b.count.Text != "1 of 4" || e.Dirty() {
		t.Fatalf("after typing: %d matches, count %q, dirty %v", len(e.matches), b.count.Text, e.Dirty())
	}
	// Enter replaces the selected match and selects the next.
	b.replace.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.lines[0] != "let sum = 0;" || !e.Dirty() || changes == 0 || b.count.Text != "1 of 3" || e.cursor.line != 1 {
		t.Fatalf("after Replace: line 1 %q, dirty %v, count %q, cursor on line %d", e.lines[0], e.Dirty(), b.count.Text, e.cursor.line+1)
	}
	// Whole word leaves totals alone.
	test.Tap(b.wholeWord)
	if len(e.matches) != 2 {
		t.Fatalf("whole word: %d matches, want 2", len(e.matches))
	}
	// Ctrl+Alt+Enter in the replace field is Replace All.
	b.replace.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt})
	if b.count.Text != "2 replaced" {
		t.Fatalf("after Ctrl+Alt+Enter: count %q", b.count.Text)
	}
	want := "let sum = 0;\nfor (const x of xs) sum += x;\nconsole.log(totals, sum);\n"
	if e.Text() != want {
		t.Fatalf("after Replace All:\n%s", e.Text())
	}
	// Replace All is one undo step; the replace before it another.
	e.Undo()
	if e.Text() != strings.Replace(text, "let total", "let sum", 1) {
		t.Errorf("one undo after Replace All:\n%s", e.Text())
	}
	e.Undo()
	if e.Text() != text || e.Dirty() {
		t.Errorf("two undos: dirty %v\n%s", e.Dirty(), e.Text())
	}
	e.Redo()
	e.Redo()
	if e.Text() != want {
		t.Errorf("redone:\n%s", e.Text())
	}
	// Typing after Replace All is an undo step of its own.
	e.MoveCursor(2)
	test.Type(e, "x")
	e.Undo()
	if e.Text() != want {
		t.Errorf("undoing typing after Replace All:\n%s", e.Text())
	}

	// Escape closes the bar; Ctrl+F opens find alone, Ctrl+H with replace
	// and the keyboard in the replace field now that there is a query.
	b.replace.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.bars.Visible() {
		t.Error("Escape in the replace field left the bar open")
	}
	e.ShowFind()
	if e.replacing() {
		t.Error("Ctrl+F shows the replace row")
	}
	b.query.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault})
	if !e.replacing() || c.Focused() != b.replace {
		t.Errorf("Ctrl+H from the find field: replacing %v, focus %v", e.replacing(), c.Focused())
	}
}

// TestReplaceRegex: groups in the replacement, and an invalid pattern
// says so in the bar and changes nothing.
func TestReplaceRegex(t *testing.T) {
	const text = "f(1, 2);\ng(30, 4);\nh(x);\n"
	e, _, _ := showEditor(t, "a.js", text)
	e.ShowReplace()
	b := e.find
	test.Tap(b.regex)
	test.Type(b.query, `(\w)\((\d+), (\d+)\)`)
	test.Type(b.replace, "$1($3, $2)")
	if len(e.matches) != 2 || b.message.Visible() {
		t.Fatalf("%d matches, message %q", len(e.matches), b.message.Text)
	}
	// The first Enter selects nothing new (the match is selected already
	// since typing the query), replaces it and moves on.
	e.ReplaceNext()
	e.ReplaceNext()
	if want := "f(2, 1);\ng(4, 30);\nh(x);\n"; e.Text() != want {
		t.Fatalf("after two replaces:\n%s", e.Text())
	}
	undos := len(e.undo)

	// An unclosed group: the message, no matches, nothing replaced.
	b.query.SetText(`(\w`)
	if !b.message.Visible() || b.message.Text != "invalid regular expression: missing closing ) in `(\\w`" {
		t.Errorf("invalid pattern: message %q (shown %v)", b.message.Text, b.message.Visible())
	}
	if len(e.matches) != 0 || b.count.Text != "" {
		t.Errorf("invalid pattern: %d matches, count %q", len(e.matches), b.count.Text)
	}
	before, version := e.Text(), e.version
	b.replace.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := e.ReplaceAll(); n != 0 || e.Text() != before || e.version != version || len(e.undo) != undos {
		t.Errorf("with an invalid pattern: replaced %d, text changed %v, version %d -> %d, undo steps %d -> %d",
			n, e.Text() != before, version, e.version, undos, len(e.undo))
	}
	// Fixing it takes the message away; regex off finds the text as is.
	b.query.SetText(`h\(x\)`)
	if b.message.Visible() || len(e.matches) != 1 {
		t.Errorf("fixed pattern: message shown %v, %d matches", b.message.Visible(), len(e.matches))
	}
	test.Tap(b.regex)
	if len(e.matches) != 0 {
		t.Errorf("regex off: %d matches of %q", len(e.matches), b.query.Text)
	}
}

// TestReplaceAllBreakpoints: breakpoints keep their lines when Replace
// All keeps the line count, follow their lines when replacements add
// lines, and undo puts them back.
func TestReplaceAllBreakpoints(t *testing.T) {
	e, _, _ := showEditor(t, "a.js", "a(); b();\nc();\nd(); e();\nf();\n")
	var moved []map[int]int
	e.onBreakpointsMoved = func(m map[int]int) { moved = append(moved, m) }
	e.SetBreakpoint(1, true) // c();
	e.SetBreakpoint(3, true) // f();
	marks := func() string {
		ls := make([]int, 0, len(e.breakpoints))
		for l := range e.breakpoints {
			ls = append(ls, l)
		}
		slices.Sort(ls)
		return fmt.Sprint(ls)
	}
	e.ShowReplace()
	b := e.find
	test.Tap(b.regex)
	b.query.SetText(`\(\)`)
	b.replace.SetText("(1)")
	if n := e.ReplaceAll(); n != 6 || marks() != "[1 3]" || len(moved) != 0 {
		t.Fatalf("same line count: %d replaced, breakpoints %s, moves %v", n, marks(), moved)
	}
	// One statement a line: a() and d() gain a line each.
	b.query.SetText(`; (\w)`)
	b.replace.SetText(`;\n$1`)
	if n := e.ReplaceAll(); n != 2 || marks() != "[2 5]" || len(moved) != 1 {
		t.Fatalf("added lines: %d replaced, breakpoints %s, moves %v\n%s", n, marks(), moved, e.Text())
	}
	if e.lines[2] != "c(1);" || e.lines[5] != "f(1);" {
		t.Errorf("breakpoint lines hold %q and %q", e.lines[2], e.lines[5])
	}
	e.Undo()
	if marks() != "[1 3]" || e.lines[1] != "c(1);" {
		t.Errorf("undone: breakpoints %s, text\n%s", marks(), e.Text())
	}
}

// TestReplaceFromMenu: Edit > Replace… opens the replace row on the
// current tab's editor.
func TestReplaceFromMenu(t *testing.T) {
	h, _ := newHarness(t, map[string]string{"index.js": "a();\n"})
	for _, m := range h.w.win.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label+" > "+it.Label == "Edit > Replace…" {
				it.Action()
				if ed := h.w.currentEditor(); ed == nil || !ed.replacing() {
					t.Error("Edit > Replace… opened no replace row")
				}
				return
			}
		}
	}
	t.Error("no Edit > Replace…")
}
