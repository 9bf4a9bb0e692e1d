package nodelib

import (
	"time"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/pool"
)

// Host is what Node's C++ bindings need from the runtime that embeds
// nodelib: the worker pool and the event loop. The runtime implements it;
// every method is called on the loop goroutine.
type Host interface {
	// QueueWork runs w.Run on the worker pool as one async resource (an
	// FSREQCALLBACK, PBKDF2REQUEST, ...), then w.Done on the loop goroutine
	// in the poll phase. What Done returns is called inside a callback scope
	// (nextTicks and microtasks run right after it), as Node's MakeCallback.
	QueueWork(w Work)
	// LoopIdleTime is the time the loop has spent waiting in poll since it
	// started: uv_metrics_idle_time, for eventLoopUtilization().
	LoopIdleTime() time.Duration
	// LoopStart is when the event loop started (Node's LOOP_START
	// milestone); the zero time while the main module still runs.
	LoopStart() time.Time
}

// Work is one request for the worker pool.
type Work struct {
	// Type is the async_hooks type of the request, e.g. "FSREQCALLBACK".
	Type string
	Kind pool.Kind
	// Run executes on a worker goroutine. It must not touch goja.
	Run func() any
	// Done runs on the loop goroutine with Run's result (an error value if
	// Run panicked). It returns the JS function to call with its receiver
	// and arguments, or a nil fn to call nothing.
	Done func(result any) (fn goja.Value, this goja.Value, args []goja.Value)
}
