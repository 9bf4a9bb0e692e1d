package warnings

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

// runProgram runs src under a real runtime and returns the warnings.
func runProgram(t *testing.T, src string, poolSize int) (Report, string) {
	t.Helper()
	return runWith(t, src, Config{PoolSize: poolSize})
}

func runWith(t *testing.T, src string, cfg Config) (Report, string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "prog.js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := trace.NewRecorder()
	sub := Subscribe(rec)
	defer sub.Close()
	d := New(cfg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx, sub) }()
	rt, err := runtime.New(runtime.Options{Main: file, PoolSize: cfg.PoolSize, Stdout: io.Discard, Stderr: io.Discard, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	if code, err := rt.Run(context.Background()); err != nil || code != 0 {
		t.Fatalf("run: %d %v", code, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	r := d.Report()
	if r.Dropped != 0 {
		t.Fatalf("%d records dropped", r.Dropped)
	}
	return r, file
}

func find(r Report, k Kind) *Warning {
	for i := range r.Warnings {
		if r.Warnings[i].Kind == k {
			return &r.Warnings[i]
		}
	}
	return nil
}

func text(r Report) string {
	var b strings.Builder
	_ = r.WriteText(&b)
	return b.String()
}

// TestRealStarvation: a timer callback that keeps queueing nextTicks for
// 150 ms is reported at the timer's line, with the ticks' line, and a
// program that yields to the loop between its steps is not.
func TestRealStarvation(t *testing.T) {
	src := "setTimeout(() => {\n  const end = Date.now() + 150;\n  const again = () => { if (Date.now() < end) process.nextTick(again); };\n  process.nextTick(again);\n}, 1);\n"
	r, file := runProgram(t, src, 0)
	w := find(r, KindStarvation)
	if w == nil || w.Where[0] != file+":1" || len(w.Where) < 2 || w.Where[1] != file+":3" || !strings.Contains(w.Message, "nextTick starvation") || !strings.Contains(w.Message, "timers phase") {
		t.Errorf("want nextTick starvation at %s:1 and :3:\n%s", file, text(r))
	}
	yielding := "let n = 0;\nconst step = () => { const end = Date.now() + 2; while (Date.now() < end); if (++n < 50) setImmediate(step); };\nstep();\n"
	r, _ = runProgram(t, yielding, 0)
	if w := find(r, KindStarvation); w != nil {
		t.Errorf("a program yielding every 2 ms:\n%s", text(r))
	}
}

// TestRealPoolSaturated: eight slow pbkdf2 calls on a two-lane pool leave
// the loop idle while they queue; two of them do not.
func TestRealPoolSaturated(t *testing.T) {
	src := func(n int) string {
		return "const crypto = require('crypto');\nfor (let i = 0; i < " + strconv.Itoa(n) + "; i++) {\n  crypto.pbkdf2('secret', 'salt', 200000, 64, 'sha512', () => {});\n}\n"
	}
	r, file := runProgram(t, src(8), 2)
	w := find(r, KindPoolSaturated)
	if w == nil || w.Where[0] != file+":3" || !strings.Contains(w.Message, "all 2 worker-pool lanes") {
		t.Errorf("want the pool saturated by %s:3:\n%s", file, text(r))
	}
	r, _ = runProgram(t, src(2), 2)
	if w := find(r, KindPoolSaturated); w != nil {
		t.Errorf("two requests on two lanes:\n%s", text(r))
	}
}

// TestRealSequentialIO: two awaited fs.promises calls on consecutive lines
// are reported with both lines; the same two under Promise.all are not.
func TestRealSequentialIO(t *testing.T) {
	seq := "const fs = require('fs');\nasync function main() {\n  const a = await fs.promises.readFile(__filename);\n  const b = await fs.promises.stat(__filename);\n  return [a, b];\n}\nmain();\n"
	r, file := runProgram(t, seq, 0)
	w := find(r, KindSequentialIO)
	if w == nil || len(w.Where) != 2 || w.Where[0] != file+":3" || w.Where[1] != file+":4" {
		t.Errorf("want lines 3 then 4 of %s:\n%s", file, text(r))
	}
	par := "const fs = require('fs');\nasync function main() {\n  return Promise.all([fs.promises.readFile(__filename),\n    fs.promises.stat(__filename)]);\n}\nmain();\n"
	r, _ = runProgram(t, par, 0)
	if w := find(r, KindSequentialIO); w != nil {
		t.Errorf("Promise.all:\n%s", text(r))
	}
}

// TestRealKeepAlive: an interval that fires alone until its own callback
// calls process.exit is reported (with a 300 ms stretch, to keep the test
// short); an unref'd interval in a program that ends when its last timer
// fires is not.
func TestRealKeepAlive(t *testing.T) {
	cfg := Config{KeepAliveStretch: 300 * time.Millisecond}
	src := "console.log('start');\nlet n = 0;\nsetInterval(() => { if (++n === 10) process.exit(0); }, 50);\n"
	r, file := runWith(t, src, cfg)
	w := find(r, KindKeepAlive)
	if w == nil || w.Where[0] != file+":3" {
		t.Errorf("want the interval at %s:3:\n%s", file, text(r))
	}
	unref := "console.log('start');\nsetInterval(() => {}, 20).unref();\nsetTimeout(() => {}, 500);\n"
	r, _ = runWith(t, unref, cfg)
	if w := find(r, KindKeepAlive); w != nil {
		t.Errorf("an unref'd interval:\n%s", text(r))
	}
}
