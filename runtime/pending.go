package runtime

import (
	"sync/atomic"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

// pendingOp is a pool request or a handle between its creation and its
// end, for the pending-ops table of snapshots. Timers, immediates and
// ticks are not here: snapshots read them from their own queues.
type pendingOp struct {
	op      Op
	created int64 // Recorder time
	site    trace.Frame
	handle  bool        // a handle (socket, server, watcher): "armed" while open
	done    atomic.Bool // set by the pool worker when the work has run
}

// pendingTable is owned by the loop goroutine; only pendingOp.done is
// written elsewhere.
type pendingTable map[uint64]*pendingOp

func (r *Runtime) addPending(op Op, site trace.Frame, handle bool) *pendingOp {
	p := &pendingOp{op: op, site: site, handle: handle, created: r.rec.Now()}
	if r.pending == nil {
		r.pending = make(pendingTable)
	}
	r.pending[op.ID] = p
	return p
}

func (r *Runtime) removePending(id uint64) { delete(r.pending, id) }

// snapshotMaxPending caps the pending table of one snapshot; PendingTotal
// still counts every pending op.
const snapshotMaxPending = 256

// pendingOps lists what is pending, oldest first: pool requests (queued,
// running or waiting for their callback), handles, timers and immediates.
func (r *Runtime) pendingOps(now int64, pool trace.PoolState) ([]trace.PendingOp, int) {
	running := make(map[uint64]bool, len(pool.Workers))
	for _, w := range pool.Workers {
		if w.Busy {
			running[w.Op] = true
		}
	}
	// Keep only the oldest snapshotMaxPending without sorting them all: a
	// program with 200k armed timers took 100 ms per snapshot (and the
	// loop spent most of its time there under --trace-out). Once the list
	// has been trimmed, an op younger than the youngest kept cannot make
	// it, and is only counted.
	var out []trace.PendingOp
	total := 0
	full := false
	var lastCreated int64
	var lastID uint64
	keep := func(created int64, id uint64) bool {
		total++
		return !full || created < lastCreated || created == lastCreated && id < lastID
	}
	add := func(ref trace.OpRef, state string) {
		out = append(out, trace.PendingOp{OpRef: ref, State: state, Age: time.Duration(now - ref.Created)})
		if len(out) >= 2*snapshotMaxPending {
			trace.SortPending(out)
			out = out[:snapshotMaxPending]
			full = true
			lastCreated, lastID = out[len(out)-1].Created, out[len(out)-1].ID
		}
	}
	for _, p := range r.pending {
		if !keep(p.created, p.op.ID) {
			continue
		}
		state := "armed"
		if !p.handle {
			switch {
			case p.done.Load():
				state = "waiting-callback"
			case running[p.op.ID]:
				state = "running"
			default:
				state = "queued"
			}
		}
		add(trace.OpRef{ID: p.op.ID, Trigger: p.op.Trigger, Type: p.op.Type, Created: p.created, Location: p.site}, state)
	}
	for _, list := range r.loop.timers.queue {
		for t := list.head; t != nil; t = t.next {
			if !keep(t.created, t.asyncID) {
				continue
			}
			add(trace.OpRef{ID: t.asyncID, Trigger: t.triggerID, Type: "Timeout", Created: t.created, Due: r.msToRecorder(t.idleStart + list.msecs), Location: t.site}, "armed")
		}
	}
	for _, q := range []*immediateList{&r.loop.immediates.outstanding, &r.loop.immediates.queue} {
		for im := q.head; im != nil; im = im.next {
			if !keep(im.created, im.asyncID) {
				continue
			}
			add(trace.OpRef{ID: im.asyncID, Trigger: im.triggerID, Type: "Immediate", Created: im.created, Location: im.site}, "armed")
		}
	}
	trace.SortPending(out)
	if len(out) > snapshotMaxPending {
		out = out[:snapshotMaxPending]
	}
	return out, total
}
