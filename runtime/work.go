package runtime

import (
	"fmt"
	"slices"
	"time"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/nodelib"
	"github.com/studiojs/studio/runtime/pool"
	"github.com/studiojs/studio/runtime/trace"
)

// Op identifies one async resource: Node's asyncId, triggerAsyncId and
// async_hooks type.
type Op struct {
	ID, Trigger uint64
	Type        string
}

// Work is one request for the worker pool, as fs, crypto, zlib and
// dns.lookup make them.
type Work struct {
	// Type is the async_hooks type, e.g. "FSREQCALLBACK" or "PBKDF2REQUEST".
	Type string
	Kind pool.Kind
	// Run executes on a worker goroutine and must not touch goja.
	Run func() any
	// Done runs on the loop goroutine in the poll phase with Run's result
	// (an error if Run panicked). It typically calls MakeCallback.
	Done func(op Op, result any)
}

// QueueWork creates the async resource, submits Run to the pool and keeps
// the loop alive until Done has run. Loop goroutine only.
func (r *Runtime) QueueWork(w Work) Op {
	id, trigger := r.newAsyncID()
	op := Op{ID: id, Trigger: trigger, Type: w.Type}
	stack := r.traceInitStack(id, trigger, w.Type, 0)
	var top trace.Frame
	if len(stack) > 0 {
		top = stack[0]
	}
	// The program frame behind the request, for what its callback makes
	// (fs.promises' next step, a close: asyncStack).
	var site *trace.Frame
	if stack != nil {
		site = r.asyncSite(stack)
	}
	p := r.addPending(op, top, false)
	complete := r.Reserve()
	finish := func(result any) {
		p.done.Store(true)
		complete(func() {
			r.removePending(op.ID)
			if w.Done != nil {
				r.cbSite = site
				w.Done(op, result)
				r.cbSite = nil
			}
			r.traceDestroy(op.ID, op.Type)
		})
	}
	var result any // written and read on the one worker that runs the job
	err := r.pool.Submit(pool.Job{
		Op:   id,
		Type: w.Type,
		Kind: w.Kind,
		Work: func() { result = w.Run() },
		OnPanic: func(x any) {
			result = fmt.Errorf("running %s on the worker pool: %w", w.Type, panicError(x))
		},
		// After the pool's KindFinished: the callback's records follow it.
		Complete: func() { finish(result) },
	})
	if err != nil {
		// The pool is stopping, so the loop is too: release the reservation.
		r.loop.refs--
		r.removePending(op.ID)
	}
	return op
}

// MakeCallback calls fn as the callback of op, inside a callback scope:
// its nextTick queue and microtasks run right after it, as Node's
// MakeCallback does. Loop goroutine only.
func (r *Runtime) MakeCallback(op Op, fn, this goja.Value, args ...goja.Value) {
	var argv goja.Value
	if len(args) > 0 {
		vals := make([]any, len(args))
		for i, a := range args {
			vals[i] = a
		}
		argv = r.vm.NewArray(vals...)
	}
	r.makeCallback(r.loop.phase, op.ID, op.Trigger, op.Type, fn, this, argv)
}

// ExecutionAsyncID and TriggerAsyncID are async_hooks' executionAsyncId()
// and triggerAsyncId(). Loop goroutine only.
func (r *Runtime) ExecutionAsyncID() uint64 { return r.ids.exec }
func (r *Runtime) TriggerAsyncID() uint64   { return r.ids.trigger }

// snapshotTop is how many entries of each queue a snapshot lists.
const snapshotTop = 8

