package modules

import (
	"path/filepath"
	"testing"

	"github.com/dop251/goja"
)

func TestEval(t *testing.T) {
	root := writeFiles(t, map[string]string{"lib/math.js": "exports.add = (a, b) => a + b;\n"})
	h := newTestHost(t)
	var v goja.Value
	var err error
	trampoline, _ := goja.AssertFunction(h.vm.ToValue(func(goja.FunctionCall) goja.Value {
		v, err = h.loader.Eval("console.log(__filename, __dirname, module.id, typeof require, this === globalThis, module.filename === "+
			"require('path').join("+"'"+root+"'"+", '[eval]'));\nvar x = 5;\nconsole.log(globalThis.x, require('./lib/math').add(1, 2));\n"+
			"import('./lib/math.js').then((ns) => console.log('dynamic', ns.default.add(2, 2)));\nasync function* g() { yield 1; }\nx * 2",
			filepath.Join(root, "[eval]"))
		return goja.Undefined()
	}))
	if _, cerr := trampoline(goja.Undefined()); cerr != nil {
		t.Fatal(cerr)
	}
	if err != nil {
		t.Fatal(err)
	}
	h.run()
	if v.ToInteger() != 10 {
		t.Errorf("completion value = %v, want 10", v)
	}
	// node -e prints the same for this program.
	const want = "[eval] . [eval] function true true\n5 3\ndynamic 4\n"
	if got := h.out.String(); got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
}
