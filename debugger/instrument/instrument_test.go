package instrument

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja/parser"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden and, with node, *.points")

// wrappedName says a test input is shaped like the module wrapper.
func wrappedName(name string) bool { return strings.HasPrefix(filepath.Base(name), "wrapped") }

// sharedName says a golden input is instrumented with every function
// sharing helpers (shareLimit 0).
func sharedName(name string) bool { return strings.Contains(filepath.Base(name), "shared") }

// withShareLimit runs f with shareLimit set to n.
func withShareLimit(n int, f func()) {
	old := shareLimit
	shareLimit = n
	defer func() { shareLimit = old }()
	f()
}

// checkShape asserts what holds for any instrumented output: it parses and
// has exactly the lines of the input.
func checkShape(t testing.TB, src, out string) {
	t.Helper()
	if a, b := strings.Count(src, "\n"), strings.Count(out, "\n"); a != b {
		t.Fatalf("output has %d newlines, input %d", b, a)
	}
	if _, err := parser.ParseFile(nil, "", out, 0, parser.WithDisableSourceMaps); err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
}

// position is the 1-based line and 0-based byte column of off in s,
// counted here rather than through Result.Position.
func position(s string, off int) (int, int) {
	line := 1 + strings.Count(s[:off], "\n")
	return line, off - (strings.LastIndexByte(s[:off], '\n') + 1)
}

// kindLetter is the letter testdata/points.js uses for a hook kind.
var kindLetter = map[Kind]string{Statement: "S", LoopBody: "L", EmptyBody: "E", ArrowBody: "A", LoopHead: "H", LoopBinding: "B"}

// points are "KIND LINE:COL" strings, sorted.
func hookPoints(res *Result) []string {
	var out []string
	for _, h := range res.Hooks {
		out = append(out, fmt.Sprintf("%s %d:%d", kindLetter[h.Kind], h.Line, h.Column))
	}
	sort.Strings(out)
	return out
}

// readPoints reads a .points file (KIND BYTE-OFFSET lines, from acorn) as
// "KIND LINE:COL" strings, sorted.
func readPoints(t *testing.T, path, src string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the expected hooks (go test -run TestGolden -update records them with node): %v", err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if l == "" {
			continue
		}
		kind, offs, _ := strings.Cut(l, " ")
		off, err := strconv.Atoi(offs)
		if err != nil || off > len(src) {
			t.Fatalf("%s: bad line %q", path, l)
		}
		line, col := position(src, off)
		out = append(out, fmt.Sprintf("%s %d:%d", kind, line, col))
	}
	sort.Strings(out)
	return out
}

