package runtime

import (
	"container/heap"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/trace"
)

// This file is lib/internal/timers.js of Node 20 in Go. The data structures
// are Node's, because its ordering is defined by them: timers live in one
// list per duration (insertion order), lists sit in a priority queue keyed
// by (expiry, list id), and a list that still holds timers not yet due gets
// a new expiry and a new id when it is visited, which sends it behind lists
// of equal expiry. That is "expiry, then insertion" as Node really does it.

// timeoutMax is TIMEOUT_MAX: delays outside [1, 2^31-1] become 1 ms.
const timeoutMax = 1<<31 - 1

// refState is Node's kRefed, which is true, false or null (after clear).
type refState int8

const (
	refNull refState = iota
	refFalse
	refTrue
)

// timer is one Timeout object (setTimeout/setInterval).
type timer struct {
	dynProps
	rt          *Runtime
	obj         *goja.Object
	callback    goja.Value // _onTimeout; nil once cleared
	args        goja.Value // _timerArgs as a JS array, or nil
	idleTimeout float64    // _idleTimeout; -1 once unenrolled
	repeat      float64    // _repeat; 0 means null
	idleStart   int64      // _idleStart, ms of loop time
	refed       refState
	destroyed   bool
	hasPrim     bool
	asyncID     uint64
	triggerID   uint64
	created     int64       // Recorder time, for snapshots
	site        trace.Frame // where it was created, when stacks were on

	list       *timerList
	prev, next *timer
}

type timerList struct {
	msecs      int64
	expiry     int64
	id         int64
	head, tail *timer
	index      int // position in the priority queue, -1 when out
	n          int // timers in the list, for snapshots
}

func (l *timerList) append(t *timer) {
	t.list = l
	t.prev = l.tail
	t.next = nil
	if l.tail != nil {
		l.tail.next = t
	} else {
		l.head = t
	}
	l.tail = t
	l.n++
}

func (l *timerList) remove(t *timer) {
	if t.prev != nil {
		t.prev.next = t.next
	} else {
		l.head = t.next
	}
	if t.next != nil {
		t.next.prev = t.prev
	} else {
		l.tail = t.prev
	}
	t.prev, t.next, t.list = nil, nil, nil
	l.n--
}

// listQueue is Node's timerListQueue, a binary heap of lists.
type listQueue []*timerList

func (q listQueue) Len() int { return len(q) }
func (q listQueue) Less(i, j int) bool {
	if q[i].expiry != q[j].expiry {
		return q[i].expiry < q[j].expiry
	}
	return q[i].id < q[j].id
}
func (q listQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}
func (q *listQueue) Push(x any) {
	l := x.(*timerList)
	l.index = len(*q)
	*q = append(*q, l)
}
func (q *listQueue) Pop() any {
	old := *q
	n := len(old)
	l := old[n-1]
	old[n-1] = nil
	l.index = -1
	*q = old[:n-1]
	return l
}

type timerState struct {
	lists      map[int64]*timerList
	queue      listQueue
	nextListID int64
	nextExpiry int64 // math.MaxInt64 stands for Infinity
	refCount   int
	known      map[uint64]*timer // knownTimersById: timers whose id was taken as a primitive
	proto      *goja.Object
}

func (s *timerState) init() {
	s.lists = make(map[int64]*timerList)
	s.known = make(map[uint64]*timer)
	s.nextListID = 1
	s.nextExpiry = math.MaxInt64
}

// traceInit emits the creation record of an async resource.
// It returns where the resource was created (the top JS frame) when an
// observer asked for stacks, else the zero Frame.
func (r *Runtime) traceInit(id, trigger uint64, typ string) trace.Frame {
	return r.traceInitAt(id, trigger, typ, 0)
}

// traceInitAt is traceInit stamped at now (Recorder time; 0: now), for
// callers that read the clock already: a clock read per record is a good
// part of what a record costs.
func (r *Runtime) traceInitAt(id, trigger uint64, typ string, now int64) trace.Frame {
	if stack := r.traceInitStack(id, trigger, typ, now); len(stack) > 0 {
		return stack[0]
	}
	return trace.Frame{}
}

