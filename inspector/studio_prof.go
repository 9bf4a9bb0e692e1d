package inspector

import (
	"context"
	"encoding/json"
	"reflect"
	"sync"
	"time"

	"github.com/studiojs/studio/runtime/ioprof"
	"github.com/studiojs/studio/runtime/trace"
	"github.com/studiojs/studio/runtime/warnings"
)

// The profiler part of Studio's domain: `Studio.enable {"profile": true}`
// runs runtime/ioprof and runtime/warnings on the program's records, as
// `studio run --prof-io --warnings` does, so the window shows the same
// numbers live. Warnings are pushed (Studio.warnings) when they change and
// once more, final, when the program ends; the I/O profile is asked for
// (Studio.getIOProfile), because it changes with every request.

// warningsInterval is how often the warnings are looked at for a change.
const warningsInterval = 500 * time.Millisecond

// profileBuffer is the profile subscription's buffer: a burst of records
// larger than this while the consumer is busy is dropped, and the
// profile says how many were.
const profileBuffer = 1 << 17

func init() {
	methods["Studio.getIOProfile"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		p := s.profiler()
		if p == nil {
			return nil, &serverError{"the profiler is off: Studio.enable with profile: true first"}
		}
		if s.t.hasEnded() {
			p.finish()
		}
		r := p.io.Report()
		r.Dropped = p.sub.Dropped()
		return ioProfileJSON(r, p.finished()), nil
	}
	methods["Studio.getWarnings"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		p := s.profiler()
		if p == nil {
			return nil, &serverError{"the profiler is off: Studio.enable with profile: true first"}
		}
		if s.t.hasEnded() {
			p.finish()
		}
		return warningsJSON(p.report(), p.finished()), nil
	}
}

// studioProfile is one session's profiler: ioprof and warnings fed by one
// subscription with creation stacks.
type studioProfile struct {
	s      *Session
	io     *ioprof.Profiler
	warn   *warnings.Detector
	sub    *trace.Subscription
	cancel context.CancelFunc
	fed    chan struct{} // closed when every record has been read
	done   chan struct{} // closed when the warnings watcher has ended

	once sync.Once
	mu   sync.Mutex
	end  bool
	last map[string]any // the last Studio.warnings sent
}

// profileOptions is what the profile needs, read in batches (a channel
// send per record woke this reader for nearly every one): the warnings'
// records, which include the latency profile's, with creation stacks.
var profileOptions = trace.SubscribeOptions{Buffer: profileBuffer, Stacks: true, Batch: true, Interest: warnings.Interest}

// startProfile starts the profiler unless it runs already: a second
// Studio.enable keeps the numbers gathered since the first.
func (s *Session) startProfile(rec *trace.Recorder, poolSize int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.prof != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &studioProfile{s: s, io: ioprof.New(), warn: warnings.New(warnings.Config{PoolSize: poolSize}),
		sub: rec.Subscribe(profileOptions), cancel: cancel,
		fed: make(chan struct{}), done: make(chan struct{})}
	s.prof = p
	go func() {
		defer close(p.fed)
		p.sub.ConsumeBatches(ctx, func(b []trace.Event) {
			p.io.AddBatch(b)
			p.warn.AddBatch(b)
		})
	}()
	go p.watch(ctx)
}

func (s *Session) profiler() *studioProfile {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.prof
}

// watch sends Studio.warnings whenever the warnings change, until ctx ends.
func (p *studioProfile) watch(ctx context.Context) {
	defer close(p.done)
	tick := time.NewTicker(warningsInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			p.sendWarnings(false)
		}
	}
}

// sendWarnings notifies the warnings if they changed since the last time
// (always when final).
func (p *studioProfile) sendWarnings(final bool) {
	m := warningsJSON(p.report(), final)
	p.mu.Lock()
	same := reflect.DeepEqual(m["warnings"], p.lastWarnings())
	if !same || final {
		p.last = m
	}
	p.mu.Unlock()
	if !same || final {
		p.s.notify("Studio.warnings", m)
	}
}

// report is the warnings so far, with the records this subscription lost.
func (p *studioProfile) report() warnings.Report {
	r := p.warn.Report()
	r.Dropped = p.sub.Dropped()
	return r
}

func (p *studioProfile) lastWarnings() any {
	if p.last == nil {
		return []map[string]any{}
	}
	return p.last["warnings"]
}

