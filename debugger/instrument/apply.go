package instrument

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
)

// finish computes each function's outer variables: the enclosing names it
// refers to, nearest declaration first.
func (in *instrumenter) finish() {
	for _, f := range in.fns {
		for _, v := range f.cands {
			if f.refs[v.Name] && !f.declared[v.Name] && !strings.HasPrefix(v.Name, "$$") {
				v.Block = 0
				f.outer = append(f.outer, v)
			}
		}
		in.res.Funcs[f.index].Outer = f.outer
		f.getter = getterText(f.outer)
	}
}

// getterText is (k,v,s)=>{switch(k){case 0:return s?x=v:x;...}}: read
// (s false) or assign (s true) outer variable k.
func getterText(outer []Var) string {
	if len(outer) == 0 {
		return "0"
	}
	var b strings.Builder
	b.WriteString("($$k,$$v,$$s)=>{switch($$k){")
	for i, v := range outer {
		b.WriteString("case ")
		b.WriteString(strconv.Itoa(i))
		b.WriteString(":return ")
		if !v.Const {
			b.WriteString("$$s?")
			b.WriteString(v.Name)
			b.WriteString("=$$v:")
		}
		b.WriteString(v.Name)
		b.WriteByte(';')
	}
	b.WriteString("}}")
	return b.String()
}

// hookText is the statement inserted for hook id.
func (in *instrumenter) hookText(id int) string {
	h := &in.res.Hooks[id]
	f := in.hookFn[id]
	var b strings.Builder
	cond := NameArmed + "[" + strconv.Itoa(id) + "]"
	if h.Kind == LoopBody || h.Kind == EmptyBody {
		cond = "(" + cond + "||--" + NameBudget + "[0]<0)"
	}
	call := func() {
		b.WriteString(NameHit)
		b.WriteByte('(')
		b.WriteString(strconv.Itoa(id))
		if f.noThis {
			b.WriteString(",void 0,[")
		} else {
			b.WriteString(",this,[")
		}
		for i, v := range h.Locals {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(v.Name)
		}
		b.WriteString("],")
		b.WriteString(f.getter)
		if f.async {
			b.WriteByte(',')
			b.WriteString(NameToken)
		}
		b.WriteByte(')')
	}
	writable := false
	for _, v := range h.Locals {
		if !v.Const {
			writable = true
		}
	}
	b.WriteString("if(")
	b.WriteString(cond)
	if !writable {
		b.WriteByte(')')
		call()
		b.WriteByte(';')
		return b.String()
	}
	b.WriteString("&&(" + NameWrite + "=")
	call()
	b.WriteString("))[")
	for i, v := range h.Locals {
		if i > 0 {
			b.WriteByte(',')
		}
		if !v.Const {
			b.WriteString(v.Name)
		}
	}
	b.WriteString("]=" + NameWrite + ";")
	return b.String()
}

// apply merges the insertions into the source.
func (in *instrumenter) apply() string {
	sort.SliceStable(in.ins, func(i, j int) bool {
		a, b := in.ins[i], in.ins[j]
		if a.off != b.off {
			return a.off < b.off
		}
		if a.order != b.order {
			return a.order < b.order
		}
		return a.seq < b.seq
	})
	var out strings.Builder
	out.Grow(len(in.src) * 2)
	prev := 0
	for _, ins := range in.ins {
		text := ins.text
		if ins.hook >= 0 {
			text = in.hookText(ins.hook)
		}
		out.WriteString(in.src[prev:ins.off])
		prev = ins.off
		out.WriteString(text)
		if n := len(in.res.Insertions); n > 0 && in.res.Insertions[n-1].Offset == ins.off {
			in.res.Insertions[n-1].Text += text
		} else {
			in.res.Insertions = append(in.res.Insertions, Insertion{Offset: ins.off, Text: text})
		}
	}
	out.WriteString(in.src[prev:])
	return out.String()
}

// exprEnd is the end offset of an expression that starts at start
// (parentheses included), or false when it cannot be told.
func (in *instrumenter) exprEnd(e ast.Expression, start int) (int, bool) {
	end := in.end(e)
	if end <= start || end > len(in.src) {
		return 0, false
	}
	open, ok := parenBalance(in.src[start:end])
	if !ok {
		return 0, false
	}
	for ; open > 0; open-- {
		j := skipSpace(in.src, end)
		if j >= len(in.src) || in.src[j] != ')' {
			return 0, false
		}
		end = j + 1
	}
	return end, true
}