// traceInitStack is traceInitAt returning the creation stack it recorded
// (nil when none was wanted). An I/O request whose stack has no frame of
// the program's own (a library made it on a later tick: the connect of
// http.get) gets the program frame behind it appended (asyncStack).
func (r *Runtime) traceInitStack(id, trigger uint64, typ string, now int64) []trace.Frame {
	if !r.tracingOp(typ) {
		return nil
	}
	if now == 0 {
		now = r.rec.Now()
	}
	ev := trace.Event{Kind: trace.KindInit, Time: now, Op: id, Trigger: trigger, Type: typ}
	if r.http.cur != nil && trace.IsIORequest(typ) {
		ev.HTTP = r.httpOwner(id)
	}
	if r.rec.WantStacksFor(typ) {
		ev.Stack = r.captureStack()
		if trace.IsIORequest(typ) {
			ev.Stack = r.asyncStack(ev.Stack)
		}
	}
	r.rec.Emit(ev)
	return ev.Stack
}

// asyncSite is the program frame behind code running now with this
// stack: the stack's first frame of the program's own, else the one
// behind the running callback (execSite), else nil. Frames are shared
// from captureStack's cache, so the pointer stays valid.
func (r *Runtime) asyncSite(stack []trace.Frame) *trace.Frame {
	for i := range stack {
		if isProgramFrame(&stack[i]) {
			return &stack[i]
		}
	}
	return r.execSite
}

func isProgramFrame(f *trace.Frame) bool {
	return f.File != "" && !strings.HasPrefix(f.File, "node:") && !strings.HasPrefix(f.File, "studio:")
}

// asyncStack returns stack, or, when it has no frame of the program's own
// and a program frame is behind the running callback (execSite), stack
// with that frame appended, as an async stack trace continues into the
// code that started the chain. The result is cached per pair and shared:
// records' stacks are read-only.
func (r *Runtime) asyncStack(stack []trace.Frame) []trace.Frame {
	if r.execSite == nil || len(stack) == 0 {
		return stack
	}
	for i := range stack {
		if isProgramFrame(&stack[i]) {
			return stack
		}
	}
	k := [2]*trace.Frame{&stack[0], r.execSite}
	if s, ok := r.asyncStacks[k]; ok {
		return s
	}
	s := append(slices.Clip(stack), *r.execSite)
	if r.asyncStacks == nil || len(r.asyncStacks) >= stackCacheMax {
		r.asyncStacks = map[[2]*trace.Frame][]trace.Frame{}
	}
	r.asyncStacks[k] = s
	return s
}

func (r *Runtime) traceDestroy(id uint64, typ string) {
	r.traceDestroyAt(id, typ, 0)
}

// traceDestroyAt is traceDestroy stamped at now (Recorder time; 0: now):
// a timer or an immediate that is done when its callback returns is
// destroyed at the callback's end (cbEnd), with no clock read of its own.
func (r *Runtime) traceDestroyAt(id uint64, typ string, now int64) {
	if r.tracingOp(typ) {
		if now == 0 {
			now = r.rec.Now()
		}
		r.rec.Emit(trace.Event{Kind: trace.KindDestroy, Time: now, Op: id, Type: typ})
	}
}

// captureStack returns the JavaScript stack at the current point, skipping
// Studio's own native frames, mapped to original sources.
//
// The result is shared between every capture at the same stack (the same
// program counters in the same functions): goja's frames are cheap to
// take, but resolving each to a line, a column and an original source
// was most of what observing a busy loop cost, and a loop's ops are made
// from a few call sites. Records' stacks are read-only, so sharing is safe.
func (r *Runtime) captureStack() []trace.Frame {
	// goja's frames go in a buffer kept for the next capture: allocating
	// 32 of them per op was most of the memory an observed loop churned.
	frames := r.vm.CaptureCallStack(32, r.frameBuf[:0])
	r.frameBuf = frames
	if len(frames) == 0 {
		return r.resolveStack(frames)
	}
	for _, c := range r.stacks.m[frames[0]] {
		if slices.Equal(c.frames, frames) {
			return c.out
		}
	}
	out := r.resolveStack(frames)
	if r.stacks.n >= stackCacheMax || r.stacks.m == nil {
		r.stacks.m, r.stacks.n = make(map[goja.StackFrame][]cachedStack), 0
	}
	r.stacks.m[frames[0]] = append(r.stacks.m[frames[0]], cachedStack{frames: slices.Clone(frames), out: out})
	r.stacks.n++
	return out
}

