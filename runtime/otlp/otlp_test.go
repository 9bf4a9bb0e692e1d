package otlp

import (
	"bufio"
	"context"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"go.uber.org/goleak"
	"google.golang.org/protobuf/proto"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

// span is one exported span as the collector decoded it.
type span struct {
	service string
	*tracepb.Span
}

func (s span) attr(key string) any {
	for _, kv := range s.Attributes {
		if kv.Key == key {
			switch v := kv.Value.Value.(type) {
			case *commonpb.AnyValue_StringValue:
				return v.StringValue
			case *commonpb.AnyValue_IntValue:
				return v.IntValue
			}
		}
	}
	return nil
}

// collector is an OTLP/HTTP receiver: it decodes each export's protobuf
// body as a collector does.
type collector struct {
	mu    sync.Mutex
	spans []span
	srv   *httptest.Server
}

func newCollector(t *testing.T) *collector {
	c := &collector{}
	c.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		var req coltracepb.ExportTraceServiceRequest
		if err == nil {
			err = proto.Unmarshal(body, &req)
		}
		if err != nil || r.URL.Path != "/v1/traces" || r.Header.Get("Content-Type") != "application/x-protobuf" {
			t.Errorf("bad export to %s (%s): %v", r.URL.Path, r.Header.Get("Content-Type"), err)
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		c.mu.Lock()
		for _, rs := range req.ResourceSpans {
			service := ""
			for _, kv := range rs.Resource.GetAttributes() {
				if kv.Key == "service.name" {
					service = kv.Value.GetStringValue()
				}
			}
			for _, ss := range rs.ScopeSpans {
				for _, s := range ss.Spans {
					c.spans = append(c.spans, span{service, s})
				}
			}
		}
		c.mu.Unlock()
		out, _ := proto.Marshal(&coltracepb.ExportTraceServiceResponse{})
		w.Header().Set("Content-Type", "application/x-protobuf")
		_, _ = w.Write(out)
	}))
	t.Cleanup(c.srv.Close)
	return c
}

func (c *collector) find(t *testing.T, service string, kind tracepb.Span_SpanKind) span {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	var found []span
	for _, s := range c.spans {
		if s.service == service && s.Kind == kind {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d %s spans of %s, want 1 (all: %v)", len(found), kind, service, c.spans)
	}
	return found[0]
}

// lines is a program's stdout, line by line.
type lines struct {
	w  *io.PipeWriter
	ch chan string
}

func newLines() *lines {
	r, w := io.Pipe()
	l := &lines{w: w, ch: make(chan string, 16)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			l.ch <- sc.Text()
		}
		_, _ = io.Copy(io.Discard, r)
		close(l.ch)
	}()
	return l
}

// service is one program run on a Studio runtime, exporting its spans.
type service struct {
	out  *lines
	done chan int
	exp  *Exporter
	stop func() error
}

func startService(t *testing.T, name, src, endpoint string, args ...string) *service {
	t.Helper()
	file := filepath.Join(t.TempDir(), name+".js")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := trace.NewRecorder()
	exp, err := New(Options{Endpoint: endpoint, ServiceName: name}, rec)
	if err != nil {
		t.Fatal(err)
	}
	sub := Subscribe(rec)
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan uint64, 1)
	go func() { ran <- exp.Run(ctx, sub) }()
	s := &service{out: newLines(), done: make(chan int, 1), exp: exp}
	var errBuf strings.Builder
	rt, err := runtime.New(runtime.Options{Main: file, Args: args, Stdout: s.out.w, Stderr: &errBuf, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		code, err := rt.Run(context.Background())
		if err != nil || code != 0 {
			t.Errorf("%s: exit %d %v: %s", name, code, err, errBuf.String())
		}
		_ = s.out.w.Close()
		s.done <- code
	}()
	s.stop = func() error {
		<-s.done
		cancel()
		if n := <-ran; n != 0 {
			t.Errorf("%s: %d records dropped", name, n)
		}
		sub.Close()
		sctx, scancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer scancel()
		return exp.Shutdown(sctx)
	}
	return s
}

// port reads the port a program printed when it listened.
func (s *service) port(t *testing.T) int {
	t.Helper()
	line, ok := <-s.out.ch
	p, err := strconv.Atoi(line)
	if !ok || err != nil {
		t.Fatalf("no port printed: %q", line)
	}
	return p
}

// serviceA answers a request by calling service B (its port is argv[2])
// with get, a JavaScript function (path, done(body)) over one of the
// clients; both run on Studio, export to one collector, and the trace goes
// through both.
func serviceA(get string) string {
	return `const http = require('http');
const get = ` + get + `;
const server = http.createServer((req, res) => {
  get('/b?x=1', (body) => {
    res.statusCode = 202;
    res.end(body);
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`
}

