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
	"github.com/studiojs/studio/runtime/trace"
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
			rec := trace.NewRecorder()
			sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 20})
			defer sub.Close()
			var stdout, stderr bytes.Buffer
			rt, err := runtime.New(runtime.Options{Main: abs, Cwd: filepath.Dir(abs), Stdout: &stdout, Stderr: &stderr, Recorder: rec})
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
			checkDestroyed(t, sub, "PROCESSWRAP", "PIPEWRAP", "WRITEWRAP", "SHUTDOWNWRAP")
		})
	}
}

// checkDestroyed checks that every resource of the given types that the program created was
// destroyed by the time it ended, whether its child exited or the runtime stopped it.
func checkDestroyed(t *testing.T, sub *trace.Subscription, types ...string) {
	t.Helper()
	if n := sub.Dropped(); n > 0 {
		t.Fatalf("%d trace events dropped", n)
	}
	want := map[string]bool{}
	for _, typ := range types {
		want[typ] = true
	}
	live := map[uint64]string{}
	for {
		select {
		case e := <-sub.Events():
			if !want[e.Type] {
				continue
			}
			switch e.Kind {
			case trace.KindInit:
				live[e.Op] = e.Type
			case trace.KindDestroy:
				delete(live, e.Op)
			}
			continue
		default:
		}
		break
	}
	for id, typ := range live {
		t.Errorf("%s %d was never destroyed", typ, id)
	}
}
