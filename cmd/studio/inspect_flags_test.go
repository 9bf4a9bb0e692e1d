package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studiojs/studio/inspector"
)

// TestSplitHostPort: --inspect's value as node 20 reads it.
func TestSplitHostPort(t *testing.T) {
	cases := map[string]struct {
		host string
		port int
		err  bool
	}{
		"9230":           {"", 9230, false},
		"0":              {"", 0, false},
		"localhost":      {"localhost", 9229, false},
		"127.0.0.1":      {"127.0.0.1", 9229, false},
		"12ab":           {"12ab", 9229, false}, // node: a host, then `Unable to resolve "12ab"`
		"0.0.0.0:9401":   {"0.0.0.0", 9401, false},
		":9410":          {"", 9410, false},
		"[::1]":          {"::1", 9229, false},
		"[::1]:9403":     {"::1", 9403, false},
		"::1:9404":       {"::1", 9404, false},
		"localhost:9402": {"localhost", 9402, false},
		"99999":          {err: true},
		"1023":           {err: true},
		"localhost:80":   {err: true},
		"abc:def":        {err: true},
		"":               {err: true},
	}
	for in, c := range cases {
		host, port, err := splitHostPort(in)
		if (err != nil) != c.err || (!c.err && (host != c.host || port != c.port)) {
			t.Errorf("splitHostPort(%q) = %q, %d, %v; want %q, %d, error %v", in, host, port, err, c.host, c.port, c.err)
		}
	}
}

func TestInspectFlagErrors(t *testing.T) {
	script := writeScript(t, `console.log('ran')`)
	cases := map[string]struct {
		args   []string
		stderr string
	}{
		"bad port":    {[]string{"run", "--inspect=99999", script}, "studio: --inspect=99999: must be 0 or in range 1024 to 65535.\n"},
		"empty value": {[]string{"run", "--inspect-brk=", script}, "studio: --inspect-brk=: requires an argument\n"},
		"like node":   {[]string{"--inspect-wait=80", script}, "studio: --inspect-wait=80: must be 0 or in range 1024 to 65535.\n"},
	}
	for name, c := range cases {
		var out, errb bytes.Buffer
		if code := run(c.args, &out, &errb); code != 9 || errb.String() != c.stderr || out.Len() != 0 {
			t.Errorf("%s: exit %d, stderr %q, stdout %q; want 9, %q", name, code, errb.String(), out.String(), c.stderr)
		}
	}
}

func writeScript(t *testing.T, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.js")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// result is how a background run ended.
type result struct {
	code int
	out  string
}

// startStudio runs the command line in the background; its stderr comes
// back line by line.
func startStudio(t *testing.T, args ...string) (*bufio.Scanner, <-chan result) {
	t.Helper()
	pr, pw := io.Pipe()
	done := make(chan result, 1)
	go func() {
		var out bytes.Buffer
		code := run(args, &out, pw)
		pw.Close()
		done <- result{code, out.String()}
	}()
	t.Cleanup(func() { pr.Close() })
	return bufio.NewScanner(pr), done
}

func nextLine(t *testing.T, s *bufio.Scanner) string {
	t.Helper()
	if !s.Scan() {
		t.Fatalf("stderr ended: %v", s.Err())
	}
	return s.Text()
}

// TestInspectWait is node's --inspect-wait session on stderr: the program
// waits for a client, runs when it says Runtime.runIfWaitingForDebugger,
// and at its end waits for the client to go.
func TestInspectWait(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	script := writeScript(t, `console.log('ran')`)
	stderr, done := startStudio(t, "run", "--inspect-wait=127.0.0.1:0", script)
	line := nextLine(t, stderr)
	url, ok := strings.CutPrefix(line, "Debugger listening on ws://127.0.0.1:")
	if !ok {
		t.Fatalf("first line %q", line)
	}
	url = "ws://127.0.0.1:" + url
	if line := nextLine(t, stderr); line != "For help, see: https://nodejs.org/en/docs/inspector" {
		t.Fatalf("second line %q", line)
	}
	select {
	case r := <-done:
		t.Fatalf("the program ran without a client: %+v", r)
	default:
	}
	c, err := inspector.Dial(ctx, url, inspector.ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if line := nextLine(t, stderr); line != "Debugger attached." {
		t.Fatalf("line %q, want Debugger attached.", line)
	}
	if err := c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil, nil); err != nil {
		t.Fatal(err)
	}
	if line := nextLine(t, stderr); line != "Waiting for the debugger to disconnect..." {
		t.Fatalf("line %q at the program's end", line)
	}
	c.Close()
	r := <-done
	if r.code != 0 || r.out != "ran\n" {
		t.Errorf("exit %d, stdout %q; want 0, \"ran\\n\"", r.code, r.out)
	}
	for stderr.Scan() {
		t.Errorf("more on stderr: %q", stderr.Text())
	}
}

// TestInspectPortBusy: as node, the program runs without the inspector.
func TestInspectPortBusy(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	var out, errb bytes.Buffer
	code := run([]string{"--inspect-brk=" + fmt.Sprint(port), writeScript(t, `console.log('ran')`)}, &out, &errb)
	want := fmt.Sprintf("Starting inspector on 127.0.0.1:%d failed: address already in use\n", port)
	if code != 0 || out.String() != "ran\n" || errb.String() != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0, ran, %q", code, out.String(), errb.String(), want)
	}
}
