package inspector

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/studiojs/studio/runtime/trace"
)

// TraceWriter writes the runtime's records as Chrome Trace Event JSON
// (`studio run --trace-out FILE.json`), which Perfetto and chrome://tracing
// open: the loop thread with its phases and callbacks, one track per pool
// lane with the jobs it ran, every async operation as a nestable async
// event from creation to destruction with a flow arrow from where it was
// created to each of its callbacks, and counters for the queues, loop lag
// and utilisation; synchronous calls (readFileSync's open, read, close) are
// complete slices inside the callback that made them. Events are written
// as they come (a long run never holds them in memory, and the file grows
// linearly with the records: bench/README.md states the rate), or, with a
// window, only the last seconds are kept in a ring and written at Close
// (the flight recorder of --trace-last: memory and file are bounded by the
// record rate times the window). At Close, slices and async operations
// still open end at the end of the trace, so every B has its E and every b
// its e.
//
// Events are encoded by hand (no reflection, no maps): the writer is a
// lossy subscriber and the cheaper it is, the fewer records it drops.
//
// Goroutine contract: Add and AddSnapshot from one goroutine at a time;
// Close once.
type TraceWriter struct {
	mu      sync.Mutex
	w       *bufio.Writer
	first   bool
	window  time.Duration
	ring    []traceRecord
	head    int    // ring[:head] fell out of the window
	arena   []byte // the chunk ring records' bytes are kept in
	lanes   map[int]bool
	pending map[uint64]traceOp
	open    map[int][]string // names of the B slices open per thread (streaming)
	sites   map[*trace.Frame]string
	buf     []byte
	err     error
}

type traceRecord struct {
	ts   int64  // ns
	data []byte // in an arena chunk
	id   uint64
	name string
	tid  int32
	ph   byte
}

type traceOp struct {
	typ     string
	created int64
}

// Trace event process and thread ids.
const (
	tracePid      = 1
	tracePidJSON  = "1"
	traceLoopTid  = 1
	traceLaneTid0 = 100 // lane N is tid 100+N
)

// NewTraceWriter starts a trace on w. window > 0 keeps only the events of
// the last window (written at Close).
func NewTraceWriter(w io.Writer, window time.Duration) *TraceWriter {
	t := &TraceWriter{w: bufio.NewWriterSize(w, 1<<16), first: true, window: window, lanes: map[int]bool{}, pending: map[uint64]traceOp{}, open: map[int][]string{}, sites: map[*trace.Frame]string{}}
	_, t.err = t.w.WriteString("[\n")
	t.meta("process_name", tracePid, 0, "studio")
	t.meta("thread_name", tracePid, traceLoopTid, "event loop")
	return t
}

// targ is one member of an event's args.
type targ struct {
	k string
	v any // string, int, uint64, float64 or bool
}

// tev is one trace event.
type tev struct {
	name, cat string
	ph        byte
	bp        string
	id        uint64
	hasID     bool
	ts        int64 // ns
	dur       int64 // ns, for X
	tid       int
}

func (t *TraceWriter) meta(name string, pid, tid int, value string) {
	t.emit(tev{name: name, ph: 'M', tid: tid}, true, targ{"name", value})
}

// emit writes (or rings) one event. Metadata always goes straight out.
// The args are no field of tev: emit keeps e's name, and escape analysis
// would then send every event's args (and each boxed number) to the heap.
func (t *TraceWriter) emit(e tev, always bool, args ...targ) {
	if t.err != nil {
		return
	}
	t.buf = e.append(t.buf[:0], args)
	if t.window > 0 && !always {
		r := traceRecord{ts: e.ts, data: t.keep(t.buf), ph: e.ph, id: e.id, tid: int32(e.tid), name: e.name}
		t.ring = append(t.ring, r)
		// head only moves forward past what fell out of the window; the
		// ring is compacted once that is a quarter of it, so both cost
		// O(1) per event and the ring holds at most 4/3 of the window's
		// events (an HTTP server under load records 180k a second).
		for t.head < len(t.ring) && t.ring[t.head].ts < e.ts-int64(t.window) {
			t.head++
		}
		if t.head > len(t.ring)/4 && t.head > 1024 {
			n := copy(t.ring, t.ring[t.head:])
			clear(t.ring[n:])
			t.ring = t.ring[:n]
			t.head = 0
		}
		return
	}
	switch e.ph {
	case 'B':
		t.open[e.tid] = append(t.open[e.tid], e.name)
	case 'E':
		if !t.unwind(e.tid, e.name, e.ts) {
			return
		}
		t.buf = e.append(t.buf[:0], args) // unwind used the buffer
	}
	t.write(t.buf)
}