// Snapshot describes the loop as it is now: phase, queues with their first
// entries, the pool's lanes, time per phase, lag and utilization. Loop
// goroutine only; other goroutines ask through Post.
func (r *Runtime) Snapshot() trace.Snapshot {
	l := &r.loop
	now := r.rec.Now()
	s := trace.Snapshot{
		Time:      now,
		Iteration: l.iteration,
		Phase:     l.phase,
		PhaseTime: l.phaseTime,
		Pool:      r.pool.State(),
		Lag:       l.lastLag,
		ELU:       r.utilization(),
		Dropped:   r.rec.Dropped(),
	}
	s.Pending, s.PendingTotal = r.pendingOps(now, s.Pool)
	if l.phase != trace.PhaseNone {
		d := time.Duration(now - l.phaseAt)
		if !l.pausedAt.IsZero() {
			d -= time.Since(l.pausedAt) // held by the debugger right now
		}
		s.PhaseTime[l.phase] += max(d, 0)
	}

	// nextTick queue, in run order.
	tq := &r.ticks
	s.NextTicks.Depth = tq.len()
	for i := tq.head; i < len(tq.q) && len(s.NextTicks.Top) < snapshotTop; i++ {
		t := tq.q[i]
		s.NextTicks.Top = append(s.NextTicks.Top, trace.OpRef{ID: t.id, Trigger: t.trigger, Type: "TickObject", Created: t.created})
	}

	s.Microtasks.Depth = r.microtaskDepth()
	waiting := r.microtasks[r.microHead:]
	s.Microtasks.Top = append([]trace.OpRef(nil), waiting[:min(len(waiting), snapshotTop)]...)

	// Timers by expiry: walk the lists in queue order. The depth is the
	// timers waiting in them: a timer whose callback is running has left
	// its list (listOnTimeout removes it first, as Node's does), so a
	// snapshot taken at a breakpoint in it does not count it.
	ts := &l.timers
	lists := make([]*timerList, len(ts.queue))
	copy(lists, ts.queue)
	sortLists(lists)
	for _, list := range lists {
		s.Timers.Depth += list.n
	}
	for _, list := range lists {
		for t := list.head; t != nil && len(s.Timers.Top) < snapshotTop; t = t.next {
			due := t.idleStart + list.msecs
			s.Timers.Top = append(s.Timers.Top, trace.OpRef{ID: t.asyncID, Trigger: t.triggerID, Type: "Timeout", Created: t.created, Due: r.msToRecorder(due), Location: t.site})
		}
	}

	// Immediates: the outstanding batch runs before the queue.
	is := &l.immediates
	s.Immediates.Depth = is.count
	for _, q := range []*immediateList{&is.outstanding, &is.queue} {
		for im := q.head; im != nil && len(s.Immediates.Top) < snapshotTop; im = im.next {
			s.Immediates.Top = append(s.Immediates.Top, trace.OpRef{ID: im.asyncID, Trigger: im.triggerID, Type: "Immediate", Created: im.created, Location: im.site})
		}
	}

	// Completions that arrived but have not run yet.
	r.mu.Lock()
	s.PendingCallbacks.Depth = len(r.posted)
	r.mu.Unlock()
	return s
}

func sortLists(ls []*timerList) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && (ls[j].expiry < ls[j-1].expiry || ls[j].expiry == ls[j-1].expiry && ls[j].id < ls[j-1].id); j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

// msToRecorder converts loop milliseconds to Recorder time.
func (r *Runtime) msToRecorder(ms int64) int64 {
	return int64(r.start.Add(time.Duration(ms) * time.Millisecond).Sub(r.rec.Start()))
}

// utilization is Node's eventLoopUtilization().utilization since start:
// the share of time the loop was not waiting in poll.
func (r *Runtime) utilization() float64 {
	l := &r.loop
	now := time.Now()
	idle, paused := l.idle, l.paused
	if !l.idleSince.IsZero() {
		idle += now.Sub(l.idleSince) // waiting in poll right now
	}
	if !l.pausedAt.IsZero() {
		paused += now.Sub(l.pausedAt)
	}
	total := now.Sub(r.start) - paused
	if total <= 0 {
		return 0
	}
	return float64(total-idle) / float64(total)
}

// DebuggerPaused tells the loop that a debugger holds it (on) or let it go:
// the time held is left out of the snapshots' utilisation and phase times,
// so the panels show the program's work, not the user's reading time. The
// program's own measures (performance.eventLoopUtilization) count it as
// Node's do: busy. Loop goroutine only.
func (r *Runtime) DebuggerPaused(on bool) {
	l := &r.loop
	now := time.Now()
	if on {
		if l.pausedAt.IsZero() {
			l.pausedAt = now
		}
		return
	}
	if l.pausedAt.IsZero() {
		return
	}
	d := now.Sub(l.pausedAt)
	l.pausedAt = time.Time{}
	l.paused += d
	l.phaseAt += int64(d)
}

// nodelibHost is the Runtime as nodelib's bindings see it.
type nodelibHost struct{ r *Runtime }

// QueueWork runs a binding's request on the pool; what its Done returns is
// called in a callback scope as the request's callback.
func (h nodelibHost) QueueWork(w nodelib.Work) {
	h.r.QueueWork(Work{
		Type: w.Type,
		Kind: w.Kind,
		Run:  w.Run,
		Done: func(op Op, result any) {
			if w.Done == nil {
				return
			}
			fn, this, args := w.Done(result)
			if fn == nil || goja.IsUndefined(fn) {
				return
			}
			if this == nil {
				this = goja.Undefined()
			}
			h.r.MakeCallback(op, fn, this, args...)
		},
	})
}

func (h nodelibHost) LoopIdleTime() time.Duration { return h.r.loop.idle }
func (h nodelibHost) LoopStart() time.Time        { return h.r.loop.started }

// LoopMetrics is uv_metrics_info: iterations, events the poll phase
// processed, and events waiting when it was entered.
func (h nodelibHost) LoopMetrics() (loopCount, events, eventsWaiting uint64) {
	l := &h.r.loop
	return l.loopCount, l.events, l.eventsWaiting
}

// sampler is a Go-side repeating timer of the loop that does not keep it
// alive, as the unref'd uv_timer behind monitorEventLoopDelay.
type sampler struct {
	interval time.Duration
	next     time.Time
	fn       func()
	stopped  bool
}

