package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/studiojs/studio/inspector"
	"github.com/studiojs/studio/launch"
)

// recorded is one real run of a program: its stdout and stderr in the
// order written, and its console calls as the protocol sent them.
type recorded struct {
	mu     sync.Mutex
	output []outputChunk
	calls  []inspector.ConsoleAPICalledEvent
}

type recWriter struct {
	r    *recorded
	kind lineKind
}

func (w recWriter) Write(p []byte) (int, error) {
	w.r.mu.Lock()
	defer w.r.mu.Unlock()
	w.r.output = append(w.r.output, outputChunk{kind: w.kind, b: append([]byte(nil), p...)})
	return len(p), nil
}

// record runs script to its end through launch and the protocol.
func record(t *testing.T, script string) *recorded {
	t.Helper()
	main := filepath.Join(t.TempDir(), "index.js")
	if err := os.WriteFile(main, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorded{}
	destroyed := make(chan struct{})
	p, err := launch.Start(launch.Spec{Main: main, Cwd: filepath.Dir(main), Stdout: recWriter{r, lineStdout}, Stderr: recWriter{r, lineStderr},
		OnEvent: func(e inspector.Event) {
			switch e.Method {
			case "Runtime.consoleAPICalled":
				var ev inspector.ConsoleAPICalledEvent
				if err := e.Decode(&ev); err != nil {
					t.Error(err)
				}
				r.mu.Lock()
				r.calls = append(r.calls, ev)
				r.mu.Unlock()
			case "Runtime.executionContextDestroyed":
				close(destroyed)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, m := range []string{"Runtime.enable", "Runtime.runIfWaitingForDebugger"} {
		if err := p.Client().Call(ctx, m, nil, nil); err != nil {
			t.Fatalf("%s: %v", m, err)
		}
	}
	select {
	case <-destroyed:
	case <-ctx.Done():
		t.Fatal("the program did not end")
	}
	if code, err := p.Result(); code != 0 || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	p.Stop()
	return r
}

// TestConsoleArrivalOrder: output and console calls reach the console
// by different roads, in any order; whatever the order, every call ends
// up as its entry in place of its text. A real run's output and calls are
// replayed with each call arriving before any output, after all of it,
// just before its text, in the middle of its text and just after it, the
// output coming a byte at a time.
func TestConsoleArrivalOrder(t *testing.T) {
	checkLeaks(t)
	h, _ := newHarness(t, nil)
	r := record(t, entriesScript)
	if len(r.calls) != 4 {
		t.Fatalf("%d console calls recorded", len(r.calls))
	}
	// The output a byte at a time, each with its offset in its stream.
	type b struct {
		kind lineKind
		c    byte
		off  int64
	}
	var bytes []b
	var offs [2]int64
	for _, ch := range r.output {
		for _, c := range ch.b {
			s := streamOf(ch.kind)
			bytes = append(bytes, b{ch.kind, c, offs[s]})
			offs[s]++
		}
	}
	// at is the index in bytes of offset off of the stream of kind.
	at := func(kind lineKind, off int64) int {
		i := slices.IndexFunc(bytes, func(x b) bool { return x.kind == kind && x.off == off })
		if i < 0 {
			return len(bytes)
		}
		return i
	}
	textOf := func(ev inspector.ConsoleAPICalledEvent) (lineKind, int64, int64) {
		if o := ev.Output; o.Stdout.End > o.Stdout.Start {
			return lineStdout, o.Stdout.Start, o.Stdout.End
		}
		return lineStderr, ev.Output.Stderr.Start, ev.Output.Stderr.End
	}
	schedules := map[string]func(ev inspector.ConsoleAPICalledEvent) int{
		"first": func(inspector.ConsoleAPICalledEvent) int { return 0 },
		"last":  func(inspector.ConsoleAPICalledEvent) int { return len(bytes) },
		"before its text": func(ev inspector.ConsoleAPICalledEvent) int {
			k, start, _ := textOf(ev)
			return at(k, start)
		},
		"inside its text": func(ev inspector.ConsoleAPICalledEvent) int {
			k, start, end := textOf(ev)
			return at(k, (start+end)/2)
		},
		"after its text": func(ev inspector.ConsoleAPICalledEvent) int {
			k, _, end := textOf(ev)
			return at(k, end-1) + 1
		},
	}
	rows := func(c *consolePanel) []row {
		var out []row
		for _, l := range c.lines {
			out = append(out, row{l.kind, l.text, l.entry != 0})
		}
		return out
	}
	var want []row
	for _, name := range []string{"last", "first", "before its text", "inside its text", "after its text"} {
		when := schedules[name]
		c := newConsolePanel(h.w)
		st := &programStreams{}
		for i := 0; i <= len(bytes); i++ {
			for _, ev := range r.calls {
				if when(ev) == i {
					c.consoleCalled(st, ev)
				}
			}
			if i < len(bytes) {
				c.output(st, bytes[i].kind, string(bytes[i].c))
			}
		}
		got := rows(c)
		if want == nil {
			want = got
			// The entries, each one call's text exactly.
			var entries []string
			for _, l := range c.lines {
				if l.entry != 0 {
					entries = append(entries, l.text)
				}
			}
			if !slices.Equal(entries, []string{"a { x: 1 } b [ 1, 2 ]", "e { y: 2, g: [Function: named] }", "[Function: add]", "multi {",
				"  a: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',", "  b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy',", "  c: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'", "}"}) {
				t.Fatalf("entries %q", entries)
			}
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("calls arriving %s: console\n%v\nwant\n%v", name, got, want)
		}
	}
}
