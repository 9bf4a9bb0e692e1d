package modules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// ES module records live in l.records, keyed by filename ("node:x" for
// builtins). Linking (resolving and compiling the whole static graph, and
// running each module generator up to its link yield) finishes before any
// module is evaluated, so a missing import fails the import as a whole, as
// in Node. Evaluation is helpers.js's evaluate.

// importFile links and evaluates the graph rooted at file and returns a
// promise for its namespace. With Options.Defer, as in Node, an entry ES
// module is loaded by asynchronous I/O and runs from the loop's poll
// phase; without it, it runs now.
func (l *Loader) importFile(file string) goja.Value {
	if l.opts.Defer != nil {
		return l.later(func() (*goja.Object, error) { return l.linkFile(file) })
	}
	rec, err := l.linkFile(file)
	if err = l.finishLink(err); err != nil {
		return l.callHelper(l.h.rejected, l.jsError(err))
	}
	return l.callHelper(l.h.evaluateToPromise, rec)
}

// dynamicImportFor returns the import() function for code in referrer.
func (l *Loader) dynamicImportFor(referrer string) goja.Value {
	return l.vm.ToValue(func(c goja.FunctionCall) goja.Value {
		return l.dynamicImport(c.Argument(0), referrer)
	})
}

// dynamicImport is import(spec) in referrer. Loading happens later (see
// Options.Defer), as in Node, where the imported module never runs inside
// the import() call.
func (l *Loader) dynamicImport(specv goja.Value, referrer string) goja.Value {
	spec := specv.String()
	return l.later(func() (*goja.Object, error) {
		rec, _, err := l.linkSpecifier(spec, referrer)
		return rec, err
	})
}

// later returns a promise for the namespace of the graph that link
// returns, linked and evaluated when Options.Defer runs it (or one
// microtask later without Defer).
func (l *Loader) later(link func() (*goja.Object, error)) goja.Value {
	start := l.vm.ToValue(func(goja.FunctionCall) goja.Value {
		defer l.throwGoPanics()
		rec, err := link()
		if err = l.finishLink(err); err != nil {
			panic(l.jsError(err))
		}
		return l.callHelper(l.h.evaluateToPromise, rec)
	})
	schedule := l.h.microtask
	if l.opts.Defer != nil {
		schedule = l.vm.ToValue(func(c goja.FunctionCall) goja.Value {
			fn, _ := goja.AssertFunction(c.Argument(0))
			l.opts.Defer(func() {
				// fn settles the promise whatever happens inside (start
				// turns Go panics into JS errors), so its own result
				// carries nothing.
				_, _ = fn(goja.Undefined())
			})
			return goja.Undefined()
		})
	}
	return l.callHelper(l.h.importLater, schedule, start)
}

// throwGoPanics, deferred in a Go function called from JS, turns a Go
// panic that is not a JS throw (goja re-panics Go runtime errors) into a JS
// error, so the JS caller can catch it.
func (l *Loader) throwGoPanics() {
	r := recover()
	if r == nil {
		return
	}
	switch r.(type) {
	case goja.Value, *goja.Exception, *goja.InterruptedError:
		panic(r)
	}
	var err error
	panicToError(r, &err)
	panic(l.vm.NewGoError(err))
}

// recoverValue converts a recovered panic r into err (see recoverJS).
func (l *Loader) recoverValue(r any, err *error) {
	defer l.recoverJS(err)
	panic(r)
}

func (l *Loader) builtinName(spec string) (string, bool) {
	if l.opts.Builtins.IsBuiltin(spec) {
		return strings.TrimPrefix(spec, "node:"), true
	}
	return "", false
}