// stackCacheMax bounds captureStack's cache: past it the cache starts over
// (a program that makes ops from ever new stacks, a deep recursion, pays
// the resolution each time, as without a cache).
const stackCacheMax = 4096

// stackCache maps goja frames to their resolved trace frames, by top frame.
type stackCache struct {
	m map[goja.StackFrame][]cachedStack
	n int
}

type cachedStack struct {
	frames []goja.StackFrame
	out    []trace.Frame
}

// resolveStack maps goja frames to trace frames: positions, original
// sources, Studio's own frames left out.
func (r *Runtime) resolveStack(frames []goja.StackFrame) []trace.Frame {
	out := make([]trace.Frame, 0, len(frames))
	for _, f := range frames {
		p := f.Position()
		if p.Filename == "" || len(p.Filename) > 7 && p.Filename[:7] == "studio:" {
			continue
		}
		file := p.Filename
		// ES module frames are named by file: URL, as in Node; records
		// hold plain paths.
		if rest, ok := strings.CutPrefix(file, "file://"); ok {
			if path, err := url.PathUnescape(rest); err == nil {
				file = path
			}
		}
		fr := trace.Frame{Function: f.FuncName(), File: file, Line: p.Line, Column: p.Column}
		if r.loader != nil {
			if file, line, col, ok := r.loader.MapPosition(p.Filename, p.Line, p.Column); ok {
				fr.File, fr.Line, fr.Column = file, line, col
			}
		}
		out = append(out, fr)
	}
	return out
}

func (r *Runtime) setupTimers() error {
	vm := r.vm
	s := &r.loop.timers
	proto := r.hostClass("Timeout")
	s.proto = proto

	self := func(call goja.FunctionCall) *timer {
		if t, ok := call.This.Export().(*timer); ok {
			return t
		}
		panic(vm.NewTypeError("Timeout method called on incompatible receiver"))
	}
	method := func(name string, fn func(t *timer) goja.Value) {
		must(proto.Set(name, func(call goja.FunctionCall) goja.Value { return fn(self(call)) }))
	}
	method("refresh", func(t *timer) goja.Value {
		r.insertGuarded(t, t.refed == refTrue)
		return t.obj
	})
	method("unref", func(t *timer) goja.Value {
		if t.refed == refTrue {
			t.refed = refFalse
			if !t.destroyed {
				s.refCount--
			}
		}
		return t.obj
	})
	method("ref", func(t *timer) goja.Value {
		if t.refed != refTrue {
			t.refed = refTrue
			if !t.destroyed {
				s.refCount++
			}
		}
		return t.obj
	})
	method("hasRef", func(t *timer) goja.Value {
		switch t.refed {
		case refTrue:
			return vm.ToValue(true)
		case refFalse:
			return vm.ToValue(false)
		}
		return goja.Null()
	})
	method("close", func(t *timer) goja.Value {
		r.clearTimer(t)
		return t.obj
	})
	must(proto.SetSymbol(goja.SymToPrimitive, func(call goja.FunctionCall) goja.Value {
		t := self(call)
		if !t.hasPrim {
			t.hasPrim = true
			s.known[t.asyncID] = t
		}
		return vm.ToValue(t.asyncID)
	}))

	global := vm.GlobalObject()
	must(global.Set("setTimeout", func(call goja.FunctionCall) goja.Value {
		return r.newTimeout(call, false).obj
	}))
	must(global.Set("setInterval", func(call goja.FunctionCall) goja.Value {
		return r.newTimeout(call, true).obj
	}))
	clear := func(call goja.FunctionCall) goja.Value {
		r.clearTimeoutValue(call.Argument(0))
		return goja.Undefined()
	}
	must(global.Set("clearTimeout", clear))
	must(global.Set("clearInterval", clear))
	if err := r.setupImmediates(); err != nil {
		return err
	}
	return r.setupTimerModules()
}

