package modules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Resolution follows Node 20's two algorithms: CommonJS
// (Module._resolveFilename: extension and directory probing, node_modules,
// package.json "main" and "exports" with the "require" condition) and ES
// modules (exact file paths, "exports" with the "import" condition). As an
// addition for TypeScript, both also find .ts/.mts/.cts files where Node would
// find the .js/.mjs/.cjs file, since TS sources import their compiled names.

// resolveError is a resolution failure that becomes a JS error with a code.
type resolveError struct {
	code    string
	message string
}

func (e *resolveError) Error() string { return e.message }

// cjsExtensions are tried in this order after the exact name, as Node does
// with require.extensions (.js, .json, .node), followed by TypeScript.
var cjsExtensions = []string{".js", ".json", ".node", ".ts", ".cts"}

// jsonValue is a package.json value that keeps object key order, which
// "exports" condition matching depends on.
type jsonValue struct {
	str   *string
	arr   []*jsonValue
	obj   []jsonMember // nil unless an object
	isObj bool
	null  bool
}

type jsonMember struct {
	key string
	val *jsonValue
}

func (v *jsonValue) get(key string) *jsonValue {
	if v == nil {
		return nil
	}
	for _, m := range v.obj {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

func decodeOrdered(dec *json.Decoder) (*jsonValue, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v := &jsonValue{isObj: true, obj: []jsonMember{}}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				val, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				v.obj = append(v.obj, jsonMember{key, val})
			}
			_, err := dec.Token()
			return v, err
		case '[':
			v := &jsonValue{arr: []*jsonValue{}}
			for dec.More() {
				val, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				v.arr = append(v.arr, val)
			}
			_, err := dec.Token()
			return v, err
		}
	case string:
		return &jsonValue{str: &t}, nil
	case nil:
		return &jsonValue{null: true}, nil
	}
	return &jsonValue{}, nil
}

type pkgJSON struct {
	path    string // the package.json file
	dir     string
	name    string
	main    string
	typ     string
	exports *jsonValue
	imports *jsonValue
}

// readPackage reads dir/package.json, caching the result (also a miss).
func (l *Loader) readPackage(dir string) (*pkgJSON, error) {
	if p, ok := l.pkgs[dir]; ok {
		return p, nil
	}
	file := filepath.Join(dir, "package.json")
	data, err := os.ReadFile(file)
	if err != nil {
		l.pkgs[dir] = nil
		return nil, nil
	}
	root, err := decodeOrdered(json.NewDecoder(bytes.NewReader(data)))
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, &resolveError{code: "ERR_INVALID_PACKAGE_CONFIG",
			message: fmt.Sprintf("Invalid package config %s.", file)}
	}
	p := &pkgJSON{path: file, dir: dir}
	if v := root.get("name"); v != nil && v.str != nil {
		p.name = *v.str
	}
	if v := root.get("main"); v != nil && v.str != nil {
		p.main = *v.str
	}
	if v := root.get("type"); v != nil && v.str != nil {
		p.typ = *v.str
	}
	p.exports = root.get("exports")
	p.imports = root.get("imports")
	l.pkgs[dir] = p
	return p, nil
}

