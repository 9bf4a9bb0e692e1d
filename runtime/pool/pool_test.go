package pool

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime/trace"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// running is a pool whose Run is in progress on its own goroutine.
type running struct {
	*Pool
	cancel context.CancelFunc
	done   chan error
}

// start runs p until the returned stop is called; stop cancels Run, waits
// for it and checks it returned nil.
func start(t *testing.T, p *Pool) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{Pool: p, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- p.Run(ctx) }()
	return r
}

func (r *running) stop(t *testing.T) {
	t.Helper()
	r.cancel()
	if err := <-r.done; err != nil {
		t.Fatalf("Run returned %v after cancel, want nil", err)
	}
}

// peak raises m to v if v is larger.
func peak(m *atomic.Int32, v int32) {
	for {
		old := m.Load()
		if v <= old || m.CompareAndSwap(old, v) {
			return
		}
	}
}

func mustSubmit(t *testing.T, p *Pool, j Job) {
	t.Helper()
	if err := p.Submit(j); err != nil {
		t.Fatalf("Submit(op %d): %v", j.Op, err)
	}
}

func TestEachJobRunsOnce(t *testing.T) {
	const jobs = 1000
	for _, size := range []int{1, 4, 64} {
		t.Run(fmt.Sprintf("size %d", size), func(t *testing.T) {
			p := start(t, New(size, nil))
			defer p.stop(t)
			var runs [jobs]atomic.Int32
			var wg sync.WaitGroup
			wg.Add(jobs)
			for i := range jobs {
				mustSubmit(t, p.Pool, Job{Op: uint64(i + 1), Type: "FSREQCALLBACK", Kind: KindFastIO, Work: func() {
					runs[i].Add(1)
					wg.Done()
				}})
			}
			wg.Wait()
			for i := range runs {
				if n := runs[i].Load(); n != 1 {
					t.Errorf("job %d ran %d times, want 1", i, n)
				}
			}
		})
	}
}

func TestFIFOAtSizeOne(t *testing.T) {
	const jobs = 1000
	p := start(t, New(1, nil))
	defer p.stop(t)
	// One worker means one goroutine appends; wg.Wait orders the reads.
	var order []int
	var wg sync.WaitGroup
	wg.Add(jobs)
	for i := range jobs {
		kind := Kind(i % 2) // CPU and fast I/O share the FIFO
		mustSubmit(t, p.Pool, Job{Op: uint64(i + 1), Kind: kind, Work: func() {
			order = append(order, i)
			wg.Done()
		}})
	}
	wg.Wait()
	for i, got := range order {
		if got != i {
			t.Fatalf("job %d ran in position %d; order starts %v", got, i, order[:min(len(order), 20)])
		}
	}
}

func TestConcurrencyBound(t *testing.T) {
	const jobs = 1000
	for _, size := range []int{2, 4, 8} {
		t.Run(fmt.Sprintf("size %d", size), func(t *testing.T) {
			rec := trace.NewRecorder()
			sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 4 * jobs})
			p := start(t, New(size, rec))

			var cur, highest atomic.Int32
			var arrived atomic.Int32
			allIn := make(chan struct{})
			gate := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(jobs)
			for i := range jobs {
				mustSubmit(t, p.Pool, Job{Op: uint64(i + 1), Type: "CPU", Work: func() {
					peak(&highest, cur.Add(1))
					// The first size jobs hold their workers until all of
					// them run at once: proof that size lanes work in
					// parallel, without sleeping.
					if i < size {
						if arrived.Add(1) == int32(size) {
							close(allIn)
						}
						<-gate
					}
					cur.Add(-1)
					wg.Done()
				}})
			}
			<-allIn
			st := p.State()
			busy := map[uint64]bool{}
			for lane, w := range st.Workers {
				if !w.Busy || w.Op == 0 || w.Op > uint64(size) || w.Since <= 0 {
					t.Errorf("lane %d = %+v while the first %d jobs block, want busy with one of them", lane, w, size)
				}
				busy[w.Op] = true
			}
			if len(busy) != size || st.Queued != jobs-size || st.Size != size {
				t.Errorf("State() = size %d, queued %d, %d distinct busy ops; want %d, %d, %d",
					st.Size, st.Queued, len(busy), size, jobs-size, size)
			}
			close(gate)
			wg.Wait()
			p.stop(t)
			sub.Close()

			if got := highest.Load(); got != int32(size) {
				t.Errorf("max concurrency = %d, want %d", got, size)
			}
			lanes := map[int]bool{}
			for e := range sub.Events() {
				if e.Kind == trace.KindStarted {
					if e.Worker < 0 || e.Worker >= size {
						t.Fatalf("KindStarted on lane %d, pool size %d", e.Worker, size)
					}
					lanes[e.Worker] = true
				}
			}
			if len(lanes) != size {
				t.Errorf("%d lanes used, want all %d", len(lanes), size)
			}
			if sub.Dropped() != 0 {
				t.Errorf("subscriber dropped %d events", sub.Dropped())
			}
		})
	}
}

