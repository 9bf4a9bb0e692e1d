package instrument

import (
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
)

// span is a byte range [start, end) of the source that is not code: a
// string, a regular expression, template text (with its delimiters ` ${ }),
// or a comment.
type span struct {
	start, end int
	comment    bool
}

// scanSpans finds the literals and comments of src. Whether a '/' starts a
// regular expression cannot be told from the text alone, so their starts
// come from the AST; the rest is scanned here (goja keeps no comments and
// no parentheses, and its positions of template text are off by one). The
// table lets the instrumenter skip comments and count parentheses exactly.
func scanSpans(src string, prg *ast.Program) []span {
	regexps := regexpStarts(src, prg)
	var spans []span
	var braces []bool // per open brace: whether it is a template's ${
	next := 0         // index into regexps
	i := 0
	if strings.HasPrefix(src, "#!") {
		e := lineEnd(src, 2)
		spans = append(spans, span{0, e, true})
		i = e
	}
	// template scans template text from i, just after the ` or the } that
	// starts it at start.
	template := func(start, i int) int {
		for ; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '`':
				spans = append(spans, span{start, i + 1, false})
				return i + 1
			case '$':
				if i+1 < len(src) && src[i+1] == '{' {
					spans = append(spans, span{start, i + 2, false})
					braces = append(braces, true)
					return i + 2
				}
			}
		}
		spans = append(spans, span{start, len(src), false})
		return len(src)
	}
	for i < len(src) {
		switch src[i] {
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				e := lineEnd(src, i+2)
				spans = append(spans, span{i, e, true})
				i = e
				continue
			}
			if i+1 < len(src) && src[i+1] == '*' {
				e := len(src)
				if k := strings.Index(src[i+2:], "*/"); k >= 0 {
					e = i + 2 + k + 2
				}
				spans = append(spans, span{i, e, true})
				i = e
				continue
			}
			for next < len(regexps) && regexps[next] < i {
				next++
			}
			if next < len(regexps) && regexps[next] == i {
				e := regexpEnd(src, i)
				spans = append(spans, span{i, e, false})
				i = e
				continue
			}
		case '\'', '"':
			e := stringEnd(src, i)
			spans = append(spans, span{i, e, false})
			i = e
			continue
		case '`':
			i = template(i, i+1)
			continue
		case '{':
			braces = append(braces, false)
		case '}':
			if n := len(braces); n > 0 {
				subst := braces[n-1]
				braces = braces[:n-1]
				if subst {
					i = template(i, i+1)
					continue
				}
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

// stringEnd is the end of the string literal whose quote is at i.
func stringEnd(src string, i int) int {
	q := src[i]
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case q:
			return i + 1
		}
	}
	return len(src)
}

// regexpEnd is the end of the regular expression literal (flags included)
// whose '/' is at i.
func regexpEnd(src string, i int) int {
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
	return len(src)
}

var (
	typeRegExpLit = reflect.TypeOf(&ast.RegExpLiteral{})
	typeIdx       = reflect.TypeOf(file.Idx(0))
)

// regexpStarts lists where the regular expression literals of prg start,
// sorted. It walks the AST by reflection so that no node type can be
// missed.
func regexpStarts(src string, prg *ast.Program) []int {
	var out []int
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
			if v.Type() == typeRegExpLit {
				if off := int(v.Interface().(*ast.RegExpLiteral).Idx) - 1; off >= 0 && off < len(src) && src[off] == '/' {
					out = append(out, off)
				}
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
	sort.Ints(out)
	return out
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
		// A comment first: a line comment can end in white space.
		if s, ok := in.commentEndingAt(i); ok {
			i = s.start
			continue
		}
		if n := spaceLenBack(in.src, i); n > 0 {
			i -= n
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
