package instrument

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
)

// finish computes each function's outer variables (the enclosing names
// it refers to, nearest declaration first), its captured ones (its own
// that inner functions refer to), and which functions share helpers.
func (in *instrumenter) finish() {
	for _, f := range in.fns {
		f.outer = outerVars(f)
		in.res.Funcs[f.index].Outer = f.outer
	}
	for _, f := range in.fns {
		var captured []Var
		if f.index != 0 || in.wrappedTop { // a script's top level names are the global object's
			vars := f.params
			if f.body != nil {
				for _, v := range f.body.vars {
					vars = append(vars[:len(vars):len(vars)], v.Var)
				}
			}
			for _, v := range vars {
				// A nested block's name of the same would be the one the
				// getter reaches.
				if f.captured[v.Name] && !f.nestedNames[v.Name] {
					captured = append(captured, v)
				}
			}
		}
		in.res.Funcs[f.index].Captured = captured
		f.getter = getterText(append(f.outer[:len(f.outer):len(f.outer)], captured...))
	}
	in.share()
}

// shareLimit is how much text (bytes) a function's hooks may repeat
// before they share helpers instead. Tests lower it to share everywhere.
var shareLimit = 8 << 10

// share decides which functions declare shared helpers, and declares them.
//
// By value, each hook lists the function's locals and carries the getter
// over the enclosing functions' variables: text proportional to hooks x
// names. In a module scope or a factory such as lodash's runInContext (600
// names, hundreds of statements) that made lodash 23x its size and 50x
// slower to load. There the hooks call helpers the function declares once
// instead: $$L() reads the function-level names, $$W(w) assigns them,
// $$G is the getter. Declarations are hoisted, so they go before the
// body's closing brace. They cost a closure each per call, and $$L/$$W
// move the names they capture to goja's heap stash, so small (hot)
// functions keep the text inline.
func (in *instrumenter) share() {
	localsText := make([]int, len(in.fns))
	getterText := make([]int, len(in.fns))
	for id, h := range in.res.Hooks {
		f := in.hookFn[id]
		if in.sharedPrefix(f, &h) {
			for _, v := range f.params {
				localsText[f.index] += 2*len(v.Name) + 2
			}
		}
		getterText[f.index] += len(f.getter)
	}
	for _, f := range in.fns {
		if f.bodyEnd < 0 {
			continue
		}
		f.shareLocals = localsText[f.index] > shareLimit
		f.shareGetter = f.getter != "0" && getterText[f.index] > shareLimit
		var b strings.Builder
		if f.shareLocals {
			b.WriteString("function " + nameRead + "(){return[")
			writeNames(&b, f.params, false)
			b.WriteString("]}")
			if writable(f.params) {
				b.WriteString("function " + nameAssign + "(" + NameWrite + "){[")
				writeNames(&b, f.params, true)
				b.WriteString("]=" + NameWrite + "}")
			}
		}
		if f.shareGetter {
			b.WriteString("function " + nameGetter + getterParams + strings.TrimPrefix(f.getter, getterParams+"=>"))
		}
		if b.Len() > 0 {
			in.insert(f.bodyEnd, 0, ";"+b.String())
		}
		if f.lazyGetter() && !in.moduleGetter(f) {
			text := "var " + NameGetter + ";"
			if f.declSemi {
				text = ";" + text
			}
			in.insert(f.declAt, 1, text)
		}
	}
	// The module scope declares the getters of functions that reach only
	// its names: made once, not once per call.
	var names []string
	for _, f := range in.fns {
		if in.moduleGetter(f) {
			names = append(names, in.getterVar(f))
		}
	}
	if len(names) > 0 {
		in.insert(in.fns[0].declAt, 1, "var "+strings.Join(names, ",")+";")
	}
}

