package modules

import (
	"errors"
	"path/filepath"
	"testing"
)

// resolutionFixture is a project tree exercising both resolvers; the
// expected results in the tables below are what node v20 resolves.
var resolutionFixture = map[string]string{
	"main.js":                  "",
	"lib/a.js":                 "",
	"lib/b.json":               "{}",
	"lib/c.cjs":                "",
	"lib/d.mjs":                "",
	"lib/t.ts":                 "",
	"lib/dir/index.js":         "",
	"lib/pkgdir/package.json":  `{"main": "./entry"}`,
	"lib/pkgdir/entry.js":      "",
	"lib/badmain/package.json": `{"main": "./nope.js"}`,
	"lib/badmain/index.js":     "",
	"lib/deep/er/x.js":         "",

	"node_modules/plain/index.js":        "",
	"node_modules/plain/other.js":        "",
	"node_modules/withmain/package.json": `{"main": "lib/m.js"}`,
	"node_modules/withmain/lib/m.js":     "",
	"node_modules/withexports/package.json": `{"exports": {".": {"import": "./esm.mjs", "require": "./cjs.js"},
		"./sub": "./sub.js", "./feat/*": "./features/*.js", "./hidden": null}}`,
	"node_modules/withexports/esm.mjs":       "",
	"node_modules/withexports/cjs.js":        "",
	"node_modules/withexports/sub.js":        "",
	"node_modules/withexports/features/x.js": "",
	"node_modules/withexports/internal.js":   "",
	"node_modules/strexports/package.json":   `{"exports": "./main.js"}`,
	"node_modules/strexports/main.js":        "",
	"node_modules/@scope/pkg/index.js":       "",
	"node_modules/selfy/package.json": `{"name": "selfy", "exports": {".": "./lib/main.js", "./util": "./lib/util.js"},
		"imports": {"#internal": "./src/internal.js", "#dep": "plain", "#fs": {"node": "node:fs", "default": "./src/fs-shim.js"},
		"#feat/*": "./src/feat-*.js", "#cond": {"import": "./src/esm.mjs", "require": "./src/cjs.js"}}}`,
	"node_modules/selfy/lib/main.js":     "",
	"node_modules/selfy/lib/util.js":     "",
	"node_modules/selfy/src/internal.js": "",
	"node_modules/selfy/src/fs-shim.js":  "",
	"node_modules/selfy/src/feat-a.js":   "",
	"node_modules/selfy/src/esm.mjs":     "",
	"node_modules/selfy/src/cjs.js":      "",
}

// selfy is the folder of a module inside package selfy.
const selfy = "node_modules/selfy/lib"

func TestResolveCJS(t *testing.T) {
	root := writeFiles(t, resolutionFixture)
	tests := map[string]struct {
		from, request string
		want          string // relative to root; "" when not found
		code          string // error code, when resolution throws
	}{
		"relative without extension":   {".", "./lib/a", "lib/a.js", ""},
		"relative with extension":      {".", "./lib/a.js", "lib/a.js", ""},
		"json probing":                 {".", "./lib/b", "lib/b.json", ""},
		"cjs extension exact":          {".", "./lib/c.cjs", "lib/c.cjs", ""},
		"cjs extension not probed":     {".", "./lib/c", "", ""},
		"typescript probed":            {".", "./lib/t", "lib/t.ts", ""},
		"directory index":              {".", "./lib/dir", "lib/dir/index.js", ""},
		"directory trailing slash":     {".", "./lib/dir/", "lib/dir/index.js", ""},
		"directory package main":       {".", "./lib/pkgdir", "lib/pkgdir/entry.js", ""},
		"bad main falls back to index": {".", "./lib/badmain", "lib/badmain/index.js", ""},
		"package index":                {".", "plain", "node_modules/plain/index.js", ""},
		"package subpath probing":      {".", "plain/other", "node_modules/plain/other.js", ""},
		"package main":                 {".", "withmain", "node_modules/withmain/lib/m.js", ""},
		"exports require condition":    {".", "withexports", "node_modules/withexports/cjs.js", ""},
		"exports subpath":              {".", "withexports/sub", "node_modules/withexports/sub.js", ""},
		"exports pattern":              {".", "withexports/feat/x", "node_modules/withexports/features/x.js", ""},
		"exports hides other files":    {".", "withexports/internal.js", "", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
		"exports null target":          {".", "withexports/hidden", "", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
		"exports string":               {".", "strexports", "node_modules/strexports/main.js", ""},
		"scoped package":               {".", "@scope/pkg", "node_modules/@scope/pkg/index.js", ""},
		"node_modules up the tree":     {"lib/deep/er", "plain", "node_modules/plain/index.js", ""},
		"parent relative":              {"lib/deep/er", "../../a", "lib/a.js", ""},
		"missing file":                 {".", "./lib/missing", "", ""},
		"missing package":              {".", "nopkg", "", ""},
		"mjs found by exact name":      {".", "./lib/d.mjs", "lib/d.mjs", ""},
		"imports file":                 {selfy, "#internal", "node_modules/selfy/src/internal.js", ""},
		"imports package":              {selfy, "#dep", "node_modules/plain/index.js", ""},
		"imports URL target":           {selfy, "#fs", "", "ERR_INVALID_PACKAGE_TARGET"},
		"imports pattern":              {selfy, "#feat/a", "node_modules/selfy/src/feat-a.js", ""},
		"imports require condition":    {selfy, "#cond", "node_modules/selfy/src/cjs.js", ""},
		"imports not defined":          {selfy, "#missing", "", "ERR_PACKAGE_IMPORT_NOT_DEFINED"},
		"self reference":               {selfy, "selfy", "node_modules/selfy/lib/main.js", ""},
		"self reference subpath":       {selfy, "selfy/util", "node_modules/selfy/lib/util.js", ""},
		"self reference not exported":  {selfy, "selfy/nope", "", "ERR_PACKAGE_PATH_NOT_EXPORTED"},
	}
	h := newTestHost(t)
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(root, tc.from)
			got, err := h.loader.resolveCJS(tc.request, dir, nodeModulePaths(dir))
			checkResolved(t, root, got, err, tc.want, tc.code)
		})
	}
}

