package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarningsFlag runs a program whose timer callback spins 150 ms with
// --warnings: the program's output is untouched and stderr names the
// starvation at the timer's line.
func TestWarningsFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "spin.js")
	src := "setTimeout(() => {\n  const end = Date.now() + 150;\n  while (Date.now() < end);\n  console.log('done');\n}, 1);\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", "--warnings", file}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if stdout.String() != "done\n" {
		t.Errorf("stdout %q", stdout.String())
	}
	if out := stderr.String(); !strings.Contains(out, "starvation:") || !strings.Contains(out, "at "+file+":1\n") {
		t.Errorf("--warnings:\n%s", out)
	}
}