// moduleGetter says f's hooks keep its getter in a variable of the module
// scope: a wrapped file's function whose getter reaches only the module's
// function-level names (no block's, no function's), so that one getter
// serves every call.
func (in *instrumenter) moduleGetter(f *fnScope) bool {
	return in.wrappedTop && f.index > 0 && f.outerAtTop && len(in.res.Funcs[f.index].Captured) == 0 && f.lazyGetter() && in.fns[0].declAt >= 0
}

// getterVar is the variable that keeps f's getter.
func (in *instrumenter) getterVar(f *fnScope) string {
	if in.moduleGetter(f) {
		return NameGetter + strconv.Itoa(f.index)
	}
	return NameGetter
}

// lazyGetter says f's hooks make its getter once per call, in a variable
// of its own (an armed hook allocates no closure after the first).
func (f *fnScope) lazyGetter() bool {
	return f.getter != "0" && !f.shareGetter && f.declAt >= 0
}

// Names of the helpers a function with shared helpers declares.
const (
	nameRead   = "$$L"
	nameAssign = "$$W"
	nameGetter = "$$G"
)

// sharedPrefix says hook h's locals start with all of f's function-level
// names (none is shadowed by a block's), so $$L can give them.
func (in *instrumenter) sharedPrefix(f *fnScope, h *Hook) bool {
	if len(h.Locals) < len(f.params) || len(f.params) == 0 {
		return false
	}
	for i, v := range f.params {
		if h.Locals[i].Name != v.Name {
			return false
		}
	}
	return true
}

// writeNames writes names separated by commas; for an assignment pattern
// a constant is a hole.
func writeNames(b *strings.Builder, vars []Var, pattern bool) {
	for i, v := range vars {
		if i > 0 {
			b.WriteByte(',')
		}
		if !pattern || !v.Const {
			b.WriteString(v.Name)
		}
	}
}

func writable(vars []Var) bool {
	for _, v := range vars {
		if !v.Const {
			return true
		}
	}
	return false
}

