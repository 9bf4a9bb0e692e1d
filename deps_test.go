package studio_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/studiojs/studio"

// layers lists, for each top-level directory, the project directories its
// packages must not import: dependencies flow one way,
// runtime <- debugger <- inspector <- ui, and cmd/studio wires them.
var forbiddenProject = map[string][]string{
	"runtime":   {"debugger", "inspector", "ui", "cmd"},
	"debugger":  {"inspector", "ui", "cmd"},
	"inspector": {"ui", "cmd"},
	"ui":        {"cmd"},
}

// allowedThirdParty says which directories may import a library prefix:
// only inspector speaks JSON-RPC, and only ui and cmd/studio (which starts
// the app) import Fyne, so that go test of the other packages never needs
// cgo GL. OpenTelemetry stays in runtime (runtime/otlp, the exporter) and
// cmd/studio (which wires it).
var allowedThirdParty = map[string][]string{
	"github.com/sourcegraph/jsonrpc2": {"inspector"},
	"go.opentelemetry.io/":            {"runtime", "cmd"},
	"fyne.io/":                        {"ui", "cmd"},
}

// TestImportRules parses every Go file and checks its imports against the
// layering: a bad import fails here, not in review.
func TestImportRules(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		top := strings.SplitN(filepath.ToSlash(path), "/", 2)[0]
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if msg := violation(top, p); msg != "" {
				t.Errorf("%s: %s", path, msg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Fatalf("checked only %d files: is the walk rooted at the module?", checked)
	}
}

// violation says why a package under top may not import p, or "".
func violation(top, p string) string {
	if rest, ok := strings.CutPrefix(p, module+"/"); ok {
		dep := strings.SplitN(rest, "/", 2)[0]
		for _, bad := range forbiddenProject[top] {
			if dep == bad {
				return "imports " + p + ": " + top + " may not depend on " + bad
			}
		}
	}
	for prefix, dirs := range allowedThirdParty {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		for _, d := range dirs {
			if d == top {
				return ""
			}
		}
		return "imports " + p + ": only " + strings.Join(dirs, ", ") + " may"
	}
	return ""
}

// TestViolation makes sure the checker itself can fail.
func TestViolation(t *testing.T) {
	cases := map[string]struct {
		top, imp string
		bad      bool
	}{
		"runtime up to inspector":  {"runtime", module + "/inspector", true},
		"runtime sub-package":      {"runtime", module + "/runtime/trace", false},
		"debugger down to runtime": {"debugger", module + "/runtime", false},
		"inspector up to ui":       {"inspector", module + "/ui", true},
		"fyne in runtime":          {"runtime", "fyne.io/fyne/v2/widget", true},
		"fyne in ui":               {"ui", "fyne.io/fyne/v2/widget", false},
		"jsonrpc2 in debugger":     {"debugger", "github.com/sourcegraph/jsonrpc2", true},
		"jsonrpc2 in inspector":    {"inspector", "github.com/sourcegraph/jsonrpc2", false},
		"stdlib":                   {"runtime", "encoding/json", false},
	}
	for name, c := range cases {
		if got := violation(c.top, c.imp) != ""; got != c.bad {
			t.Errorf("%s: violation = %v, want %v", name, got, c.bad)
		}
	}
}
