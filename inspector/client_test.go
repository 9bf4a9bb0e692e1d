package inspector

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// TestPipeClient: typed calls, error answers, events in order (an event
// handler may call back), and Close ending both halves.
func TestPipeClient(t *testing.T) {
	checkLeaks(t)
	ctx := testContext(t)
	sessions, made := stubSessions()
	events := make(chan Event, 100)
	var c *Client
	c = pipe(sessions, ClientOptions{OnEvent: func(e Event) {
		if err := c.Call(ctx, "Echo.nil", nil, nil); err != nil {
			t.Errorf("a call from OnEvent: %v", err)
		}
		events <- e
	}})
	sess := <-made

	var res struct {
		A []int `json:"a"`
	}
	if err := c.Call(ctx, "Echo.params", map[string]any{"a": []int{1, 2}}, &res); err != nil || len(res.A) != 2 || res.A[1] != 2 {
		t.Errorf("Echo.params: %v, %+v", err, res)
	}
	if err := c.Call(ctx, "Echo.emit", map[string]int{"n": 3}, nil); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		e := <-events
		var p struct{ I int }
		if err := e.Decode(&p); e.Method != "Echo.event" || err != nil || p.I != i {
			t.Errorf("event %d: %s %s (%v)", i, e.Method, e.Params, err)
		}
	}

	err := c.Call(ctx, "Nope.x", nil, nil)
	var re *RemoteError
	if !errors.Is(err, ErrMethodNotFound) || !errors.As(err, &re) || re.Code != -32601 || re.Message != "'Nope.x' wasn't found" {
		t.Errorf("unknown method: %v", err)
	}
	err = c.Call(ctx, "Echo.invalid", nil, nil)
	if !errors.Is(err, ErrInvalidParams) || !errors.As(err, &re) || re.Data != "invalid params: expression: missing" {
		t.Errorf("invalid params: %v", err)
	}
	if err := c.Call(ctx, "Echo.error", nil, nil); !errors.As(err, &re) || re.Code != -32000 {
		t.Errorf("server error: %v", err)
	}

	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sess.closed:
	default:
		t.Error("Close returned with the session still open")
	}
	if err := c.Call(ctx, "Echo.nil", nil, nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Close: %v, want ErrClosed", err)
	}
}

// TestPipeTarget: the in-process connection reaches a real Session, as a
// WebSocket client does.
func TestPipeTarget(t *testing.T) {
	checkLeaks(t)
	ctx := testContext(t)
	tgt := testTarget()
	c := Pipe(tgt, ClientOptions{})
	defer c.Close()
	if err := c.Call(ctx, "Foo.bar", nil, nil); !errors.Is(err, ErrMethodNotFound) {
		t.Errorf("Foo.bar: %v", err)
	}
	var res map[string]any
	if err := c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil, &res); err != nil || res == nil || len(res) != 0 {
		t.Errorf("runIfWaitingForDebugger: %v %v, want {}", err, res)
	}
	if err := tgt.WaitForDebugger(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestDial: the client over a real WebSocket, and what it sees when the
// server goes away.
func TestDial(t *testing.T) {
	checkLeaks(t)
	ctx := testContext(t)
	sessions, _ := stubSessions()
	srv, err := Listen(testTarget(), ServerOptions{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	srv.sessions = sessions
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Run(runCtx) }()

	if _, err := Dial(ctx, strings.Replace(srv.URL(), srv.t.ID, "no-such-target", 1), ClientOptions{}); err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("Dial to a wrong id: %v, want HTTP 400", err)
	}
	c, err := Dial(ctx, srv.URL(), ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var big map[string]string
	if err := c.Call(ctx, "Echo.big", map[string]int{"n": 2 << 20}, &big); err != nil || len(big["s"]) != 2<<20 {
		t.Errorf("a 2 MiB reply: %v (%d bytes)", err, len(big["s"]))
	}
	if err := c.Call(ctx, "Echo.params", map[string]string{"s": strings.Repeat("z", clientWriteBuffer)}, nil); !errors.Is(err, ErrMessageTooLarge) {
		t.Errorf("a request over one client frame: %v, want ErrMessageTooLarge", err)
	}

	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	<-c.Done()
	if err := c.Call(ctx, "Echo.nil", nil, nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after the server stopped: %v, want ErrClosed", err)
	}
}

// TestDialNode: the client speaks node's own inspector's dialect (node
// rejects a request with a "jsonrpc" member).
func TestDialNode(t *testing.T) {
	checkLeaks(t)
	ctx := testContext(t)
	script := filepath.Join(t.TempDir(), "wait.js")
	if err := os.WriteFile(script, []byte("console.log('ran');\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "node", "--inspect-brk=127.0.0.1:0", script)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting node: %v", err)
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	lines := bufio.NewScanner(stderr)
	var url string
	for lines.Scan() {
		if u, ok := strings.CutPrefix(lines.Text(), "Debugger listening on "); ok {
			url = u
			break
		}
	}
	if url == "" {
		t.Fatal("node printed no WebSocket URL")
	}
	go func() { // keep node's stderr drained
		for lines.Scan() {
		}
	}()
	events := make(chan Event, 100)
	c, err := Dial(ctx, url, ClientOptions{OnEvent: func(e Event) { events <- e }})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Call(ctx, "Runtime.enable", nil, nil); err != nil {
		t.Fatalf("Runtime.enable: %v", err)
	}
	if e := <-events; e.Method != "Runtime.executionContextCreated" {
		t.Errorf("first event %s", e.Method)
	}
	var res struct {
		Result struct {
			Value int `json:"value"`
		} `json:"result"`
	}
	if err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": "6*7"}, &res); err != nil || res.Result.Value != 42 {
		t.Errorf("Runtime.evaluate: %v %+v", err, res)
	}
	if err := c.Call(ctx, "Foo.bar", nil, nil); !errors.Is(err, ErrMethodNotFound) || !strings.Contains(err.Error(), "'Foo.bar' wasn't found") {
		t.Errorf("Foo.bar: %v", err)
	}
}