// setupTimerModules provides 'timers' and 'timers/promises' (js/timers.js).
func (r *Runtime) setupTimerModules() error {
	vm := r.vm
	v, err := vm.RunProgram(programs.timer)
	if err != nil {
		return fmt.Errorf("running timers bootstrap: %w", err)
	}
	fn, _ := goja.AssertFunction(v)
	binding := vm.NewObject()
	must(binding.Set("invalidArgType", r.jsInvalidArgType))
	out, err := fn(goja.Undefined(), vm.GlobalObject(), binding)
	if err != nil {
		return fmt.Errorf("running timers bootstrap: %w", err)
	}
	o := out.ToObject(vm)
	r.lib.Provide("timers", o.Get("timers"))
	r.lib.Provide("timers/promises", o.Get("promises"))
	return nil
}

// timerArgs collects the callback arguments after the first `skip` ones.
func timerArgs(vm *goja.Runtime, call goja.FunctionCall, skip int) goja.Value {
	if len(call.Arguments) <= skip {
		return nil
	}
	rest := call.Arguments[skip:]
	vals := make([]any, len(rest))
	for i, v := range rest {
		vals[i] = v
	}
	return vm.NewArray(vals...)
}

// validateCallback is validateFunction(callback, 'callback'). It tests
// typeof === 'function' by class, because goja.AssertFunction allocates.
func (r *Runtime) validateCallback(v goja.Value) {
	if o, ok := v.(*goja.Object); !ok || o.ClassName() != "Function" {
		panic(r.errInvalidArgType("callback", "Function", v))
	}
}

// newTimeout is setTimeout/setInterval: new Timeout(...) and insert().
func (r *Runtime) newTimeout(call goja.FunctionCall, repeat bool) *timer {
	vm := r.vm
	cb := call.Argument(0)
	r.validateCallback(cb)
	after := call.Argument(1).ToFloat() // after *= 1
	if !(after >= 1 && after <= timeoutMax) {
		if after > timeoutMax {
			r.emitWarning(fmt.Sprintf("%s does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.", goja.Value(vm.ToValue(after)).String()), "TimeoutOverflowWarning")
		}
		after = 1
	}
	t := &timer{rt: r, callback: cb, args: timerArgs(vm, call, 2), idleTimeout: after, refed: refTrue}
	if repeat {
		t.repeat = after
	}
	t.asyncID, t.triggerID = r.newAsyncID()
	t.obj = vm.NewDynamicObject(t)
	t.obj.SetPrototype(r.loop.timers.proto)
	r.loop.timers.refCount++
	if r.tracing() {
		t.created = r.rec.Now()
	}
	t.site = r.traceInitAt(t.asyncID, t.triggerID, "Timeout", t.created)
	r.insert(t, int64(after), r.nowMs())
	return t
}

// insert is insert(item, msecs, start) of timers.js.
func (r *Runtime) insert(t *timer, msecs int64, start int64) {
	s := &r.loop.timers
	t.idleStart = start
	list := s.lists[msecs]
	if list == nil {
		expiry := start + msecs
		list = &timerList{msecs: msecs, expiry: expiry, id: s.nextListID}
		s.nextListID++
		s.lists[msecs] = list
		heap.Push(&s.queue, list)
		if s.nextExpiry > expiry {
			r.scheduleTimer(msecs)
			s.nextExpiry = expiry
		}
	}
	if t.list != nil {
		t.list.remove(t)
	}
	list.append(t)
}

// scheduleTimer is uv_timer_start on Node's single timer handle.
func (r *Runtime) scheduleTimer(msecs int64) {
	r.loop.uvTimerDue = r.nowMs() + msecs
	r.loop.uvArmed = true
}

// insertGuarded re-inserts a timer for refresh().
func (r *Runtime) insertGuarded(t *timer, refed bool) {
	s := &r.loop.timers
	if t.idleTimeout < 0 {
		return
	}
	r.insert(t, int64(t.idleTimeout), r.nowMs())
	wasDestroyed := t.destroyed
	if wasDestroyed {
		t.destroyed = false
		t.asyncID, t.triggerID = r.newAsyncID()
		r.traceInit(t.asyncID, t.triggerID, "Timeout")
		if refed {
			s.refCount++
		}
	} else if refed != (t.refed == refTrue) {
		if refed {
			s.refCount++
		} else {
			s.refCount--
		}
	}
	if refed {
		t.refed = refTrue
	} else {
		t.refed = refFalse
	}
}