// How service A calls B: http.get, http.request with headers given as a
// raw array, and fetch (undici).
const (
	readBody = `(r, done) => { let body = ''; r.setEncoding('utf8'); r.on('data', (d) => { body += d; }); r.on('end', () => done(body)); }`
	getHTTP  = `(path, done) => http.get({ host: '127.0.0.1', port: Number(process.argv[2]), path }, (r) => (` + readBody + `)(r, done))`
	getArray = `(path, done) => http.request({ host: '127.0.0.1', port: Number(process.argv[2]), path,
    headers: ['Host', '127.0.0.1:' + process.argv[2], 'X-From', 'a'] }, (r) => (` + readBody + `)(r, done)).end()`
	getFetch = `(path, done) => fetch('http://127.0.0.1:' + process.argv[2] + path).then((r) => r.text()).then(done)`
)

const serviceB = `const http = require('http');
const fs = require('fs');
const server = http.createServer((req, res) => {
  fs.readFile(__filename, () => {
    fs.statSync(__filename);
    res.statusCode = 201;
    res.end(req.headers.traceparent || 'none');
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`

func TestTwoServices(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	for _, tc := range []struct {
		name    string
		inbound string // the traceparent the test's request carries
		a       string // service A's program
	}{
		{"root", "", serviceA(getHTTP)},
		{"remote parent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", serviceA(getHTTP)},
		{"fetch", "", serviceA(getFetch)},
		{"array headers", "", serviceA(getArray)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCollector(t)
			b := startService(t, "b", serviceB, c.srv.URL)
			bPort := b.port(t)
			a := startService(t, "a", tc.a, c.srv.URL+"/", strconv.Itoa(bPort))
			aPort := a.port(t)

			req, _ := http.NewRequest("GET", "http://127.0.0.1:"+strconv.Itoa(aPort)+"/a", nil)
			if tc.inbound != "" {
				req.Header.Set("traceparent", tc.inbound)
			}
			// A guard against a hang (a service that never answers), not a speed check.
			client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableKeepAlives: true}}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != 202 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if err := errors.Join(a.stop(), b.stop()); err != nil {
				t.Fatal(err)
			}

			aServer := c.find(t, "a", tracepb.Span_SPAN_KIND_SERVER)
			aClient := c.find(t, "a", tracepb.Span_SPAN_KIND_CLIENT)
			bServer := c.find(t, "b", tracepb.Span_SPAN_KIND_SERVER)

			// One trace, A's server span <- A's client span <- B's server span.
			tid := aServer.TraceId
			if hex.EncodeToString(aClient.TraceId) != hex.EncodeToString(tid) || hex.EncodeToString(bServer.TraceId) != hex.EncodeToString(tid) {
				t.Errorf("trace ids differ: %x %x %x", tid, aClient.TraceId, bServer.TraceId)
			}
			if hex.EncodeToString(aClient.ParentSpanId) != hex.EncodeToString(aServer.SpanId) {
				t.Errorf("A's client span's parent is %x, want A's server span %x", aClient.ParentSpanId, aServer.SpanId)
			}
			if hex.EncodeToString(bServer.ParentSpanId) != hex.EncodeToString(aClient.SpanId) {
				t.Errorf("B's server span's parent is %x, want A's client span %x", bServer.ParentSpanId, aClient.SpanId)
			}
			if tc.inbound == "" {
				if len(aServer.ParentSpanId) != 0 {
					t.Errorf("A's server span has parent %x, want none", aServer.ParentSpanId)
				}
			} else {
				parts := strings.Split(tc.inbound, "-")
				if hex.EncodeToString(tid) != parts[1] || hex.EncodeToString(aServer.ParentSpanId) != parts[2] {
					t.Errorf("A's server span is %x/parent %x, want the inbound %s", tid, aServer.ParentSpanId, tc.inbound)
				}
			}

			// B received A's client span as its traceparent (and echoed it).
			want := "00-" + hex.EncodeToString(tid) + "-" + hex.EncodeToString(aClient.SpanId) + "-01"
			if string(got) != want {
				t.Errorf("B received traceparent %q, want %q", got, want)
			}

			for _, check := range []struct {
				span span
				key  string
				want any
			}{
				{aServer, "http.request.method", "GET"},
				{aServer, "url.path", "/a"},
				{aServer, "server.address", "127.0.0.1"},
				{aServer, "server.port", int64(aPort)},
				{aServer, "http.response.status_code", int64(202)},
				{aClient, "http.request.method", "GET"},
				{aClient, "server.address", "127.0.0.1"},
				{aClient, "server.port", int64(bPort)},
				{aClient, "url.path", "/b"},
				{aClient, "url.query", "x=1"},
				{aClient, "url.full", "http://127.0.0.1:" + strconv.Itoa(bPort) + "/b?x=1"},
				{aClient, "http.response.status_code", int64(201)},
				{bServer, "http.request.method", "GET"},
				{bServer, "url.path", "/b"},
				{bServer, "server.address", "127.0.0.1"},
				{bServer, "server.port", int64(bPort)},
				{bServer, "url.query", "x=1"},
				{bServer, "http.response.status_code", int64(201)},
			} {
				if got := check.span.attr(check.key); got != check.want {
					t.Errorf("%s span %s: %s = %v, want %v", check.span.service, check.span.Kind, check.key, got, check.want)
				}
			}
			// The I/O each request made is inside its server span: B's
			// readFile (through the pool, at its line) and statSync.
			c.mu.Lock()
			names := map[string]span{}
			for _, s := range c.spans {
				if s.Kind != tracepb.Span_SPAN_KIND_INTERNAL {
					continue
				}
				parent := aServer
				if s.service == "b" {
					parent = bServer
					// readFile's first request (its open) is the one
					// the program's line made; the rest follow on.
					if first, ok := names[s.Name]; !ok || s.StartTimeUnixNano < first.StartTimeUnixNano {
						names[s.Name] = s
					}
				}
				if hex.EncodeToString(s.TraceId) != hex.EncodeToString(tid) || hex.EncodeToString(s.ParentSpanId) != hex.EncodeToString(parent.SpanId) {
					t.Errorf("%s's I/O span %s is %x/parent %x, want in %s's server span %x/%x", s.service, s.Name, s.TraceId, s.ParentSpanId, s.service, tid, parent.SpanId)
				}
			}
			c.mu.Unlock()
			read, ok := names["FSREQCALLBACK"]
			if !ok {
				t.Fatalf("no span for B's readFile among %v", names)
			}
			if f, _ := read.attr("code.file.path").(string); filepath.Base(f) != "b.js" || read.attr("code.line.number") != int64(4) {
				t.Errorf("B's readFile span is at %v:%v, want b.js:4", read.attr("code.file.path"), read.attr("code.line.number"))
			}
			var events []string
			for _, ev := range read.Events {
				events = append(events, ev.Name)
			}
			if strings.Join(events, " ") != "queued started finished callback" {
				t.Errorf("B's readFile span's events: %q", events)
			}
			if _, ok := names["fs.stat"]; !ok {
				t.Errorf("no span for B's statSync among %v", names)
			}

			// Each span lies within its parent.
			for _, pc := range [][2]span{{aServer, aClient}, {aClient, bServer}} {
				p, ch := pc[0], pc[1]
				if ch.StartTimeUnixNano < p.StartTimeUnixNano || ch.EndTimeUnixNano < ch.StartTimeUnixNano {
					t.Errorf("%s %s [%d, %d] not after its parent's start %d", ch.service, ch.Kind, ch.StartTimeUnixNano, ch.EndTimeUnixNano, p.StartTimeUnixNano)
				}
			}
		})
	}
}

