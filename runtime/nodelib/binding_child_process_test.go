package nodelib_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime"
)

var updateChildProcess = flag.Bool("update-child-process", false, "re-record testdata/child_process/*.out with node")

// TestChildProcessSnippets runs each testdata/child_process/*.js (node's own child_process on
// the process_wrap, pipe_wrap and spawn_sync bindings, spawning sh, cat, echo, sleep and node)
// on the real runtime and compares stdout and the exit code with node v20's
// (go test -run TestChildProcessSnippets -update-child-process re-records the .out files).
// Every child ends before its program does, so no goroutine outlives it.
func TestChildProcessSnippets(t *testing.T) {
	defer goleak.VerifyNone(t)
	files, err := filepath.Glob(filepath.Join("testdata", "child_process", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/child_process/*.js")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(abs, ".js") + ".out"
			if *updateChildProcess {
				out, err := exec.Command("node", abs).Output()
				if err != nil {
					t.Fatalf("running node: %v", err)
				}
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			rt, err := runtime.New(runtime.Options{Main: abs, Cwd: filepath.Dir(abs), Stdout: &stdout, Stderr: &stderr})
			if err != nil {
				t.Fatal(err)
			}
			// A bound on a hung program, not a wait: every case finishes in about a second.
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			code, err := rt.Run(ctx)
			if err != nil || code != 0 {
				t.Errorf("exit code %d, error %v\nstderr:\n%s", code, err, stderr.String())
			}
			if got := stdout.String(); got != string(want) {
				t.Errorf("stdout differs from node\nwant:\n%s\ngot:\n%s\nstderr:\n%s", want, got, stderr.String())
			}
		})
	}
}
