// Package instrument rewrites JavaScript source so that a debugger can stop
// at every statement: the way cmd/cover instruments Go, by inserting text at
// byte offsets of the original, never a newline, so every line keeps its
// number and columns map back through the insertion table.
//
// Before each statement it inserts a hook:
//
//	if($$b[7]&&($$w=$$h(7,this,$$g||($$g=(k,v,s)=>{switch(k){case 0:return s?x=v:x}}),0,a,b,c)))[a,,c]=$$w;
//
// $$b is a per-file Uint8Array (one byte per hook: armed or not) that the
// debugger fills; when the byte is 0 a statement costs one typed-array read.
// When it is set, $$h receives the hook id, `this`, a getter/setter over
// the enclosing functions' variables the function already references and
// its own variables inner functions capture (capturing those costs nothing
// more: they are in goja's heap stash already), made once per call into
// the function's $$g, the async token (0 outside async functions), then
// the values of the function's locals visible there, as arguments (by
// value, so they stay on goja's stack; a closure over them would move them
// to the heap and cost up to 3x; arguments, so an armed hook allocates no
// array). If $$h returns an array, the locals are assigned from it (the
// debugger set a value).
// Loop bodies also count down $$c, a number in the file's scope, so that
// a busy loop calls $$h every PollEvery iterations, where a pause request
// can stop it. (A JS number, not the Int32Array $$D.file gives: goja's
// typed array read-modify-write made lodash code 2.7x slower instrumented,
// the number 1.75x.) Async
// functions pass a per-call token $$f, so that stepping over
// an await stops in the same invocation.
//
// A function whose hooks would repeat much text (a module scope or a
// factory with hundreds of names and statements) declares helpers once
// instead, before its closing brace: $$L() lists its function-level
// names, $$W(w) assigns them, $$G is its getter; a hook there passes
// $$G and ...$$L(), block locals. The protocol is the same.
//
// Single-statement bodies (if, else, loops, with) are wrapped in braces and
// arrow functions with an expression body get a block with a return, so
// that they too have a hook. The directive prologue of every function stays
// first. The result is parsed again; a file that cannot be instrumented is
// reported, never half-rewritten.
//
// The package is pure: no goja runtime, no goroutines.
package instrument

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// ErrUnsupported is returned when the instrumented text does not parse.
var ErrUnsupported = errors.New("instrumented source does not parse")

// Names of the identifiers the instrumented code uses. They are valid
// identifiers that ordinary code does not use.
const (
	NameArmed   = "$$b" // Uint8Array, one byte per hook
	NameHit     = "$$h" // func(id, this, getter, token, ...locals) -> array | undefined
	NameWrite   = "$$w"
	NameBudget  = "$$c" // number: loop iterations until the next poll
	NameToken   = "$$f"
	NameGetter  = "$$g" // a function's getter, made at its first armed hook
	NameThrow   = "$$t" // func(id, value) -> value: a throw statement's value, before it is thrown
	NameRuntime = "$$D" // global object with file(id) -> {b, h, c}
)

// PollEvery is how many loop iterations run between two calls of $$h by a
// loop whose hooks are not armed: the budget resets to it when it runs out.
const PollEvery = 20000

// Options configures Instrument.
type Options struct {
	// FileID identifies the file to the hook helper: the prologue calls
	// $$D.file(FileID).
	FileID int
	// Wrapped says the code is a single parenthesized function expression
	// (the module wrapper): its body is the module scope and gets the
	// prologue. Otherwise the prologue goes at the top of the script.
	Wrapped bool
}

// Kind says where a hook is.
type Kind uint8

const (
	Statement   Kind = iota // before a statement
	LoopBody                // before the first statement of a loop body (also polls)
	ArrowBody               // before the expression body of an arrow function
	EmptyBody               // in an empty loop body (polls)
	LoopHead                // before a loop's test or update expression: a comma expression, stops once per iteration as V8 does
	LoopBinding             // first in a for-of or for-in body, at the loop's binding: V8 stops there once per iteration
)

// Var is a variable a hook can show.
type Var struct {
	Name  string
	Const bool // not assignable (const, class name inside its body, named function expression)
	// Block is 0 for function-level names (parameters, var, function
	// declarations) and the nesting depth of the block otherwise.
	Block int
}

// Func is one function (or the module/script top level) of the file.
type Func struct {
	Name   string // as written; "" for anonymous functions
	Line   int    // 1-based, of its start
	Column int    // 0-based byte column
	Async  bool   // async function (or the ES module wrapper): hooks pass a per-call token
	// Outer are the enclosing functions' variables this function refers to,
	// indexed by the getter's case number.
	Outer []Var
	// Captured are the function's own function-level names (parameters,
	// var and function declarations) that inner functions refer to: they
	// live in goja's heap stash already, so the getter reaches them too
	// (case len(Outer)+i), live, at no cost. A caller frame's other locals
	// are shown by value as its last hook saw them.
	Captured []Var
	// Parent is the index of the enclosing function, -1 for the top level.
	Parent int
	// Start and End are the byte offsets of the function's text in the
	// input (the whole input for the top level).
	Start, End int
}

// Hook is one stopping point.
type Hook struct {
	Kind   Kind
	Offset int // byte offset in the input where the hook is inserted
	Line   int // 1-based line of the statement in the input
	Column int // 0-based byte column of the statement in the input
	Func   int // index into Result.Funcs
	// Locals are the values passed by value, in order.
	Locals []Var
	// Debugger marks a `debugger;` statement.
	Debugger bool
	// Throw marks a throw statement; ThrowWrapped says its value also goes
	// through $$t(id, value) on its way out.
	Throw, ThrowWrapped bool
	// CatchVar is the catch parameter's name when the hook is the first
	// statement of a catch block (where an exception was caught).
	CatchVar string
}

// Insertion is text inserted at Offset of the input.
type Insertion struct {
	Offset int
	Text   string
}

// Try is the body of a try statement that has a catch clause: an
// exception thrown there (in Func itself) is caught.
type Try struct {
	Func       int
	Start, End int // byte offsets in the input, the braces included
}