// TestNoHeaderWithoutExport: a program observed by everything but an
// exporter (a Chrome trace, the window) sends its requests as node does,
// with no traceparent, and no HTTP record is made.
func TestNoHeaderWithoutExport(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	file := filepath.Join(t.TempDir(), "self.js")
	src := `const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/inner') { res.end(req.headers.traceparent || 'none'); return; }
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/inner' }, (r) => {
    let b = ''; r.on('data', (d) => { b += d; }); r.on('end', () => res.end(b));
  });
});
server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/outer' }, (r) => {
    let b = ''; r.on('data', (d) => { b += d; }); r.on('end', () => { console.log(b); server.close(); });
  });
});
`
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := trace.NewRecorder()
	all := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 16, Batch: true})
	var out, errBuf strings.Builder
	rt, err := runtime.New(runtime.Options{Main: file, Stdout: &out, Stderr: &errBuf, Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	if code, err := rt.Run(context.Background()); err != nil || code != 0 {
		t.Fatalf("exit %d %v: %s", code, err, errBuf.String())
	}
	all.Close()
	if got := strings.TrimSpace(out.String()); got != "none" {
		t.Errorf("the inner request carried traceparent %q", got)
	}
	var inits int
	ended, cancel := context.WithCancel(context.Background())
	cancel() // take what was buffered, then return
	all.Consume(ended, func(e trace.Event) {
		if e.HTTP != nil || e.Kind >= trace.KindHTTPRequest {
			t.Errorf("an HTTP record without an exporter: %+v", e)
		}
		if e.Kind == trace.KindInit && e.Type == "HTTPINCOMINGMESSAGE" {
			inits++
		}
	})
	if inits == 0 {
		t.Error("the subscriber saw no server request at all")
	}
}
