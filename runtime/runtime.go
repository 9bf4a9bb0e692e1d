package runtime

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/ecma"
	"github.com/studiojs/studio/runtime/modules"
	"github.com/studiojs/studio/runtime/nodelib"
	"github.com/studiojs/studio/runtime/pool"
	"github.com/studiojs/studio/runtime/trace"
)

// NodeVersion is the Node.js version whose behaviour Studio reproduces; it is
// what process.version reports, since scripts test it to pick features.
const NodeVersion = "v20.20.2"

// Version is Studio's own version, set by cmd/studio at link time.
var Version = "0.1.0-dev"

var (
	// ErrNoEntry is returned by Run when Options has neither Main nor Eval.
	ErrNoEntry = errors.New("runtime: no program to run (set Main or Eval)")
	// ErrAlreadyRun is returned by a second call to Run.
	ErrAlreadyRun = errors.New("runtime: Run called twice")
)

//go:embed js/bootstrap.js
var bootstrapSource string

//go:embed js/process.js
var processSource string

//go:embed js/timers.js
var timersSource string

// programs are Studio's own bootstrap scripts, compiled once per process:
// goja Programs are immutable and shareable across runtimes.
var programs = struct {
	once                      sync.Once
	bootstrap, process, timer *goja.Program
	err                       error
}{}

func compiled() (*goja.Program, *goja.Program, error) {
	p := &programs
	p.once.Do(func() {
		for _, c := range []struct {
			dst  **goja.Program
			name string
			src  string
		}{
			{&p.bootstrap, "studio:bootstrap.js", bootstrapSource},
			{&p.process, "studio:process.js", processSource},
			{&p.timer, "studio:timers.js", timersSource},
		} {
			if *c.dst, p.err = goja.Compile(c.name, c.src, true); p.err != nil {
				return
			}
		}
	})
	return p.bootstrap, p.process, p.err
}

// Options configure a Runtime. The zero value runs nothing; set Main or Eval.
type Options struct {
	// Main is the file (absolute or relative to Cwd) run as the main module.
	Main string
	// Eval is code run as `node -e` runs it, when Main is empty.
	Eval string
	// Args are the program's arguments: process.argv after the script path.
	Args []string
	// ExecPath is process.execPath and process.argv[0]; default os.Executable.
	ExecPath string
	// Env is the environment as "KEY=value" pairs; nil means os.Environ().
	Env []string
	// Cwd is the working directory the program sees; default os.Getwd.
	Cwd            string
	Stdout, Stderr io.Writer
	// PoolSize overrides UV_THREADPOOL_SIZE from Env when > 0.
	PoolSize int
	// PoolPriority, 1 to 19, runs the worker pool's threads at that nice
	// value, below the loop's (pool.SetPriority); 0 leaves them be.
	PoolPriority int
	// Recorder receives async-op records; nil makes a private one.
	Recorder *trace.Recorder
	// Hooks, if set, is called at phase boundaries and around callbacks.
	Hooks Hooks
	// Debug, if set, instruments every loaded file and is set up on the
	// VM before the program starts (the debugger).
	Debug  Debug
	Logger *slog.Logger
}

// Debug is the runtime as the debugger plugs into it.
type Debug interface {
	// Setup runs on the loop goroutine at the start of Run, before any
	// program code; ctx is Run's (the debugger stops waiting when it ends).
	Setup(ctx context.Context, r *Runtime) error
	// Rewrite rewrites a file's code before it is compiled, keeping its
	// lines (see modules.Options.Rewrite).
	Rewrite(file, code string, wrapped bool, original modules.Mapper) (string, func(line, col int) int, error)
	// Uncaught is called on the loop goroutine when an exception reaches
	// the top (before 'uncaughtException' listeners run); the debugger may
	// pause there.
	Uncaught(err goja.Value)
}