// SampleLoop calls fn in the timers phase every interval until stop.
// Loop goroutine only.
func (h nodelibHost) SampleLoop(interval time.Duration, fn func()) (stop func()) {
	if interval < time.Millisecond {
		interval = time.Millisecond
	}
	s := &sampler{interval: interval, next: time.Now().Add(interval), fn: fn}
	h.r.loop.samplers = append(h.r.loop.samplers, s)
	return func() { s.stopped = true }
}

// runSamplers runs the samplers that are due, dropping stopped ones.
func (r *Runtime) runSamplers() {
	l := &r.loop
	if len(l.samplers) == 0 {
		return
	}
	now := time.Now()
	live := l.samplers[:0]
	for _, s := range l.samplers {
		if s.stopped {
			continue
		}
		if !now.Before(s.next) {
			r.safeGo(s.fn)
			s.next = now.Add(s.interval)
		}
		if !s.stopped {
			live = append(live, s)
		}
	}
	clear(l.samplers[len(live):])
	l.samplers = live
}

// nextSampleIn is how long poll may sleep before a sampler is due, or -1.
func (r *Runtime) nextSampleIn() time.Duration {
	d := time.Duration(-1)
	now := time.Now()
	for _, s := range r.loop.samplers {
		if s.stopped {
			continue
		}
		until := max(s.next.Sub(now), 0)
		if d < 0 || until < d {
			d = until
		}
	}
	return d
}

// NewAsyncResource creates an async resource's record. Loop goroutine only.
func (h nodelibHost) NewAsyncResource(typ string) (id, trigger uint64) {
	id, trigger = h.r.newAsyncID()
	h.r.addPending(Op{ID: id, Trigger: trigger, Type: typ}, h.r.traceInit(id, trigger, typ), true)
	return id, trigger
}

// DestroyAsyncResource records the end of a resource.
func (h nodelibHost) DestroyAsyncResource(id uint64, typ string) {
	h.r.removePending(id)
	h.r.traceDestroy(id, typ)
}

// Post runs fn's callback on the loop in a callback scope. Any goroutine.
func (h nodelibHost) Post(id, trigger uint64, typ string, fn func() (goja.Value, goja.Value, []goja.Value)) bool {
	return h.r.Post(func() { h.complete(id, trigger, typ, fn) })
}

// PostRequest serves nodelib.RequestPoster: Post, then after() once the
// callback has run (the requests record their destroy there, after the
// callback as in Node: a latency profile that saw the destroy first never
// saw the request complete).
func (h nodelibHost) PostRequest(id, trigger uint64, typ string, fn func() (goja.Value, goja.Value, []goja.Value), after func()) bool {
	return h.r.Post(func() {
		defer after()
		h.complete(id, trigger, typ, fn)
	})
}

var _ nodelib.RequestPoster = nodelibHost{}

func (h nodelibHost) complete(id, trigger uint64, typ string, fn func() (goja.Value, goja.Value, []goja.Value)) {
	cb, this, args := fn()
	if cb == nil || goja.IsUndefined(cb) {
		return
	}
	if this == nil {
		this = goja.Undefined()
	}
	h.r.MakeCallback(Op{ID: id, Trigger: trigger, Type: typ}, cb, this, args...)
}

// Ref keeps the loop alive until release. Loop goroutine only.
func (h nodelibHost) Ref() (release func()) {
	h.r.loop.refs++
	done := false
	return func() {
		if !done {
			done = true
			h.r.loop.refs--
		}
	}
}

// OnStop registers fn to run when Run ends. Loop goroutine only.
func (h nodelibHost) OnStop(fn func()) (cancel func()) {
	r := h.r
	r.stopSeq++
	key := r.stopSeq
	if r.onStop == nil {
		r.onStop = make(map[uint64]func())
	}
	r.onStop[key] = fn
	return func() { delete(r.onStop, key) }
}

// runOnStop runs the stop hooks in registration order.
func (r *Runtime) runOnStop() {
	keys := make([]uint64, 0, len(r.onStop))
	for k := range r.onStop {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fn := r.onStop[k]
		delete(r.onStop, k)
		r.safeGo(fn)
	}
}

var (
	_ nodelib.IOHost      = nodelibHost{}
	_ nodelib.LoopSampler = nodelibHost{}
	_ nodelib.LoopMetrics = nodelibHost{}
)

// ExecutionAsyncID and TriggerAsyncID serve nodelib.AsyncIDHost.
func (h nodelibHost) ExecutionAsyncID() uint64 { return h.r.ids.exec }
func (h nodelibHost) TriggerAsyncID() uint64   { return h.r.ids.trigger }

var _ nodelib.AsyncIDHost = nodelibHost{}

// Cwd is process.cwd(): the bindings resolve relative paths against it.
func (h nodelibHost) Cwd() string { return h.r.opts.Cwd }

var _ nodelib.CwdHost = nodelibHost{}
