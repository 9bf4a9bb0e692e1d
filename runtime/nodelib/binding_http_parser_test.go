package nodelib

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTTPParserCases feeds testdata/http_parser/cases.js (requests and responses whole, split
// at odd places, pipelined, upgraded, and malformed in the ways llhttp names) through
// HTTPParser and compares every callback, return value and error (code, reason, bytesParsed)
// with node's own parser (go test -run TestHTTPParserCases -update re-records cases.out with
// node --expose-internals).
func TestHTTPParserCases(t *testing.T) {
	file, err := filepath.Abs(filepath.Join("testdata", "http_parser", "cases.js"))
	if err != nil {
		t.Fatal(err)
	}
	golden := strings.TrimSuffix(file, ".js") + ".out"
	if *update {
		out, err := exec.Command("node", "--expose-internals", "--no-warnings", file).Output()
		if err != nil {
			t.Fatalf("running node: %v", err)
		}
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	h := newTestHost(t)
	h.vm.Set("internalBinding", h.lib.internalBinding)
	if err := h.run(file, string(src)); err != nil {
		t.Fatalf("%v\nstdout so far:\n%s", err, h.stdout.String())
	}
	got := strings.Split(h.stdout.String(), "\n")
	for i, line := range strings.Split(string(want), "\n") {
		name, _, _ := strings.Cut(line, " [")
		t.Run(name, func(t *testing.T) {
			if i >= len(got) || got[i] != line {
				g := "<missing>"
				if i < len(got) {
					g = got[i]
				}
				t.Errorf("\nnode: %s\ngot:  %s", line, g)
			}
		})
	}
	if h.stderr.Len() > 0 {
		t.Errorf("stderr: %s", h.stderr.String())
	}
}