// Runtime is one JavaScript program and its event loop. Create it with New,
// drive it with Run on the goroutine that is to be the loop goroutine.
type Runtime struct {
	opts Options
	// stdout and stderr wrap opts.Stdout and opts.Stderr: every byte the
	// program prints goes through them (OutputWritten).
	stdout, stderr *countingWriter
	log            *slog.Logger
	vm             *goja.Runtime
	lib            *nodelib.Lib
	loader         *modules.Loader
	pool           *pool.Pool
	rec            *trace.Recorder
	hooks          Hooks
	start          time.Time

	ids   asyncIDs
	http  httpTrace // trace contexts of HTTP exchanges (studio run --otlp)
	ticks tickQueue
	// rejectionToWarn is Node's tickInfo[kHasRejectionToWarn].
	rejectionToWarn bool
	// fieldsExiting is process._exiting as the native nextTick sees it.
	fieldsExiting bool

	runCallback, runTicks, processRejections goja.Callable
	runTimer, runImmediate                   goja.Callable
	argBuf                                   [3]goja.Value
	frameBuf                                 []goja.StackFrame // captureStack's, reused
	stacks                                   stackCache        // captureStack's, loop goroutine only
	cbEnd                                    int64             // Recorder time the last traced callback scope ended, 0 if untraced
	// fresh is a clock reading (Recorder time) that is still "now": taken
	// at a phase's start or a traced callback's end, with only the loop's
	// own bookkeeping since. The next callback's KindBefore is stamped with
	// it instead of reading the clock again (a read is ~25 ns here, a good
	// part of what a record costs). Anything that takes time clears it:
	// entering JavaScript (call), running a completion (runPosted), a
	// hook, a snapshot. 0 when there is none.
	fresh int64
	// execSite is the program frame behind the running callback: a
	// nextTick callback's (the tick's site) or a pool request's (cbSite);
	// nil elsewhere or unknown. See asyncStack.
	execSite   *trace.Frame
	microtasks []trace.OpRef // queueMicrotask callbacks queued, not yet run (snapshots), from microHead
	microHead  int
	// cbSite is the program frame behind the pool request whose callback
	// the next callbackScope runs (QueueWork sets it): that scope's
	// execSite, inherited by the promise steps and ticks its callback
	// makes. Consumed by the scope.
	cbSite             *trace.Frame
	asyncStacks        map[[2]*trace.Frame][]trace.Frame // asyncStack's cache
	onReject, onHandle goja.Callable
	queueMicrotask     goja.Value
	process            *goja.Object
	emit               goja.Callable
	inspect            goja.Callable
	errorCodes         *goja.Object // internal/errors' codes, loaded on first use

	loop    loopState
	snaps   snapshotSubs
	pending pendingTable // pool requests and handles, for snapshots

	// posted is the queue through which other goroutines reach the loop.
	mu     sync.Mutex
	posted []func()
	wake   chan struct{}
	closed bool
	// stopped is closed with closed set: work posted and not run is
	// dropped then, and whoever waits for it learns so here.
	stopped chan struct{}

	onStop  map[uint64]func() // IOHost.OnStop hooks
	stopSeq uint64

	ran         bool
	exitEmitted bool
	exiting     bool
	exitCode    int
	mainProm    *goja.Promise
}

// exitSignal is the interrupt value that unwinds JavaScript when the process
// exits (process.exit or a fatal exception): goja's interrupts cannot be
// caught by JS and discard pending promise jobs, as a real exit does.
type exitSignal struct{ code int }

// cancelSignal unwinds JavaScript when Run's context is cancelled.
type cancelSignal struct{}

