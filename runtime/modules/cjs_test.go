package modules

import (
	"path/filepath"

	"github.com/dop251/goja"
	"strings"
	"testing"
)

func TestCommonJSPrograms(t *testing.T) {
	tests := map[string]struct {
		files map[string]string
		want  string // node v20's output, with the temp dir shown as ROOT
	}{
		"not found error with require stack": {
			files: map[string]string{
				"main.js": "try { require('./a'); } catch (e) { console.log(JSON.stringify(e.message.split(__dirname).join('ROOT')), e.code, " +
					"JSON.stringify(e.requireStack.map(f => f.replace(__dirname, 'ROOT')))); }\n",
				"a.js": "require('./missing');\n",
			},
			want: `"Cannot find module './missing'\nRequire stack:\n- ROOT/a.js\n- ROOT/main.js" MODULE_NOT_FOUND ["ROOT/a.js","ROOT/main.js"]` + "\n",
		},
		"failed load leaves the cache": {
			files: map[string]string{
				"main.js": "try { require('./throws'); } catch (e) { console.log('first', e.message, require.resolve('./throws') in require.cache, module.children.length); }\n" +
					"try { require('./throws'); } catch (e) { console.log('second', e.message); }\n",
				"throws.js": "globalThis.runs = (globalThis.runs || 0) + 1; throw new Error('boom ' + globalThis.runs);\n",
			},
			want: "first boom 1 false 0\nsecond boom 2\n",
		},
		"syntax error": {
			files: map[string]string{
				"main.js":   "try { require('./syntax'); } catch (e) { console.log(e.name); }\n",
				"syntax.js": "let let = ;\n",
			},
			want: "SyntaxError\n",
		},
		"module relations": {
			files: map[string]string{
				"main.js": "const c = require('./child');\nconsole.log(c.parentIsMain, c.mainIsChildMain, module.children.map(m => m.id.slice(__dirname.length)).join(','));\n" +
					"console.log(require.resolve.paths('x')[0] === __dirname + '/node_modules', require.resolve.paths('./x')[0] === __dirname);\n" +
					"console.log(module.require('./child') === c, require('./child') === c, module.children.length);\n",
				"child.js": "exports.parentIsMain = module.parent === require.main;\nexports.mainIsChildMain = require.main.id;\n",
			},
			want: "true . /child.js\ntrue true\ntrue true 1\n",
		},
		"invalid requests": {
			files: map[string]string{
				"main.js": "try { require(''); } catch (e) { console.log(e.code, e.name); }\n" +
					"try { require(42); } catch (e) { console.log(e.code, e.name); }\n" +
					"try { require('node:nope'); } catch (e) { console.log(e.code); }\n",
			},
			want: "ERR_INVALID_ARG_VALUE TypeError\nERR_INVALID_ARG_TYPE TypeError\nERR_UNKNOWN_BUILTIN_MODULE\n",
		},
		"require of ES modules": {
			files: map[string]string{
				"main.js": "const ns = require('./e.mjs');\nconsole.log(Object.prototype.toString.call(ns), ns.x, require('./e.mjs') === ns);\n" +
					"const d = require('./d.mjs');\nconsole.log(Object.keys(d).join(','), d.default, d.__esModule);\n" +
					"try { require('./tla.mjs'); } catch (e) { console.log(e.code, JSON.stringify(e.message.split(__dirname).join('ROOT'))); }\n",
				"e.mjs":   "export const x = 1;\n",
				"d.mjs":   "export default 'd'; export const z = 1;\n",
				"tla.mjs": "const v = await 1; export const y = v;\n",
			},
			want: "[object Module] 1 true\n__esModule,default,z d true\n" +
				`ERR_REQUIRE_ASYNC_MODULE "require() cannot be used on an ESM graph with top-level await. Use import() instead. ` +
				`To see where the top-level await comes from, use --experimental-print-required-tla.\n  From ROOT/main.js \n  Requiring ROOT/tla.mjs "` + "\n",
		},
		"wrapper arguments": {
			files: map[string]string{"main.js": "console.log(arguments.length, arguments[0] === exports, this === module.exports, arguments[4] === __dirname);\n"},
			want:  "5 true true true\n",
		},
		"require.resolve with paths": {
			files: map[string]string{
				"main.js": "console.log(require.resolve('plain', { paths: [__dirname + '/lib/deep'] }).slice(__dirname.length), " +
					"require.resolve('./a', { paths: [__dirname + '/lib'] }).slice(__dirname.length));\n",
				"lib/a.js":                    "",
				"lib/deep/.keep":              "",
				"node_modules/plain/index.js": "",
			},
			want: "/node_modules/plain/index.js /lib/a.js\n",
		},
		"async generators lowered with original lines": {
			files: map[string]string{
				"main.js": "async function* g() {\n  yield 1;\n  throw new Error('at line 3');\n}\n" +
					"(async () => { try { for await (const v of g()) console.log(v); } catch (e) { console.log(e.stack.split('\\n')[1].includes('main.js:3:')); } })();\n",
			},
			want: "1\ntrue\n",
		},
		"regexp literal with the v flag": {
			files: map[string]string{
				"main.js": "const consonants = /[[a-z]--[aeiou]]+/gv;\nconsole.log('hello world'.match(consonants).join('|'), consonants.flags, consonants.unicodeSets);\n",
			},
			want: "h|ll|w|rld gv true\n",
		},
		"regexp literals with property escapes": {
			files: map[string]string{
				"main.js": "const re = /\\p{L}+/gu;\nconsole.log('h\u00e9llo w\u00f6rld 42'.match(re).join('|'), re instanceof RegExp, re.source, re.flags);\n" +
					"console.log(/[\\p{Script=Greek}\\d]+/u.exec('ab \u03b1\u03b21 c')[0], /\\p{L}/.test('p{L}'), String(/\\P{Lu}/u));\n" +
					"function f() {\n  throw new Error('line 5');\n}\ntry { f(); } catch (e) { console.log(e.stack.split('\\n')[1].includes('main.js:5:')); }\n",
			},
			want: "h\u00e9llo|w\u00f6rld true \\p{L}+ gu\n\u03b1\u03b21 true /\\P{Lu}/u\ntrue\n",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := runProgram(t, tc.files, "main.js"); got != tc.want {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestUntransformedFilesRunByteForByte(t *testing.T) {
	const src = "// line 1\nconst x = 1;\nmodule.exports = x;\n"
	root := writeFiles(t, map[string]string{"main.js": src, "gen.js": "async function* g() {}\nmodule.exports = g;\n"})
	h := newTestHost(t)
	if _, err := h.runMain(filepath.Join(root, "main.js")); err != nil {
		t.Fatal(err)
	}
	srcs := h.loader.Sources()
	if len(srcs) != 1 || srcs[0].Original != src || srcs[0].Generated != cjsWrapperHead+src+cjsWrapperTail || srcs[0].IsModule {
		t.Fatalf("Sources() = %+v", srcs)
	}
	if f, line, col, ok := h.loader.MapPosition(filepath.Join(root, "main.js"), 1, len(cjsWrapperHead)+4); !ok || line != 1 || col != 4 || f != filepath.Join(root, "main.js") {
		t.Errorf("MapPosition line 1 = %s:%d:%d %v, want the wrapper's columns removed", f, line, col, ok)
	}
	if _, line, col, _ := h.loader.MapPosition(filepath.Join(root, "main.js"), 2, 7); line != 2 || col != 7 {
		t.Errorf("MapPosition line 2 = %d:%d, want unchanged", line, col)
	}
}

func TestMapGeneratedThroughSourceMap(t *testing.T) {
	const src = "type N = number;\nconst a: N = 1;\n\nexport function f(): N {\n  return a + 1;\n}\n"
	root := writeFiles(t, map[string]string{"m.mts": src})
	h := newTestHost(t)
	if _, err := h.runMain(filepath.Join(root, "m.mts")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "m.mts")
	var gen string
	for _, s := range h.loader.Sources() {
		if s.Filename == file {
			gen = s.Generated
		}
	}
	lines := strings.Split(gen, "\n")
	for i, line := range lines {
		col := strings.Index(line, "return a + 1")
		if col < 0 {
			continue
		}
		f, oline, ocol, ok := h.loader.MapGenerated(file, i+1, col+1)
		if !ok || f != file || oline != 5 || ocol != 3 {
			t.Fatalf("MapGenerated(%d, %d) = %s:%d:%d %v, want %s:5:3", i+1, col+1, f, oline, ocol, ok, file)
		}
		return
	}
	t.Fatalf("generated code lacks the return statement:\n%s", gen)
}

func TestRunMainMissingFile(t *testing.T) {
	root := t.TempDir()
	h := newTestHost(t)
	missing := filepath.Join(root, "missing.js")
	_, err := h.runMain(missing)
	var ex *goja.Exception
	if !asException(err, &ex) {
		t.Fatalf("RunMain error = %v, want a thrown Error", err)
	}
	e := ex.Value().ToObject(h.vm)
	if got := e.Get("message").String(); got != "Cannot find module '"+missing+"'" {
		t.Errorf("message = %q", got)
	}
	if got := e.Get("code").String(); got != "MODULE_NOT_FOUND" {
		t.Errorf("code = %q", got)
	}
	if got := e.Get("requireStack").ToObject(h.vm).Get("length").ToInteger(); got != 0 {
		t.Errorf("requireStack length = %d, want an empty array", got)
	}
}
