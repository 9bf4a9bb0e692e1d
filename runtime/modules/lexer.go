package modules

// A small JavaScript tokenizer. The loader never parses JavaScript itself:
// esbuild does. The tokenizer only has to find a few tokens in esbuild's
// normalized output (esbuild-generated `require("x")` calls, `import(`, the
// helper definitions, the top-level-await markers) without being fooled by
// strings, comments, templates and regular expressions, so the rewrites it
// drives are edits at byte offsets that leave every other byte in place.

type tokKind uint8

const (
	tokIdent    tokKind = iota // identifiers and keywords (also #private names)
	tokPunct                   // operators and brackets
	tokString                  // '...' or "..."
	tokNumber                  // numeric literals
	tokRegexp                  // /.../flags
	tokTemplate                // a template without substitutions, or a piece of one: `..${  }..${  }..`
)

type token struct {
	kind       tokKind
	start, end int
	// nl is true when a line terminator precedes the token, for the
	// no-LineTerminator-here rule of postfix ++/--.
	nl bool
	// tmplOpen is true for a template piece that ends in "${" (its
	// substitution follows); tmplCont for a piece that starts with "}".
	tmplOpen, tmplCont bool
}

type lexer struct {
	src  string
	toks []token
}

// tokenize splits src into tokens. It never fails: malformed input (which
// esbuild would have rejected before) yields some token stream, and the
// rewrites that use it are then checked by goja's parser.
func tokenize(src string) []token {
	lx := &lexer{src: src}
	lx.run()
	return lx.toks
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c == '#' || c == '\\' || c >= 0x80 ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || (c >= '0' && c <= '9')
}

// keywords after which a "/" starts a regular expression rather than a division.
var regexpAfterKeyword = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true,
	"new": true, "delete": true, "void": true, "throw": true, "case": true,
	"do": true, "else": true, "yield": true, "await": true, "extends": true,
}

func (lx *lexer) regexpAllowed() bool {
	if len(lx.toks) == 0 {
		return true
	}
	t := lx.toks[len(lx.toks)-1]
	text := lx.src[t.start:t.end]
	switch t.kind {
	case tokIdent:
		return regexpAfterKeyword[text]
	case tokPunct:
		// After a closing bracket a "/" is a division in esbuild's output,
		// which never starts a statement with a regular expression literal
		// right after a block.
		return text != ")" && text != "]" && text != "}"
	case tokTemplate:
		return t.tmplOpen
	}
	return false
}

var puncts = []string{
	">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=",
	"/=", "%=", "&=", "|=", "^=", "<<", ">>", "**",
}

func (lx *lexer) run() {
	src := lx.src
	// braces records, for each open "{" or "${", whether it opened a
	// template substitution, so the matching "}" resumes the template.
	var braces []bool
	nl := false
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			nl = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			i++
			continue
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			nl = true
			i += 3
			continue
		case c == 0xEF && i+2 < len(src) && src[i+1] == 0xBB && src[i+2] == 0xBF: // BOM
			i += 3
			continue
		case c == 0xC2 && i+1 < len(src) && src[i+1] == 0xA0: // NBSP
			i += 2
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := indexFrom(src, "*/", i+2)
			if end < 0 {
				end = len(src)
			} else {
				end += 2
			}
			for _, ch := range []byte(src[i:end]) {
				if ch == '\n' || ch == '\r' {
					nl = true
				}
			}
			i = end
			continue
		}
		start := i
		t := token{start: start, nl: nl}
		nl = false
		switch {
		case c == '#' && i+1 < len(src) && src[i+1] == '!' && i == 0:
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case isIdentStart(c):
			i++
			for i < len(src) && isIdentPart(src[i]) {
				if src[i] == '\\' { // unicode escape in identifier
					i++
				}
				i++
			}
			t.kind = tokIdent
		case c >= '0' && c <= '9' || (c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9'):
			i++
			for i < len(src) && (isIdentPart(src[i]) || src[i] == '.' ||
				((src[i] == '+' || src[i] == '-') && (src[i-1] == 'e' || src[i-1] == 'E') && !isHexLiteral(src[start:i]))) {
				i++
			}
			t.kind = tokNumber
		case c == '"' || c == '\'':
			i = skipString(src, i)
			t.kind = tokString
		case c == '`':
			i = skipTemplatePiece(src, i+1, &t)
			t.kind = tokTemplate
			if t.tmplOpen {
				braces = append(braces, true)
			}
		case c == '}' && len(braces) > 0 && braces[len(braces)-1]:
			braces = braces[:len(braces)-1]
			t.tmplCont = true
			i = skipTemplatePiece(src, i+1, &t)
			t.kind = tokTemplate
			if t.tmplOpen {
				braces = append(braces, true)
			}
		case c == '/' && lx.regexpAllowed():
			i = skipRegexp(src, i)
			t.kind = tokRegexp
		default:
			t.kind = tokPunct
			n := 1
			for _, p := range puncts {
				if len(src)-i >= len(p) && src[i:i+len(p)] == p {
					n = len(p)
					break
				}
			}
			// "?." followed by a digit is a conditional and a number.
			if n == 2 && src[i:i+2] == "?." && i+2 < len(src) && src[i+2] >= '0' && src[i+2] <= '9' {
				n = 1
			}
			i += n
			switch c {
			case '{':
				braces = append(braces, false)
			case '}':
				if len(braces) > 0 {
					braces = braces[:len(braces)-1]
				}
			}
		}
		t.end = i
		lx.toks = append(lx.toks, t)
	}
}

