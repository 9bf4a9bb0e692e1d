package debugger

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/debugger/instrument"
	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/modules"
	"github.com/studiojs/studio/runtime/trace"
)

// Errors.
var (
	ErrNotPaused   = errors.New("debugger: not paused")
	ErrNoFrame     = errors.New("debugger: no such call frame")
	ErrNoObject    = errors.New("debugger: no such object (released on resume)")
	ErrNoScript    = errors.New("debugger: no such script")
	ErrStopped     = errors.New("debugger: program ended")
	ErrBadLocation = errors.New("debugger: no breakable location")
)

// pollBudget is how many loop iterations run between two checks for a
// pause request (a few milliseconds of the tightest loop).
const pollBudget = 20000

// asyncHops bounds async stack traces.
const asyncHops = 32

// Debugger is the engine. Create it with New and pass it to the runtime as
// both Options.Debug and Options.Hooks.
type Debugger struct {
	mu       sync.Mutex
	files    []*fileInfo
	bps      map[string]*Breakpoint
	nextBP   int
	onExc    ExceptionMode
	active   bool // breakpoints active (setBreakpointsActive)
	subs     []*Subscription
	loopWork []func()

	pauseReq     atomic.Bool
	haveWork     atomic.Bool
	pauseOnStart bool
	waitStart    chan struct{} // closed by Start; nil without WaitForStart
	startOnce    sync.Once

	// Loop goroutine only.
	rt       *runtime.Runtime
	vm       *goja.Runtime
	ctx      context.Context
	step     stepState
	turn     uint64
	paused   *pauseState
	evalFn   goja.Callable
	asyncRec *asyncRecords
	started  bool
	helpers  map[string]goja.Callable
	// rawToString is Function.prototype.toString as goja has it (the
	// program's is wrapped, tostring.go): a function's instrumented text.
	rawToString goja.Callable
	// recording says every hook records its frame (frames.go); records
	// are by stack depth, valid while their gen is recGen.
	recording bool
	recGen    uint64
	records   []frameRecord
	stackBuf  []goja.StackFrame
	failed    []error
	// pending and lastThrown are the throw statement under way and the
	// value last paused on (pause on caught exceptions).
	pending     *pendingThrow
	lastThrown  goja.Value
	blackbox    []*regexp.Regexp // guarded by mu
	lastPause   *Paused          // guarded by mu; nil while running
	consoleObjs []string
	learn       learnState
	objects     map[string]remoteObj
	nextObj     int

	cmds chan func() // commands run by the paused loop goroutine
	// wake tells a loop goroutine that serves commands (paused, held
	// before the start, pacing) that onLoop queued work: the work may have
	// been queued just before the pause began, when nothing read cmds.
	wake     chan struct{}
	pausedCh pausedFlag // set while paused: closed when the pause ends
}

// ExceptionMode says when exceptions pause.
type ExceptionMode int

const (
	ExceptionsNone ExceptionMode = iota
	ExceptionsUncaught
	ExceptionsAll
)

type stepKind int

const (
	stepNone stepKind = iota
	stepInto
	stepOver
	stepOut
	stepPause // a pause request: stop at the next statement
)

type stepState struct {
	kind  stepKind
	depth int
	token goja.Value
	turn  uint64
}

type fileInfo struct {
	id     int
	path   string
	res    *instrument.Result
	armed  []byte    // backs $$b: stop, or every hook while recording
	stop   []byte    // the hooks that may stop (breakpoints, steps, exceptions)
	budget []byte    // backs $$c
	pos    []hookPos // each hook's position in the file as written
	funcs  []span    // each function's extent in the file as written
	tries  []trySpan // try blocks with a catch clause, as written
	source string    // the file as written
	// original maps positions of the code before instrumentation to the
	// file as written (the loader's mapper).
	original modules.Mapper
	// blackboxed files are stepped through (SetBlackboxPatterns); d.mu.
	blackboxed bool
}

func (f *fileInfo) script() Script {
	return Script{ID: f.id, Path: f.path, Lines: strings.Count(f.source, "\n") + 1, Length: len(f.source), IsModule: f.res.Funcs[0].Async}
}

// Scripts lists the loaded, instrumented files in load order.
func (d *Debugger) Scripts() []Script {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]Script, len(d.files))
	for i, f := range d.files {
		out[i] = f.script()
	}
	return out
}

// ScriptSource returns a script's text as written.
func (d *Debugger) ScriptSource(id int) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if id < 0 || id >= len(d.files) {
		return "", fmt.Errorf("script %d: %w", id, ErrNoScript)
	}
	return d.files[id].source, nil
}

