package modules

import (
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
	"testing"
)

// runProgram writes files, runs main through the test host's loop and
// returns stdout. Each expected output below is what node v20 prints for
// the same files.
func runProgram(t *testing.T, files map[string]string, main string) string {
	t.Helper()
	root := writeFiles(t, files)
	h := newTestHost(t)
	res, err := h.runMain(filepath.Join(root, main))
	if err != nil {
		t.Fatalf("RunMain: %v", err)
	}
	h.watch(res)
	h.run()
	return h.out.String()
}

func TestESMPrograms(t *testing.T) {
	tests := map[string]struct {
		files map[string]string
		main  string
		want  string
	}{
		"cycle with hoisted functions and TDZ": {
			files: map[string]string{
				"main.mjs": "import { a, callB } from './a.mjs';\nconsole.log('main', a, callB());\n",
				"a.mjs": "import { b, useA } from './b.mjs';\nconsole.log('a body', b);\nexport let a = 'A';\nconsole.log('useA now', useA());\n" +
					"export function hoisted() { return 'hoisted-a'; }\nexport function callB() { return 'callB:' + b; }\n",
				"b.mjs": "import { hoisted, a } from './a.mjs';\nconsole.log('b body', hoisted());\n" +
					"try { a; } catch (e) { console.log('b sees a in TDZ', e instanceof ReferenceError); }\n" +
					"export const b = 'B';\nexport function useA() { return a; }\n",
			},
			main: "main.mjs",
			want: "b body hoisted-a\nb sees a in TDZ true\na body B\nuseA now A\nmain A callB:B\n",
		},
		"top-level await ordering": {
			files: map[string]string{
				"main.mjs": "import './x.mjs';\nimport './y.mjs';\nimport './z.mjs';\nconsole.log('main');\n",
				"x.mjs":    "console.log('x start');\nawait new Promise(r => setTimeout(r, 10));\nconsole.log('x end');\n",
				"y.mjs":    "console.log('y sync');\nPromise.resolve().then(() => console.log('y microtask'));\n",
				"z.mjs":    "import './x.mjs';\nconsole.log('z after x');\n",
			},
			main: "main.mjs",
			want: "x start\ny sync\ny microtask\nx end\nz after x\nmain\n",
		},
		"imports are hoisted above the body": {
			files: map[string]string{
				"main.mjs": "console.log('main body');\nimport { v } from './dep.mjs';\nconsole.log(v);\n",
				"dep.mjs":  "console.log('dep body');\nexport const v = 42;\n",
			},
			main: "main.mjs",
			want: "dep body\nmain body\n42\n",
		},
		"export forms": {
			files: map[string]string{
				"main.mjs": "import * as ns from './lib.mjs';\nimport def, { renamed, x, y, fromCjs } from './lib.mjs';\n" +
					"console.log(Object.keys(ns).join(','), def(), renamed, x, y, fromCjs);\n" +
					"console.log(Object.getPrototypeOf(ns), Object.prototype.toString.call(ns));\n" +
					"try { ns.x = 1; } catch (e) { console.log(e instanceof TypeError); }\n",
				"lib.mjs": "const local = 'L';\nexport { local as renamed };\nexport const { x, y } = { x: 1, y: 2 };\n" +
					"export * from './star.mjs';\nexport { kind as fromCjs } from './c.cjs';\nexport default () => 'default fn';\n",
				"star.mjs": "export const starred = 's';\nexport default 'not re-exported';\n",
				"c.cjs":    "exports.kind = 'cjs';\n",
			},
			main: "main.mjs",
			want: "default,fromCjs,renamed,starred,x,y default fn L 1 2 cjs\nnull [object Module]\ntrue\n",
		},
		"dynamic import from CommonJS": {
			files: map[string]string{
				"main.js": "import('./esm.mjs').then((ns) => console.log(ns.value, ns.default)).catch((e) => console.log('err', e.message));\nconsole.log('sync');\n",
				"esm.mjs": "export const value = 'v';\nexport default import.meta.url.endsWith('/esm.mjs');\n",
			},
			main: "main.js",
			want: "sync\nv true\n",
		},
		"package type module": {
			files: map[string]string{
				"package.json": `{"type": "module"}`,
				"main.js":      "import { f } from './f.js';\nimport c from './c.cjs';\nconsole.log(f(), c, typeof require);\n",
				"f.js":         "export const f = () => 'esm .js';\n",
				"c.cjs":        "module.exports = 'cjs ' + typeof require;\n",
			},
			main: "main.js",
			want: "esm .js cjs function undefined\n",
		},
		"typescript module with top-level await": {
			files: map[string]string{
				"main.mts": "import { twice } from './util.ts';\nconst n: number = await Promise.resolve(21);\nconsole.log(twice(n));\n",
				"util.ts":  "export function twice(x: number): number { return x * 2; }\n",
			},
			main: "main.mts",
			want: "42\n",
		},
		"createRequire and the module builtin": {
			files: map[string]string{
				"main.mjs": "import { createRequire } from 'node:module';\nimport Module from 'module';\nconst require = createRequire(import.meta.url);\n" +
					"const c = require('./c.cjs');\nconsole.log(c.v, typeof Module._resolveFilename, Module.isBuiltin('node:fs'), Module.isBuiltin('nope'), " +
					"require.resolve('./c.cjs') === import.meta.dirname + '/c.cjs');\nconsole.log(JSON.stringify(Module.wrap('x')));\n" +
					"console.log(require.cache[require.resolve('./c.cjs')].exports === c, createRequire(import.meta.dirname + '/')('./c.cjs') === c);\n",
				"c.cjs": "exports.v = 'cjs';\n",
			},
			main: "main.mjs",
			want: "cjs function true false true\n\"(function (exports, require, module, __filename, __dirname) { x\\n});\"\ntrue true\n",
		},
		"top-level await in many positions": {
			files: map[string]string{
				"main.mjs": "import { tpl, re, Cls, ünï } from './lib.mjs';\nconst wait = (v) => new Promise((r) => setTimeout(() => r(v), 1));\nconst { a = await wait(1), ...rest } = { b: 2, c: await wait(3) };\nlabel: for (const x of [1, 2]) { if (x === 2) break label; console.log('x', x); }\nconsole.log(a, JSON.stringify(rest), tpl, re.test(\"a'b\"), new Cls().v, Cls.s, ünï);\nconst results = [];\nfor (let i = 0; i < 3; i++) results.push(await wait(i) * 2);\nconsole.log(results.join(), `${await wait('nested')}-${`${await wait('deep')}`}`);\nif (await wait(true)) console.log('if await');\nconst obj = { async m() { return await wait('method'); } };\nconsole.log(await obj.m(), typeof await wait(1), !await wait(false), -await wait(5));\nexport const late = await wait('late');\n",
				"lib.mjs":  "export const tpl = `a${`b${'c'}`}d`;\nexport const re = /a'b/;\nexport class Cls { static s = 's'; v = 'v'; static { Cls.t = 1; } }\nexport const ünï = 'unicode';\n",
			},
			main: "main.mjs",
			want: "x 1\n1 {\"b\":2,\"c\":3} abcd true v s unicode\n0,2,4 nested-deep\nif await\nmethod number true -5\n",
		},
		"module syntax detection": {
			files: map[string]string{
				"main.js":             "import './esm-syntax.js';\nimport './tla.js';\nconst r = require('./cjs.js');\n",
				"esm-syntax.js":       "import fs from 'fs';\nconsole.log('esm-syntax', typeof fs, typeof require);\n",
				"tla.js":              "const v = await Promise.resolve('tla');\nconsole.log(v, typeof module);\n",
				"cjs.js":              "const f = async () => await 1;\nconsole.log('cjs', typeof require);\n",
				"typed/package.json":  `{"type": "commonjs"}`,
				"typed/esm-in-cjs.js": "import fs from 'fs';\n",
			},
			main: "main.js",
			// main.js is itself detected as an ES module (it has imports),
			// so require is not defined in it.
			want: "esm-syntax object undefined\ntla undefined\nrejected <nil>\n",
		},
		"missing import fails before evaluation": {
			files: map[string]string{
				"main.mjs": "import './ok.mjs';\nimport './missing.mjs';\n",
				"ok.mjs":   "console.log('never evaluated');\n",
			},
			main: "main.mjs",
			want: "rejected ERR_MODULE_NOT_FOUND\n",
		},
		"await operand precedence": {
			files: map[string]string{
				"main.mjs": "const a = await Promise.resolve(2) * 3;\nconst o = { f: () => Promise.resolve('f') };\nconst b = await o.f();\n" +
					"const c = `${await Promise.resolve('t')}!`;\nfor await (const v of [Promise.resolve(1), 2]) console.log('loop', v);\nconsole.log(a, b, c);\n",
			},
			main: "main.mjs",
			want: "loop 1\nloop 2\n6 f t!\n",
		},
		"regexp literal with property escapes": {
			files: map[string]string{
				"main.mjs": "const words = '\u00c4rger \u00fcber \u00d6l'.match(/\\p{Lu}\\p{Ll}+/gu);\nconsole.log(words.join(','));\nexport {};\n",
			},
			main: "main.mjs",
			want: "\u00c4rger,\u00d6l\n",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := runProgram(t, tc.files, tc.main); got != tc.want {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestDynamicImportErrors(t *testing.T) {
	files := map[string]string{
		"main.mjs": "for (const spec of ['./syntax.mjs', './throws.mjs', './throws.mjs', 'node:nope', './dir']) {\n" +
			"  try { await import(spec); } catch (e) { console.log(spec, e.name, e.code, e.message.split('\\n')[0].split(import.meta.dirname).join('ROOT')); }\n}\n",
		"syntax.mjs":   "export const = 1;\n",
		"throws.mjs":   "globalThis.n = (globalThis.n || 0) + 1;\nthrow new Error('thrown ' + globalThis.n);\n",
		"dir/index.js": "",
	}
	got := runProgram(t, files, "main.mjs")
	// Node's messages for the syntax error differ (V8's parser is not
	// esbuild's); the other lines are node v20's.
	want := "./syntax.mjs SyntaxError undefined\n" +
		"./throws.mjs Error undefined thrown 1\n" +
		"./throws.mjs Error undefined thrown 1\n" +
		"node:nope Error ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:nope\n" +
		"./dir Error ERR_UNSUPPORTED_DIR_IMPORT Directory import 'ROOT/dir' is not supported resolving ES modules imported from ROOT/main.mjs\n"
	lines := strings.SplitAfter(got, "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[0], "./syntax.mjs SyntaxError undefined ") {
		lines[0] = "./syntax.mjs SyntaxError undefined\n"
	}
	if strings.Join(lines, "") != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
}

func TestImportedNamesAreChecked(t *testing.T) {
	files := map[string]string{
		"main.mjs": "for (const spec of ['./bad.mjs', './bad-default.mjs', './good.mjs', './bad.mjs']) {\n" +
			"  try { await import(spec); } catch (e) { console.log(spec, e.name, e.message); }\n}\n",
		"bad.mjs":         "import { nope } from './dep.mjs';\nconsole.log(nope);\n",
		"bad-default.mjs": "import d from './dep.mjs';\nconsole.log(d);\n",
		"good.mjs":        "import { s, a } from './dep.mjs';\nimport { y } from './c.cjs';\nconsole.log('good', s, a, y);\n",
		"dep.mjs":         "console.log('dep runs');\nexport * from './star.mjs';\nexport const a = 1;\n",
		"star.mjs":        "export const s = 1;\nexport default 'star default is not re-exported';\n",
		"c.cjs":           "exports.y = 1;\n",
	}
	// What node v20 prints.
	want := "./bad.mjs SyntaxError The requested module './dep.mjs' does not provide an export named 'nope'\n" +
		"./bad-default.mjs SyntaxError The requested module './dep.mjs' does not provide an export named 'default'\n" +
		"dep runs\ngood 1 1 1\n" +
		"./bad.mjs SyntaxError The requested module './dep.mjs' does not provide an export named 'nope'\n"
	if got := runProgram(t, files, "main.mjs"); got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
}

func TestDynamicImportRunsLater(t *testing.T) {
	files := map[string]string{
		"main.js": "import('./x.mjs').then((ns) => console.log('imported', ns.v));\nconsole.log('after import()');\n" +
			"Promise.resolve().then(() => console.log('microtask'));\n",
		"x.mjs": "console.log('x body');\nexport const v = 1;\n",
	}
	t.Run("microtask", func(t *testing.T) {
		// Without Options.Defer the module loads one microtask later, so
		// only Node's invariants hold: nothing of x runs inside import(),
		// and x's body runs before the promise resolves.
		got := runProgram(t, files, "main.js")
		lines := strings.Split(strings.TrimSpace(got), "\n")
		index := map[string]int{}
		for i, l := range lines {
			index[l] = i
		}
		if len(lines) != 4 || lines[0] != "after import()" || index["x body"] > index["imported 1"] {
			t.Errorf("stdout:\n%s", got)
		}
	})
	// With the hook standing for an I/O completion, the order is node v20's.
	t.Run("deferred to the loop", func(t *testing.T) {
		root := writeFiles(t, files)
		h := newTestHost(t)
		var deferred []func()
		l, err := New(h.vm, Options{Builtins: h, Defer: func(run func()) {
			deferred = append(deferred, run)
			h.immediates = append(h.immediates, func(goja.Value, ...goja.Value) (goja.Value, error) {
				// The fake loop's stand-in for an I/O completion.
				d := deferred[0]
				deferred = deferred[1:]
				d()
				return goja.Undefined(), nil
			})
		}})
		if err != nil {
			t.Fatal(err)
		}
		h.loader = l
		must(t, h.vm.Set("setTimeout", func(c goja.FunctionCall) goja.Value {
			return h.vm.ToValue(h.addTimer(c.Argument(0), c.Argument(1).ToInteger(), nil))
		}))
		if _, err := h.runMain(filepath.Join(root, "main.js")); err != nil {
			t.Fatal(err)
		}
		h.run()
		want := "after import()\nmicrotask\nx body\nimported 1\n"
		if got := h.out.String(); got != want || len(deferred) != 0 {
			t.Errorf("stdout:\n%s\nwant:\n%s(pending deferred: %d)", got, want, len(deferred))
		}
	})
}

func TestESMEntryWaitsForDefer(t *testing.T) {
	root := writeFiles(t, map[string]string{"main.mjs": "console.log('main runs');\nexport {};\n"})
	h := newTestHost(t)
	var deferred []func()
	l, err := New(h.vm, Options{Builtins: h, Defer: func(run func()) { deferred = append(deferred, run) }})
	if err != nil {
		t.Fatal(err)
	}
	h.loader = l
	res, err := h.runMain(filepath.Join(root, "main.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Export().(*goja.Promise); !ok || h.out.Len() != 0 || len(deferred) != 1 {
		t.Fatalf("after RunMain: result %v, output %q, %d deferred; want a pending promise, no output, 1 deferred", res, h.out.String(), len(deferred))
	}
	deferred[0]()
	p := res.Export().(*goja.Promise)
	if h.out.String() != "main runs\n" || p.State() != goja.PromiseStateFulfilled {
		t.Fatalf("after the deferred run: output %q, promise %v", h.out.String(), p.State())
	}
}
