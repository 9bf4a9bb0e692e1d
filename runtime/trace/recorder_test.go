package trace

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// drain receives every event left in s after s is closed.
func drain(s *Subscription) []Event {
	var out []Event
	for e := range s.Events() {
		out = append(out, e)
	}
	return out
}

func TestFanOut(t *testing.T) {
	tests := map[string]struct {
		subscribers int
		events      int
	}{
		"one subscriber":    {subscribers: 1, events: 10},
		"three subscribers": {subscribers: 3, events: 100},
		"many subscribers":  {subscribers: 16, events: 50},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := NewRecorder()
			subs := make([]*Subscription, tc.subscribers)
			for i := range subs {
				subs[i] = r.Subscribe(SubscribeOptions{Buffer: tc.events})
			}
			for i := range tc.events {
				r.Emit(Event{Kind: KindQueued, Op: uint64(i + 1), Type: "FSREQCALLBACK"})
			}
			for i, s := range subs {
				s.Close()
				got := drain(s)
				if len(got) != tc.events {
					t.Fatalf("subscriber %d got %d events, want %d", i, len(got), tc.events)
				}
				for j, e := range got {
					if e.Op != uint64(j+1) || e.Kind != KindQueued || e.Type != "FSREQCALLBACK" {
						t.Fatalf("subscriber %d event %d = %+v, want op %d in order", i, j, e, j+1)
					}
					if e.Time <= 0 {
						t.Fatalf("subscriber %d event %d has Time %d, want it stamped", i, j, e.Time)
					}
				}
				if s.Dropped() != 0 {
					t.Errorf("subscriber %d dropped %d, want 0", i, s.Dropped())
				}
			}
		})
	}
}

func TestEmitKeepsCallerTime(t *testing.T) {
	r := NewRecorder()
	s := r.Subscribe(SubscribeOptions{})
	r.Emit(Event{Kind: KindIteration, Time: 12345, Iteration: 7})
	s.Close()
	got := drain(s)
	if len(got) != 1 || got[0].Time != 12345 || got[0].Iteration != 7 {
		t.Fatalf("got %+v, want one event with the caller's Time 12345", got)
	}
}

func TestSlowSubscriberDrops(t *testing.T) {
	tests := map[string]struct {
		buffer, emitted int
	}{
		"buffer 1":       {buffer: 1, emitted: 10},
		"buffer 16":      {buffer: 16, emitted: 1000},
		"exactly full":   {buffer: 64, emitted: 64},
		"default buffer": {buffer: 0, emitted: DefaultBuffer + 123},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := NewRecorder()
			// One subscriber never reads until the end; the other has room
			// for everything and must not be affected by the slow one.
			slow := r.Subscribe(SubscribeOptions{Buffer: tc.buffer})
			fast := r.Subscribe(SubscribeOptions{Buffer: tc.emitted})
			for i := range tc.emitted {
				r.Emit(Event{Kind: KindBefore, Op: uint64(i + 1)})
			}
			held := tc.buffer
			if held <= 0 {
				held = DefaultBuffer
			}
			held = min(held, tc.emitted)
			wantDropped := uint64(tc.emitted - held)
			if got := slow.Dropped(); got != wantDropped {
				t.Errorf("slow.Dropped() = %d, want %d", got, wantDropped)
			}
			if got := fast.Dropped(); got != 0 {
				t.Errorf("fast.Dropped() = %d, want 0", got)
			}
			if got := r.Dropped(); got != wantDropped {
				t.Errorf("r.Dropped() = %d, want %d", got, wantDropped)
			}
			slow.Close()
			fast.Close()
			got := drain(slow)
			if len(got) != held {
				t.Fatalf("slow subscriber received %d events, want the first %d", len(got), held)
			}
			// A full buffer keeps the oldest events: the newest are dropped.
			for i, e := range got {
				if e.Op != uint64(i+1) {
					t.Fatalf("slow event %d has op %d, want %d", i, e.Op, i+1)
				}
			}
			if n := len(drain(fast)); n != tc.emitted {
				t.Errorf("fast subscriber received %d events, want %d", n, tc.emitted)
			}
		})
	}
}

