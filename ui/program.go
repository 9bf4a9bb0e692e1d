package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/studiojs/studio/inspector"
)

// RunSpec says what to run. cmd/studio converts it to launch.Spec (the
// fields match), so that ui starts programs without importing the runtime.
type RunSpec struct {
	Main           string
	Args, Env      []string
	Cwd            string
	PoolSize       int
	Stdout, Stderr io.Writer
	OnEvent        func(inspector.Event)
}

// Program is a started program: the window only uses its Client.
type Program interface {
	Client() *inspector.Client
	Done() <-chan struct{}
	Result() (int, error)
	Stop()
}

// Launcher starts a program held before its first line until the client
// sends Runtime.runIfWaitingForDebugger.
type Launcher func(RunSpec) (Program, error)

// runState is what the toolbar and the status line show.
type runState int

const (
	stateIdle runState = iota
	stateStarting
	stateRunning
	statePaused
)

func (s runState) String() string {
	return [...]string{"idle", "starting", "running", "paused"}[s]
}

// breakpoint is one line marked in the gutter; id is the protocol's
// breakpointId while a program runs ("" otherwise).
type breakpoint struct {
	path     string
	line     int // 0-based
	id       string
	resolved bool
	// condition stops only where it is true; logMessage, when set, makes
	// the breakpoint a logpoint.
	condition, logMessage string
	// disabled breakpoints stay listed and set, and do not stop.
	disabled bool
	// hits is Studio.getBreakpoints' count for the breakpoint, in this
	// run or the last.
	hits int
}

// session is one run of a program as the window sees it through the
// protocol. All its fields belong to the UI goroutine.
type session struct {
	// prog is nil while the Launcher starts the program.
	prog  Program
	main  string
	debug bool
	// restart starts the same program again when this one has ended.
	restart bool
	ctx     context.Context
	stop    context.CancelFunc
	// destroyed is closed at Runtime.executionContextDestroyed, which
	// comes after the program's last events.
	destroyed chan struct{}
	// While the program starts (prog is nil), Stop and quitting are
	// remembered and done when it has started.
	stopAsked, quit bool
	// streams is what the console has of the program's stdout and
	// stderr, which its console calls are placed in (UI goroutine).
	streams *programStreams
	// scripts are the paths of the program's scripts by scriptId
	// (Debugger.scriptParsed), for function locations (UI goroutine).
	scripts map[string]string
}

// endWait bounds the wait for Runtime.executionContextDestroyed after the
// program's end.
const endWait = 2 * time.Second

// callTimeout bounds a protocol call the window makes; a call into a busy
// program waits for its loop (evaluate), so it runs off the UI goroutine.
const callTimeout = 30 * time.Second

// call runs a protocol call on a goroutine of its own and hands the result
// to done on the UI goroutine (nil done: fire and forget).
// While the program starts there is nobody to call: the call is dropped
// (what it would set, launched reads from the window).
func (w *Window) call(s *session, method string, params any, result any, done func(error)) {
	prog := s.prog
	if prog == nil {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
		err := prog.Client().Call(ctx, method, params, result)
		cancel()
		if done != nil {
			w.do(func() { done(err) })
		} else if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, inspector.ErrClosed) {
			w.do(func() { w.console.add(lineError, fmt.Sprintf("%s: %v", method, err)) })
		}
	}()
}