// Result is the instrumented text and its tables.
type Result struct {
	Code       string
	Hooks      []Hook
	Funcs      []Func
	Tries      []Try
	Insertions []Insertion // in order of Offset
	lineStarts []int       // of the input
}

// Instrument rewrites src. The output has exactly the lines of src.
func Instrument(src string, opts Options) (*Result, error) {
	prg, err := parse(src)
	if err != nil {
		return nil, fmt.Errorf("parsing: %w", err)
	}
	res, err := instrument(src, opts, prg)
	if err != nil {
		return nil, err
	}
	if _, err := parse(res.Code); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	return res, nil
}

// errPanicked marks an instrumenter bug: an AST it did not expect (goja
// leaves some positions unset). The file then runs uninstrumented rather
// than taking the program down; FuzzInstrument fails on it.
const errPanicked = "instrumenter panicked"

func instrument(src string, opts Options, prg *ast.Program) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %s: %v", ErrUnsupported, errPanicked, r)
		}
	}()
	in := &instrumenter{src: src, opts: opts, spans: scanSpans(src, prg)}
	in.res.lineStarts = lineStarts(src)
	in.run(prg)
	in.res.Code = in.apply()
	return &in.res, nil
}

// parse parses with goja, whose parser panics on some malformed input
// (found by FuzzInstrument).
func parse(src string) (prg *ast.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prg, err = nil, fmt.Errorf("goja's parser panicked: %v", r)
		}
	}()
	return parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Position returns the 1-based line and 0-based byte column of an input offset.
func (r *Result) Position(off int) (line, col int) {
	i := sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > off }) - 1
	return i + 1, off - r.lineStarts[i]
}

// OriginalColumn maps a 0-based byte column on a line of the instrumented
// code back to the input. A column inside inserted text maps to the
// insertion point.
func (r *Result) OriginalColumn(line, col int) int {
	if line < 1 || line > len(r.lineStarts) {
		return col
	}
	start := r.lineStarts[line-1]
	end := len(r.Code) // a bound only; insertions are filtered by line below
	if line < len(r.lineStarts) {
		end = r.lineStarts[line] - 1
	}
	i := sort.Search(len(r.Insertions), func(i int) bool { return r.Insertions[i].Offset >= start })
	gen := 0 // generated column of the current original offset
	orig := start
	for ; i < len(r.Insertions) && r.Insertions[i].Offset <= end; i++ {
		ins := r.Insertions[i]
		gen += ins.Offset - orig
		orig = ins.Offset
		if col < gen {
			return orig - start - (gen - col)
		}
		if col < gen+len(ins.Text) {
			return orig - start
		}
		gen += len(ins.Text)
	}
	return orig - start + (col - gen)
}

// GeneratedColumn maps a 0-based byte column of the input to the
// instrumented code (the column of the original character, after any text
// inserted before it).
func (r *Result) GeneratedColumn(line, col int) int {
	if line < 1 || line > len(r.lineStarts) {
		return col
	}
	start := r.lineStarts[line-1]
	off := start + col
	i := sort.Search(len(r.Insertions), func(i int) bool { return r.Insertions[i].Offset >= start })
	shift := 0
	for ; i < len(r.Insertions) && r.Insertions[i].Offset <= off; i++ {
		shift += len(r.Insertions[i].Text)
	}
	return col + shift
}

type insertion struct {
	off   int
	order int // at one offset: closing braces (0), opening braces (1), hooks (2), then what follows a hook (3)
	seq   int
	text  string
	hook  int // -1, or the hook whose text is generated at apply time
}

type instrumenter struct {
	src   string
	opts  Options
	spans []span // literals and comments, in order
	res   Result
	ins   []insertion
	fns   []*fnScope
	// hookFn holds, per hook, its function scope (for text generation).
	hookFn []*fnScope
	// hookNoThis says, per hook, that it passes undefined for `this`.
	hookNoThis []bool
	// wrappedTop says the top level is a module wrapper's body (its names
	// are locals, not the global object's).
	wrappedTop bool
}

// fnScope is one function being walked.
type fnScope struct {
	index    int
	parent   *fnScope
	params   []Var // parameters, var and function declarations
	declared map[string]bool
	// blockNames are the names declared in the function's blocks: an
	// enclosing function's variable of one of those names is not in
	// outer, as a getter in the block would reach the block's.
	blockNames map[string]bool
	// nestedNames are the names declared in blocks inside the body's own
	// (where a hook's getter would reach them instead of the body's).
	nestedNames map[string]bool
	// body is the block of the function body's own lexical names.
	body   *blockScope
	blocks []*blockScope // the block stack inside this function
	refs   map[string]bool
	arrow  bool
	async  bool
	noThis bool // `this` is not usable (derived constructor before super, or an arrow inside one)
	ctor   bool // a derived constructor: `this` is usable after a super() statement of its body
	with   int  // depth of with statements around the walk's position
	// defBlocks are the block stacks of the enclosing functions (parent
	// first) where the function starts: with their params, the names it
	// can see.
	defBlocks [][]*blockScope
	paramIdx  map[string]int // index in params, built by finish
	outer     []Var
	captured  map[string]bool // params that inner functions refer to (finish)
	// outerAtTop says every outer variable is a function-level name of
	// the top level (finish).
	outerAtTop bool
	getter     string // generated getter/setter text over outer, "0" when none
	// bodyEnd is the offset of the closing brace of the function's body,
	// where shared helpers can be declared; -1 when there is none (an
	// arrow's expression body, a script's top level).
	bodyEnd int
	// declAt is where the body's own declarations go (after the directive
	// prologue), -1 when it has none; declSemi says a directive before it
	// lacks its semicolon.
	declAt      int
	declSemi    bool
	shareLocals bool // hooks read and write params by $$L and $$W
	shareGetter bool // hooks pass $$G, not a getter of their own
}

type blockScope struct {
	vars    []blockVar
	depth   int
	switch_ bool
	idx     map[string]int // index in vars, built by finish
}

