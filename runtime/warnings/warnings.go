// Package warnings draws warnings about a program's use of the event loop
// from the runtime's async-op records (`studio run --warnings`). It is a pure
// consumer of trace events, like ioprof: feed it a run's records in order,
// then ask for its Report.
//
// What it detects, and exactly what is measured (the thresholds are Config
// fields; DefaultConfig gives the values below):
//
//   - KindStarvation: one visit of a loop phase (PhaseEnter..PhaseExit)
//     during which the program's callbacks ran for more than 100 ms in total
//     (Config.Starvation). The time counted is the sum of the outermost
//     callbacks' durations (KindAfter of a callback not nested in another),
//     which includes the nextTick callbacks and microtasks drained inside
//     each callback scope; a poll phase's idle wait is not counted. While this
//     time runs the loop cannot reach its next phase: no timer, I/O
//     completion or immediate runs. The warning names the longest callback's
//     creation site and, when nextTick or queueMicrotask callbacks nested in
//     it took more than half of its time, says it was tick or microtask
//     starvation and names the site that queued the most of them. Promise
//     reactions are counted only inside the callback that drained them
//     (goja's promise jobs have no records of their own). The main module's
//     first run and the exit handlers (outside any phase) are not counted: the
//     loop has not started or has ended. Time stopped at a debugger pause
//     inside a callback counts as callback time: under --inspect a pause can
//     look like starvation.
//
//   - KindPoolSaturated: a stretch during which work waited in the pool's
//     queue throughout (KindQueued without its KindStarted), and within it
//     at least 50 ms (Config.SaturatedIdle) during which every lane was busy
//     (KindStarted without its KindFinished, per Worker) while the loop sat
//     in the poll phase running no callback. The loop had nothing to do but
//     wait for the pool: the pool size (UV_THREADPOOL_SIZE, --pool-size) is
//     the bottleneck. The number of lanes is Config.PoolSize, or when it is
//     zero the number of lanes seen in the records so far.
//
//   - KindKeepAlive: at the end of the records, a Timeout still armed (no
//     KindDestroy: an interval, or a timer refreshed) whose callback ran at
//     least 3 times (Config.KeepAliveFires) after the last callback of
//     anything else, over a last stretch of at least 1 s
//     (Config.KeepAliveStretch), with no handle (socket, server, watcher,
//     child process) or I/O request still open. For that stretch the timer
//     was the only thing the program did, and the program ended by
//     process.exit, a signal or Studio stopping it rather than by its loop
//     running out of work. The records do not say whether a timer is ref'd:
//     an unref'd interval cannot keep the loop alive, but neither can it be
//     the last thing to run in a program whose loop emptied, so in practice
//     it matches only runs ended from outside or by process.exit.
//
//   - KindSequentialIO: a hint, not a fault. An I/O request B created from a
//     line of a function while the completion callback of an I/O request A
//     from another line of the same function (same file and function name)
//     was running: B was started only once A finished, as
//     `await fs.promises.readFile(a); await fs.promises.stat(b)` does. An I/O
//     request created by library code alone (the later steps of a readFile)
//     belongs to the call site of the request whose callback created it. The
//     records cannot show whether B used A's result, so independence is not
//     proved: the hint names both call sites and says they could overlap
//     (Promise.all) if B does not need A. Requests from the same line (a loop
//     of awaits) are not reported, because a single readFile's own steps look
//     the same.
//
//   - KindSyncFS: a synchronous fs call (fs.readFileSync, statSync,
//     writeFileSync, existsSync, ...: each of its open, fstat, read, write,
//     close is a trace.KindSync record) made while the loop was handling an
//     HTTP request: the running resource (executionAsyncId) is a server's
//     HTTPINCOMINGMESSAGE (a 'request' handler runs as it, as in node) or
//     was created, directly or through others, by one (a timer, an fs
//     callback or an awaited promise of the handler). While the call runs
//     the loop serves no other request. Every such call is reported, however
//     short, aggregated per call site: how many binding calls, the time they
//     blocked the loop in all and the longest. Calls made at start-up or in
//     an HTTP client's callbacks are not reported.
//
// Goroutine contract: a Detector is fed events in order by one goroutine
// (Run, or Add); Report may be called from any goroutine.
package warnings

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

