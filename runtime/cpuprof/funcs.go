package cpuprof

import (
	"cmp"
	"encoding/base64"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/go-sourcemap/sourcemap"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// source is one loaded file as goja compiled it.
type source struct {
	name     string // the loader's filename
	code     string // the text goja compiled (Source.Generated)
	original string // the file as written
	prefix   int    // columns the loader takes off line 1 (Node's wrapper)
}

// fnDecl is one function of a file, its positions mapped to the file as
// written (1-based lines, 0-based columns).
type fnDecl struct {
	name                string // as goja names it in the code it runs
	shown               string // as written (a source map's name for a renamed one)
	line, col           int    // V8's position: the parameter list
	firstLine, lastLine int    // the lines it spans
}

// fileFuncs are the functions of one file.
type fileFuncs struct {
	decls []fnDecl
}

// functions parses the code goja compiled (so the names are goja's) and
// maps each function's position as goja maps the positions it reports:
// through the file's source map, then past the wrapper.
func (s *source) functions() *fileFuncs {
	prog, err := parser.ParseFile(nil, s.name, s.code, 0, parser.WithDisableSourceMaps)
	if err != nil || prog == nil || prog.File == nil {
		return &fileFuncs{}
	}
	m := &mapper{src: s, f: prog.File, sm: s.sourceMap()}
	c := &collector{}
	c.walk(reflect.ValueOf(prog), "")
	out := &fileFuncs{}
	for _, f := range c.found {
		if f.hook {
			continue
		}
		last, ok := m.position(f.end)
		if !ok {
			continue
		}
		if int(f.open)-prog.File.Base() == 1 && s.code[0] == '(' {
			// The module's wrapper, "(function (exports, ...) {" before the
			// file's first line: V8 places the module function at 0:0.
			out.decls = append(out.decls, fnDecl{name: f.name, shown: f.name, line: 1, col: 0, firstLine: 1, lastLine: max(last.line, 1)})
			continue
		}
		p, ok := m.position(f.start)
		if !ok {
			continue
		}
		first, ok := m.position(f.open)
		if !ok || last.line < first.line {
			continue
		}
		d := fnDecl{name: f.name, shown: f.name, line: p.line, col: p.col, firstLine: min(first.line, p.line), lastLine: last.line}
		if f.nameAt > 0 {
			if n, ok := m.position(f.nameAt); ok && n.name != "" {
				d.shown = n.name
			}
		}
		if m.sm != nil && s.code[int(f.start)-1] == '(' {
			d.col = s.parenFrom(d.line, d.col)
		}
		out.decls = append(out.decls, d)
	}
	return out
}

// parenFrom finds the parameter list's '(' at or after a mapped position
// of the file as written: source maps place a function at its keyword or
// name, V8 at its parameters.
func (s *source) parenFrom(line, col int) int {
	text := s.original
	for range line - 1 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return col
		}
		text = text[i+1:]
	}
	if nl := strings.IndexByte(text, '\n'); nl >= 0 {
		text = text[:nl]
	}
	if col > len(text) {
		return col
	}
	if i := strings.IndexAny(text[col:], "({=;"); i >= 0 && text[col+i] == '(' {
		return col + i
	}
	return col
}

// sourceMap reads the file's source map as goja does: the last line's
// sourceMappingURL, inline or a file beside it.
func (s *source) sourceMap() *sourcemap.Consumer {
	text := strings.TrimRight(s.code, "\n")
	if strings.HasSuffix(text, "})") {
		text = strings.TrimRight(strings.TrimSuffix(text, "})"), "\n")
	}
	last := text[strings.LastIndexByte(text, '\n')+1:]
	ref, ok := strings.CutPrefix(last, "//# sourceMappingURL=")
	if !ok {
		return nil
	}
	var data []byte
	var err error
	if strings.HasPrefix(ref, "data:application/json") {
		data, err = base64.StdEncoding.DecodeString(ref[strings.IndexByte(ref, ',')+1:])
	} else if u := file.ResolveSourcemapURL(s.name, ref); u != nil && (u.Scheme == "" || u.Scheme == "file") {
		data, err = os.ReadFile(u.Path)
	}
	if err != nil || data == nil {
		return nil
	}
	sm, err := sourcemap.Parse(s.name, data)
	if err != nil {
		return nil
	}
	return sm
}

