package runtime

import (
	"reflect"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/trace"
)

// asyncIDs is Node's async_id_fields: the id counter and the ids of the
// resource whose callback is running (executionAsyncId) and of the one
// that created it (triggerAsyncId). The main module runs as id 1.
type asyncIDs struct {
	counter uint64
	exec    uint64
	trigger uint64
}

// newAsyncID takes the next async id; its trigger is the running resource.
func (r *Runtime) newAsyncID() (id, trigger uint64) {
	r.ids.counter++
	if r.http.cur != nil { // some server request was traced
		r.inheritHTTPContext(r.ids.counter)
	}
	return r.ids.counter, r.ids.exec
}

// tick is one process.nextTick entry (Node's TickObject).
type tick struct {
	callback goja.Value
	args     []goja.Value
	id       uint64
	trigger  uint64
	created  int64
	// site is the program frame behind the tick: where the program's
	// code queued it, or, for a tick a library queued on its own, the
	// site behind the callback that queued it (asyncSite). Kept only
	// while someone wants creation stacks.
	site *trace.Frame
}

// tickQueue is the nextTick queue. It lives in Go because a native
// nextTick reads its arguments for free, while a JS one needs `arguments`
// or rest parameters, which cost goja 2.5-4x per call (bench/README.md).
type tickQueue struct {
	q    []tick
	head int
	// running is the tick whose callback takeTick last handed out; its
	// 'after' record is emitted when the next one is taken.
	running     uint64
	runningType string
	saved       asyncIDs
	savedSite   *trace.Frame
	inDrain     bool
}

func (t *tickQueue) len() int { return len(t.q) - t.head }

func (r *Runtime) jsNextTick(call goja.FunctionCall) goja.Value {
	cb := call.Argument(0)
	r.validateCallback(cb)
	if r.fieldsExiting {
		return goja.Undefined()
	}
	id, trigger := r.newAsyncID()
	t := tick{callback: cb, id: id, trigger: trigger}
	if len(call.Arguments) > 1 {
		t.args = append([]goja.Value(nil), call.Arguments[1:]...)
	}
	if r.tracing() {
		t.created = r.rec.Now()
		stack := r.traceInitStack(id, trigger, "TickObject", t.created)
		if r.rec.WantStacks() {
			if stack == nil {
				// Not recorded for itself (a latency profile wants
				// the stacks of I/O requests only), but a request a
				// library makes on a later tick needs the program
				// frame behind it.
				stack = r.captureStack()
			}
			t.site = r.asyncSite(stack)
		}
	}
	r.ticks.q = append(r.ticks.q, t)
	return goja.Undefined()
}

// jsTakeTick hands bootstrap.js the next tick callback, or undefined when
// the queue is empty. It keeps executionAsyncId and the records right.
func (r *Runtime) jsTakeTick(goja.FunctionCall) goja.Value {
	tq := &r.ticks
	if tq.running != 0 {
		r.traceAfter(tq.running, "TickObject")
		tq.running = 0
	}
	if !tq.inDrain {
		tq.inDrain = true
		tq.saved = r.ids
		tq.savedSite = r.execSite
	}
	if tq.head == len(tq.q) {
		tq.q = tq.q[:0]
		tq.head = 0
		r.ids.exec, r.ids.trigger = tq.saved.exec, tq.saved.trigger
		r.execSite = tq.savedSite
		tq.inDrain = false
		return goja.Undefined()
	}
	t := tq.q[tq.head]
	tq.q[tq.head] = tick{}
	tq.head++
	// A tick that queues the next one keeps the queue from ever emptying:
	// slide the live part down so its memory stays bounded.
	if tq.head >= 1024 && tq.head*2 >= len(tq.q) {
		n := copy(tq.q, tq.q[tq.head:])
		clear(tq.q[n:])
		tq.q = tq.q[:n]
		tq.head = 0
	}
	r.ids.exec, r.ids.trigger = t.id, t.trigger
	r.execSite = t.site
	if r.tracingOp("TickObject") {
		tq.running = t.id
		r.showPhase()
		r.rec.Emit(trace.Event{Kind: trace.KindBefore, Time: r.rec.Now(), Op: t.id, Trigger: t.trigger, Type: "TickObject", Phase: r.loop.phase})
	}
	if t.args == nil {
		return t.callback
	}
	fn, _ := goja.AssertFunction(t.callback)
	args := t.args
	return r.vm.ToValue(func(goja.FunctionCall) goja.Value {
		v, err := fn(goja.Undefined(), args...)
		if err != nil {
			r.rethrow(err)
		}
		return v
	})
}