// start launches main ("" for the project's main file) in debug or run
// mode.
func (w *Window) start(debug bool, main string) {
	if w.sess != nil {
		if debug && w.state == statePaused {
			w.Continue()
		}
		return
	}
	if main == "" {
		main = w.mainFile()
	}
	if main == "" {
		w.setStatus("Nothing to run: open a JavaScript file")
		return
	}
	// The working directory may have gone since it was set: say so rather
	// than run the program somewhere else.
	cfg := w.runConfig()
	cwd, err := cfg.workDir(w.project)
	if err != nil {
		w.console.add(lineError, fmt.Sprintf("not started: the run configuration's %v (Run > Run Configuration…)", err))
		w.setStatus("Not started: the working directory is not there")
		return
	}
	if cwd == "" {
		cwd = filepath.Dir(main)
	}
	// Unsaved edits would not be what runs.
	w.saveAll()
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{main: main, debug: debug, ctx: ctx, stop: cancel, destroyed: make(chan struct{}),
		streams: &programStreams{}, scripts: map[string]string{}}
	output := &outputFeed{w: w, st: s.streams}
	out, errw := streamWriter{output, lineStdout}, streamWriter{output, lineStderr}
	feed := &liveFeed{w: w}
	feed.attach(s)
	var destroyedOnce sync.Once
	spec := RunSpec{Main: main, Cwd: cwd, Stdout: out, Stderr: errw,
		Args: cfg.Args, Env: cfg.environ(), PoolSize: w.settings.poolSize,
		OnEvent: func(e inspector.Event) {
			if e.Method == "Runtime.executionContextDestroyed" {
				destroyedOnce.Do(func() { close(s.destroyed) })
				return
			}
			if feed.handle(e) { // snapshots and records: decoded here, coalesced
				return
			}
			w.do(func() { w.event(s, e) })
		}}
	// The session exists from here on, starting: setting a program up
	// takes tens of milliseconds, which the window does not wait for.
	w.sess = s
	w.loopPanel.reset()
	w.latencyPanel.reset()
	w.profilerPanel.reset()
	w.setState(stateStarting)
	mode := "Running"
	if debug {
		mode = "Debugging"
	}
	w.console.add(lineInfo, fmt.Sprintf("%s %s", mode, w.rel(main)))
	go func() {
		prog, err := w.opts.Launcher(spec)
		w.do(func() { w.launched(s, prog, err) })
	}()
}

// launched takes over a program the Launcher has started for s (or its
// failure to start), on the UI goroutine. Breakpoints, pace and phase stop
// are read now, so that changes made while the program started count.
func (w *Window) launched(s *session, prog Program, err error) {
	if err != nil {
		s.stop()
		if w.sess == s {
			w.console.add(lineError, err.Error())
			w.sess = nil
			w.setState(stateIdle)
		}
		if s.quit {
			w.win.Close()
		}
		return
	}
	s.prog = prog
	if w.sess != s || s.stopAsked {
		// Stopped, or left for another project, before it ran.
		go func() {
			prog.Stop()
			code, err := prog.Result()
			s.stop()
			w.do(func() {
				if s.quit {
					w.win.Close()
					return
				}
				w.ended(s, code, err)
			})
		}()
		return
	}
	bps := w.breakpointSetUps()
	learn := map[string]any{"Studio.setPace": map[string]any{"milliseconds": w.pace}, "Studio.pauseAtPhase": map[string]any{"phase": w.phaseStop},
		"Debugger.setPauseOnExceptions": map[string]any{"state": w.breakpointsPanel.exceptions()}}
	if !s.debug {
		learn = nil // a plain run stops nowhere
	}
	go w.setUp(s, bps, learn)
}

// setUp enables the domains, sets the breakpoints and lets the program
// go; then waits for its end. Off the UI goroutine.
func (w *Window) setUp(s *session, bps []bpSetUp, learn map[string]any) {
	c := s.prog.Client()
	ctx := s.ctx
	steps := []struct {
		method string
		params any
	}{
		{"Runtime.enable", nil},
		{"Debugger.enable", nil},
		{"Debugger.setAsyncCallStackDepth", map[string]any{"maxDepth": 32}},
		{"Debugger.setBreakpointsActive", map[string]any{"active": s.debug}},
		// 30 snapshots a second (the protocol's most), so that the panels
		// repaint at least 20 times a second with some to spare.
		// The records the latency tab and the lanes read, and as many
		// pending ops as the table can show without scrolling far: a
		// busy program's phase records and a 10k-timer pending list cost
		// encoding and decoding that nobody looks at (bench/gui.sh).
		{"Studio.enable", map[string]any{"snapshotInterval": 33, "events": true, "profile": true,
			"eventKinds": []string{"init", "queued", "started", "finished", "before", "destroy"}, "pendingLimit": 100}},
	}
	for _, st := range steps {
		if err := c.Call(ctx, st.method, st.params, nil); err != nil {
			w.do(func() { w.console.add(lineError, fmt.Sprintf("%s: %v", st.method, err)) })
		}
	}
	for _, b := range bps {
		res, err := setBreakpointCalls(ctx, c, b.params, b.disabled)
		w.do(func() { w.breakpointSet(b.bp, res, err) })
	}
	for method, params := range learn {
		if err := c.Call(ctx, method, params, nil); err != nil {
			w.do(func() { w.console.add(lineError, fmt.Sprintf("%s: %v", method, err)) })
		}
	}
	if err := c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil, nil); err != nil {
		w.do(func() { w.console.add(lineError, fmt.Sprintf("starting: %v", err)) })
	}
	w.do(func() {
		if w.sess == s && w.state == stateStarting {
			w.setState(stateRunning)
		}
	})
	go w.pollProfile(s)
	<-s.prog.Done()
	// Closing the client drops events still on their way: wait for the
	// last (an uncaught exception comes just before the end).
	select {
	case <-s.destroyed:
	case <-s.prog.Client().Done(): // Stop closed it
	case <-time.After(endWait):
	}
	w.finalProfile(s)
	code, err := s.prog.Result()
	s.prog.Stop()
	s.stop()
	w.do(func() { w.ended(s, code, err) })
}

