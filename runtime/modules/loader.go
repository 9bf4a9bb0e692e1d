// Package modules implements Node 20's module system on goja: CommonJS
// resolution and loading, ES modules and TypeScript through esbuild's Go API,
// with source maps for every transformed file. Call [New], then
// [Loader.RunMain] or [Loader.Eval].
//
// Plain CommonJS JavaScript runs byte for byte inside Node's function
// wrapper (on the file's first line, so lines keep their numbers).
// TypeScript, ES modules and files using syntax goja lacks (async
// generators, for await) are transformed by esbuild; their source maps are
// kept (see [Loader.MapGenerated]) and embedded inline, so goja's own stack
// traces and err.stack already show original positions.
//
// ES modules: goja cannot parse import/export, so esbuild converts each
// module to CommonJS form, which gives live bindings for free (an import
// becomes a property read on the imported namespace; exports become getters
// defined before the body). The result is wrapped in a generator function
// that yields once right after the export getters are defined (the link
// step: hoisted functions and TDZ bindings become visible to cyclic
// importers before the module runs) and at each top-level await (esbuild
// refuses those in CommonJS output; it locates them, and the loader turns
// them into yields of the awaited value). helpers.js holds the JavaScript
// half: Module objects and require functions, namespace objects, and the
// post-order, top-level-await-aware evaluation of a module graph.
//
// Goroutine contract: a Loader belongs to the goroutine that owns its
// goja.Runtime (the loop goroutine); none of its methods may be called from
// any other goroutine, and it starts no goroutines.
package modules

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
	"github.com/go-sourcemap/sourcemap"
)

// Builtins provides Node's builtin modules.
type Builtins interface {
	IsBuiltin(id string) bool              // "fs", "node:fs", ...
	Require(id string) (goja.Value, error) // id without the "node:" prefix
}

// Options configures a Loader.
type Options struct {
	Builtins Builtins
	Process  *goja.Object // receives process.mainModule
	// Defer, when set, is how import() and an ES module entry wait for
	// module loading, which Node does with asynchronous file reads: the
	// loader calls Defer(run) on the loop goroutine, and the runtime calls
	// run exactly once, later, on the loop goroutine, as the completion of
	// an I/O operation that keeps the loop alive until then. When nil,
	// import() loads and evaluates the module one microtask later (still
	// never inside the import() call) and RunMain runs an ES module entry
	// at once.
	Defer func(run func())
	// Rewrite, when set, rewrites the code of every JavaScript file before
	// goja compiles it (the debugger's instrumentation). code is what goja
	// would run otherwise; wrapped says it is one parenthesized function
	// expression (the module wrapper). The rewrite must keep every line, and
	// column maps a 0-based column of code on a 1-based line to the
	// rewritten text. Positions in stack traces stay those of code (an
	// inline source map says so). An error leaves the file as it was.
	// original maps a position of code (1-based line, 0-based column) to
	// the file as written (through esbuild's source map, or past the
	// wrapper on line 1); it may be called on any goroutine.
	Rewrite func(file, code string, wrapped bool, original Mapper) (rewritten string, column func(line, col int) int, err error)
}

// Mapper maps a position (1-based line, 0-based column) of generated code
// to the source file it came from; ok is false where no mapping covers it.
type Mapper func(line, col int) (file string, oline, ocol int, ok bool)

// Source is one loaded file, for the debugger.
type Source struct {
	Filename  string
	Original  string // the text as on disk
	Generated string // what goja runs
	IsModule  bool   // an ES module
}

//go:embed helpers.js
var helpersSource string

// Loader loads modules into one goja.Runtime. Loop goroutine only.
type Loader struct {
	vm   *goja.Runtime
	opts Options
	h    helpers

	pkgs    map[string]*pkgJSON
	records map[string]*goja.Object // ES module graph records by filename
	meta    map[string]*esmMeta     // ES modules' import/export facts by filename
	// unchecked lists the ES modules linked since the last finishLink.
	unchecked []string
	sources   []*Source
	byFile    map[string]*sourceInfo

	syntaxError goja.Value // the SyntaxError constructor, captured at New
	errorCtor   goja.Value
}

