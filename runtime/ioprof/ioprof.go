// Package ioprof is Studio's I/O latency profiler (`studio run --prof-io`):
// it reads the runtime's async-op records and, per operation type and per
// call site, splits each I/O operation's latency into the time it waited
// for a worker-pool lane, the time it was served, and the time its
// completion waited for the loop to run its callback; it keeps the slowest
// operations with the stacks that created them.
//
// Synchronous calls (fs.readFileSync's open, fstat, read and close, a
// statSync, ...) are no operations in that sense: they run on the loop
// goroutine and block it, with no queue and no callback. They are listed
// apart, per binding call and call site, with the time each blocked the
// loop.
//
// Goroutine contract: a Profiler is fed events in order by one goroutine
// (Run, or Add); Report may be called from any goroutine.
package ioprof

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

// slowestKept is how many of the slowest operations a report lists.
const slowestKept = 10

// op is one operation being followed.
type op struct {
	typ                             string
	site                            string
	stack                           []trace.Frame
	init, queued, started, finished int64
	pooled, done                    bool
}

// Sample is one finished operation's timings.
type Sample struct {
	Op                uint64
	Type, Site        string
	Stack             []trace.Frame
	Wait, Service, CB time.Duration // queue wait (pool only), service, callback delay
	Total             time.Duration // creation to callback
}

// Stats aggregates one operation type at one call site.
type Stats struct {
	Type, Site                  string
	Wait, Service, Delay, Total trace.Histogram
	Pooled                      bool
}

// SyncStats aggregates one synchronous call at one call site.
type SyncStats struct {
	Call string // the binding call, "fs.open"
	API  string // what the program called, "fs.readFileSync", or Call
	Site string
	// Blocked is how long each call blocked the loop.
	Blocked trace.Histogram
}

// Profiler accumulates the records of one run.
type Profiler struct {
	mu      sync.Mutex
	ops     map[uint64]*op
	stats   map[[2]string]*Stats
	syncs   map[[3]string]*SyncStats
	slowest []Sample
	dropped uint64
}

// New makes an empty Profiler.
func New() *Profiler {
	return &Profiler{ops: map[uint64]*op{}, stats: map[[2]string]*Stats{}, syncs: map[[3]string]*SyncStats{}}
}

// Subscribe attaches a subscription to the records of I/O requests and
// synchronous calls only (trace.InterestIO: the runtime builds no record of
// a timer, tick or phase for it), with their creation stacks (the call
// sites) and a large buffer: a profile that drops records says so.
func Subscribe(rec *trace.Recorder) *trace.Subscription {
	return rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 18, IOStacks: true, Batch: true, Interest: trace.InterestIO})
}

// Run feeds the profiler from sub until ctx ends, then drains what sub
// still holds.
func (p *Profiler) Run(ctx context.Context, sub *trace.Subscription) error {
	n := sub.ConsumeBatches(ctx, p.AddBatch)
	p.mu.Lock()
	p.dropped = n
	p.mu.Unlock()
	return nil
}

// AddBatch takes records in order: Add for each, under one lock.
func (p *Profiler) AddBatch(b []trace.Event) {
	p.mu.Lock()
	for i := range b {
		p.add(&b[i])
	}
	p.mu.Unlock()
}

// Add takes one record.
func (p *Profiler) Add(e trace.Event) {
	p.mu.Lock()
	p.add(&e)
	p.mu.Unlock()
}

func (p *Profiler) add(e *trace.Event) {
	switch e.Kind {
	case trace.KindInit:
		if !trace.IsIORequest(e.Type) {
			return
		}
		p.ops[e.Op] = &op{typ: e.Type, site: site(e.Stack), stack: e.Stack, init: e.Time}
	case trace.KindQueued:
		if o := p.ops[e.Op]; o != nil {
			o.queued, o.pooled = e.Time, true
		}
	case trace.KindStarted:
		if o := p.ops[e.Op]; o != nil {
			o.started = e.Time
		}
	case trace.KindFinished:
		if o := p.ops[e.Op]; o != nil {
			o.finished = e.Time
		}
	case trace.KindBefore:
		if o := p.ops[e.Op]; o != nil && !o.done {
			o.done = true
			p.complete(e.Op, o, e.Time)
		}
	case trace.KindDestroy:
		delete(p.ops, e.Op)
	case trace.KindSync:
		api, ok := trace.CalledAPI(e.Stack)
		if !ok {
			api = e.Type
		}
		k := [3]string{e.Type, api, site(e.Stack)}
		st := p.syncs[k]
		if st == nil {
			st = &SyncStats{Call: k[0], API: k[1], Site: k[2]}
			p.syncs[k] = st
		}
		st.Blocked.Add(e.Duration)
	}
}

// complete records an operation whose callback starts at t.
func (p *Profiler) complete(id uint64, o *op, t int64) {
	s := Sample{Op: id, Type: o.typ, Site: o.site, Stack: o.stack, Total: dur(o.init, t)}
	if o.pooled && o.started != 0 && o.finished != 0 {
		s.Wait = dur(o.queued, o.started)
		s.Service = dur(o.started, o.finished)
		s.CB = dur(o.finished, t)
	} else {
		// Network I/O has no pool: its service is creation to completion,
		// which the loop learns at the callback.
		s.Service = s.Total
	}
	k := [2]string{o.typ, o.site}
	st := p.stats[k]
	if st == nil {
		st = &Stats{Type: o.typ, Site: o.site, Pooled: o.pooled}
		p.stats[k] = st
	}
	st.Wait.Add(s.Wait)
	st.Service.Add(s.Service)
	st.Delay.Add(s.CB)
	st.Total.Add(s.Total)
	p.slowest = append(p.slowest, s)
	sort.SliceStable(p.slowest, func(i, j int) bool { return p.slowest[i].Total > p.slowest[j].Total })
	if len(p.slowest) > slowestKept {
		p.slowest = p.slowest[:slowestKept]
	}
}

