package runtime

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/nodelib"
	"github.com/studiojs/studio/runtime/trace"
)

// Hooks lets the debugger and learning mode stop the loop on purpose. Both
// methods run on the loop goroutine and may block it: that is what a pause
// is. They must not call back into the Runtime except through Post.
type Hooks interface {
	// PhaseBoundary is called when the loop enters a phase.
	PhaseBoundary(phase trace.Phase, iteration uint64)
	// BeforeCallback is called before a macrotask callback runs.
	BeforeCallback(cb CallbackInfo)
}

// CallbackInfo says which callback the loop is about to run and why now.
type CallbackInfo struct {
	Phase     trace.Phase
	Op        uint64
	Trigger   uint64
	Type      string // Node async_hooks type: "Timeout", "Immediate", ...
	Iteration uint64
}

// loopState is everything the loop goroutine alone owns.
type loopState struct {
	iteration uint64
	phase     trace.Phase
	phaseAt   int64 // Recorder time the current phase began
	// phaseShown: this visit's KindPhaseEnter was emitted (showPhase).
	phaseShown bool
	phaseTime  [trace.NumPhases]time.Duration

	refs int // pending requests and ref'd handles other than timers and immediates

	timers     timerState
	immediates immediateState

	// Loop utilization: time spent outside the poll wait, as Node's ELU.
	started    time.Time // when the loop started, after the main module
	idle       time.Duration
	idleSince  time.Time     // when the current poll wait began; zero outside it
	paused     time.Duration // debugger pauses, out of snapshots' ELU and phase times
	pausedAt   time.Time     // when the current pause began; zero outside one
	busySince  time.Time
	lastLag    time.Duration
	uvTimerDue int64 // ms: libuv's single Node timer handle, armed at loop time + duration
	uvArmed    bool
	samplers   []*sampler // unref'd Go-side timers (monitorEventLoopDelay)
	// uv_metrics_info: iterations that reached poll, completions run by
	// poll, and completions waiting when it began.
	loopCount, events, eventsWaiting uint64
}

func (l *loopState) init() {
	l.timers.init()
}

// nowMs is Node's getLibuvNow(): whole milliseconds since the loop started.
// Node refreshes it (uv_update_time) whenever JavaScript asks, so do we.
func (r *Runtime) nowMs() int64 {
	return int64(time.Since(r.start) / time.Millisecond)
}

// alive is uv_loop_alive: ref'd timers, ref'd immediates, requests in
// flight (pool work, sockets) or closing handles keep the process running.
func (r *Runtime) alive() bool {
	return r.loop.timers.refCount > 0 || r.loop.immediates.refCount > 0 || r.loop.refs > 0 || r.hasPosted()
}

func (r *Runtime) hasPosted() bool {
	r.mu.Lock()
	n := len(r.posted)
	r.mu.Unlock()
	return n > 0
}

// spin is Node's SpinEventLoop: run the loop until it is not alive, emit
// 'beforeExit', and go on while that made it alive again.
func (r *Runtime) spin(ctx context.Context) {
	r.loop.started = time.Now()
	for {
		r.uvRun(ctx)
		if r.exiting || ctx.Err() != nil {
			return
		}
		if r.alive() {
			continue
		}
		r.emitBeforeExit()
		if r.exiting || ctx.Err() != nil || !r.alive() {
			return
		}
	}
}

// uvRun is uv_run(UV_RUN_DEFAULT) of libuv 1.46: timers once before the
// loop, then pending, idle, prepare, poll, check, close, timers, per
// iteration.
func (r *Runtime) uvRun(ctx context.Context) {
	alive := r.alive()
	if alive && !r.exiting {
		r.enterPhase(trace.PhaseTimers)
		r.runTimers()
	}
	for alive && !r.exiting && ctx.Err() == nil {
		r.enterPhase(trace.PhasePending)
		r.enterPhase(trace.PhaseIdle)
		r.enterPhase(trace.PhasePrepare)
		r.enterPhase(trace.PhasePoll)
		r.loop.loopCount++ // uv__metrics_inc_loop_count, just before uv__io_poll
		r.poll(ctx, r.pollTimeout())
		if r.exiting {
			break
		}
		r.enterPhase(trace.PhaseCheck)
		r.runImmediates()
		if r.exiting {
			break
		}
		r.enterPhase(trace.PhaseClose)
		r.enterPhase(trace.PhaseTimers)
		r.runTimers()
		r.endIteration()
		alive = r.alive()
	}
	r.enterPhase(trace.PhaseNone)
}