// Kind names a warning's kind.
type Kind string

// The warning kinds.
const (
	KindStarvation    Kind = "starvation"
	KindPoolSaturated Kind = "pool-saturated"
	KindKeepAlive     Kind = "timer-keeps-alive"
	KindSequentialIO  Kind = "sequential-io"
	KindSyncFS        Kind = "sync-fs-in-handler"
)

// Config holds the thresholds. Zero fields take DefaultConfig's values.
type Config struct {
	Starvation       time.Duration // callback time in one phase visit
	SaturatedIdle    time.Duration // poll idle time while the pool is saturated
	KeepAliveStretch time.Duration // the last stretch in which only the timer ran
	KeepAliveFires   int           // the timer's callbacks in that stretch
	PoolSize         int           // lanes; 0: the lanes seen in the records
}

// DefaultConfig returns the thresholds the package doc states.
func DefaultConfig() Config {
	return Config{
		Starvation:       100 * time.Millisecond,
		SaturatedIdle:    50 * time.Millisecond,
		KeepAliveStretch: time.Second,
		KeepAliveFires:   3,
	}
}

// Fact is one number behind a warning.
type Fact struct {
	Name  string
	Value float64
	Unit  string // "ms", or "" for a count
}

// Warning is one finding, aggregated over every time it was seen at the
// same place.
type Warning struct {
	Kind    Kind
	Message string
	// Where are call sites as file:line: the main one first (for
	// KindSequentialIO, the first request's then the second's).
	Where []string
	// Stack is the creation stack of the op at Where[0], when known.
	Stack []trace.Frame
	// Time is when it was first seen, in Recorder time.
	Time     int64
	Count    int    // times seen
	Evidence []Fact // for the worst time it was seen
}

// notKeepingAlive are the types an open op of which does not by itself keep
// a process alive, for KindKeepAlive: timers (judged separately), queued
// callbacks, and resources Node does not ref (stdio ttys, file handles,
// the delay histogram's timer).
var notKeepingAlive = map[string]bool{
	"Timeout": true, "Immediate": true, "TickObject": true, "PROMISE": true, "Microtask": true,
	"TTYWRAP": true, "FILEHANDLE": true, "ELDHISTOGRAM": true, "Main": true, "": true,
}

// firesKept is how many recent callback times a timer keeps.
const firesKept = 64

type op struct {
	typ        string
	stack      []trace.Frame
	user       trace.Frame // first frame of the program's own code, or zero
	origin     string      // user site, or inherited from the trigger
	originFn   trace.Frame // the user frame at origin
	originInit int64       // when the request at origin was created
	init       int64
	io         bool
	fires      []int64 // callback start times (Timeouts only), newest last
	lastCB     int64   // end of its last callback
	seqPair    *Warning
	http       bool // an HTTPINCOMINGMESSAGE, or created by one (through others)
}

// syncAgg adds up the sync fs calls behind one KindSyncFS warning.
type syncAgg struct {
	total, longest time.Duration
	calls          []string // binding calls seen, in first-seen order
}

type callback struct {
	id        uint64
	typ       string
	start     int64
	nestedDur time.Duration // tick/microtask callbacks nested directly in it
	nestedBy  map[string]int
}

// Detector accumulates the records of one run.
type Detector struct {
	mu  sync.Mutex
	cfg Config

	ops   map[uint64]*op
	open  []callback // callbacks running, outermost first
	last  int64      // time of the latest event
	found map[string]*Warning
	order []string // keys of found in first-seen order

	// the current phase visit
	phase      trace.Phase
	phaseStart int64
	iteration  uint64
	busy       time.Duration
	ncb        int
	longest    struct {
		id        uint64
		typ       string
		d, nested time.Duration
		nestedBy  map[string]int
		site      string
		stack     []trace.Frame
	}

	// the pool
	busyLanes map[int]uint64
	backlog   map[uint64]bool
	lanesSeen int
	episode   *saturation

	lastOther int64 // end of the last callback of anything but an armed Timeout
	dropped   uint64

	syncs map[string]*syncAgg // by KindSyncFS warning key

	free  []*op                      // destroyed ops, for reuse
	sites map[*trace.Frame]*userSite // by the shared frame's address
}

type saturation struct {
	start, idleTime int64
	maxBacklog      int
	sites           map[string]int
}

