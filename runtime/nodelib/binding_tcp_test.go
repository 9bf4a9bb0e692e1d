package nodelib_test

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/studiojs/studio/runtime"
)

var updateNet = flag.Bool("update-net", false, "re-record testdata/net/*.out with node")

// TestNetSnippets runs each testdata/net/*.js (dns, net and http on 127.0.0.1 through the
// cares_wrap, tcp_wrap, stream_wrap and http_parser bindings) on the real runtime and compares
// stdout and the exit code with node v20's (go test -run TestNetSnippets -update-net
// re-records the .out files). Every program closes what it opens, so no goroutine outlives it.
func TestNetSnippets(t *testing.T) {
	runtimeGolden(t, "net", *updateNet, "TCPWRAP", "TCPSERVERWRAP", "TCPCONNECTWRAP",
		"WRITEWRAP", "SHUTDOWNWRAP", "HTTPINCOMINGMESSAGE", "HTTPCLIENTREQUEST",
		"GETADDRINFOREQWRAP", "GETNAMEINFOREQWRAP")
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