// tracing reports whether records are wanted now: somebody subscribes, and
// this build records at all. It is one atomic load, inlined.
func (r *Runtime) tracing() bool { return recording && r.rec.Active() }

// tracingOp reports whether some subscriber wants the records of an async
// resource of type typ (trace.Interest): a latency profile of I/O wants no
// timer's, so a busy loop of timers does not build them for it.
func (r *Runtime) tracingOp(typ string) bool { return recording && r.rec.WantsOp(typ) }

// tracingLoop reports whether some subscriber wants phase and iteration
// records.
func (r *Runtime) tracingLoop() bool { return recording && r.rec.Wants(trace.InterestLoop) }

// enterPhase records the phase change and gives the hooks their stop.
// The records of a visit (KindPhaseEnter, KindPhaseExit) are emitted only
// if the phase does something (showPhase): most visits pass through an
// empty phase, and seven pairs of records per iteration were most of what
// an observer of a busy loop received and most of what observing cost it.
func (r *Runtime) enterPhase(p trace.Phase) {
	l := &r.loop
	now := r.rec.Now()
	if l.phase != trace.PhaseNone {
		d := time.Duration(now - l.phaseAt)
		l.phaseTime[l.phase] += d
		if l.phaseShown && r.tracingLoop() {
			r.rec.Emit(trace.Event{Kind: trace.KindPhaseExit, Time: now, Phase: l.phase, Iteration: l.iteration, Duration: d})
		}
	}
	l.phase = p
	l.phaseAt = now
	l.phaseShown = false
	r.fresh = now
	if p == trace.PhaseNone {
		return
	}
	r.maybeSnapshotAt(now)
	if r.hooks != nil {
		r.hooks.PhaseBoundary(p, l.iteration)
		r.fresh = 0
	}
}

// showPhase emits the current phase visit's KindPhaseEnter (stamped when
// the visit began) the first time the phase does something: runs a
// callback, or (poll) waits. Call it only when tracing.
func (r *Runtime) showPhase() {
	l := &r.loop
	if l.phaseShown || l.phase == trace.PhaseNone {
		return
	}
	l.phaseShown = true
	if !r.tracingLoop() {
		return
	}
	r.rec.Emit(trace.Event{Kind: trace.KindPhaseEnter, Time: l.phaseAt, Phase: l.phase, Iteration: l.iteration})
}

func (r *Runtime) endIteration() {
	l := &r.loop
	if recording && r.rec.Wants(trace.InterestIteration) {
		now := r.fresh // the last callback's end, when nothing ran since
		if now == 0 {
			now = r.rec.Now()
		}
		r.rec.Emit(trace.Event{Kind: trace.KindIteration, Time: now, Iteration: l.iteration})
	}
	l.iteration++
}

// pollTimeout is uv_backend_timeout: zero when ref'd immediates wait (Node
// keeps an idle handle then), else until the timer handle is due, else
// forever (-1).
func (r *Runtime) pollTimeout() time.Duration {
	if r.loop.immediates.refCount > 0 || r.exiting {
		return 0
	}
	if r.hasPosted() {
		return 0
	}
	if !r.loop.uvArmed {
		return -1
	}
	d := r.loop.uvTimerDue - r.nowMs()
	if d <= 0 {
		return 0
	}
	return time.Duration(d) * time.Millisecond
}