// New makes an empty Detector with cfg's thresholds.
func New(cfg Config) *Detector {
	def := DefaultConfig()
	if cfg.Starvation <= 0 {
		cfg.Starvation = def.Starvation
	}
	if cfg.SaturatedIdle <= 0 {
		cfg.SaturatedIdle = def.SaturatedIdle
	}
	if cfg.KeepAliveStretch <= 0 {
		cfg.KeepAliveStretch = def.KeepAliveStretch
	}
	if cfg.KeepAliveFires <= 0 {
		cfg.KeepAliveFires = def.KeepAliveFires
	}
	return &Detector{cfg: cfg, ops: map[uint64]*op{}, found: map[string]*Warning{}, busyLanes: map[int]uint64{}, backlog: map[uint64]bool{}, syncs: map[string]*syncAgg{}, sites: map[*trace.Frame]*userSite{}}
}

// Subscribe attaches a subscription that asks for creation stacks (the
// call sites), with a large buffer: warnings drawn from a stream that
// dropped records say so.
func Subscribe(rec *trace.Recorder) *trace.Subscription {
	return rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 18, Stacks: true, Batch: true, Interest: Interest})
}

// Interest is the records a Detector reads: every class but KindIteration
// (the phase records carry the iteration number). Starvation needs every
// callback and phase visit, the sites need every creation, keep-alive the
// timers' creations, callbacks and destructions.
const Interest = trace.InterestIO | trace.InterestOps | trace.InterestLoop

// Run feeds the detector from sub until ctx ends, then drains what sub
// still holds.
func (d *Detector) Run(ctx context.Context, sub *trace.Subscription) error {
	n := sub.ConsumeBatches(ctx, d.AddBatch)
	d.mu.Lock()
	d.dropped = n
	d.mu.Unlock()
	return nil
}

// AddBatch takes records in order: Add for each, under one lock.
func (d *Detector) AddBatch(b []trace.Event) {
	d.mu.Lock()
	for i := range b {
		d.add(&b[i])
	}
	d.mu.Unlock()
}

// Add takes one record.
func (d *Detector) Add(e trace.Event) {
	d.mu.Lock()
	d.add(&e)
	d.mu.Unlock()
}

func (d *Detector) add(e *trace.Event) {
	d.advance(e.Time)
	switch e.Kind {
	case trace.KindInit:
		d.init(e)
	case trace.KindQueued:
		d.backlog[e.Op] = true
		if d.episode != nil {
			d.countQueued(e.Op)
		}
	case trace.KindStarted:
		delete(d.backlog, e.Op)
		d.busyLanes[e.Worker] = e.Op
		if e.Worker+1 > d.lanesSeen {
			d.lanesSeen = e.Worker + 1
		}
	case trace.KindFinished:
		if d.busyLanes[e.Worker] == e.Op {
			delete(d.busyLanes, e.Worker)
		}
	case trace.KindBefore:
		d.before(e)
	case trace.KindAfter:
		d.after(e)
	case trace.KindDestroy:
		if o := d.ops[e.Op]; o != nil {
			if o.typ == "Timeout" && o.lastCB > d.lastOther {
				// A timer that is done was not keeping the process
				// alive: its callbacks count as the program's other work.
				d.lastOther = o.lastCB
			}
			delete(d.ops, e.Op)
			d.freeOp(o)
		}
		delete(d.backlog, e.Op)
	case trace.KindPhaseEnter:
		d.phase, d.phaseStart, d.busy, d.ncb, d.iteration = e.Phase, e.Time, 0, 0, e.Iteration
		d.longest.id, d.longest.d, d.longest.nested, d.longest.typ, d.longest.nestedBy, d.longest.site, d.longest.stack = 0, 0, 0, "", nil, "", nil
	case trace.KindPhaseExit:
		d.phaseExit(e)
		d.phase = trace.PhaseNone
	case trace.KindIteration:
		d.iteration = e.Iteration
	case trace.KindSync:
		d.sync(e)
	}
	d.checkSaturation(e.Time)
}

