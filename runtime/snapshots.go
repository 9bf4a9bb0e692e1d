package runtime

import (
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

// SnapshotSubscription receives periodic snapshots of the loop. The loop
// never waits for it: if the previous snapshot was not read yet, the newer
// one replaces it and Dropped grows.
type SnapshotSubscription struct {
	r        *Runtime
	c        chan trace.Snapshot
	interval time.Duration
	next     int64 // Recorder time it falls due; loop goroutine only
	last     int64 // Recorder time of the last snapshot sent; loop goroutine only
	dropped  atomic.Uint64
	once     sync.Once
}

// C delivers the snapshots. It is closed when the subscription is closed or
// the program has ended.
func (s *SnapshotSubscription) C() <-chan trace.Snapshot { return s.c }

// Dropped counts snapshots replaced before they were read.
func (s *SnapshotSubscription) Dropped() uint64 { return s.dropped.Load() }

// Close ends the subscription. Any goroutine; idempotent.
func (s *SnapshotSubscription) Close() {
	s.r.snaps.remove(s)
}

// snapshotSubs is the set of snapshot subscribers.
type snapshotSubs struct {
	mu   sync.Mutex
	subs []*SnapshotSubscription
	n    atomic.Int32 // len(subs), read by the loop without the lock
	// due is the Recorder time before which no subscriber falls due, so
	// that the loop, which asks after every callback, reads it without
	// the lock; 0 when unknown (a subscriber was added).
	due    atomic.Int64
	closed bool
}

// SubscribeSnapshots delivers a Snapshot of the loop every interval (at
// least 1 ms) while the program runs: at phase boundaries and between
// callbacks, and while the loop waits in poll. A long synchronous callback
// delays the next snapshot until it returns, since only the loop goroutine
// may read the loop. Any goroutine may call it.
func (r *Runtime) SubscribeSnapshots(interval time.Duration) *SnapshotSubscription {
	if interval < time.Millisecond {
		interval = time.Millisecond
	}
	s := &SnapshotSubscription{r: r, c: make(chan trace.Snapshot, 1), interval: interval}
	ss := &r.snaps
	ss.mu.Lock()
	if ss.closed {
		ss.mu.Unlock()
		close(s.c)
		return s
	}
	ss.subs = append(ss.subs, s)
	ss.n.Store(int32(len(ss.subs)))
	ss.due.Store(0)
	ss.mu.Unlock()
	// Wake a loop sleeping in poll so that it learns the new deadline.
	select {
	case r.wake <- struct{}{}:
	default:
	}
	return s
}

func (ss *snapshotSubs) remove(s *SnapshotSubscription) {
	ss.mu.Lock()
	for i, x := range ss.subs {
		if x == s {
			ss.subs = append(ss.subs[:i], ss.subs[i+1:]...)
			ss.n.Store(int32(len(ss.subs)))
			s.once.Do(func() { close(s.c) })
			break
		}
	}
	ss.mu.Unlock()
}

// closeAll ends every subscription when the program ends.
func (ss *snapshotSubs) closeAll() {
	ss.mu.Lock()
	ss.closed = true
	for _, s := range ss.subs {
		s.once.Do(func() { close(s.c) })
	}
	ss.subs = nil
	ss.n.Store(0)
	ss.mu.Unlock()
}

// maybeSnapshot sends a snapshot to every subscriber that is due. Loop
// goroutine only; costs one atomic load when nobody subscribes.
func (r *Runtime) maybeSnapshot() { r.maybeSnapshotAt(0) }

// maybeSnapshotAt is maybeSnapshot at Recorder time now, for callers that
// read the clock already (0: read it).
func (r *Runtime) maybeSnapshotAt(now int64) {
	if r.snaps.n.Load() == 0 {
		return
	}
	ss := &r.snaps
	if now == 0 {
		now = r.rec.Now()
	}
	if now < ss.due.Load() {
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	var snap trace.Snapshot
	taken := false
	due := int64(math.MaxInt64)
	for _, s := range ss.subs {
		if now < s.next {
			due = min(due, s.next)
			continue
		}
		if !taken {
			snap = r.Snapshot()
			taken = true
		}
		s.next = now + int64(s.interval)
		due = min(due, s.next)
		s.last = snap.Time
		select {
		case s.c <- snap:
		default:
			// Replace the unread snapshot with the newer one.
			select {
			case <-s.c:
				s.dropped.Add(1)
			default:
			}
			select {
			case s.c <- snap:
			default:
				s.dropped.Add(1)
			}
		}
	}
	ss.due.Store(due)
	if taken {
		r.fresh = 0 // taking it took time
	}
}

// nextSnapshotIn is how long the loop may sleep before a snapshot is due,
// or -1 when nobody subscribes.
func (r *Runtime) nextSnapshotIn() time.Duration {
	if r.snaps.n.Load() == 0 {
		return -1
	}
	ss := &r.snaps
	ss.mu.Lock()
	defer ss.mu.Unlock()
	d := time.Duration(-1)
	now := r.rec.Now()
	for _, s := range ss.subs {
		until := time.Duration(s.next - now)
		if until < 0 {
			until = 0
		}
		if d < 0 || until < d {
			d = until
		}
	}
	return d
}

// finalSnapshot gives every subscriber the loop as the program ends, so
// panels do not keep an older state. Loop goroutine, at the end of Run.
func (r *Runtime) finalSnapshot() {
	if r.snaps.n.Load() == 0 {
		return
	}
	now := r.rec.Now()
	r.snaps.mu.Lock()
	for _, s := range r.snaps.subs {
		if s.last < now { // none sent at this very instant already
			s.next = 0
		}
	}
	r.snaps.due.Store(0)
	r.snaps.mu.Unlock()
	r.maybeSnapshot()
}
