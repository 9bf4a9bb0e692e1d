package ui

import (
	"image/color"
	"path/filepath"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// span is a run of one colour in a line: runes [start, end).
type span struct {
	start, end int
	colour     color.Color
	bold       bool
}

// lexerFor picks chroma's lexer by file name (JavaScript, TypeScript,
// JSON, ...); nil means plain text.
func lexerFor(path string) chroma.Lexer {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".js", ".mjs", ".cjs", ".jsx":
		return lexers.Get("javascript")
	case ".ts", ".mts", ".cts", ".tsx":
		return lexers.Get("typescript")
	}
	if l := lexers.Match(filepath.Base(path)); l != nil {
		return l
	}
	return nil
}

// styleFor is the colour scheme for a light or dark theme.
func styleFor(dark bool) *chroma.Style {
	if dark {
		return styles.Get("github-dark")
	}
	return styles.Get("github")
}

// highlight colours lines with lexer and style: one list of spans per line
// (runes, tabs not expanded). Chroma lexes the whole text, so that
// comments and template literals spanning lines are right.
func highlight(lexer chroma.Lexer, style *chroma.Style, lines []string) [][]span {
	out := make([][]span, len(lines))
	if lexer == nil {
		return out
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, strings.Join(lines, "\n"))
	if err != nil {
		return out
	}
	line, col := 0, 0
	for tok := it(); tok != chroma.EOF; tok = it() {
		entry := style.Get(tok.Type)
		var c color.Color
		if entry.Colour.IsSet() {
			c = color.NRGBA{R: entry.Colour.Red(), G: entry.Colour.Green(), B: entry.Colour.Blue(), A: 0xff}
		}
		bold := entry.Bold == chroma.Yes
		parts := strings.Split(tok.Value, "\n")
		for i, part := range parts {
			if i > 0 {
				line, col = line+1, 0
			}
			n := len([]rune(part))
			if n > 0 && line < len(out) && c != nil {
				out[line] = append(out[line], span{start: col, end: col + n, colour: c, bold: bold})
			}
			col += n
		}
	}
	return out
}
