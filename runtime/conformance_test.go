package runtime

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// conformanceDir holds the Node v20 conformance cases, copied verbatim from
// shared/ by scripts/sync-conformance.sh.
const conformanceDir = "../testdata/conformance/cases"

// conformanceGroups are the case number ranges this runtime must pass, by
// the README's categories: all of them.
var conformanceGroups = []struct {
	name     string
	from, to int
}{
	{"A event loop", 1, 16},
	{"B I/O phases and fs", 17, 25},
	{"C thread pool", 26, 30},
	{"D core modules", 31, 46},
	{"E networking", 47, 53},
	{"F modules", 54, 61},
	{"G language", 62, 70},
}

// TestConformance runs each case in-process, exactly as run.sh runs it on
// the command line: the cases directory as working directory, the absolute
// path of the case as the script, stdout compared byte for byte, and the
// exit code. A case is never edited to pass.
func TestConformance(t *testing.T) {
	runCaseDir(t, conformanceDir, func(name string) bool {
		n, err := strconv.Atoi(name[:3])
		return err == nil && inGroups(n)
	})
}

// TestNodeCompat runs testdata/node-compat the same way: more programs in
// the conformance format, whose expected output scripts/record-node-compat.sh
// recorded from node v20 (and refused where node's own output varies).
func TestNodeCompat(t *testing.T) {
	runCaseDir(t, "../testdata/node-compat", func(string) bool { return true })
}

func runCaseDir(t *testing.T, caseDir string, include func(name string) bool) {
	entries, err := os.ReadDir(caseDir)
	if err != nil {
		t.Fatalf("reading cases: %v", err)
	}
	dir, err := filepath.Abs(caseDir)
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".mjs")) || !include(name) {
			continue
		}
		ran++
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			base := strings.TrimSuffix(strings.TrimSuffix(name, ".mjs"), ".js")
			want, err := os.ReadFile(filepath.Join(dir, base+".out"))
			if err != nil {
				t.Fatalf("missing expected output: %v", err)
			}
			wantCode := 0
			if b, err := os.ReadFile(filepath.Join(dir, base+".code")); err == nil {
				wantCode, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			}
			var out, errb bytes.Buffer
			rt, err := New(Options{Main: filepath.Join(dir, name), Cwd: dir, Stdout: &out, Stderr: &errb})
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			// A guard against a hang, not a speed check: a busy case
			// (process-cpuusage-delta.js, 3e6 loop iterations) takes 5 s
			// under -race on a loaded 2-core machine, and the cases run
			// in parallel with the other packages' tests.
			const guard = 2 * time.Minute
			ctx, cancel := context.WithTimeout(context.Background(), guard)
			defer cancel()
			code, err := rt.Run(ctx)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if ctx.Err() != nil {
				t.Fatalf("timed out after %v; stdout so far:\n%s", guard, out.String())
			}
			if got := out.String(); got != string(want) || code != wantCode {
				t.Errorf("exit code %d (want %d)\n%s\nstderr:\n%s", code, wantCode, firstDiff(string(want), got), tail(errb.String(), 10))
			}
		})
	}
	if ran == 0 {
		t.Fatalf("no cases found in %s", caseDir)
	}
}

func inGroups(n int) bool {
	for _, g := range conformanceGroups {
		if n >= g.from && n <= g.to {
			return true
		}
	}
	return false
}

// firstDiff describes the first differing line, as run.sh does.
func firstDiff(want, got string) string {
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g || i >= len(wl) || i >= len(gl) {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + strconv.Quote(w) + "\n  got  " + strconv.Quote(g)
		}
	}
	return "outputs equal"
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