func TestSlowIOLimit(t *testing.T) {
	for _, size := range []int{1, 2, 3, 4, 5, 8} {
		t.Run(fmt.Sprintf("size %d", size), func(t *testing.T) {
			p := start(t, New(size, nil))
			defer p.stop(t)
			limit := (size + 1) / 2
			if p.SlowIOLimit() != limit {
				t.Fatalf("SlowIOLimit() = %d, want %d", p.SlowIOLimit(), limit)
			}
			slowJobs := 3*limit + 1

			var cur, highest atomic.Int32
			started := make(chan struct{}, limit)
			gate := make(chan struct{})
			var slowDone sync.WaitGroup
			slowDone.Add(slowJobs)
			for i := range slowJobs {
				mustSubmit(t, p.Pool, Job{Op: uint64(i + 1), Type: "GETADDRINFOREQWRAP", Kind: KindSlowIO, Work: func() {
					peak(&highest, cur.Add(1))
					if i < limit {
						started <- struct{}{}
						<-gate
					}
					cur.Add(-1)
					slowDone.Done()
				}})
			}
			for range limit {
				<-started
			}

			// With every slow-I/O lane held, the other lanes must still
			// serve CPU and fast-I/O work, and must not take slow jobs.
			const otherJobs = 50
			var otherDone sync.WaitGroup
			otherDone.Add(otherJobs)
			for i := range otherJobs {
				mustSubmit(t, p.Pool, Job{Op: uint64(1000 + i), Type: "FSREQCALLBACK", Kind: Kind(i % 2), Work: otherDone.Done})
			}
			if size > limit {
				otherDone.Wait()
				st := p.State()
				slowBusy := 0
				for _, w := range st.Workers {
					if w.Busy && w.Type == "GETADDRINFOREQWRAP" {
						slowBusy++
					}
				}
				if slowBusy != limit || st.Queued != slowJobs-limit {
					t.Errorf("with slow lanes full: %d lanes run slow I/O and %d jobs are queued; want %d and %d",
						slowBusy, st.Queued, limit, slowJobs-limit)
				}
			}
			close(gate)
			slowDone.Wait()
			otherDone.Wait()
			if got := highest.Load(); got != int32(limit) {
				t.Errorf("max concurrent slow I/O = %d, want the limit %d", got, limit)
			}
		})
	}
}

