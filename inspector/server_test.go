package inspector

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/debugger"
)

// syncBuffer is a Console written by the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// startServer runs a server for tgt on a free port until the test ends.
func startServer(t *testing.T, tgt *Target, sessions sessionFunc, console io.Writer) *Server {
	t.Helper()
	srv, err := Listen(tgt, ServerOptions{Addr: "127.0.0.1:0", Console: console})
	if err != nil {
		t.Fatal(err)
	}
	if sessions != nil {
		srv.sessions = sessions
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return srv
}

// checkLeaks fails the test if goroutines it started outlive it (checked
// after every cleanup, servers included).
func checkLeaks(t *testing.T) {
	opt := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, opt) })
}

// testTarget is a target with a debugger and no program: enough for the
// transport (sessions subscribe to the debugger).
func testTarget() *Target { return NewTarget("/project/x.js", debugger.New(debugger.Options{})) }

// rawGet sends one HTTP request as bytes (so that Host can be absent) and
// returns the status code and body.
func rawGet(t *testing.T, addr, request string) (int, http.Header, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("reading the answer to %q: %v", request, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// TestDiscoveryLikeNode compares /json, /json/list and /json/version with
// node 20's answers, recorded in testdata/node20, byte for byte.
func TestDiscoveryLikeNode(t *testing.T) {
	checkLeaks(t)
	tgt := testTarget()
	// The recorded target's identity: node titles the target with the
	// script as typed (cmd/studio does the same).
	tgt.ID, tgt.Title, tgt.URL = "8d1e3d73-43ab-4c2b-983a-69bc8f040b49", "x.js", "file:///tmp/nodeprobe/x.js"
	srv := startServer(t, tgt, nil, nil)
	addr := srv.Addr().String()
	cases := map[string]struct{ path, host, golden string }{
		"/json":               {"/json", "127.0.0.1:9400", "json-list"},
		"/json/list":          {"/json/list", "127.0.0.1:9400", "json-list"},
		"/json/ (node: list)": {"/json/", "127.0.0.1:9400", "json-list"},
		"/JSON/LIST any case": {"/JSON/LIST", "127.0.0.1:9400", "json-list"},
		"Host: localhost":     {"/json/list", "localhost", "json-list-localhost"},
		"/json/version":       {"/json/version", "127.0.0.1:9400", "json-version"},
	}
	for name, c := range cases {
		want, err := os.ReadFile("testdata/node20/" + c.golden)
		if err != nil {
			t.Fatal(err)
		}
		code, h, body := rawGet(t, addr, "GET "+c.path+" HTTP/1.1\r\nHost: "+c.host+"\r\n\r\n")
		if code != 200 || body != string(want) {
			t.Errorf("%s: %d\n%s\nwant 200\n%s", name, code, body, want)
		}
		if h.Get("Content-Type") != "application/json; charset=UTF-8" || h.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: headers %v", name, h)
		}
	}
	var version map[string]any
	_, _, body := rawGet(t, addr, "GET /json/version HTTP/1.1\r\nHost: localhost\r\n\r\n")
	if err := json.Unmarshal([]byte(body), &version); err != nil {
		t.Fatal(err)
	}
	if _, ok := version["webSocketDebuggerUrl"]; ok {
		t.Error("/json/version carries webSocketDebuggerUrl: js-debug would not use /json/list")
	}
}

// TestDiscoveryWithoutHost: an HTTP/1.0 request may omit Host; the URLs
// then use the address the client reached.
func TestDiscoveryWithoutHost(t *testing.T) {
	checkLeaks(t)
	tgt := testTarget()
	srv := startServer(t, tgt, nil, nil)
	addr := srv.Addr().String()
	code, _, body := rawGet(t, addr, "GET /json HTTP/1.0\r\n\r\n")
	var list []map[string]string
	if err := json.Unmarshal([]byte(body), &list); code != 200 || err != nil || len(list) != 1 {
		t.Fatalf("GET /json without Host: %d %q (%v)", code, body, err)
	}
	if want := "ws://" + addr + "/" + tgt.ID; list[0]["webSocketDebuggerUrl"] != want {
		t.Errorf("webSocketDebuggerUrl = %q, want %q", list[0]["webSocketDebuggerUrl"], want)
	}
	if list[0]["title"] != "/project/x.js" || list[0]["url"] != "file:///project/x.js" || list[0]["type"] != "node" {
		t.Errorf("entry %v", list[0])
	}
}

// TestBadRequests: every other path, a WebSocket to another id and a
// non-GET get node's 400.
func TestBadRequests(t *testing.T) {
	checkLeaks(t)
	tgt := testTarget()
	srv := startServer(t, tgt, nil, nil)
	addr := srv.Addr().String()
	upgrade := "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
	cases := map[string]string{
		"root":              "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"unknown":           "GET /foo HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"json with a query": "GET /json?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"json/listx":        "GET /json/listx HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"json/new":          "GET /json/new HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"target without ws": "GET /" + tgt.ID + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"POST /json":        "POST /json HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n",
		"ws to another id":  "GET /00000000-0000-0000-0000-000000000000 HTTP/1.1\r\nHost: localhost\r\n" + upgrade + "\r\n",
		"ws to /json":       "GET /json HTTP/1.1\r\nHost: localhost\r\n" + upgrade + "\r\n",
		"ws with a query":   "GET /" + tgt.ID + "?x HTTP/1.1\r\nHost: localhost\r\n" + upgrade + "\r\n",
	}
	for name, req := range cases {
		code, h, body := rawGet(t, addr, req)
		if code != 400 || body != "WebSockets request was expected\r\n" || h.Get("Content-Type") != "text/html; charset=UTF-8" {
			t.Errorf("%s: %d %q %v, want node's 400", name, code, body, h)
		}
	}
}

// TestHostHeader is the table: node 20's answers to the Host
// header on discovery and on the WebSocket upgrade.
func TestHostHeader(t *testing.T) {
	checkLeaks(t)
	tgt := testTarget()
	srv := startServer(t, tgt, nil, nil)
	addr := srv.Addr().String()
	cases := []struct {
		host string // "" sends none (HTTP/1.0, where Host is optional)
		want int
	}{
		{"", 200},
		{"localhost", 200},
		{"LOCALHOST", 200},
		{"127.0.0.1:9229", 200},
		{"[::1]", 200},
		{"10.1.2.3", 200},
		{"evil.example", 400},
		{"localhost.evil.example", 400},
		{"localhost6", 400},
		{"127.0.0.1.nip.io", 400},
	}
	key := make([]byte, 16)
	for _, c := range cases {
		hostLine, proto := "Host: "+c.host+"\r\n", "HTTP/1.1"
		if c.host == "" {
			hostLine, proto = "", "HTTP/1.0"
		}
		if code, _, _ := rawGet(t, addr, "GET /json/version "+proto+"\r\n"+hostLine+"\r\n"); code != c.want {
			t.Errorf("discovery, Host %q: %d, want %d", c.host, code, c.want)
		}
		_, _ = rand.Read(key)
		ws := "GET /" + tgt.ID + " " + proto + "\r\n" + hostLine +
			"Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + base64.StdEncoding.EncodeToString(key) + "\r\n\r\n"
		wantWS := c.want
		if wantWS == 200 {
			wantWS = http.StatusSwitchingProtocols
		}
		if code, _, _ := rawGet(t, addr, ws); code != wantWS {
			t.Errorf("WebSocket, Host %q: %d, want %d", c.host, code, wantWS)
		}
	}
}

// TestAllowedHost holds the finer cases, each measured against node 20.
func TestAllowedHost(t *testing.T) {
	cases := map[string]bool{
		"":                   true,
		"LocalHost:80":       true,
		"localhost:":         true,
		"localhost:99999":    true,
		":80":                true,
		"[::1]:9229":         true,
		"[::ffff:127.0.0.1]": true,
		"[1:2:3:4:5:6:7:8]":  true,
		"[fe80::1]:x":        true,
		"127.0.0.1:":         true,
		"1.2.3.4:abc":        true,
		"127.0.0.1:9229/x":   true,
		"localhost.":         false,
		"localhost:9229:1":   false,
		"0.0.0.0":            false,
		"0.1.2.3":            false,
		"[::]":               false,
		"01.2.3.4":           false,
		"127.1":              false,
		"0x7f.0.0.1":         false,
		"256.0.0.1":          false,
		"::1":                false,
		"[::1%eth0]":         false,
		"[::1]]":             false,
		"[::1":               false,
		"[1.2.3.4]":          false,
		"1.2.3.4:abc:def":    false,
		"ab":                 false,
		"1.2.3.4\x00":        false,
	}
	for host, want := range cases {
		if got := allowedHost(host); got != want {
			t.Errorf("allowedHost(%q) = %v, want %v", host, got, want)
		}
	}
}

// wsConn is a minimal WebSocket client that shows frames as they are on
// the wire (gorilla's reader would join fragments).
type wsConn struct {
	c net.Conn
	r *bufio.Reader
}

func dialRaw(t *testing.T, addr, path string, extra string) *wsConn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n%s\r\n", path, addr, extra)
	r := bufio.NewReader(c)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("upgrade: %s", resp.Status)
	}
	return &wsConn{c: c, r: r}
}