// outerVars resolves the names f refers to and does not declare in the
// scopes around its start. They are ordered by where they are declared:
// the nearest function first, in it the innermost block first, then its
// function-level names; in a scope, in declaration order.
func outerVars(f *fnScope) []Var {
	type found struct {
		level, block, index int
		v                   Var
	}
	var out []found
	f.outerAtTop = true
	for name := range f.refs {
		if f.declared[name] || f.blockNames[name] || strings.HasPrefix(name, "$$") {
			continue
		}
		level := 0
	resolve:
		for g := f.parent; g != nil; g, level = g.parent, level+1 {
			blocks := f.defBlocks[level]
			for i := len(blocks) - 1; i >= 0; i-- {
				if j, ok := blocks[i].index()[name]; ok {
					out = append(out, found{level, len(blocks) - 1 - i, j, blocks[i].vars[j].Var})
					bodyLevel := blocks[i].depth == 0 && !blocks[i].switch_
					if bodyLevel {
						g.markCaptured(name)
					}
					f.outerAtTop = f.outerAtTop && bodyLevel && g.index == 0
					break resolve
				}
			}
			if j, ok := g.paramIndex()[name]; ok {
				out = append(out, found{level, len(blocks), j, g.params[j]})
				g.markCaptured(name)
				f.outerAtTop = f.outerAtTop && g.index == 0
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.level != b.level {
			return a.level < b.level
		}
		if a.block != b.block {
			return a.block < b.block
		}
		return a.index < b.index
	})
	if len(out) == 0 {
		return nil
	}
	vars := make([]Var, len(out))
	for i, o := range out {
		vars[i] = o.v
		vars[i].Block = 0
	}
	return vars
}

func (f *fnScope) markCaptured(name string) {
	if f.captured == nil {
		f.captured = map[string]bool{}
	}
	f.captured[name] = true
}

func (b *blockScope) index() map[string]int {
	if b.idx == nil {
		b.idx = make(map[string]int, len(b.vars))
		for i, v := range b.vars {
			if _, ok := b.idx[v.Name]; !ok {
				b.idx[v.Name] = i
			}
		}
	}
	return b.idx
}

func (f *fnScope) paramIndex() map[string]int {
	if f.paramIdx == nil {
		f.paramIdx = make(map[string]int, len(f.params))
		for i, v := range f.params {
			f.paramIdx[v.Name] = i
		}
	}
	return f.paramIdx
}

// getterText is ($$k,$$v,$$s)=>{switch($$k){case 0:return $$s?x=$$v:x;...}}:
// read ($$s false) or assign ($$s true) outer variable $$k.
func getterText(outer []Var) string {
	if len(outer) == 0 {
		return "0"
	}
	var b strings.Builder
	b.WriteString(getterParams + "=>{switch($$k){")
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

const getterParams = "($$k,$$v,$$s)"

// hookText is the statement inserted for hook id.
func (in *instrumenter) hookText(id int) string {
	h := &in.res.Hooks[id]
	f := in.hookFn[id]
	shared := f.shareLocals && in.sharedPrefix(f, h)
	var b strings.Builder
	cond := NameArmed + "[" + strconv.Itoa(id) + "]"
	if h.Kind == LoopBody || h.Kind == EmptyBody {
		cond = "(" + cond + "||--" + NameBudget + "<0&&(" + NameBudget + "=" + strconv.Itoa(PollEvery) + ",1))"
	}
	call := func() {
		b.WriteString(NameHit)
		b.WriteByte('(')
		b.WriteString(strconv.Itoa(id))
		if in.hookNoThis[id] {
			b.WriteString(",void 0,")
		} else {
			b.WriteString(",this,")
		}
		switch {
		case f.shareGetter:
			b.WriteString(nameGetter)
		case f.lazyGetter():
			v := in.getterVar(f)
			b.WriteString(v + "||(" + v + "=" + f.getter + ")")
		default:
			b.WriteString(f.getter)
		}
		if f.async {
			b.WriteString("," + NameToken)
		} else {
			b.WriteString(",0")
		}
		if shared {
			b.WriteString(",..." + nameRead + "()")
			if rest := h.Locals[len(f.params):]; len(rest) > 0 {
				b.WriteByte(',')
				writeNames(&b, rest, false)
			}
		} else if len(h.Locals) > 0 {
			b.WriteByte(',')
			writeNames(&b, h.Locals, false)
		}
		b.WriteByte(')')
	}
	if h.Kind == LoopHead {
		// (cond&&($$w=$$h(...))&&([a,b]=$$w), test): an expression.
		b.WriteString("(" + cond)
		if !writable(h.Locals) {
			b.WriteString("&&")
			call()
			b.WriteByte(',')
			return b.String()
		}
		b.WriteString("&&(" + NameWrite + "=")
		call()
		b.WriteString(")&&(")
		writeBack(&b, f, h, shared)
		b.WriteString("),")
		return b.String()
	}
	b.WriteString("if(")
	b.WriteString(cond)
	if !writable(h.Locals) {
		b.WriteByte(')')
		call()
		b.WriteByte(';')
		return b.String()
	}
	b.WriteString("&&(" + NameWrite + "=")
	call()
	b.WriteString("))")
	writeBack(&b, f, h, shared)
	b.WriteByte(';')
	return b.String()
}

// writeBack writes the expression that stores a hook's answer ($$w) back
// into the locals: one destructuring of them all, or, in a function whose
// hooks share helpers, the parameters through the assign helper and the
// other locals from the answer's tail.
func writeBack(b *strings.Builder, f *fnScope, h *Hook, shared bool) {
	if !shared {
		b.WriteByte('[')
		writeNames(b, h.Locals, true)
		b.WriteString("]=" + NameWrite)
		return
	}
	sep := ""
	if writable(f.params) {
		b.WriteString(nameAssign + "(" + NameWrite + ")")
		sep = ","
	}
	if rest := h.Locals[len(f.params):]; writable(rest) {
		b.WriteString(sep + "[")
		writeNames(b, rest, true)
		b.WriteString("]=" + NameWrite + ".slice(" + strconv.Itoa(len(f.params)) + ")")
	}
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