// finish reads the records that are left and stops the subscription.
// Idempotent; call it once the program has ended (or to stop the
// profiler).
func (p *studioProfile) finish() {
	p.once.Do(func() {
		p.cancel()
		<-p.fed
		<-p.done
		p.sub.Close()
		p.mu.Lock()
		p.end = true
		p.mu.Unlock()
	})
}

func (p *studioProfile) finished() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.end
}

// finishProfile ends the profiler when the program has ended, keeping its
// numbers for Studio.getIOProfile and Studio.getWarnings, and sends the
// final warnings (those `studio run --warnings` prints at exit).
func (s *Session) finishProfile() {
	if p := s.profiler(); p != nil {
		p.finish()
		p.sendWarnings(true)
	}
}

// stopProfile ends and forgets the profiler (Studio.disable, or the
// client leaves).
func (s *Session) stopProfile() {
	s.mu.Lock()
	p := s.prof
	s.prof = nil
	s.mu.Unlock()
	if p != nil {
		p.finish()
	}
}

func (t *Target) hasEnded() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.ended
}

// quantilesJSON is a histogram as p50/p95/p99/max in milliseconds.
func quantilesJSON(h *trace.Histogram) map[string]any {
	return map[string]any{"p50": ms(h.Quantile(0.5)), "p95": ms(h.Quantile(0.95)), "p99": ms(h.Quantile(0.99)), "max": ms(h.Max())}
}

func framesJSON(stack []trace.Frame) []map[string]any {
	out := make([]map[string]any, 0, len(stack))
	for _, f := range stack {
		out = append(out, map[string]any{"function": f.Function, "url": fileURL(f.File), "lineNumber": f.Line, "columnNumber": f.Column})
	}
	return out
}

// ioProfileJSON is ioprof's report as Studio.getIOProfile answers it.
func ioProfileJSON(r ioprof.Report, final bool) map[string]any {
	stats := make([]map[string]any, 0, len(r.Stats))
	for i := range r.Stats {
		st := &r.Stats[i]
		m := map[string]any{"type": st.Type, "site": st.Site, "pooled": st.Pooled, "count": st.Total.Count(),
			"serviceMs": quantilesJSON(&st.Service), "callbackDelayMs": quantilesJSON(&st.Delay), "totalMs": quantilesJSON(&st.Total)}
		if st.Pooled {
			m["queueWaitMs"] = quantilesJSON(&st.Wait)
		}
		stats = append(stats, m)
	}
	slowest := make([]map[string]any, 0, len(r.Slowest))
	for _, sm := range r.Slowest {
		slowest = append(slowest, map[string]any{"op": sm.Op, "type": sm.Type, "site": sm.Site,
			"totalMs": ms(sm.Total), "queueWaitMs": ms(sm.Wait), "serviceMs": ms(sm.Service), "callbackDelayMs": ms(sm.CB),
			"stack": framesJSON(sm.Stack)})
	}
	syncs := make([]map[string]any, 0, len(r.Sync))
	for i := range r.Sync {
		st := &r.Sync[i]
		syncs = append(syncs, map[string]any{"call": st.Call, "api": st.API, "site": st.Site, "count": st.Blocked.Count(),
			"blockedMs": quantilesJSON(&st.Blocked)})
	}
	return map[string]any{"stats": stats, "sync": syncs, "slowest": slowest, "dropped": r.Dropped, "final": final}
}

// warningsJSON is the warnings report as Studio.warnings and
// Studio.getWarnings carry it.
func warningsJSON(r warnings.Report, final bool) map[string]any {
	list := make([]map[string]any, 0, len(r.Warnings))
	for _, w := range r.Warnings {
		ev := make([]map[string]any, 0, len(w.Evidence))
		for _, f := range w.Evidence {
			ev = append(ev, map[string]any{"name": f.Name, "value": f.Value, "unit": f.Unit})
		}
		where := append([]string{}, w.Where...)
		list = append(list, map[string]any{"kind": string(w.Kind), "message": w.Message, "where": where,
			"stack": framesJSON(w.Stack), "timeMs": nsToMs(w.Time), "count": w.Count, "evidence": ev})
	}
	return map[string]any{"warnings": list, "dropped": r.Dropped, "final": final}
}