// New creates a Runtime: a goja VM with Node's globals and core modules.
// It runs no user code; Run does.
func New(opts Options) (*Runtime, error) {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Env == nil {
		opts.Env = os.Environ()
	}
	if opts.Cwd == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("getting working directory: %w", err)
		}
		opts.Cwd = wd
	}
	if opts.ExecPath == "" {
		if exe, err := os.Executable(); err == nil {
			opts.ExecPath = exe
		} else {
			opts.ExecPath = "studio"
		}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	rec := opts.Recorder
	if rec == nil {
		rec = trace.NewRecorder()
	}
	size := opts.PoolSize
	if size <= 0 {
		val, ok := lookupEnv(opts.Env, "UV_THREADPOOL_SIZE")
		size = pool.SizeFromEnv(val, ok)
	}
	r := &Runtime{
		opts:    opts,
		stdout:  &countingWriter{w: opts.Stdout},
		stderr:  &countingWriter{w: opts.Stderr},
		log:     opts.Logger,
		vm:      goja.New(),
		rec:     rec,
		hooks:   opts.Hooks,
		pool:    newPool(size, rec, opts.PoolPriority),
		wake:    make(chan struct{}, 1),
		stopped: make(chan struct{}),
		start:   time.Now(),
	}
	r.loop.init()
	if err := r.setup(); err != nil {
		return nil, err
	}
	return r, nil
}

// VM returns the goja runtime. Loop goroutine only.
func (r *Runtime) VM() *goja.Runtime { return r.vm }

// Recorder returns the recorder this runtime emits async-op records to.
func (r *Runtime) Recorder() *trace.Recorder { return r.rec }

// Loader returns the module loader. Loop goroutine only.
func (r *Runtime) Loader() *modules.Loader { return r.loader }

func lookupEnv(env []string, key string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		kv := env[i]
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:], true
		}
	}
	return "", false
}

// setup builds the global environment. It runs on the goroutine calling New,
// which hands the VM to the loop goroutine when Run starts; the VM is never
// touched by two goroutines at once.
func (r *Runtime) setup() (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("setting up the runtime: %w", panicError(x))
		}
	}()
	vm := r.vm
	// goja has no stack limit of its own: runaway recursion would grow the
	// heap until the machine gives out. V8's default stack allows about as
	// many frames of a small function.
	vm.SetMaxCallStackSize(10000)
	// ECMAScript built-ins goja lacks (Intl, \p{} in regexps, Atomics),
	// before Node's primordials copy the globals.
	if err := ecma.Install(vm); err != nil {
		return fmt.Errorf("installing ECMAScript built-ins: %w", err)
	}
	bprog, pprog, err := compiled()
	if err != nil {
		return fmt.Errorf("compiling bootstrap: %w", err)
	}

	// Node's main script runs as async id 1 with trigger 0.
	r.ids = asyncIDs{counter: 1, exec: 1}

	r.process = vm.NewObject()
	lib, err := nodelib.New(vm, nodelib.Options{Process: r.process, Host: nodelibHost{r}})
	if err != nil {
		return fmt.Errorf("loading Node's standard library: %w", err)
	}
	r.lib = lib

	binding := vm.NewObject()
	must(binding.Set("takeTick", r.jsTakeTick))
	must(binding.Set("microtaskInit", r.jsMicrotaskInit))
	must(binding.Set("microtaskBefore", r.jsMicrotaskBefore))
	must(binding.Set("microtaskAfter", r.jsMicrotaskAfter))
	must(binding.Set("rejectionToWarn", func() { r.rejectionToWarn = true }))
	must(binding.Set("fatalException", r.jsFatalException))
	must(binding.Set("invalidArgType", r.jsInvalidArgType))

	bv, err := vm.RunProgram(bprog)
	if err != nil {
		return fmt.Errorf("running bootstrap: %w", err)
	}
	bfn, _ := goja.AssertFunction(bv)
	exportsV, err := bfn(goja.Undefined(), binding, r.process)
	if err != nil {
		return fmt.Errorf("running bootstrap: %w", err)
	}
	ex := exportsV.ToObject(vm)
	r.runCallback = callable(ex, "runCallback")
	r.runTicks = callable(ex, "runTicks")
	r.runTimer = callable(ex, "runTimer")
	r.runImmediate = callable(ex, "runImmediate")
	r.processRejections = callable(ex, "processRejections")
	r.onReject = callable(ex, "onReject")
	r.onHandle = callable(ex, "onHandle")
	r.queueMicrotask = ex.Get("queueMicrotask")

	vm.SetPromiseRejectionTracker(r.trackRejection)

	if err := r.setupProcess(pprog); err != nil {
		return err
	}
	if err := r.setupTimers(); err != nil {
		return err
	}
	global := vm.GlobalObject()
	must(global.Set("queueMicrotask", r.queueMicrotask))
	if err := lib.InstallGlobals(); err != nil {
		return fmt.Errorf("installing globals: %w", err)
	}
	if insp, err := lib.Require("util"); err == nil {
		if fn, ok := goja.AssertFunction(insp.ToObject(vm).Get("inspect")); ok {
			r.inspect = fn
		}
	}

	mopts := modules.Options{Builtins: r.lib, Process: r.process, Defer: r.deferIO}
	if r.opts.Debug != nil {
		mopts.Rewrite = r.opts.Debug.Rewrite
	}
	loader, err := modules.New(vm, mopts)
	if err != nil {
		return fmt.Errorf("creating module loader: %w", err)
	}
	r.loader = loader
	mod := loader.Module()
	ids := nodelib.BuiltinModules()
	list := make([]any, len(ids))
	for i, id := range ids {
		list[i] = id
	}
	must(mod.Set("builtinModules", vm.NewArray(list...)))
	r.lib.Provide("module", mod)
	if err := r.lib.MarkBootstrapComplete(); err != nil {
		return fmt.Errorf("marking bootstrap complete: %w", err)
	}
	return nil
}

