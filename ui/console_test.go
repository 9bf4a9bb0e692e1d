package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

const consoleScript = `const obj = { name: 'studio', nested: { deep: [1, 2] } };
console.log('obj', obj);
process.stdout.write('out\n');
console.error('err line');
function fail() {
  const local = 7;
  throw new Error('bad');
}
setTimeout(fail, 1);
`

// lineIndex is the console line whose text starts with prefix (-1: none).
func (c *consolePanel) lineIndex(prefix string) int {
	return slices.IndexFunc(c.lines, func(l consoleLine) bool { return strings.HasPrefix(l.text, prefix) })
}

// TestConsole: stdout and stderr in their colours; an object the program
// logs expands and folds through Runtime.getProperties; the input line
// evaluates in the paused frame, its results expand too, and up and down
// walk its history; an uncaught exception is shown with its stack, whose
// frames open their lines.
func TestConsole(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": consoleScript})
	main := filepath.Join(dir, "index.js")
	c := h.w.console
	h.w.ToggleBreakpoint(main, 6)
	h.w.Debug()
	h.waitFor("the pause at the throw", func() bool { return h.pausedAt() == 7 })
	h.waitFor("the logged object", func() bool { i := c.lineIndex("obj {"); return i >= 0 && c.lines[i].objectID != "" })
	if got := c.text(lineStdout); got != "obj { name: 'studio', nested: { deep: [ 1, 2 ] } }\nout\n" {
		t.Errorf("stdout %q", got)
	}
	if got := c.text(lineStderr); got != "err line\n" {
		t.Errorf("stderr %q", got)
	}
	if c.colour(lineStdout) == c.colour(lineStderr) {
		t.Error("stdout and stderr have one colour")
	}

	// Expand the object, then its nested object, then fold it.
	i := c.lineIndex("obj {")
	if c.lines[i].kind != lineStdout || c.lines[i].entry == 0 || !strings.HasPrefix(c.display(c.lines[i]), "▸ ") {
		t.Errorf("object line %+v shown as %q", c.lines[i], c.display(c.lines[i]))
	}
	n := len(c.lines)
	c.tap(i)
	h.waitFor("the object's properties", func() bool { return c.lineIndex(`name: "studio"`) > i })
	nested := c.lineIndex("nested: ")
	if nested != i+2 || c.lines[nested].depth != 1 {
		t.Fatalf("nested at %d (depth %d), object at %d: %q", nested, c.lines[nested].depth, i, c.text(lineStdout))
	}
	c.tap(nested)
	h.waitFor("the nested properties", func() bool { return c.lineIndex("deep: ") > nested })
	if d := c.lines[c.lineIndex("deep: ")].depth; d != 2 {
		t.Errorf("deep at depth %d", d)
	}
	c.tap(i)
	if len(c.lines) != n || c.lines[i].expanded {
		t.Errorf("folding left %d lines, want %d", len(c.lines), n)
	}

	// The input line evaluates in the paused frame; an object result expands.
	for _, expr := range []string{"local * 6", "({ deep: [local] })"} {
		c.input.SetText(expr)
		c.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	h.waitFor("the results", func() bool { return strings.Contains(c.text(lineResult), "42\n{deep: ") })
	r := c.lineIndex("{deep: ")
	c.tap(r)
	h.waitFor("the result's properties", func() bool { return c.lineIndex("deep: Array(1)") > r })
	// History: up twice, down twice, back to what was being typed.
	c.input.SetText("draft")
	var seen []string
	for _, k := range []fyne.KeyName{fyne.KeyUp, fyne.KeyUp, fyne.KeyUp, fyne.KeyDown, fyne.KeyDown} {
		c.input.TypedKey(&fyne.KeyEvent{Name: k})
		seen = append(seen, c.input.Text)
	}
	if want := []string{"({ deep: [local] })", "local * 6", "local * 6", "({ deep: [local] })", "draft"}; !slices.Equal(seen, want) {
		t.Errorf("history walk %q, want %q", seen, want)
	}

	// The exception, with its stack; a frame opens its line.
	h.w.Continue()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	e := c.lineIndex("Uncaught Error: bad")
	if e < 0 || c.lines[e].kind != lineError {
		t.Fatalf("no uncaught exception line in %q", c.text(lineError))
	}
	frame := e + 1
	if frame >= len(c.lines) || !strings.HasPrefix(c.lines[frame].text, "at fail (index.js:7:") {
		t.Fatalf("exception's stack %q", c.text(lineError))
	}
	ed := h.w.editors[main]
	ed.MoveCursor(0)
	c.tap(frame)
	if ed.cursor.line != 6 {
		t.Errorf("the frame put the cursor on line %d, want 7", ed.cursor.line+1)
	}
	if !strings.Contains(c.text(lineInfo), "exited with code 1") {
		t.Errorf("end %q", c.text(lineInfo))
	}
}

const entriesScript = `process.stdout.write('raw ');
console.log('a', { x: 1 }, 'b', [1, 2]);
process.stderr.write('raw err\n');
console.error('e', { y: 2, g: function named() {} });
require('child_process').spawnSync('echo', ['child'], { stdio: 'inherit' });
function add(a, b) {
  return a + b;
}
console.log(add);
console.log('multi', { a: 'x'.repeat(30), b: 'y'.repeat(30), c: 'z'.repeat(30) });
process.stdout.write('tail\n');
const end = 1;
`

// row is a console line as the tests compare it.
type row struct {
	kind  lineKind
	text  string
	entry bool // part of a console call's entry
}

// TestConsoleEntries: each console call is one entry in place of its
// text (exactly node's), in order among what the program wrote straight
// to stdout and stderr (a child's output too), each stream in its colour;
// a multi-line text is one entry; a call's objects expand from its entry
// (one line per object when there are several); a logged function, a
// function property and a function evaluated expand to their properties
// and [[FunctionLocation]], which opens the function's line.
func TestConsoleEntries(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": entriesScript})
	main := filepath.Join(dir, "index.js")
	c := h.w.console
	h.w.ToggleBreakpoint(main, 11)
	h.w.Debug()
	h.waitFor("the pause at the end", func() bool { return h.pausedAt() == 12 })
	// The program's output (node's, byte for byte) as rows: entries in
	// place of their text, the rest as written.
	want := []row{
		{lineStdout, "raw ", false},
		{lineStdout, "a { x: 1 } b [ 1, 2 ]", true},
		{lineStderr, "raw err", false},
		{lineStderr, "e { y: 2, g: [Function: named] }", true},
		{lineStdout, "child", false},
		{lineStdout, "[Function: add]", true},
		{lineStdout, "multi {", true},
		{lineStdout, "  a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',", true},
		{lineStdout, "  b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy',", true},
		{lineStdout, "  c: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'", true},
		{lineStdout, "}", true},
		{lineStdout, "tail", false},
	}
	output := func() []row {
		var rows []row
		for _, l := range c.lines {
			if l.kind == lineStdout || l.kind == lineStderr {
				rows = append(rows, row{l.kind, l.text, l.entry != 0})
			}
		}
		return rows
	}
	h.waitFor("the output in place", func() bool { return slices.Equal(output(), want) })
	// The multi-line text is one entry; each call's is its own.
	m := c.lineIndex("multi {")
	if e := c.lines[m].entry; c.lines[m+4].entry != e || c.lines[m-1].entry == e || c.lines[m+5].entry != 0 {
		t.Errorf("multi-line entry %d: lines %+v", e, c.lines[m-1:m+6])
	}
	if c.colour(lineStdout) == c.colour(lineStderr) {
		t.Error("stdout and stderr have one colour")
	}

	// Several objects: the entry expands to a line for each, which
	// expands to its properties.
	a := c.lineIndex("a { x: 1 }")
	if !strings.HasPrefix(c.display(c.lines[a]), "▸ ") {
		t.Errorf("entry shown as %q", c.display(c.lines[a]))
	}
	c.tap(a)
	if len(c.lines) < a+3 || c.lines[a+1].depth != 1 || c.lines[a+2].depth != 1 || c.lines[a+1].objectID == "" || c.lines[a+2].objectID == "" || c.lines[a+3].text != "raw err" {
		t.Fatalf("the call's objects: %+v", c.lines[a:a+4])
	}
	c.tap(a + 1)
	h.waitFor("the first object's properties", func() bool { return c.lineIndex("x: 1") == a+2 })
	c.tap(a)
	if c.lines[a+1].text != "raw err" {
		t.Errorf("folding left %+v", c.lines[a+1])
	}

	// A function property expands too, to its location.
	e := c.lineIndex("e { y: 2")
	c.tap(e)
	h.waitFor("the object's properties", func() bool { return c.lineIndex("g: ƒ named") > e })
	g := c.lineIndex("g: ƒ named")
	c.tap(g)
	h.waitFor("the function's properties", func() bool { return c.lineIndex("[[FunctionLocation]]: ") > g })
	if loc := c.lines[c.lineIndex("[[FunctionLocation]]: ")]; loc.text != "[[FunctionLocation]]: index.js:4" || loc.depth != 2 {
		t.Errorf("location line %+v", loc)
	}
	c.tap(e)

	// A logged function: its properties, and its location opens its line.
	f := c.lineIndex("[Function: add]")
	c.tap(f)
	h.waitFor("the function's properties", func() bool { return c.lineIndex("[[FunctionLocation]]: ") > f })
	var props []string
	for _, l := range c.lines[f+1:] {
		if l.depth != 1 {
			break
		}
		props = append(props, l.text)
	}
	for _, p := range []string{"length: 2", `name: "add"`, "prototype: ", "[[FunctionLocation]]: index.js:6", "[[Prototype]]: "} {
		if !slices.ContainsFunc(props, func(s string) bool { return strings.HasPrefix(s, p) }) {
			t.Errorf("no %q among the function's properties %q", p, props)
		}
	}
	ed := h.w.editors[main]
	ed.MoveCursor(0)
	c.tap(c.lineIndex("[[FunctionLocation]]: index.js:6"))
	if ed.cursor.line != 5 {
		t.Errorf("the location put the cursor on line %d, want 6", ed.cursor.line+1)
	}

	// What an evaluation prints comes before its answer, as in Chrome.
	c.input.SetText("console.log('from eval', { q: 1 }), 5")
	c.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitFor("the answer", func() bool { return c.lineIndex("5") >= 0 })
	in, logged, answer := c.lineIndex("> console.log('from eval'"), c.lineIndex("from eval { q: 1 }"), c.lineIndex("5")
	if in < 0 || logged != in+1 || answer != in+2 || c.lines[answer].kind != lineResult {
		t.Errorf("input at %d, its output at %d, its answer at %d: %+v", in, logged, answer, c.lines[max(in, 0):])
	}

	// An evaluated function expands as well.
	c.input.SetText("add")
	c.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitFor("the result", func() bool { return c.lineIndex("ƒ add(a, b)") >= 0 })
	r := c.lineIndex("ƒ add(a, b)")
	c.tap(r)
	h.waitFor("the result's properties", func() bool {
		return r+1 < len(c.lines) && slices.ContainsFunc(c.lines[r+1:], func(l consoleLine) bool { return l.text == "length: 2" && l.depth == 1 })
	})

	h.w.Continue()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
}