func TestActiveAndWantStacks(t *testing.T) {
	r := NewRecorder()
	check := func(step string, active, stacks bool) {
		t.Helper()
		if got := r.Active(); got != active {
			t.Errorf("%s: Active() = %v, want %v", step, got, active)
		}
		if got := r.WantStacks(); got != stacks {
			t.Errorf("%s: WantStacks() = %v, want %v", step, got, stacks)
		}
	}
	check("new", false, false)
	plain := r.Subscribe(SubscribeOptions{})
	check("plain subscribed", true, false)
	withStacks := r.Subscribe(SubscribeOptions{Stacks: true})
	check("stacks subscribed", true, true)
	withStacks2 := r.Subscribe(SubscribeOptions{Stacks: true})
	withStacks.Close()
	check("one stacks closed", true, true)
	withStacks.Close() // idempotent: must not decrement twice
	check("closed twice", true, true)
	withStacks2.Close()
	check("all stacks closed", true, false)
	plain.Close()
	check("all closed", false, false)
	plain.Close()
	check("closed again", false, false)

	var nilRec *Recorder
	if nilRec.Active() || nilRec.WantStacks() || nilRec.Dropped() != 0 {
		t.Errorf("nil Recorder reports active, stacks or drops")
	}
}

func TestStacksOnlyForAskingSubscribers(t *testing.T) {
	r := NewRecorder()
	plain := r.Subscribe(SubscribeOptions{})
	withStacks := r.Subscribe(SubscribeOptions{Stacks: true})
	stack := []Frame{{Function: "main", File: "/app/a.js", Line: 3, Column: 5}}
	r.Emit(Event{Kind: KindInit, Op: 1, Type: "Timeout", Stack: stack})
	plain.Close()
	withStacks.Close()

	p := drain(plain)
	if len(p) != 1 || p[0].Stack != nil {
		t.Errorf("plain subscriber got %+v, want one event without a stack", p)
	}
	w := drain(withStacks)
	if len(w) != 1 || len(w[0].Stack) != 1 || w[0].Stack[0] != stack[0] {
		t.Errorf("stacks subscriber got %+v, want one event with the stack", w)
	}
}

func TestCloseStopsDelivery(t *testing.T) {
	r := NewRecorder()
	s := r.Subscribe(SubscribeOptions{})
	r.Emit(Event{Kind: KindInit, Op: 1})
	s.Close()
	r.Emit(Event{Kind: KindInit, Op: 2}) // must neither panic nor count a drop
	got := drain(s)
	if len(got) != 1 || got[0].Op != 1 {
		t.Errorf("got %+v, want only the event emitted before Close", got)
	}
	if s.Dropped() != 0 {
		t.Errorf("Dropped() = %d after Close, want 0", s.Dropped())
	}
}