type sourceInfo struct {
	src    *Source
	smap   *sourcemap.Consumer
	prefix int
}

type helpers struct {
	newModule         goja.Value // the Module constructor
	cache             *goja.Object
	state             *goja.Object
	makeRequire       goja.Callable
	childLoaded       goja.Callable
	unlinkFailed      goja.Callable
	cjsNamespace      goja.Callable
	namespace         goja.Callable
	runBody           goja.Callable
	evaluateToPromise goja.Callable
	graphHasTLA       goja.Callable
	importLater       goja.Callable
	microtask         goja.Value
	requireNamespace  goja.Callable
	newRecord         goja.Callable
	esmRequire        goja.Callable
	identity          goja.Value
	importMeta        goja.Callable
	rejected          goja.Callable
	throwValue        goja.Callable
}

// New prepares the loader's JavaScript half. It installs nothing global
// except Symbol.asyncIterator when goja lacks it: the async generators and
// for await loops the loader lowers for goja are built on it.
func New(vm *goja.Runtime, opts Options) (l *Loader, err error) {
	if opts.Builtins == nil {
		return nil, errors.New("creating module loader: Options.Builtins is nil")
	}
	l = &Loader{
		vm:      vm,
		opts:    opts,
		pkgs:    map[string]*pkgJSON{},
		records: map[string]*goja.Object{},
		meta:    map[string]*esmMeta{},
		byFile:  map[string]*sourceInfo{},
	}
	defer recoverInto(&err)
	l.syntaxError = vm.Get("SyntaxError")
	l.errorCtor = vm.Get("Error")
	fn, err := vm.RunScript("studio:modules/helpers.js", helpersSource)
	if err != nil {
		return nil, fmt.Errorf("creating module loader: %w", err)
	}
	call, _ := goja.AssertFunction(fn)
	res, err := call(goja.Undefined(), l.goSide())
	if err != nil {
		return nil, fmt.Errorf("creating module loader: %w", err)
	}
	o := res.ToObject(vm)
	fnOf := func(name string) goja.Callable {
		f, ok := goja.AssertFunction(o.Get(name))
		if !ok {
			panic(fmt.Sprintf("helpers.js lacks %s", name))
		}
		return f
	}
	l.h = helpers{
		newModule:         o.Get("Module"),
		cache:             o.Get("cache").ToObject(vm),
		state:             o.Get("state").ToObject(vm),
		makeRequire:       fnOf("makeRequire"),
		childLoaded:       fnOf("childLoaded"),
		unlinkFailed:      fnOf("unlinkFailed"),
		cjsNamespace:      fnOf("cjsNamespace"),
		namespace:         fnOf("namespace"),
		runBody:           fnOf("runBody"),
		evaluateToPromise: fnOf("evaluateToPromise"),
		graphHasTLA:       fnOf("graphHasTLA"),
		importLater:       fnOf("importLater"),
		microtask:         o.Get("microtask"),
		requireNamespace:  fnOf("requireNamespace"),
		newRecord:         fnOf("newRecord"),
		esmRequire:        fnOf("esmRequire"),
		identity:          o.Get("identity"),
		importMeta:        fnOf("importMeta"),
		rejected:          fnOf("rejected"),
		throwValue:        fnOf("throwValue"),
	}
	return l, nil
}

// Module returns Node's Module class as the 'module' builtin exports it:
// createRequire, builtin checks, _cache (require.cache), _resolveFilename,
// _nodeModulePaths, wrap. builtinModules is not set: the builtins provider
// knows that list.
func (l *Loader) Module() *goja.Object {
	return l.h.newModule.ToObject(l.vm)
}

// recoverInto turns a panic inside goja (a JS throw or a Go runtime error
// goja re-panicked) into an error.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		panicToError(r, err)
	}
}

// recoverJS is recoverInto for the loader's entry points: a JS value thrown
// by the loader's Go code becomes a *goja.Exception, as if thrown in JS.
func (l *Loader) recoverJS(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if v, ok := r.(goja.Value); ok && l.h.throwValue != nil {
		if _, terr := l.h.throwValue(goja.Undefined(), v); terr != nil {
			*err = terr
			return
		}
	}
	panicToError(r, err)
}

