package instrument

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja/parser"
)

// FuzzInstrument: for any input goja parses, Instrument either says the
// result would not parse (ErrUnsupported) or returns code that parses,
// has the input's lines, and whose column tables map each input character
// to itself. With INSTRUMENT_FUZZ_STRICT=1 in the environment, an
// ErrUnsupported for an input that node accepts (node --check) fails too:
// that finds instrumenter bugs rather than goja's leniency (goja parses
// some invalid programs, such as `(a): 1` or `x => #y`).
func FuzzInstrument(f *testing.F) {
	var seeds []string
	for _, pat := range []string{"golden/*.js", "behaviour/*.js"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, m...)
	}
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), wrappedName(path))
	}
	for _, s := range fuzzSnippets {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, wrapped bool) {
		parses, panicked := gojaParses(src)
		res, err := Instrument(src, Options{FileID: 1, Wrapped: wrapped})
		if panicked && err == nil {
			t.Fatal("goja's parser panics on the input, Instrument returns no error")
		}
		if !parses {
			return
		}
		if err != nil && strings.Contains(err.Error(), errPanicked) {
			t.Fatal(err)
		}
		if errors.Is(err, ErrUnsupported) {
			if os.Getenv("INSTRUMENT_FUZZ_STRICT") != "" {
				tmp := filepath.Join(t.TempDir(), "input.js")
				if err := os.WriteFile(tmp, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
				if exec.Command("node", "--check", tmp).Run() == nil {
					t.Fatalf("node accepts the input, Instrument says: %v", err)
				}
			}
			return
		}
		if err != nil {
			t.Fatalf("goja parses the input, Instrument says: %v", err)
		}
		checkShape(t, src, res.Code)
		checkColumnMaps(t, src, res)
		for id, h := range res.Hooks {
			if line, col := res.Position(h.Offset); h.Kind != EmptyBody && h.Kind != LoopHead && h.Kind != LoopBinding && (line != h.Line || col != h.Column) {
				t.Fatalf("hook %d at %d:%d is inserted at %d:%d", id, h.Line, h.Column, line, col)
			}
		}
	})
}

// fuzzSnippets are small seeds, which mutate into parseable programs more
// often than whole files do.
var fuzzSnippets = []string{
	"if (a) b(); else c()",
	"if /*x*/ (a) /*y*/ b() /*z*/; /*w*/ else /*v*/ c() // end",
	"while (x);",
	"for (;;) {}",
	"do x(); while (y)",
	"l: for (var i in o) continue l",
	"f(x => x, y => (y), z => ({ z }))",
	"[a => a, b => b]",
	"async x => await x",
	"x => y => z => x + y + z",
	"'use strict'\nvar x = 1",
	"function f() { 'use strict'; return this }",
	"class A extends B { constructor() { super(); this.x = 1 } static { let y = 2 } get z() { return 3 } }",
	"try { a() } catch ({ m, n: [o] }) { p() } finally { q() }",
	"switch (a) { case 1: let b = 2; break; default: const c = 3 }",
	"a = b\n(c)\n[d]\n`e`",
	"var é = 1, 日本 = é + 1; λ => 日本",
	"var r = /[/)(]/g, s = a / b / c",
	"`a${`b${c}`}d`",
	"tag`x${y}`",
	"with (o) x = y",
	"x => x++",
	"x => (y)\n(z)",
	"for (let [a, b] of c) for (const d in e) ;",
	"function* g() { yield; yield* h() }",
	"label: { break label }",
	"a ? b => c : d => e",
	"(function () { 'use asm' })()",
	"new.target; x => new X",
	"if (a) function f() {}",
}

// gojaParses says whether goja parses src, and whether its parser panicked.
func gojaParses(src string) (ok, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			ok, panicked = false, true
		}
	}()
	_, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
	return err == nil, false
}
