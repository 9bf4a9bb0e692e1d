package runtime

import (
	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/trace"
)

// immediate is one Immediate object (setImmediate), after the class in
// lib/internal/timers.js.
type immediate struct {
	dynProps
	rt         *Runtime
	obj        *goja.Object
	callback   goja.Value // _onImmediate; nil once run or cleared
	args       goja.Value
	refed      refState
	destroyed  bool
	asyncID    uint64
	triggerID  uint64
	created    int64
	site       trace.Frame
	prev, next *immediate
	queue      *immediateList
}

type immediateList struct{ head, tail *immediate }

func (q *immediateList) append(im *immediate) {
	im.queue = q
	im.prev = q.tail
	im.next = nil
	if q.tail != nil {
		q.tail.next = im
	} else {
		q.head = im
	}
	q.tail = im
}

func (q *immediateList) remove(im *immediate) {
	if im.prev != nil {
		im.prev.next = im.next
	} else if q.head == im {
		q.head = im.next
	}
	if im.next != nil {
		im.next.prev = im.prev
	} else if q.tail == im {
		q.tail = im.prev
	}
	im.prev, im.next, im.queue = nil, nil, nil
}

// immediateState is immediateQueue, outstandingQueue and immediateInfo.
type immediateState struct {
	queue       immediateList // setImmediate appends here
	outstanding immediateList // the batch the check phase is running
	count       int
	refCount    int
	proto       *goja.Object
}

func (r *Runtime) setupImmediates() error {
	vm := r.vm
	s := &r.loop.immediates
	proto := r.hostClass("Immediate")
	s.proto = proto
	self := func(call goja.FunctionCall) *immediate {
		if im, ok := call.This.Export().(*immediate); ok {
			return im
		}
		panic(vm.NewTypeError("Immediate method called on incompatible receiver"))
	}
	must(proto.Set("ref", func(call goja.FunctionCall) goja.Value {
		im := self(call)
		if im.refed == refFalse {
			im.refed = refTrue
			s.refCount++
		}
		return im.obj
	}))
	must(proto.Set("unref", func(call goja.FunctionCall) goja.Value {
		im := self(call)
		if im.refed == refTrue {
			im.refed = refFalse
			s.refCount--
		}
		return im.obj
	}))
	must(proto.Set("hasRef", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(self(call).refed == refTrue)
	}))

	global := vm.GlobalObject()
	must(global.Set("setImmediate", func(call goja.FunctionCall) goja.Value {
		cb := call.Argument(0)
		r.validateCallback(cb)
		return r.newImmediate(cb, timerArgs(vm, call, 1)).obj
	}))
	must(global.Set("clearImmediate", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if im, ok := o.Export().(*immediate); ok {
				r.clearImmediate(im)
			}
		}
		return goja.Undefined()
	}))
	return nil
}

func (r *Runtime) newImmediate(cb, args goja.Value) *immediate {
	s := &r.loop.immediates
	im := &immediate{rt: r, callback: cb, args: args, refed: refTrue}
	im.asyncID, im.triggerID = r.newAsyncID()
	im.obj = r.vm.NewDynamicObject(im)
	im.obj.SetPrototype(s.proto)
	s.refCount++
	s.count++
	if r.tracing() {
		im.created = r.rec.Now()
	}
	im.site = r.traceInitAt(im.asyncID, im.triggerID, "Immediate", im.created)
	s.queue.append(im)
	return im
}

func (r *Runtime) clearImmediate(im *immediate) {
	s := &r.loop.immediates
	if im.destroyed {
		return
	}
	s.count--
	im.destroyed = true
	if im.refed == refTrue {
		s.refCount--
	}
	im.refed = refNull
	im.callback = nil
	r.traceDestroy(im.asyncID, "Immediate")
	if im.queue != nil {
		im.queue.remove(im)
	}
}

// runImmediates is the check phase: Node's CheckImmediate and
// processImmediate. The batch is the queue as it stood when the phase
// began; immediates scheduled meanwhile wait for the next iteration. An
// exception handled by 'uncaughtException' does not end the batch (node
// v20 runs the rest in the same check phase; runtime_test.go checks it).
func (r *Runtime) runImmediates() {
	s := &r.loop.immediates
	if s.count == 0 {
		return
	}
	batch := &s.outstanding
	if batch.head == nil {
		// Detach the whole queue as the outstanding batch.
		*batch = s.queue
		for im := batch.head; im != nil; im = im.next {
			im.queue = batch
		}
		s.queue = immediateList{}
	}
	for im := batch.head; im != nil && !r.exiting; im = batch.head {
		batch.remove(im)
		if im.destroyed {
			continue
		}
		im.destroyed = true
		s.count--
		if im.refed == refTrue {
			s.refCount--
		}
		im.refed = refNull
		args := im.args
		if args == nil {
			args = goja.Undefined()
		}
		r.callbackScope(trace.PhaseCheck, im.asyncID, im.triggerID, "Immediate", r.runImmediate, im.obj, args, goja.Undefined())
		// Node nulls _onImmediate once it ran (the finally block).
		im.callback = nil
		r.traceDestroyAt(im.asyncID, "Immediate", r.cbEnd)
	}
}

// Node's own fields of an Immediate, exposed from the Go state.
var immediateFields = []string{"_onImmediate", "_argv", "_destroyed"}

func (im *immediate) Get(k string) goja.Value {
	switch k {
	case "_onImmediate":
		if im.callback == nil {
			return goja.Null()
		}
		return im.callback
	case "_argv":
		if im.args == nil {
			return goja.Undefined()
		}
		return im.args
	case "_destroyed":
		return im.rt.vm.ToValue(im.destroyed)
	}
	return im.dynProps.Get(k)
}

func (im *immediate) Set(k string, v goja.Value) bool {
	return im.dynProps.setUnlessField(immediateFields, k, v)
}
func (im *immediate) Has(k string) bool { return im.dynProps.hasField(immediateFields, k) }
func (im *immediate) Keys() []string    { return im.dynProps.keysWith(immediateFields) }