// mapper maps parser indexes of one file.
type mapper struct {
	src *source
	f   *file.File
	sm  *sourcemap.Consumer
}

type mapped struct {
	line, col int    // 1-based line, 0-based column of the file as written
	name      string // the source map's name there, if any
}

// position maps a parser index as goja maps its stack positions.
func (m *mapper) position(idx file.Idx) (mapped, bool) {
	if idx <= 0 {
		return mapped{}, false
	}
	p := m.f.Position(int(idx) - m.f.Base())
	line, col, name := p.Line, p.Column, ""
	if m.sm != nil {
		// goja's call (1-based column), on a map the loader shifted for it.
		if src, n, l, c, ok := m.sm.Source(line, col); ok {
			if u := file.ResolveSourcemapURL(m.src.name, src); u != nil && !sameFile(u.String(), m.src.name) {
				return mapped{}, false // mapped into another file (a bundle's sources)
			}
			line, col, name = l, c, n
		}
	}
	if line == 1 {
		col -= m.src.prefix
		if col < 1 {
			col = 1
		}
	}
	return mapped{line: line, col: col - 1, name: name}, line > 0
}

// sameFile says a source map's source names path.
func sameFile(src, path string) bool {
	if src == path {
		return true
	}
	u, err := url.Parse(src)
	if err != nil || u.Scheme != "file" {
		return false
	}
	return filepath.Clean(filepath.FromSlash(u.Path)) == filepath.Clean(path)
}

// find returns the function named name (goja's name, ""
// for anonymous) whose lines include lo..hi, its sampled lines: the
// innermost such function of that name, else the innermost of any name
// (goja may name a function in a way this file's reading does not).
func (ff *fileFuncs) find(name string, lo, hi int) (fnDecl, bool) {
	var best, any *fnDecl
	for i := range ff.decls {
		d := &ff.decls[i]
		if d.firstLine > lo || d.lastLine < hi {
			continue
		}
		if any == nil || inner(d, any) {
			any = d
		}
		if d.name == name && (best == nil || inner(d, best)) {
			best = d
		}
	}
	if best == nil {
		best = any
	}
	if best == nil {
		return fnDecl{}, false
	}
	return *best, true
}

// inner says a starts after b (so lies inside it, both containing a line).
func inner(a, b *fnDecl) bool {
	return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col)) > 0
}

// found is a function literal of the AST: its name as goja's compiler
// gives it, V8's position (the parameter list), its first and last
// characters.
type found struct {
	name                     string
	start, open, end, nameAt file.Idx
	hook                     bool // the debugger's instrumentation
}

// collector walks goja's AST for functions, naming them as goja's compiler
// does: a function's own name, else the name it is assigned to (variable,
// assignment to an identifier, property key, class member, default value).
type collector struct {
	found []found
}

var (
	astPkg        = reflect.TypeOf(ast.Program{}).PkgPath()
	declListField = "DeclarationList" // hoisting lists repeat declarations
)

func (c *collector) walk(v reflect.Value, hint string) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			c.walk(v.Elem(), hint)
		}
	case reflect.Pointer:
		if v.IsNil() || c.node(v.Interface(), hint) {
			return
		}
		c.walk(v.Elem(), "")
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).Name == declListField {
				continue
			}
			c.walk(v.Field(i), "")
		}
	case reflect.Slice:
		for i := range v.Len() {
			c.walk(v.Index(i), "")
		}
	}
}

func (c *collector) walkNode(n any, hint string) {
	if n == nil {
		return
	}
	c.walk(reflect.ValueOf(n), hint)
}