// packageScope returns the nearest package.json above file, as Node's
// readPackageScope does (it does not look past a node_modules folder).
func (l *Loader) packageScope(file string) *pkgJSON {
	dir := filepath.Dir(file)
	for {
		if filepath.Base(dir) == "node_modules" {
			return nil
		}
		if p, _ := l.readPackage(dir); p != nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// isESMFile reports whether Node treats file as an ES module: .mjs, or .js
// under "type": "module", or (Node 20.19's syntax detection) .js with no
// "type" in its package scope whose code has module syntax. .ts and .mts
// follow the same rules as .js and .mjs.
func (l *Loader) isESMFile(file string) bool {
	switch filepath.Ext(file) {
	case ".mjs", ".mts":
		return true
	case ".js", ".ts":
		p := l.packageScope(file)
		if p != nil && p.typ != "" {
			return p.typ == "module"
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return false
		}
		return hasModuleSyntax(file, string(data))
	}
	return false
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// realpath resolves symlinks as Node does for module identity.
func realpath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// nodeModulePaths is Module._nodeModulePaths: every node_modules folder from
// dir up to the root, skipping folders that are themselves node_modules.
func nodeModulePaths(dir string) []string {
	var out []string
	for {
		if filepath.Base(dir) != "node_modules" {
			out = append(out, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	// Node ends with "/node_modules" once, at the root.
	if len(out) == 0 || out[len(out)-1] != "/node_modules" {
		out = append(out, "/node_modules")
	}
	return out
}

func isRelative(id string) bool {
	return id == "." || id == ".." || strings.HasPrefix(id, "./") || strings.HasPrefix(id, "../")
}

// resolveCJS is Module._resolveFilename for a non-builtin request from a
// module in dir; paths is the requiring module's node_modules list. The
// result is a filename, or "node:<id>" when a package's "imports" map the
// request to a builtin.
func (l *Loader) resolveCJS(request, dir string, paths []string) (string, error) {
	if isRelative(request) || filepath.IsAbs(request) {
		abs := request
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, request)
		}
		trailingSlash := strings.HasSuffix(request, "/") || request == "." || request == ".."
		if f, err := l.loadAsFileOrDir(abs, trailingSlash); f != "" || err != nil {
			return f, err
		}
		return "", nil
	}
	if strings.HasPrefix(request, "#") {
		target, bare, err := l.resolvePackageImports(request, dir, dir, []string{"node", "require"})
		if err != nil {
			return "", err
		}
		if bare {
			if l.opts.Builtins.IsBuiltin(target) {
				return "node:" + strings.TrimPrefix(target, "node:"), nil
			}
			return l.resolveCJS(target, dir, paths)
		}
		return l.loadAsFileOrDir(target, false)
	}
	if target, ok, err := l.selfReference(request, dir, []string{"node", "require"}); ok || err != nil {
		if err != nil {
			return "", err
		}
		return l.loadAsFileOrDir(target, false)
	}
	name, sub := splitPackage(request)
	for _, nm := range paths {
		pkgDir := filepath.Join(nm, name)
		if !isDir(pkgDir) {
			continue
		}
		if p, err := l.readPackage(pkgDir); err != nil {
			return "", err
		} else if p != nil && p.exports != nil {
			target, err := resolveExports(p, "."+sub, []string{"node", "require"})
			if err != nil {
				return "", err
			}
			if isFile(target) {
				return realpath(target), nil
			}
			if f, _ := l.loadAsFileOrDir(target, false); f != "" {
				return f, nil
			}
			return "", nil
		}
		if f, err := l.loadAsFileOrDir(filepath.Join(nm, request), strings.HasSuffix(request, "/")); f != "" || err != nil {
			return f, err
		}
	}
	return "", nil
}

func (l *Loader) loadAsFileOrDir(abs string, dirOnly bool) (string, error) {
	if !dirOnly {
		if isFile(abs) {
			return realpath(abs), nil
		}
		for _, ext := range cjsExtensions {
			if isFile(abs + ext) {
				return realpath(abs + ext), nil
			}
		}
	}
	if !isDir(abs) {
		return "", nil
	}
	p, err := l.readPackage(abs)
	if err != nil {
		return "", err
	}
	if p != nil && p.main != "" {
		m := filepath.Join(abs, p.main)
		if isFile(m) {
			return realpath(m), nil
		}
		for _, ext := range cjsExtensions {
			if isFile(m + ext) {
				return realpath(m + ext), nil
			}
		}
		for _, ext := range cjsExtensions {
			if f := filepath.Join(m, "index"+ext); isFile(f) {
				return realpath(f), nil
			}
		}
	}
	for _, ext := range cjsExtensions {
		if f := filepath.Join(abs, "index"+ext); isFile(f) {
			return realpath(f), nil
		}
	}
	return "", nil
}

// splitPackage splits "pkg/sub" or "@scope/pkg/sub" into the package name
// and "/sub" (or "").
func splitPackage(request string) (name, sub string) {
	parts := strings.SplitN(request, "/", 3)
	n := 1
	if strings.HasPrefix(request, "@") && len(parts) > 1 {
		n = 2
	}
	if len(parts) <= n {
		return request, ""
	}
	name = strings.Join(parts[:n], "/")
	return name, request[len(name):]
}

// resolveExports implements PACKAGE_EXPORTS_RESOLVE for subpath ("." or
// "./x") under the given conditions ("default" always matches).
func resolveExports(p *pkgJSON, subpath string, conditions []string) (string, error) {
	exp := p.exports
	isSubpathMap := exp.isObj && len(exp.obj) > 0 && strings.HasPrefix(exp.obj[0].key, ".")
	notExported := &resolveError{code: "ERR_PACKAGE_PATH_NOT_EXPORTED"}
	if subpath == "." {
		notExported.message = fmt.Sprintf("No \"exports\" main defined in %s", p.path)
	} else {
		notExported.message = fmt.Sprintf("Package subpath '%s' is not defined by \"exports\" in %s", subpath, p.path)
	}
	if !isSubpathMap {
		if subpath != "." {
			return "", notExported
		}
		if t, ok := resolveTarget(p, exp, "", conditions); ok {
			return t, nil
		}
		return "", notExported
	}
	if t, match := matchSubpath(exp, subpath); t != nil {
		if r, ok := resolveTarget(p, t, match, conditions); ok {
			return r, nil
		}
	}
	return "", notExported
}

// matchSubpath finds key in a subpath map ("./x" or "#x" keys), exactly
// or through the pattern key with the longest prefix before its "*".
func matchSubpath(m *jsonValue, key string) (target *jsonValue, match string) {
	if t := m.get(key); t != nil && !strings.Contains(key, "*") {
		return t, ""
	}
	bestKey := ""
	for _, mem := range m.obj {
		star := strings.Index(mem.key, "*")
		if star < 0 || strings.Count(mem.key, "*") != 1 {
			continue
		}
		prefix, suffix := mem.key[:star], mem.key[star+1:]
		if strings.HasPrefix(key, prefix) && key != prefix && len(key) >= len(mem.key) &&
			strings.HasSuffix(key, suffix) && len(prefix) > len(strings.SplitN(bestKey, "*", 2)[0]) {
			bestKey, match = mem.key, key[len(prefix):len(key)-len(suffix)]
		}
	}
	if bestKey == "" {
		return nil, ""
	}
	return m.get(bestKey), match
}

// resolvePackageImports is PACKAGE_IMPORTS_RESOLVE: a "#name" request
// from a module in dir, through the "imports" of the package around it.
// A target can be a file in the package or another package's specifier
// (bare is true), which the caller resolves.
func (l *Loader) resolvePackageImports(request, dir, referrer string, conditions []string) (target string, bare bool, err error) {
	scope := l.packageScope(filepath.Join(dir, "_"))
	notDefined := func() error {
		msg := fmt.Sprintf("Package import specifier \"%s\" is not defined", request)
		if scope != nil {
			msg += " in package " + scope.path
		}
		return &resolveError{code: "ERR_PACKAGE_IMPORT_NOT_DEFINED", message: msg + " imported from " + referrer}
	}
	if request == "#" || strings.HasPrefix(request, "#/") || scope == nil || scope.imports == nil || !scope.imports.isObj {
		return "", false, notDefined()
	}
	t, match := matchSubpath(scope.imports, request)
	if s, ok := importsTarget(t, match, conditions); ok {
		if strings.HasPrefix(s, "./") {
			return filepath.Join(scope.dir, s), false, nil
		}
		if strings.Contains(s, ":") || strings.HasPrefix(s, "../") || strings.HasPrefix(s, "/") {
			return "", false, &resolveError{code: "ERR_INVALID_PACKAGE_TARGET",
				message: fmt.Sprintf("Invalid \"imports\" target \"%s\" defined for '%s' in the package config %s imported from %s", s, request, scope.path, referrer)}
		}
		return s, true, nil
	}
	return "", false, notDefined()
}

func importsTarget(t *jsonValue, match string, conditions []string) (string, bool) {
	switch {
	case t == nil || t.null:
		return "", false
	case t.str != nil:
		return strings.ReplaceAll(*t.str, "*", match), true
	case t.arr != nil:
		for _, a := range t.arr {
			if r, ok := importsTarget(a, match, conditions); ok {
				return r, true
			}
		}
	case t.isObj:
		for _, m := range t.obj {
			if m.key == "default" || containsString(conditions, m.key) {
				if r, ok := importsTarget(m.val, match, conditions); ok {
					return r, true
				}
				if m.val != nil && m.val.null {
					return "", false
				}
			}
		}
	}
	return "", false
}

// selfReference resolves a request naming the package that contains dir
// through its own "exports", as Node allows.
func (l *Loader) selfReference(request, dir string, conditions []string) (string, bool, error) {
	scope := l.packageScope(filepath.Join(dir, "_"))
	if scope == nil || scope.exports == nil || scope.name == "" {
		return "", false, nil
	}
	name, sub := splitPackage(request)
	if name != scope.name {
		return "", false, nil
	}
	target, err := resolveExports(scope, "."+sub, conditions)
	return target, true, err
}

func resolveTarget(p *pkgJSON, t *jsonValue, match string, conditions []string) (string, bool) {
	switch {
	case t == nil || t.null:
		return "", false
	case t.str != nil:
		s := *t.str
		if !strings.HasPrefix(s, "./") {
			return "", false
		}
		s = strings.ReplaceAll(s, "*", match)
		return filepath.Join(p.dir, s), true
	case t.arr != nil:
		for _, a := range t.arr {
			if r, ok := resolveTarget(p, a, match, conditions); ok {
				return r, true
			}
		}
	case t.isObj:
		for _, m := range t.obj {
			if m.key == "default" || containsString(conditions, m.key) {
				if m.val != nil && m.val.null {
					return "", false
				}
				if r, ok := resolveTarget(p, m.val, match, conditions); ok {
					return r, true
				}
			}
		}
	}
	return "", false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tsAlternates lists the TypeScript files that stand for a .js-style path
// in TypeScript sources (import "./x.js" meaning ./x.ts, or "./x").
func tsAlternates(p string) []string {
	switch filepath.Ext(p) {
	case ".js":
		return []string{strings.TrimSuffix(p, ".js") + ".ts"}
	case ".mjs":
		return []string{strings.TrimSuffix(p, ".mjs") + ".mts"}
	case ".cjs":
		return []string{strings.TrimSuffix(p, ".cjs") + ".cts"}
	case "":
		return []string{p + ".ts", p + ".mts", p + "/index.ts"}
	}
	return nil
}

func isTSFile(p string) bool {
	switch filepath.Ext(p) {
	case ".ts", ".mts", ".cts":
		return true
	}
	return false
}

// resolveESM is the ES module resolver for specifier imported from parent
// (a file path). It returns the file, or an error with Node's code.
func (l *Loader) resolveESM(specifier, parent string) (string, error) {
	dir := filepath.Dir(parent)
	var abs string
	switch {
	case strings.HasPrefix(specifier, "file://"):
		p, err := fileURLToPath(specifier)
		if err != nil {
			return "", err
		}
		abs = p
	case isRelative(specifier) || strings.HasPrefix(specifier, "/"):
		abs = filepath.Join(dir, specifier)
	default:
		return l.resolvePackageESM(specifier, parent)
	}
	if isFile(abs) {
		return realpath(abs), nil
	}
	if isTSFile(parent) {
		for _, alt := range tsAlternates(abs) {
			if isFile(alt) {
				return realpath(alt), nil
			}
		}
	}
	if isDir(abs) {
		return "", &resolveError{code: "ERR_UNSUPPORTED_DIR_IMPORT",
			message: fmt.Sprintf("Directory import '%s' is not supported resolving ES modules imported from %s", abs, parent)}
	}
	return "", &resolveError{code: "ERR_MODULE_NOT_FOUND",
		message: fmt.Sprintf("Cannot find module '%s' imported from %s", abs, parent)}
}

func (l *Loader) resolvePackageESM(specifier, parent string) (string, error) {
	dir := filepath.Dir(parent)
	if strings.HasPrefix(specifier, "#") {
		target, bare, err := l.resolvePackageImports(specifier, dir, parent, []string{"node", "import"})
		if err != nil {
			return "", err
		}
		if bare {
			if l.opts.Builtins.IsBuiltin(target) {
				return "node:" + strings.TrimPrefix(target, "node:"), nil
			}
			return l.resolvePackageESM(target, parent)
		}
		if isFile(target) {
			return realpath(target), nil
		}
		return "", &resolveError{code: "ERR_MODULE_NOT_FOUND",
			message: fmt.Sprintf("Cannot find module '%s' imported from %s", target, parent)}
	}
	if target, ok, err := l.selfReference(specifier, dir, []string{"node", "import"}); ok || err != nil {
		if err != nil {
			return "", err
		}
		if isFile(target) {
			return realpath(target), nil
		}
		return "", &resolveError{code: "ERR_MODULE_NOT_FOUND",
			message: fmt.Sprintf("Cannot find module '%s' imported from %s", target, parent)}
	}
	name, sub := splitPackage(specifier)
	for _, nm := range nodeModulePaths(filepath.Dir(parent)) {
		pkgDir := filepath.Join(nm, name)
		if !isDir(pkgDir) {
			continue
		}
		p, err := l.readPackage(pkgDir)
		if err != nil {
			return "", err
		}
		if p != nil && p.exports != nil {
			target, err := resolveExports(p, "."+sub, []string{"node", "import"})
			if err != nil {
				var re *resolveError
				if errors.As(err, &re) {
					re.message += " imported from " + parent
				}
				return "", err
			}
			if isFile(target) {
				return realpath(target), nil
			}
			return "", &resolveError{code: "ERR_MODULE_NOT_FOUND",
				message: fmt.Sprintf("Cannot find module '%s' imported from %s", target, parent)}
		}
		if sub == "" {
			// legacyMainResolve: "main" with CommonJS-style probing, then index.js.
			if f, _ := l.loadAsFileOrDir(pkgDir, true); f != "" {
				return f, nil
			}
			return "", &resolveError{code: "ERR_MODULE_NOT_FOUND",
				message: fmt.Sprintf("Cannot find package '%s' imported from %s", pkgDir, parent)}
		}
		f := filepath.Join(pkgDir, sub)
		if isFile(f) {
			return realpath(f), nil
		}
		return "", &resolveError{code: "ERR_MODULE_NOT_FOUND",
			message: fmt.Sprintf("Cannot find module '%s' imported from %s", f, parent)}
	}
	return "", &resolveError{code: "ERR_MODULE_NOT_FOUND",
		message: fmt.Sprintf("Cannot find package '%s' imported from %s", name, parent)}
}

// fileURLToPath converts a file: URL to a path (percent-decoding it).
func fileURLToPath(u string) (string, error) {
	p := strings.TrimPrefix(u, "file://")
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			var c byte
			if _, err := fmt.Sscanf(p[i+1:i+3], "%02x", &c); err == nil {
				b.WriteByte(c)
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String(), nil
}

// pathToFileURL converts an absolute path into a file: URL, escaping what
// Node's url.pathToFileURL escapes.
func pathToFileURL(p string) string {
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == '"' ||
			c == '#' || c == '?' || c == '<' || c == '>' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' ||
			c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
