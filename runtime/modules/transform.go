package modules

import (
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// The CommonJS wrapper is on the same line as the module's first line, as in
// Node, so line numbers of an untransformed file are its own.
const cjsWrapperHead = "(function (exports, require, module, __filename, __dirname) { "

// cjsWrapperHeadImport also binds $$imp$, the stand-in for import(), for
// files that use it (only they get a sixth argument, so arguments.length
// is Node's 5 elsewhere).
const cjsWrapperHeadImport = "(function (exports, require, module, __filename, __dirname, $$imp$) { "
const cjsWrapperTail = "\n})"

// ES modules become generator functions: see esm.go for the calling
// convention. esbuild's own uses of `module` (module.exports =
// __toCommonJS(...), and __reExport's last argument) are renamed to
// __studio_module: esbuild does not apply a define to `module` in a file
// without import/export, so the name must stay free for user code. $$imp$ replaces the `import` of dynamic import() (same length,
// so columns stay put), __toESM is esbuild's interop helper, replaced by one
// that passes namespaces through.
const esmWrapperHead = `(function* (require, __studio_module, __toESM, __studio_import_meta, $$imp$) {"use strict";`
const esmWrapperTail = "\n})"

// dynImport is the same-length stand-in for the `import` keyword of
// import(), which goja cannot parse.
const dynImport = "$$imp$"

// tlaMarker stands in for a top-level `await` while esbuild converts a module
// to CommonJS form (which refuses top-level await).
const tlaMarker = "__studio_tla"

// lowered is the syntax goja lacks, lowered by esbuild.
var lowered = map[string]bool{"async-generator": false, "for-await": false}

// needsLoweringRe finds syntax goja lacks. False positives (in comments or
// strings) only cost an unneeded transform.
var needsLoweringRe = regexp.MustCompile(`\bfor\s+await\b|\basync\s*(?:function\s*)?\*`)

func needsLowering(src string) bool { return needsLoweringRe.MatchString(src) }

// esmDefines hides CommonJS names from ES module code, where Node does not
// define them; they become free (undefined) globals.
var esmDefines = map[string]string{
	"require":     "__studio_esm_require",
	"module":      "__studio_esm_module",
	"exports":     "__studio_esm_exports",
	"__filename":  "__studio_esm_filename",
	"__dirname":   "__studio_esm_dirname",
	"import.meta": "__studio_import_meta",
}

// output is the code goja runs for one file.
type output struct {
	code    string // a parenthesized function expression
	mapJSON []byte // source map of code to the file, nil when code is the file itself
	deps    []string
	tla     bool // an ES module with top-level await
	// dynImport is true when a CommonJS wrapper takes $$imp$.
	dynImport bool
	// imported lists, per import specifier, the names the module imports
	// (default included); stars lists the specifiers of `export * from`.
	imported map[string][]string
	stars    []string
	prefix   int // columns the wrapper adds to line 1 when mapJSON is nil
}

func loaderFor(filename string) api.Loader {
	if isTSFile(filename) {
		return api.LoaderTS
	}
	return api.LoaderJS
}

// esbuildError turns esbuild messages into one error with positions.
func esbuildError(filename string, msgs []api.Message) error {
	var b strings.Builder
	for i, m := range msgs {
		if i > 0 {
			b.WriteString("\n")
		}
		if m.Location != nil {
			fmt.Fprintf(&b, "%s:%d:%d: %s", filename, m.Location.Line, m.Location.Column+1, m.Text)
		} else {
			fmt.Fprintf(&b, "%s: %s", filename, m.Text)
		}
	}
	return &SyntaxError{Msg: b.String()}
}

// SyntaxError is a transform failure; the loader throws it as a JS SyntaxError.
type SyntaxError struct{ Msg string }

func (e *SyntaxError) Error() string { return e.Msg }

// compileCJS prepares a CommonJS file. Plain JavaScript that goja can run is
// kept byte for byte; TypeScript and files using syntax goja lacks go
// through esbuild with a source map.
func compileCJS(filename, src string) (*output, error) {
	src = rewritePropertyEscapes(stripHashbang(src))
	if !isTSFile(filename) && !needsLowering(src) {
		body := rewriteDynamicImport(src)
		head := cjsWrapperHead
		if body != src {
			head = cjsWrapperHeadImport
		}
		return &output{code: head + body + cjsWrapperTail, prefix: len(head), dynImport: body != src}, nil
	}
	format := api.FormatDefault
	if isTSFile(filename) {
		// TypeScript in a CommonJS scope usually still uses import/export
		// (compiled to require by tsc): convert it, as ts-node and tsx do.
		format = api.FormatCommonJS
	}
	r := api.Transform(src, api.TransformOptions{
		Loader:     loaderFor(filename),
		Format:     format,
		Sourcefile: filename,
		Sourcemap:  api.SourceMapExternal,
		Supported:  lowered,
		Banner:     strings.TrimSuffix(cjsWrapperHeadImport, " "),
		Footer:     cjsWrapperTail,
		Charset:    api.CharsetUTF8,
	})
	if len(r.Errors) > 0 {
		return nil, esbuildError(filename, r.Errors)
	}
	return &output{code: rewriteDynamicImport(string(r.Code)), mapJSON: r.Map, dynImport: true}, nil
}

// compileCJSScript lowers a global script (node -e code) without a wrapper.
func compileCJSScript(filename, src string) (*output, error) {
	r := api.Transform(src, api.TransformOptions{
		Loader:     api.LoaderJS,
		Sourcefile: filename,
		Sourcemap:  api.SourceMapExternal,
		Supported:  lowered,
		Charset:    api.CharsetUTF8,
	})
	if len(r.Errors) > 0 {
		return nil, esbuildError(filename, r.Errors)
	}
	return &output{code: string(r.Code), mapJSON: r.Map}, nil
}

// stripHashbang blanks a "#!" first line (keeping its length) as Node does.
func stripHashbang(src string) string {
	if !strings.HasPrefix(src, "#!") {
		return src
	}
	return "//" + src[2:]
}

// rewriteDynamicImport replaces the `import` of each import(...) call with a
// same-length identifier bound by the wrapper.
func rewriteDynamicImport(src string) string {
	if !strings.Contains(src, "import") {
		return src
	}
	ts := newTokens(src)
	var b []byte
	for i := range ts.toks {
		if ts.isDynamicImport(i) {
			if b == nil {
				b = []byte(src)
			}
			copy(b[ts.toks[i].start:], dynImport)
		}
	}
	if b == nil {
		return src
	}
	return string(b)
}

// compileESM turns an ES module (JS or TS) into a generator function:
//
//	(function* (require, module, __toESM, __studio_import_meta, $$imp$) {...})
//
// esbuild converts import/export into CommonJS form with live bindings
// (imports become property reads on the imported namespace, exports become
// getters defined first thing). The generator yields once right after the
// export getters are defined (the link step: function declarations are
// hoisted and visible to cyclic importers), and then at every top-level
// await, with the awaited value; the driver in esm.go resumes it.
func compileESM(filename, src string) (*output, error) {
	src = rewritePropertyEscapes(stripHashbang(src))
	opts := api.TransformOptions{
		Loader:     loaderFor(filename),
		Format:     api.FormatCommonJS,
		Sourcefile: esmSourceName(filename),
		Sourcemap:  api.SourceMapExternal,
		Supported:  lowered,
		Define:     esmDefines,
		Banner:     esmWrapperHead,
		Footer:     esmWrapperTail,
		Charset:    api.CharsetUTF8,
	}
	r := api.Transform(src, opts)
	tla := false
	if len(r.Errors) > 0 {
		if !onlyTLAErrors(r.Errors) {
			return nil, esbuildError(filename, r.Errors)
		}
		tla = true
		var err error
		r, err = transformTLA(filename, src, opts)
		if err != nil {
			return nil, err
		}
	}
	out, err := finishESM(string(r.Code))
	if err != nil {
		return nil, fmt.Errorf("rewriting module %q: %w", filename, err)
	}
	out.mapJSON, out.tla = r.Map, tla
	return out, nil
}

// esmSourceName is the name ES modules have in their source maps, and so
// in goja's stack traces: their file: URL, which is how Node shows ES module
// frames ("at file:///app/main.mjs:3:5").
func esmSourceName(filename string) string { return pathToFileURL(filename) }

func onlyTLAErrors(msgs []api.Message) bool {
	for _, m := range msgs {
		if !strings.HasPrefix(m.Text, "Top-level await is currently not supported") {
			return false
		}
	}
	return true
}

// transformTLA handles modules with top-level await: esbuild first lowers
// the module keeping ES module syntax, each top-level await (which esbuild
// locates for us, by refusing it) is wrapped into a call of tlaMarker, and
// the result is converted like any module; finishESM turns the marker calls
// into yields. esbuild composes the inline source map of the first step.
func transformTLA(filename, src string, opts api.TransformOptions) (api.TransformResult, error) {
	r1 := api.Transform(src, api.TransformOptions{
		Loader:     opts.Loader,
		Format:     api.FormatESModule,
		Sourcefile: esmSourceName(filename),
		Sourcemap:  api.SourceMapInline,
		Supported:  lowered,
		Charset:    api.CharsetUTF8,
	})
	if len(r1.Errors) > 0 {
		return r1, esbuildError(filename, r1.Errors)
	}
	js1 := string(r1.Code)
	probe := api.Transform(js1, api.TransformOptions{Loader: api.LoaderJS, Format: api.FormatCommonJS, Sourcefile: filename})
	lines := lineStarts(js1)
	ts := newTokens(js1)
	type edit struct {
		off  int
		del  int
		text string
	}
	var edits []edit
	for _, m := range probe.Errors {
		if m.Location == nil || !strings.HasPrefix(m.Text, "Top-level await") {
			return r1, esbuildError(filename, probe.Errors)
		}
		off := lines[m.Location.Line-1] + m.Location.Column
		i := ts.indexAt(off)
		if i < 0 || !ts.ident(i, "await") {
			return r1, fmt.Errorf("locating top-level await in %q at %d:%d: %w", filename, m.Location.Line, m.Location.Column, ErrRewrite)
		}
		end := ts.unaryEnd(i + 1)
		edits = append(edits, edit{off, len("await"), tlaMarker + "("}, edit{ts.toks[end-1].end, 0, ")"})
	}
	sort.SliceStable(edits, func(a, b int) bool { return edits[a].off < edits[b].off })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(js1[last:e.off])
		b.WriteString(e.text)
		last = e.off + e.del
	}
	b.WriteString(js1[last:])
	opts.Loader = api.LoaderJS
	r := api.Transform(b.String(), opts)
	if len(r.Errors) > 0 {
		return r, esbuildError(filename, r.Errors)
	}
	return r, nil
}

