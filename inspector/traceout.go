package inspector

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

// TraceWriter writes the runtime's records as Chrome Trace Event JSON
// (`studio run --trace-out FILE.json`), which Perfetto and chrome://tracing
// open: the loop thread with its phases and callbacks, one track per pool
// lane with the jobs it ran, every async operation as a nestable async
// event from creation to destruction with a flow arrow from where it was
// created to each of its callbacks, and counters for the queues, loop lag
// and utilisation; synchronous calls (readFileSync's open, read, close) are
// complete slices inside the callback that made them. Events are written as they come (a long run never holds
// them in memory), or, with a window, only the last seconds are kept in a
// ring and written at Close (the flight recorder of --trace-last).
//
// Goroutine contract: Add and AddSnapshot from one goroutine at a time;
// Close once.
type TraceWriter struct {
	mu      sync.Mutex
	w       *bufio.Writer
	first   bool
	window  time.Duration
	ring    []traceRecord
	lanes   map[int]bool
	pending map[uint64]traceOp
	err     error
}

type traceRecord struct {
	ts   int64 // ns
	data []byte
	ph   string
	id   uint64
	tid  int
}

type traceOp struct {
	typ     string
	created int64
}

// Trace event process and thread ids.
const (
	tracePid      = 1
	traceLoopTid  = 1
	traceLaneTid0 = 100 // lane N is tid 100+N
)

// NewTraceWriter starts a trace on w. window > 0 keeps only the events of
// the last window (written at Close).
func NewTraceWriter(w io.Writer, window time.Duration) *TraceWriter {
	t := &TraceWriter{w: bufio.NewWriterSize(w, 1<<16), first: true, window: window, lanes: map[int]bool{}, pending: map[uint64]traceOp{}}
	_, t.err = t.w.WriteString("[\n")
	t.meta("process_name", tracePid, 0, "studio")
	t.meta("thread_name", tracePid, traceLoopTid, "event loop")
	return t
}

func (t *TraceWriter) meta(name string, pid, tid int, value string) {
	t.emitRaw(0, map[string]any{"name": name, "ph": "M", "pid": pid, "tid": tid, "args": map[string]any{"name": value}}, true)
}

// us converts Recorder nanoseconds to the format's microseconds.
func us(ns int64) float64 { return float64(ns) / 1e3 }

// emitRaw writes (or rings) one event. Metadata always goes straight out.
func (t *TraceWriter) emitRaw(ts int64, ev map[string]any, always bool) {
	if t.err != nil {
		return
	}
	b, err := json.Marshal(ev)
	if err != nil {
		t.err = err
		return
	}
	if t.window > 0 && !always {
		r := traceRecord{ts: ts, data: b}
		r.ph, _ = ev["ph"].(string)
		r.id, _ = ev["id"].(uint64)
		r.tid, _ = ev["tid"].(int)
		t.ring = append(t.ring, r)
		cut := 0
		for cut < len(t.ring) && t.ring[cut].ts < ts-int64(t.window) {
			cut++
		}
		if cut > len(t.ring)/2 && cut > 1024 {
			t.ring = append(t.ring[:0], t.ring[cut:]...)
		}
		return
	}
	t.write(b)
}

func (t *TraceWriter) write(b []byte) {
	if !t.first {
		_, t.err = t.w.WriteString(",\n")
	}
	t.first = false
	if t.err == nil {
		_, t.err = t.w.Write(b)
	}
}

func (t *TraceWriter) lane(n int) int {
	tid := traceLaneTid0 + n
	if !t.lanes[n] {
		t.lanes[n] = true
		t.meta("thread_name", tracePid, tid, fmt.Sprintf("pool lane %d", n))
	}
	return tid
}