// TestStateTopIsRunOrder checks that State's predicted run order, with slow
// I/O interleaved the way libuv's marker places it, is the order a
// one-worker pool then runs the jobs in.
func TestStateTopIsRunOrder(t *testing.T) {
	p := New(1, nil)
	kinds := []Kind{KindCPU, KindSlowIO, KindFastIO, KindSlowIO, KindSlowIO, KindCPU, KindFastIO}
	var order []uint64
	var wg sync.WaitGroup
	wg.Add(len(kinds))
	for i, k := range kinds {
		op := uint64(i + 1)
		mustSubmit(t, p, Job{Op: op, Type: k.String(), Kind: k, Work: func() {
			order = append(order, op)
			wg.Done()
		}})
	}
	st := p.State()
	if st.Queued != len(kinds) {
		t.Fatalf("Queued = %d, want %d", st.Queued, len(kinds))
	}
	var predicted []uint64
	for _, r := range st.Top {
		predicted = append(predicted, r.ID)
		if r.Created <= 0 || r.Type != kinds[r.ID-1].String() {
			t.Errorf("Top entry %+v lacks its submit time or type", r)
		}
	}
	r := start(t, p)
	wg.Wait()
	r.stop(t)
	if !slices.Equal(predicted, order) {
		t.Errorf("State().Top predicted %v, jobs ran in order %v", predicted, order)
	}
	// libuv order: the marker stands in the queue where the first slow job
	// arrived; later slow jobs run after the rest of the queue.
	if want := []uint64{1, 2, 3, 6, 7, 4, 5}; !slices.Equal(order, want) {
		t.Errorf("run order %v, want libuv's %v", order, want)
	}
}

func TestSubmitNeverBlocks(t *testing.T) {
	const jobs = 100_000
	p := New(4, nil)
	var ran atomic.Int64
	var wg sync.WaitGroup
	wg.Add(jobs)
	// Nothing consumes yet: if Submit waited for room, this loop would hang.
	for i := range jobs {
		kind := Kind(i % 3)
		mustSubmit(t, p, Job{Op: uint64(i + 1), Kind: kind, Work: func() {
			ran.Add(1)
			wg.Done()
		}})
	}
	st := p.State()
	if st.Queued != jobs || len(st.Top) != TopN {
		t.Fatalf("State() queued %d with %d top entries, want %d and %d", st.Queued, len(st.Top), jobs, TopN)
	}
	r := start(t, p)
	wg.Wait()
	r.stop(t)
	if ran.Load() != jobs {
		t.Errorf("%d jobs ran, want %d", ran.Load(), jobs)
	}
}

func TestConcurrentSubmitAndState(t *testing.T) {
	const (
		submitters = 8
		each       = 500
	)
	p := start(t, New(4, nil))
	defer p.stop(t)
	var ran atomic.Int64
	var wg sync.WaitGroup
	wg.Add(submitters * each)
	var subs sync.WaitGroup
	for s := range submitters {
		subs.Go(func() {
			for i := range each {
				mustSubmit(t, p.Pool, Job{Op: uint64(s*each + i + 1), Kind: Kind(i % 3), Work: func() {
					ran.Add(1)
					wg.Done()
				}})
			}
		})
	}
	subs.Go(func() {
		for range 200 {
			st := p.State()
			if st.Queued < 0 || len(st.Workers) != 4 || len(st.Top) > TopN {
				t.Errorf("inconsistent State(): %+v", st)
				return
			}
		}
	})
	subs.Wait()
	wg.Wait()
	if ran.Load() != submitters*each {
		t.Errorf("%d jobs ran, want %d", ran.Load(), submitters*each)
	}
}