// addVar declares a name in block b of f.
func (f *fnScope) addVar(b *blockScope, v blockVar) {
	b.vars = append(b.vars, v)
	if f.blockNames == nil {
		f.blockNames = map[string]bool{}
	}
	f.blockNames[v.Name] = true
	if b.depth > 0 {
		if f.nestedNames == nil {
			f.nestedNames = map[string]bool{}
		}
		f.nestedNames[v.Name] = true
	}
}

type blockVar struct {
	Var
	ready int // offset from which the binding is initialized
}

func (in *instrumenter) insert(off, order int, text string) {
	in.ins = append(in.ins, insertion{off: off, order: order, seq: len(in.ins), text: text, hook: -1})
}

func (in *instrumenter) off(idx file.Idx) int { return int(idx) - 1 }

func (in *instrumenter) run(prg *ast.Program) {
	top := in.newFn(nil, "", 0, false, false, false)
	body := prg.Body
	if in.opts.Wrapped && len(body) == 1 {
		if es, ok := body[0].(*ast.ExpressionStatement); ok {
			if fl, ok := es.Expression.(*ast.FunctionLiteral); ok {
				// The wrapper is the module scope: its parameters are module locals.
				in.wrappedTop = true
				in.walkParams(top, fl.ParameterList)
				top.async = fl.Async || fl.Generator
				in.res.Funcs[0].Async = top.async
				top.bodyEnd = in.off(fl.Body.RightBrace)
				in.topBody(top, fl.Body.List, in.off(fl.Body.LeftBrace)+1, in.off(fl.Body.RightBrace))
				in.finish()
				return
			}
		}
	}
	start := 0
	if strings.HasPrefix(in.src, "#!") {
		// The prologue goes on the line after the hashbang.
		start = lineEnd(in.src, 2)
		if strings.HasPrefix(in.src[start:], "\r\n") {
			start += 2
		} else if start < len(in.src) {
			_, n := utf8.DecodeRuneInString(in.src[start:])
			start += n
		}
	}
	in.topBody(top, body, start, len(in.src))
	in.finish()
}

// topBody instruments the module or script scope: the prologue after its
// directives, then its statements.
func (in *instrumenter) topBody(f *fnScope, list []ast.Statement, start, end int) {
	n, at, semi := in.directives(list, start)
	in.prologue(at, semi, f.async)
	if in.wrappedTop {
		f.declAt = at
	}
	in.declareHoisted(f, list)
	in.pushBlock(f, false)
	in.lexicals(f, list)
	in.stmtList(f, list[n:], end, false)
	in.popBlock(f)
}

// prologue inserts the per-file set-up at the end of the directive
// prologue; semi says the last directive has no semicolon of its own.
func (in *instrumenter) prologue(at int, semi, token bool) {
	text := fmt.Sprintf("var %s=%s.file(%d),%s=%s.b,%s=%s.h,%s=%s.t,%s=%d,%s;",
		"$$F", NameRuntime, in.opts.FileID, NameArmed, "$$F", NameHit, "$$F", NameThrow, "$$F", NameBudget, PollEvery, NameWrite)
	if token {
		text = text[:len(text)-1] + "," + NameToken + "={};"
	}
	if semi {
		text = ";" + text
	}
	in.insert(at, -1, text)
}

// directives finds the directive prologue of a body whose text starts at
// from: the number of statements in it, the offset after it and whether
// its last directive lacks a semicolon. A directive is a string literal
// statement as written: goja's AST also has one for ('use strict'), which
// is not a directive and ends the prologue.
func (in *instrumenter) directives(list []ast.Statement, from int) (n, end int, semi bool) {
	end = from
	for _, s := range list {
		es, ok := s.(*ast.ExpressionStatement)
		if !ok {
			break
		}
		lit, ok := es.Expression.(*ast.StringLiteral)
		if !ok || in.skipTrivia(end) != in.off(lit.Idx) {
			break
		}
		sp, ok := in.spanAt(in.off(lit.Idx))
		if !ok {
			break
		}
		n++
		end, semi = sp.end, true
		if j := in.skipTrivia(end); j < len(in.src) && in.src[j] == ';' {
			end, semi = j+1, false
		}
	}
	return n, end, semi
}

func (in *instrumenter) newFn(parent *fnScope, name string, off int, arrow, async, noThis bool) *fnScope {
	f := &fnScope{index: len(in.fns), parent: parent, declared: map[string]bool{}, refs: map[string]bool{}, arrow: arrow, async: async, noThis: noThis, bodyEnd: -1, declAt: -1}
	in.fns = append(in.fns, f)
	for g := parent; g != nil; g = g.parent {
		f.defBlocks = append(f.defBlocks, append([]*blockScope(nil), g.blocks...))
	}
	line, col := in.res.Position(off)
	p := -1
	if parent != nil {
		p = parent.index
	}
	in.res.Funcs = append(in.res.Funcs, Func{Name: name, Line: line, Column: col, Async: async, Parent: p, Start: off, End: len(in.src)})
	return f
}

func (f *fnScope) declare(v Var) {
	if v.Name == "" || f.declared[v.Name] || reserved[v.Name] {
		return
	}
	f.declared[v.Name] = true
	f.params = append(f.params, v)
}

var reserved = map[string]bool{
	"arguments": true, "eval": true, "let": true, "yield": true, "await": true, "static": true,
	"implements": true, "package": true, "protected": true, "interface": true, "private": true, "public": true,
	"undefined": true,
}

func (in *instrumenter) walkParams(f *fnScope, pl *ast.ParameterList) {
	if pl == nil {
		return
	}
	for _, b := range pl.List {
		for _, n := range bindingNames(b.Target) {
			f.declare(Var{Name: n})
		}
		in.expr(f, b.Initializer)
		in.patternDefaults(f, b.Target)
	}
	if pl.Rest != nil {
		for _, n := range bindingNames(pl.Rest) {
			f.declare(Var{Name: n})
		}
	}
}

