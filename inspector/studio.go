package inspector

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/runtime/trace"
)

// Studio's own domain: what CDP cannot carry. The event loop as snapshots
// (phase, queues, pool lanes, pending ops, lag, ELU) at up to 30 Hz, the
// async-op records as an event stream with a drop count, the loop's state
// at every pause, and learning mode's controls. docs/protocol.md documents
// it with examples.

// minSnapshotInterval caps snapshots at 30 Hz.
const minSnapshotInterval = 33 * time.Millisecond

func init() {
	methods["Studio.enable"] = (*Session).studioEnable
	methods["Studio.disable"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		s.stopStudio()
		s.stopProfile()
		return nil, nil
	}
	methods["Studio.getSnapshot"] = func(s *Session, ctx context.Context, _ json.RawMessage) (any, error) {
		snap, err := s.snapshotNow(ctx)
		if err != nil {
			return nil, err
		}
		return map[string]any{"snapshot": snapshotJSON(snap)}, nil
	}
	methods["Studio.setPace"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			Milliseconds float64 `json:"milliseconds"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		if err := s.t.Debugger.SetPace(time.Duration(req.Milliseconds * float64(time.Millisecond))); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidParams, err)
		}
		return nil, nil
	}
	methods["Studio.pauseAtPhase"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			Phase string `json:"phase"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		ph, ok := phaseByName(req.Phase)
		if !ok {
			return nil, fmt.Errorf("%w: unknown phase %q", ErrInvalidParams, req.Phase)
		}
		return nil, s.t.Debugger.PauseAtPhase(ph)
	}
	methods["Studio.getBreakpoints"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		bps := s.t.Debugger.Breakpoints()
		out := make([]map[string]any, 0, len(bps))
		for _, bp := range bps {
			out = append(out, map[string]any{"breakpointId": bp.ID, "enabled": bp.Enabled, "hits": bp.Hits})
		}
		return map[string]any{"breakpoints": out}, nil
	}
	methods["Studio.setBreakpointEnabled"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			BreakpointID string `json:"breakpointId"`
			Enabled      bool   `json:"enabled"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		if err := s.t.Debugger.EnableBreakpoint(req.BreakpointID, req.Enabled); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidParams, err)
		}
		return nil, nil
	}
	methods["Studio.stepCallback"] = loopStepper(debugger.LoopCallback)
	methods["Studio.stepPhase"] = loopStepper(debugger.LoopPhase)
	methods["Studio.stepIteration"] = loopStepper(debugger.LoopIteration)
}

func loopStepper(step debugger.LoopStep) handler {
	return func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		return nil, s.t.Debugger.StepLoop(step)
	}
}

func phaseByName(name string) (trace.Phase, bool) {
	if name == "" {
		return trace.PhaseNone, true
	}
	for p := trace.PhaseTimers; p < trace.NumPhases; p++ {
		if p.String() == name {
			return p, true
		}
	}
	return 0, false
}

// studioEnable starts the snapshot and event streams.
func (s *Session) studioEnable(_ context.Context, p json.RawMessage) (any, error) {
	var req struct {
		SnapshotInterval float64 `json:"snapshotInterval"` // ms; default 50
		Events           bool    `json:"events"`
		Profile          bool    `json:"profile"`
		// EventKinds, when set, are the only record kinds sent (a client
		// that draws no phases saves encoding thousands a second).
		EventKinds []string `json:"eventKinds"`
		// PendingLimit, when > 0, caps the pending ops a snapshot lists.
		PendingLimit int `json:"pendingLimit"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	kinds, err := kindSet(req.EventKinds)
	if err != nil {
		return nil, err
	}
	interval := 50 * time.Millisecond
	if req.SnapshotInterval > 0 {
		interval = time.Duration(req.SnapshotInterval * float64(time.Millisecond))
	}
	if interval < minSnapshotInterval {
		interval = minSnapshotInterval
	}
	rt := s.t.Runtime()
	if rt == nil {
		return nil, &serverError{"no program attached"}
	}
	s.stopStudio()
	ctx, cancel := context.WithCancel(s.ctx)
	done := make(chan struct{})
	s.mu.Lock()
	s.enabled["Studio"] = true
	s.studioStop = func() {
		cancel()
		<-done
	}
	flush := make(chan chan struct{})
	s.studioFlush = func() {
		reply := make(chan struct{})
		select {
		case flush <- reply:
			<-reply
		case <-done:
		}
	}
	s.mu.Unlock()
	snaps := rt.SubscribeSnapshots(interval)
	var events *trace.Subscription
	if req.Events {
		// With the profiler on, init records carry where the op was
		// created (the stacks are captured for the profiler anyway).
		events = rt.Recorder().Subscribe(trace.SubscribeOptions{Buffer: 1 << 16, Stacks: req.Profile})
	}
	if req.Profile {
		s.startProfile(rt.Recorder(), 0)
	}
	go func() {
		defer close(done)
		defer snaps.Close()
		if events != nil {
			defer events.Close()
		}
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case reply := <-flush:
				if events != nil {
					s.flushEvents(events, kinds)
				}
				close(reply)
			case snap, ok := <-snaps.C():
				if !ok {
					// The program has ended: send its last records.
					if events != nil {
						s.flushEvents(events, kinds)
					}
					return
				}
				s.notify("Studio.snapshot", map[string]any{"snapshot": snapshotJSON(limitPending(snap, req.PendingLimit)), "paused": false, "dropped": snaps.Dropped()})
			case <-tick.C:
				if events != nil {
					s.flushEvents(events, kinds)
				}
				// A paused loop takes no snapshots of its own: ask for one,
				// so that the panels stay live (pool jobs and I/O go on).
				if _, paused := s.t.Debugger.CurrentPause(); paused {
					if snap, err := s.t.Debugger.LoopState(); err == nil {
						s.notify("Studio.snapshot", map[string]any{"snapshot": snapshotJSON(limitPending(snap, req.PendingLimit)), "paused": true, "dropped": snaps.Dropped()})
					}
				}
			}
		}
	}()
	return map[string]any{"snapshotInterval": float64(interval) / float64(time.Millisecond)}, nil
}

