// Package launch starts a program in-process the way Studio's window runs
// it: a runtime with a debugger, an inspector Target for them, and a
// Client connected to it over an in-memory pipe. The window only ever
// talks to the Client, so whatever it shows a tool could see; cmd/studio
// hands Start to package ui, which never imports runtime or debugger.
//
// Call [Start]; the program waits before its first line until the client
// sends Runtime.runIfWaitingForDebugger, so breakpoints and Studio.enable
// can be set up first.
package launch

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/inspector"
	"github.com/studiojs/studio/runtime"
)

// Spec says what to run. Its fields match ui.RunSpec, so that cmd/studio
// converts one to the other.
type Spec struct {
	// Main is the absolute path of the file to run.
	Main string
	// Args are process.argv after the script; Env is "KEY=value" pairs
	// (nil: Studio's own environment); Cwd is the program's working
	// directory (empty: Main's folder).
	Args, Env []string
	Cwd       string
	// PoolSize is the worker pool's size, as UV_THREADPOOL_SIZE sets it
	// for node (0: UV_THREADPOOL_SIZE from Env, else 4).
	PoolSize int
	// Stdout and Stderr receive what the program writes.
	Stdout, Stderr io.Writer
	// OnEvent receives the target's protocol events, in order, on the
	// client's goroutine.
	OnEvent func(inspector.Event)
}

// PoolPriority is the nice value of the worker pool's threads in a
// program the window runs (runtime.Options.PoolPriority). A program that
// saturates the pool with CPU work (pbkdf2, zlib) would otherwise take
// the CPUs from the loop and from the window that shows it; below them,
// the pool gets what they leave (bench/gui.sh measures both).
const PoolPriority = 10

// Program is one running program and the client connected to it.
type Program struct {
	client *inspector.Client
	cancel context.CancelFunc
	done   chan struct{}

	mu   sync.Mutex
	code int
	err  error
}

// Start creates the runtime and its debugger, connects a client and runs
// the program on a goroutine of its own. The program is held before its
// first line until the client sends Runtime.runIfWaitingForDebugger.
func Start(spec Spec) (*Program, error) {
	d := debugger.New(debugger.Options{WaitForStart: true})
	target := inspector.NewTarget(spec.Main, d)
	cwd := spec.Cwd
	if cwd == "" {
		cwd = filepath.Dir(spec.Main)
	}
	opts := runtime.Options{Main: spec.Main, Args: spec.Args, Env: spec.Env, Cwd: cwd, PoolSize: spec.PoolSize,
		PoolPriority: PoolPriority, Stdout: spec.Stdout, Stderr: spec.Stderr, Debug: d, Hooks: d}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	rt, err := runtime.New(opts)
	if err != nil {
		return nil, fmt.Errorf("starting %q: %w", spec.Main, err)
	}
	target.SetRuntime(rt)
	ctx, cancel := context.WithCancel(context.Background())
	p := &Program{cancel: cancel, done: make(chan struct{})}
	p.client = inspector.Pipe(target, inspector.ClientOptions{OnEvent: spec.OnEvent})
	go func() {
		defer close(p.done)
		ownLoopThread()
		code, err := rt.Run(ctx)
		if ctx.Err() != nil {
			// Stopped, as an interrupted node exits: whatever the
			// interruption made of the program's end (an error, or code 1
			// when it came before the first line).
			code, err = 130, nil
		}
		p.mu.Lock()
		p.code, p.err = code, err
		p.mu.Unlock()
		target.Ended()
	}()
	return p, nil
}

// Client is the connection to the program's target.
func (p *Program) Client() *inspector.Client { return p.client }

// Done is closed when the program has ended.
func (p *Program) Done() <-chan struct{} { return p.done }

// Result is the exit code (130 when stopped) and Studio's own failure, if
// any; valid once Done is closed.
func (p *Program) Result() (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.code, p.err
}

// Stop ends the program (paused or running, or held before its start),
// waits for it, and closes the client. Safe to call more than once.
func (p *Program) Stop() {
	p.cancel()
	<-p.done
	_ = p.client.Close()
}
