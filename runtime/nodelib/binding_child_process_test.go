package nodelib_test

import (
	"flag"
	"testing"
)

var updateChildProcess = flag.Bool("update-child-process", false, "re-record testdata/child_process/*.out with node")

// TestChildProcessSnippets runs each testdata/child_process/*.js (node's own child_process on
// the process_wrap, pipe_wrap and spawn_sync bindings, spawning sh, cat, echo, sleep and node)
// on the real runtime and compares stdout, the exit code and the async resources created
// (PROCESSWRAP, PIPEWRAP, WRITEWRAP, SHUTDOWNWRAP counts) with node v20's (go test -run
// TestChildProcessSnippets -update-child-process re-records the .out and .records files).
// Children still running when a program ends are killed by the runtime, so no goroutine
// outlives it and every resource is destroyed.
func TestChildProcessSnippets(t *testing.T) {
	runtimeGolden(t, "child_process", *updateChildProcess, "PROCESSWRAP", "PIPEWRAP", "WRITEWRAP", "SHUTDOWNWRAP")
}