// TestConcurrentEmit emits from many goroutines while subscribers come and
// go; run under -race it checks the lock-free path, and the counts check
// that every event was either delivered or counted as dropped.
func TestConcurrentEmit(t *testing.T) {
	const (
		emitters = 8
		perEmit  = 2000
	)
	r := NewRecorder()
	// small drops some events, big has room for all of them.
	small := r.Subscribe(SubscribeOptions{Buffer: 100})
	big := r.Subscribe(SubscribeOptions{Buffer: emitters * perEmit})
	// reader consumes concurrently with the emitters.
	var readerGot int
	reader := r.Subscribe(SubscribeOptions{Buffer: 8})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range reader.Events() {
			readerGot++
		}
	}()

	var wg sync.WaitGroup
	for g := range emitters {
		wg.Go(func() {
			for i := range perEmit {
				r.Emit(Event{Kind: KindStarted, Op: uint64(g*perEmit + i + 1), Worker: g})
			}
		})
	}
	// Subscribers attached and detached mid-stream must not race with Emit.
	wg.Go(func() {
		for range 100 {
			s := r.Subscribe(SubscribeOptions{Buffer: 1, Stacks: true})
			s.Close()
			drain(s)
		}
	})
	wg.Wait()
	reader.Close()
	<-done
	small.Close()
	big.Close()

	total := uint64(emitters * perEmit)
	if got := uint64(len(drain(small))) + small.Dropped(); got != total {
		t.Errorf("small: received+dropped = %d, want %d", got, total)
	}
	if got := uint64(readerGot) + reader.Dropped(); got != total {
		t.Errorf("reader: received+dropped = %d, want %d", got, total)
	}
	bigEvents := drain(big)
	if uint64(len(bigEvents)) != total || big.Dropped() != 0 {
		t.Fatalf("big: received %d dropped %d, want %d and 0", len(bigEvents), big.Dropped(), total)
	}
	// Each emitter's events arrive in its own order.
	last := make([]uint64, emitters)
	for _, e := range bigEvents {
		if e.Op <= last[e.Worker] {
			t.Fatalf("emitter %d: op %d arrived after op %d", e.Worker, e.Op, last[e.Worker])
		}
		last[e.Worker] = e.Op
	}
	if r.Active() || r.WantStacks() {
		t.Errorf("recorder still active after every subscriber closed")
	}
}

func TestPhaseAndKindNames(t *testing.T) {
	phases := map[Phase]string{
		PhaseNone: "none", PhaseTimers: "timers", PhasePending: "pending", PhaseIdle: "idle",
		PhasePrepare: "prepare", PhasePoll: "poll", PhaseCheck: "check", PhaseClose: "close",
		NumPhases: "Phase(8)",
	}
	for p, want := range phases {
		if got := p.String(); got != want {
			t.Errorf("Phase(%d).String() = %q, want %q", p, got, want)
		}
	}
	for k := KindInit; k <= KindSync; k++ {
		if s := k.String(); s == "" || s[0] == 'K' {
			t.Errorf("Kind(%d) has no name: %q", k, s)
		}
	}
	if got := Kind(0).String(); got != "Kind(0)" {
		t.Errorf("Kind(0).String() = %q", got)
	}
}

func TestSortPending(t *testing.T) {
	ops := []PendingOp{
		{OpRef: OpRef{ID: 5, Created: 300}},
		{OpRef: OpRef{ID: 2, Created: 100}},
		{OpRef: OpRef{ID: 9, Created: 100}},
		{OpRef: OpRef{ID: 1, Created: 200}},
	}
	SortPending(ops)
	var got []uint64
	for _, o := range ops {
		got = append(got, o.ID)
	}
	want := []uint64{2, 9, 1, 5}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}

// sink keeps the compiler from discarding benchmark work.
var sink int64

func BenchmarkEmitInactive(b *testing.B) {
	r := NewRecorder()
	for i := range b.N {
		r.Emit(Event{Kind: KindQueued, Op: uint64(i), Type: "FSREQCALLBACK"})
	}
}

func BenchmarkEmitOneSubscriber(b *testing.B) {
	r := NewRecorder()
	s := r.Subscribe(SubscribeOptions{Buffer: 1 << 16})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range s.Events() {
			sink += e.Time
		}
	}()
	b.ResetTimer()
	for i := range b.N {
		r.Emit(Event{Kind: KindQueued, Op: uint64(i), Type: "FSREQCALLBACK"})
	}
	b.StopTimer()
	s.Close()
	<-done
	b.ReportMetric(float64(s.Dropped())/float64(b.N), "drops/op")
}

func BenchmarkEmitParallel(b *testing.B) {
	r := NewRecorder()
	s := r.Subscribe(SubscribeOptions{Buffer: 1 << 16})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range s.Events() {
			sink += e.Time
		}
	}()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var i uint64
		for pb.Next() {
			i++
			r.Emit(Event{Kind: KindStarted, Op: i, Type: "FSREQCALLBACK"})
		}
	})
	b.StopTimer()
	s.Close()
	<-done
	b.ReportMetric(float64(s.Dropped())/float64(b.N), "drops/op")
}