func dur(from, to int64) time.Duration {
	if from == 0 || to < from {
		return 0
	}
	return time.Duration(to - from)
}

// site is the first frame of a creation stack that is the program's own
// (not Node's or Studio's library code), as file:line; else the first frame.
func site(stack []trace.Frame) string {
	if f, ok := trace.UserFrame(stack); ok {
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	// Created by library code alone (a promise's file handle closing, say).
	for _, f := range stack {
		if f.File != "" {
			return fmt.Sprintf("%s:%d", f.File, f.Line)
		}
	}
	return "(unknown)"
}

// Report is the profile at one moment.
type Report struct {
	Stats   []Stats     // by type, then by total time spent, largest first
	Sync    []SyncStats // by total time blocked, largest first
	Slowest []Sample    // the slowest operations, slowest first
	Dropped uint64      // records lost (the profile is then incomplete)
}

// Report returns the profile so far.
func (p *Profiler) Report() Report {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := Report{Slowest: append([]Sample(nil), p.slowest...), Dropped: p.dropped}
	for _, st := range p.stats {
		// A copy of a Histogram shares its buckets: merge into empty ones,
		// so that the report does not change under a reader while Add goes on.
		c := Stats{Type: st.Type, Site: st.Site, Pooled: st.Pooled}
		c.Wait.Merge(&st.Wait)
		c.Service.Merge(&st.Service)
		c.Delay.Merge(&st.Delay)
		c.Total.Merge(&st.Total)
		r.Stats = append(r.Stats, c)
	}
	for _, st := range p.syncs {
		c := SyncStats{Call: st.Call, API: st.API, Site: st.Site}
		c.Blocked.Merge(&st.Blocked)
		r.Sync = append(r.Sync, c)
	}
	sort.Slice(r.Sync, func(i, j int) bool {
		a, b := &r.Sync[i], &r.Sync[j]
		ta, tb := a.Blocked.Mean()*time.Duration(a.Blocked.Count()), b.Blocked.Mean()*time.Duration(b.Blocked.Count())
		if ta != tb {
			return ta > tb
		}
		return a.Site+a.Call < b.Site+b.Call
	})
	sort.Slice(r.Stats, func(i, j int) bool {
		a, b := &r.Stats[i], &r.Stats[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		ta, tb := a.Total.Mean()*time.Duration(a.Total.Count()), b.Total.Mean()*time.Duration(b.Total.Count())
		if ta != tb {
			return ta > tb
		}
		return a.Site < b.Site
	})
	return r
}

// WriteTable prints the report as `studio run --prof-io` does.
func (r Report) WriteTable(w io.Writer) error {
	fmt.Fprintln(w, "I/O latency by operation and call site, in ms: p50 / p95 / p99 / max")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "type\tcall site\tcount\tqueue wait\tservice\tcallback delay\ttotal")
	for i := range r.Stats {
		st := &r.Stats[i]
		wait := "-"
		if st.Pooled {
			wait = quantiles(&st.Wait)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", st.Type, st.Site, st.Total.Count(), wait, quantiles(&st.Service), quantiles(&st.Delay), quantiles(&st.Total))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Sync) > 0 {
		fmt.Fprintln(w, "\nsynchronous calls, run on the loop and blocking it (not in the table above), in ms: p50 / p95 / p99 / max")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "call\tcalled as\tcall site\tcount\tblocked\ttotal blocked")
		for i := range r.Sync {
			st := &r.Sync[i]
			total := st.Blocked.Mean() * time.Duration(st.Blocked.Count())
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", st.Call, st.API, st.Site, st.Blocked.Count(), quantiles(&st.Blocked), msStr(total))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Slowest) > 0 {
		fmt.Fprintf(w, "\nslowest %d operations:\n", len(r.Slowest))
		for _, s := range r.Slowest {
			fmt.Fprintf(w, "  %s #%d  %s total (wait %s, service %s, callback delay %s)\n", s.Type, s.Op, msStr(s.Total), msStr(s.Wait), msStr(s.Service), msStr(s.CB))
			for i, f := range s.Stack {
				if i >= 6 {
					break
				}
				name := f.Function
				if name == "" {
					name = "<anonymous>"
				}
				fmt.Fprintf(w, "      at %s (%s:%d:%d)\n", name, f.File, f.Line, f.Column)
			}
		}
	}
	if r.Dropped > 0 {
		fmt.Fprintf(w, "\n%d records were dropped: these figures are incomplete\n", r.Dropped)
	}
	return nil
}

func quantiles(h *trace.Histogram) string {
	return msStr(h.Quantile(0.5)) + " / " + msStr(h.Quantile(0.95)) + " / " + msStr(h.Quantile(0.99)) + " / " + msStr(h.Max())
}

func msStr(d time.Duration) string {
	return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond))
}
