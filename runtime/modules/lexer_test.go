package modules

import "testing"

func TestRewriteDynamicImport(t *testing.T) {
	tests := map[string]struct{ src, want string }{
		"call":                  {"import('./a')", "$$imp$('./a')"},
		"spaced call":           {"x = import ('./a')", "x = $$imp$ ('./a')"},
		"string":                {"s = \"import('./a')\"", "s = \"import('./a')\""},
		"line comment":          {"// import('./a')\n", "// import('./a')\n"},
		"block comment":         {"/* import('./a') */", "/* import('./a') */"},
		"regexp":                {"r = /import\\(/g; import(x)", "r = /import\\(/g; $$imp$(x)"},
		"division then call":    {"a = b / 2; import(c) / 3", "a = b / 2; $$imp$(c) / 3"},
		"template text":         {"`import(${x})`", "`import(${x})`"},
		"template substitution": {"`${import('./a')}` + `${ {a: 1}.a }`", "`${$$imp$('./a')}` + `${ {a: 1}.a }`"},
		"member named import":   {"o.import('./a')", "o.import('./a')"},
		"import.meta":           {"import.meta.url", "import.meta.url"},
		"regexp after return":   {"function f() { return /'/.test(x) } import(y)", "function f() { return /'/.test(x) } $$imp$(y)"},
		"regexp class slash":    {"r = /[/]import(/; import(z)", "r = /[/]import(/; $$imp$(z)"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := rewriteDynamicImport(tc.src); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestUnaryEnd(t *testing.T) {
	tests := map[string]struct{ src, operand string }{
		"identifier":       {"await x + 1", "x"},
		"call chain":       {"await a.b(c)[d]?.e() * 2", "a.b(c)[d]?.e()"},
		"new":              {"await new P(r => r(1)).then(f), 2", "new P(r => r(1)).then(f)"},
		"parenthesized":    {"await (a, b) || c", "(a, b)"},
		"nested unary":     {"await -typeof x in y", "-typeof x"},
		"template tag":     {"await tag`a${b}c`.length + 1", "tag`a${b}c`.length"},
		"function":         {"await function () { return 1 }() ; x", "function () { return 1 }()"},
		"postfix":          {"await i++ + 1", "i++"},
		"import call":      {"await import('./x').then(f) ;", "import('./x').then(f)"},
		"array and object": {"await [a, {b}][0] ?? c", "[a, {b}][0]"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ts := newTokens(tc.src)
			if !ts.ident(0, "await") {
				t.Fatal("source must start with await")
			}
			end := ts.unaryEnd(1)
			got := tc.src[ts.toks[1].start:ts.toks[end-1].end]
			if got != tc.operand {
				t.Errorf("operand %q, want %q", got, tc.operand)
			}
		})
	}
}

func TestHasModuleSyntax(t *testing.T) {
	tests := map[string]struct {
		src  string
		want bool
	}{
		"import declaration":       {"import fs from 'fs';", true},
		"bare import":              {"import './x.js';", true},
		"export":                   {"const a = 1;\nexport { a };", true},
		"import.meta":              {"console.log(import.meta.url)", true},
		"top-level await":          {"const x = await Promise.resolve(1);", true},
		"top-level for await":      {"for await (const x of y) {}", true},
		"await in parens":          {"console.log(await 1)", true},
		"await in object literal":  {"const o = { v: await 1 };", true},
		"await in if block":        {"if (x) { await y; }", true},
		"await in method":          {"const o = { async m() { await 1; } };\nclass A { async m() { await 2; } }", false},
		"commonjs":                 {"const fs = require('fs');\nmodule.exports = { fs };", false},
		"exports word":             {"exports.x = 1; module.exports.y = 2;", false},
		"dynamic import":           {"import('./x.js').then(() => {});", false},
		"await in async function":  {"async function f() { await g(); }", false},
		"await in async arrow":     {"const f = async () => await g();", false},
		"import in string":         {"const s = 'import x from \"y\"';", false},
		"import in comment":        {"// import x from 'y'\n/* export default 1 */", false},
		"member named import":      {"loader.import('x'); o.export = 1;", false},
		"typescript import equals": {"import fs = require('fs');", false},
		"typescript export equals": {"export = 42;", false},
		"import in a block":        {"if (x) { import('./y.js') }", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			file := "/virtual/x.js"
			if name == "typescript import equals" || name == "typescript export equals" {
				file = "/virtual/x.ts"
			}
			if got := hasModuleSyntax(file, tc.src); got != tc.want {
				t.Errorf("hasModuleSyntax(%q) = %v", tc.src, got)
			}
		})
	}
}
