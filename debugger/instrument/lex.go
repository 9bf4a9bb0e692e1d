package instrument

import (
	"reflect"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
)

// span is a byte range [start, end) of the source that is not code: the
// text of a string, template or regular expression literal, or a comment.
type span struct {
	start, end int
	comment    bool
}

// scanSpans finds the literals and comments of src. Whether a '/' starts a
// regular expression cannot be told from the text alone, so the literals'
// starts come from the AST; their ends and the comments between them are
// scanned here. goja's AST has no comments and no parenthesis positions:
// this table is what lets the instrumenter skip comments and count
// parentheses exactly.
func scanSpans(src string, prg *ast.Program) []span {
	starts := literalStarts(src, prg)
	var spans []span
	next := 0 // index into starts
	i := 0
	if len(src) >= 2 && src[0] == '#' && src[1] == '!' {
		e := lineEnd(src, 2)
		spans = append(spans, span{0, e, true})
		i = e
	}
	for i < len(src) {
		for next < len(starts) && starts[next].off < i {
			next++ // inside a literal already skipped (a template's elements)
		}
		if next < len(starts) && starts[next].off == i {
			e := starts[next].end(src)
			spans = append(spans, span{i, e, false})
			i = e
			next++
			continue
		}
		if src[i] == '/' && i+1 < len(src) {
			switch src[i+1] {
			case '/':
				e := lineEnd(src, i+2)
				spans = append(spans, span{i, e, true})
				i = e
				continue
			case '*':
				e := len(src)
				for j := i + 2; j+1 < len(src); j++ {
					if src[j] == '*' && src[j+1] == '/' {
						e = j + 2
						break
					}
				}
				spans = append(spans, span{i, e, true})
				i = e
				continue
			}
		}
		i++
	}
	return spans
}

// lineEnd is the offset of the line terminator at or after i (a line
// comment ends there).
func lineEnd(src string, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case c == '\n' || c == '\r':
			return i
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			return i // U+2028, U+2029
		}
		i++
	}
	return i
}

type litKind uint8

const (
	litString litKind = iota
	litRegExp
	litTemplate // the text of one template element, after ` or }
)

type litStart struct {
	off  int
	kind litKind
}

// end scans the literal that starts at l.off.
func (l litStart) end(src string) int {
	i := l.off
	switch l.kind {
	case litString:
		q := src[i]
		for i++; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case q:
				return i + 1
			}
		}
	case litRegExp:
		class := false
		for i++; i < len(src); i++ {
			switch c := src[i]; {
			case c == '\\':
				i++
			case c == '[':
				class = true
			case c == ']':
				class = false
			case c == '/' && !class:
				return i + 1 + identLen(src, i+1)
			}
		}
	case litTemplate:
		for ; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '`':
				return i
			case '$':
				if i+1 < len(src) && src[i+1] == '{' {
					return i
				}
			}
		}
	}
	return len(src)
}

var (
	typeStringLit = reflect.TypeOf(&ast.StringLiteral{})
	typeRegExpLit = reflect.TypeOf(&ast.RegExpLiteral{})
	typeTmplElem  = reflect.TypeOf(&ast.TemplateElement{})
	typeIdx       = reflect.TypeOf(file.Idx(0))
)

