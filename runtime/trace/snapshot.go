package trace

import (
	"cmp"
	"slices"
	"time"
)

// The snapshot types are plain data: the loop fills them in on its own
// goroutine and hands out copies, so readers need no locks.

// OpRef identifies one async operation in a snapshot.
type OpRef struct {
	ID, Trigger uint64
	Type        string
	// Created is when the op was created, in Recorder time.
	Created int64
	// Due is a timer's expiry in Recorder time; 0 for everything else.
	Due int64
	// Location is where the op was created, when known (zero otherwise).
	Location Frame
}

// Queue is one of the loop's queues.
type Queue struct {
	Depth int
	// Top holds the first few entries in the order they will run.
	Top []OpRef
}

// WorkerState is what one worker-pool lane is doing.
type WorkerState struct {
	Busy bool
	Op   uint64
	Type string
	// Since is when the lane took Op, in Recorder time; 0 when idle.
	Since int64
}

// PoolState is the worker pool at one moment.
type PoolState struct {
	Size    int
	Queued  int
	Workers []WorkerState // indexed by lane
	Top     []OpRef       // the first queued ops in predicted run order
}

// PendingOp is an op that has been created and not yet destroyed.
type PendingOp struct {
	OpRef
	// State is "queued", "running", "waiting-callback" or "armed".
	State string
	Age   time.Duration
}

// Snapshot is the loop at one moment, as the Studio panels show it.
type Snapshot struct {
	Time       int64 // Recorder time the snapshot was taken
	Iteration  uint64
	Phase      Phase
	InCallback bool

	// PhaseTime is the cumulative time spent in each phase.
	PhaseTime [NumPhases]time.Duration

	NextTicks, Timers, Immediates, PendingCallbacks, CloseCallbacks Queue
	// Microtasks is the microtask queue: promise reactions and
	// queueMicrotask callbacks waiting to run. It is empty between
	// callbacks (it drains after each); a snapshot taken inside one (at a
	// breakpoint) shows what the running code has queued. Top lists the
	// queueMicrotask callbacks among them (a promise reaction is no async
	// resource and has no id).
	Microtasks Queue

	Pool PoolState

	// Pending may be capped; PendingTotal is the true count.
	Pending      []PendingOp
	PendingTotal int

	Lag     time.Duration // event-loop lag
	ELU     float64       // event-loop utilisation, 0..1
	Dropped uint64        // trace events dropped
}

// SortPending orders ops oldest first (by Created, then ID), the order the
// pending-ops panel lists them in, so long-lived ops sit at the top.
func SortPending(ops []PendingOp) {
	slices.SortFunc(ops, func(a, b PendingOp) int {
		if c := cmp.Compare(a.Created, b.Created); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