// clearTimeoutValue is clearTimeout(timer): a Timeout, or the number (or
// numeric string) its Symbol.toPrimitive returned.
func (r *Runtime) clearTimeoutValue(v goja.Value) {
	if o, ok := v.(*goja.Object); ok {
		if t, ok := o.Export().(*timer); ok {
			r.clearTimer(t)
		}
		return
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return
	}
	switch v.ExportType().Kind().String() {
	case "int64", "float64", "string":
		f := v.ToFloat()
		if f >= 0 && f == math.Trunc(f) {
			if t := r.loop.timers.known[uint64(f)]; t != nil {
				r.clearTimer(t)
			}
		}
	}
}

func (r *Runtime) clearTimer(t *timer) {
	if t.callback == nil {
		return
	}
	t.callback = nil
	r.unenroll(t)
}

// unenroll removes a timer for good (clearTimeout).
func (r *Runtime) unenroll(t *timer) {
	s := &r.loop.timers
	if t.destroyed {
		return
	}
	t.destroyed = true
	if t.hasPrim {
		delete(s.known, t.asyncID)
	}
	r.traceDestroy(t.asyncID, "Timeout")
	if t.list != nil {
		t.list.remove(t)
	}
	if t.refed == refTrue {
		if list := s.lists[int64(t.idleTimeout)]; list != nil && list.head == nil {
			heap.Remove(&s.queue, list.index)
			delete(s.lists, list.msecs)
		}
		s.refCount--
	}
	t.refed = refNull
	t.idleTimeout = -1
}

// runTimers is the timers phase: Node's RunTimers when its handle is due.
func (r *Runtime) runTimers() {
	l := &r.loop
	r.runSamplers()
	if !l.uvArmed {
		return
	}
	now := r.nowMs()
	if l.uvTimerDue > now {
		return
	}
	l.uvArmed = false
	if lag := now - l.uvTimerDue; lag > 0 {
		l.lastLag = msDuration(lag)
	} else {
		l.lastLag = 0
	}
	expiry := r.processTimers(now)
	if expiry != 0 && !r.exiting {
		if expiry < 0 {
			expiry = -expiry
		}
		d := expiry - now
		if d < 1 {
			d = 1
		}
		r.scheduleTimer(d)
	}
}

// processTimers is processTimers(now) of timers.js.
func (r *Runtime) processTimers(now int64) int64 {
	s := &r.loop.timers
	s.nextExpiry = math.MaxInt64
	for len(s.queue) > 0 && !r.exiting {
		list := s.queue[0]
		if list.expiry > now {
			s.nextExpiry = list.expiry
			if s.refCount > 0 {
				return list.expiry
			}
			return -list.expiry
		}
		r.listOnTimeout(list, now)
	}
	return 0
}

// listOnTimeout is listOnTimeout(list, now) of timers.js.
func (r *Runtime) listOnTimeout(list *timerList, now int64) {
	s := &r.loop.timers
	msecs := list.msecs
	for t := list.head; t != nil; t = list.head {
		if now-t.idleStart < msecs {
			list.expiry = max(t.idleStart+msecs, now+1)
			list.id = s.nextListID
			s.nextListID++
			heap.Fix(&s.queue, list.index)
			return
		}
		list.remove(t)
		if t.callback == nil {
			if !t.destroyed {
				t.destroyed = true
				if t.refed == refTrue {
					s.refCount--
				}
				r.traceDestroy(t.asyncID, "Timeout")
			}
			continue
		}
		var start int64
		if t.repeat != 0 {
			start = r.nowMs()
		}
		args := t.args
		if args == nil {
			args = goja.Undefined()
		}
		r.callbackScope(trace.PhaseTimers, t.asyncID, t.triggerID, "Timeout", r.runTimer, t.obj, args, goja.Undefined())
		if t.repeat != 0 && t.idleTimeout != -1 {
			t.idleTimeout = t.repeat
			r.insert(t, int64(t.idleTimeout), start)
		} else if t.list == nil && !t.destroyed {
			t.destroyed = true
			if t.refed == refTrue {
				s.refCount--
			}
			r.traceDestroyAt(t.asyncID, "Timeout", r.cbEnd)
		}
		if r.exiting {
			return
		}
	}
	if s.lists[msecs] == list {
		delete(s.lists, msecs)
		if list.index >= 0 {
			heap.Remove(&s.queue, list.index)
		}
	}
}

