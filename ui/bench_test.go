package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/studiojs/studio/inspector"
)

// BenchmarkHighlight10k colours a 10,000-line file, what an edit costs
// before the next frame.
func BenchmarkHighlight10k(b *testing.B) {
	lines := make([]string, 10000)
	for i := range lines {
		lines[i] = fmt.Sprintf("  const v%d = compute(%d, 'text', `tpl ${x}`); // note", i, i)
	}
	lexer, style := lexerFor("x.js"), styleFor(true)
	b.ResetTimer()
	for range b.N {
		highlight(lexer, style, lines)
	}
	_ = strings.Join
}

// BenchmarkConsoleLogLoop is a program that logs in a loop, as the
// console receives it: a batch of 1000 lines, then the 1000 console calls
// that each take their line back into an entry, on a console already at
// its line limit. One op is one batch.
func BenchmarkConsoleLogLoop(b *testing.B) {
	test.NewTempApp(b)
	w := New(fyne.CurrentApp(), Options{Project: b.TempDir(), Do: func(func()) {}})
	defer w.win.Close()
	c := newConsolePanel(w)
	st := &programStreams{}
	var off int64
	batch := func() {
		var chunk strings.Builder
		evs := make([]inspector.ConsoleAPICalledEvent, 0, 1000)
		for j := range 1000 {
			s := fmt.Sprintf("line %d %d\n", off, j)
			chunk.WriteString(s)
			evs = append(evs, inspector.ConsoleAPICalledEvent{Type: "log", Output: &inspector.ConsoleOutput{Stdout: inspector.OutputRange{Start: off, End: off + int64(len(s))}}})
			off += int64(len(s))
		}
		c.output(st, lineStdout, chunk.String())
		for _, ev := range evs {
			c.consoleCalled(st, ev)
		}
	}
	for range maxConsoleLines / 1000 {
		batch()
	}
	b.ResetTimer()
	for range b.N {
		batch()
	}
}
