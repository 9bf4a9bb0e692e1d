package debugger

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"

	"github.com/studiojs/studio/debugger/instrument"
)

// A function's [[FunctionLocation]], as V8 reports it among a function's
// internal properties: where its parameter list opens (`function add(`
// and `m(` at the parenthesis, `x => x` at x, `async (a) => a` at async),
// a class at its constructor's parameters, or at `class` without one.
//
// goja does not expose where a function was compiled, but its source text
// (Function.prototype.toString before the debugger's wrapper) is a slice
// of the instrumented file, and the hooks in it make it unique in the
// file unless the function has no statement.

// functionLocation finds fn in the instrumented files. Loop goroutine.
func (d *Debugger) functionLocation(fn *goja.Object) (Location, bool) {
	if d.rawToString == nil {
		return Location{}, false
	}
	v, err := d.rawToString(fn)
	if err != nil {
		return Location{}, false
	}
	text := v.String()
	if strings.HasSuffix(text, "{ [native code] }") {
		return Location{}, false
	}
	rel, ok := paramOffset(text)
	if !ok {
		return Location{}, false
	}
	d.mu.Lock()
	files := append([]*fileInfo(nil), d.files...)
	d.mu.Unlock()
	for i := len(files) - 1; i >= 0; i-- {
		f := files[i]
		start := strings.Index(f.res.Code, text)
		if start < 0 || f.original == nil {
			continue
		}
		line, col := f.res.Position(inputOffset(f.res, start+rel))
		_, line, col, ok := f.original(line, col)
		if !ok {
			return Location{}, false
		}
		return Location{ScriptID: f.id, Path: f.path, Line: line, Column: col}, true
	}
	return Location{}, false
}

// inputOffset maps an offset in the instrumented code to the code before
// instrumentation (an offset inside inserted text maps to its insertion
// point).
func inputOffset(res *instrument.Result, gen int) int {
	added := 0
	for _, ins := range res.Insertions {
		at := ins.Offset + added // where the insertion starts in Code
		if gen < at {
			break
		}
		if gen < at+len(ins.Text) {
			return ins.Offset
		}
		added += len(ins.Text)
	}
	return gen - added
}

// paramOffset is V8's position of the function whose source text is
// text, as a byte offset in text.
func paramOffset(text string) (int, bool) {
	// A function, an arrow or a class is an expression; a method (as
	// toString gives it: `m(q) {}`, `get g() {}`, `static` left out) is a
	// class member.
	for _, wrap := range [][2]string{{"(", "\n)"}, {"(class {", "\n})"}} {
		prg, err := parseQuiet(wrap[0] + text + wrap[1])
		if err != nil || len(prg.Body) != 1 {
			continue
		}
		es, ok := prg.Body[0].(*ast.ExpressionStatement)
		if !ok {
			continue
		}
		// goja's positions are 1-based offsets in the parsed text.
		base := len(wrap[0]) + 1
		switch e := es.Expression.(type) {
		case *ast.FunctionLiteral:
			return int(e.ParameterList.Opening) - base, true
		case *ast.ArrowFunctionLiteral:
			return int(e.Start) - base, true
		case *ast.ClassLiteral:
			if wrap[0] == "(" {
				return classOffset(e, base)
			}
			if len(e.Body) == 1 {
				if m, ok := e.Body[0].(*ast.MethodDefinition); ok && m.Body != nil {
					return int(m.Body.ParameterList.Opening) - base, true
				}
			}
		}
	}
	return 0, false
}

func classOffset(c *ast.ClassLiteral, base int) (int, bool) {
	for _, el := range c.Body {
		m, ok := el.(*ast.MethodDefinition)
		if !ok || m.Static || m.Kind != ast.PropertyKindMethod || m.Body == nil {
			continue
		}
		name := ""
		switch k := m.Key.(type) {
		case *ast.Identifier:
			name = string(k.Name)
		case *ast.StringLiteral:
			name = string(k.Value)
		}
		if name == "constructor" && !m.Computed {
			return int(m.Body.ParameterList.Opening) - base, true
		}
	}
	return int(c.Class) - base, true
}

func parseQuiet(src string) (prg *ast.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prg, err = nil, fmt.Errorf("goja's parser panicked: %v", r)
		}
	}()
	return parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
}
