package nodelib_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
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
// on the real runtime and compares stdout, the exit code and the async resources created
// (PROCESSWRAP, PIPEWRAP, WRITEWRAP, SHUTDOWNWRAP counts) with node v20's (go test -run
// TestChildProcessSnippets -update-child-process re-records the .out and .records files).
// Children still running when a program ends are killed by the runtime, so no goroutine
// outlives it and every resource is destroyed.
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
				out, err := exec.Command("node", "-r", "./testdata/child_process/records.cjs", abs).Output()
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
			records, err := os.ReadFile(strings.TrimSuffix(abs, ".js") + ".records")
			if err != nil {
				t.Fatal(err)
			}
			if got := childRecords(t, sub); got != string(records) {
				t.Errorf("async resources created differ from node's\nnode:\n%sgot:\n%s", records, got)
			}
		})
	}
}

// childRecords counts the init records of the child_process types (as records.cjs does in
// node) and checks that each of those resources was destroyed by the time the program ended,
// whether its child exited or the runtime stopped it.
func childRecords(t *testing.T, sub *trace.Subscription) string {
	t.Helper()
	if n := sub.Dropped(); n > 0 {
		t.Fatalf("%d trace events dropped", n)
	}
	types := map[string]bool{"PROCESSWRAP": true, "PIPEWRAP": true, "WRITEWRAP": true, "SHUTDOWNWRAP": true}
	counts := map[string]int{}
	live := map[uint64]string{}
	for {
		select {
		case e := <-sub.Events():
			if !types[e.Type] {
				continue
			}
			switch e.Kind {
			case trace.KindInit:
				counts[e.Type]++
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
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, "%s %d\n", k, counts[k])
	}
	return b.String()
}
