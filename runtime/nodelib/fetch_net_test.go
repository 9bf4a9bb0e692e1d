package nodelib_test

import (
	"testing"
)

// TestFetchNet runs each testdata/fetchnet/*.js (global fetch, undici over nodelib's net and
// http_parser bindings, against an http server on 127.0.0.1 port 0) on the real runtime and
// compares stdout and the exit code with node v20's recorded output (`node X.js > X.out`).
// Every program closes its servers, and undici's pooled sockets close with them, so no
// goroutine outlives it.
func TestFetchNet(t *testing.T) {
	runtimeGolden(t, "fetchnet", false)
}