// Node's own fields of a Timeout, which code in the wild reads (and
// util.inspect shows): the timer exposes them from its Go state.
var timeoutFields = []string{"_idleTimeout", "_idleStart", "_onTimeout", "_timerArgs", "_repeat", "_destroyed"}

func (t *timer) Get(k string) goja.Value {
	vm := t.rt.vm
	switch k {
	case "_idleTimeout":
		return vm.ToValue(t.idleTimeout)
	case "_idleStart":
		return vm.ToValue(t.idleStart)
	case "_onTimeout":
		if t.callback == nil {
			return goja.Null()
		}
		return t.callback
	case "_timerArgs":
		if t.args == nil {
			return goja.Undefined()
		}
		return t.args
	case "_repeat":
		if t.repeat == 0 {
			return goja.Null()
		}
		return vm.ToValue(t.repeat)
	case "_destroyed":
		return vm.ToValue(t.destroyed)
	}
	return t.dynProps.Get(k)
}

func (t *timer) Set(k string, v goja.Value) bool {
	if k == "_onTimeout" {
		// Node code sets it to null to disarm a timer without clearing it.
		if goja.IsNull(v) || goja.IsUndefined(v) {
			t.callback = nil
		} else {
			t.callback = v
		}
		return true
	}
	for _, f := range timeoutFields {
		if f == k {
			return false
		}
	}
	return t.dynProps.Set(k, v)
}

func (t *timer) Has(k string) bool {
	for _, f := range timeoutFields {
		if f == k {
			return true
		}
	}
	return t.dynProps.Has(k)
}

func (t *timer) Keys() []string {
	return append(append([]string(nil), timeoutFields...), t.dynProps.Keys()...)
}

// hostClass makes the prototype of a class whose instances only Go creates
// (Timeout, Immediate): its constructor has Node's name and throws if JS
// calls it, as Node's internal classes are not meant to be built by users.
func (r *Runtime) hostClass(name string) *goja.Object {
	vm := r.vm
	proto := vm.NewObject()
	ctor := vm.ToValue(func(goja.ConstructorCall) *goja.Object {
		panic(vm.NewTypeError("Illegal constructor"))
	}).ToObject(vm)
	must(ctor.Set("prototype", proto))
	must(proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	must(ctor.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	return proto
}

// Dynamic object plumbing: Timeout and Immediate objects are Go values with
// JS prototypes; user-added properties live in a lazily made map.
type dynProps struct {
	props map[string]goja.Value
	keys  []string
}

func (d *dynProps) Get(k string) goja.Value { return d.props[k] }
func (d *dynProps) Set(k string, v goja.Value) bool {
	if d.props == nil {
		d.props = make(map[string]goja.Value)
	}
	if _, ok := d.props[k]; !ok {
		d.keys = append(d.keys, k)
	}
	d.props[k] = v
	return true
}
func (d *dynProps) Has(k string) bool { _, ok := d.props[k]; return ok }
func (d *dynProps) Delete(k string) bool {
	if _, ok := d.props[k]; ok {
		delete(d.props, k)
		for i, kk := range d.keys {
			if kk == k {
				d.keys = append(d.keys[:i], d.keys[i+1:]...)
				break
			}
		}
	}
	return true
}
func (d *dynProps) Keys() []string { return append([]string(nil), d.keys...) }

// The helpers below serve objects whose Node fields (fields) come from Go
// state: those are read-only for JS, listed first, and always present.
func (d *dynProps) setUnlessField(fields []string, k string, v goja.Value) bool {
	if slices.Contains(fields, k) {
		return false
	}
	return d.Set(k, v)
}

func (d *dynProps) hasField(fields []string, k string) bool {
	return slices.Contains(fields, k) || d.Has(k)
}

func (d *dynProps) keysWith(fields []string) []string {
	return append(slices.Clone(fields), d.keys...)
}
