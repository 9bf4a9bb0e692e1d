package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/protobuf/proto"
)

// otlpProgram serves one request it makes to itself and exits 3: the
// program's exit code must survive the export, failed or not.
const otlpProgram = `const http = require('http');
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/x' }, (r) => {
    r.resume();
    r.on('end', () => { server.close(); process.exitCode = 3; });
  });
});
`

// TestOTLPFlag: --otlp exports the program's spans to the endpoint under
// the script's name; a malformed endpoint is refused before the program
// runs; an unreachable one gives one message at exit and keeps the
// program's exit code.
func TestOTLPFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "svc.js")
	if err := os.WriteFile(file, []byte(otlpProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var names []string
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var req coltracepb.ExportTraceServiceRequest
		if err := proto.Unmarshal(b, &req); err != nil {
			t.Errorf("export body: %v", err)
		}
		mu.Lock()
		for _, rs := range req.ResourceSpans {
			for _, kv := range rs.Resource.GetAttributes() {
				if kv.Key == "service.name" {
					for _, ss := range rs.ScopeSpans {
						for _, s := range ss.Spans {
							names = append(names, kv.Value.GetStringValue()+" "+s.Kind.String())
						}
					}
				}
			}
		}
		mu.Unlock()
	}))
	defer collector.Close()

	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", "--otlp=" + collector.URL, file}, &stdout, &stderr); code != 3 || stderr.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	mu.Lock()
	got := strings.Join(names, ", ")
	mu.Unlock()
	if strings.Count(got, "svc SPAN_KIND_SERVER") != 1 || strings.Count(got, "svc SPAN_KIND_CLIENT") != 1 {
		t.Errorf("exported spans: %s", got)
	}

	stderr.Reset()
	if code := run([]string{"run", "--otlp=127.0.0.1:4318", file}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "http:// or https:// URL") {
		t.Errorf("a malformed endpoint: exit %d, %q", code, stderr.String())
	}

	// A port nothing listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + l.Addr().String()
	_ = l.Close()
	stderr.Reset()
	if code := run([]string{"run", "--otlp=" + dead, file}, &stdout, &stderr); code != 3 ||
		!strings.Contains(stderr.String(), "exporting spans to "+dead+"/v1/traces") || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("an unreachable endpoint: exit %d, %q", code, stderr.String())
	}
}
