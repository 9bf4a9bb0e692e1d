package ui

import (
	"fmt"
	"strings"
)

// Replace in the editor (Ctrl+H): the find bar's second row, as in VS
// Code. Replace changes the selected match and selects the next; Replace
// All changes every match in one undo step. With the regex toggle the
// replacement may name the pattern's groups as JavaScript does ($1, $&,
// $<name>), and \n and \t in it are a newline and a tab.

// expandTemplate turns a JavaScript-style replacement into a Go
// regexp.Expand template: $1 and $12 are groups (Go would read $1x as a
// group named "1x"), $& the whole match, $<name> a named group, $$ a
// dollar, and a $ before anything else stays a dollar; \n, \t and \\ are
// a newline, a tab and a backslash.
func expandTemplate(repl string) string {
	var b strings.Builder
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		switch {
		case c == '\\' && i+1 < len(repl) && strings.IndexByte(`nt\`, repl[i+1]) >= 0:
			i++
			switch repl[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte('\\')
			}
		case c != '$':
			b.WriteByte(c)
		case i+1 < len(repl) && repl[i+1] >= '0' && repl[i+1] <= '9':
			j := i + 2
			if j < len(repl) && repl[j] >= '0' && repl[j] <= '9' {
				j++
			}
			fmt.Fprintf(&b, "${%s}", repl[i+1:j])
			i = j - 1
		case i+1 < len(repl) && repl[i+1] == '&':
			b.WriteString("${0}")
			i++
		case i+1 < len(repl) && repl[i+1] == '<':
			if end := strings.IndexByte(repl[i+2:], '>'); end >= 0 {
				fmt.Fprintf(&b, "${%s}", repl[i+2:i+2+end])
				i += 2 + end
			} else {
				b.WriteString("$$")
			}
		case i+1 < len(repl) && repl[i+1] == '$':
			b.WriteString("$$")
			i++
		default:
			b.WriteString("$$")
		}
	}
	return b.String()
}

// replacer makes the replacement text of the matches of a matcher.
type replacer struct {
	m    *matcher
	repl string // plain text, or a regexp.Expand template
}

func newReplacer(m *matcher, repl string) *replacer {
	if m.re != nil {
		repl = expandTemplate(repl)
	}
	return &replacer{m: m, repl: repl}
}

// text is what replaces the match at loc in s (plain text: the
// replacement as typed).
func (r *replacer) text(s string, loc []int) string {
	if loc == nil {
		return r.repl
	}
	return string(r.m.re.ExpandString(nil, r.repl, s, loc))
}

// line returns s with every match replaced, and how many there were.
func (r *replacer) line(s string) (string, int) {
	var (
		b      strings.Builder
		rs     []rune // plain mode: columns are runes
		n, at  int    // at: where the text not yet copied starts (bytes or runes)
		plainC = r.m.re == nil
	)
	r.m.each(s, func(col, k int, loc []int) {
		n++
		if plainC {
			if rs == nil {
				rs = []rune(s)
			}
			b.WriteString(string(rs[at:col]))
			b.WriteString(r.repl)
			at = col + k
			return
		}
		b.WriteString(s[at:loc[0]])
		b.WriteString(r.text(s, loc))
		at = loc[1]
	})
	if n == 0 {
		return s, 0
	}
	if plainC {
		b.WriteString(string(rs[at:]))
	} else {
		b.WriteString(s[at:])
	}
	return b.String(), n
}

// replacing says whether the find bar shows its replace row.
func (e *editor) replacing() bool { return e.finding() && e.find.replaceRow.Visible() }

// ShowReplace opens the find bar with its replace row (Ctrl+H); the
// keyboard goes to the replace field when there is something to find.
func (e *editor) ShowReplace() {
	e.ShowFind()
	e.find.replaceRow.Show()
	if e.find.query.Text != "" {
		e.focus(e.find.replace)
	}
}

// findMatcher is the find bar's matcher, nil with no query or an invalid
// pattern.
func (e *editor) findMatcher() *matcher {
	if !e.finding() || e.find.query.Text == "" {
		return nil
	}
	m, err := newMatcher(e.find.options())
	if err != nil {
		return nil
	}
	return m
}

// ReplaceNext replaces the current match when it is what is selected,
// then selects the next match (Enter in the replace field, or the Replace
// button); with no match selected it only selects the next, as VS Code
// does, so that one sees what is replaced.
func (e *editor) ReplaceNext() {
	m := e.findMatcher()
	if m == nil || len(e.matches) == 0 {
		return
	}
	if e.current >= 0 && e.current < len(e.matches) {
		cur := e.matches[e.current]
		from, to := e.anchor, e.cursor
		if to.before(from) {
			from, to = to, from
		}
		if e.selecting && from == cur.from() && to == cur.to() {
			text, ok := e.replacementAt(m, cur)
			if ok {
				e.pushUndo("")
				e.replace(cur.from(), cur.to(), text)
				e.cursorMoved()
			}
		}
	}
	e.FindNext()
}

// replacementAt is the replacement of match cur, found again on its line
// for a regular expression's groups; false if it is no longer a match.
func (e *editor) replacementAt(m *matcher, cur textMatch) (string, bool) {
	r := newReplacer(m, e.find.replace.Text)
	s := e.lines[cur.line]
	text, found := "", false
	m.each(s, func(col, n int, loc []int) {
		if !found && col == cur.col && n == cur.n {
			text, found = r.text(s, loc), true
		}
	})
	return text, found
}

// ReplaceAll replaces every match in one undo step and returns how many
// it replaced. Breakpoints keep their lines, or follow them down when a
// replacement holds newlines.
func (e *editor) ReplaceAll() int {
	m := e.findMatcher()
	if m == nil || len(e.matches) == 0 {
		return 0
	}
	r := newReplacer(m, e.find.replace.Text)
	var (
		lines   []string
		newLine []int // old line -> new line, made only when lines are added
		changed []int // new lines whose text changed
		total   int
	)
	for l, s := range e.lines {
		out, n := r.line(s)
		if n == 0 {
			if lines != nil {
				lines = append(lines, s)
			}
			if newLine != nil {
				newLine[l] = len(lines) - 1
			}
			continue
		}
		if lines == nil {
			lines = append(make([]string, 0, len(e.lines)), e.lines[:l]...)
		}
		total += n
		if newLine == nil && strings.Contains(out, "\n") {
			newLine = make([]int, len(e.lines))
			for i := range l {
				newLine[i] = i
			}
		}
		if newLine != nil {
			newLine[l] = len(lines)
		}
		for _, part := range strings.Split(out, "\n") {
			changed = append(changed, len(lines))
			lines = append(lines, part)
		}
	}
	if total == 0 {
		return 0
	}
	e.pushUndo("")
	e.lastEdit = "" // what is typed next is a step of its own
	if newLine == nil {
		// As many lines as before: colours and breakpoints stay put.
		e.lines = lines
	} else {
		moves := map[int]int{}
		for l := range e.breakpoints {
			moves[l] = newLine[l]
		}
		if len(e.spans) == len(e.lines) {
			spans := make([][]span, len(lines))
			for l, nl := range newLine {
				spans[nl] = e.spans[l]
			}
			e.spans = spans
		}
		e.cursor.line = newLine[min(e.cursor.line, len(newLine)-1)]
		e.lines = lines
		e.moveBreakpoints(moves)
	}
	e.cursor = e.clamp(e.cursor)
	if len(changed) <= maxLineColour {
		for _, l := range changed {
			e.colourLines(l, 1)
		}
	}
	e.edited()
	e.cursorMoved()
	e.find.count.SetText(fmt.Sprintf("%d replaced", total))
	return total
}