// deferIO runs run later as the completion of an I/O request, in the poll
// phase and in a callback scope: how Node's ES module loader finishes its
// asynchronous file reads (import() and an ES module entry).
func (r *Runtime) deferIO(run func()) {
	complete := r.Reserve()
	complete(func() {
		fn := r.vm.ToValue(func(goja.FunctionCall) goja.Value {
			run()
			return goja.Undefined()
		})
		r.makeCallback(r.loop.phase, 0, 0, "", fn, goja.Undefined(), nil)
	})
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func callable(o *goja.Object, name string) goja.Callable {
	fn, ok := goja.AssertFunction(o.Get(name))
	if !ok {
		panic(fmt.Sprintf("bootstrap: %s is not a function", name))
	}
	return fn
}

// panicError turns a recovered panic into an error; goja re-panics Go
// runtime errors raised inside the VM, and Studio must survive them.
func panicError(x any) error {
	switch v := x.(type) {
	case error:
		return fmt.Errorf("internal engine error: %w", v)
	default:
		return fmt.Errorf("internal engine error: %v", v)
	}
}

// Post runs fn on the loop goroutine between callbacks. Any goroutine may
// call it. It does not keep the loop alive: use Reserve for work whose
// completion must. It reports false when the loop has already stopped.
func (r *Runtime) Post(fn func()) bool {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return false
	}
	r.posted = append(r.posted, fn)
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
	return true
}

// Stopped is closed when the loop has stopped: a function Post accepted
// and the loop had not run by then never runs.
func (r *Runtime) Stopped() <-chan struct{} { return r.stopped }

// Reserve keeps the loop alive until the returned function is called. Call
// Reserve on the loop goroutine; call the returned function exactly once,
// from any goroutine, with the completion to run on the loop (as libuv's
// uv_async completions, in the poll phase). This is the contract for
// worker-pool results.
func (r *Runtime) Reserve() func(func()) {
	r.loop.refs++
	var once sync.Once
	return func(done func()) {
		once.Do(func() {
			if !r.Post(func() {
				r.loop.refs--
				if done != nil {
					done()
				}
			}) {
				return
			}
		})
	}
}