// CurrentPause returns the pause the program is in, if it is paused (a
// client that attaches while paused is told at once).
func (d *Debugger) CurrentPause() (Paused, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.lastPause == nil {
		return Paused{}, false
	}
	return *d.lastPause, true
}

// hookPos is where a hook's statement is in the original source (1-based
// line, 0-based column); ok is false for generated code (esbuild helpers).
type hookPos struct {
	line, col int
	ok        bool
}

// span is a range of the file as written, end excluded.
type span struct{ start, end hookPos }

func (s span) contains(line, col int) bool {
	return s.start.ok && s.end.ok && s.start.before(line, col) && !s.end.before(line, col)
}

// trySpan is a try block with a catch clause in function fn.
type trySpan struct {
	fn int
	span
}

func (p hookPos) before(line, col int) bool {
	return p.line < line || p.line == line && p.col <= col
}

// funcAt is the innermost function containing a position of the file as
// written (0, the top level, when none does).
func (f *fileInfo) funcAt(line, col int) int {
	best := 0
	for i := 1; i < len(f.funcs); i++ {
		s := f.funcs[i]
		if !s.contains(line, col) {
			continue
		}
		if b := f.funcs[best].start; best == 0 || b.before(s.start.line, s.start.col) {
			best = i
		}
	}
	return best
}

// Options configures a Debugger.
type Options struct {
	// PauseOnStart stops at the first statement of the main module
	// (--inspect-brk).
	PauseOnStart bool
	// WaitForStart holds the program before its first line until Start
	// (--inspect-brk, --inspect-wait: until a client says
	// Runtime.runIfWaitingForDebugger). Clients can evaluate meanwhile.
	WaitForStart bool
}

// New creates a Debugger.
func New(opts Options) *Debugger {
	d := &Debugger{bps: map[string]*Breakpoint{}, active: true, pauseOnStart: opts.PauseOnStart, cmds: make(chan func()), wake: make(chan struct{}, 1)}
	if opts.WaitForStart {
		d.waitStart = make(chan struct{})
	}
	return d
}

// Rewrite instruments a file for the runtime (runtime.Debug). Loop goroutine.
func (d *Debugger) Rewrite(file, code string, wrapped bool, original modules.Mapper) (string, func(line, col int) int, error) {
	d.mu.Lock()
	id := len(d.files)
	d.mu.Unlock()
	res, err := instrument.Instrument(code, instrument.Options{FileID: id, Wrapped: wrapped})
	if err != nil {
		err = fmt.Errorf("instrumenting %q: %w", file, err)
		d.mu.Lock()
		d.failed = append(d.failed, err)
		d.mu.Unlock()
		return "", nil, err
	}
	source := code
	if b, err := os.ReadFile(file); err == nil {
		source = strings.TrimPrefix(string(b), "\uFEFF")
	}
	f := &fileInfo{id: id, path: file, source: source, res: res, original: original, armed: make([]byte, len(res.Hooks)), stop: make([]byte, len(res.Hooks)), budget: make([]byte, 4), pos: make([]hookPos, len(res.Hooks))}
	binary.LittleEndian.PutUint32(f.budget, pollBudget)
	for i, h := range res.Hooks {
		_, line, col, ok := original(h.Line, h.Column)
		f.pos[i] = hookPos{line: line, col: col, ok: ok}
	}
	f.funcs = make([]span, len(res.Funcs))
	for i, fn := range res.Funcs {
		l0, c0 := res.Position(fn.Start)
		l1, c1 := res.Position(fn.End)
		_, l0, c0, ok0 := original(l0, c0)
		_, l1, c1, ok1 := original(l1, c1)
		f.funcs[i] = span{hookPos{l0, c0, ok0}, hookPos{l1, c1, ok1}}
	}
	for _, t := range res.Tries {
		l0, c0 := res.Position(t.Start)
		l1, c1 := res.Position(t.End)
		_, l0, c0, ok0 := original(l0, c0)
		_, l1, c1, ok1 := original(l1, c1)
		f.tries = append(f.tries, trySpan{t.Func, span{hookPos{l0, c0, ok0}, hookPos{l1, c1, ok1}}})
	}
	d.mu.Lock()
	f.blackboxed = matchesAny(d.blackbox, f.path)
	d.files = append(d.files, f)
	var resolved []Event
	for _, bp := range d.bps {
		if r := d.resolveLocked(bp, f); r != nil {
			resolved = append(resolved, *r)
		}
	}
	if d.recordingLocked() != d.recording {
		d.armAllLocked() // its breakpoints start the recording
	} else {
		d.armLocked(f)
	}
	d.mu.Unlock()
	d.emit(ScriptParsed{Script: f.script()})
	for _, e := range resolved {
		d.emit(e)
	}
	return res.Code, res.GeneratedColumn, nil
}