// TestBatchSubscription: a Batch subscription hands Consume every event in
// emission order, drops (and counts) what exceeds its buffer while nobody
// takes, drains at cancellation, and refuses Events.
func TestBatchSubscription(t *testing.T) {
	r := NewRecorder()
	s := r.Subscribe(SubscribeOptions{Buffer: 100, Batch: true})
	defer s.Close()
	for i := 1; i <= 150; i++ { // nobody consumes yet: 50 dropped
		r.Emit(Event{Kind: KindInit, Op: uint64(i), Time: int64(i)})
	}
	ctx, cancel := context.WithCancel(context.Background())
	var got []uint64
	done := make(chan uint64)
	go func() { done <- s.Consume(ctx, func(e Event) { got = append(got, e.Op) }) }()
	for i := 151; i <= 1000; i++ {
		r.Emit(Event{Kind: KindInit, Op: uint64(i), Time: int64(i)})
		if i%50 == 0 {
			time.Sleep(2 * batchPoll) // let Consume take a batch
		}
	}
	cancel()
	dropped := <-done
	if dropped != s.Dropped() || dropped < 50 || r.Dropped() != dropped {
		t.Errorf("dropped %d, subscription %d, recorder %d", dropped, s.Dropped(), r.Dropped())
	}
	if uint64(len(got))+dropped != 1000 {
		t.Errorf("got %d + dropped %d, want 1000", len(got), dropped)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Fatalf("out of order at %d: %d after %d", i, got[i], got[i-1])
		}
	}
	if len(got) == 0 || got[0] != 1 || got[len(got)-1] != 1000 {
		t.Errorf("first %v, last event must arrive", got[:min(len(got), 3)])
	}
	defer func() {
		if recover() == nil {
			t.Error("Events on a Batch subscription did not panic")
		}
	}()
	s.Events()
}

// TestIOStacks: a subscriber with IOStacks wants the stacks of I/O requests
// only; one with Stacks wants them all; closing each takes its wish back.
func TestIOStacks(t *testing.T) {
	r := NewRecorder()
	io := r.Subscribe(SubscribeOptions{IOStacks: true})
	if !r.WantStacksFor("FSREQCALLBACK") || r.WantStacksFor("Timeout") || !r.WantStacks() {
		t.Errorf("IOStacks: FSREQCALLBACK %v, Timeout %v", r.WantStacksFor("FSREQCALLBACK"), r.WantStacksFor("Timeout"))
	}
	all := r.Subscribe(SubscribeOptions{Stacks: true})
	if !r.WantStacksFor("Timeout") {
		t.Error("Stacks: no stack for a Timeout")
	}
	all.Close()
	if r.WantStacksFor("Timeout") {
		t.Error("after closing the Stacks subscriber: still a stack for a Timeout")
	}
	io.Close()
	if r.WantStacksFor("FSREQCALLBACK") || r.WantStacks() {
		t.Error("after closing both: still stacks")
	}
}