func isHexLiteral(s string) bool {
	return len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func skipString(src string, i int) int {
	q := src[i]
	i++
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case q:
			return i + 1
		case '\n':
			return i
		}
		i++
	}
	return i
}

// skipTemplatePiece scans template characters from i (just after "`" or
// "}") to the closing "`" or to a "${", which it marks on t.
func skipTemplatePiece(src string, i int, t *token) int {
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '`':
			return i + 1
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				t.tmplOpen = true
				return i + 2
			}
		}
		i++
	}
	return i
}

func skipRegexp(src string, i int) int {
	i++
	inClass := false
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				i++
				for i < len(src) && isIdentPart(src[i]) {
					i++
				}
				return i
			}
		case '\n':
			return i
		}
		i++
	}
	return i
}

// tokens is a token slice over its source, with the queries the rewrites need.
type tokens struct {
	src  string
	toks []token
	// match maps the index of an opening bracket (or template head) to the
	// index of its closing partner, and back.
	match map[int]int
	depth []int // bracket depth of each token (0 = top level)
}

func newTokens(src string) *tokens {
	ts := &tokens{src: src, toks: tokenize(src), match: map[int]int{}}
	ts.depth = make([]int, len(ts.toks))
	var stack []int
	for i, t := range ts.toks {
		ts.depth[i] = len(stack)
		switch {
		case t.kind == tokPunct && (ts.text(i) == "(" || ts.text(i) == "[" || ts.text(i) == "{"):
			stack = append(stack, i)
		case t.kind == tokTemplate && t.tmplOpen && !t.tmplCont:
			stack = append(stack, i)
		case t.kind == tokPunct && (ts.text(i) == ")" || ts.text(i) == "]" || ts.text(i) == "}"),
			t.kind == tokTemplate && t.tmplCont && !t.tmplOpen:
			if len(stack) > 0 {
				open := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				ts.match[open] = i
				ts.match[i] = open
				ts.depth[i] = len(stack)
			}
		}
	}
	return ts
}

func (ts *tokens) text(i int) string {
	if i < 0 || i >= len(ts.toks) {
		return ""
	}
	return ts.src[ts.toks[i].start:ts.toks[i].end]
}

func (ts *tokens) is(i int, kind tokKind, text string) bool {
	return i >= 0 && i < len(ts.toks) && ts.toks[i].kind == kind && ts.text(i) == text
}

func (ts *tokens) punct(i int, text string) bool { return ts.is(i, tokPunct, text) }
func (ts *tokens) ident(i int, text string) bool { return ts.is(i, tokIdent, text) }

// closeOf returns the index just past the bracket group or template opened at i.
func (ts *tokens) closeOf(i int) int {
	if j, ok := ts.match[i]; ok && j > i {
		return j + 1
	}
	return i + 1
}

// indexAt returns the index of the token starting at byte offset off, or -1.
func (ts *tokens) indexAt(off int) int {
	lo, hi := 0, len(ts.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if ts.toks[m].start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ts.toks) && ts.toks[lo].start == off {
		return lo
	}
	return -1
}