// Add writes one record.
func (t *TraceWriter) Add(e trace.Event) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ts := us(e.Time)
	switch e.Kind {
	case trace.KindPhaseEnter:
		t.emitRaw(e.Time, map[string]any{"name": e.Phase.String(), "cat": "phase", "ph": "B", "ts": ts, "pid": tracePid, "tid": traceLoopTid, "args": map[string]any{"iteration": e.Iteration}}, false)
	case trace.KindPhaseExit:
		t.emitRaw(e.Time, map[string]any{"name": e.Phase.String(), "cat": "phase", "ph": "E", "ts": ts, "pid": tracePid, "tid": traceLoopTid}, false)
	case trace.KindInit:
		t.pending[e.Op] = traceOp{typ: e.Type, created: e.Time}
		args := map[string]any{"op": e.Op, "trigger": e.Trigger}
		if len(e.Stack) > 0 {
			f := e.Stack[0]
			args["created at"] = fmt.Sprintf("%s (%s:%d:%d)", f.Function, f.File, f.Line, f.Column)
		}
		t.emitRaw(e.Time, map[string]any{"name": e.Type, "cat": "async", "ph": "b", "id": e.Op, "ts": ts, "pid": tracePid, "tid": traceLoopTid, "args": args}, false)
		t.emitRaw(e.Time, map[string]any{"name": e.Type, "cat": "flow", "ph": "s", "id": e.Op, "ts": ts, "pid": tracePid, "tid": traceLoopTid}, false)
	case trace.KindStarted:
		tid := t.lane(e.Worker)
		t.emitRaw(e.Time, map[string]any{"name": t.pending[e.Op].typ, "cat": "pool", "ph": "B", "ts": ts, "pid": tracePid, "tid": tid, "args": map[string]any{"op": e.Op, "queue wait ms": float64(e.Duration) / 1e6}}, false)
	case trace.KindFinished:
		tid := t.lane(e.Worker)
		args := map[string]any{"op": e.Op}
		if e.Err != "" {
			args["error"] = e.Err
		}
		t.emitRaw(e.Time, map[string]any{"name": t.pending[e.Op].typ, "cat": "pool", "ph": "E", "ts": ts, "pid": tracePid, "tid": tid, "args": args}, false)
	case trace.KindBefore:
		typ := e.Type
		if typ == "" {
			typ = t.pending[e.Op].typ
		}
		// The flow arrow ends where the callback starts ("bp": bind to the
		// enclosing slice, the callback).
		t.emitRaw(e.Time, map[string]any{"name": typ, "cat": "callback", "ph": "B", "ts": ts, "pid": tracePid, "tid": traceLoopTid, "args": map[string]any{"op": e.Op}}, false)
		if _, ok := t.pending[e.Op]; ok {
			t.emitRaw(e.Time, map[string]any{"name": typ, "cat": "flow", "ph": "f", "bp": "e", "id": e.Op, "ts": ts, "pid": tracePid, "tid": traceLoopTid}, false)
		}
	case trace.KindAfter:
		t.emitRaw(e.Time, map[string]any{"name": e.Type, "cat": "callback", "ph": "E", "ts": ts, "pid": tracePid, "tid": traceLoopTid}, false)
	case trace.KindSync:
		// A synchronous call blocked the loop: a complete slice inside the
		// callback that made it.
		args := map[string]any{"call": e.Type}
		if f, ok := trace.UserFrame(e.Stack); ok {
			args["called at"] = fmt.Sprintf("%s (%s:%d:%d)", f.Function, f.File, f.Line, f.Column)
		}
		if e.Err != "" {
			args["error"] = e.Err
		}
		name := e.Type
		if api, ok := trace.CalledAPI(e.Stack); ok {
			name = api + " " + e.Type
		}
		t.emitRaw(e.Time, map[string]any{"name": name, "cat": "sync", "ph": "X", "ts": us(e.Time - int64(e.Duration)), "dur": us(int64(e.Duration)), "pid": tracePid, "tid": traceLoopTid, "args": args}, false)
	case trace.KindDestroy:
		if op, ok := t.pending[e.Op]; ok {
			delete(t.pending, e.Op)
			t.emitRaw(e.Time, map[string]any{"name": op.typ, "cat": "async", "ph": "e", "id": e.Op, "ts": ts, "pid": tracePid, "tid": traceLoopTid}, false)
		}
	}
}

// AddSnapshot writes the counters of one snapshot: queue depths, pool
// queue, pending operations, loop lag and utilisation.
func (t *TraceWriter) AddSnapshot(s trace.Snapshot) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ts := us(s.Time)
	counter := func(name string, args map[string]any) {
		t.emitRaw(s.Time, map[string]any{"name": name, "ph": "C", "ts": ts, "pid": tracePid, "tid": traceLoopTid, "args": args}, false)
	}
	counter("queues", map[string]any{"nextTick": s.NextTicks.Depth, "timers": s.Timers.Depth, "immediates": s.Immediates.Depth, "pending": s.PendingCallbacks.Depth, "close": s.CloseCallbacks.Depth})
	counter("pool", map[string]any{"queued": s.Pool.Queued})
	counter("pending ops", map[string]any{"pending": s.PendingTotal})
	counter("loop lag ms", map[string]any{"lag": float64(s.Lag) / 1e6})
	counter("ELU", map[string]any{"elu": s.ELU})
}

// Close ends the trace: async operations still alive end at the last
// event's time, the ring (if any) is written, and the JSON array closes.
func (t *TraceWriter) Close(end int64) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for id, op := range t.pending {
		t.emitRaw(end, map[string]any{"name": op.typ, "cat": "async", "ph": "e", "id": id, "ts": us(end), "pid": tracePid, "tid": traceLoopTid, "args": map[string]any{"alive at the end": true}}, false)
	}
	t.pending = map[uint64]traceOp{}
	if t.window > 0 {
		// Write the window, leaving out ends whose beginnings fell out of it.
		open := map[uint64]bool{}  // async ids begun in the window
		flows := map[uint64]bool{} // flows started in the window
		depth := map[int]int{}     // open B slices per thread
		for _, r := range t.ring {
			if r.ts < end-int64(t.window) {
				continue
			}
			switch r.ph {
			case "b":
				open[r.id] = true
			case "e":
				if !open[r.id] {
					continue
				}
			case "s":
				flows[r.id] = true
			case "f":
				if !flows[r.id] {
					continue
				}
			case "B":
				depth[r.tid]++
			case "E":
				if depth[r.tid] == 0 {
					continue
				}
				depth[r.tid]--
			}
			t.write(r.data)
		}
		t.ring = nil
	}
	if t.err == nil {
		_, t.err = t.w.WriteString("\n]\n")
	}
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}