// send writes one masked text frame (opcode 1) or another opcode.
func (w *wsConn) sendOp(t *testing.T, op byte, payload []byte) {
	t.Helper()
	hdr := []byte{0x80 | op}
	switch n := len(payload); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n < 1<<16:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = binary.BigEndian.AppendUint64(append(hdr, 0x80|127), uint64(n))
	}
	mask := []byte{1, 2, 3, 4}
	body := make([]byte, len(payload))
	for i, b := range payload {
		body[i] = b ^ mask[i%4]
	}
	if _, err := w.c.Write(append(append(hdr, mask...), body...)); err != nil {
		t.Fatal(err)
	}
}

func (w *wsConn) send(t *testing.T, msg string) { w.sendOp(t, 1, []byte(msg)) }

type frame struct {
	fin     bool
	op      byte
	payload []byte
}

func (w *wsConn) readFrame(t *testing.T) frame {
	t.Helper()
	var h [2]byte
	if _, err := io.ReadFull(w.r, h[:]); err != nil {
		t.Fatalf("reading a frame: %v", err)
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var b [2]byte
		_, _ = io.ReadFull(w.r, b[:])
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		_, _ = io.ReadFull(w.r, b[:])
		n = binary.BigEndian.Uint64(b[:])
	}
	if h[1]&0x80 != 0 {
		t.Fatal("server frame is masked")
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(w.r, p); err != nil {
		t.Fatalf("reading a frame's %d bytes: %v", n, err)
	}
	return frame{fin: h[0]&0x80 != 0, op: h[0] & 0x0f, payload: p}
}

// readText reads the next message, which must be one final text frame.
func (w *wsConn) readText(t *testing.T) string {
	t.Helper()
	f := w.readFrame(t)
	if !f.fin || f.op != 1 {
		t.Fatalf("frame fin=%v opcode=%d, want one final text frame", f.fin, f.op)
	}
	return string(f.payload)
}

// TestRoundTrip drives a real Session over a WebSocket: the replies are
// node's bytes, runIfWaitingForDebugger releases the wait gate, an
// unknown method is -32601, a malformed message is answered and the
// connection goes on, DevTools' Origin is accepted.
func TestRoundTrip(t *testing.T) {
	checkLeaks(t)
	tgt := testTarget()
	console := &syncBuffer{}
	srv := startServer(t, tgt, nil, console)
	addr := srv.Addr().String()
	released := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		released <- tgt.WaitForDebugger(ctx)
	}()
	ws := dialRaw(t, addr, "/"+tgt.ID, "Origin: http://127.0.0.1:9222\r\n")
	ws.send(t, `{"id":1,"method":"Foo.bar"}`)
	ws.send(t, `not json`)
	ws.send(t, `{"id":2,"method":"Runtime.runIfWaitingForDebugger","params":{}}`)
	// The parse error is answered as its frame is read, maybe ahead of
	// the reply to the request before it; replies keep their order.
	got := []string{ws.readText(t), ws.readText(t), ws.readText(t)}
	parseErr := `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`
	var replies []string
	for _, g := range got {
		if g != parseErr {
			replies = append(replies, g)
		}
	}
	want := []string{`{"id":1,"error":{"code":-32601,"message":"'Foo.bar' wasn't found"}}`, `{"id":2,"result":{}}`}
	if len(replies) != 2 || replies[0] != want[0] || replies[1] != want[1] {
		t.Errorf("got %q, want the parse error and %q", got, want)
	}
	if err := <-released; err != nil {
		t.Fatalf("WaitForDebugger: %v", err)
	}
	ws.c.Close()
	waitAttached(t, srv, 0)
	url := srv.URL()
	wantConsole := "Debugger listening on " + url + "\nFor help, see: https://nodejs.org/en/docs/inspector\n" +
		"Debugger attached.\n" +
		"Debugger ending on " + url + "\nFor help, see: https://nodejs.org/en/docs/inspector\n"
	if got := console.String(); got != wantConsole {
		t.Errorf("console:\n%s\nwant\n%s", got, wantConsole)
	}
}