func (w *Window) ended(s *session, code int, err error) {
	if w.sess != s {
		return
	}
	w.console.flush()
	msg := fmt.Sprintf("Program exited with code %d", code)
	if err != nil {
		msg = fmt.Sprintf("Program failed: %v", err)
	}
	w.console.add(lineInfo, msg)
	w.loopPanel.ended()
	w.sess = nil
	w.clearPause()
	for _, bp := range w.bps {
		bp.id, bp.resolved = "", false
	}
	w.breakpointsPanel.refresh()
	w.watchPanel.evaluate()
	w.setState(stateIdle)
	if s.restart {
		w.start(s.debug, s.main)
	}
}

// Stop ends the running program.
func (w *Window) Stop() {
	if s := w.sess; s != nil {
		if s.prog == nil {
			s.stopAsked = true
			return
		}
		go s.prog.Stop()
	}
}

// Restart stops the program and starts it again, in the same mode.
func (w *Window) Restart() {
	if s := w.sess; s != nil {
		s.restart = true
		w.Stop()
	}
}

// Run runs the main file without stopping at breakpoints (Ctrl+F5).
func (w *Window) Run() { w.start(false, "") }

// Debug runs the main file with its breakpoints, or continues (F5).
func (w *Window) Debug() { w.start(true, "") }

// runCurrent runs or debugs the file in the current tab.
func (w *Window) runCurrent(debug bool) {
	if ed := w.currentEditor(); ed != nil && isScript(ed.path) {
		w.start(debug, ed.path)
	}
}

func (w *Window) resumeWith(method string) {
	if w.sess == nil || w.state != statePaused {
		return
	}
	w.call(w.sess, method, nil, nil, nil)
}

// Continue resumes a paused program.
func (w *Window) Continue() { w.resumeWith("Debugger.resume") }

// StepOver, StepInto and StepOut step a paused program.
func (w *Window) StepOver() { w.resumeWith("Debugger.stepOver") }
func (w *Window) StepInto() { w.resumeWith("Debugger.stepInto") }
func (w *Window) StepOut()  { w.resumeWith("Debugger.stepOut") }

// Pause stops a running program at its next statement.
func (w *Window) Pause() {
	if w.sess == nil || w.state != stateRunning {
		return
	}
	w.call(w.sess, "Debugger.pause", nil, nil, nil)
}