func TestRunCancel(t *testing.T) {
	defer goleak.VerifyNone(t)
	p := New(2, nil)
	r := start(t, p)

	started := make(chan struct{}, 2)
	gate := make(chan struct{})
	var finished atomic.Int32
	for i := range 2 {
		mustSubmit(t, p, Job{Op: uint64(i + 1), Work: func() {
			started <- struct{}{}
			<-gate
			finished.Add(1)
		}})
	}
	var abandonedRan atomic.Int32
	for i := range 10 {
		mustSubmit(t, p, Job{Op: uint64(100 + i), Work: func() { abandonedRan.Add(1) }})
	}
	<-started
	<-started

	r.cancel()
	if err := p.Submit(Job{Op: 999, Work: func() {}}); !errors.Is(err, ErrClosed) {
		t.Errorf("Submit after cancel = %v, want ErrClosed", err)
	}
	select {
	case err := <-r.done:
		t.Fatalf("Run returned %v while two jobs were still running", err)
	default:
	}
	close(gate)
	if err := <-r.done; err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
	if finished.Load() != 2 {
		t.Errorf("%d running jobs finished, want 2 (a running Work completes)", finished.Load())
	}
	if abandonedRan.Load() != 0 {
		t.Errorf("%d queued jobs ran after cancel, want 0", abandonedRan.Load())
	}
	if err := p.Submit(Job{Op: 1000, Work: func() {}}); !errors.Is(err, ErrClosed) {
		t.Errorf("Submit after Run returned = %v, want ErrClosed", err)
	}
	if err := p.Run(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("second Run = %v, want ErrClosed", err)
	}
	if st := p.State(); st.Queued != 0 || len(st.Top) != 0 {
		t.Errorf("State() after Run = %+v, want an empty queue", st)
	}
}

func TestRunWhileRunning(t *testing.T) {
	p := New(1, nil)
	r := start(t, p)
	defer r.stop(t)
	// Run's goroutine may not have started yet; a job that has run proves
	// it has.
	done := make(chan struct{})
	mustSubmit(t, p, Job{Op: 1, Work: func() { close(done) }})
	<-done
	if err := p.Run(context.Background()); !errors.Is(err, ErrRunning) {
		t.Errorf("Run while running = %v, want ErrRunning", err)
	}
}

func TestSubmitNilWork(t *testing.T) {
	p := New(1, nil)
	if err := p.Submit(Job{Op: 1}); !errors.Is(err, ErrNilWork) {
		t.Errorf("Submit without Work = %v, want ErrNilWork", err)
	}
}

func TestPanicRecovered(t *testing.T) {
	tests := map[string]struct {
		value     any
		onPanic   bool
		onPanicOf any // OnPanic itself panics with this, when set
		wantErr   string
	}{
		"with OnPanic":    {value: "boom", onPanic: true, wantErr: "panic: boom"},
		"without OnPanic": {value: errors.New("disk on fire"), wantErr: "panic: disk on fire"},
		"OnPanic panics":  {value: 42, onPanic: true, onPanicOf: "again", wantErr: "panic: 42 (OnPanic panicked: again)"},
		"runtime error":   {value: nil, onPanic: true, wantErr: "panic: runtime error: index out of range"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			rec := trace.NewRecorder()
			sub := rec.Subscribe(trace.SubscribeOptions{})
			// One worker: the job after the panic runs on the same lane.
			p := start(t, New(1, rec))

			var got any
			work := func() { panic(tc.value) }
			if tc.value == nil {
				work = func() {
					var s []int
					_ = s[len(name)] // a real runtime panic
				}
			}
			j := Job{Op: 1, Type: "PANIC", Work: work}
			if tc.onPanic {
				j.OnPanic = func(v any) {
					got = v
					if tc.onPanicOf != nil {
						panic(tc.onPanicOf)
					}
				}
			}
			mustSubmit(t, p.Pool, j)
			after := make(chan struct{})
			mustSubmit(t, p.Pool, Job{Op: 2, Type: "AFTER", Work: func() { close(after) }})
			<-after // the worker survived and keeps serving
			p.stop(t)
			sub.Close()

			if tc.onPanic {
				if got == nil {
					t.Errorf("OnPanic was not called")
				} else if tc.value != nil && got != tc.value {
					t.Errorf("OnPanic got %v, want %v", got, tc.value)
				}
			}
			var finished []trace.Event
			for e := range sub.Events() {
				if e.Kind == trace.KindFinished {
					finished = append(finished, e)
				}
			}
			if len(finished) != 2 {
				t.Fatalf("got %d KindFinished events, want 2", len(finished))
			}
			if finished[0].Op != 1 || !strings.HasPrefix(finished[0].Err, tc.wantErr) {
				t.Errorf("panicking job finished with op %d err %q, want op 1 err %q",
					finished[0].Op, finished[0].Err, tc.wantErr)
			}
			if finished[1].Op != 2 || finished[1].Err != "" {
				t.Errorf("next job finished with op %d err %q, want op 2 and no error", finished[1].Op, finished[1].Err)
			}
		})
	}
}

