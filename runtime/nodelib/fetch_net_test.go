package nodelib_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime"
)

// TestFetchNet runs each testdata/fetchnet/*.js (global fetch, undici over nodelib's net and
// http_parser bindings, against an http server on 127.0.0.1 port 0) on the real runtime and
// compares stdout and the exit code with node v20's recorded output (`node X.js > X.out`).
// Every program closes its servers, and undici's pooled sockets close with them, so no
// goroutine outlives it.
func TestFetchNet(t *testing.T) {
	defer goleak.VerifyNone(t)
	files, err := filepath.Glob(filepath.Join("testdata", "fetchnet", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/fetchnet/*.js")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(abs, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			rt, err := runtime.New(runtime.Options{Main: abs, Cwd: filepath.Dir(abs), Stdout: &stdout, Stderr: &stderr})
			if err != nil {
				t.Fatal(err)
			}
			// A bound on a hung program, not a wait: the case finishes in well under a second.
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