// Failures lists the files that could not be instrumented (they run
// without hooks: no breakpoint or step stops in them).
func (d *Debugger) Failures() []error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]error(nil), d.failed...)
}

// Setup installs the hook helper on the VM (runtime.Debug). Loop goroutine.
func (d *Debugger) Setup(ctx context.Context, r *runtime.Runtime) (err error) {
	// A Stop in the middle of setting up interrupts the VM inside one of
	// the calls below (the console's lazy getter, say), which goja throws
	// as a Go panic: the program ends before its first line.
	defer func() {
		if p := recover(); p != nil {
			if ctx.Err() != nil {
				err = ErrStopped
				return
			}
			err = fmt.Errorf("setting up: %v", p)
		}
	}()
	d.mu.Lock()
	d.rt = r
	d.mu.Unlock()
	d.vm, d.ctx = r.VM(), ctx
	if ctx.Err() != nil {
		return nil // interrupted before the program began: nothing to set up
	}
	vm := d.vm
	obj := vm.NewObject()
	if err := obj.Set("file", d.fileHelper); err != nil {
		return err
	}
	if err := vm.GlobalObject().DefineDataProperty(instrument.NameRuntime, obj, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return err
	}
	fn, err := vm.RunString(evalHelper)
	if err != nil {
		return fmt.Errorf("compiling the evaluation helper: %w", err)
	}
	d.evalFn, _ = goja.AssertFunction(fn)
	d.asyncRec = newAsyncRecords(r.Recorder(), ctx)
	d.wrapConsole()
	d.wrapToString()
	if d.pauseOnStart {
		d.step = stepState{kind: stepPause}
		d.armAll()
	}
	if d.waitStart != nil {
		// --inspect-brk and --inspect-wait: hold the program before its
		// first line, serving clients (evaluate works, with process set up).
		for {
			d.runLoopWork()
			select {
			case <-d.waitStart:
				return nil
			case fn := <-d.cmds:
				fn()
			case <-d.wake:
				d.runLoopWork()
			case <-ctx.Done():
				return nil
			}
		}
	}
	return nil
}

// Start lets a program held by Options.WaitForStart run. Any goroutine;
// later calls do nothing.
func (d *Debugger) Start() {
	if d.waitStart != nil {
		d.startOnce.Do(func() { close(d.waitStart) })
	}
}

// evalHelper evaluates an expression in a paused frame: names resolve to
// the frame's locals, then the variables of enclosing functions it uses
// (and, in a caller frame, its own captured ones), then globals. copies
// says the locals are a caller frame's copies, which cannot be assigned.
const evalHelper = `(function (names, values, outerNames, getter, thisv, expr, dirty, copies) {
  var scope = new Proxy({}, {
    has: function (t, k) { return typeof k === 'string' && (names.indexOf(k) >= 0 || outerNames.indexOf(k) >= 0); },
    get: function (t, k) {
      if (k === Symbol.unscopables) return undefined;
      var i = names.indexOf(k);
      if (i >= 0) return values[i];
      i = outerNames.indexOf(k);
      if (i >= 0) return getter(i, undefined, false);
      return undefined;
    },
    set: function (t, k, v) {
      var i = names.indexOf(k);
      if (i >= 0) {
        if (copies) throw new TypeError("cannot assign '" + k + "': a caller frame's local is a copy");
        values[i] = v; dirty[0] = true; return true;
      }
      i = outerNames.indexOf(k);
      if (i >= 0) { getter(i, v, true); return true; }
      return false;
    }
  });
  return (function () { with (scope) { return eval(expr); } }).call(thisv);
})`