func (d *Detector) init(e *trace.Event) {
	o := d.newOp()
	o.typ, o.stack, o.init, o.io, o.originInit = e.Type, e.Stack, e.Time, trace.IsIORequest(e.Type), e.Time
	t := d.ops[e.Trigger]
	if e.Type == "HTTPINCOMINGMESSAGE" || t != nil && t.http {
		o.http = true
	}
	if u := d.userSite(e.Stack); u != nil {
		o.user = u.frame
		o.origin, o.originFn = u.site, u.frame
	} else if t != nil && t.origin != "" && (t.io || o.io) {
		o.origin, o.originFn, o.originInit = t.origin, t.originFn, t.originInit
	}
	d.ops[e.Op] = o // an id reused without its destroy (records dropped) drops the old op
	if !o.io || o.user.File == "" {
		return
	}
	// KindSequentialIO: created in the completion callback of an I/O
	// request from another line of the same function.
	if t == nil || !t.io || t.origin == "" || t.origin == o.origin || !d.running(e.Trigger) {
		return
	}
	a := t.originFn
	if a.File != o.user.File || a.Function != o.user.Function {
		return
	}
	w := d.warn(KindSequentialIO, t.origin+" "+o.origin, e.Time, t.stack)
	w.Where = []string{t.origin, o.origin}
	first := float64(e.Time-t.originInit) / float64(time.Millisecond)
	w.Message = fmt.Sprintf("%s is started only after %s completes (in %s); if it does not need that result, both can run at once (Promise.all)", o.origin, t.origin, funcName(a.Function))
	if len(w.Evidence) == 0 || first > w.Evidence[0].Value {
		w.Evidence = []Fact{{"first request created to second created", first, "ms"}}
	}
}