// unaryEnd returns the index just past the UnaryExpression that starts at
// token i: the operand of an `await` at i-1. It follows the grammar only as
// far as esbuild's printed output needs.
func (ts *tokens) unaryEnd(i int) int {
	for i < len(ts.toks) {
		t := ts.text(i)
		if ts.toks[i].kind == tokPunct && (t == "!" || t == "~" || t == "+" || t == "-" || t == "++" || t == "--") ||
			ts.toks[i].kind == tokIdent && (t == "typeof" || t == "void" || t == "delete" || t == "await") {
			i++
			continue
		}
		break
	}
	j := ts.lhsEnd(i, true)
	if j < len(ts.toks) && !ts.toks[j].nl && (ts.punct(j, "++") || ts.punct(j, "--")) {
		j++
	}
	return j
}

func (ts *tokens) lhsEnd(i int, calls bool) int {
	if i >= len(ts.toks) {
		return i
	}
	var j int
	switch {
	case ts.ident(i, "new"):
		if ts.punct(i+1, ".") {
			j = i + 3
			break
		}
		j = ts.lhsEnd(i+1, false)
		if ts.punct(j, "(") {
			j = ts.closeOf(j)
		}
	default:
		j = ts.primaryEnd(i)
	}
	for j < len(ts.toks) {
		switch {
		case ts.punct(j, "."):
			j += 2
		case ts.punct(j, "?."):
			if ts.punct(j+1, "(") || ts.punct(j+1, "[") {
				j = ts.closeOf(j + 1)
			} else {
				j += 2
			}
		case ts.punct(j, "["):
			j = ts.closeOf(j)
		case ts.punct(j, "(") && calls:
			j = ts.closeOf(j)
		case ts.toks[j].kind == tokTemplate && !ts.toks[j].tmplCont:
			j = ts.templateEnd(j)
		default:
			return j
		}
	}
	return j
}

func (ts *tokens) templateEnd(i int) int {
	if ts.toks[i].tmplOpen {
		return ts.closeOf(i)
	}
	return i + 1
}

func (ts *tokens) primaryEnd(i int) int {
	if ts.ident(i, "async") && ts.ident(i+1, "function") {
		i++
	}
	switch {
	case ts.ident(i, "function"):
		j := i + 1
		if ts.punct(j, "*") {
			j++
		}
		if ts.toks[j].kind == tokIdent && !ts.punct(j, "(") {
			j++
		}
		j = ts.closeOf(j) // parameters
		return ts.closeOf(j)
	case ts.ident(i, "class"):
		j := i + 1
		for j < len(ts.toks) && !ts.punct(j, "{") {
			if ts.punct(j, "(") || ts.punct(j, "[") {
				j = ts.closeOf(j)
				continue
			}
			j++
		}
		return ts.closeOf(j)
	case ts.punct(i, "(") || ts.punct(i, "[") || ts.punct(i, "{"):
		return ts.closeOf(i)
	case ts.toks[i].kind == tokTemplate:
		return ts.templateEnd(i)
	}
	return i + 1
}

// isDynamicImport reports whether token i is the `import` of an import()
// call: not a property (o.import(...)) and not a method named import
// (import(x) { ... } in a class or object literal).
func (ts *tokens) isDynamicImport(i int) bool {
	if !ts.ident(i, "import") || !ts.punct(i+1, "(") || ts.punct(i-1, ".") || ts.punct(i-1, "?.") {
		return false
	}
	return !ts.punct(ts.closeOf(i+1), "{")
}

// opensFunctionBody reports whether the "{" at i starts a function body:
// after "=>", or after the parameter list of a function or method, that is
// a ")" whose "(" does not follow if, for, while, switch, catch or with.
func (ts *tokens) opensFunctionBody(i int) bool {
	switch {
	case ts.punct(i-1, "=>"):
		return true
	case ts.punct(i-1, ")"):
		open, ok := ts.match[i-1]
		if !ok {
			return false
		}
		for _, kw := range []string{"if", "for", "while", "switch", "catch", "with"} {
			if ts.ident(open-1, kw) {
				return false
			}
		}
		// for await (...) {
		return !(ts.ident(open-1, "await") && ts.ident(open-2, "for"))
	}
	return false
}