func (r *Runtime) traceAfter(id uint64, typ string) {
	if r.tracingOp(typ) {
		now := r.rec.Now()
		r.rec.Emit(trace.Event{Kind: trace.KindAfter, Time: now, Op: id, Type: typ, Phase: r.loop.phase})
		r.traceDestroyAt(id, typ, now) // done when its callback returns
	}
}

// Microtask records (queueMicrotask), called from bootstrap.js.
func (r *Runtime) jsMicrotaskInit(goja.FunctionCall) goja.Value {
	id, trigger := r.newAsyncID()
	var created int64
	if r.tracing() {
		created = r.rec.Now()
	}
	r.traceInitAt(id, trigger, "Microtask", created)
	r.microtasks = append(r.microtasks, trace.OpRef{ID: id, Trigger: trigger, Type: "Microtask", Created: created})
	return r.vm.ToValue(id)
}

// dropMicrotask takes a queueMicrotask callback that starts running off
// the snapshots' list. Microtasks run in the order queued, so it is the
// first; entries ahead of it are stale (a run cut short) and go with it.
// O(1) a callback: a program may queue a hundred thousand at once.
func (r *Runtime) dropMicrotask(id uint64) {
	q := r.microtasks[r.microHead:]
	for i, m := range q {
		if m.ID == id {
			clear(q[:i+1])
			r.microHead += i + 1
			break
		}
	}
	if r.microHead == len(r.microtasks) {
		r.microtasks, r.microHead = r.microtasks[:0], 0
	} else if r.microHead >= 1024 && r.microHead*2 >= len(r.microtasks) {
		n := copy(r.microtasks, r.microtasks[r.microHead:])
		clear(r.microtasks[n:])
		r.microtasks, r.microHead = r.microtasks[:n], 0
	}
}

// microtaskDepth is the length of goja's promise job queue, which holds
// every microtask (promise reactions, and queueMicrotask callbacks, which
// bootstrap.js queues as reactions). goja does not export it; it is read
// by reflection, read-only, on the loop goroutine. -1 if a goja version
// renamed it (TestSnapshot fails then).
func (r *Runtime) microtaskDepth() int {
	if gojaJobQueue == nil {
		return -1
	}
	return reflect.ValueOf(r.vm).Elem().FieldByIndex(gojaJobQueue).Len()
}

// gojaJobQueue is the index of goja.Runtime's jobQueue field, or nil.
var gojaJobQueue = func() []int {
	f, ok := reflect.TypeFor[goja.Runtime]().FieldByName("jobQueue")
	if !ok || f.Type.Kind() != reflect.Slice {
		return nil
	}
	return f.Index
}()

func (r *Runtime) jsMicrotaskBefore(call goja.FunctionCall) goja.Value {
	id := uint64(call.Argument(0).ToInteger())
	r.dropMicrotask(id)
	prev := r.ids.exec
	r.ids.exec = id
	if r.tracingOp("Microtask") {
		r.showPhase()
		r.rec.Emit(trace.Event{Kind: trace.KindBefore, Time: r.rec.Now(), Op: id, Type: "Microtask", Phase: r.loop.phase})
	}
	return r.vm.ToValue(prev)
}

func (r *Runtime) jsMicrotaskAfter(call goja.FunctionCall) goja.Value {
	r.traceAfter(uint64(call.Argument(0).ToInteger()), "Microtask")
	r.ids.exec = uint64(call.Argument(1).ToInteger())
	return goja.Undefined()
}
