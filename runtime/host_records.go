package runtime

import (
	"time"

	"github.com/studiojs/studio/runtime/nodelib"
	"github.com/studiojs/studio/runtime/trace"
)

// SyncStart serves nodelib.SyncRecorder: the start of a synchronous call
// on the loop goroutine, or 0 when nobody observes (one atomic load).
func (h nodelibHost) SyncStart() int64 {
	if !recording || !h.r.rec.Wants(trace.InterestIO) {
		return 0
	}
	return max(h.r.rec.Now(), 1)
}

// SyncEnd records a synchronous call as a trace.KindSync: what was
// running (executionAsyncId) and, for subscribers that want stacks, where
// the program called it.
func (h nodelibHost) SyncEnd(start int64, name, errCode string) {
	r := h.r
	if !recording || !r.rec.Wants(trace.InterestIO) {
		return
	}
	r.showPhase()
	now := r.rec.Now()
	ev := trace.Event{Kind: trace.KindSync, Time: now, Trigger: r.ids.exec, Type: name, Phase: r.loop.phase, Duration: time.Duration(now - start), Err: errCode}
	if r.http.cur != nil {
		ev.HTTP = r.httpOwner(r.ids.exec)
	}
	if r.rec.WantStacks() {
		ev.Stack = r.asyncStack(r.captureStack())
	}
	r.rec.Emit(ev)
}

var _ nodelib.SyncRecorder = nodelibHost{}

// InScope serves nodelib.ScopeHost: fn runs as resource id, nested in
// the running callback, without draining the task queues.
func (h nodelibHost) InScope(id, trigger uint64, typ string, fn func()) {
	r := h.r
	prev := r.ids
	r.ids.exec, r.ids.trigger = id, trigger
	active := r.tracingOp(typ)
	var t0 int64
	if active {
		r.showPhase()
		t0 = r.rec.Now()
		r.rec.Emit(trace.Event{Kind: trace.KindBefore, Time: t0, Op: id, Trigger: trigger, Type: typ, Phase: r.loop.phase})
	}
	defer func() {
		r.ids.exec, r.ids.trigger = prev.exec, prev.trigger
		if active {
			t1 := r.rec.Now()
			r.rec.Emit(trace.Event{Kind: trace.KindAfter, Time: t1, Op: id, Type: typ, Phase: r.loop.phase, Duration: time.Duration(t1 - t0)})
		}
	}()
	fn()
}

var _ nodelib.ScopeHost = nodelibHost{}
