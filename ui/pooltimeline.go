package ui

import (
	"fmt"

	"github.com/studiojs/studio/inspector"
)

// The worker pool's recent past, lane by lane, from the queued, started
// and finished records of Studio.events: each job's wait in the pool's
// queue (queued → started) and its run on a lane (started → finished).
// The snapshots say what runs now; the records say exactly when each job
// waited and ran, which snapshots taken 20 times a second cannot.

// poolSpan is one job of the pool: its wait and its run on a lane.
type poolSpan struct {
	op                        uint64
	typ                       string
	loc                       *inspector.SourceLocation
	queued, started, finished float64 // ms; finished < 0 while it runs
}

// wait and run are the span's two durations (ms), run up to now while it
// runs.
func (s *poolSpan) wait() float64 { return max(s.started-s.queued, 0) }
func (s *poolSpan) run(now float64) float64 {
	if s.finished < 0 {
		return max(now-s.started, 0)
	}
	return max(s.finished-s.started, 0)
}

// describe is what hovering the span shows.
func (s *poolSpan) describe(w *Window, now float64) string {
	state := "ran"
	if s.finished < 0 {
		state = "running for"
	}
	at := "an unknown place"
	if s.loc != nil && s.loc.URL != "" {
		at = fmt.Sprintf("%s:%d", w.rel(pathOfURL(s.loc.URL)), s.loc.LineNumber)
		if s.loc.Function != "" {
			at += " in " + s.loc.Function
		}
	}
	return fmt.Sprintf("%s #%d · waited %s in the queue, %s %s · created at %s", s.typ, s.op, fmtMs(s.wait()), state, fmtMs(s.run(now)), at)
}

// poolOp is an op between its init and its start on a lane.
type poolOp struct {
	typ    string
	loc    *inspector.SourceLocation
	queued float64
	lane   int // -1 until started
	span   int // index in its lane's spans once started
}

// notPooled are the op types that never go to the pool: the timeline
// does not remember their inits (a program with 10k timers makes many).
var notPooled = map[string]bool{"Timeout": true, "Immediate": true, "TickObject": true, "PROMISE": true, "Microtask": true}

// poolTimeline folds Studio.events into per-lane spans over the last
// laneWindowMs. It belongs to the UI goroutine.
type poolTimeline struct {
	ops   map[uint64]*poolOp
	lanes [][]poolSpan
	now   float64 // the latest record's time
	gen   int     // bumped on every change, for redraws
}

func newPoolTimeline() *poolTimeline { return &poolTimeline{ops: map[uint64]*poolOp{}} }

func (t *poolTimeline) add(b inspector.EventsBatch) {
	for i := range b.Events {
		e := &b.Events[i]
		switch e.Kind {
		case "init":
			if notPooled[e.Type] || len(t.ops) >= maxTrackedOps {
				continue
			}
			t.ops[e.Op] = &poolOp{typ: e.Type, loc: e.Location, lane: -1}
		case "queued":
			if o := t.ops[e.Op]; o != nil {
				o.queued = e.TimeMs
			}
		case "started":
			o := t.ops[e.Op]
			if o == nil || e.Worker < 0 || e.Worker > 1024 {
				continue
			}
			for len(t.lanes) <= e.Worker {
				t.lanes = append(t.lanes, nil)
			}
			queued := o.queued
			if queued == 0 {
				queued = e.TimeMs - e.DurationMs // the record's own wait
			}
			o.lane, o.span = e.Worker, len(t.lanes[e.Worker])
			t.lanes[e.Worker] = append(t.lanes[e.Worker], poolSpan{op: e.Op, typ: o.typ, loc: o.loc, queued: queued, started: e.TimeMs, finished: -1})
		case "finished":
			if o := t.ops[e.Op]; o != nil && o.lane >= 0 && o.span < len(t.lanes[o.lane]) && t.lanes[o.lane][o.span].op == e.Op {
				t.lanes[o.lane][o.span].finished = e.TimeMs
			}
		case "destroy":
			delete(t.ops, e.Op)
		}
		t.now = max(t.now, e.TimeMs)
	}
	t.trim()
	t.gen++
}

// trim forgets the spans that ended before the window.
func (t *poolTimeline) trim() {
	for i, spans := range t.lanes {
		n := 0
		for n < len(spans) && spans[n].finished >= 0 && spans[n].finished < t.now-laneWindowMs {
			n++
		}
		if n == 0 {
			continue
		}
		t.lanes[i] = append(spans[:0:0], spans[n:]...)
		// The ops still running on the lane moved.
		for j := range t.lanes[i] {
			if o := t.ops[t.lanes[i][j].op]; o != nil && o.lane == i {
				o.span = j
			}
		}
	}
}

// spans are lane i's recent jobs, oldest first.
func (t *poolTimeline) spans(i int) []poolSpan {
	if i < 0 || i >= len(t.lanes) {
		return nil
	}
	return t.lanes[i]
}
