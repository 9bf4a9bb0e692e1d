package nodelib

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/snippets/*.out by running node")

// snippetDir stands for the snippets' absolute directory in .out files, so
// that recorded stacks hold no path of the machine that recorded them.
const snippetDir = "<snippets>"

// TestSnippets runs each testdata/snippets/*.js on the test host and compares stdout with
// the .out file recorded from node v20 (go test -run TestSnippets -update re-records them).
func TestSnippets(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "snippets", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(abs, ".js") + ".out"
			if *update {
				out, err := exec.Command("node", abs).Output()
				if err != nil {
					t.Fatalf("running node: %v", err)
				}
				out = []byte(strings.ReplaceAll(string(out), filepath.Dir(abs), snippetDir))
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			h := newTestHost(t)
			if err := h.run(abs, string(src)); err != nil {
				t.Errorf("%v\nstdout so far:\n%s", err, h.stdout.String())
				return
			}
			if got := strings.ReplaceAll(h.stdout.String(), filepath.Dir(abs), snippetDir); got != string(want) {
				t.Errorf("stdout differs from node\n%s\nstderr:\n%s", lineDiff(string(want), got), h.stderr.String())
			}
		})
	}
}