// ErrRewrite reports esbuild output the loader's rewrite did not expect.
var ErrRewrite = errors.New("modules: unexpected transform output")

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// finishESM rewrites esbuild's CommonJS-form output: it collects the
// import specifiers (esbuild's require("x") calls), renames the definition
// of __toESM so the wrapper's parameter is used, inserts the link yield,
// turns top-level-await markers into yields, and replaces import(.
func finishESM(code string) (*output, error) {
	ts := newTokens(code)
	out := &output{imported: map[string][]string{}}
	type edit struct {
		off  int
		del  int
		text string
	}
	var edits []edit
	var deps []string
	seen := map[string]bool{}
	importVars := map[string]string{}
	linkAt := -1
	for i := range ts.toks {
		switch {
		case ts.ident(i, "require") && ts.punct(i+1, "(") && ts.toks[i+2].kind == tokString && ts.punct(i+3, ")") &&
			ts.depth[i] <= 3 && !ts.punct(i-1, "."):
			spec := unquoteJS(ts.text(i + 2))
			// esbuild binds named and default imports to a variable
			// import_<name> (`import * as ns` keeps the user's name, and
			// reading a missing name from a namespace is no error).
			if ts.ident(i-3, "var") && strings.HasPrefix(ts.text(i-2), "import_") && ts.punct(i-1, "=") {
				importVars[ts.text(i-2)] = spec
			} else if ts.ident(i-5, "var") && strings.HasPrefix(ts.text(i-4), "import_") && ts.punct(i-3, "=") && ts.ident(i-2, "__toESM") {
				importVars[ts.text(i-4)] = spec
			} else if ts.ident(i-4, "__reExport") && ts.punct(i-1, ",") {
				out.stars = append(out.stars, spec)
			}
			if !seen[spec] {
				seen[spec] = true
				deps = append(deps, spec)
			}
		case ts.ident(i, "var") && ts.ident(i+1, "__toESM") && ts.punct(i+2, "=") && ts.depth[i] == 2:
			edits = append(edits, edit{ts.toks[i+1].end, 0, "_"})
		case linkAt < 0 && ts.ident(i, "module") && ts.depth[i] == 2 && ts.punct(i+1, ".") && ts.ident(i+2, "exports") &&
			ts.punct(i+3, "=") && ts.ident(i+4, "__toCommonJS") && ts.punct(i+5, "(") && ts.punct(i+7, ")") && ts.punct(i+8, ";"):
			linkAt = ts.toks[i+8].end
			edits = append(edits, edit{ts.toks[i].start, len("module"), "__studio_module"})
		case ts.ident(i, "__reExport") && ts.punct(i+1, "(") && ts.depth[i] == 2:
			if end := ts.closeOf(i+1) - 1; ts.ident(end-3, "module") && ts.punct(end-2, ".") && ts.ident(end-1, "exports") {
				edits = append(edits, edit{ts.toks[end-3].start, len("module"), "__studio_module"})
			}
		case ts.ident(i, tlaMarker) && ts.punct(i+1, "("):
			closeParen := ts.closeOf(i+1) - 1
			edits = append(edits, edit{ts.toks[i].start, len(tlaMarker), "(yield "}, edit{ts.toks[closeParen].end, 0, ")"})
		case ts.isDynamicImport(i):
			edits = append(edits, edit{ts.toks[i].start, len("import"), dynImport})
		}
	}
	if linkAt < 0 {
		linkAt = len(esmWrapperHead)
		if !strings.HasPrefix(code, esmWrapperHead) {
			return nil, ErrRewrite
		}
	}
	named := map[string]map[string]bool{}
	for i := range ts.toks {
		spec, ok := importVars[ts.text(i)]
		if !ok || ts.toks[i].kind != tokIdent || !ts.punct(i+1, ".") || ts.punct(i-1, ".") || ts.toks[i+2].kind != tokIdent {
			continue
		}
		if named[spec] == nil {
			named[spec] = map[string]bool{}
		}
		if name := ts.text(i + 2); !named[spec][name] {
			named[spec][name] = true
			out.imported[spec] = append(out.imported[spec], name)
		}
	}
	edits = append(edits, edit{linkAt, 0, " yield;"})
	sort.SliceStable(edits, func(a, b int) bool { return edits[a].off < edits[b].off })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(code[last:e.off])
		b.WriteString(e.text)
		last = e.off + e.del
	}
	b.WriteString(code[last:])
	out.code, out.deps = b.String(), deps
	return out, nil
}