// TestInterest: a subscriber receives only the classes of records it asked
// for; Wants and WantsOp report the union of the open subscriptions'
// interests, and a zero Interest is every record.
func TestInterest(t *testing.T) {
	r := NewRecorder()
	if r.Wants(InterestAll) || r.WantsOp("FSREQCALLBACK") {
		t.Fatal("a recorder with no subscriber wants records")
	}
	io := r.Subscribe(SubscribeOptions{Interest: InterestIO})
	if !r.WantsOp("FSREQCALLBACK") || !r.WantsOp("TCPCONNECTWRAP") || r.WantsOp("Timeout") || r.WantsOp("TickObject") || r.Wants(InterestLoop) || !r.Wants(InterestIO) {
		t.Errorf("an I/O-only subscriber: FSREQCALLBACK %v TCPCONNECTWRAP %v Timeout %v TickObject %v loop %v",
			r.WantsOp("FSREQCALLBACK"), r.WantsOp("TCPCONNECTWRAP"), r.WantsOp("Timeout"), r.WantsOp("TickObject"), r.Wants(InterestLoop))
	}
	all := r.Subscribe(SubscribeOptions{})
	if !r.WantsOp("Timeout") || !r.Wants(InterestLoop) {
		t.Errorf("a subscriber of everything: Timeout %v loop %v", r.WantsOp("Timeout"), r.Wants(InterestLoop))
	}
	for _, e := range []Event{
		{Kind: KindInit, Op: 1, Type: "Timeout"},
		{Kind: KindInit, Op: 2, Type: "FSREQCALLBACK"},
		{Kind: KindQueued, Op: 2, Type: "FSREQCALLBACK"},
		{Kind: KindPhaseEnter, Phase: PhaseTimers},
		{Kind: KindSync, Type: "fs.open"},
		{Kind: KindDestroy, Op: 1, Type: "Timeout"},
	} {
		r.Emit(e)
	}
	all.Close()
	if r.WantsOp("Timeout") || r.Wants(InterestLoop) {
		t.Errorf("closing the subscriber of everything left Timeout %v loop %v wanted", r.WantsOp("Timeout"), r.Wants(InterestLoop))
	}
	io.Close()
	got := func(es []Event) []string {
		var s []string
		for _, e := range es {
			s = append(s, e.Kind.String()+" "+e.Type)
		}
		return s
	}
	if g, want := got(drain(io)), []string{"init FSREQCALLBACK", "queued FSREQCALLBACK", "sync fs.open"}; !slices.Equal(g, want) {
		t.Errorf("I/O subscriber got %q, want %q", g, want)
	}
	if g := got(drain(all)); len(g) != 6 {
		t.Errorf("subscriber of everything got %q, want all 6", g)
	}
	if r.Wants(InterestAll) {
		t.Errorf("no subscriber left, yet records are wanted")
	}
}

// TestInterestHTTP: HTTP records are wanted, and delivered, only while a
// subscriber names InterestHTTP; a subscriber of everything (zero
// Interest, InterestAll) neither asks for them (which would make the
// runtime add headers to the program's requests) nor receives them.
func TestInterestHTTP(t *testing.T) {
	r := NewRecorder()
	h := r.Subscribe(SubscribeOptions{Interest: InterestHTTP})
	if !r.Wants(InterestHTTP) || r.WantsOp("Timeout") {
		t.Fatalf("an HTTP subscriber: HTTP %v Timeout %v", r.Wants(InterestHTTP), r.WantsOp("Timeout"))
	}
	h.Close()
	all := r.Subscribe(SubscribeOptions{})
	if r.Wants(InterestHTTP) {
		t.Fatal("a subscriber of everything wants HTTP records")
	}
	h = r.Subscribe(SubscribeOptions{Interest: InterestHTTP})
	info := &HTTP{Server: true, Method: "GET", Target: "/"}
	for _, e := range []Event{
		{Kind: KindInit, Op: 1, Type: "Timeout"},
		{Kind: KindHTTPRequest, HTTP: info},
		{Kind: KindHTTPResponse, HTTP: info},
	} {
		r.Emit(e)
	}
	h.Close()
	if r.Wants(InterestHTTP) {
		t.Error("closing the HTTP subscriber left HTTP records wanted")
	}
	all.Close()
	kinds := func(es []Event) (s []string) {
		for _, e := range es {
			s = append(s, e.Kind.String())
		}
		return s
	}
	if g, want := kinds(drain(h)), []string{"http-request", "http-response"}; !slices.Equal(g, want) {
		t.Errorf("HTTP subscriber got %q, want %q", g, want)
	}
	if g, want := kinds(drain(all)), []string{"init"}; !slices.Equal(g, want) {
		t.Errorf("subscriber of everything got %q, want %q", g, want)
	}
}