func TestResolveESM(t *testing.T) {
	root := writeFiles(t, resolutionFixture)
	tests := map[string]struct {
		request string
		want    string
		code    string
		from    string // the importing folder, when not the root
	}{
		"relative exact":              {"./lib/a.js", "lib/a.js", "", ""},
		"relative without ext":        {"./lib/a", "", "ERR_MODULE_NOT_FOUND", ""},
		"directory":                   {"./lib/dir", "", "ERR_UNSUPPORTED_DIR_IMPORT", ""},
		"mjs":                         {"./lib/d.mjs", "lib/d.mjs", "", ""},
		"package index":               {"plain", "node_modules/plain/index.js", "", ""},
		"package subpath exact":       {"plain/other.js", "node_modules/plain/other.js", "", ""},
		"package subpath no ext":      {"plain/other", "", "ERR_MODULE_NOT_FOUND", ""},
		"package main":                {"withmain", "node_modules/withmain/lib/m.js", "", ""},
		"exports import condition":    {"withexports", "node_modules/withexports/esm.mjs", "", ""},
		"exports subpath":             {"withexports/sub", "node_modules/withexports/sub.js", "", ""},
		"exports pattern":             {"withexports/feat/x", "node_modules/withexports/features/x.js", "", ""},
		"exports hides other files":   {"withexports/internal.js", "", "ERR_PACKAGE_PATH_NOT_EXPORTED", ""},
		"exports string":              {"strexports", "node_modules/strexports/main.js", "", ""},
		"scoped package":              {"@scope/pkg", "node_modules/@scope/pkg/index.js", "", ""},
		"missing package":             {"nopkg", "", "ERR_MODULE_NOT_FOUND", ""},
		"file URL":                    {"file://" + filepath.ToSlash(root) + "/lib/a.js", "lib/a.js", "", ""},
		"imports file":                {"#internal", "node_modules/selfy/src/internal.js", "", selfy},
		"imports package":             {"#dep", "node_modules/plain/index.js", "", selfy},
		"imports URL target":          {"#fs", "", "ERR_INVALID_PACKAGE_TARGET", selfy},
		"imports pattern":             {"#feat/a", "node_modules/selfy/src/feat-a.js", "", selfy},
		"imports import condition":    {"#cond", "node_modules/selfy/src/esm.mjs", "", selfy},
		"imports not defined":         {"#missing", "", "ERR_PACKAGE_IMPORT_NOT_DEFINED", selfy},
		"self reference":              {"selfy", "node_modules/selfy/lib/main.js", "", selfy},
		"self reference subpath":      {"selfy/util", "node_modules/selfy/lib/util.js", "", selfy},
		"self reference not exported": {"selfy/nope", "", "ERR_PACKAGE_PATH_NOT_EXPORTED", selfy},
	}
	h := newTestHost(t)
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := h.loader.resolveESM(tc.request, filepath.Join(root, tc.from, "main.mjs"))
			checkResolved(t, root, got, err, tc.want, tc.code)
		})
	}
}

func checkResolved(t *testing.T, root, got string, err error, want, code string) {
	t.Helper()
	if code != "" {
		var re *resolveError
		if !errors.As(err, &re) || re.code != code {
			t.Fatalf("got (%q, %v), want error %s", got, err, code)
		}
		return
	}
	if err != nil {
		t.Fatalf("unexpected error %v", err)
	}
	if want == "" {
		if got != "" {
			t.Fatalf("resolved to %q, want not found", got)
		}
		return
	}
	if got != filepath.Join(root, want) {
		t.Fatalf("resolved to %q, want %q", got, filepath.Join(root, want))
	}
}
