package main

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer for a writer and a reader on two goroutines.
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

// waitFor waits until buf holds a match of re after offset from, and
// returns the end of the match.
func waitFor(t *testing.T, buf *syncBuffer, from int, re string) int {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		s := buf.String()
		if from <= len(s) {
			if loc := rx.FindStringIndex(s[from:]); loc != nil {
				return from + loc[1]
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no %q in:\n%s", re, buf.String()[min(from, len(buf.String())):])
	return 0
}

// TestNodeInspect drives the real `node inspect` against
// `studio run --inspect-brk`: break on start, a breakpoint, continue, a
// backtrace, exec of a parameter and a closure variable, clear the
// breakpoint, step over, continue to the end. The program's output is
// what it prints without a debugger.
func TestNodeInspect(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is required: it is the debugger client under test")
	}
	file, err := filepath.Abs("testdata/x.js")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"run", "--inspect-brk=127.0.0.1:0", file}, &stdout, &stderr) }()
	end := waitFor(t, &stderr, 0, `Debugger listening on ws://127\.0\.0\.1:\d+/[0-9a-f-]+\n`)
	addr := regexp.MustCompile(`ws://(127\.0\.0\.1:\d+)/`).FindStringSubmatch(stderr.String()[:end])[1]

	cmd := exec.Command("node", "inspect", addr)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	send := func(line string) {
		if _, err := io.WriteString(stdin, line+"\n"); err != nil {
			t.Fatalf("writing %q to node inspect: %v", line, err)
		}
	}
	pos := waitFor(t, &out, 0, `Break on start in .*x\.js:2\n(.|\n)*debug> `)
	steps := []struct{ cmd, want string }{
		{"sb(15)", `debug> `},
		{"c", `break in .*x\.js:15\n(.|\n)*>15     total = add\(total, i\);(.|\n)*debug> `},
		{"bt", `#0 outer .*x\.js:15:4\n#1 \(anonymous\) .*x\.js:21:15\n(.|\n)*debug> `},
		{"exec n", `3\n(.|\n)*debug> `},
		{"exec total", `0\n(.|\n)*debug> `},
		{"exec add", `\[Function: add\]\n(.|\n)*debug> `},
		{"exec obj.list", `\[ 1, 2, 3 \]\n(.|\n)*debug> `},
		{"cb('x.js', 15)", `debug> `},
		// As node: the loop's update (i still 0), its test (i now 1),
		// then the body of the next iteration.
		{"n", `break in .*x\.js:14\n(.|\n)*debug> `},
		{"exec i", `0\n(.|\n)*debug> `},
		{"n", `break in .*x\.js:14\n(.|\n)*debug> `},
		{"exec i", `1\n(.|\n)*debug> `},
		{"n", `break in .*x\.js:15\n(.|\n)*debug> `},
		{"c", `debug> `},
	}
	for _, s := range steps {
		send(s.cmd)
		pos = waitFor(t, &out, pos, s.want)
	}
	waitFor(t, &stderr, 0, `Waiting for the debugger to disconnect\.\.\.`)
	send(".exit")
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("studio exit code %d; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("studio did not end after the client left; stderr:\n%s\nnode inspect:\n%s", stderr.String(), out.String())
	}
	_ = cmd.Wait()
	if got := stdout.String(); got != "hello 3 4\n" {
		t.Errorf("program output %q", got)
	}
	if !strings.Contains(stderr.String(), "Debugger attached.") {
		t.Errorf("stderr lacks node's attach line:\n%s", stderr.String())
	}
}
