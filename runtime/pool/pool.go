// Package pool is Studio's worker pool, modelled on libuv's threadpool: N
// goroutines (UV_THREADPOOL_SIZE, see SizeFromEnv) take work from one FIFO
// queue. The pool knows nothing of the event loop or goja: a Job's Work runs
// on a worker goroutine, and the result re-enters the loop only through
// whatever completion the submitter wraps into Work (the runtime's wrapper
// always ends by handing its callback to the loop).
//
// Like libuv, slow I/O jobs (getaddrinfo and friends) may occupy at most
// (size+1)/2 workers at once, so a burst of DNS lookups cannot starve file
// system and CPU work. The scheduling follows libuv's: slow jobs wait in a
// queue of their own, represented in the main queue by a single marker entry
// that moves to the tail whenever a worker reaches it while the slow-I/O
// lanes are all busy.
//
// Goroutine contract: Run is called once, on a goroutine of the caller's
// choosing, and blocks. Submit, State, Size and SlowIOLimit may be called
// from any goroutine at any time. Work and OnPanic run on worker goroutines.
// Every worker-side trace event (KindStarted, KindFinished) is emitted from
// the worker; KindQueued is emitted by Submit on the caller's goroutine.
package pool

import (
	"context"
	"errors"
	"fmt"
	goruntime "runtime"
	"slices"
	"sync"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

const (
	// DefaultSize is libuv's pool size when UV_THREADPOOL_SIZE is unset.
	DefaultSize = 4
	// MaxSize is libuv's cap on UV_THREADPOOL_SIZE (MAX_THREADPOOL_SIZE).
	MaxSize = 1024
	// TopN is how many queued ops State lists in PoolState.Top.
	TopN = 8
)

var (
	// ErrClosed is returned by Submit once the pool is stopping (Run's
	// context is done) and by Run once Run has returned.
	ErrClosed = errors.New("pool: closed")
	// ErrRunning is returned by Run when Run is already running.
	ErrRunning = errors.New("pool: already running")
	// ErrNilWork is returned by Submit for a Job without Work.
	ErrNilWork = errors.New("pool: job has no Work")
)

// Kind is libuv's uv__work_kind: how a job is scheduled.
type Kind uint8

const (
	// KindCPU is CPU-bound work (uv_queue_work: crypto.pbkdf2, zlib, ...).
	KindCPU Kind = iota
	// KindFastIO is file system work (uv_fs_*). libuv schedules it exactly
	// like KindCPU; the distinction is kept for display.
	KindFastIO
	// KindSlowIO is slow I/O (getaddrinfo, getnameinfo): at most
	// SlowIOLimit workers run it at once.
	KindSlowIO
)

// String returns "cpu", "fast-io" or "slow-io".
func (k Kind) String() string {
	switch k {
	case KindCPU:
		return "cpu"
	case KindFastIO:
		return "fast-io"
	case KindSlowIO:
		return "slow-io"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Job is one request for the pool.
type Job struct {
	// Op and Type identify the request in trace events and State: Node's
	// asyncId and async_hooks type (e.g. "FSREQCALLBACK").
	Op   uint64
	Type string
	Kind Kind
	// Work runs on a worker goroutine. It must not call runtime.Goexit; if
	// it does, the lane is handed to a fresh goroutine and the job is
	// reported as finished with an error.
	Work func()
	// OnPanic, when set, is called on the worker with the value a panicking
	// Work was recovered from, so the submitter can still complete the
	// request (e.g. reject it). A panic in OnPanic is recovered too.
	OnPanic func(any)
	// Complete, when set, runs on the worker after Work (or OnPanic) and
	// after KindFinished is emitted: the submitter's completion (typically:
	// hand a callback to the loop) goes here, so that the record of the
	// work's end always precedes the records of its callback, as an
	// observer splitting service time from callback delay needs. The pool
	// reports nothing else back to the submitter.
	Complete func()
}

// entry is a queue slot: a job, or libuv's run_slow_work_message marker.
type entry struct {
	job    Job
	queued int64 // Recorder time of Submit
	marker bool
}

type runState uint8

const (
	stateNew      runState = iota // Submit queues; nothing runs yet
	stateRunning                  // workers take jobs
	stateStopping                 // Run's context is done; workers finish their job and exit
	stateClosed                   // Run has returned
)

// Pool is a fixed set of worker goroutines sharing one FIFO queue.
type Pool struct {
	size      int
	slowLimit int
	rec       *trace.Recorder

	mu    sync.Mutex
	cond  sync.Cond // signalled when work is queued or the pool stops; L is &mu
	state runState
	ctx   context.Context // Run's context while running
	// wq is libuv's wq: CPU and fast-I/O jobs, plus at most one marker
	// standing for the head of slowq.
	wq           deque[entry]
	slowq        deque[entry] // libuv's slow_io_pending_wq
	markerQueued bool         // the marker is in wq
	slowRunning  int
	idle         int                 // workers waiting on cond
	workers      []trace.WorkerState // indexed by lane
	nice         int                 // SetPriority's; read by workers as they start
}

// SetPriority makes the workers of the next Run run on threads of their
// own at nice (1 to 19: lower priority than the rest of the process; 0,
// the default, leaves them as they are). Under CPU contention the loop
// and the IDE's window then take what they need and the pool the rest:
// the window's programs saturate the pool without starving what shows
// them (bench/gui.sh). Only Linux has per-thread priorities; elsewhere it
// does nothing. Call it before Run.
func (p *Pool) SetPriority(nice int) {
	p.mu.Lock()
	p.nice = min(max(nice, 0), 19)
	p.mu.Unlock()
}

// New returns a pool of size workers (clamped to [1, MaxSize]; use
// SizeFromEnv for libuv's reading of UV_THREADPOOL_SIZE). rec receives the
// pool's trace events and provides its clock; if nil, the pool keeps a
// private Recorder for its clock and emits nothing.
func New(size int, rec *trace.Recorder) *Pool {
	size = min(max(size, 1), MaxSize)
	if rec == nil {
		rec = trace.NewRecorder()
	}
	p := &Pool{
		size:      size,
		slowLimit: (size + 1) / 2, // libuv's slow_work_thread_threshold
		rec:       rec,
		workers:   make([]trace.WorkerState, size),
	}
	p.cond.L = &p.mu
	return p
}

// Size returns the number of workers.
func (p *Pool) Size() int { return p.size }

// SlowIOLimit returns how many workers may run KindSlowIO jobs at once:
// (Size()+1)/2, as in libuv.
func (p *Pool) SlowIOLimit() int { return p.slowLimit }

// Run starts the workers and blocks until ctx is done and every worker
// goroutine has exited. Jobs submitted before Run wait in the queue and start
// when Run does.
//
// From the moment ctx is done (synchronously: once cancel returns), Submit
// returns ErrClosed and no further job starts. A Work already running
// finishes first; jobs still queued are abandoned: they never run, and their
// completions never happen, so the submitter must not wait for them.
//
// Run returns nil after a cancellation (stopping is the normal way for Run
// to end, not a failure), ErrRunning if the pool is already running and
// ErrClosed if it has already run.
func (p *Pool) Run(ctx context.Context) error {
	p.mu.Lock()
	switch p.state {
	case stateRunning, stateStopping:
		p.mu.Unlock()
		return ErrRunning
	case stateClosed:
		p.mu.Unlock()
		return ErrClosed
	}
	p.state = stateRunning
	p.ctx = ctx
	p.mu.Unlock()

	var wg sync.WaitGroup
	p.mu.Lock()
	nice := p.nice
	p.mu.Unlock()
	for lane := range p.size {
		wg.Add(1)
		go func() {
			if nice > 0 {
				// The thread is never unlocked: it ends with the worker,
				// so its priority never reaches another goroutine.
				goruntime.LockOSThread()
				lowerThreadPriority(nice)
			}
			p.worker(lane, &wg)
		}()
	}

	<-ctx.Done()
	p.mu.Lock()
	p.state = stateStopping
	p.cond.Broadcast()
	p.mu.Unlock()

	wg.Wait()

	p.mu.Lock()
	p.state = stateClosed
	p.ctx = nil
	p.wq.clear()
	p.slowq.clear()
	p.markerQueued = false
	p.mu.Unlock()
	return nil
}

// Submit queues j behind every job submitted before it. It may be called
// from any goroutine and never blocks (the queue grows as needed). It
// returns ErrNilWork if j has no Work and ErrClosed once the pool is
// stopping.
func (p *Pool) Submit(j Job) error {
	if j.Work == nil {
		return ErrNilWork
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stoppedLocked() {
		return ErrClosed
	}
	now := p.rec.Now()
	// Emitted under the lock, before the job is visible to workers, so that
	// every subscriber sees KindQueued before the job's KindStarted.
	if p.rec.Active() {
		p.rec.Emit(trace.Event{Kind: trace.KindQueued, Time: now, Op: j.Op, Type: j.Type})
	}
	e := entry{job: j, queued: now}
	if j.Kind == KindSlowIO {
		p.slowq.pushBack(e)
		if p.markerQueued {
			// The worker that takes the marker re-queues it while slow
			// jobs remain, so this one will be reached in turn.
			return nil
		}
		e = entry{marker: true}
		p.markerQueued = true
	}
	p.wq.pushBack(e)
	if p.idle > 0 {
		p.cond.Signal()
	}
	return nil
}

// stoppedLocked reports whether workers must stop taking jobs. Checking
// ctx.Err() here, and not only the state Run sets when it sees ctx.Done,
// makes cancellation synchronous: once cancel() returns, no job starts and
// Submit fails, however late Run's goroutine is scheduled.
func (p *Pool) stoppedLocked() bool {
	switch p.state {
	case stateNew:
		return false
	case stateRunning:
		return p.ctx.Err() != nil
	}
	return true
}

// runnableLocked reports whether a waiting worker has something to take:
// anything but a lone marker while the slow-I/O lanes are full.
func (p *Pool) runnableLocked() bool {
	switch p.wq.len() {
	case 0:
		return false
	case 1:
		return !p.wq.at(0).marker || p.slowRunning < p.slowLimit
	}
	return true
}

func (p *Pool) worker(lane int, wg *sync.WaitGroup) {
	defer wg.Done()
	p.mu.Lock()
	for {
		for !p.stoppedLocked() && !p.runnableLocked() {
			p.idle++
			p.cond.Wait()
			p.idle--
		}
		if p.stoppedLocked() {
			p.mu.Unlock()
			return
		}
		e := p.wq.popFront()
		slow := false
		if e.marker {
			if p.slowRunning >= p.slowLimit {
				// libuv: "re-schedule until after all other work in the
				// queue is done".
				p.wq.pushBack(e)
				continue
			}
			p.markerQueued = false
			e = p.slowq.popFront()
			slow = true
			p.slowRunning++
			if p.slowq.len() > 0 {
				p.wq.pushBack(entry{marker: true})
				p.markerQueued = true
				if p.idle > 0 {
					p.cond.Signal()
				}
			}
		}
		start := p.rec.Now()
		p.workers[lane] = trace.WorkerState{Busy: true, Op: e.job.Op, Type: e.job.Type, Since: start}
		p.mu.Unlock()

		p.run(lane, &e, slow, start, wg)

		p.mu.Lock()
		p.releaseLocked(lane, slow)
	}
}

func (p *Pool) releaseLocked(lane int, slow bool) {
	p.workers[lane] = trace.WorkerState{}
	if slow {
		p.slowRunning--
		// libuv does not signal here: the finishing worker loops back and
		// takes a waiting slow job itself.
	}
}

// run executes one job on lane, recovering a panic, and emits its
// KindStarted and KindFinished events.
func (p *Pool) run(lane int, e *entry, slow bool, start int64, wg *sync.WaitGroup) {
	j := &e.job
	if p.rec.Active() {
		p.rec.Emit(trace.Event{Kind: trace.KindStarted, Time: start, Op: j.Op, Type: j.Type,
			Worker: lane, Duration: time.Duration(start - e.queued)})
	}
	finish := func(errText string) {
		if p.rec.Active() {
			end := p.rec.Now()
			p.rec.Emit(trace.Event{Kind: trace.KindFinished, Time: end, Op: j.Op, Type: j.Type,
				Worker: lane, Duration: time.Duration(end - start), Err: errText})
		}
	}
	// If Work calls runtime.Goexit, this goroutine unwinds without returning
	// to the worker loop, and deferred calls are the only code that still
	// runs: report the job, free the lane and hand it to a new goroutine.
	returned := false
	defer func() {
		if returned {
			return
		}
		finish("runtime.Goexit called in pool work")
		p.mu.Lock()
		p.releaseLocked(lane, slow)
		p.mu.Unlock()
		wg.Add(1) // before this goroutine's deferred Done, so Run cannot miss it
		go p.worker(lane, wg)
	}()
	finish(call(j))
	returned = true
	if j.Complete != nil {
		j.Complete()
	}
}

// call runs j.Work, turning a panic into an error text and passing the
// panic value to j.OnPanic.
func call(j *Job) (errText string) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		errText = fmt.Sprintf("panic: %v", v)
		if j.OnPanic != nil {
			if v2 := callOnPanic(j.OnPanic, v); v2 != nil {
				errText += fmt.Sprintf(" (OnPanic panicked: %v)", v2)
			}
		}
	}()
	j.Work()
	return ""
}

func callOnPanic(f func(any), v any) (panicked any) {
	defer func() { panicked = recover() }()
	f(v)
	return nil
}

// State returns a consistent copy of the pool: its size, how many jobs are
// queued, what each lane runs and since when, and the first TopN queued ops
// in predicted run order (libuv's order, assuming nothing else is
// submitted; while the slow-I/O lanes are full, queued slow jobs are listed
// after the other work). In Top, Created is when the op was submitted:
// the pool does not know Trigger or Location, which the loop can fill in
// from its own records by ID.
func (p *Pool) State() trace.PoolState {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := trace.PoolState{
		Size:    p.size,
		Queued:  p.wq.len() + p.slowq.len(),
		Workers: slices.Clone(p.workers),
	}
	if p.markerQueued {
		st.Queued--
	}
	ref := func(e entry) trace.OpRef {
		return trace.OpRef{ID: e.job.Op, Type: e.job.Type, Created: e.queued}
	}
	slowFull := p.slowRunning >= p.slowLimit
	nextSlow := 0
	for i := 0; i < p.wq.len() && len(st.Top) < TopN; i++ {
		e := p.wq.at(i)
		if !e.marker {
			st.Top = append(st.Top, ref(e))
			continue
		}
		if !slowFull {
			st.Top = append(st.Top, ref(p.slowq.at(0)))
			nextSlow = 1
		}
	}
	for i := nextSlow; i < p.slowq.len() && len(st.Top) < TopN; i++ {
		st.Top = append(st.Top, ref(p.slowq.at(i)))
	}
	return st
}