func waitAttached(t *testing.T, srv *Server, n int) {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		srv.mu.Lock()
		got, changed := srv.attached, srv.changed
		srv.mu.Unlock()
		if got == n {
			return
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("%d clients attached, want %d", got, n)
		}
	}
}

// TestFraming: a 1 MiB reply is one final text frame with no newline;
// results never read "result": null.
func TestFraming(t *testing.T) {
	checkLeaks(t)
	sessions, _ := stubSessions()
	srv := startServer(t, testTarget(), sessions, nil)
	ws := dialRaw(t, srv.Addr().String(), "/"+srv.t.ID, "")
	ws.send(t, `{"id":1,"method":"Echo.big","params":{"n":1048576}}`)
	got := ws.readText(t)
	if want := `{"id":1,"result":{"s":"` + strings.Repeat("x", 1<<20) + `"}}`; got != want {
		t.Errorf("1 MiB reply: %d bytes, ends %q; want %d bytes", len(got), got[max(0, len(got)-20):], len(want))
	}
	ws.send(t, `{"id":2,"method":"Echo.nil"}`)
	ws.send(t, `{"id":3,"method":"Echo.null"}`)
	ws.send(t, `{"id":4,"method":"Echo.error"}`)
	ws.send(t, `{"id":5,"method":"Echo.invalid"}`)
	ws.send(t, `{"id":6,"method":"Echo.panic"}`)
	ws.send(t, `{"id":-7,"method":"Echo.params","params":{"a":[1]}}`)
	for _, want := range []string{
		`{"id":2,"result":{}}`,
		`{"id":3,"result":{}}`,
		`{"id":4,"error":{"code":-32000,"message":"Could not find object with given id"}}`,
		`{"id":5,"error":{"code":-32602,"message":"Invalid parameters","data":"invalid params: expression: missing"}}`,
		`{"id":6,"error":{"code":-32000,"message":"Internal error handling 'Echo.panic'"}}`,
		`{"id":-7,"result":{"a":[1]}}`,
	} {
		if got := ws.readText(t); got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

// TestPipelinedInOrder: requests sent without waiting are answered in
// order, and a handler's events come before its reply.
func TestPipelinedInOrder(t *testing.T) {
	checkLeaks(t)
	sessions, _ := stubSessions()
	srv := startServer(t, testTarget(), sessions, nil)
	ws := dialRaw(t, srv.Addr().String(), "/"+srv.t.ID, "")
	var batch bytes.Buffer
	for i := 1; i <= 100; i++ {
		method := "Echo.params"
		if i%10 == 0 {
			method = "Echo.emit"
		}
		batch.Reset()
		fmt.Fprintf(&batch, `{"id":%d,"method":%q,"params":{"n":3}}`, i, method)
		ws.send(t, batch.String())
	}
	for i := 1; i <= 100; i++ {
		if i%10 == 0 {
			for j := range 3 {
				if got, want := ws.readText(t), fmt.Sprintf(`{"method":"Echo.event","params":{"i":%d}}`, j); got != want {
					t.Fatalf("event: got %s, want %s", got, want)
				}
			}
		}
		got := ws.readText(t)
		if want := fmt.Sprintf(`{"id":%d,"result":`, i); !strings.HasPrefix(got, want) {
			t.Fatalf("reply %d: got %s", i, got)
		}
	}
}

// TestBadFrames: an oversized frame closes with 1009, a binary one with
// 1003, before any payload is read.
func TestBadFrames(t *testing.T) {
	checkLeaks(t)
	sessions, _ := stubSessions()
	srv := startServer(t, testTarget(), sessions, nil)
	addr := srv.Addr().String()

	ws := dialRaw(t, addr, "/"+srv.t.ID, "")
	hdr := binary.BigEndian.AppendUint64([]byte{0x81, 0x80 | 127}, MaxMessage+1)
	if _, err := ws.c.Write(append(hdr, 1, 2, 3, 4)); err != nil {
		t.Fatal(err)
	}
	if f := ws.readFrame(t); f.op != 8 || len(f.payload) < 2 || binary.BigEndian.Uint16(f.payload) != 1009 {
		t.Errorf("oversized frame: got opcode %d payload %q, want close 1009", f.op, f.payload)
	}

	ws = dialRaw(t, addr, "/"+srv.t.ID, "")
	ws.sendOp(t, 2, []byte(`{"id":1,"method":"Echo.nil"}`))
	if f := ws.readFrame(t); f.op != 8 || len(f.payload) < 2 || binary.BigEndian.Uint16(f.payload) != 1003 {
		t.Errorf("binary frame: got opcode %d payload %q, want close 1003", f.op, f.payload)
	}
	waitAttached(t, srv, 0)
}

// TestSlowClient: a client that never reads is disconnected once its queue
// is full; the code emitting events never blocks.
func TestSlowClient(t *testing.T) {
	checkLeaks(t)
	sessions, made := stubSessions()
	srv := startServer(t, testTarget(), sessions, nil)
	dialRaw(t, srv.Addr().String(), "/"+srv.t.ID, "") // and never read
	sess := <-made
	big := strings.Repeat("y", 4096)
	for range outQueue * 2 { // far more than the socket buffers hold
		sess.notify("Echo.event", map[string]string{"s": big})
	}
	select {
	case <-sess.closed:
	case <-time.After(time.Minute):
		t.Fatal("the session of a client that does not read was not closed")
	}
	waitAttached(t, srv, 0)
}

// TestSeveralClients: node accepts several clients at once, each with its
// own session.
func TestSeveralClients(t *testing.T) {
	checkLeaks(t)
	sessions, made := stubSessions()
	srv := startServer(t, testTarget(), sessions, nil)
	a := dialRaw(t, srv.Addr().String(), "/"+srv.t.ID, "")
	b := dialRaw(t, srv.Addr().String(), "/"+srv.t.ID, "")
	sa, sb := <-made, <-made
	if sa == sb {
		t.Fatal("two clients share a session")
	}
	a.send(t, `{"id":1,"method":"Echo.params","params":{"c":"a"}}`)
	b.send(t, `{"id":1,"method":"Echo.params","params":{"c":"b"}}`)
	if got := a.readText(t); got != `{"id":1,"result":{"c":"a"}}` {
		t.Errorf("a: %s", got)
	}
	if got := b.readText(t); got != `{"id":1,"result":{"c":"b"}}` {
		t.Errorf("b: %s", got)
	}
	waitAttached(t, srv, 2)
}

// TestWaitForDisconnect: at the program's end with a client attached, node
// prints its line, takes no new clients and waits for the last to go.
func TestWaitForDisconnect(t *testing.T) {
	checkLeaks(t)
	sessions, _ := stubSessions()
	console := &syncBuffer{}
	srv := startServer(t, testTarget(), sessions, console)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := srv.WaitForDisconnect(ctx); err != nil || strings.Contains(console.String(), "Waiting") {
		t.Fatalf("WaitForDisconnect with no client: %v, console %q", err, console.String())
	}
	c, err := Dial(ctx, srv.URL(), ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	waitAttached(t, srv, 1)
	done := make(chan error, 1)
	go func() { done <- srv.WaitForDisconnect(ctx) }()
	// The listener closes: a new client cannot connect.
	for {
		conn, err := net.Dial("tcp", srv.Addr().String())
		if err != nil {
			break
		}
		conn.Close()
		select {
		case err := <-done:
			t.Fatalf("WaitForDisconnect returned %v with a client attached", err)
		default:
		}
		runtime.Gosched()
	}
	if err := c.Call(ctx, "Echo.nil", nil, nil); err != nil {
		t.Errorf("the attached client stops working: %v", err)
	}
	c.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := console.String(); !strings.HasSuffix(got, "Debugger attached.\nWaiting for the debugger to disconnect...\n") {
		t.Errorf("console:\n%s", got)
	}
}

func TestListenErrors(t *testing.T) {
	srv := startServer(t, testTarget(), nil, nil)
	if _, err := Listen(testTarget(), ServerOptions{Addr: srv.Addr().String()}); err == nil {
		t.Error("Listen on a busy port succeeded")
	}
	if _, err := Listen(testTarget(), ServerOptions{Addr: "no-port"}); err == nil {
		t.Error("Listen without a port succeeded")
	}
}