// event handles one protocol event on the UI goroutine.
func (w *Window) event(s *session, e inspector.Event) {
	if s == nil || w.sess != s {
		return
	}
	switch e.Method {
	case "Debugger.paused":
		var p inspector.PausedEvent
		if err := e.Decode(&p); err != nil {
			w.console.add(lineError, err.Error())
			return
		}
		w.paused(&p)
	case "Debugger.resumed", "Studio.loopResumed":
		w.clearPause()
		w.loopPanel.setWhy("")
		w.setState(stateRunning)
	case "Studio.loopPaused":
		var p inspector.LoopStopEvent
		if e.Decode(&p) == nil {
			w.clearPause()
			w.loopPanel.update(p.Loop, true)
			w.pendingPanel.update(p.Loop)
			why := fmt.Sprintf("The loop stopped entering the %s phase.", p.Loop.Phase)
			if cb := p.Callback; cb != nil {
				what := "a callback"
				if cb.Type != "" {
					what = fmt.Sprintf("%s #%d", cb.Type, cb.Op)
				}
				where := ""
				if cb.Phase != "" && cb.Phase != "none" {
					where = fmt.Sprintf(", in the %s phase", cb.Phase)
				}
				why = fmt.Sprintf("Next: %s from the %s queue%s. Why now: %s.", what, cb.Queue, where, cb.Why)
			}
			w.loopPanel.setWhy(why)
			w.loopStops++
			w.setState(statePaused)
			w.setStatus("Loop paused (" + p.Reason + ")")
		}
	case "Studio.paused":
		var p inspector.LoopStopEvent
		if e.Decode(&p) == nil {
			w.loopPanel.update(p.Loop, true)
			w.pendingPanel.update(p.Loop)
		}
	case "Studio.warnings":
		var ev inspector.WarningsEvent
		if e.Decode(&ev) == nil {
			w.profilerPanel.setWarnings(ev)
		}
	case "Runtime.consoleAPICalled":
		var ev inspector.ConsoleAPICalledEvent
		if e.Decode(&ev) == nil {
			w.console.consoleCalled(s.streams, ev)
		}
	case "Debugger.scriptParsed":
		var sp inspector.ScriptParsedEvent
		if e.Decode(&sp) == nil {
			s.scripts[sp.ScriptID] = pathOfURL(sp.URL)
		}
	case "Runtime.exceptionThrown":
		var ev inspector.ExceptionThrownEvent
		if e.Decode(&ev) == nil {
			w.console.exception(ev)
		}
	case "Debugger.breakpointResolved":
		var r inspector.BreakpointResolvedEvent
		if e.Decode(&r) == nil {
			for _, bp := range w.bps {
				if bp.id == r.BreakpointID {
					bp.resolved = true
				}
			}
			w.breakpointsPanel.refresh()
		}
	}
}

func (w *Window) paused(p *inspector.PausedEvent) {
	w.pause = p
	w.setState(statePaused)
	w.fetchHits()
	w.stackPanel.show(p)
	reason := p.Reason
	if len(p.HitBreakpoints) > 0 {
		reason = "breakpoint"
	}
	if len(p.CallFrames) > 0 {
		f := p.CallFrames[0]
		w.setStatus(fmt.Sprintf("Paused (%s) in %s at %s:%d", reason, funcName(f.FunctionName), w.rel(pathOfURL(f.URL)), f.Location.LineNumber+1))
		w.selectFrame(0)
	}
}

// selectFrame shows frame i of the pause: its line in the editor and its
// scopes.
func (w *Window) selectFrame(i int) {
	if w.pause == nil || i < 0 || i >= len(w.pause.CallFrames) {
		return
	}
	w.frame = i
	f := w.pause.CallFrames[i]
	path := pathOfURL(f.URL)
	w.clearPausedLine()
	if ed := w.openFile(path); ed != nil {
		ed.SetPausedLine(f.Location.LineNumber)
		w.pausedEditor = ed
	}
	w.varsPanel.show(f.ScopeChain)
	w.watchPanel.evaluate()
}

func (w *Window) clearPausedLine() {
	if w.pausedEditor != nil {
		w.pausedEditor.SetPausedLine(-1)
		w.pausedEditor = nil
	}
}

func (w *Window) clearPause() {
	w.pause = nil
	w.frame = 0
	w.clearPausedLine()
	w.stackPanel.show(nil)
	w.varsPanel.show(nil)
}

// Learning mode.

// setPace sets the wait before every callback (ms), now and for the next
// debug runs.
func (w *Window) setPace(ms float64) {
	w.pace = ms
	w.rememberPace(ms)
	if w.sess != nil && w.sess.debug {
		w.call(w.sess, "Studio.setPace", map[string]any{"milliseconds": ms}, nil, nil)
	}
}

// setPhaseStop makes the loop stop each time it enters phase ("" never).
func (w *Window) setPhaseStop(phase string) {
	w.phaseStop = phase
	if w.sess != nil && w.sess.debug {
		w.call(w.sess, "Studio.pauseAtPhase", map[string]any{"phase": phase}, nil, nil)
	}
}

// stepLoop runs to the next callback, phase or iteration and stops.
func (w *Window) stepLoop(method string) {
	if w.sess == nil || !w.sess.debug {
		w.setStatus("Learning mode steps need Debug (F5)")
		return
	}
	w.call(w.sess, method, nil, nil, nil)
}