// patternDefaults walks the default values and computed keys inside a binding pattern.
func (in *instrumenter) patternDefaults(f *fnScope, t ast.Expression) {
	switch t := t.(type) {
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				in.expr(f, p.Initializer)
			case *ast.PropertyKeyed:
				if p.Computed {
					in.expr(f, p.Key)
				}
				in.patternDefaults(f, p.Value)
			}
		}
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			in.patternDefaults(f, e)
		}
	case *ast.AssignExpression:
		in.patternDefaults(f, t.Left)
		in.expr(f, t.Right)
	case *ast.Binding:
		in.patternDefaults(f, t.Target)
		in.expr(f, t.Initializer)
	}
}

// bindingNames lists the identifiers a binding target declares.
func bindingNames(t ast.Expression) []string {
	var out []string
	var walk func(ast.Expression)
	walk = func(t ast.Expression) {
		switch t := t.(type) {
		case *ast.Identifier:
			out = append(out, t.Name.String())
		case *ast.ObjectPattern:
			for _, p := range t.Properties {
				switch p := p.(type) {
				case *ast.PropertyShort:
					out = append(out, p.Name.Name.String())
				case *ast.PropertyKeyed:
					walk(p.Value)
				case *ast.SpreadElement:
					walk(p.Expression)
				}
			}
			if t.Rest != nil {
				walk(t.Rest)
			}
		case *ast.ArrayPattern:
			for _, e := range t.Elements {
				walk(e)
			}
			if t.Rest != nil {
				walk(t.Rest)
			}
		case *ast.AssignExpression:
			walk(t.Left)
		case *ast.Binding:
			walk(t.Target)
		case *ast.SpreadElement:
			walk(t.Expression)
		}
	}
	walk(t)
	return out
}

// declareHoisted declares the var and function names of a function body
// (var anywhere in it, outside nested functions; function declarations at
// its top level).
func (in *instrumenter) declareHoisted(f *fnScope, list []ast.Statement) {
	for _, s := range list {
		if fd, ok := s.(*ast.FunctionDeclaration); ok && fd.Function.Name != nil {
			f.declare(Var{Name: fd.Function.Name.Name.String()})
		}
	}
	var walk func(s ast.Statement)
	walkList := func(l []ast.Statement) {
		for _, s := range l {
			walk(s)
		}
	}
	walk = func(s ast.Statement) {
		switch s := s.(type) {
		case *ast.VariableStatement:
			for _, b := range s.List {
				for _, n := range bindingNames(b.Target) {
					f.declare(Var{Name: n})
				}
			}
		case *ast.BlockStatement:
			walkList(s.List)
		case *ast.IfStatement:
			walk(s.Consequent)
			if s.Alternate != nil {
				walk(s.Alternate)
			}
		case *ast.ForStatement:
			if vd, ok := s.Initializer.(*ast.ForLoopInitializerVarDeclList); ok {
				for _, b := range vd.List {
					for _, n := range bindingNames(b.Target) {
						f.declare(Var{Name: n})
					}
				}
			}
			walk(s.Body)
		case *ast.ForInStatement:
			if v, ok := s.Into.(*ast.ForIntoVar); ok {
				for _, n := range bindingNames(v.Binding.Target) {
					f.declare(Var{Name: n})
				}
			}
			walk(s.Body)
		case *ast.ForOfStatement:
			if v, ok := s.Into.(*ast.ForIntoVar); ok {
				for _, n := range bindingNames(v.Binding.Target) {
					f.declare(Var{Name: n})
				}
			}
			walk(s.Body)
		case *ast.WhileStatement:
			walk(s.Body)
		case *ast.DoWhileStatement:
			walk(s.Body)
		case *ast.WithStatement:
			walk(s.Body)
		case *ast.LabelledStatement:
			walk(s.Statement)
		case *ast.TryStatement:
			walk(s.Body)
			if s.Catch != nil {
				walk(s.Catch.Body)
			}
			if s.Finally != nil {
				walk(s.Finally)
			}
		case *ast.SwitchStatement:
			for _, c := range s.Body {
				walkList(c.Consequent)
			}
		}
	}
	walkList(list)
}

// trueStart is a statement's first character: goja's positions omit
// parentheses, and an if statement's own position is unset.
func (in *instrumenter) trueStart(s ast.Statement) int {
	var at int
	switch s := s.(type) {
	case *ast.IfStatement:
		at = in.keywordBefore(in.exprStart(s.Test), "if")
		return at
	case *ast.ExpressionStatement:
		at = in.exprStart(s.Expression)
	default:
		at = in.off(s.Idx0())
	}
	return at
}

// exprStart is the start of an expression including opening parentheses
// that belong to it (any '(' right before it, since an expression that
// starts a statement or an arrow body cannot follow a foreign '(').
func (in *instrumenter) exprStart(e ast.Expression) int {
	at := in.off(leftmost(e).Idx0())
	for {
		j := in.skipTriviaBack(at)
		if j > 0 && in.src[j-1] == '(' {
			at = j - 1
			continue
		}
		return at
	}
}

// leftmost is the node whose position starts e: goja places a tagged
// template at its backquote, not at its tag.
func leftmost(e ast.Expression) ast.Expression {
	for {
		switch x := e.(type) {
		case *ast.TemplateLiteral:
			if x.Tag == nil {
				return e
			}
			e = x.Tag
		case *ast.CallExpression:
			e = x.Callee
		case *ast.DotExpression:
			e = x.Left
		case *ast.PrivateDotExpression:
			e = x.Left
		case *ast.BracketExpression:
			e = x.Left
		case *ast.BinaryExpression:
			e = x.Left
		case *ast.AssignExpression:
			e = x.Left
		case *ast.ConditionalExpression:
			e = x.Test
		case *ast.SequenceExpression:
			e = x.Sequence[0]
		case *ast.OptionalChain:
			e = x.Expression
		case *ast.Optional:
			e = x.Expression
		case *ast.UnaryExpression:
			if !x.Postfix {
				return e
			}
			e = x.Operand
		case *ast.MetaProperty:
			return x.Meta // goja leaves MetaProperty.Idx unset
		default:
			return e
		}
	}
}

