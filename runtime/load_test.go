package runtime

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServerUnderLoad: an http server on Studio keeps serving while 1000
// connections are open at once and clients vanish in the middle of
// requests, and ends with no connection left. All traffic is on 127.0.0.1,
// bounded in count and time.
func TestServerUnderLoad(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "server.js")
	os.WriteFile(file, []byte(`
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/stop') { res.end('bye'); server.close(); server.closeAllConnections(); return; }
  let n = 0;
  req.on('data', (c) => { n += c.length; });
  req.on('end', () => res.end('ok ' + n));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
server.on('close', () => console.log('closed'));
`), 0o644)
	pr, pw := io.Pipe()
	rt, err := New(Options{Main: file, Cwd: dir, Stdout: pw, Stderr: io.Discard, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		code, _ := rt.Run(ctx)
		pw.Close()
		done <- code
	}()
	out := bufio.NewScanner(pr)
	if !out.Scan() {
		t.Fatal("server printed no port")
	}
	addr := "127.0.0.1:" + strings.TrimSpace(out.Text())
	rest := make(chan string, 1)
	go func() {
		var b strings.Builder
		for out.Scan() {
			b.WriteString(out.Text() + "\n")
		}
		rest <- b.String()
	}()

	// 1000 connections open at once, each sending one complete request only
	// after all are connected.
	const conns = 1000
	cs := make([]net.Conn, 0, conns)
	for i := 0; i < conns; i++ {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		cs = append(cs, c)
	}
	var wg sync.WaitGroup
	errs := make(chan error, conns)
	for i, c := range cs {
		wg.Add(1)
		go func(i int, c net.Conn) {
			defer wg.Done()
			defer c.Close()
			c.SetDeadline(time.Now().Add(45 * time.Second))
			body := strings.Repeat("x", i%50)
			fmt.Fprintf(c, "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(body), body)
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				errs <- fmt.Errorf("connection %d: %w", i, err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			if want := fmt.Sprintf("ok %d", len(body)); string(b) != want {
				errs <- fmt.Errorf("connection %d: body %q, want %q", i, b, want)
			}
		}(i, c)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	// Clients that vanish: half a request line, half a body, or nothing.
	for i := 0; i < 200; i++ {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("vanishing client %d: %v", i, err)
		}
		switch i % 3 {
		case 0:
			io.WriteString(c, "GET /half")
		case 1:
			io.WriteString(c, "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part")
		}
		c.Close()
	}

	// The server still answers, then stops cleanly.
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get("http://" + addr + "/stop")
	if err != nil {
		t.Fatalf("request after the load: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	client.CloseIdleConnections()
	if string(b) != "bye" {
		t.Errorf("stop answered %q", b)
	}
	if code := <-done; code != 0 {
		t.Errorf("server exited with %d", code)
	}
	if got := <-rest; got != "closed\n" {
		t.Errorf("server printed %q after the port, want %q", got, "closed\n")
	}
}