// fileHelper is $$D.file(id): the file's armed bytes, hook and poll budget.
func (d *Debugger) fileHelper(call goja.FunctionCall) goja.Value {
	vm := d.vm
	id := int(call.Argument(0).ToInteger())
	d.mu.Lock()
	var f *fileInfo
	if id >= 0 && id < len(d.files) {
		f = d.files[id]
	}
	d.mu.Unlock()
	if f == nil {
		panic(vm.NewTypeError("unknown debugger file %d", id))
	}
	u8, _ := goja.AssertConstructor(vm.Get("Uint8Array"))
	i32, _ := goja.AssertConstructor(vm.Get("Int32Array"))
	b, err := u8(nil, vm.ToValue(vm.NewArrayBuffer(f.armed)))
	if err != nil {
		panic(err)
	}
	c, err := i32(nil, vm.ToValue(vm.NewArrayBuffer(f.budget)))
	if err != nil {
		panic(err)
	}
	o := vm.NewObject()
	_ = o.Set("b", b)
	_ = o.Set("c", c)
	_ = o.Set("h", func(call goja.FunctionCall) goja.Value { return d.hit(f, call) })
	_ = o.Set("t", func(call goja.FunctionCall) goja.Value { return d.thrown(f, call) })
	if !d.started {
		d.started = true
	}
	return o
}

// armLocked sets f's armed bytes: every hook while stepping, else the
// resolved breakpoints (and the exception hooks); every hook also while
// recording (frames.go). d.mu held; the bytes are the loop's, so this runs
// on the loop goroutine or before the file's code runs.
func (d *Debugger) armLocked(f *fileInfo) {
	all := d.step.kind != stepNone
	for i := range f.stop {
		f.stop[i] = 0
		if all {
			f.stop[i] = 1
		}
	}
	if !all && d.active {
		for _, bp := range d.bps {
			for _, loc := range bp.locs {
				if loc.file == f && bp.Enabled {
					f.stop[loc.hook] = 1
				}
			}
		}
		if len(d.subs) > 0 {
			// `debugger;` stops while a client listens, as in node.
			for i := range f.res.Hooks {
				if f.res.Hooks[i].Debugger {
					f.stop[i] = 1
				}
			}
		}
		if d.onExc == ExceptionsUncaught {
			// Throw statements: V8's prediction at the throw ($$t).
			for i := range f.res.Hooks {
				if f.res.Hooks[i].Throw {
					f.stop[i] = 1
				}
			}
		}
		if d.onExc == ExceptionsAll {
			// Throw statements (to capture the frame before the value is
			// thrown) and the first statement of catch blocks (exceptions the
			// engine threw, caught there).
			for i := range f.res.Hooks {
				if h := &f.res.Hooks[i]; h.Throw || h.CatchVar != "" {
					f.stop[i] = 1
				}
			}
		}
	}
	for i, s := range f.stop {
		if d.recording {
			s = 1
		}
		f.armed[i] = s
	}
}

func (d *Debugger) armAll() {
	d.mu.Lock()
	d.armAllLocked()
	d.mu.Unlock()
}

// armAllLocked arms every file, starting or stopping the recording of
// frames. d.mu held, loop goroutine.
func (d *Debugger) armAllLocked() {
	on := d.recordingLocked()
	if on && !d.recording {
		d.recGen++ // what was recorded before is stale
	}
	d.recording = on
	for _, f := range d.files {
		d.armLocked(f)
	}
}

// onLoop runs fn on the loop goroutine: now if paused (through the command
// channel), else at the next chance (between callbacks, or at the next
// poll of a busy loop).
func (d *Debugger) onLoop(fn func()) error {
	d.mu.Lock()
	d.loopWork = append(d.loopWork, fn)
	rt := d.rt
	d.mu.Unlock()
	d.haveWork.Store(true)
	woke := false
	select {
	case d.wake <- struct{}{}:
		woke = true
	default:
	}
	// Also through the runtime, for a loop that runs callbacks; when a
	// serving loop took the wake-up, the posted call finds no work.
	if rt != nil && !rt.Post(d.runLoopWork) && !woke {
		return ErrStopped
	}
	return nil
}

func (d *Debugger) runLoopWork() {
	if !d.haveWork.Swap(false) {
		return
	}
	d.mu.Lock()
	work := d.loopWork
	d.loopWork = nil
	d.mu.Unlock()
	for _, fn := range work {
		fn()
	}
}

// PhaseBoundary implements runtime.Hooks: learning mode's phase stops.
func (d *Debugger) PhaseBoundary(phase trace.Phase, iteration uint64) {
	d.runLoopWork()
	d.phaseBoundary(phase, iteration)
}

// BeforeCallback implements runtime.Hooks: each macrotask is a new turn
// (stepping past the end of one continues into the next callback), and
// learning mode's pace and callback stops.
func (d *Debugger) BeforeCallback(cb runtime.CallbackInfo) {
	d.turn++
	d.runLoopWork()
	d.beforeCallback(cb)
}