func panicToError(r any, err *error) {
	switch v := r.(type) {
	case *goja.Exception:
		*err = v
	case *goja.InterruptedError:
		*err = v
	case goja.Value:
		*err = fmt.Errorf("running module code: %v", v)
	case error:
		*err = fmt.Errorf("running module code: %w", v)
	default:
		*err = fmt.Errorf("running module code: %v", v)
	}
}

// goSide is the object helpers.js calls back into.
func (l *Loader) goSide() *goja.Object {
	o := l.vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		if err := o.Set(name, fn); err != nil {
			panic(err)
		}
	}
	set("dirname", func(c goja.FunctionCall) goja.Value {
		return l.vm.ToValue(filepath.Dir(c.Argument(0).String()))
	})
	set("require", func(c goja.FunctionCall) goja.Value {
		return l.require(c.Argument(0).ToObject(l.vm), c.Argument(1))
	})
	set("resolve", func(c goja.FunctionCall) goja.Value {
		mod := c.Argument(0).ToObject(l.vm)
		id := l.requestString(c.Argument(1))
		if l.opts.Builtins.IsBuiltin(id) {
			return l.vm.ToValue(id)
		}
		if opts, ok := c.Argument(2).(*goja.Object); ok {
			if pv := opts.Get("paths"); pv != nil && !goja.IsUndefined(pv) {
				var paths []string
				if err := l.vm.ExportTo(pv, &paths); err != nil {
					l.throw(l.vm.Get("TypeError"), "The \"options.paths\" property must be an Array of strings", "ERR_INVALID_ARG_VALUE")
				}
				return l.vm.ToValue(l.resolveWithPaths(mod, id, paths))
			}
		}
		return l.vm.ToValue(l.mustResolve(mod, id))
	})
	set("resolvePaths", func(c goja.FunctionCall) goja.Value {
		mod := c.Argument(0).ToObject(l.vm)
		id := l.requestString(c.Argument(1))
		if l.opts.Builtins.IsBuiltin(id) {
			return goja.Null()
		}
		if isRelative(id) {
			return l.vm.ToValue([]any{filepath.Dir(l.moduleFile(mod))})
		}
		return l.vm.ToValue(l.modulePaths(mod))
	})
	set("isBuiltin", func(c goja.FunctionCall) goja.Value {
		id, ok := c.Argument(0).Export().(string)
		return l.vm.ToValue(ok && l.opts.Builtins.IsBuiltin(id))
	})
	set("nodeModulePaths", func(c goja.FunctionCall) goja.Value {
		return l.vm.ToValue(nodeModulePaths(filepath.Clean(c.Argument(0).String())))
	})
	set("resolveFilename", func(c goja.FunctionCall) goja.Value {
		id := l.requestString(c.Argument(0))
		if l.opts.Builtins.IsBuiltin(id) {
			return l.vm.ToValue(id)
		}
		parent, ok := c.Argument(1).(*goja.Object)
		if !ok {
			cwd, _ := os.Getwd()
			file, err := l.resolveCJS(id, cwd, nodeModulePaths(cwd))
			if err != nil {
				panic(l.jsError(err))
			}
			if file == "" {
				l.throwNotFound(id, nil)
			}
			return l.vm.ToValue(file)
		}
		return l.vm.ToValue(l.mustResolve(parent, id))
	})
	set("createRequirePath", func(c goja.FunctionCall) goja.Value {
		// createRequire takes an absolute path or a file: URL (string or URL object).
		s := c.Argument(0).String()
		if strings.HasPrefix(s, "file:") {
			p, _ := fileURLToPath(s)
			if strings.HasSuffix(s, "/") {
				p += "/"
			}
			s = p
		}
		if !filepath.IsAbs(s) {
			l.throw(l.vm.Get("TypeError"), fmt.Sprintf("The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received %s", describe(c.Argument(0))), "ERR_INVALID_ARG_VALUE")
		}
		if strings.HasSuffix(s, "/") {
			// A folder: requires resolve inside it, as Node does.
			return l.vm.ToValue(filepath.Join(s, "noop.js"))
		}
		return l.vm.ToValue(s)
	})
	set("loadFile", func(c goja.FunctionCall) goja.Value {
		l.loadFile(c.Argument(0).ToObject(l.vm), c.Argument(1).String())
		return goja.Undefined()
	})
	return o
}

