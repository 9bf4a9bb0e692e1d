package nodelib_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

var updateNet = flag.Bool("update-net", false, "re-record testdata/net/*.out with node")

// TestNetSnippets runs each testdata/net/*.js (dns, net and http on 127.0.0.1 through the
// cares_wrap, tcp_wrap, stream_wrap and http_parser bindings) on the real runtime and compares
// stdout and the exit code with node v20's (go test -run TestNetSnippets -update-net
// re-records the .out files). Every program closes what it opens, so no goroutine outlives it.
func TestNetSnippets(t *testing.T) {
	defer goleak.VerifyNone(t)
	files, err := filepath.Glob(filepath.Join("testdata", "net", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/net/*.js")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(abs, ".js") + ".out"
			if *updateNet {
				out, err := exec.Command("node", "-r", "./testdata/net/records.cjs", abs).Output()
				if err != nil {
					t.Fatalf("running node: %v", err)
				}
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			records, err := os.ReadFile(strings.TrimSuffix(abs, ".js") + ".records")
			if err != nil {
				t.Fatal(err)
			}
			rec := trace.NewRecorder()
			sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 20})
			defer sub.Close()
			var stdout, stderr bytes.Buffer
			rt, err := runtime.New(runtime.Options{Main: abs, Cwd: filepath.Dir(abs), Stdout: &stdout, Stderr: &stderr, Recorder: rec})
			if err != nil {
				t.Fatal(err)
			}
			// A bound on a hung program, not a wait: every case finishes in well under a second.
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			code, err := rt.Run(ctx)
			if err != nil || code != 0 {
				t.Errorf("exit code %d, error %v\nstderr:\n%s", code, err, stderr.String())
			}
			if got := stdout.String(); got != string(want) {
				t.Errorf("stdout differs from node\nwant:\n%s\ngot:\n%s\nstderr:\n%s", want, got, stderr.String())
			}
			if got := netRecords(t, sub); got != string(records) {
				t.Errorf("async resources created differ from node's\nnode:\n%sgot:\n%s", records, got)
			}
		})
	}
}

// netRecords counts the init records of the network types (as records.cjs does in node) and
// checks that each of those resources was destroyed by the time the program ended.
func netRecords(t *testing.T, sub *trace.Subscription) string {
	t.Helper()
	if n := sub.Dropped(); n > 0 {
		t.Fatalf("%d trace events dropped", n)
	}
	types := map[string]bool{"TCPWRAP": true, "TCPSERVERWRAP": true, "TCPCONNECTWRAP": true,
		"WRITEWRAP": true, "SHUTDOWNWRAP": true, "HTTPINCOMINGMESSAGE": true,
		"HTTPCLIENTREQUEST": true, "GETADDRINFOREQWRAP": true, "GETNAMEINFOREQWRAP": true}
	counts := map[string]int{}
	live := map[uint64]string{}
	for {
		select {
		case e := <-sub.Events():
			if !types[e.Type] {
				continue
			}
			switch e.Kind {
			case trace.KindInit:
				counts[e.Type]++
				live[e.Op] = e.Type
			case trace.KindDestroy:
				delete(live, e.Op)
			}
			continue
		default:
		}
		break
	}
	for id, typ := range live {
		t.Errorf("%s %d was never destroyed", typ, id)
	}
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, "%s %d\n", k, counts[k])
	}
	return b.String()
}

// benchHTTP makes process.argv[2] sequential keep-alive requests to its own server.
const benchHTTP = `
const http = require('http');
const n = Number(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => {
  let left = n;
  const next = () => {
    if (left-- === 0) { agent.destroy(); server.close(); return; }
    http.get({ host: '127.0.0.1', port: server.address().port, agent }, (res) => {
      res.resume();
      res.on('end', next);
    });
  };
  next();
});
`

// BenchmarkHTTPKeepAliveRequest is one request and response over a kept-alive socket: node's
// http client and server, the Go HTTP parser, and two loop round trips per direction.
func BenchmarkHTTPKeepAliveRequest(b *testing.B) {
	dir := b.TempDir()
	main := filepath.Join(dir, "bench.js")
	if err := os.WriteFile(main, []byte(benchHTTP), 0o644); err != nil {
		b.Fatal(err)
	}
	var stderr bytes.Buffer
	rt, err := runtime.New(runtime.Options{Main: main, Cwd: dir, Args: []string{strconv.Itoa(b.N)}, Stdout: io.Discard, Stderr: &stderr})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	code, err := rt.Run(context.Background())
	if err != nil || code != 0 {
		b.Fatalf("exit code %d, error %v\n%s", code, err, stderr.String())
	}
}
