package warnings

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

// TestRealSyncFSInHandler runs testdata/http-sync.js and requests its
// pages with Go's HTTP client: readFileSync in a 'request' handler and
// existsSync after an await in one are reported at their lines; the
// same file read at start-up, asynchronously in a handler, or with
// statSync in an HTTP client's callback is not.
func TestRealSyncFSInHandler(t *testing.T) {
	file, err := filepath.Abs("testdata/http-sync.js")
	if err != nil {
		t.Fatal(err)
	}
	rec := trace.NewRecorder()
	sub := Subscribe(rec)
	defer sub.Close()
	d := New(Config{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx, sub) }()

	outR, outW := io.Pipe()
	rt, err := runtime.New(runtime.Options{Main: file, Stdout: outW, Stderr: io.Discard, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		code int
		err  error
	}
	ran := make(chan result, 1)
	go func() {
		code, err := rt.Run(context.Background())
		outW.Close()
		ran <- result{code, err}
	}()
	lines := bufio.NewScanner(outR)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "port ") {
		t.Fatalf("no port line: %q", lines.Text())
	}
	go func() { _, _ = io.Copy(io.Discard, outR) }()
	base := "http://127.0.0.1:" + strings.TrimPrefix(lines.Text(), "port ")
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for _, path := range []string{"/sync", "/later", "/async", "/stop"} {
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	if r := <-ran; r.err != nil || r.code != 0 {
		t.Fatalf("run: %d %v", r.code, r.err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	r := d.Report()
	if r.Dropped != 0 {
		t.Fatalf("%d records dropped", r.Dropped)
	}

	var got []string
	for _, w := range r.Warnings {
		if w.Kind == KindSyncFS {
			got = append(got, w.Where[0])
		}
	}
	want := []string{file + ":9", file + ":13"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("sync fs warnings at %v, want %v:\n%s", got, want, text(r))
	}
	w := find(r, KindSyncFS)
	if !strings.Contains(w.Message, "fs.readFileSync at "+file+":9") || !strings.Contains(w.Message, "open") || !strings.Contains(w.Message, "read") || w.Count < 3 {
		t.Errorf("readFileSync's warning: %d calls, %q", w.Count, w.Message)
	}
	if len(w.Evidence) != 3 || w.Evidence[1].Value <= 0 || w.Evidence[2].Value > w.Evidence[1].Value {
		t.Errorf("evidence: %+v", w.Evidence)
	}
}