// Error helpers. Errors thrown into JS carry Node's codes.

func (l *Loader) newError(ctor goja.Value, msg, code string) *goja.Object {
	c, _ := goja.AssertConstructor(ctor)
	e, err := c(nil, l.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	if code != "" {
		_ = e.Set("code", code)
	}
	return e
}

func (l *Loader) throw(ctor goja.Value, msg, code string) {
	panic(l.newError(ctor, msg, code))
}

// jsError converts a Go error from resolution or compilation into a JS error.
func (l *Loader) jsError(err error) *goja.Object {
	var re *resolveError
	var se *SyntaxError
	var ex *goja.Exception
	switch {
	case errors.As(err, &ex):
		if o, ok := ex.Value().(*goja.Object); ok {
			return o
		}
		return l.newError(l.errorCtor, ex.Value().String(), "")
	case errors.As(err, &re):
		return l.newError(l.errorCtor, re.message, re.code)
	case errors.As(err, &se):
		return l.newError(l.syntaxError, se.Msg, "")
	}
	var cse *goja.CompilerSyntaxError
	if errors.As(err, &cse) {
		return l.newError(l.syntaxError, cse.Error(), "")
	}
	return l.newError(l.errorCtor, err.Error(), "")
}

func (l *Loader) requestString(v goja.Value) string {
	if _, ok := v.Export().(string); !ok {
		l.throw(l.vm.Get("TypeError"), fmt.Sprintf("The \"id\" argument must be of type string. Received %s", describe(v)), "ERR_INVALID_ARG_TYPE")
	}
	id := v.String()
	if id == "" {
		l.throw(l.vm.Get("TypeError"), "The argument 'id' must be a non-empty string. Received ''", "ERR_INVALID_ARG_VALUE")
	}
	return id
}

func describe(v goja.Value) string {
	if goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	return fmt.Sprintf("type %s (%s)", v.ExportType(), v.String())
}

func (l *Loader) moduleFile(mod *goja.Object) string {
	if f := mod.Get("filename"); f != nil && !goja.IsNull(f) && !goja.IsUndefined(f) {
		return f.String()
	}
	return mod.Get("id").String()
}

func (l *Loader) modulePaths(mod *goja.Object) []string {
	var paths []string
	if p := mod.Get("paths"); p != nil {
		_ = l.vm.ExportTo(p, &paths)
	}
	return paths
}

// requireStack lists the requiring modules' filenames, innermost first.
func (l *Loader) requireStack(mod *goja.Object) []string {
	var stack []string
	for cur := mod; cur != nil; {
		stack = append(stack, l.moduleFile(cur))
		p := cur.Get("parent")
		if p == nil || goja.IsNull(p) || goja.IsUndefined(p) {
			break
		}
		cur = p.ToObject(l.vm)
	}
	return stack
}

func (l *Loader) throwNotFound(request string, stack []string) {
	msg := fmt.Sprintf("Cannot find module '%s'", request)
	if len(stack) > 0 {
		msg += "\nRequire stack:\n- " + strings.Join(stack, "\n- ")
	}
	e := l.newError(l.errorCtor, msg, "MODULE_NOT_FOUND")
	if stack == nil {
		stack = []string{}
	}
	_ = e.Set("requireStack", stack)
	panic(e)
}

// mustResolve resolves a non-builtin request from mod or throws Node's error.
func (l *Loader) mustResolve(mod *goja.Object, request string) string {
	file, err := l.resolveCJS(request, filepath.Dir(l.moduleFile(mod)), l.modulePaths(mod))
	if err != nil {
		panic(l.jsError(err))
	}
	if file == "" {
		l.throwNotFound(request, l.requireStack(mod))
	}
	return file
}

// resolveWithPaths is require.resolve(request, { paths }): each path is a
// starting folder, for relative requests and for its node_modules chain.
func (l *Loader) resolveWithPaths(mod *goja.Object, request string, paths []string) string {
	cwd, _ := os.Getwd()
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(cwd, p)
		}
		file, err := l.resolveCJS(request, p, nodeModulePaths(p))
		if err != nil {
			panic(l.jsError(err))
		}
		if file != "" {
			return file
		}
	}
	l.throwNotFound(request, l.requireStack(mod))
	return ""
}

