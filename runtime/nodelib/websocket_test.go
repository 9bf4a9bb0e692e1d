package nodelib_test

import (
	"flag"
	"testing"
)

var updateWebSocket = flag.Bool("update-websocket", false, "re-record testdata/websocket/*.out with node --experimental-websocket")

// TestWebSocket runs each testdata/websocket/*.js (the WebSocket global: undici's, over
// nodelib's net and http_parser bindings) against the JS server in testdata/websocket/server.cjs
// (node's http 'upgrade' event and raw frames, on 127.0.0.1 port 0) on the real runtime, and
// compares stdout, the exit code and the async resources created with node v20's, which has
// the same WebSocket behind --experimental-websocket (go test -run TestWebSocket
// -update-websocket re-records the .out and .records files). Every program closes its
// sockets or exits, so no goroutine outlives it and every resource is destroyed.
func TestWebSocket(t *testing.T) {
	if *updateWebSocket {
		t.Setenv("NODE_OPTIONS", "--experimental-websocket")
	}
	runtimeGolden(t, "websocket", *updateWebSocket, "TCPWRAP", "TCPSERVERWRAP", "TCPCONNECTWRAP",
		"WRITEWRAP", "SHUTDOWNWRAP", "HTTPINCOMINGMESSAGE")
}