// keywordBefore finds kw before off, skipping white space, comments and
// opening parentheses.
func (in *instrumenter) keywordBefore(off int, kw string) int {
	j := in.skipTriviaBack(off)
	for j > 0 && in.src[j-1] == '(' {
		j = in.skipTriviaBack(j - 1)
	}
	if j >= len(kw) && in.src[j-len(kw):j] == kw {
		return j - len(kw)
	}
	return off
}

// stmtList instruments a list of statements; end is the offset of the
// token that follows the list (a closing brace, the next case, EOF).
func (in *instrumenter) stmtList(f *fnScope, list []ast.Statement, end int, loopBody bool) {
	first := true
	for i, s := range list {
		next := end
		if i+1 < len(list) {
			next = in.trueStart(list[i+1])
		}
		in.stmt(f, s, next, loopBody && first)
		if f.ctor && len(f.blocks) == 1 && isSuperCall(s) {
			// Statements of the constructor's body run in order: after
			// this one, `this` is bound.
			f.noThis = false
		}
		if _, ok := s.(*ast.FunctionDeclaration); !ok {
			first = false
		}
	}
}

// isSuperCall says s is `super(...)`.
func isSuperCall(s ast.Statement) bool {
	if es, ok := s.(*ast.ExpressionStatement); ok {
		if c, ok := es.Expression.(*ast.CallExpression); ok {
			_, ok := c.Callee.(*ast.SuperExpression)
			return ok
		}
	}
	return false
}

// fnBody instruments a function body, keeping its directive prologue first.
func (in *instrumenter) fnBody(f *fnScope, body *ast.BlockStatement) {
	in.fnBodyDirectives(f, body, true)
}

// fnBodyDirectives instruments a function body; a class static block has
// no directive prologue.
func (in *instrumenter) fnBodyDirectives(f *fnScope, body *ast.BlockStatement, prologue bool) {
	f.bodyEnd = in.off(body.RightBrace)
	list := body.List
	n, at, semi := 0, in.off(body.LeftBrace)+1, false
	if prologue {
		n, at, semi = in.directives(list, at)
	}
	if f.async {
		text := "var " + NameToken + "={};"
		if semi {
			text = ";" + text
		}
		in.insert(at, 1, text)
	}
	f.declAt, f.declSemi = at, semi && !f.async
	in.declareHoisted(f, list)
	in.pushBlock(f, false)
	in.lexicals(f, list)
	in.stmtList(f, list[n:], in.off(body.RightBrace), false)
	in.popBlock(f)
}

func (in *instrumenter) pushBlock(f *fnScope, sw bool) *blockScope {
	b := &blockScope{depth: len(f.blocks), switch_: sw}
	if b.depth == 0 {
		f.body = b
	}
	f.blocks = append(f.blocks, b)
	return b
}

func (in *instrumenter) popBlock(f *fnScope) { f.blocks = f.blocks[:len(f.blocks)-1] }

// lexicals declares the let, const, class and (block-level) function names of a statement list.
func (in *instrumenter) lexicals(f *fnScope, list []ast.Statement) {
	b := f.blocks[len(f.blocks)-1]
	for _, s := range list {
		switch s := s.(type) {
		case *ast.LexicalDeclaration:
			c := s.Token == token.CONST
			ready := in.off(s.Idx1())
			for _, bd := range s.List {
				for _, n := range bindingNames(bd.Target) {
					if !reserved[n] {
						f.addVar(b, blockVar{Var{Name: n, Const: c, Block: b.depth}, ready})
					}
				}
			}
		case *ast.ClassDeclaration:
			if s.Class.Name != nil {
				f.addVar(b, blockVar{Var{Name: s.Class.Name.Name.String(), Block: b.depth}, in.off(s.Class.RightBrace) + 1})
			}
		case *ast.FunctionDeclaration:
			if b.depth > 0 && s.Function.Name != nil {
				f.addVar(b, blockVar{Var{Name: s.Function.Name.Name.String(), Block: b.depth}, 0})
			}
		}
	}
}