// linkSpecifier links what spec imported from referrer names; key is the
// record's key in l.records.
func (l *Loader) linkSpecifier(spec, referrer string) (rec *goja.Object, key string, err error) {
	if name, ok := l.builtinName(spec); ok {
		return l.linkBuiltin(name), "node:" + name, nil
	}
	if strings.HasPrefix(spec, "node:") {
		return nil, "", &resolveError{code: "ERR_UNKNOWN_BUILTIN_MODULE", message: "No such built-in module: " + spec}
	}
	file, err := l.resolveESM(spec, referrer)
	if err != nil {
		return nil, "", err
	}
	if strings.HasPrefix(file, "node:") {
		return l.linkBuiltin(strings.TrimPrefix(file, "node:")), file, nil
	}
	rec, err = l.linkFile(file)
	return rec, file, err
}

// esmMeta is what the import check needs to know of a linked ES module.
type esmMeta struct {
	holder   *goja.Object // holds the module's exports object
	imported map[string][]string
	stars    []string
	depKeys  map[string]string // import specifier -> record key
}

// finishLink checks, once a whole graph is linked, that every name the
// newly linked ES modules import from ES modules is exported, as Node's
// linker does (with a SyntaxError). Names imported from CommonJS modules are
// not checked: Node finds those by lexing the source, and this loader only
// knows module.exports after evaluation. On any failure the new records are
// dropped, so a later import tries again.
func (l *Loader) finishLink(err error) error {
	fresh := l.unchecked
	l.unchecked = nil
	if err == nil {
		for _, file := range fresh {
			m := l.meta[file]
			for spec, names := range m.imported {
				exported, complete := l.exportNames(m.depKeys[spec], map[string]bool{})
				if !complete {
					continue
				}
				for _, name := range names {
					if !exported[name] {
						err = &SyntaxError{Msg: fmt.Sprintf("The requested module '%s' does not provide an export named '%s'", spec, name)}
						break
					}
				}
				if err != nil {
					break
				}
			}
			if err != nil {
				break
			}
		}
	}
	if err != nil {
		for _, file := range fresh {
			delete(l.records, file)
			delete(l.meta, file)
		}
	}
	return err
}

// exportNames lists the names the ES module at key exports, following
// `export *`; complete is false when a CommonJS module or builtin takes
// part, whose names are not known before evaluation.
func (l *Loader) exportNames(key string, seen map[string]bool) (names map[string]bool, complete bool) {
	names = map[string]bool{}
	m := l.meta[key]
	if m == nil {
		return names, false
	}
	if seen[key] {
		return names, true
	}
	seen[key] = true
	for _, k := range m.holder.Get("exports").ToObject(l.vm).Keys() {
		names[k] = true
	}
	complete = true
	for _, spec := range m.stars {
		sub, ok := l.exportNames(m.depKeys[spec], seen)
		if !ok {
			complete = false
		}
		for k := range sub {
			if k != "default" {
				names[k] = true
			}
		}
	}
	return names, complete
}

func (l *Loader) linkBuiltin(name string) *goja.Object {
	key := "node:" + name
	if rec := l.records[key]; rec != nil {
		return rec
	}
	rec := l.callHelper(l.h.newRecord).ToObject(l.vm)
	l.records[key] = rec
	_ = rec.Set("run", func(goja.FunctionCall) goja.Value {
		_ = rec.Set("ns", l.callHelper(l.h.cjsNamespace, l.requireBuiltin(name)))
		return goja.Null()
	})
	return rec
}

// linkFile returns the record for file, creating, compiling and linking it
// and its static imports when first seen.
func (l *Loader) linkFile(file string) (rec *goja.Object, err error) {
	if rec := l.records[file]; rec != nil {
		return rec, nil
	}
	rec = l.callHelper(l.h.newRecord).ToObject(l.vm)
	l.records[file] = rec
	defer func() {
		if r := recover(); r != nil {
			l.recoverValue(r, &err)
		}
		if err != nil {
			delete(l.records, file)
		}
	}()
	switch {
	case l.isESMFile(file):
		err = l.instantiateESM(rec, file)
	case filepath.Ext(file) == ".json":
		_ = rec.Set("run", func(goja.FunctionCall) goja.Value {
			data, rerr := os.ReadFile(file)
			if rerr != nil {
				panic(l.jsError(fmt.Errorf("reading module %q: %w", file, rerr)))
			}
			text := strings.TrimPrefix(string(data), "\uFEFF")
			l.addSource(&Source{Filename: file, Original: string(data), Generated: text}, nil, 0)
			v, perr := l.parseJSON(text)
			if perr != nil {
				panic(l.jsError(perr))
			}
			holder := l.vm.NewObject()
			values := l.vm.NewObject()
			_ = values.Set("default", v)
			_ = holder.Set("exports", values)
			_ = rec.Set("ns", l.callHelper(l.h.namespace, holder))
			return goja.Null()
		})
	default:
		_ = rec.Set("run", func(goja.FunctionCall) goja.Value {
			_ = rec.Set("ns", l.callHelper(l.h.cjsNamespace, l.requireFromESM(file)))
			return goja.Null()
		})
	}
	return rec, err
}

