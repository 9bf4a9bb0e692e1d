package modules

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/rewrite")

// TestESMRewriteGolden pins the generator form compileESM produces for a
// few modules (the code and the import list); run with -update after a
// deliberate change, and read the diff.
func TestESMRewriteGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/rewrite/*.m[jt]s")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			out, err := compileESM("/virtual/"+filepath.Base(in), string(src))
			if err != nil {
				t.Fatal(err)
			}
			got := "// deps: " + strings.Join(out.deps, " ") + "\n" + out.code + "\n"
			golden := in + ".golden"
			if *update {
				must(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("rewrite of %s changed:\n%s\nwant:\n%s", in, got, want)
			}
		})
	}
}