// unwind prepares the end of slice name on thread tid: slices opened
// inside it whose ends were lost (a lossy subscription dropped them) end
// here first. It reports false when no such slice is open (its beginning
// was lost, or fell out of the window): the end is then left out, so the
// file stays well formed whatever was dropped.
func (t *TraceWriter) unwind(tid int, name string, ts int64) bool {
	st := t.open[tid]
	j := len(st) - 1
	for j >= 0 && name != "" && st[j] != name {
		j--
	}
	if j < 0 {
		return false
	}
	for k := len(st) - 1; k > j; k-- {
		e := tev{name: st[k], ph: 'E', ts: ts, tid: tid}
		t.buf = e.append(t.buf[:0], []targ{{"end lost", true}})
		t.write(t.buf)
	}
	t.open[tid] = st[:j]
	return true
}

// keep copies an encoded event for the ring into the current arena chunk:
// one allocation a megabyte instead of one an event. A chunk is freed
// when the last record in it has been trimmed.
func (t *TraceWriter) keep(b []byte) []byte {
	if len(t.arena)+len(b) > cap(t.arena) {
		t.arena = make([]byte, 0, max(1<<20, len(b)))
	}
	start := len(t.arena)
	t.arena = append(t.arena, b...)
	return t.arena[start:len(t.arena):len(t.arena)]
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

// append encodes e as one JSON object. Categories and bp are the
// writer's own constants, which need no escaping: they are copied as they
// are.
func (e *tev) append(b []byte, args []targ) []byte {
	b = append(b, `{"name":`...)
	b = appendJSONString(b, e.name)
	if e.cat != "" {
		b = append(b, `,"cat":"`...)
		b = append(b, e.cat...)
		b = append(b, '"')
	}
	b = append(b, `,"ph":"`...)
	b = append(b, e.ph, '"')
	if e.hasID {
		b = append(b, `,"id":`...)
		b = strconv.AppendUint(b, e.id, 10)
	}
	if e.bp != "" {
		b = append(b, `,"bp":"`...)
		b = append(b, e.bp...)
		b = append(b, '"')
	}
	if e.ph != 'M' {
		b = append(b, `,"ts":`...)
		b = appendUs(b, e.ts)
	}
	if e.ph == 'X' {
		b = append(b, `,"dur":`...)
		b = appendUs(b, e.dur)
	}
	b = append(b, `,"pid":`+tracePidJSON+`,"tid":`...)
	b = strconv.AppendInt(b, int64(e.tid), 10)
	if len(args) > 0 {
		b = append(b, `,"args":{`...)
		for i, a := range args {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, a.k)
			b = append(b, ':')
			switch v := a.v.(type) {
			case string:
				b = appendJSONString(b, v)
			case int:
				b = strconv.AppendInt(b, int64(v), 10)
			case uint64:
				b = strconv.AppendUint(b, v, 10)
			case bool:
				b = strconv.AppendBool(b, v)
			case float64:
				if math.IsNaN(v) || math.IsInf(v, 0) {
					v = 0
				}
				b = strconv.AppendFloat(b, v, 'g', -1, 64)
			default:
				// Not fmt.Sprint: it would make every event's args escape
				// to the heap (an allocation per record, and per boxed
				// number), and no caller passes another type.
				b = append(b, "null"...)
			}
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendUs writes Recorder nanoseconds as the format's microseconds.
func appendUs(b []byte, ns int64) []byte {
	if ns < 0 {
		b = append(b, '-')
		ns = -ns
	}
	b = strconv.AppendInt(b, ns/1000, 10)
	if f := ns % 1000; f != 0 {
		b = append(b, '.', byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
	}
	return b
}

// appendJSONString quotes s as encoding/json does (invalid UTF-8 becomes
// U+FFFD; <, > and & are left as they are, which JSON allows).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	// Most strings (op types, phase names, file paths) need no escape:
	// copy them whole.
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		b = append(b, s...)
		return append(b, '"')
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}

func (t *TraceWriter) lane(n int) int {
	tid := traceLaneTid0 + n
	if !t.lanes[n] {
		t.lanes[n] = true
		t.meta("thread_name", tracePid, tid, fmt.Sprintf("pool lane %d", n))
	}
	return tid
}

// site names a stack's top frame as "created at" shows it. The runtime
// shares one stack between the ops made at the same place, so the name is
// kept per frame: formatting it per op was a fifth of the writer's time on
// a loop of timers.
func (t *TraceWriter) site(f *trace.Frame) string {
	if s, ok := t.sites[f]; ok {
		return s
	}
	if len(t.sites) >= 4096 {
		clear(t.sites) // ever new stacks: start over
	}
	s := fmt.Sprintf("%s (%s:%d:%d)", f.Function, f.File, f.Line, f.Column)
	t.sites[f] = s
	return s
}

// Add writes one record.
func (t *TraceWriter) Add(e trace.Event) {
	t.mu.Lock()
	t.add(&e)
	t.mu.Unlock()
}

// AddBatch is Add for each record of b, in order, under one lock.
func (t *TraceWriter) AddBatch(b []trace.Event) {
	t.mu.Lock()
	for i := range b {
		t.add(&b[i])
	}
	t.mu.Unlock()
}

func (t *TraceWriter) add(e *trace.Event) {
	switch e.Kind {
	case trace.KindPhaseEnter:
		t.emit(tev{name: e.Phase.String(), cat: "phase", ph: 'B', ts: e.Time, tid: traceLoopTid}, false, targ{"iteration", e.Iteration})
	case trace.KindPhaseExit:
		t.emit(tev{name: e.Phase.String(), cat: "phase", ph: 'E', ts: e.Time, tid: traceLoopTid}, false)
	case trace.KindInit:
		t.pending[e.Op] = traceOp{typ: e.Type, created: e.Time}
		args, n := [3]targ{{"op", e.Op}, {"trigger", e.Trigger}}, 2
		if len(e.Stack) > 0 {
			args[2], n = targ{"created at", t.site(&e.Stack[0])}, 3
		}
		t.emit(tev{name: e.Type, cat: "async", ph: 'b', id: e.Op, hasID: true, ts: e.Time, tid: traceLoopTid}, false, args[:n]...)
		t.emit(tev{name: e.Type, cat: "flow", ph: 's', id: e.Op, hasID: true, ts: e.Time, tid: traceLoopTid}, false)
	case trace.KindStarted:
		tid := t.lane(e.Worker)
		t.emit(tev{name: t.pending[e.Op].typ, cat: "pool", ph: 'B', ts: e.Time, tid: tid}, false, targ{"op", e.Op}, targ{"queue wait ms", float64(e.Duration) / 1e6})
	case trace.KindFinished:
		tid := t.lane(e.Worker)
		var a [2]targ
		args := append(a[:0], targ{"op", e.Op})
		if e.Err != "" {
			args = append(args, targ{"error", e.Err})
		}
		t.emit(tev{name: t.pending[e.Op].typ, cat: "pool", ph: 'E', ts: e.Time, tid: tid}, false, args...)
	case trace.KindBefore:
		typ := e.Type
		if typ == "" {
			typ = t.pending[e.Op].typ
		}
		// The flow arrow ends where the callback starts ("bp": bind to the
		// enclosing slice, the callback).
		t.emit(tev{name: typ, cat: "callback", ph: 'B', ts: e.Time, tid: traceLoopTid}, false, targ{"op", e.Op})
		if _, ok := t.pending[e.Op]; ok {
			t.emit(tev{name: typ, cat: "flow", ph: 'f', bp: "e", id: e.Op, hasID: true, ts: e.Time, tid: traceLoopTid}, false)
		}
	case trace.KindAfter:
		typ := e.Type
		if typ == "" {
			typ = t.pending[e.Op].typ
		}
		t.emit(tev{name: typ, cat: "callback", ph: 'E', ts: e.Time, tid: traceLoopTid}, false)
	case trace.KindSync:
		// A synchronous call blocked the loop: a complete slice inside the
		// callback that made it.
		var a [3]targ
		args := append(a[:0], targ{"call", e.Type})
		if f, ok := trace.UserFrame(e.Stack); ok {
			args = append(args, targ{"called at", fmt.Sprintf("%s (%s:%d:%d)", f.Function, f.File, f.Line, f.Column)})
		}
		if e.Err != "" {
			args = append(args, targ{"error", e.Err})
		}
		name := e.Type
		if api, ok := trace.CalledAPI(e.Stack); ok {
			name = api + " " + e.Type
		}
		t.emit(tev{name: name, cat: "sync", ph: 'X', ts: e.Time - int64(e.Duration), dur: int64(e.Duration), tid: traceLoopTid}, false, args...)
	case trace.KindDestroy:
		if op, ok := t.pending[e.Op]; ok {
			delete(t.pending, e.Op)
			t.emit(tev{name: op.typ, cat: "async", ph: 'e', id: e.Op, hasID: true, ts: e.Time, tid: traceLoopTid}, false)
		}
	}
}

// AddSnapshot writes the counters of one snapshot: queue depths, pool
// queue, pending operations, loop lag and utilisation.
func (t *TraceWriter) AddSnapshot(s trace.Snapshot) {
	t.mu.Lock()
	defer t.mu.Unlock()
	counter := func(name string, args ...targ) {
		t.emit(tev{name: name, ph: 'C', ts: s.Time, tid: traceLoopTid}, false, args...)
	}
	counter("queues", targ{"nextTick", s.NextTicks.Depth}, targ{"timers", s.Timers.Depth}, targ{"immediates", s.Immediates.Depth}, targ{"pending", s.PendingCallbacks.Depth}, targ{"close", s.CloseCallbacks.Depth})
	counter("pool", targ{"queued", s.Pool.Queued})
	counter("pending ops", targ{"pending", s.PendingTotal})
	counter("loop lag ms", targ{"lag", float64(s.Lag) / 1e6})
	counter("ELU", targ{"elu", s.ELU})
}

// Close ends the trace: async operations still alive and slices still
// open end at end (the last event's time), the ring (if any) is written,
// and the JSON array closes.
func (t *TraceWriter) Close(end int64) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for id, op := range t.pending {
		t.emit(tev{name: op.typ, cat: "async", ph: 'e', id: id, hasID: true, ts: end, tid: traceLoopTid}, false, targ{"alive at the end", true})
	}
	t.pending = map[uint64]traceOp{}
	if t.window > 0 {
		// Write the window, leaving out ends whose beginnings fell out of it.
		open := map[uint64]bool{}  // async ids begun in the window
		flows := map[uint64]bool{} // flows started in the window
		for _, r := range t.ring {
			if r.ts < end-int64(t.window) {
				continue
			}
			switch r.ph {
			case 'b':
				open[r.id] = true
			case 'e':
				if !open[r.id] {
					continue
				}
			case 's':
				flows[r.id] = true
			case 'f':
				if !flows[r.id] {
					continue
				}
			case 'B':
				t.open[int(r.tid)] = append(t.open[int(r.tid)], r.name)
			case 'E':
				if !t.unwind(int(r.tid), r.name, r.ts) {
					continue
				}
			}
			t.write(r.data)
		}
		t.ring, t.arena = nil, nil
		t.window = 0
	}
	for tid, st := range t.open {
		for i := len(st) - 1; i >= 0; i-- {
			t.emit(tev{name: st[i], ph: 'E', ts: end, tid: tid}, false, targ{"open at the end", true})
		}
	}
	if t.err == nil {
		_, t.err = t.w.WriteString("\n]\n")
	}
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}