// addHook registers a hook at off and returns its id.
func (in *instrumenter) addHook(f *fnScope, kind Kind, off int, stmtOff int, dbg bool) int {
	id := len(in.res.Hooks)
	line, col := in.res.Position(stmtOff)
	// Inner blocks shadow outer ones and the function's own names: walk
	// from the innermost. A name declared in a block hides the outer ones
	// from the block's start, also while it is not initialized (and then
	// cannot be passed: reading it would throw). Lexical names of a switch
	// are never passed: a case can be entered past their declaration.
	var seen map[string]bool // allocated only when a block declares names
	var lex []Var
	shadows := false // a block name hides a function-level one
	for i := len(f.blocks) - 1; i >= 0; i-- {
		b := f.blocks[i]
		for _, v := range b.vars {
			if seen[v.Name] {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[v.Name] = true
			shadows = shadows || f.declared[v.Name]
			if !b.switch_ && v.ready <= stmtOff {
				lex = append(lex, v.Var)
			}
		}
	}
	// Module scopes have hundreds of names and as many statements: the
	// common case shares the function's list.
	locals := f.params[:len(f.params):len(f.params)]
	if shadows {
		locals = nil
		for _, v := range f.params {
			if !seen[v.Name] {
				locals = append(locals, v)
			}
		}
	}
	if len(lex) > 0 {
		locals = append(locals, lex...)
	}
	if f.with > 0 {
		// Names in a with body may be the object's properties: reading
		// them would run its getters (or a proxy's traps) at every hook.
		locals = nil
	}
	in.res.Hooks = append(in.res.Hooks, Hook{Kind: kind, Offset: off, Line: line, Column: col, Func: f.index, Locals: locals, Debugger: dbg})
	in.hookFn = append(in.hookFn, f)
	in.hookNoThis = append(in.hookNoThis, f.noThis)
	in.ins = append(in.ins, insertion{off: off, order: 2, seq: len(in.ins), hook: id})
	return id
}

// stmt instruments one statement of a statement list.
func (in *instrumenter) stmt(f *fnScope, s ast.Statement, next int, loopFirst bool) {
	var head ast.Expression // a while loop's test, which is the loop's stop
	noInit := false         // a for loop without initializer: V8 stops at its test
	switch s := s.(type) {
	case *ast.WhileStatement:
		head = s.Test
	case *ast.DoWhileStatement:
		head = s.Test
	case *ast.ForStatement:
		noInit = s.Initializer == nil
	}
	switch s.(type) {
	case *ast.FunctionDeclaration, *ast.EmptyStatement:
	case *ast.BlockStatement:
	default:
		if !loopFirst && (head != nil && in.headHookable(f, head) || noInit) {
			// V8 stops at the test, not before the loop (the first
			// statement of a loop body keeps its hook: it polls).
			break
		}
		kind := Statement
		if loopFirst {
			kind = LoopBody
		}
		start := in.trueStart(s)
		_, dbg := s.(*ast.DebuggerStatement)
		id := in.addHook(f, kind, start, start, dbg)
		if ts, ok := s.(*ast.ThrowStatement); ok {
			in.res.Hooks[id].Throw = true
			at := in.exprStart(ts.Argument)
			if end, ok := in.exprEnd(ts.Argument, at); ok {
				in.insert(at, 3, NameThrow+"("+strconv.Itoa(id)+",")
				in.insert(end, 0, ")")
				in.res.Hooks[id].ThrowWrapped = true
			}
		}
	}
	in.inner(f, s, next)
}

// body instruments a statement in a single-statement position (if, else,
// loop, with body): a block is walked, anything else is wrapped in braces.
func (in *instrumenter) body(f *fnScope, s ast.Statement, next int, loop bool) {
	if b, ok := s.(*ast.BlockStatement); ok {
		in.block(f, b, loop)
		return
	}
	if e, ok := s.(*ast.EmptyStatement); ok {
		at := in.off(e.Semicolon)
		in.insert(at, 1, "{")
		if loop {
			in.addHook(f, EmptyBody, at, at, false)
		}
		in.insert(at+1, 0, "}")
		return
	}
	start := in.trueStart(s)
	in.insert(start, 1, "{")
	in.pushBlock(f, false)
	in.stmt(f, s, next, loop)
	in.popBlock(f)
	// Right after the statement, before comments: a line comment at the
	// end of the file would swallow the brace.
	in.insert(in.skipTriviaBack(next), 0, "}")
}

func (in *instrumenter) block(f *fnScope, b *ast.BlockStatement, loop bool) {
	in.pushBlock(f, false)
	in.lexicals(f, b.List)
	if loop && !pollsFirst(b.List) {
		// A busy loop must still poll: `while (1) {}`, `while (1) { {...} }`.
		at := in.off(b.LeftBrace) + 1
		in.addHook(f, EmptyBody, at, in.off(b.LeftBrace), false)
	}
	in.stmtList(f, b.List, in.off(b.RightBrace), loop)
	in.popBlock(f)
}

// pollsFirst says a loop body's first statement (function declarations
// aside) gets a hook, the LoopBody one that polls: not a block or an empty
// statement.
func pollsFirst(list []ast.Statement) bool {
	for _, s := range list {
		switch s.(type) {
		case *ast.FunctionDeclaration:
			continue
		case *ast.BlockStatement, *ast.EmptyStatement:
			return false
		}
		return true
	}
	return false
}

// loopScope declares a for statement's let/const bindings for its body.
func (in *instrumenter) loopScope(f *fnScope, names []string, c bool, ready int) {
	b := in.pushBlock(f, false)
	for _, n := range names {
		if !reserved[n] {
			f.addVar(b, blockVar{Var{Name: n, Const: c, Block: b.depth}, ready})
		}
	}
}

// inner walks what a statement contains.
func (in *instrumenter) inner(f *fnScope, s ast.Statement, next int) {
	switch s := s.(type) {
	case *ast.BlockStatement:
		in.block(f, s, false)
	case *ast.ExpressionStatement:
		in.expr(f, s.Expression)
	case *ast.VariableStatement:
		for _, b := range s.List {
			in.expr(f, b)
		}
	case *ast.LexicalDeclaration:
		for _, b := range s.List {
			in.expr(f, b)
		}
	case *ast.FunctionDeclaration:
		in.function(f, s.Function, false)
	case *ast.ClassDeclaration:
		in.class(f, s.Class)
	case *ast.ReturnStatement:
		in.expr(f, s.Argument)
	case *ast.ThrowStatement:
		in.expr(f, s.Argument)
	case *ast.IfStatement:
		in.expr(f, s.Test)
		consNext := next
		if s.Alternate != nil {
			altStart := in.trueStart(s.Alternate)
			if _, ok := s.Alternate.(*ast.BlockStatement); ok {
				altStart = in.off(s.Alternate.Idx0())
			}
			consNext = in.keywordBefore(altStart, "else")
		}
		in.body(f, s.Consequent, consNext, false)
		if s.Alternate != nil {
			in.body(f, s.Alternate, next, false)
		}
	case *ast.ForStatement:
		pushed := false
		switch init := s.Initializer.(type) {
		case *ast.ForLoopInitializerExpression:
			in.expr(f, init.Expression)
		case *ast.ForLoopInitializerVarDeclList:
			for _, b := range init.List {
				in.expr(f, b)
			}
		case *ast.ForLoopInitializerLexicalDecl:
			var names []string
			for _, b := range init.LexicalDeclaration.List {
				names = append(names, bindingNames(b.Target)...)
				in.expr(f, b)
			}
			in.loopScope(f, names, init.LexicalDeclaration.Token == token.CONST, 0)
			pushed = true
		}
		in.loopHead(f, s.Test)
		in.expr(f, s.Test)
		in.loopHead(f, s.Update)
		in.expr(f, s.Update)
		in.body(f, s.Body, next, true)
		if pushed {
			in.popBlock(f)
		}
	case *ast.ForInStatement:
		pushed := in.forInto(f, s.Into)
		in.expr(f, s.Source)
		in.loopBinding(f, s.Into, s.Body)
		in.body(f, s.Body, next, true)
		if pushed {
			in.popBlock(f)
		}
	case *ast.ForOfStatement:
		pushed := in.forInto(f, s.Into)
		in.expr(f, s.Source)
		in.loopBinding(f, s.Into, s.Body)
		in.body(f, s.Body, next, true)
		if pushed {
			in.popBlock(f)
		}
	case *ast.WhileStatement:
		in.loopHead(f, s.Test)
		in.expr(f, s.Test)
		in.body(f, s.Body, next, true)
	case *ast.DoWhileStatement:
		bodyNext := in.keywordBefore(in.exprStart(s.Test), "while")
		in.body(f, s.Body, bodyNext, true)
		in.loopHead(f, s.Test)
		in.expr(f, s.Test)
	case *ast.WithStatement:
		in.expr(f, s.Object)
		f.with++
		in.body(f, s.Body, next, false)
		f.with--
	case *ast.LabelledStatement:
		// The hook went before the label; the labelled statement itself gets none.
		in.inner(f, s.Statement, next)
	case *ast.SwitchStatement:
		in.expr(f, s.Discriminant)
		in.pushBlock(f, true)
		for _, c := range s.Body {
			in.lexicals(f, c.Consequent)
		}
		for i, c := range s.Body {
			in.expr(f, c.Test)
			end := in.off(s.RightBrace)
			if i+1 < len(s.Body) {
				end = in.off(s.Body[i+1].Case)
			}
			in.stmtList(f, c.Consequent, end, false)
		}
		in.popBlock(f)
	case *ast.TryStatement:
		if s.Catch != nil {
			in.res.Tries = append(in.res.Tries, Try{Func: f.index, Start: in.off(s.Body.LeftBrace), End: in.off(s.Body.RightBrace) + 1})
		}
		in.block(f, s.Body, false)
		if s.Catch != nil {
			b := in.pushBlock(f, false)
			if s.Catch.Parameter != nil {
				for _, n := range bindingNames(s.Catch.Parameter) {
					if !reserved[n] {
						f.addVar(b, blockVar{Var{Name: n, Block: b.depth}, 0})
					}
				}
				in.patternDefaults(f, s.Catch.Parameter)
			}
			first := len(in.res.Hooks)
			in.block(f, s.Catch.Body, false)
			if id, ok := s.Catch.Parameter.(*ast.Identifier); ok && first < len(in.res.Hooks) && in.res.Hooks[first].Func == f.index && !reserved[id.Name.String()] {
				in.res.Hooks[first].CatchVar = id.Name.String()
			}
			in.popBlock(f)
		}
		if s.Finally != nil {
			in.block(f, s.Finally, false)
		}
	}
}

// headHookable says loopHead can hook e.
func (in *instrumenter) headHookable(f *fnScope, e ast.Expression) bool {
	if e == nil {
		return false
	}
	_, ok := in.exprEnd(e, in.exprStart(e))
	return ok
}

// loopHead hooks a loop's test or update expression e, which runs once
// per iteration: (hook, e), the hook an expression. Its position is where
// V8 stops: a binary or postfix expression's operator, else its start.
func (in *instrumenter) loopHead(f *fnScope, e ast.Expression) {
	if !in.headHookable(f, e) {
		return
	}
	start := in.exprStart(e)
	end, _ := in.exprEnd(e, start)
	at := in.off(leftmost(e).Idx0())
	switch x := e.(type) {
	case *ast.BinaryExpression:
		at = in.skipTrivia(in.closeParens(in.end(x.Left)))
	case *ast.UnaryExpression:
		if x.Postfix {
			at = in.skipTrivia(in.closeParens(in.end(x.Operand)))
		}
	}
	if at < start || at >= end {
		at = in.off(leftmost(e).Idx0())
	}
	in.addHook(f, LoopHead, start, at, false)
	in.insert(end, 0, ")")
}

// loopBinding hooks a for-of or for-in loop's binding, where V8 stops once
// per iteration: a hook first in the body (before the braces body adds
// around a single statement close), at the binding's position.
func (in *instrumenter) loopBinding(f *fnScope, into ast.ForInto, body ast.Statement) {
	var at int
	switch into := into.(type) {
	case *ast.ForDeclaration:
		at = in.off(leftmost(into.Target).Idx0())
	case *ast.ForIntoVar:
		at = in.off(leftmost(into.Binding.Target).Idx0())
	case *ast.ForIntoExpression:
		at = in.off(leftmost(into.Expression).Idx0())
	default:
		return
	}
	switch b := body.(type) {
	case *ast.EmptyStatement:
		return
	case *ast.BlockStatement:
		in.addHook(f, LoopBinding, in.off(b.LeftBrace)+1, at, false)
	default:
		in.addHook(f, LoopBinding, in.trueStart(body), at, false)
	}
}

func (in *instrumenter) forInto(f *fnScope, into ast.ForInto) bool {
	switch into := into.(type) {
	case *ast.ForIntoVar:
		in.expr(f, into.Binding)
	case *ast.ForDeclaration:
		in.loopScope(f, bindingNames(into.Target), into.IsConst, 0)
		in.patternDefaults(f, into.Target)
		return true
	case *ast.ForIntoExpression:
		in.expr(f, into.Expression)
	}
	return false
}

// function instruments a function literal as a new function scope.
func (in *instrumenter) function(parent *fnScope, fl *ast.FunctionLiteral, derivedCtor bool) {
	name := ""
	if fl.Name != nil {
		name = fl.Name.Name.String()
	}
	f := in.newFn(parent, name, in.off(fl.Function), false, fl.Async, derivedCtor)
	f.ctor = derivedCtor
	in.walkParams(f, fl.ParameterList)
	in.fnBody(f, fl.Body)
	in.res.Funcs[f.index].End = in.off(fl.Body.RightBrace) + 1
}

// functionExpr is a function expression: its own name is a constant inside it.
func (in *instrumenter) functionExpr(parent *fnScope, fl *ast.FunctionLiteral, derivedCtor bool) {
	name := ""
	if fl.Name != nil {
		name = fl.Name.Name.String()
	}
	f := in.newFn(parent, name, in.off(fl.Function), false, fl.Async, derivedCtor)
	in.walkParams(f, fl.ParameterList)
	// A parameter, var or function of the same name hides the binding.
	in.declareHoisted(f, fl.Body.List)
	if name != "" && !f.declared[name] {
		// The binding is visible in the function, read-only.
		f.declare(Var{Name: name, Const: true})
	}
	in.fnBody(f, fl.Body)
	in.res.Funcs[f.index].End = in.off(fl.Body.RightBrace) + 1
}

func (in *instrumenter) arrow(parent *fnScope, af *ast.ArrowFunctionLiteral) {
	f := in.newFn(parent, "", in.off(af.Start), true, af.Async, parent.noThis)
	in.walkParams(f, af.ParameterList)
	switch b := af.Body.(type) {
	case *ast.BlockStatement:
		in.fnBody(f, b)
		in.res.Funcs[f.index].End = in.off(b.RightBrace) + 1
	case *ast.ExpressionBody:
		start := in.exprStart(b.Expression)
		end, ok := in.exprEnd(b.Expression, start)
		if ok {
			in.res.Funcs[f.index].End = end
		} else {
			in.res.Funcs[f.index].End = in.end(b.Expression)
		}
		in.pushBlock(f, false)
		if ok {
			if f.async {
				in.insert(start, 1, "{var "+NameToken+"={};")
			} else {
				in.insert(start, 1, "{")
			}
			in.addHook(f, ArrowBody, start, start, false)
			in.insert(start, 3, "return ")
			in.insert(end, 0, "}")
		}
		in.expr(f, b.Expression)
		in.popBlock(f)
	}
}

func (in *instrumenter) class(f *fnScope, c *ast.ClassLiteral) {
	if c.Name != nil {
		// Inside its body a class's name is a constant of its own scope,
		// whatever the declaration outside.
		b := in.pushBlock(f, false)
		f.addVar(b, blockVar{Var{Name: c.Name.Name.String(), Const: true, Block: b.depth}, 0})
		defer in.popBlock(f)
	}
	in.expr(f, c.SuperClass)
	derived := c.SuperClass != nil
	for _, el := range c.Body {
		switch el := el.(type) {
		case *ast.MethodDefinition:
			if el.Computed {
				in.expr(f, el.Key)
			}
			isCtor := false
			if id, ok := el.Key.(*ast.StringLiteral); ok && !el.Static && id.Value.String() == "constructor" {
				isCtor = true
			}
			if id, ok := el.Key.(*ast.Identifier); ok && !el.Static && id.Name.String() == "constructor" {
				isCtor = true
			}
			in.function(f, el.Body, derived && isCtor)
		case *ast.FieldDefinition:
			if el.Computed {
				in.expr(f, el.Key)
			}
			in.expr(f, el.Initializer)
		case *ast.ClassStaticBlock:
			sf := in.newFn(f, "static", in.off(el.Static), false, false, false)
			in.fnBodyDirectives(sf, el.Block, false)
			in.res.Funcs[sf.index].End = in.off(el.Block.RightBrace) + 1
		}
	}
}

// expr walks an expression: records the names it refers to and
// instruments the functions inside it.
func (in *instrumenter) expr(f *fnScope, e ast.Expression) {
	if e == nil {
		return
	}
	switch e := e.(type) {
	case *ast.Identifier:
		f.ref(e.Name.String())
	case *ast.FunctionLiteral:
		in.functionExpr(f, e, false)
	case *ast.ArrowFunctionLiteral:
		in.arrow(f, e)
	case *ast.ClassLiteral:
		in.class(f, e)
	case *ast.Binding:
		in.expr(f, e.Target)
		in.expr(f, e.Initializer)
	case *ast.ArrayLiteral:
		for _, v := range e.Value {
			in.expr(f, v)
		}
	case *ast.ArrayPattern:
		for _, v := range e.Elements {
			in.expr(f, v)
		}
		in.expr(f, e.Rest)
	case *ast.ObjectPattern:
		for _, p := range e.Properties {
			in.expr(f, p)
		}
		in.expr(f, e.Rest)
	case *ast.ObjectLiteral:
		for _, p := range e.Value {
			in.expr(f, p)
		}
	case *ast.PropertyShort:
		f.ref(e.Name.Name.String())
		in.expr(f, e.Initializer)
	case *ast.PropertyKeyed:
		if e.Computed {
			in.expr(f, e.Key)
		}
		in.expr(f, e.Value)
	case *ast.SpreadElement:
		in.expr(f, e.Expression)
	case *ast.AssignExpression:
		in.expr(f, e.Left)
		in.expr(f, e.Right)
	case *ast.BinaryExpression:
		in.expr(f, e.Left)
		in.expr(f, e.Right)
	case *ast.BracketExpression:
		in.expr(f, e.Left)
		in.expr(f, e.Member)
	case *ast.CallExpression:
		in.expr(f, e.Callee)
		for _, a := range e.ArgumentList {
			in.expr(f, a)
		}
	case *ast.NewExpression:
		in.expr(f, e.Callee)
		for _, a := range e.ArgumentList {
			in.expr(f, a)
		}
	case *ast.ConditionalExpression:
		in.expr(f, e.Test)
		in.expr(f, e.Consequent)
		in.expr(f, e.Alternate)
	case *ast.DotExpression:
		in.expr(f, e.Left)
	case *ast.PrivateDotExpression:
		in.expr(f, e.Left)
	case *ast.OptionalChain:
		in.expr(f, e.Expression)
	case *ast.Optional:
		in.expr(f, e.Expression)
	case *ast.SequenceExpression:
		for _, x := range e.Sequence {
			in.expr(f, x)
		}
	case *ast.TemplateLiteral:
		in.expr(f, e.Tag)
		for _, x := range e.Expressions {
			in.expr(f, x)
		}
	case *ast.UnaryExpression:
		in.expr(f, e.Operand)
	case *ast.AwaitExpression:
		in.expr(f, e.Argument)
	case *ast.YieldExpression:
		in.expr(f, e.Argument)
	}
}

func (f *fnScope) ref(name string) {
	for g := f; g != nil; g = g.parent {
		g.refs[name] = true
	}
}
