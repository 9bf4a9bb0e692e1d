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
	h.waitFor("the logged object", func() bool { return c.lineIndex(`{name: "studio"`) >= 0 })
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
	i := c.lineIndex(`{name: "studio"`)
	if c.lines[i].kind != lineObject || !strings.HasPrefix(c.display(c.lines[i]), "▸ ") {
		t.Errorf("object line %+v shown as %q", c.lines[i], c.display(c.lines[i]))
	}
	n := len(c.lines)
	c.tap(i)
	h.waitFor("the object's properties", func() bool { return c.lineIndex(`name: "studio"`) > i })
	nested := c.lineIndex("nested: ")
	if nested != i+2 || c.lines[nested].depth != 1 {
		t.Fatalf("nested at %d (depth %d), object at %d: %q", nested, c.lines[nested].depth, i, c.text(lineObject))
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