func (s *Session) stopStudio() {
	s.mu.Lock()
	stop := s.studioStop
	s.studioStop, s.studioFlush = nil, nil
	s.enabled["Studio"] = false
	s.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// flushStudio sends the records not yet sent (the program has ended: no
// tick would send them before the client goes).
func (s *Session) flushStudio() {
	s.mu.Lock()
	flush := s.studioFlush
	s.mu.Unlock()
	if flush != nil {
		flush()
	}
}

// flushEvents sends the async-op records that arrived since the last flush.
func (s *Session) flushEvents(sub *trace.Subscription, kinds map[trace.Kind]bool) {
	var batch []map[string]any
	for read := 0; read < 10000; read++ {
		select {
		case e := <-sub.Events():
			if kinds == nil || kinds[e.Kind] {
				batch = append(batch, eventJSON(e))
			}
			continue
		default:
		}
		break
	}
	if len(batch) > 0 {
		s.notify("Studio.events", map[string]any{"events": batch, "dropped": sub.Dropped()})
	}
}

// limitPending keeps a snapshot's first limit pending ops (all when
// limit <= 0); pendingTotal still counts them all.
func limitPending(s trace.Snapshot, limit int) trace.Snapshot {
	if limit > 0 && len(s.Pending) > limit {
		s.Pending = s.Pending[:limit]
	}
	return s
}

// kindSet is the record kinds named, or nil for all.
func kindSet(names []string) (map[trace.Kind]bool, error) {
	if len(names) == 0 {
		return nil, nil
	}
	set := map[trace.Kind]bool{}
	for _, n := range names {
		found := false
		for k := trace.KindInit; k <= trace.KindIteration; k++ {
			if k.String() == n {
				set[k], found = true, true
			}
		}
		if !found {
			return nil, fmt.Errorf("%w: unknown record kind %q", ErrInvalidParams, n)
		}
	}
	return set, nil
}

// snapshotNow is the loop's state now: a fresh snapshot while paused, or
// one taken on the loop between callbacks.
func (s *Session) snapshotNow(ctx context.Context) (trace.Snapshot, error) {
	if snap, err := s.t.Debugger.LoopState(); err == nil {
		return snap, nil
	}
	rt := s.t.Runtime()
	if rt == nil {
		return trace.Snapshot{}, &serverError{"no program attached"}
	}
	sub := rt.SubscribeSnapshots(time.Millisecond)
	defer sub.Close()
	select {
	case snap, ok := <-sub.C():
		if !ok {
			return trace.Snapshot{}, &serverError{"the program has ended"}
		}
		return snap, nil
	case <-ctx.Done():
		return trace.Snapshot{}, ctx.Err()
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func nsToMs(ns int64) float64 { return float64(ns) / 1e6 }

func opJSON(o trace.OpRef) map[string]any {
	m := map[string]any{"id": o.ID, "trigger": o.Trigger, "type": o.Type, "createdMs": nsToMs(o.Created)}
	if o.Due != 0 {
		m["dueMs"] = nsToMs(o.Due)
	}
	if o.Location.File != "" {
		m["location"] = map[string]any{"function": o.Location.Function, "url": fileURL(o.Location.File), "lineNumber": o.Location.Line, "columnNumber": o.Location.Column}
	}
	return m
}

func queueJSON(q trace.Queue) map[string]any {
	top := make([]map[string]any, 0, len(q.Top))
	for _, o := range q.Top {
		top = append(top, opJSON(o))
	}
	return map[string]any{"depth": q.Depth, "top": top}
}

// snapshotJSON is a Snapshot as Studio.snapshot carries it. Times are
// milliseconds; positions are 1-based lines and columns.
func snapshotJSON(s trace.Snapshot) map[string]any {
	phaseTime := map[string]float64{}
	for p := trace.PhaseTimers; p < trace.NumPhases; p++ {
		phaseTime[p.String()] = ms(s.PhaseTime[p])
	}
	workers := make([]map[string]any, 0, len(s.Pool.Workers))
	for i, w := range s.Pool.Workers {
		wm := map[string]any{"lane": i, "busy": w.Busy}
		if w.Busy {
			wm["op"], wm["type"], wm["sinceMs"] = w.Op, w.Type, nsToMs(w.Since)
		}
		workers = append(workers, wm)
	}
	poolTop := make([]map[string]any, 0, len(s.Pool.Top))
	for _, o := range s.Pool.Top {
		poolTop = append(poolTop, opJSON(o))
	}
	pending := make([]map[string]any, 0, len(s.Pending))
	for _, p := range s.Pending {
		m := opJSON(p.OpRef)
		m["state"], m["ageMs"] = p.State, ms(p.Age)
		pending = append(pending, m)
	}
	return map[string]any{
		"timeMs": nsToMs(s.Time), "iteration": s.Iteration, "phase": s.Phase.String(), "inCallback": s.InCallback,
		"phaseTimeMs": phaseTime,
		"queues": map[string]any{
			"nextTick": queueJSON(s.NextTicks), "microtasks": queueJSON(s.Microtasks),
			"timers": queueJSON(s.Timers), "immediates": queueJSON(s.Immediates),
			// I/O completions that arrived and wait for the poll phase to run them.
			"completions": queueJSON(s.PendingCallbacks), "close": queueJSON(s.CloseCallbacks),
		},
		"pool":    map[string]any{"size": s.Pool.Size, "queued": s.Pool.Queued, "workers": workers, "top": poolTop},
		"pending": pending, "pendingTotal": s.PendingTotal,
		"lagMs": ms(s.Lag), "elu": s.ELU, "dropped": s.Dropped,
	}
}

// eventJSON is one async-op record of Studio.events.
func eventJSON(e trace.Event) map[string]any {
	m := map[string]any{"kind": e.Kind.String(), "timeMs": nsToMs(e.Time)}
	if e.Op != 0 {
		m["op"] = e.Op
	}
	if e.Trigger != 0 {
		m["trigger"] = e.Trigger
	}
	if e.Type != "" {
		m["type"] = e.Type
	}
	if e.Kind == trace.KindStarted {
		m["worker"] = e.Worker
	}
	if e.Phase != trace.PhaseNone {
		m["phase"] = e.Phase.String()
	}
	if e.Iteration != 0 {
		m["iteration"] = e.Iteration
	}
	if e.Duration != 0 {
		m["durationMs"] = ms(e.Duration)
	}
	if e.Err != "" {
		m["error"] = e.Err
	}
	if len(e.Stack) > 0 {
		f, ok := trace.UserFrame(e.Stack)
		if !ok {
			f = e.Stack[0]
		}
		m["location"] = map[string]any{"function": f.Function, "url": fileURL(f.File), "lineNumber": f.Line, "columnNumber": f.Column}
	}
	return m
}

// studioPaused is the Studio side of a pause: the loop's state, the async
// chain, and for a loop stop the callback it is before.
func (s *Session) studioPaused(p debugger.Paused) map[string]any {
	m := map[string]any{"reason": p.Reason, "loop": snapshotJSON(p.Loop)}
	if p.Callback != nil {
		m["callback"] = map[string]any{"op": p.Callback.Op, "trigger": p.Callback.Trigger, "type": p.Callback.Type,
			"phase": p.Callback.Phase.String(), "queue": p.Callback.Queue, "why": p.Callback.Why}
	}
	var async []map[string]any
	for _, a := range p.Async {
		frames := make([]map[string]any, 0, len(a.Frames))
		for _, f := range a.Frames {
			frames = append(frames, map[string]any{"function": f.Function, "url": fileURL(f.File), "lineNumber": f.Line, "columnNumber": f.Column})
		}
		async = append(async, map[string]any{"op": a.Op, "type": a.Type, "frames": frames})
	}
	if async == nil {
		async = []map[string]any{}
	}
	m["async"] = async
	return m
}