func (l *Loader) require(parent *goja.Object, idv goja.Value) goja.Value {
	id := l.requestString(idv)
	if l.opts.Builtins.IsBuiltin(id) {
		return l.requireBuiltin(id)
	}
	if strings.HasPrefix(id, "node:") {
		l.throw(l.errorCtor, "No such built-in module: "+id, "ERR_UNKNOWN_BUILTIN_MODULE")
	}
	file := l.mustResolve(parent, id)
	if strings.HasPrefix(file, "node:") {
		return l.requireBuiltin(file)
	}
	if cached := l.h.cache.Get(file); cached != nil && !goja.IsUndefined(cached) {
		co := cached.ToObject(l.vm)
		l.callHelper(l.h.childLoaded, parent, co)
		return co.Get("exports")
	}
	if l.isESMFile(file) {
		return l.requireESM(parent, file)
	}
	return l.loadCJS(file, parent, false).Get("exports")
}

// requireESM is require() of an ES module, which Node 20 allows when the
// module graph has no top-level await: it is linked and evaluated
// synchronously.
func (l *Loader) requireESM(parent *goja.Object, file string) goja.Value {
	rec, err := l.linkFile(file)
	if err = l.finishLink(err); err != nil {
		panic(l.jsError(err))
	}
	if l.callHelper(l.h.graphHasTLA, rec).ToBoolean() {
		l.throw(l.errorCtor, fmt.Sprintf("require() cannot be used on an ESM graph with top-level await. Use import() instead. "+
			"To see where the top-level await comes from, use --experimental-print-required-tla.\n  From %s \n  Requiring %s ",
			l.moduleFile(parent), file), "ERR_REQUIRE_ASYNC_MODULE")
	}
	return l.callHelper(l.h.requireNamespace, rec)
}

func (l *Loader) requireBuiltin(id string) goja.Value {
	v, err := l.opts.Builtins.Require(strings.TrimPrefix(id, "node:"))
	if err != nil {
		panic(l.jsError(err))
	}
	return v
}

