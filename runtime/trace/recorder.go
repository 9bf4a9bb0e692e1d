package trace

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultBuffer is the number of events a Subscription holds before it
// starts dropping, when SubscribeOptions.Buffer is not positive.
const DefaultBuffer = 4096

// Recorder fans events out to its subscribers. The zero value is not usable;
// call NewRecorder.
//
// A nil *Recorder is inactive: Active, WantStacks and Dropped report false or
// 0, so the usual pattern `if rec.Active() { rec.Emit(...) }` needs no nil
// check. Emit itself does not check for nil, which keeps it inlinable.
type Recorder struct {
	start time.Time

	// subs is the current subscriber list, nil when there is none. The slice
	// it points to is never modified after it is stored (copy on write), so
	// Emit reads it with one atomic load and no lock; that load is the whole
	// cost of an event nobody observes.
	subs    atomic.Pointer[[]*Subscription]
	stacks  atomic.Int32  // subscribers that asked for creation stacks
	ioStack atomic.Int32  // subscribers that asked for them on I/O requests only
	dropped atomic.Uint64 // drops over every subscription, closed ones included
	// interest is the union of the subscribers' Interest: the runtime
	// builds (and stamps, and captures the stack of) no record outside it.
	interest atomic.Uint32

	mu sync.Mutex // serialises changes to subs
}

// NewRecorder returns a Recorder whose clock starts now.
func NewRecorder() *Recorder {
	return &Recorder{start: time.Now()}
}

// Now returns nanoseconds since the Recorder was created, on the monotonic
// clock. Every Time in events and snapshots is on this scale.
func (r *Recorder) Now() int64 {
	return int64(time.Since(r.start))
}

// Start returns the wall-clock time the Recorder's clock counts from, so a
// front end can show absolute times.
func (r *Recorder) Start() time.Time {
	return r.start
}

// Active reports whether at least one subscriber is attached. It is a single
// atomic load: callers use it to skip building events nobody will receive.
func (r *Recorder) Active() bool {
	return r != nil && r.subs.Load() != nil
}

// WantStacks reports whether at least one subscriber asked for creation
// stacks, so the runtime captures a JS stack for KindInit only when someone
// will look at it.
func (r *Recorder) WantStacks() bool {
	return r != nil && (r.stacks.Load() > 0 || r.ioStack.Load() > 0)
}

// WantStacksFor reports whether a subscriber wants the creation stack of
// a resource of type typ: every subscriber with Stacks wants all of them,
// one with IOStacks only those of I/O requests (IsIORequest).
func (r *Recorder) WantStacksFor(typ string) bool {
	if r == nil {
		return false
	}
	if r.stacks.Load() > 0 {
		return true
	}
	return r.ioStack.Load() > 0 && IsIORequest(typ)
}

// Wants reports whether some subscriber wants records of class c (one
// Interest bit, or several: any of them). One atomic load.
func (r *Recorder) Wants(c Interest) bool {
	return r != nil && Interest(r.interest.Load())&c != 0
}

// WantsOp reports whether some subscriber wants the records of an async
// resource of type typ (InterestIO for I/O requests, InterestOps for the
// rest). When every subscriber wants both, no type is looked at.
func (r *Recorder) WantsOp(typ string) bool {
	if r == nil {
		return false
	}
	in := Interest(r.interest.Load())
	if in&(InterestIO|InterestOps) == InterestIO|InterestOps {
		return true
	}
	if in&(InterestIO|InterestOps) == 0 {
		return false
	}
	return in&ClassOf(typ) != 0
}

// Dropped returns how many events have been dropped across all
// subscriptions, including ones since closed.
func (r *Recorder) Dropped() uint64 {
	if r == nil {
		return 0
	}
	return r.dropped.Load()
}

// Emit hands e to every subscriber. It may be called from any goroutine and
// never blocks: a subscriber whose buffer is full misses the event and its
// drop counter grows. If e.Time is zero it is stamped with Now. Events one
// goroutine emits reach each subscriber in emission order; events from
// different goroutines interleave in arrival order, so Time is not
// necessarily monotonic across them.
//
// Emit is kept small enough to inline so that, with no subscriber, the
// caller pays one atomic load and a branch (about 1.6 ns, see
// BenchmarkEmitInactive); a nil check would push it over the inlining
// budget, so r must not be nil.
func (r *Recorder) Emit(e Event) {
	if subs := r.subs.Load(); subs != nil {
		r.fanOut(subs, &e)
	}
}

func (r *Recorder) fanOut(subs *[]*Subscription, e *Event) {
	if e.Time == 0 {
		e.Time = r.Now()
	}
	// HTTP records go only to subscribers that asked for them by name.
	http := e.Kind >= KindHTTPRequest
	for _, s := range *subs {
		if (s.interest != InterestAll || http) && !admits(s.interest, e) {
			continue
		}
		s.deliver(e)
	}
}