// recordPoints runs testdata/points.js (acorn, in node) on a golden input.
func recordPoints(t *testing.T, in, out string) {
	t.Helper()
	args := []string{"--expose-internals", filepath.Join("testdata", "points.js"), in}
	if wrappedName(in) {
		args = append(args, "wrapped")
	}
	var stderr bytes.Buffer
	cmd := exec.Command("node", args...)
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("recording %q with node: %v: %s", in, err, stderr.String())
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGolden instruments testdata/golden/*.js and compares with the
// .golden files; the hooks must be where acorn (Node's parser, through
// testdata/points.js) says statements start.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.js"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".js")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			limit := shareLimit
			if sharedName(in) {
				limit = 0
			}
			var res *Result
			withShareLimit(limit, func() { res, err = Instrument(src, Options{FileID: 0, Wrapped: wrappedName(in)}) })
			if err != nil {
				t.Fatalf("instrumenting: %v", err)
			}
			checkShape(t, src, res.Code)
			golden := strings.TrimSuffix(in, ".js") + ".golden"
			pointsFile := strings.TrimSuffix(in, ".js") + ".points"
			if *update {
				if err := os.WriteFile(golden, []byte(res.Code), 0o644); err != nil {
					t.Fatal(err)
				}
				recordPoints(t, in, pointsFile)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("reading golden file (go test -run TestGolden -update writes it): %v", err)
			}
			if res.Code != string(want) {
				t.Errorf("output differs from %s (-update rewrites it)\ngot:\n%s", golden, res.Code)
			}
			got, wantPts := hookPoints(res), readPoints(t, pointsFile, src)
			if strings.Join(got, "\n") != strings.Join(wantPts, "\n") {
				t.Errorf("hooks differ from acorn's statements\n%s", diffLines(wantPts, got))
			}
			checkHookOffsets(t, src, res)
			checkColumnMaps(t, src, res)
		})
	}
}

// diffLines lists what only want has (-) and only got has (+).
func diffLines(want, got []string) string {
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	for _, g := range got {
		count[g]--
	}
	var b strings.Builder
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch n := count[k]; {
		case n > 0:
			fmt.Fprintf(&b, "- %s (missing)\n", k)
		case n < 0:
			fmt.Fprintf(&b, "+ %s (unexpected)\n", k)
		}
	}
	return b.String()
}

// checkHookOffsets asserts that each hook's text is in the output where
// its Offset says, and that Line/Column are those of Offset (of the '{'
// for an empty block loop body, where the insertion is after it).
func checkHookOffsets(t *testing.T, src string, res *Result) {
	t.Helper()
	for id, h := range res.Hooks {
		off := h.Offset
		if h.Kind == EmptyBody && off > 0 && src[off-1] == '{' {
			off--
		}
		line, col := position(src, off)
		switch {
		case h.Kind == LoopBinding:
			// First in the loop's body; the stop at the binding, before.
			if h.Line > line || h.Line == line && h.Column > col {
				t.Errorf("hook %d: at %d:%d, after its offset %d at %d:%d", id, h.Line, h.Column, h.Offset, line, col)
			}
		case h.Kind == LoopHead:
			// At the expression's start (before its parentheses), the stop
			// at its operator, on the same line or after.
			if h.Line < line || h.Line == line && h.Column < col {
				t.Errorf("hook %d: at %d:%d, before its offset %d at %d:%d", id, h.Line, h.Column, h.Offset, line, col)
			}
		case line != h.Line || col != h.Column:
			t.Errorf("hook %d: at %d:%d, its offset %d is at %d:%d", id, h.Line, h.Column, h.Offset, line, col)
		}
		marker := NameArmed + "[" + strconv.Itoa(id) + "]"
		found := false
		for _, ins := range res.Insertions {
			if ins.Offset == h.Offset && strings.Contains(ins.Text, marker) {
				found = true
			}
		}
		if !found {
			t.Errorf("hook %d: no insertion at %d has %s", id, h.Offset, marker)
		}
	}
}

// checkColumnMaps asserts that every input character maps to the same
// character in the output and back.
func checkColumnMaps(t testing.TB, src string, res *Result) {
	t.Helper()
	srcLines := strings.Split(src, "\n")
	outLines := strings.Split(res.Code, "\n")
	for i, l := range srcLines {
		for col := 0; col < len(l); col++ {
			g := res.GeneratedColumn(i+1, col)
			if g >= len(outLines[i]) || outLines[i][g] != l[col] {
				t.Fatalf("line %d col %d (%q): generated column %d does not hold it", i+1, col, l[col], g)
			}
			if o := res.OriginalColumn(i+1, g); o != col {
				t.Fatalf("line %d col %d: generated %d maps back to %d", i+1, col, g, o)
			}
		}
	}
}

func TestUnparseable(t *testing.T) {
	_, err := Instrument("var = 1", Options{})
	if err == nil {
		t.Fatal("no error for invalid input")
	}
	if errors.Is(err, ErrUnsupported) {
		t.Errorf("invalid input reported as unsupported: %v", err)
	}
}

// TestLocals pins what the hook of each `debugger;` statement passes: the
// locals (by value; ! marks a constant) and the enclosing functions'
// variables its getter reaches.
func TestLocals(t *testing.T) {
	tests := []struct {
		name, src     string
		locals, outer string
	}{
		{"params var and function", "function f(a, b) { var c = 1; function g() {} debugger; }", "a b g c", ""},
		{"let before its declaration", "function f() { debugger; let x = 1; }", "", ""},
		{"let after its declaration", "function f() { let x = 1; debugger; }", "x", ""},
		{"const", "function f() { const c = 1; debugger; }", "c!", ""},
		{"block shadows parameter", "function f(x) { { let x = 2; debugger; } }", "x", ""},
		{"uninitialized block name hides parameter", "function f(x, y) { { debugger; let x = 2; } }", "y", ""},
		{"block const shadows var", "function f() { var v; { const v = 1; debugger; } }", "v!", ""},
		{"switch names never", "function f(k, y) { switch (k) { case 1: let y = 1; debugger; } }", "k", ""},
		{"named function expression", "(function me(a) { debugger; })", "a me!", ""},
		{"class name inside its class", "class A { m() { debugger; return A; } }", "", "A!"},
		{"catch pattern", "try { x(); } catch ({ m, n: [o] }) { debugger; }", "m o", ""},
		{"for let", "for (let i = 0, j; i < 1; i++) { debugger; }", "i j", ""},
		{"for of const", "for (const [k, v] of []) debugger;", "k! v!", ""},
		{"closure", "function f() { var a = 1, b; return function g() { debugger; return a; }; }", "g!", "a"},
		{"nearest declaration", "var a = 1; function f() { let a = 2; return () => { debugger; return a; }; }", "", "a"},
		{"nested closure refs", "function f(p) { return function () { return function () { debugger; p; }; }; }", "", "p"},
		{"outer const", "const k = 1; function f() { debugger; return k; }", "", "k!"},
		{"object method has no self binding", "var o = { foo(a) { debugger; } };", "a", ""},
		{"getter has no self binding", "var o = { get bar() { debugger; } };", "", ""},
		{"var hides the function expression's name", "(function f() { var f; debugger; })", "f", ""},
		{"block name hides an outer one", "var x = 1; function f() { x; { const x = 2; debugger; } }", "x!", ""},
		{"with body", "function f(a) { with (a) { debugger; } }", "", ""},
		{"module wrapper", "(function (exports, require) { var x; debugger;\n})", "exports require x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Instrument(tt.src, Options{Wrapped: strings.HasPrefix(tt.name, "module")})
			if err != nil {
				t.Fatal(err)
			}
			var h *Hook
			for i := range res.Hooks {
				if res.Hooks[i].Debugger {
					h = &res.Hooks[i]
				}
			}
			if h == nil {
				t.Fatal("no hook for the debugger statement")
			}
			names := func(vs []Var) string {
				var out []string
				for _, v := range vs {
					s := v.Name
					if v.Const {
						s += "!"
					}
					out = append(out, s)
				}
				return strings.Join(out, " ")
			}
			if got := names(h.Locals); got != tt.locals {
				t.Errorf("locals %q, want %q", got, tt.locals)
			}
			if got := names(res.Funcs[h.Func].Outer); got != tt.outer {
				t.Errorf("outer %q, want %q", got, tt.outer)
			}
		})
	}
}
