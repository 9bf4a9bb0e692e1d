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
		if in.hookNoThis[id] {
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
	open, ok := in.parenBalance(start, end)
	if !ok {
		return 0, false
	}
	for ; open > 0; open-- {
		j := in.skipTrivia(end)
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
			j := in.skipTrivia(in.closeParens(in.end(e.Operand)))
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
		// goja's Idx1 misses the parentheses of `new X()`, whose argument
		// list is nil like that of `new X`.
		if e.RightParenthesis > 0 {
			return in.off(e.RightParenthesis) + 1
		}
		return in.end(e.Callee)
	case *ast.MetaProperty:
		return in.end(e.Property)
	case *ast.ArrowFunctionLiteral:
		if b, ok := e.Body.(*ast.ExpressionBody); ok {
			return in.end(b.Expression)
		}
	}
	return in.off(e.Idx1())
}

// closeParens skips the closing parentheses (and trivia) at off that close
// parentheses opened inside the operand: used for `(a)++`, which is rare;
// it skips at most what it sees.
func (in *instrumenter) closeParens(off int) int {
	for {
		j := in.skipTrivia(off)
		if j < len(in.src) && in.src[j] == ')' {
			off = j + 1
			continue
		}
		return off
	}
}

// parenBalance counts the parentheses opened and not closed in the code
// between start and end, outside literals and comments; false if more
// close than open.
func (in *instrumenter) parenBalance(start, end int) (int, bool) {
	depth := 0
	i := sort.Search(len(in.spans), func(i int) bool { return in.spans[i].end > start })
	for at := start; at < end; at++ {
		for i < len(in.spans) && in.spans[i].end <= at {
			i++
		}
		if i < len(in.spans) && in.spans[i].start <= at {
			at = in.spans[i].end - 1
			continue
		}
		switch in.src[at] {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return 0, false
			}
		}
	}
	return depth, true
}