// evaluate runs expr from the console: in the selected frame when paused,
// else in the running program.
func (w *Window) evaluate(expr string) {
	w.console.add(lineInput, "> "+expr)
	s := w.sess
	if s == nil {
		w.console.add(lineError, "No program is running")
		return
	}
	if s.prog == nil {
		w.console.add(lineError, "The program is starting")
		return
	}
	var res inspector.EvaluateResult
	method, params := "Runtime.evaluate", map[string]any{"expression": expr, "objectGroup": "console", "generatePreview": true}
	if w.pause != nil && w.frame < len(w.pause.CallFrames) {
		method = "Debugger.evaluateOnCallFrame"
		params["callFrameId"] = w.pause.CallFrames[w.frame].CallFrameID
	}
	// The answer comes after what the evaluation prints, and in the
	// order of the inputs even if a later one is answered first (settle).
	id := w.console.placeholder()
	w.call(s, method, params, &res, func(err error) {
		switch {
		case err != nil:
			w.console.settle(id, consoleLine{kind: lineError, text: err.Error()})
		case res.ExceptionDetails != nil:
			w.console.settle(id, consoleLine{kind: lineError, text: exceptionText(res.ExceptionDetails)})
		default:
			w.console.settle(id, consoleLine{kind: lineResult, text: objectString(res.Result), objectID: res.Result.ObjectID})
		}
	})
}

// Breakpoints.

func (w *Window) breakpointList() []*breakpoint {
	out := make([]*breakpoint, 0, len(w.bps))
	for _, bp := range w.bps {
		out = append(out, bp)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].path != out[j].path {
			return out[i].path < out[j].path
		}
		return out[i].line < out[j].line
	})
	return out
}

func bpKey(path string, line int) string { return fmt.Sprintf("%s:%d", path, line) }

// ToggleBreakpoint sets or clears the breakpoint on a 0-based line of
// path, in the running program too.
func (w *Window) ToggleBreakpoint(path string, line int) {
	key := bpKey(path, line)
	if bp, ok := w.bps[key]; ok {
		delete(w.bps, key)
		if ed := w.editors[path]; ed != nil {
			ed.SetBreakpoint(line, false)
		}
		if w.sess != nil && bp.id != "" {
			w.call(w.sess, "Debugger.removeBreakpoint", map[string]any{"breakpointId": bp.id}, nil, nil)
		}
		w.breakpointsPanel.refresh()
		return
	}
	bp := &breakpoint{path: path, line: line}
	w.bps[key] = bp
	if ed := w.editors[path]; ed != nil {
		ed.SetBreakpoint(line, true)
	}
	if s := w.sess; s != nil {
		var res inspector.BreakpointResult
		w.call(s, "Debugger.setBreakpointByUrl", bp.params(), &res, func(err error) {
			w.breakpointSet(bp, res, err)
		})
	}
	w.breakpointsPanel.refresh()
}

// moveBreakpoints follows an edit of path: breakpoints keep their
// statements. Two that land on one line become one. A running program
// keeps its breakpoints where they were: it runs the text as it was.
func (w *Window) moveBreakpoints(path string, moves map[int]int) {
	var moved []*breakpoint
	for old := range moves {
		key := bpKey(path, old)
		if bp := w.bps[key]; bp != nil {
			delete(w.bps, key)
			moved = append(moved, bp)
		}
	}
	for _, bp := range moved {
		bp.line = moves[bp.line]
		key := bpKey(path, bp.line)
		if w.bps[key] != nil {
			if w.sess != nil && bp.id != "" {
				w.call(w.sess, "Debugger.removeBreakpoint", map[string]any{"breakpointId": bp.id}, nil, nil)
			}
			continue
		}
		w.bps[key] = bp
	}
	w.breakpointsPanel.refresh()
}

func (w *Window) breakpointSet(bp *breakpoint, res inspector.BreakpointResult, err error) {
	if err != nil {
		w.console.add(lineError, fmt.Sprintf("breakpoint at %s:%d: %v", w.rel(bp.path), bp.line+1, err))
		return
	}
	if w.bps[bpKey(bp.path, bp.line)] != bp {
		// Cleared while the call was on its way.
		if w.sess != nil {
			w.call(w.sess, "Debugger.removeBreakpoint", map[string]any{"breakpointId": res.BreakpointID}, nil, nil)
		}
		return
	}
	bp.id = res.BreakpointID
	bp.resolved = len(res.Locations) > 0
	w.breakpointsPanel.refresh()
}

func funcName(s string) string {
	if s == "" {
		return "(anonymous)"
	}
	return s
}

// exceptionText is what an evaluation threw, in one line.
func exceptionText(d *inspector.ExceptionDetails) string {
	if d.Exception != nil {
		return objectString(*d.Exception)
	}
	return d.Text
}