func (l *Loader) callHelper(fn goja.Callable, args ...goja.Value) goja.Value {
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

// loadCJS creates, caches and runs a CommonJS module (Module._load). parent
// is nil for the main module and for modules imported from ES modules.
func (l *Loader) loadCJS(file string, parent *goja.Object, isMain bool) *goja.Object {
	var parentVal goja.Value = goja.Undefined()
	if isMain {
		parentVal = goja.Null()
	} else if parent != nil {
		parentVal = parent
	}
	ctor, _ := goja.AssertConstructor(l.h.newModule)
	mod, err := ctor(nil, l.vm.ToValue(file), parentVal)
	if err != nil {
		panic(err)
	}
	if isMain {
		_ = mod.Set("id", ".")
		_ = l.h.state.Set("main", mod)
		if l.opts.Process != nil {
			_ = l.opts.Process.Set("mainModule", mod)
		}
	}
	_ = l.h.cache.Set(file, mod)
	ok := false
	defer func() {
		if !ok {
			_ = l.h.cache.Delete(file)
			if parent != nil {
				l.callHelper(l.h.unlinkFailed, parent, mod)
			}
		}
	}()
	_ = mod.Set("filename", file)
	_ = mod.Set("paths", nodeModulePaths(filepath.Dir(file)))
	l.loadFile(mod, file)
	_ = mod.Set("loaded", true)
	ok = true
	return mod
}

// loadFile runs file's code for mod (Module.prototype._compile or the JSON loader).
func (l *Loader) loadFile(mod *goja.Object, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		panic(l.jsError(fmt.Errorf("reading module %q: %w", file, err)))
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	switch filepath.Ext(file) {
	case ".json":
		l.addSource(&Source{Filename: file, Original: string(data), Generated: text}, nil, 0)
		v, err := l.parseJSON(text)
		if err != nil {
			e := l.jsError(err)
			_ = e.Set("message", file+": "+e.Get("message").String())
			panic(e)
		}
		_ = mod.Set("exports", v)
		return
	case ".node":
		l.throw(l.errorCtor, fmt.Sprintf("Cannot load native addon %s: native addons are not supported", file), "ERR_DLOPEN_FAILED")
	}
	out, err := compileCJS(file, text)
	if err != nil {
		panic(l.jsError(err))
	}
	fn := l.compile(file, string(data), out, false)
	require := l.callHelper(l.h.makeRequire, mod)
	exports := mod.Get("exports")
	args := []goja.Value{exports, require, mod, l.vm.ToValue(file), l.vm.ToValue(filepath.Dir(file))}
	if out.dynImport {
		args = append(args, l.dynamicImportFor(file))
	}
	_, err = fn(exports, args...)
	if err != nil {
		panic(err)
	}
}

func (l *Loader) parseJSON(text string) (v goja.Value, err error) {
	defer recoverInto(&err)
	parse, _ := goja.AssertFunction(l.vm.Get("JSON").ToObject(l.vm).Get("parse"))
	return parse(goja.Undefined(), l.vm.ToValue(text))
}

// compile runs the wrapper expression of out and returns the function.
func (l *Loader) compile(file, original string, out *output, isModule bool) goja.Callable {
	code := out.code
	gojaMap := out.mapJSON
	if l.opts.Rewrite != nil {
		if rw, column, err := l.opts.Rewrite(file, code, true, originalMapper(file, out)); err == nil {
			if gojaMap != nil {
				gojaMap = shiftGenerated(gojaMap, column)
			} else {
				gojaMap = identityMap(file, code, column)
			}
			code = rw
		}
	}
	if gojaMap != nil {
		code = withInlineMap(code, shiftForGoja(gojaMap))
	}
	srcMap := out.mapJSON
	if out.mapJSON != nil {
		srcMap = gojaMap
	}
	l.addSource(&Source{Filename: file, Original: original, Generated: code, IsModule: isModule}, srcMap, out.prefix)
	prg, err := goja.Compile(file, code, false)
	if err != nil {
		panic(l.jsError(err))
	}
	v, err := l.vm.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		panic(l.jsError(fmt.Errorf("compiling %q: %w", file, ErrRewrite)))
	}
	return fn
}

func (l *Loader) addSource(src *Source, mapJSON []byte, prefix int) {
	info := &sourceInfo{src: src, prefix: prefix}
	if mapJSON != nil {
		if sm, err := sourcemap.Parse(src.Filename, mapJSON); err == nil {
			info.smap = sm
		}
	}
	if _, seen := l.byFile[src.Filename]; !seen {
		l.sources = append(l.sources, src)
	} else {
		for i, s := range l.sources {
			if s.Filename == src.Filename {
				l.sources[i] = src
			}
		}
	}
	l.byFile[src.Filename] = info
}

// Sources returns every loaded file, in load order (a reloaded file keeps
// its place and shows its latest text).
func (l *Loader) Sources() []Source {
	out := make([]Source, len(l.sources))
	for i, s := range l.sources {
		out[i] = *s
	}
	return out
}

// MapPosition maps a position as goja reports it for file (stack frames,
// err.stack; 1-based line and column) to the original file. ok is false for
// files the loader did not load.
//
// goja applies the inline source map of every transformed file itself, so
// the positions it reports in those files are already original and come back
// unchanged. In a file run byte for byte only line 1 changes: Node's wrapper
// shares it, and its columns are taken off.
func (l *Loader) MapPosition(file string, line, col int) (string, int, int, bool) {
	info := l.byFile[file]
	if info == nil {
		return file, line, col, false
	}
	if info.smap == nil && line == 1 {
		col -= info.prefix
		if col < 1 {
			col = 1
		}
	}
	return file, line, col, true
}

