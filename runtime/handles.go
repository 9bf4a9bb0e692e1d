package runtime

import (
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/nodelib"
)

// loopHandle is a long-lived libuv-like handle (an fs watcher, a socket):
// an async resource that keeps the loop alive while referenced and open,
// and whose completions arrive from other goroutines.
type loopHandle struct {
	r       *Runtime
	op      Op
	refed   bool        // loop goroutine only
	closed  atomic.Bool // read by Post on any goroutine
	done    chan struct{}
	release func() // unregisters the shutdown hook
}

// OpenHandle creates a referenced handle of async_hooks type typ. Loop
// goroutine only. A handle still open when the program ends is closed then,
// so its goroutines and file descriptors are released.
func (h nodelibHost) OpenHandle(typ string) nodelib.LoopHandle {
	r := h.r
	id, trigger := r.newAsyncID()
	op := Op{ID: id, Trigger: trigger, Type: typ}
	r.addPending(op, r.traceInit(id, trigger, typ), true)
	lh := &loopHandle{r: r, op: op, refed: true, done: make(chan struct{})}
	r.loop.refs++
	lh.release = h.OnStop(lh.Close)
	return lh
}

// Post runs fn on the loop and calls what it returns as this handle's
// callback, unless the handle has been closed by then. Any goroutine.
func (lh *loopHandle) Post(fn func() (goja.Value, goja.Value, []goja.Value)) bool {
	if lh.closed.Load() {
		return false
	}
	return lh.r.Post(func() {
		if lh.closed.Load() {
			return
		}
		cb, this, args := fn()
		if cb == nil || goja.IsUndefined(cb) {
			return
		}
		if this == nil {
			this = goja.Undefined()
		}
		lh.r.MakeCallback(lh.op, cb, this, args...)
	})
}

func (lh *loopHandle) Ref() {
	if !lh.refed && !lh.closed.Load() {
		lh.refed = true
		lh.r.loop.refs++
	}
}

func (lh *loopHandle) Unref() {
	if lh.refed && !lh.closed.Load() {
		lh.refed = false
		lh.r.loop.refs--
	}
}

func (lh *loopHandle) HasRef() bool { return lh.refed }

// Close is uv_close: the handle stops keeping the loop alive, pending
// posts are dropped, and Closed is closed. Idempotent.
func (lh *loopHandle) Close() {
	if lh.closed.Swap(true) {
		return
	}
	if lh.refed {
		lh.refed = false
		lh.r.loop.refs--
	}
	close(lh.done)
	lh.r.removePending(lh.op.ID)
	lh.r.traceDestroy(lh.op.ID, lh.op.Type)
	lh.release()
}

func (lh *loopHandle) AsyncID() uint64         { return lh.op.ID }
func (lh *loopHandle) Closed() <-chan struct{} { return lh.done }
func (lh *loopHandle) String() string          { return lh.op.Type }

var _ nodelib.HandleHost = nodelibHost{}