// Run executes the program and its event loop until the process would exit,
// and returns the exit code. The calling goroutine becomes the loop
// goroutine. Cancelling ctx stops the program (exit code 130, as a SIGINT
// would). The error reports a failure of Studio itself, not of the script:
// an uncaught exception is exit code 1 and a message on Stderr, as in Node.
func (r *Runtime) Run(ctx context.Context) (code int, err error) {
	if r.ran {
		return 0, ErrAlreadyRun
	}
	r.ran = true
	if r.opts.Main == "" && r.opts.Eval == "" {
		return 0, ErrNoEntry
	}
	poolCtx, stopPool := context.WithCancel(context.Background())
	var poolDone sync.WaitGroup
	poolDone.Add(1)
	go func() {
		defer poolDone.Done()
		_ = r.pool.Run(poolCtx)
	}()
	stopCancel := context.AfterFunc(ctx, func() {
		r.vm.Interrupt(cancelSignal{})
		select {
		case r.wake <- struct{}{}:
		default:
		}
	})
	defer func() {
		stopCancel()
		r.finalSnapshot()
		r.runOnStop()
		stopPool()
		poolDone.Wait()
		r.mu.Lock()
		r.closed = true
		r.posted = nil
		close(r.stopped)
		r.mu.Unlock()
		r.snaps.closeAll()
	}()

	if r.opts.Debug != nil {
		if err := r.opts.Debug.Setup(ctx, r); err != nil {
			return 0, fmt.Errorf("setting up the debugger: %w", err)
		}
	}
	if ctx.Err() != nil {
		// Stopped before the first line (held by the debugger, say): the
		// program never runs. The interrupt Run's context raises comes
		// from another goroutine and could land after the first lines.
		return 130, nil
	}
	r.runMain()
	if !r.exiting {
		r.spin(ctx)
	}
	if ctx.Err() != nil && !r.exitEmitted {
		// Like SIGINT's default action in Node: no 'exit' event.
		return 130, nil
	}
	return r.finish(), nil
}

// runMain runs the entry module inside a callback scope.
func (r *Runtime) runMain() {
	entry := func(goja.FunctionCall) goja.Value {
		var v goja.Value
		var err error
		if r.opts.Main != "" {
			path := r.opts.Main
			if !filepath.IsAbs(path) {
				path = filepath.Join(r.opts.Cwd, path)
			}
			v, err = r.loader.RunMain(path)
		} else {
			v, err = r.loader.Eval(r.opts.Eval, filepath.Join(r.opts.Cwd, "[eval]"))
		}
		if err != nil {
			r.rethrow(err)
		}
		if p, ok := v.Export().(*goja.Promise); ok && r.opts.Main != "" {
			r.mainProm = p
			r.watchMainPromise(v)
		}
		return goja.Undefined()
	}
	r.makeCallback(trace.PhaseNone, 1, 0, "", r.vm.ToValue(entry), goja.Undefined(), nil)
}

// rethrow turns an error from a nested Go->JS call back into what it was:
// a JavaScript exception keeps unwinding as one, an interrupt keeps
// unwinding as an interrupt, anything else becomes a JS Error.
func (r *Runtime) rethrow(err error) {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		panic(ex)
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		// Re-arm the interrupt so that the outer frames unwind too.
		r.vm.Interrupt(ie.Value())
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		// Keep it uncatchable on its way out through the outer JS frames.
		r.vm.Interrupt(stackOverflowSignal{so.String()})
	}
	panic(r.newError(err.Error()))
}

// stackOverflowSignal carries a stack overflow from a nested call out to
// the loop, uncatchable as goja made it.
type stackOverflowSignal struct{ stack string }

// newError makes a plain JS Error: a Go error thrown into JS must look like
// any other Error to the program, not like a wrapped Go value.
func (r *Runtime) newError(msg string) *goja.Object {
	e, err := r.vm.New(r.vm.Get("Error"), r.vm.ToValue(msg))
	if err != nil {
		return r.vm.NewTypeError(msg)
	}
	return e
}

// watchMainPromise makes a rejection of an ES module's evaluation an
// uncaught exception, as Node treats errors thrown by the entry module.
func (r *Runtime) watchMainPromise(p goja.Value) {
	then, ok := goja.AssertFunction(p.ToObject(r.vm).Get("then"))
	if !ok {
		return
	}
	onRejected := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		r.fatalException(call.Argument(0), "uncaughtException")
		return goja.Undefined()
	})
	_, _ = then(p, goja.Undefined(), onRejected)
}

func newPool(size int, rec *trace.Recorder, nice int) *pool.Pool {
	p := pool.New(size, rec)
	p.SetPriority(nice)
	return p
}
