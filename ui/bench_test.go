package ui

import (
	"fmt"
	"strings"
	"testing"
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