// admits reports whether a subscriber with Interest in receives e. It
// looks at e.Type (a string switch: IsIORequest) only when in takes one
// class of op records and not the other: the warnings, which take both
// but not iteration ends, pay no type lookup per record.
func admits(in Interest, e *Event) bool {
	switch e.Kind {
	case KindPhaseEnter, KindPhaseExit:
		return in&InterestLoop != 0
	case KindIteration:
		return in&InterestIteration != 0
	case KindSync:
		return in&InterestIO != 0
	case KindHTTPRequest, KindHTTPResponse:
		return in&InterestHTTP != 0
	}
	switch in & (InterestIO | InterestOps) {
	case InterestIO | InterestOps:
		return true
	case 0:
		return false
	}
	return in&ClassOf(e.Type) != 0
}

// Interest is a set of record classes a subscriber wants (a bitmask). The
// runtime skips building, stamping and capturing the stack of records that
// no subscriber wants: a latency profile of I/O pays nearly nothing for the
// timers and immediates of a busy loop.
type Interest uint8

// The record classes.
const (
	// InterestIO: KindInit..KindDestroy and the pool's records of I/O
	// requests (IsIORequest), and KindSync.
	InterestIO Interest = 1 << iota
	// InterestOps: KindInit..KindDestroy of every other async resource:
	// timers, immediates, ticks, microtasks, promises, handles.
	InterestOps
	// InterestLoop: KindPhaseEnter and KindPhaseExit (which carry the
	// iteration number).
	InterestLoop
	// InterestIteration: KindIteration, the end of each loop iteration.
	InterestIteration
	// InterestHTTP: KindHTTPRequest and KindHTTPResponse. Not part of
	// InterestAll, and delivered only to subscribers that name it: while
	// one does, the runtime adds a traceparent header to the program's
	// outgoing HTTP requests (see HTTP), which changes what the program
	// sends, so only an exporter of traces (studio run --otlp) asks.
	InterestHTTP

	// InterestAll is every record but InterestHTTP's; a zero
	// SubscribeOptions.Interest means it.
	InterestAll = InterestIO | InterestOps | InterestLoop | InterestIteration
)

// ClassOf is the Interest class of an async resource type's records.
func ClassOf(typ string) Interest {
	if IsIORequest(typ) {
		return InterestIO
	}
	return InterestOps
}

// SubscribeOptions configures a Subscription.
type SubscribeOptions struct {
	// Buffer is how many events the subscription holds before dropping;
	// DefaultBuffer when not positive.
	Buffer int
	// Stacks asks for the creation stack on KindInit and KindSync events. Capturing a
	// stack costs the runtime far more than the event itself, so it is done
	// only while some subscriber asks for it.
	Stacks bool
	// IOStacks asks for creation stacks on the KindInit of I/O requests
	// (IsIORequest) and on KindSync only: a latency profile needs no stack
	// for the timers and ticks of a busy loop, whose capture is most of
	// what observing one costs.
	IOStacks bool
	// Batch makes a subscription read only through Consume: events are
	// appended to a buffer under a mutex, which Consume takes whole every
	// millisecond or so, instead of being sent one by one on a channel.
	// A channel send wakes the reader for nearly every event (a futex call
	// on the emitting goroutine, the loop's); a batch costs the emitter an
	// uncontended lock and a copy. For profiles that read everything and
	// need no event the instant it happens. Events panics on such a
	// subscription.
	Batch bool
	// Interest is the classes of records the subscriber receives; zero
	// means InterestAll. Records outside every subscriber's Interest are
	// not even built.
	Interest Interest
}

