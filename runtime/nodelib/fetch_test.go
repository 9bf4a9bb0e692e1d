package nodelib

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFetchWithoutNetwork runs testdata/fetch/*.js (undici's Headers, Request, Response,
// FormData, internal/blob's Blob and node's web streams, and fetch of a data: URL) and compares
// stdout with the .out file recorded from node v20 (`node X.js > X.out`).
func TestFetchWithoutNetwork(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "fetch", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/fetch/*.js")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(file, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			h := newTestHost(t)
			// queueMicrotask is the host's global (the runtime defines it); the test host's
			// stands on promise jobs, which is where node's microtasks run too.
			if _, err := h.vm.RunString(`globalThis.queueMicrotask = (fn) => { Promise.resolve().then(() => fn()); };`); err != nil {
				t.Fatal(err)
			}
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := h.run(abs, string(src)); err != nil {
				t.Fatalf("%v\nstdout so far:\n%s", err, h.stdout.String())
			}
			if got := h.stdout.String(); got != string(want) {
				t.Errorf("stdout differs from node\n%s\nstderr:\n%s", lineDiff(string(want), got), h.stderr.String())
			}
		})
	}
}