// node handles the nodes that define or name functions; false lets walk
// descend as into any node.
func (c *collector) node(n any, hint string) bool {
	switch n := n.(type) {
	case *ast.FunctionLiteral:
		name := hint
		if n.Name != nil {
			name = string(n.Name.Name)
		}
		c.function(name, n)
		return true
	case *ast.ArrowFunctionLiteral:
		start := n.Start
		if n.ParameterList != nil && n.ParameterList.Opening > 0 {
			start = n.ParameterList.Opening
		}
		c.found = append(c.found, found{name: hint, start: start, open: n.Start, end: n.Idx1() - 1, hook: isHook(n.ParameterList)})
		c.walkNode(n.ParameterList, "")
		c.walkNode(n.Body, "")
		return true
	case *ast.ClassLiteral:
		name := hint
		if n.Name != nil {
			name = string(n.Name.Name)
		}
		c.walkNode(n.SuperClass, "")
		for _, el := range n.Body {
			switch el := el.(type) {
			case *ast.MethodDefinition:
				key, ok := keyName(el.Key, el.Computed)
				if ok && key == "constructor" && !el.Static && el.Kind == ast.PropertyKindMethod {
					key = name
				}
				if !ok {
					c.walkNode(el.Key, "")
				}
				if el.Body != nil {
					c.function(key, el.Body)
				}
			case *ast.FieldDefinition:
				key, ok := keyName(el.Key, el.Computed)
				if !ok {
					c.walkNode(el.Key, "")
				}
				c.walkNode(el.Initializer, key)
			default:
				c.walkNode(el, "")
			}
		}
		return true
	case *ast.Binding:
		if id, ok := n.Target.(*ast.Identifier); ok {
			c.walkNode(n.Initializer, string(id.Name))
			return true
		}
	case *ast.AssignExpression:
		if id, ok := n.Left.(*ast.Identifier); ok && (n.Operator == token.ASSIGN || n.Operator == token.LOGICAL_AND || n.Operator == token.LOGICAL_OR || n.Operator == token.COALESCE) {
			c.walkNode(n.Right, string(id.Name))
			return true
		}
	case *ast.PropertyKeyed:
		if key, ok := keyName(n.Key, n.Computed); ok {
			c.walkNode(n.Value, key)
			return true
		}
	case *ast.PropertyShort:
		c.walkNode(n.Initializer, string(n.Name.Name))
		return true
	}
	return false
}

func (c *collector) function(name string, f *ast.FunctionLiteral) {
	start := f.Function
	if f.ParameterList != nil && f.ParameterList.Opening > 0 {
		start = f.ParameterList.Opening
	}
	fd := found{name: name, start: start, open: f.Idx0(), end: f.Idx1() - 1, hook: hookHelpers[name]}
	if f.Name != nil {
		fd.nameAt = f.Name.Idx
	}
	c.found = append(c.found, fd)
	c.walkNode(f.ParameterList, "")
	c.walkNode(f.Body, "")
}

// The debugger's instrumentation (debugger/instrument) adds functions to
// the code goja runs: the variable accessor ($$k, $$v, $$s) => ... of its
// hooks, and in big functions the helpers $$L, $$W and $$G. They are not
// the file's functions.
var hookHelpers = map[string]bool{"$$L": true, "$$W": true, "$$G": true}

const hookParam = "$$k"

// isHook says an arrow function is the debugger's variable accessor.
func isHook(params *ast.ParameterList) bool {
	if params == nil || len(params.List) == 0 {
		return false
	}
	id, ok := params.List[0].Target.(*ast.Identifier)
	return ok && string(id.Name) == hookParam
}

// keyName is a property key as a name, when it is not computed.
func keyName(key ast.Expression, computed bool) (string, bool) {
	if computed {
		return "", false
	}
	switch k := key.(type) {
	case *ast.Identifier:
		return string(k.Name), true
	case *ast.StringLiteral:
		return string(k.Value), true
	case *ast.NumberLiteral:
		return k.Literal, true
	case *ast.PrivateIdentifier:
		return "#" + string(k.Name), true
	}
	return "", false
}