// Subscribe attaches a new subscriber. It receives every event emitted after
// Subscribe returns, until Close.
func (r *Recorder) Subscribe(opts SubscribeOptions) *Subscription {
	n := opts.Buffer
	if n <= 0 {
		n = DefaultBuffer
	}
	in := opts.Interest & (InterestAll | InterestHTTP)
	if in == 0 {
		in = InterestAll
	}
	s := &Subscription{rec: r, stacks: opts.Stacks || opts.IOStacks, ioOnly: opts.IOStacks && !opts.Stacks, batch: opts.Batch, limit: n, interest: in}
	if !opts.Batch {
		s.ch = make(chan Event, n)
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	var list []*Subscription
	if old := r.subs.Load(); old != nil {
		list = slices.Clone(*old)
	}
	list = append(list, s)
	// Count the stack request before publishing the subscriber, so an Emit
	// that reaches s already sees WantStacks true.
	switch {
	case s.ioOnly:
		r.ioStack.Add(1)
	case s.stacks:
		r.stacks.Add(1)
	}
	r.interest.Store(uint32(unionInterest(list)))
	r.subs.Store(&list)
	return s
}

func unionInterest(list []*Subscription) Interest {
	var in Interest
	for _, s := range list {
		in |= s.interest
	}
	return in
}

func (r *Recorder) remove(s *Subscription) {
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.subs.Load()
	if old == nil {
		return
	}
	i := slices.Index(*old, s)
	if i < 0 {
		return
	}
	if len(*old) == 1 {
		r.subs.Store(nil)
		r.interest.Store(0)
	} else {
		list := slices.Delete(slices.Clone(*old), i, i+1)
		r.subs.Store(&list)
		r.interest.Store(uint32(unionInterest(list)))
	}
	switch {
	case s.ioOnly:
		r.ioStack.Add(-1)
	case s.stacks:
		r.stacks.Add(-1)
	}
}

// Subscription is one observer's view of the stream.
type Subscription struct {
	rec     *Recorder
	ch      chan Event
	stacks  bool
	ioOnly  bool // stacks on I/O requests only
	dropped atomic.Uint64
	// interest is what the subscriber receives; fixed at Subscribe.
	interest Interest

	// Batch mode: buf holds up to limit events, guarded by bmu.
	batch bool
	limit int
	bmu   sync.Mutex
	buf   []Event

	// mu guards closed and the close of ch against in-flight deliveries:
	// an Emit that loaded the subscriber list just before Close removed s
	// holds the read lock while it sends, so Close never closes ch under a
	// sender. Emitters only share the read side, so they do not serialise
	// on each other.
	mu     sync.RWMutex
	closed bool
}

// Events returns the channel events arrive on. Close closes it; events
// already buffered can still be received after that. It panics on a Batch
// subscription, which is read with Consume.
func (s *Subscription) Events() <-chan Event {
	if s.batch {
		panic("trace: Events on a Batch subscription; use Consume")
	}
	return s.ch
}

// Batch polling: Consume takes the buffer every batchPoll while events
// come, backing off to batchIdle when none do.
const (
	batchPoll = time.Millisecond
	batchIdle = 16 * time.Millisecond
)

// take swaps the buffered events with dst's storage and returns them.
func (s *Subscription) take(dst []Event) []Event {
	s.bmu.Lock()
	dst, s.buf = s.buf, dst[:0]
	s.bmu.Unlock()
	return dst
}

func (s *Subscription) consumeBatches(ctx context.Context, fn func([]Event)) uint64 {
	var batch []Event
	wait := batchPoll
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		done := ctx.Err() != nil
		batch = s.take(batch)
		if len(batch) > 0 {
			fn(batch)
		}
		clear(batch) // the stacks and strings they hold
		if done {
			if len(batch) == 0 {
				return s.Dropped()
			}
			continue // drain what came while fn ran
		}
		if len(batch) == 0 {
			wait = min(wait*2, batchIdle)
		} else {
			wait = batchPoll
		}
		t.Reset(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
		}
	}
}

// Consume hands every event to fn, in order, until ctx ends, then the
// events still buffered, and returns how many were dropped. It is the
// loop of a subscriber that reads on a goroutine of its own (the
// profiles).
func (s *Subscription) Consume(ctx context.Context, fn func(Event)) uint64 {
	if s.batch {
		return s.consumeBatches(ctx, func(b []Event) {
			for i := range b {
				fn(b[i])
			}
		})
	}
	for {
		select {
		case e := <-s.Events():
			fn(e)
		case <-ctx.Done():
			for {
				select {
				case e := <-s.Events():
					fn(e)
				default:
					return s.Dropped()
				}
			}
		}
	}
}

// ConsumeBatches is Consume for a reader that takes the events of a Batch
// subscription as they were buffered, a slice at a time (in order, never
// empty, valid only during the call): one lock and one call per batch
// rather than per event. It panics on a subscription without Batch.
func (s *Subscription) ConsumeBatches(ctx context.Context, fn func([]Event)) uint64 {
	if !s.batch {
		panic("trace: ConsumeBatches on a subscription without Batch")
	}
	return s.consumeBatches(ctx, fn)
}

// Dropped returns how many events this subscription missed because its
// buffer was full.
func (s *Subscription) Dropped() uint64 {
	return s.dropped.Load()
}

// Close detaches the subscriber and closes Events. It is idempotent. When it
// returns, Active and WantStacks reflect the remaining subscribers.
func (s *Subscription) Close() {
	s.rec.remove(s)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		if s.ch != nil {
			close(s.ch)
		}
	}
}

func (s *Subscription) deliver(e *Event) {
	if s.batch {
		// Closed or not: a closed batch subscription keeps its buffer for
		// a Consume still draining, and nobody emits to it once removed.
		// The event is copied once, straight into the buffer.
		s.bmu.Lock()
		if len(s.buf) < s.limit {
			s.buf = append(s.buf, *e)
			if !s.stacks {
				s.buf[len(s.buf)-1].Stack = nil
			}
			s.bmu.Unlock()
			return
		}
		s.bmu.Unlock()
		s.dropped.Add(1)
		s.rec.dropped.Add(1)
		return
	}
	ev := *e
	if !s.stacks {
		ev.Stack = nil
	}
	// No defer: nothing between lock and unlock can panic, and this runs
	// once per event per subscriber.
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return
	}
	select {
	case s.ch <- ev:
	default:
		s.dropped.Add(1)
		s.rec.dropped.Add(1)
	}
	s.mu.RUnlock()
}