// withInlineMap appends the source map as a data URL, which goja reads to
// report original positions in error stacks.
func withInlineMap(code string, mapJSON []byte) string {
	if mapJSON == nil {
		return code
	}
	return code + "\n//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(mapJSON) + "\n"
}

// unquoteJS decodes a JavaScript string literal as esbuild prints them.
func unquoteJS(lit string) string {
	if len(lit) < 2 {
		return lit
	}
	body := lit[1 : len(lit)-1]
	if !strings.Contains(body, "\\") {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		switch body[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '0':
			b.WriteByte(0)
		case 'x':
			if i+2 < len(body) {
				var v int
				fmt.Sscanf(body[i+1:i+3], "%02x", &v)
				b.WriteRune(rune(v))
				i += 2
			}
		case 'u':
			if i+1 < len(body) && body[i+1] == '{' {
				end := strings.IndexByte(body[i:], '}')
				var v int
				fmt.Sscanf(body[i+2:i+end], "%x", &v)
				b.WriteRune(rune(v))
				i += end
			} else if i+4 < len(body) {
				var v int
				fmt.Sscanf(body[i+1:i+5], "%04x", &v)
				b.WriteRune(rune(v))
				i += 4
			}
		default:
			b.WriteByte(body[i])
		}
	}
	return b.String()
}

