package instrument

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// packages are real libraries from npm (testdata/packages/README.md) and
// the scripts that call them.
var packages = []struct{ name, lib, driver string }{
	{"lodash", "lodash/lodash.js", "lodash.driver.js"},
	{"async", "async/async.js", "async.driver.js"},
}

func readPackageFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "packages", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// moduleWrapper is the CommonJS wrapper, as the loader puts around a file
// (line 1 gets a prefix, the file gets a line more).
func moduleWrapper(src string) string {
	return "(function (exports, require, module, __filename, __dirname) { " + src + "\n})"
}

// TestPackages instruments lodash and async as CommonJS modules: the hooks
// are where acorn says statements start (NAME.points, recorded by -update
// with node), and called by a driver script, the instrumented library
// behaves as the original, hooks off, all armed and armed with write-back.
func TestPackages(t *testing.T) {
	for _, p := range packages {
		t.Run(p.name, func(t *testing.T) {
			src := moduleWrapper(readPackageFile(t, p.lib))
			driver := readPackageFile(t, p.driver)
			res, err := Instrument(src, Options{FileID: 7, Wrapped: true})
			if err != nil {
				t.Fatalf("instrumenting: %v", err)
			}
			checkShape(t, src, res.Code)
			pointsFile := filepath.Join("testdata", "packages", p.name+".points")
			if *update {
				wrapped := filepath.Join(t.TempDir(), "wrapped-"+p.name+".js")
				if err := os.WriteFile(wrapped, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
				recordPoints(t, wrapped, pointsFile)
			}
			if got, want := hookPoints(res), readPoints(t, pointsFile, src); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("hooks differ from acorn's statements\n%s", diffLines(want, got))
			}
			want, _ := runJS(t, src, true, nil, 0, driver)
			if strings.Contains(want, "THROWN") || strings.Count(want, "\n") < 10 {
				t.Fatalf("the driver does not run through:\n%s", want)
			}
			for _, mode := range []hookMode{hooksOff, hooksArmed, hooksWriteBack} {
				got, hits := runJS(t, res.Code, true, res, mode, driver)
				if got != want {
					t.Errorf("hooks %v: output differs\n%s", mode, diffLines(strings.Split(want, "\n"), strings.Split(got, "\n")))
				}
				if mode != hooksOff && hits < 1000 {
					t.Errorf("hooks %v: only %d hook calls", mode, hits)
				}
			}
		})
	}
}