func TestGoexitKeepsLane(t *testing.T) {
	const size = 2
	rec := trace.NewRecorder()
	sub := rec.Subscribe(trace.SubscribeOptions{})
	p := start(t, New(size, rec))

	exited := make(chan struct{})
	mustSubmit(t, p.Pool, Job{Op: 1, Work: func() {
		close(exited)
		runtime.Goexit()
	}})
	<-exited
	// Both lanes must still serve: these jobs only finish together.
	var arrived atomic.Int32
	allIn := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(size)
	for i := range size {
		mustSubmit(t, p.Pool, Job{Op: uint64(2 + i), Work: func() {
			if arrived.Add(1) == size {
				close(allIn)
			}
			<-allIn
			wg.Done()
		}})
	}
	wg.Wait()
	p.stop(t)
	sub.Close()
	var goexitErr string
	for e := range sub.Events() {
		if e.Kind == trace.KindFinished && e.Op == 1 {
			goexitErr = e.Err
		}
	}
	if !strings.Contains(goexitErr, "Goexit") {
		t.Errorf("job calling Goexit finished with err %q, want it reported", goexitErr)
	}
}

func TestTraceEvents(t *testing.T) {
	const jobs = 200
	rec := trace.NewRecorder()
	sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 4 * jobs})
	p := start(t, New(4, rec))
	var wg sync.WaitGroup
	wg.Add(jobs)
	for i := range jobs {
		mustSubmit(t, p.Pool, Job{Op: uint64(i + 1), Type: "FSREQCALLBACK", Kind: Kind(i % 3), Work: wg.Done})
	}
	wg.Wait()
	p.stop(t) // Run returns after every KindFinished is emitted
	sub.Close()

	perOp := map[uint64][]trace.Event{}
	for e := range sub.Events() {
		perOp[e.Op] = append(perOp[e.Op], e)
	}
	if len(perOp) != jobs {
		t.Fatalf("events for %d ops, want %d", len(perOp), jobs)
	}
	for op, evs := range perOp {
		if len(evs) != 3 || evs[0].Kind != trace.KindQueued || evs[1].Kind != trace.KindStarted || evs[2].Kind != trace.KindFinished {
			t.Fatalf("op %d events %+v, want queued, started, finished", op, evs)
		}
		q, s, f := evs[0], evs[1], evs[2]
		if s.Worker != f.Worker || s.Worker < 0 || s.Worker >= 4 {
			t.Errorf("op %d started on lane %d, finished on %d", op, s.Worker, f.Worker)
		}
		if q.Type != "FSREQCALLBACK" || s.Type != q.Type || f.Type != q.Type {
			t.Errorf("op %d types %q %q %q", op, q.Type, s.Type, f.Type)
		}
		if q.Time <= 0 || s.Time < q.Time || f.Time < s.Time {
			t.Errorf("op %d times queued %d started %d finished %d are out of order", op, q.Time, s.Time, f.Time)
		}
		if int64(s.Duration) != s.Time-q.Time || int64(f.Duration) != f.Time-s.Time {
			t.Errorf("op %d durations %v %v do not match its times", op, s.Duration, f.Duration)
		}
	}
}

