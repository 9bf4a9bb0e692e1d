package launch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLoopThreadNamed: while a program the window runs is alive, one of
// the process's threads is its loop's, named studio-loop (what
// bench/gui.sh and top -H tell it apart by).
func TestLoopThreadNamed(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main.js")
	if err := os.WriteFile(main, []byte("setTimeout(() => {}, 60000);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Start(Spec{Main: main})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { p.Stop(); <-p.Done() }()
	found := func() bool {
		tasks, _ := filepath.Glob("/proc/self/task/*/comm")
		for _, f := range tasks {
			if b, err := os.ReadFile(f); err == nil && strings.TrimSpace(string(b)) == "studio-loop" {
				return true
			}
		}
		return false
	}
	deadline := time.Now().Add(30 * time.Second)
	for !found() {
		if time.Now().After(deadline) {
			t.Fatal("no thread named studio-loop while the program runs")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