// Pause asks the program to stop at its next statement, also inside a
// busy loop. Any goroutine.
func (d *Debugger) Pause() {
	d.pauseReq.Store(true)
	// A busy loop polls pauseReq; an idle loop is asked between callbacks.
	_ = d.onLoop(func() {
		if d.paused == nil && d.pauseReq.Load() {
			d.step = stepState{kind: stepPause}
			d.armAll()
		}
	})
}

// hit is $$h(id, this, getter, token, ...locals). Loop goroutine.
func (d *Debugger) hit(f *fileInfo, call goja.FunctionCall) goja.Value {
	id := int(call.Argument(0).ToInteger())
	if id < 0 || id >= len(f.armed) {
		return goja.Undefined()
	}
	if d.recording {
		d.record(f, id, call)
		if f.stop[id] == 0 && !d.pauseReq.Load() && !d.haveWork.Load() {
			return goja.Undefined()
		}
	}
	if d.haveWork.Load() {
		d.runLoopWork()
	}
	if f.stop[id] == 0 {
		// A loop's poll (the budget ran out), or a hook armed to record.
		binary.LittleEndian.PutUint32(f.budget, pollBudget)
		if !d.pauseReq.Load() {
			return goja.Undefined()
		}
	}
	hook := &f.res.Hooks[id]
	reason := ""
	var hitBPs []string
	var pre *pauseState
	switch {
	case d.pauseReq.Load():
		reason = ReasonPause
	case d.step.kind == stepPause:
		reason = ReasonPause
		if d.pauseOnStart {
			reason = ReasonBreak
		}
	case d.step.kind != stepNone && !d.isBlackboxed(f) && d.stepStops(call):
		reason = ReasonStep
	}
	if hook.Debugger && reason == "" && d.active {
		reason = ReasonDebugger
	}
	if reason == "" && !d.isBlackboxed(f) {
		if stop, ok := d.exceptionHook(f, id, hook, call); ok {
			return stop
		}
	}
	if reason == "" || reason == ReasonStep || reason == ReasonBreak {
		// Breakpoints here.
		var ps *pauseState
		d.mu.Lock()
		var bps []*Breakpoint
		if d.active {
			for _, bp := range d.bps {
				if !bp.Enabled {
					continue
				}
				for _, loc := range bp.locs {
					if loc.file == f && loc.hook == id {
						bps = append(bps, bp)
					}
				}
			}
		}
		d.mu.Unlock()
		sort.Slice(bps, func(i, j int) bool { return bps[i].ID < bps[j].ID })
		for _, bp := range bps {
			if ps == nil {
				ps = d.newPause(f, id, call)
				pre = ps
			}
			if !d.bpShouldStop(bp, ps) {
				continue
			}
			hitBPs = append(hitBPs, bp.ID)
		}
		if len(hitBPs) > 0 && reason != ReasonBreak {
			// (At the break on start they stay beside it: V8 says
			// "ambiguous", and js-debug knows its entry breakpoint by it.)
			reason = ReasonBreakpoint
		}
	}
	if reason == "" {
		return goja.Undefined()
	}
	d.pauseReq.Store(false)
	d.pauseOnStart = false
	ps := pre
	if ps == nil {
		ps = d.newPause(f, id, call)
	}
	return d.pause(ps, reason, hitBPs)
}

func (d *Debugger) isBlackboxed(f *fileInfo) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return f.blackboxed
}

// depth is the number of frames on the JavaScript stack.
func (d *Debugger) depth() int {
	return len(d.vm.CaptureCallStack(0, nil))
}

// stepStops decides whether a step under way stops at this hook.
func (d *Debugger) stepStops(call goja.FunctionCall) bool {
	s := &d.step
	tok := call.Argument(3)
	sameTurn := s.turn == d.turn
	switch s.kind {
	case stepInto:
		return true
	case stepOver:
		if s.token != nil {
			if tok.StrictEquals(s.token) {
				return true
			}
			return !sameTurn && false
		}
		if !sameTurn {
			return true
		}
		return d.depth() <= s.depth
	case stepOut:
		if s.token != nil && tok.StrictEquals(s.token) {
			return false
		}
		if !sameTurn {
			return true
		}
		return d.depth() < s.depth
	}
	return false
}

// Reasons a program pauses.
const (
	ReasonBreakpoint = "breakpoint"
	ReasonStep       = "step"
	ReasonPause      = "pause"
	ReasonBreak      = "break-on-start"
	ReasonDebugger   = "debugger-statement"
	ReasonException  = "exception"
)

func matchPath(bpPath string, re *regexp.Regexp, path string) bool {
	if re != nil {
		return re.MatchString(path) || re.MatchString("file://"+filepath.ToSlash(path))
	}
	return bpPath == path
}