func TestNewClampsSize(t *testing.T) {
	tests := map[string]struct{ in, want int }{
		"zero":     {0, 1},
		"negative": {-5, 1},
		"default":  {DefaultSize, 4},
		"max":      {MaxSize, MaxSize},
		"too big":  {MaxSize + 1, MaxSize},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := New(tc.in, nil)
			if p.Size() != tc.want || len(p.State().Workers) != tc.want {
				t.Errorf("New(%d): Size %d, %d workers; want %d", tc.in, p.Size(), len(p.State().Workers), tc.want)
			}
		})
	}
}

func TestSizeFromEnv(t *testing.T) {
	// Each want was observed with node v20.20.2 (libuv 1.46): run
	// fs.stat once with UV_THREADPOOL_SIZE set and count the threads it adds
	// under /proc/self/task.
	tests := map[string]struct {
		val  string
		ok   bool
		want int
	}{
		"unset":                 {"", false, 4},
		"four":                  {"4", true, 4},
		"eight with space":      {" 8", true, 8},
		"tab then five":         {"\t5", true, 5},
		"plus sign":             {"+3", true, 3},
		"trailing junk":         {"8x", true, 8},
		"two numbers":           {"3 4", true, 3},
		"zero":                  {"0", true, 1},
		"minus zero":            {"-0", true, 1},
		"empty":                 {"", true, 1},
		"non-numeric":           {"abc", true, 1},
		"hex is not parsed":     {"0x10", true, 1},
		"double sign":           {"++3", true, 1},
		"sign then space":       {"- 3", true, 1},
		"max":                   {"1024", true, 1024},
		"just over max":         {"1025", true, 1024},
		"far over max":          {"2000", true, 1024},
		"minus one is unsigned": {"-1", true, 1024},
		"int32 min":             {"-2147483648", true, 1024},
		"int32 max plus one":    {"2147483648", true, 1024},
		"wraps to zero":         {"4294967296", true, 1},
		"wraps to one":          {"4294967297", true, 1},
		"negative wraps to two": {"-4294967294", true, 2},
		"saturates at LONG_MAX": {"99999999999999999999", true, 1024},
		"saturates at LONG_MIN": {"-99999999999999999999", true, 1},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := SizeFromEnv(tc.val, tc.ok); got != tc.want {
				t.Errorf("SizeFromEnv(%q, %v) = %d, want %d", tc.val, tc.ok, got, tc.want)
			}
		})
	}
}

func BenchmarkSubmitRun(b *testing.B) {
	p := New(4, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	var wg sync.WaitGroup
	wg.Add(b.N)
	b.ResetTimer()
	for i := range b.N {
		if err := p.Submit(Job{Op: uint64(i + 1), Type: "FSREQCALLBACK", Kind: KindFastIO, Work: wg.Done}); err != nil {
			b.Fatal(err)
		}
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
}

// TestCompleteAfterFinished: a job's Complete runs after its KindFinished
// has been emitted, also when Work panicked, so the records of whatever
// Complete starts (the loop's callback) come after the work's end.
func TestCompleteAfterFinished(t *testing.T) {
	for name, work := range map[string]func(){"returns": func() {}, "panics": func() { panic("boom") }} {
		t.Run(name, func(t *testing.T) {
			rec := trace.NewRecorder()
			sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 64})
			p := start(t, New(1, rec))
			completed := make(chan int, 1)
			mustSubmit(t, p.Pool, Job{Op: 7, Type: "ORDER", Work: work, OnPanic: func(any) {},
				Complete: func() { completed <- len(sub.Events()) }})
			// The events buffered when Complete ran: queued, started, finished.
			if n := <-completed; n != 3 {
				t.Errorf("%d records before Complete, want queued, started and finished", n)
			}
			p.stop(t)
			sub.Close()
			var kinds []trace.Kind
			for len(sub.Events()) > 0 {
				kinds = append(kinds, (<-sub.Events()).Kind)
			}
			if len(kinds) != 3 || kinds[2] != trace.KindFinished {
				t.Errorf("records %v", kinds)
			}
		})
	}
}
