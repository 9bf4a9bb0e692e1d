package nodelib_test

import (
	"bytes"
	"context"
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

// runtimeGolden runs each dir/*.js on the real runtime and compares its
// stdout, and a zero exit code, with the .out file node v20 printed. When
// types is not empty it also compares the number of async resources of each
// of those types with the .records file (what dir/records.cjs counts in node)
// and checks that every one of them was destroyed by the end. update
// re-records the .out files with node first.
func runtimeGolden(t *testing.T, dir string, update bool, types ...string) {
	t.Helper()
	defer goleak.VerifyNone(t)
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no testdata/%s/*.js", dir)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(abs, ".js") + ".out"
			if update {
				args := []string{abs}
				if len(types) > 0 {
					args = []string{"-r", "./" + filepath.Join("testdata", dir, "records.cjs"), abs}
				}
				// Files, not pipes, for node's stdout and stderr: a pipe would add
				// PIPEWRAP resources of its own to the counts.
				out, err := os.Create(golden)
				if err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command("node", args...)
				cmd.Stdout = out
				err = cmd.Run()
				if cerr := out.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					t.Fatalf("running node: %v", err)
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
			if len(types) == 0 {
				return
			}
			records, err := os.ReadFile(strings.TrimSuffix(abs, ".js") + ".records")
			if err != nil {
				t.Fatal(err)
			}
			if got := resourceCounts(t, sub, types); got != string(records) {
				t.Errorf("async resources created differ from node's\nnode:\n%sgot:\n%s", records, got)
			}
		})
	}
}

// resourceCounts counts the init records of the given types (as records.cjs
// does in node), one "TYPE N" line each in name order, and checks that each
// of those resources was destroyed by the time the program ended.
func resourceCounts(t *testing.T, sub *trace.Subscription, types []string) string {
	t.Helper()
	if n := sub.Dropped(); n > 0 {
		t.Fatalf("%d trace events dropped", n)
	}
	wanted := map[string]bool{}
	for _, typ := range types {
		wanted[typ] = true
	}
	counts := map[string]int{}
	live := map[uint64]string{}
	for {
		select {
		case e := <-sub.Events():
			if !wanted[e.Type] {
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
