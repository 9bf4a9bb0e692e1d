package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// longSource is a JavaScript file of n lines, of the usual kinds.
func longSource(n int) string {
	var b strings.Builder
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "function f%d(a, b) { // helper %d\n", i, i)
		case 1:
			fmt.Fprintf(&b, "  const s = `tpl ${a}` + 'text %d' + compute(%d, b);\n", i, i)
		case 2:
			b.WriteString("  return s.length > 10 ? s : null;\n")
		default:
			b.WriteString("}\n")
		}
	}
	return b.String()
}

// benchEditor shows an editor for a 10k-line file in a test window; the
// colours, coloured on another goroutine, are put in place by settle.
func benchEditor(b *testing.B, path string) (e *editor, settle func()) {
	e, err := openEditor(path)
	if err != nil {
		b.Fatal(err)
	}
	queue := make(chan func(), 16)
	e.do = func(f func()) { queue <- f }
	w := test.NewWindow(e.view)
	b.Cleanup(w.Close)
	w.Resize(fyne.NewSize(900, 700))
	return e, func() {
		for e.highlighting {
			(<-queue)()
		}
	}
}

// BenchmarkEditorOpen10k opens a 10,000-line file and draws its first
// frame (the colours come later, off the UI goroutine).
func BenchmarkEditorOpen10k(b *testing.B) {
	test.NewTempApp(b)
	path := filepath.Join(b.TempDir(), "long.js")
	if err := os.WriteFile(path, []byte(longSource(10000)), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		e, settle := benchEditor(b, path)
		if len(shownTexts(e)) == 0 {
			b.Fatal("nothing drawn")
		}
		b.StopTimer()
		settle()
		b.StartTimer()
	}
}

// BenchmarkEditorType10k types one character and draws the frame, in the
// middle of a 10,000-line file: the cost of a keystroke on the UI
// goroutine. The colouring that follows runs on another goroutine
// (BenchmarkHighlight10k); it is held off here, as if one were under way,
// so that the figure is the UI goroutine's alone.
func BenchmarkEditorType10k(b *testing.B) {
	test.NewTempApp(b)
	path := filepath.Join(b.TempDir(), "long.js")
	if err := os.WriteFile(path, []byte(longSource(10000)), 0o644); err != nil {
		b.Fatal(err)
	}
	e, settle := benchEditor(b, path)
	settle()
	e.FocusGained()
	e.MoveCursor(5000)
	r := test.WidgetRenderer(e)
	e.highlighting = true
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%40 == 39 {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // new undo steps now and then, as real typing makes
		} else {
			e.TypedRune('x')
		}
		r.Refresh()
	}
	b.StopTimer()
	e.highlighting = false
}

// BenchmarkEditorReplaceAll10k replaces the 2,500 matches of a regular
// expression with a group in it across a 10,000-line file, and draws the
// frame: one Replace All on the UI goroutine (the colouring that follows
// runs on another goroutine and is held off, as in BenchmarkEditorType10k).
// Each round undoes the last, so that every round replaces the same text.
func BenchmarkEditorReplaceAll10k(b *testing.B) {
	test.NewTempApp(b)
	path := filepath.Join(b.TempDir(), "long.js")
	if err := os.WriteFile(path, []byte(longSource(10000)), 0o644); err != nil {
		b.Fatal(err)
	}
	e, settle := benchEditor(b, path)
	settle()
	e.ShowReplace()
	e.find.regex.SetChecked(true)
	e.find.query.SetText(`compute\((\d+), b\)`)
	e.find.replace.SetText("compute(b, $1)")
	r := test.WidgetRenderer(e)
	e.highlighting = true
	b.ReportAllocs()
	for b.Loop() {
		if n := e.ReplaceAll(); n != 2500 {
			b.Fatalf("replaced %d", n)
		}
		r.Refresh()
		b.StopTimer()
		e.Undo()
		b.StartTimer()
	}
	b.StopTimer()
	e.highlighting = false
}