// hasModuleSyntax reports whether src (a .js or .ts file) uses ES module
// syntax: import or export declarations, import.meta, or top-level await,
// which is how Node 20 decides to run a file of no declared type as an ES
// module. Declarations and import.meta are found by tokens. An await outside
// every function body makes top-level await possible (an await in an arrow
// function's expression body looks the same to tokens), and then esbuild,
// which refuses top-level await in CommonJS output, decides.
func hasModuleSyntax(filename, src string) bool {
	if !strings.Contains(src, "import") && !strings.Contains(src, "export") && !strings.Contains(src, "await") {
		return false
	}
	ts := newTokens(src)
	var fnBraces []bool // for each open "{": is it a function body?
	inFunction := 0
	maybeTLA := false
	for i, t := range ts.toks {
		if t.kind == tokPunct {
			switch ts.text(i) {
			case "{":
				fn := ts.opensFunctionBody(i)
				fnBraces = append(fnBraces, fn)
				if fn {
					inFunction++
				}
			case "}":
				if n := len(fnBraces); n > 0 {
					if fnBraces[n-1] {
						inFunction--
					}
					fnBraces = fnBraces[:n-1]
				}
			}
			continue
		}
		if t.kind != tokIdent || ts.punct(i-1, ".") || ts.punct(i-1, "?.") {
			continue
		}
		switch ts.text(i) {
		case "import":
			if ts.punct(i+1, ".") && ts.ident(i+2, "meta") {
				return true
			}
			// import x = require("y") is TypeScript's CommonJS form.
			if ts.depth[i] == 0 && !ts.punct(i+1, "(") && !ts.punct(i+1, ".") &&
				!(i+2 < len(ts.toks) && ts.toks[i+1].kind == tokIdent && ts.punct(i+2, "=")) {
				return true
			}
		case "export":
			// export = x is TypeScript's CommonJS form.
			if ts.depth[i] == 0 && !ts.punct(i+1, "=") {
				return true
			}
		case "await":
			if inFunction == 0 {
				maybeTLA = true
			}
		}
	}
	if !maybeTLA {
		return false
	}
	r := api.Transform(src, api.TransformOptions{Loader: loaderFor(filename), Format: api.FormatCommonJS, Sourcefile: filename})
	return len(r.Errors) > 0 && onlyTLAErrors(r.Errors)
}