// sync takes a synchronous call's record: an fs call made while handling an
// HTTP request is a KindSyncFS.
func (d *Detector) sync(e *trace.Event) {
	if !strings.HasPrefix(e.Type, "fs.") || !d.inHTTP(e.Trigger) {
		return
	}
	site := "(unknown)"
	if f, ok := trace.UserFrame(e.Stack); ok {
		site = fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	api, ok := trace.CalledAPI(e.Stack)
	if !ok {
		api = e.Type
	}
	key := site + " " + api
	w := d.warn(KindSyncFS, key, e.Time, e.Stack)
	w.Where = []string{site}
	a := d.syncs[key]
	if a == nil {
		a = &syncAgg{}
		d.syncs[key] = a
	}
	a.total += e.Duration
	a.longest = max(a.longest, e.Duration)
	call := strings.TrimPrefix(e.Type, "fs.")
	if !slices.Contains(a.calls, call) {
		a.calls = append(a.calls, call)
	}
	w.Message = fmt.Sprintf("%s at %s ran while the loop was handling an HTTP request: %s (%s) blocked the loop for %s in all, the longest %s, and no other request, timer or I/O callback ran meanwhile; use the asynchronous form (fs.promises), or do it once at start-up",
		api, site, plural(w.Count, "synchronous fs call"), strings.Join(a.calls, ", "), msStr(a.total), msStr(a.longest))
	w.Evidence = []Fact{
		{"sync fs calls", float64(w.Count), ""},
		{"time blocked in all", float64(a.total) / float64(time.Millisecond), "ms"},
		{"longest call", float64(a.longest) / float64(time.Millisecond), "ms"},
	}
}

// inHTTP reports whether the resource whose callback is running (exec)
// descends from an HTTP request. A resource the records do not know (the
// main module, or one whose init was dropped) is judged by the innermost
// known callback that is running.
func (d *Detector) inHTTP(exec uint64) bool {
	if o := d.ops[exec]; o != nil {
		return o.http
	}
	for i := len(d.open) - 1; i >= 0; i-- {
		if o := d.ops[d.open[i].id]; o != nil {
			return o.http
		}
	}
	return false
}

func (d *Detector) running(id uint64) bool {
	for _, c := range d.open {
		if c.id == id {
			return true
		}
	}
	return false
}

func (d *Detector) before(e *trace.Event) {
	typ := e.Type
	if o := d.ops[e.Op]; o != nil {
		typ = o.typ
		if o.typ == "Timeout" {
			o.fires = append(o.fires, e.Time)
			if len(o.fires) > firesKept {
				o.fires = o.fires[1:]
			}
		}
	}
	d.open = append(d.open, callback{id: e.Op, typ: typ, start: e.Time})
}

func (d *Detector) after(e *trace.Event) {
	n := len(d.open)
	if n == 0 || d.open[n-1].id != e.Op {
		// Unmatched (records dropped, or a callback left by an exit):
		// forget the nesting rather than guess.
		d.open = d.open[:0]
		return
	}
	c := d.open[n-1]
	d.open = d.open[:n-1]
	dur := e.Duration
	if dur == 0 {
		dur = time.Duration(e.Time - c.start)
	}
	o := d.ops[e.Op] // one lookup for all below
	if o != nil {
		o.lastCB = e.Time
	}
	// Op 0 is the exit handlers' scope, at the very end of a run whose
	// loop emptied; it is not the program's work.
	if e.Op != 0 && (o == nil || o.typ != "Timeout") {
		d.lastOther = e.Time
	}
	if n > 1 {
		if c.typ == "TickObject" || c.typ == "Microtask" {
			p := &d.open[n-2]
			p.nestedDur += dur
			if p.nestedBy == nil {
				p.nestedBy = map[string]int{}
			}
			site := "(unknown)"
			if o != nil && o.origin != "" {
				site = o.origin
			}
			p.nestedBy[c.typ+" "+site]++
		}
		return
	}
	if d.phase == trace.PhaseNone {
		return
	}
	d.busy += dur
	d.ncb++
	if dur > d.longest.d {
		d.longest.id, d.longest.typ, d.longest.d, d.longest.nested, d.longest.nestedBy = e.Op, c.typ, dur, c.nestedDur, c.nestedBy
		// The op is destroyed before its phase ends: keep where it was made.
		d.longest.site, d.longest.stack = "(unknown)", nil
		if o != nil {
			d.longest.site, d.longest.stack = orUnknown(o.origin), o.stack
		}
	}
}

func (d *Detector) phaseExit(e *trace.Event) {
	if d.busy <= d.cfg.Starvation || d.phase == trace.PhaseNone {
		return
	}
	l := d.longest
	site, stack := l.site, l.stack
	var msg string
	where := []string{site}
	switch {
	case l.d > d.cfg.Starvation && l.nested*2 > l.d:
		top, n := topKey(l.nestedBy)
		typ, tsite, _ := strings.Cut(top, " ")
		what := "nextTick"
		if typ == "Microtask" {
			what = "queueMicrotask"
		}
		msg = fmt.Sprintf("%s starvation: the loop stayed in the %s phase for %s; a %s callback ran %s, %s of it in %d %s callbacks (%d queued at %s)",
			what, d.phase, msStr(d.busy), l.typ, msStr(l.d), msStr(l.nested), sum(l.nestedBy), what, n, tsite)
		where = append(where, tsite)
	case l.d > d.cfg.Starvation:
		msg = fmt.Sprintf("the loop stayed in the %s phase for %s: one %s callback ran %s without yielding", d.phase, msStr(d.busy), l.typ, msStr(l.d))
	default:
		msg = fmt.Sprintf("the loop stayed in the %s phase for %s running %d callbacks (the longest, a %s, %s)", d.phase, msStr(d.busy), d.ncb, l.typ, msStr(l.d))
	}
	w := d.warn(KindStarvation, site, e.Time, stack)
	busy := float64(d.busy) / float64(time.Millisecond)
	if len(w.Evidence) == 0 || busy > w.Evidence[0].Value {
		w.Message, w.Where = msg, where
		w.Evidence = []Fact{
			{"callback time in the phase", busy, "ms"},
			{"callbacks", float64(d.ncb), ""},
			{"longest callback", float64(l.d) / float64(time.Millisecond), "ms"},
			{"nested tick/microtask time", float64(l.nested) / float64(time.Millisecond), "ms"},
			{"iteration", float64(d.iteration), ""},
		}
	}
}

// advance accounts the time since the last event to a saturation episode.
func (d *Detector) advance(t int64) {
	if t <= d.last {
		return
	}
	if d.episode != nil && d.phase == trace.PhasePoll && len(d.open) == 0 && len(d.busyLanes) >= d.lanes() {
		d.episode.idleTime += t - d.last
	}
	d.last = t
}

func (d *Detector) lanes() int {
	if d.cfg.PoolSize > 0 {
		return d.cfg.PoolSize
	}
	return d.lanesSeen
}

// checkSaturation opens or closes a saturation episode after an event.
func (d *Detector) checkSaturation(t int64) {
	// An episode lasts while work waits in the queue: a lane that finishes
	// takes the next request at once, and that hand-over must not split it.
	if len(d.backlog) > 0 && d.lanes() > 0 {
		if d.episode == nil {
			d.episode = &saturation{start: t, sites: map[string]int{}}
			for id := range d.backlog {
				d.countQueued(id)
			}
		}
		if len(d.backlog) > d.episode.maxBacklog {
			d.episode.maxBacklog = len(d.backlog)
		}
		return
	}
	if d.episode != nil {
		d.closeEpisode(t)
	}
}

// countQueued counts a request waiting in the pool during an episode, by
// type and call site.
func (d *Detector) countQueued(id uint64) {
	if o := d.ops[id]; o != nil {
		d.episode.sites[o.typ+" "+orUnknown(o.origin)]++
	}
}

func (d *Detector) closeEpisode(t int64) {
	ep := d.episode
	d.episode = nil
	if time.Duration(ep.idleTime) < d.cfg.SaturatedIdle {
		return
	}
	top, _ := topKey(ep.sites)
	typ, site, _ := strings.Cut(top, " ")
	var stack []trace.Frame
	for _, o := range d.ops {
		if o.origin == site && o.typ == typ {
			stack = o.stack
			break
		}
	}
	w := d.warn(KindPoolSaturated, site, ep.start, stack)
	idle := float64(ep.idleTime) / float64(time.Millisecond)
	if len(w.Evidence) == 0 || idle > w.Evidence[0].Value {
		w.Message = fmt.Sprintf("all %d worker-pool lanes were busy with up to %d requests queued for %s while the loop waited idle in poll for %s; most queued: %s at %s (raise UV_THREADPOOL_SIZE or --pool-size, or issue fewer requests at once)",
			d.lanes(), ep.maxBacklog, msStr(time.Duration(t-ep.start)), msStr(time.Duration(ep.idleTime)), typ, site)
		w.Where = []string{site}
		w.Evidence = []Fact{
			{"loop idle in poll while saturated", idle, "ms"},
			{"saturated for", float64(t-ep.start) / float64(time.Millisecond), "ms"},
			{"lanes", float64(d.lanes()), ""},
			{"most queued", float64(ep.maxBacklog), ""},
		}
	}
}

func (d *Detector) warn(k Kind, where string, t int64, stack []trace.Frame) *Warning {
	key := string(k) + " " + where
	w := d.found[key]
	if w == nil {
		w = &Warning{Kind: k, Where: []string{where}, Stack: stack, Time: t}
		d.found[key] = w
		d.order = append(d.order, key)
	}
	w.Count++
	return w
}

// Report is the warnings at one moment.
type Report struct {
	Warnings []Warning // in the order first seen; KindKeepAlive last
	Dropped  uint64    // records lost (then warnings may be missing or wrong)
}

// Report returns the warnings so far, treating the latest record as the end
// of the run: a saturation in progress is closed there, and armed timers
// are judged for KindKeepAlive.
func (d *Detector) Report() Report {
	d.mu.Lock()
	defer d.mu.Unlock()
	found := map[string]*Warning{}
	order := append([]string(nil), d.order...)
	for k, w := range d.found {
		c := *w
		c.Evidence = append([]Fact(nil), w.Evidence...)
		found[k] = &c
	}
	// Work on copies so that Report does not change the detector.
	saved, savedOrder, savedEp := d.found, d.order, d.episode
	d.found, d.order = found, order
	if d.episode != nil {
		ep := *d.episode
		d.episode = &ep
		d.closeEpisode(d.last)
	}
	d.keepAlive()
	r := Report{Dropped: d.dropped}
	for _, k := range d.order {
		r.Warnings = append(r.Warnings, *d.found[k])
	}
	d.found, d.order, d.episode = saved, savedOrder, savedEp
	return r
}

func (d *Detector) keepAlive() {
	var timers []uint64
	for id, o := range d.ops {
		if o.typ == "Timeout" {
			timers = append(timers, id)
			continue
		}
		if !notKeepingAlive[o.typ] {
			return // a handle or a request is open: it keeps the process alive too
		}
	}
	stretch := d.last - d.lastOther
	if time.Duration(stretch) < d.cfg.KeepAliveStretch {
		return
	}
	sort.Slice(timers, func(i, j int) bool { return timers[i] < timers[j] })
	for _, id := range timers {
		o := d.ops[id]
		n := 0
		for _, f := range o.fires {
			if f > d.lastOther {
				n++
			}
		}
		if n < d.cfg.KeepAliveFires {
			continue
		}
		site := orUnknown(o.origin)
		w := d.warn(KindKeepAlive, site, d.lastOther, o.stack)
		w.Message = fmt.Sprintf("the timer created at %s was still armed at the end and was all that ran for the last %s (%d callbacks): it kept the process alive until it was stopped; clear it, or unref() it", site, msStr(time.Duration(stretch)), n)
		w.Evidence = []Fact{{"last stretch with only this timer", float64(stretch) / float64(time.Millisecond), "ms"}, {"callbacks in it", float64(n), ""}}
	}
}

// WriteText prints the report as `studio run --warnings` does.
func (r Report) WriteText(w io.Writer) error {
	if len(r.Warnings) == 0 {
		_, err := fmt.Fprintln(w, "warnings: none")
		return err
	}
	fmt.Fprintf(w, "warnings: %d\n", len(r.Warnings))
	for _, x := range r.Warnings {
		fmt.Fprintf(w, "  %s: %s\n", x.Kind, x.Message)
		for _, s := range x.Where {
			fmt.Fprintf(w, "      at %s\n", s)
		}
		var parts []string
		prefix := ""
		if x.Count > 1 && x.Kind != KindSyncFS { // KindSyncFS's facts are totals
			prefix = fmt.Sprintf("seen %d times; the worst: ", x.Count)
		}
		for _, f := range x.Evidence {
			if f.Unit == "ms" {
				parts = append(parts, fmt.Sprintf("%s %.2f ms", f.Name, f.Value))
			} else {
				parts = append(parts, fmt.Sprintf("%s %g", f.Name, f.Value))
			}
		}
		if _, err := fmt.Fprintf(w, "      %s%s\n", prefix, strings.Join(parts, ", ")); err != nil {
			return err
		}
	}
	if r.Dropped > 0 {
		fmt.Fprintf(w, "%d records were dropped: warnings may be missing or wrong\n", r.Dropped)
	}
	return nil
}

// newOp takes an op from the free list, or makes one. A busy loop makes
// and destroys an op per callback; reusing them keeps the detector from
// churning the heap (its allocations were a good part of what it cost).
func (d *Detector) newOp() *op {
	if n := len(d.free); n > 0 {
		o := d.free[n-1]
		d.free = d.free[:n-1]
		return o
	}
	return &op{}
}

// freeOp returns a destroyed op to the free list. Nothing keeps a pointer
// to an op once it has left d.ops: warnings copy what they need.
func (d *Detector) freeOp(o *op) {
	fires := o.fires[:0]
	*o = op{fires: fires}
	if len(d.free) < maxFree {
		d.free = append(d.free, o)
	}
}

// maxFree bounds the free list (the most ops a burst freed at once).
const maxFree = 4096

// userSite is the first frame of a creation stack that is the program's
// own code, with its file:line, or nil. Stacks come shared from the
// runtime's cache, so the frame's address names its site: the string is
// made once per site, not once per op.
type userSite struct {
	frame trace.Frame
	site  string
}

func (d *Detector) userSite(stack []trace.Frame) *userSite {
	for i := range stack {
		f := &stack[i]
		if f.File == "" || strings.HasPrefix(f.File, "node:") || strings.HasPrefix(f.File, "studio:") {
			continue
		}
		if u := d.sites[f]; u != nil {
			return u
		}
		if len(d.sites) >= maxSites {
			clear(d.sites) // stacks that are not shared: start over
		}
		u := &userSite{frame: *f, site: fmt.Sprintf("%s:%d", f.File, f.Line)}
		d.sites[f] = u
		return u
	}
	return nil
}

// maxSites bounds the site cache.
const maxSites = 8192

func topKey(m map[string]int) (string, int) {
	best, n := "", -1
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best, n
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

func funcName(s string) string {
	if s == "" {
		return "the module's top level"
	}
	return s + "()"
}

func msStr(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}