// poll waits for completions until timeout (negative: no limit) and runs
// every completion that has arrived, as uv__io_poll does. Snapshots that
// fall due meanwhile are taken without leaving the wait, so observing the
// loop never adds iterations to it.
func (r *Runtime) poll(ctx context.Context, timeout time.Duration) {
	if timeout != 0 && !r.hasPosted() && r.alive() {
		if r.tracingLoop() {
			r.showPhase() // poll waits: the idle time the records show
		}
		idleStart := time.Now()
		r.loop.idleSince = idleStart
		var deadline time.Time
		if timeout > 0 {
			deadline = idleStart.Add(timeout)
		}
		for ctx.Err() == nil && !r.hasPosted() {
			wait := time.Duration(-1)
			if timeout > 0 {
				wait = time.Until(deadline)
				if wait <= 0 {
					break
				}
			}
			if snap := r.nextSnapshotIn(); snap >= 0 && (wait < 0 || snap < wait) {
				wait = snap
			}
			if samp := r.nextSampleIn(); samp >= 0 && (wait < 0 || samp < wait) {
				// A sampler falls due: poll ends so that the timers phase
				// runs it, as libuv's unref'd timer would.
				if samp == 0 {
					break
				}
				wait = samp
			}
			if wait < 0 {
				select {
				case <-r.wake:
				case <-ctx.Done():
				}
				continue
			}
			t := time.NewTimer(wait)
			select {
			case <-r.wake:
			case <-t.C:
			case <-ctx.Done():
			}
			t.Stop()
			r.maybeSnapshot()
		}
		r.loop.idle += time.Since(idleStart)
		r.loop.idleSince = time.Time{}
	}
	r.runPosted()
}

// runPosted runs the completions other goroutines posted before this poll
// phase looked, in order. Completions posted while they run wait for the
// next poll phase, as events arriving after epoll_wait returned do.
func (r *Runtime) runPosted() {
	r.mu.Lock()
	batch := r.posted
	r.posted = nil
	r.mu.Unlock()
	r.loop.eventsWaiting += uint64(len(batch))
	r.loop.events += uint64(len(batch))
	for i, fn := range batch {
		if r.exiting {
			// Dropped: a real process would never reach them.
			clear(batch[i:])
			return
		}
		r.fresh = 0 // the completion's Go work takes time of its own
		r.safeGo(fn)
	}
}

// safeGo runs loop-side Go code that may call into JavaScript and turns an
// escaping engine panic into a fatal exception instead of a crash.
func (r *Runtime) safeGo(fn func()) {
	defer func() {
		if x := recover(); x != nil {
			r.internalError(panicError(x))
		}
	}()
	fn()
}

// makeCallback is Node's MakeCallback/InternalCallbackScope: run fn with
// this and args as macrotask `op`, then the nextTick queue, then microtasks
// (goja drains them when the outermost call returns), repeated until both
// queues and the rejection list are empty.
func (r *Runtime) makeCallback(phase trace.Phase, op, trigger uint64, typ string, fn goja.Value, this goja.Value, args goja.Value) {
	if args == nil {
		args = goja.Undefined()
	}
	r.callbackScope(phase, op, trigger, typ, r.runCallback, fn, this, args)
}