// literalStarts lists where the string, regular expression and template
// text literals of prg start, sorted. It walks the AST by reflection so
// that no node type can be missed. goja also makes string literals of
// property names written as identifiers: only a quote starts a string.
func literalStarts(src string, prg *ast.Program) []litStart {
	var out []litStart
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			switch v.Type() {
			case typeStringLit:
				if off := int(v.Interface().(*ast.StringLiteral).Idx) - 1; off >= 0 && off < len(src) && (src[off] == '"' || src[off] == '\'') {
					out = append(out, litStart{off, litString})
				}
				return
			case typeRegExpLit:
				out = append(out, litStart{int(v.Interface().(*ast.RegExpLiteral).Idx) - 1, litRegExp})
				return
			case typeTmplElem:
				out = append(out, litStart{int(v.Interface().(*ast.TemplateElement).Idx) - 1, litTemplate})
				return
			}
			if v.Elem().Kind() == reflect.Struct {
				walk(v.Elem())
			}
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < v.NumField(); i++ {
				ft := t.Field(i)
				// DeclarationList repeats bindings found in the statements;
				// File is not AST.
				if ft.Name == "DeclarationList" || ft.Name == "File" || ft.Type == typeIdx || !ft.IsExported() {
					continue
				}
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(prg))
	sort.Slice(out, func(i, j int) bool { return out[i].off < out[j].off })
	// A node reachable twice gives the same start twice.
	n := 0
	for i, s := range out {
		if i == 0 || s.off != out[n-1].off {
			out[n] = s
			n++
		}
	}
	return out[:n]
}

// commentEndingAt is the comment that ends at off, if any.
func (in *instrumenter) commentEndingAt(off int) (span, bool) {
	i := sort.Search(len(in.spans), func(i int) bool { return in.spans[i].end >= off })
	if i < len(in.spans) && in.spans[i].end == off && in.spans[i].comment {
		return in.spans[i], true
	}
	return span{}, false
}

// spanAt is the literal or comment that contains off, if any.
func (in *instrumenter) spanAt(off int) (span, bool) {
	i := sort.Search(len(in.spans), func(i int) bool { return in.spans[i].end > off })
	if i < len(in.spans) && in.spans[i].start <= off {
		return in.spans[i], true
	}
	return span{}, false
}

// skipTrivia skips white space and comments forward from i.
func (in *instrumenter) skipTrivia(i int) int {
	for i < len(in.src) {
		if n := spaceLen(in.src, i); n > 0 {
			i += n
			continue
		}
		if s, ok := in.spanAt(i); ok && s.comment && s.start == i {
			i = s.end
			continue
		}
		return i
	}
	return i
}

// skipTriviaBack skips white space and comments backward from i.
func (in *instrumenter) skipTriviaBack(i int) int {
	for i > 0 {
		if n := spaceLenBack(in.src, i); n > 0 {
			i -= n
			continue
		}
		if s, ok := in.commentEndingAt(i); ok {
			i = s.start
			continue
		}
		return i
	}
	return i
}

// spaceLen is the length of the white space or line terminator at i, 0 if none.
func spaceLen(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\r', '\n', '\v', '\f':
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isSpaceRune(r) {
		return n
	}
	return 0
}

func spaceLenBack(s string, i int) int {
	c := s[i-1]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\r', '\n', '\v', '\f':
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if isSpaceRune(r) {
		return n
	}
	return 0
}

// isSpaceRune is JavaScript's WhiteSpace or LineTerminator outside ASCII.
func isSpaceRune(r rune) bool {
	return r == '\u00a0' || r == '\ufeff' || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Zs, r)
}

// identLen is the length of the identifier (or keyword, or the rest of a
// number) at at: ASCII letters, digits, $ and _, \u escapes, and non-ASCII
// letters and marks (goja's Identifier.Idx1 counts these wrongly).
func identLen(s string, at int) int {
	i := at
	for i < len(s) {
		c := s[i]
		switch {
		case c == '$' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			i++
		case c == '\\':
			// \uXXXX or \u{X...}
			if i+2 < len(s) && s[i+1] == 'u' && s[i+2] == '{' {
				j := i + 3
				for j < len(s) && s[j] != '}' {
					j++
				}
				i = j + 1
				continue
			}
			i += 6
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc, unicode.Nl, unicode.Other_ID_Start, unicode.Other_ID_Continue) && r != '\u200c' && r != '\u200d' {
				return i - at
			}
			i += n
		default:
			return i - at
		}
	}
	if i > len(s) {
		i = len(s)
	}
	return i - at
}
