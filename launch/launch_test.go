package launch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/inspector"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func script(t *testing.T, code string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "main.js")
	if err := os.WriteFile(p, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStart: the program waits for the client, runs, writes to its own
// stdout and stderr, and ends with its exit code.
func TestStart(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out, errb syncBuffer
	events := make(chan string, 100)
	p, err := Start(Spec{Main: script(t, "console.log('out'); console.error('err'); process.exitCode = 3;\n"),
		Stdout: &out, Stderr: &errb, OnEvent: func(e inspector.Event) { events <- e.Method }})
	if err != nil {
		t.Fatal(err)
	}
	c := p.Client()
	if err := c.Call(ctx, "Runtime.enable", nil, nil); err != nil {
		t.Fatal(err)
	}
	if out.String() != "" {
		t.Fatal("the program ran before the client let it")
	}
	if err := c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil, nil); err != nil {
		t.Fatal(err)
	}
	<-p.Done()
	code, err := p.Result()
	if code != 3 || err != nil || out.String() != "out\n" || errb.String() != "err\n" {
		t.Errorf("exit %d (%v), stdout %q, stderr %q", code, err, out.String(), errb.String())
	}
	p.Stop()
	if first := <-events; first != "Runtime.executionContextCreated" {
		t.Errorf("first event %s", first)
	}
}

// TestStopHeld: a program stopped before the client lets it go never
// runs, and Stop leaves nothing behind.
func TestStopHeld(t *testing.T) {
	defer goleak.VerifyNone(t)
	var out syncBuffer
	p, err := Start(Spec{Main: script(t, "console.log('ran');\n"), Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	p.Stop()
	p.Stop()
	if code, _ := p.Result(); code != 130 || out.String() != "" {
		t.Errorf("stopped before the start: exit %d, stdout %q", code, out.String())
	}
}

// TestRunSettings: the arguments, environment, working directory and pool
// size of a Spec are what the program sees.
func TestRunSettings(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cwd := t.TempDir()
	var out syncBuffer
	p, err := Start(Spec{
		Main: script(t, "console.log(JSON.stringify([process.argv.slice(2), process.env.GREETING, process.env.HOME === undefined, process.cwd()]));\n"+
			"const keep = setInterval(() => {}, 1000); globalThis.done = () => clearInterval(keep);\n"),
		Args:     []string{"--fast", "two words"},
		Env:      []string{"GREETING=hello world", "UV_THREADPOOL_SIZE=7"},
		Cwd:      cwd,
		PoolSize: 3,
		Stdout:   &out,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	c := p.Client()
	var snap struct {
		Snapshot struct {
			Pool struct {
				Size int `json:"size"`
			} `json:"pool"`
		} `json:"snapshot"`
	}
	if err := c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil, nil); err != nil {
		t.Fatal(err)
	}
	// The snapshot is taken on the loop, which runs once the program does.
	if err := c.Call(ctx, "Studio.getSnapshot", nil, &snap); err != nil {
		t.Fatal(err)
	}
	if snap.Snapshot.Pool.Size != 3 {
		t.Errorf("pool size %d, want 3 (PoolSize over UV_THREADPOOL_SIZE)", snap.Snapshot.Pool.Size)
	}
	if err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "done()"}, nil); err != nil {
		t.Fatal(err)
	}
	<-p.Done()
	want := `[["--fast","two words"],"hello world",true,` + strconv.Quote(cwd) + "]\n"
	if out.String() != want {
		t.Errorf("the program saw %s, want %s", out.String(), want)
	}
}
