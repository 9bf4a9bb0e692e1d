package debugger

import (
	"fmt"
	"time"

	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/trace"
)

// Learning mode: the event loop in slow motion, and stops between
// callbacks and at phase boundaries rather than at statements. A loop
// pause blocks the loop goroutine in a runtime hook, like a statement
// pause blocks it in $$h, and serves the same commands (evaluation in the
// global scope, object properties, the loop's state); Resume and the loop
// steps end it.

// LoopStep says where the loop stops next.
type LoopStep int

const (
	LoopRun       LoopStep = iota // no loop stop
	LoopCallback                  // before the next callback
	LoopPhase                     // at the next phase boundary
	LoopIteration                 // at the start of the next iteration (its timers phase)
)

// CallbackStop describes the callback a loop pause stops before: which
// queue it came from and why it runs now.
type CallbackStop struct {
	Op      uint64
	Trigger uint64
	Type    string
	Phase   trace.Phase
	Queue   string // "timers", "immediates", "I/O completions", "close callbacks", ...
	Why     string
}

// learnState is the loop goroutine's learning-mode state, set through onLoop.
type learnState struct {
	pace    time.Duration
	step    LoopStep
	atPhase trace.Phase // stop whenever the loop enters this phase (PhaseNone: never)
	iter    uint64
}

// SetPace slows the loop down: it waits d before every callback (0: full
// speed). Clients stay served while it waits.
func (d *Debugger) SetPace(pace time.Duration) error {
	if pace < 0 || pace > time.Minute {
		return fmt.Errorf("pace %v: %w", pace, ErrBadArgument)
	}
	return d.onLoop(func() { d.learn.pace = pace })
}

// PauseAtPhase stops the loop every time it enters phase (PhaseNone
// turns it off).
func (d *Debugger) PauseAtPhase(phase trace.Phase) error {
	if phase >= trace.NumPhases {
		return fmt.Errorf("phase %d: %w", phase, ErrBadArgument)
	}
	return d.onLoop(func() { d.learn.atPhase = phase })
}

// StepLoop stops the loop at its next callback, phase or iteration. When
// paused (at a statement or in the loop), it resumes first.
func (d *Debugger) StepLoop(step LoopStep) error {
	set := func() { d.learn.step = step }
	if err := d.do(func(ps *pauseState) error {
		set()
		ps.action = stepNone
		ps.done = true
		return nil
	}); err == nil {
		return nil
	}
	return d.onLoop(set)
}

// beforeCallback is the runtime hook: pace, then a callback stop.
func (d *Debugger) beforeCallback(cb runtime.CallbackInfo) {
	l := &d.learn
	if l.pace > 0 {
		d.wait(l.pace)
	}
	if l.step == LoopCallback {
		l.step = LoopRun
		stop := describeCallback(cb)
		d.loopPause(ReasonCallback, &stop)
	}
}

// phaseBoundary is the runtime hook at each phase entry.
func (d *Debugger) phaseBoundary(phase trace.Phase, iteration uint64) {
	l := &d.learn
	switch {
	case l.step == LoopPhase,
		l.step == LoopIteration && phase == trace.PhaseTimers && iteration != l.iter,
		l.atPhase != trace.PhaseNone && phase == l.atPhase:
		l.step = LoopRun
		d.loopPause(ReasonPhase, nil)
	}
	l.iter = iteration
}

// wait sleeps on the loop goroutine while serving commands.
func (d *Debugger) wait(dur time.Duration) {
	t := time.NewTimer(dur)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			return
		case fn := <-d.cmds:
			fn()
		case <-d.wake:
			d.runLoopWork()
		case <-d.ctx.Done():
			return
		}
	}
}

// loopPause stops the loop between callbacks: no JavaScript frames.
func (d *Debugger) loopPause(reason string, cb *CallbackStop) {
	d.holdPause(Paused{Reason: reason, Loop: d.rt.Snapshot(), Callback: cb})
}

// holdPause stops the loop goroutine outside any statement hook (a loop
// stop, an uncaught exception) until a resume command.
func (d *Debugger) holdPause(ev Paused) {
	ps := &pauseState{frames: ev.Frames}
	d.serve(ps, ev)
	if ps.action != stepNone {
		// A statement step from a loop pause: stop in the callback's code.
		d.step = stepState{kind: stepInto, turn: d.turn}
	}
	d.armAll()
	d.emit(Resumed{})
}

// describeCallback says which queue a callback comes from and why it runs now.
func describeCallback(cb runtime.CallbackInfo) CallbackStop {
	s := CallbackStop{Op: cb.Op, Trigger: cb.Trigger, Type: cb.Type, Phase: cb.Phase}
	switch {
	case cb.Phase == trace.PhaseNone && cb.Op == 1:
		s.Queue = "main"
		s.Why = "the main module runs first, before the loop's first iteration"
	case cb.Phase == trace.PhaseNone:
		s.Queue = "process"
		s.Why = "the loop ran out of work, so process 'beforeExit' is emitted; new work would keep the loop going"
	case cb.Type == "Timeout":
		s.Queue = "timers"
		s.Why = "its timer expired, and the timers phase runs every expired timer in expiry order"
	case cb.Type == "Immediate":
		s.Queue = "immediates"
		s.Why = "setImmediate callbacks run in the check phase, right after poll"
	case cb.Phase == trace.PhaseClose:
		s.Queue = "close callbacks"
		s.Why = "a handle closed; close callbacks run in the last phase of the iteration"
	case cb.Phase == trace.PhasePending:
		s.Queue = "pending callbacks"
		s.Why = "an I/O callback deferred from the previous iteration"
	case cb.Phase == trace.PhasePoll:
		s.Queue = "I/O completions"
		s.Why = fmt.Sprintf("its %s operation completed; the poll phase runs completions as they arrive", cb.Type)
	default:
		s.Queue = cb.Phase.String()
		s.Why = fmt.Sprintf("a %s callback in the %s phase", cb.Type, cb.Phase)
	}
	return s
}

// Reasons for loop pauses.
const (
	ReasonCallback = "callback" // before a callback (StepLoop(LoopCallback))
	ReasonPhase    = "phase"    // at a phase boundary
)