// requireFromESM loads a CommonJS module for an ES module importer: through
// require.cache, with no parent, as Node's ESM loader does.
func (l *Loader) requireFromESM(file string) goja.Value {
	if cached := l.h.cache.Get(file); cached != nil && !goja.IsUndefined(cached) {
		return cached.ToObject(l.vm).Get("exports")
	}
	return l.loadCJS(file, nil, false).Get("exports")
}

func (l *Loader) instantiateESM(rec *goja.Object, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("reading module %q: %w", file, err)
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	out, err := compileESM(file, text)
	if err != nil {
		return err
	}
	fn := l.compile(file, string(data), out, true)

	holder := l.vm.NewObject()
	_ = holder.Set("exports", l.vm.NewObject())
	url := pathToFileURL(file)
	resolve := l.vm.ToValue(func(c goja.FunctionCall) goja.Value {
		spec := c.Argument(0).String()
		if name, ok := l.builtinName(spec); ok {
			return l.vm.ToValue("node:" + name)
		}
		if isRelative(spec) || strings.HasPrefix(spec, "/") {
			// As in Node, resolving a path does not look at the file system.
			return l.vm.ToValue(pathToFileURL(filepath.Join(filepath.Dir(file), spec)))
		}
		if strings.HasPrefix(spec, "file://") {
			return l.vm.ToValue(spec)
		}
		target, rerr := l.resolveESM(spec, file)
		if rerr != nil {
			panic(l.jsError(rerr))
		}
		if strings.HasPrefix(target, "node:") {
			return l.vm.ToValue(target)
		}
		return l.vm.ToValue(pathToFileURL(target))
	})
	meta := l.callHelper(l.h.importMeta, l.vm.ToValue(url), l.vm.ToValue(file), l.vm.ToValue(filepath.Dir(file)), resolve)
	require := l.callHelper(l.h.esmRequire, rec)
	gen, err := fn(goja.Undefined(), require, holder, l.h.identity, meta, l.dynamicImportFor(file))
	if err != nil {
		return err
	}
	genObj := gen.ToObject(l.vm)
	next, _ := goja.AssertFunction(genObj.Get("next"))
	// The link step: helpers, export getters, hoisted functions.
	if _, err := next(genObj); err != nil {
		return err
	}
	_ = rec.Set("ns", l.callHelper(l.h.namespace, holder))
	_ = rec.Set("tla", out.tla)
	_ = rec.Set("run", func(goja.FunctionCall) goja.Value {
		return l.callHelper(l.h.runBody, genObj)
	})
	facts := &esmMeta{holder: holder, imported: out.imported, stars: out.stars, depKeys: map[string]string{}}
	l.meta[file] = facts
	l.unchecked = append(l.unchecked, file)
	deps := l.vm.NewArray()
	depMap := rec.Get("depMap").ToObject(l.vm)
	for i, spec := range out.deps {
		d, key, err := l.linkSpecifier(spec, file)
		if err != nil {
			return err
		}
		facts.depKeys[spec] = key
		_ = deps.Set(fmt.Sprint(i), d)
		_ = depMap.Set(spec, d)
	}
	_ = rec.Set("deps", deps)
	return nil
}