// end is goja's Idx1 made exact where it is not: identifiers are re-read
// from the source (goja counts non-ASCII names wrongly), postfix operators
// may follow spaces. Closing parentheses are not included.
func (in *instrumenter) end(e ast.Expression) int {
	switch e := e.(type) {
	case *ast.Identifier:
		at := in.off(e.Idx)
		return at + identLen(in.src, at)
	case *ast.DotExpression:
		return in.end(&e.Identifier)
	case *ast.PrivateDotExpression:
		at := in.off(e.Identifier.Idx)
		if at < len(in.src) && in.src[at] == '#' {
			at++
		}
		return at + identLen(in.src, at)
	case *ast.BinaryExpression:
		return in.end(e.Right)
	case *ast.AssignExpression:
		return in.end(e.Right)
	case *ast.ConditionalExpression:
		return in.end(e.Alternate)
	case *ast.SequenceExpression:
		return in.end(e.Sequence[len(e.Sequence)-1])
	case *ast.UnaryExpression:
		if e.Postfix {
			j := skipSpace(in.src, in.closeParens(in.end(e.Operand)))
			return j + 2
		}
		return in.end(e.Operand)
	case *ast.AwaitExpression:
		return in.end(e.Argument)
	case *ast.YieldExpression:
		if e.Argument == nil {
			return in.off(e.Yield) + 5
		}
		return in.end(e.Argument)
	case *ast.SpreadElement:
		return in.end(e.Expression)
	case *ast.OptionalChain:
		return in.end(e.Expression)
	case *ast.Optional:
		return in.end(e.Expression)
	case *ast.NewExpression:
		if e.ArgumentList == nil {
			return in.end(e.Callee)
		}
	case *ast.MetaProperty:
		return in.end(e.Property)
	case *ast.ArrowFunctionLiteral:
		if b, ok := e.Body.(*ast.ExpressionBody); ok {
			return in.end(b.Expression)
		}
	}
	return in.off(e.Idx1())
}

// closeParens skips the closing parentheses (and spaces) at off that close
// parentheses opened inside the operand: used for `(a)++`, which is rare;
// it skips at most what it sees.
func (in *instrumenter) closeParens(off int) int {
	for {
		j := skipSpace(in.src, off)
		if j < len(in.src) && in.src[j] == ')' {
			off = j + 1
			continue
		}
		return off
	}
}

func identLen(s string, at int) int {
	i := at
	for i < len(s) {
		c := s[i]
		switch {
		case c == '$' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			i++
		case c == '\\':
			i += 2
		default:
			return i - at
		}
	}
	return i - at
}

// parenBalance counts the parentheses opened and not closed in s, skipping
// strings, templates, comments and regular expressions.
func parenBalance(s string) (int, bool) {
	depth := 0
	var tmpl []int // brace depth at each open template substitution
	braces := 0
	last := byte('(') // last significant character, for regexp detection
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '\'', '"':
			j := i + 1
			for j < len(s) && s[j] != c {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return 0, false
			}
			i = j
		case '`':
			j, ok := skipTemplate(s, i+1)
			if !ok {
				return 0, false
			}
			if j < 0 { // a substitution opened
				tmpl = append(tmpl, braces)
				i = -j
				last = '{'
				continue
			}
			i = j
		case '/':
			if i+1 < len(s) && s[i+1] == '/' {
				for i < len(s) && s[i] != '\n' {
					i++
				}
				continue
			}
			if i+1 < len(s) && s[i+1] == '*' {
				k := strings.Index(s[i+2:], "*/")
				if k < 0 {
					return 0, false
				}
				i += k + 3
				continue
			}
			if strings.IndexByte("(,=:[!&|?{};+-*%<>~^", last) >= 0 {
				j := i + 1
				class := false
				for j < len(s) {
					if s[j] == '\\' {
						j += 2
						continue
					}
					if s[j] == '[' {
						class = true
					} else if s[j] == ']' {
						class = false
					} else if s[j] == '/' && !class {
						break
					} else if s[j] == '\n' {
						return 0, false
					}
					j++
				}
				if j >= len(s) {
					return 0, false
				}
				i = j
				for i+1 < len(s) && identLen(s, i+1) > 0 {
					i++
				}
				last = 'a'
				continue
			}
		case '(':
			depth++
		case ')':
			depth--
		case '{':
			braces++
		case '}':
			if len(tmpl) > 0 && tmpl[len(tmpl)-1] == braces {
				tmpl = tmpl[:len(tmpl)-1]
				j, ok := skipTemplate(s, i+1)
				if !ok {
					return 0, false
				}
				if j < 0 {
					tmpl = append(tmpl, braces)
					i = -j
					last = '{'
					continue
				}
				i = j
				last = '`'
				continue
			}
			braces--
		}
		last = c
		if identLen(s, i) > 0 {
			n := identLen(s, i)
			word := s[i : i+n]
			i += n - 1
			last = 'a'
			switch word {
			case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
				last = '('
			}
		}
	}
	if len(tmpl) > 0 || depth < 0 {
		return 0, false
	}
	return depth, true
}

// skipTemplate scans template text from i: the index of the closing
// backquote, or minus the index of the '{' of a substitution.
func skipTemplate(s string, i int) (int, bool) {
	for i < len(s) {
		switch s[i] {
		case '\\':
			i += 2
			continue
		case '`':
			return i, true
		case '$':
			if i+1 < len(s) && s[i+1] == '{' {
				return -(i + 1), true
			}
		}
		i++
	}
	return 0, false
}