// callbackScope enters JS through trampoline tramp with three arguments.
// The argument buffer is reused: goja copies arguments onto its own stack
// before running anything, so a nested scope cannot disturb an outer one.
func (r *Runtime) callbackScope(phase trace.Phase, op, trigger uint64, typ string, tramp goja.Callable, a, b, c goja.Value) {
	r.cbEnd = 0
	if r.exiting {
		return
	}
	if r.hooks != nil {
		r.hooks.BeforeCallback(CallbackInfo{Phase: phase, Op: op, Trigger: trigger, Type: typ, Iteration: r.loop.iteration})
		r.fresh = 0 // a hook may hold the loop (learning mode)
	}
	prev, prevSite := r.ids, r.execSite
	r.ids.exec, r.ids.trigger = op, trigger
	r.execSite, r.cbSite = r.cbSite, nil
	active := r.tracingOp(typ)
	var t0 int64
	if active {
		r.showPhase()
		if t0 = r.fresh; t0 == 0 {
			t0 = r.rec.Now()
		}
		r.rec.Emit(trace.Event{Kind: trace.KindBefore, Time: t0, Op: op, Trigger: trigger, Type: typ, Phase: phase})
	}
	r.argBuf = [3]goja.Value{a, b, c}
	r.call(tramp, r.argBuf[:]...)
	r.argBuf = [3]goja.Value{}
	r.ids.exec, r.ids.trigger = prev.exec, prev.trigger
	r.execSite = prevSite
	r.drainTicks()
	if active {
		t1 := r.rec.Now()
		r.rec.Emit(trace.Event{Kind: trace.KindAfter, Time: t1, Op: op, Type: typ, Phase: phase, Duration: time.Duration(t1 - t0)})
		r.cbEnd = t1
		r.fresh = t1
	}
	r.maybeSnapshotAt(r.cbEnd)
}

// drainTicks is the tail of InternalCallbackScope::Close: while ticks or
// unhandled rejections remain after a microtask drain, process them.
func (r *Runtime) drainTicks() {
	for !r.exiting {
		switch {
		case r.ticks.len() > 0:
			r.call(r.runTicks)
		case r.rejectionToWarn:
			r.rejectionToWarn = false
			r.call(r.processRejections)
		default:
			return
		}
	}
}

// call is the single door from the loop into goja. It recovers engine
// panics and handles the interrupts Studio itself raises.
func (r *Runtime) call(fn goja.Callable, args ...goja.Value) {
	r.fresh = 0
	defer func() {
		if x := recover(); x != nil {
			r.internalError(panicError(x))
		}
	}()
	_, err := fn(goja.Undefined(), args...)
	if err == nil {
		return
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		// goja's stack overflow cannot be caught by JS (V8's RangeError can):
		// report it as Node reports an uncaught one.
		r.fatalUncatchable(stackOverflowReport(so.String()))
		return
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		switch v := ie.Value().(type) {
		case exitSignal:
			r.exiting = true
			r.exitCode = v.code
		case cancelSignal:
			r.exiting = true
			r.exitCode = 130
		case stackOverflowSignal:
			r.fatalUncatchable(stackOverflowReport(v.stack))
		}
		return
	}
	// runCallback catches JS exceptions itself; an error here comes from the
	// trampoline failing, which is an engine fault.
	r.internalError(err)
}

// stackOverflowReport prints a stack overflow as V8 does: the RangeError
// and, as Error.stackTraceLimit allows by default, its first 10 frames.
func stackOverflowReport(stack string) string {
	lines := strings.Split(strings.TrimSpace(nodelib.NormalizeStack(stack)), "\n")
	var frames []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "at ") {
			frames = append(frames, "    "+l)
		}
		if len(frames) == 10 {
			break
		}
	}
	return "RangeError: Maximum call stack size exceeded\n" + strings.Join(frames, "\n")
}

// fatalUncatchable ends the program on an error JS could not catch.
func (r *Runtime) fatalUncatchable(report string) {
	if r.exiting {
		return
	}
	r.exiting = true
	r.exitCode = exitGenericUserError
	r.emitExit(exitGenericUserError)
	r.writeFatal(report)
	r.exitCode = r.processExitCode(exitGenericUserError)
}

// internalError reports a fault of the engine (a goja panic) as an uncaught
// exception of the program: Studio itself must never crash on a script.
func (r *Runtime) internalError(err error) {
	if r.exiting {
		return
	}
	r.log.Error("engine fault", "err", err)
	r.writeFatal("Uncaught " + err.Error())
	r.exiting = true
	r.exitCode = 1
	r.emitExit(1)
}

func msDuration(ms int64) time.Duration { return time.Duration(ms) * time.Millisecond }