// originalMapper maps positions of out.code to file.
func originalMapper(file string, out *output) Mapper {
	if out.mapJSON == nil {
		prefix := out.prefix
		return func(line, col int) (string, int, int, bool) {
			if line == 1 {
				col -= prefix
				if col < 0 {
					col = 0
				}
			}
			return file, line, col, true
		}
	}
	sm, err := sourcemap.Parse(file, out.mapJSON)
	if err != nil {
		return func(line, col int) (string, int, int, bool) { return file, line, col, false }
	}
	return func(line, col int) (string, int, int, bool) {
		src, _, oline, ocol, ok := sm.Source(line, col)
		if !ok {
			return file, line, col, false
		}
		if strings.HasPrefix(src, "file://") {
			src, _ = fileURLToPath(src)
		}
		return src, oline, ocol, true
	}
}

// MapGenerated maps a position in a file's Source.Generated text (1-based
// line and column) to the original source through its source map, for
// tools that look at generated code. ok is false for unknown files and for
// positions no mapping covers (esbuild's helper code).
func (l *Loader) MapGenerated(file string, line, col int) (string, int, int, bool) {
	info := l.byFile[file]
	if info == nil {
		return file, line, col, false
	}
	if info.smap == nil {
		return l.MapPosition(file, line, col)
	}
	src, _, oline, ocol, ok := info.smap.Source(line, col-1)
	if !ok {
		return file, line, col, false
	}
	if strings.HasPrefix(src, "file://") {
		src, _ = fileURLToPath(src)
	}
	return src, oline, ocol + 1, true
}

// RunMain runs the program's entry file (an absolute path). A CommonJS
// entry runs as require.main and RunMain returns undefined; an ES module
// entry returns a Promise that settles when its evaluation (including
// top-level await) finishes, rejected with the error that stopped it (with
// Options.Defer the module only starts when the deferred run is called). A
// CommonJS error comes back as a *goja.Exception.
func (l *Loader) RunMain(filename string) (v goja.Value, err error) {
	defer l.recoverJS(&err)
	file, rerr := l.resolveCJS(filename, filepath.Dir(filename), nil)
	if rerr != nil {
		panic(l.jsError(rerr))
	}
	if file == "" {
		l.throwNotFound(filename, nil)
	}
	if l.isESMFile(file) {
		return l.importFile(file), nil
	}
	l.loadCJS(file, nil, true)
	return goja.Undefined(), nil
}

// Eval runs code as `node -e` does: a script in the global scope with
// require, module, exports, __filename ("[eval]") and __dirname (".") set on
// the global object. filename is the [eval] module's filename (the working
// directory joined with "[eval]"): requires resolve relative to its folder.
// Eval returns the completion value (what `node -p` prints).
func (l *Loader) Eval(code, filename string) (v goja.Value, err error) {
	defer l.recoverJS(&err)
	dir := filepath.Dir(filename)
	name := filepath.Base(filename)
	ctor, _ := goja.AssertConstructor(l.h.newModule)
	mod, cerr := ctor(nil, l.vm.ToValue(name))
	if cerr != nil {
		panic(cerr)
	}
	_ = mod.Set("filename", filename)
	_ = mod.Set("paths", nodeModulePaths(dir))
	g := l.vm.GlobalObject()
	_ = g.Set("module", mod)
	_ = g.Set("exports", mod.Get("exports"))
	_ = g.Set("require", l.callHelper(l.h.makeRequire, mod))
	_ = g.Set("__filename", name)
	_ = g.Set("__dirname", ".")
	src := rewritePropertyEscapes(stripHashbang(code))
	var mapJSON []byte
	if needsLowering(src) {
		out, terr := compileCJSScript(name, src)
		if terr != nil {
			panic(l.jsError(terr))
		}
		src, mapJSON = out.code, out.mapJSON
	}
	if strings.Contains(src, "import") {
		if rewritten := rewriteDynamicImport(src); rewritten != src {
			src = rewritten
			_ = g.DefineDataProperty(dynImport, l.dynamicImportFor(filename), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	gen := src
	if mapJSON != nil {
		gen = withInlineMap(src, shiftForGoja(mapJSON))
	}
	l.addSource(&Source{Filename: name, Original: code, Generated: gen}, mapJSON, 0)
	prg, cerr2 := goja.Compile(name, gen, false)
	if cerr2 != nil {
		panic(l.jsError(cerr2))
	}
	return l.vm.RunProgram(prg)
}
