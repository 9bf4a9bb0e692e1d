package debugger

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/debugger/instrument"
	"github.com/studiojs/studio/runtime/trace"
)

// pauseState is the program stopped at one hook. Loop goroutine only.
type pauseState struct {
	file   *fileInfo
	hook   int
	this   goja.Value
	locals []goja.Value
	getter goja.Callable
	token  goja.Value
	stack  []goja.StackFrame
	dirty  bool
	depth  int

	done   bool
	action stepKind
	frames []Frame
	// vars are the frames' variables by Frame.Index; nil where unknown.
	vars []*frameVars
}

// topVars are the variables of the frame that hit the hook.
func (ps *pauseState) topVars() *frameVars {
	return &frameVars{file: ps.file, hook: ps.hook, this: ps.this, locals: ps.locals, getter: ps.getter, dirty: &ps.dirty}
}

func (d *Debugger) newPause(f *fileInfo, id int, call goja.FunctionCall) *pauseState {
	ps := &pauseState{file: f, hook: id, this: call.Argument(1), token: call.Argument(3)}
	if len(call.Arguments) > hookLocals {
		ps.locals = append([]goja.Value(nil), call.Arguments[hookLocals:]...)
	}
	if g, ok := goja.AssertFunction(call.Argument(2)); ok {
		ps.getter = g
	}
	if _, isObj := ps.token.(*goja.Object); !isObj {
		ps.token = nil // 0: not an async function
	}
	ps.stack = d.vm.CaptureCallStack(0, nil)
	ps.depth = len(ps.stack)
	return ps
}

// Frame is one call frame of a paused program.
type Frame struct {
	Index    int
	Function string
	Path     string // file path (original source for transformed files)
	ScriptID int    // -1 when the frame is not in an instrumented file
	Line     int    // 1-based
	Column   int    // 0-based
	// Scopes are the frame's (block, local, closure, global) when Studio
	// can see them: always for the top frame, for a caller frame when the
	// frame recorded its variables (frames.go).
	Scopes []Scope
	This   Value
}

// Scope is one scope of a frame; Object lists its variables.
type Scope struct {
	Kind   string // "local", "block", "closure", "global"
	Object Value
	Names  []string
}

// AsyncFrame is one hop of an async stack trace: the async operation that
// scheduled the code that runs, and where it was created.
type AsyncFrame struct {
	Op     uint64
	Type   string // Timeout, Immediate, FSREQCALLBACK, ...
	Frames []trace.Frame
}

// Paused is sent when the program stops.
type Paused struct {
	Reason         string
	HitBreakpoints []string
	Frames         []Frame
	Async          []AsyncFrame
	// Loop is the event loop's state at the pause: phase, queues, pool
	// lanes and pending operations.
	Loop trace.Snapshot
	// Exception is the thrown value when Reason is ReasonException.
	Exception *Value
	// Callback is the callback a learning-mode stop is before (Reason
	// ReasonCallback); Frames is empty at loop stops.
	Callback *CallbackStop
}

// Resumed is sent when the program continues.
type Resumed struct{}

// pause stops the loop goroutine until a resume command. It returns the
// locals' new values when a command changed them.
func (d *Debugger) pause(ps *pauseState, reason string, hitBPs []string) goja.Value {
	return d.pauseWithData(ps, reason, hitBPs, nil)
}

// pauseWithData is pause with a last touch to the event (an exception).
func (d *Debugger) pauseWithData(ps *pauseState, reason string, hitBPs []string, touch func(*Paused)) goja.Value {
	d.step = stepState{}
	ev := Paused{Reason: reason, HitBreakpoints: hitBPs}
	if touch != nil {
		touch(&ev)
	}
	ev.Frames = d.frames(ps)
	ps.frames = ev.Frames
	ev.Async = d.asyncStack()
	ev.Loop = d.rt.Snapshot()
	d.serve(ps, ev)
	if ps.action != stepNone {
		d.step = stepState{kind: ps.action, depth: ps.depth, token: ps.token, turn: d.turn}
	}
	d.armAll()
	d.emit(Resumed{})
	if ps.dirty {
		return d.vm.NewArray(valuesAny(ps.locals)...)
	}
	return goja.Undefined()
}

// serve announces the pause ev and serves commands on the loop goroutine
// until one ends it (or Run's context does); the loop's clock leaves the
// time out. Every kind of pause (statement, loop stop, exception) waits
// here.
func (d *Debugger) serve(ps *pauseState, ev Paused) {
	d.paused = ps
	d.rt.DebuggerPaused(true)
	defer d.rt.DebuggerPaused(false)
	done := make(chan struct{})
	d.mu.Lock()
	d.lastPause = &ev
	d.mu.Unlock()
	d.pausedCh.Store(&done)
	d.emit(ev)
	for !ps.done {
		select {
		case fn := <-d.cmds:
			fn()
		case <-d.wake:
			d.runLoopWork()
		case <-d.ctx.Done():
			ps.done = true
		}
	}
	d.mu.Lock()
	d.lastPause = nil
	d.mu.Unlock()
	d.pausedCh.Store(nil)
	close(done)
	d.paused = nil
	d.releaseGroup(groupBacktrace)
}

func valuesAny(vs []goja.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// frames lists the JavaScript frames of a pause, the hook's own frame first.
func (d *Debugger) frames(ps *pauseState) []Frame {
	var out []Frame
	hook := &ps.file.res.Hooks[ps.hook]
	loader := d.rt.Loader()
	first := true
	ps.vars = nil
	for j, sf := range ps.stack {
		pos := sf.Position()
		if pos.Line == 0 {
			continue // native (the hook itself, builtins implemented in Go)
		}
		fr := Frame{Index: len(out), Function: funcName(sf.FuncName()), ScriptID: -1}
		file := pos.Filename
		if file == "" {
			file = sf.SrcName()
		}
		if first {
			first = false
			p := ps.file.pos[ps.hook]
			fr.Path, fr.Line, fr.Column, fr.ScriptID = ps.file.path, p.line, p.col, ps.file.id
			fv := ps.topVars()
			fr.Scopes = d.scopes(fv)
			fr.This = d.remote(groupBacktrace, ps.this)
			if fr.Function == "" {
				fr.Function = ps.file.res.Funcs[hook.Func].Name
			}
			ps.vars = append(ps.vars, fv)
		} else {
			p, line, col, _ := loader.MapPosition(file, pos.Line, pos.Column)
			fr.Path, fr.Line, fr.Column = p, line, col-1
			var fv *frameVars
			if f := d.fileByPath(file); f != nil {
				fr.ScriptID, fr.Path = f.id, f.path
				fv = d.callerVars(ps.stack, j, f, fr.Line, fr.Column)
				fr.Column = calleeColumn(f.source, fr.Line, fr.Column)
				if fv != nil {
					fr.Scopes = d.scopes(fv)
					fr.This = d.remote(groupBacktrace, fv.this)
				} else {
					local := d.remote(groupBacktrace, d.vm.NewObject())
					local.Description = notAvailable
					fr.Scopes = []Scope{{Kind: "local", Object: local}, {Kind: "global", Object: d.remote(groupBacktrace, d.vm.GlobalObject())}}
				}
			}
			ps.vars = append(ps.vars, fv)
		}
		out = append(out, fr)
	}
	return out
}

// funcName is a frame's function name as V8 gives it: "" for anonymous.
func funcName(name string) string {
	if name == "<anonymous>" {
		return ""
	}
	return name
}

// calleeColumn moves a caller frame's column from where goja puts it (the
// call's opening parenthesis) to where V8 does (the start of the called
// name: "outer" in outer(3), "m" in a.m(3)).
func calleeColumn(src string, line, col int) int {
	text := src
	for i := 1; i < line; i++ {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 {
			return col
		}
		text = text[nl+1:]
	}
	if nl := strings.IndexByte(text, '\n'); nl >= 0 {
		text = text[:nl]
	}
	if col < 0 || col >= len(text) || text[col] != '(' {
		return col
	}
	i := col
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 {
		c := text[j-1]
		if c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 {
			j--
			continue
		}
		break
	}
	if j == i {
		return col
	}
	return j
}

// fileByPath finds a loaded file by its path or, as goja names ES
// modules, its file:// URL.
func (d *Debugger) fileByPath(path string) *fileInfo {
	if strings.HasPrefix(path, "file://") {
		if u, err := url.Parse(path); err == nil {
			path = filepath.FromSlash(u.Path)
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for i := len(d.files) - 1; i >= 0; i-- {
		if d.files[i].path == path {
			return d.files[i]
		}
	}
	return nil
}

// scopes builds a frame's scope objects.
func (d *Debugger) scopes(fv *frameVars) []Scope {
	vm := d.vm
	hook := &fv.file.res.Hooks[fv.hook]
	fn := &fv.file.res.Funcs[hook.Func]
	local, block := vm.NewObject(), vm.NewObject()
	var localNames, blockNames []string
	for i, v := range hook.Locals {
		if i >= len(fv.locals) {
			break
		}
		val := fv.locals[i]
		if k := fv.liveIndex(v.Name); k >= 0 && v.Block == 0 {
			if live, err := fv.getter(goja.Undefined(), vm.ToValue(k), goja.Undefined(), vm.ToValue(false)); err == nil {
				val = live
			}
		}
		if v.Block == 0 {
			_ = local.Set(v.Name, val)
			localNames = append(localNames, v.Name)
		} else {
			_ = block.Set(v.Name, val)
			blockNames = append(blockNames, v.Name)
		}
	}
	fv.scopeObjs = map[string]*goja.Object{"local": local, "block": block}
	var out []Scope
	if len(blockNames) > 0 {
		out = append(out, Scope{Kind: "block", Object: d.remote(groupBacktrace, block), Names: blockNames})
	}
	out = append(out, Scope{Kind: "local", Object: d.remote(groupBacktrace, local), Names: localNames})
	if len(fn.Outer) > 0 && fv.getter != nil {
		closure := vm.NewObject()
		fv.scopeObjs["closure"] = closure
		var names []string
		for i, v := range fn.Outer {
			val, err := fv.getter(goja.Undefined(), vm.ToValue(i), goja.Undefined(), vm.ToValue(false))
			if err != nil {
				continue // not initialized yet (TDZ)
			}
			_ = closure.Set(v.Name, val)
			names = append(names, v.Name)
		}
		out = append(out, Scope{Kind: "closure", Object: d.remote(groupBacktrace, closure), Names: names})
	}
	out = append(out, Scope{Kind: "global", Object: d.remote(groupBacktrace, vm.GlobalObject())})
	return out
}

// do runs fn on the paused loop goroutine and waits for it.
func (d *Debugger) do(fn func(ps *pauseState) error) error {
	chp := d.pausedCh.Load()
	if chp == nil {
		return ErrNotPaused
	}
	errc := make(chan error, 1)
	cmd := func() {
		ps := d.paused
		if ps == nil {
			errc <- ErrNotPaused
			return
		}
		errc <- fn(ps)
	}
	select {
	case d.cmds <- cmd:
	case <-*chp:
		return ErrNotPaused
	}
	return <-errc
}

// call runs fn on the loop goroutine, paused or running, and waits for it
// (a running program runs it between callbacks or at a busy loop's poll).
func (d *Debugger) call(ctx context.Context, fn func() error) error {
	errc := make(chan error, 1)
	run := func() {
		defer func() {
			if r := recover(); r != nil {
				errc <- fmt.Errorf("debugger: %v", r)
			}
		}()
		errc <- fn()
	}
	if chp := d.pausedCh.Load(); chp != nil {
		select {
		case d.cmds <- run:
			return <-errc
		case <-*chp:
		}
	}
	if err := d.onLoop(run); err != nil {
		return err
	}
	var stopped <-chan struct{}
	d.mu.Lock()
	if d.rt != nil {
		stopped = d.rt.Stopped()
	}
	d.mu.Unlock()
	select {
	case err := <-errc:
		return err
	case <-stopped:
		// The program ended with run still queued: it will not run.
		select {
		case err := <-errc:
			return err
		default:
			return ErrStopped
		}
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Resume continues the program.
func (d *Debugger) Resume() error { return d.resume(stepNone) }

// StepInto stops at the next statement anywhere.
func (d *Debugger) StepInto() error { return d.resume(stepInto) }

// StepOver stops at the next statement of this frame or a caller (for an
// async function or generator: of the same invocation, after an await).
func (d *Debugger) StepOver() error { return d.resume(stepOver) }

// StepOut stops at the next statement of a caller.
func (d *Debugger) StepOut() error { return d.resume(stepOut) }

func (d *Debugger) resume(k stepKind) error {
	return d.do(func(ps *pauseState) error {
		ps.action = k
		ps.done = true
		return nil
	})
}

// EvalOptions says where to evaluate and how to return the result.
type EvalOptions struct {
	// Frame is the call frame of the paused program (0 is the top; only
	// the top frame sees its locals); -1 evaluates in the global scope,
	// paused or running.
	Frame int
	// Group names the object group that keeps the result's objects until
	// ReleaseObjectGroup ("" is a group too); objects of a paused frame's
	// scopes go when the program resumes.
	Group string
	// Preview adds a preview of an object's first properties.
	Preview bool
	// ByValue returns an object as its JSON value instead of a reference.
	ByValue bool
}

// Evaluate evaluates expr. The result is a Value; a thrown exception comes
// back as exc.
func (d *Debugger) Evaluate(ctx context.Context, expr string, opts EvalOptions) (val Value, exc *Value, err error) {
	run := func() error {
		var ps *pauseState
		if opts.Frame >= 0 {
			ps = d.paused
			if ps == nil {
				return ErrNotPaused
			}
			if opts.Frame >= len(ps.frames) {
				return ErrNoFrame
			}
		}
		v, thrown := d.evalIn(ps, opts.Frame, expr)
		if thrown != nil {
			r := d.remoteWith(opts.Group, thrown, opts.Preview, false)
			exc = &r
			return nil
		}
		val = d.remoteWith(opts.Group, v, opts.Preview, opts.ByValue)
		return nil
	}
	if opts.Frame >= 0 {
		err = d.do(func(*pauseState) error { return run() })
	} else {
		err = d.call(ctx, run)
	}
	return val, exc, err
}

// CallArg is an argument of CallFunctionOn: an object handed out before,
// a JSON value, or an unserializable number ("NaN", "-0", "1n"...).
type CallArg struct {
	ObjectID       string
	Value          any
	Unserializable string
}

// CallFunctionOn calls a function (given as source, e.g. "function(a) {
// return this.x + a }") with this set to the object objectID ("" for
// undefined) and args, in the global scope.
func (d *Debugger) CallFunctionOn(ctx context.Context, objectID, decl string, args []CallArg, opts EvalOptions) (val Value, exc *Value, err error) {
	err = d.call(ctx, func() error {
		vm := d.vm
		var this goja.Value = goja.Undefined()
		if objectID != "" {
			o, ok := d.objects[objectID]
			if !ok {
				return ErrNoObject
			}
			this = o.v
		}
		argv := make([]goja.Value, len(args))
		for i, a := range args {
			switch {
			case a.ObjectID != "":
				o, ok := d.objects[a.ObjectID]
				if !ok {
					return ErrNoObject
				}
				argv[i] = o.v
			case a.Unserializable != "":
				v, thrown := d.evalIn(nil, -1, a.Unserializable)
				if thrown != nil {
					return fmt.Errorf("argument %d: %s: %w", i, a.Unserializable, ErrBadArgument)
				}
				argv[i] = v
			default:
				argv[i] = vm.ToValue(a.Value)
			}
		}
		fnv, thrown := d.evalIn(nil, -1, "("+decl+"\n)")
		if thrown == nil {
			fn, ok := goja.AssertFunction(fnv)
			if !ok {
				thrown = vm.NewTypeError("functionDeclaration is not a function")
			} else {
				res, cerr := func() (r goja.Value, e error) {
					defer func() {
						if p := recover(); p != nil {
							e = fmt.Errorf("%v", p)
						}
					}()
					return fn(this, argv...)
				}()
				if cerr != nil {
					thrown = exceptionValue(vm, cerr)
				} else {
					val = d.remoteWith(opts.Group, res, opts.Preview, opts.ByValue)
					return nil
				}
			}
		}
		r := d.remoteWith(opts.Group, thrown, opts.Preview, false)
		exc = &r
		return nil
	})
	return val, exc, err
}

// ErrBadArgument is an argument CallFunctionOn cannot make a value of.
var ErrBadArgument = fmt.Errorf("debugger: bad argument")

// varsOf is frame's variables in a pause, nil when unknown.
func (ps *pauseState) varsOf(frame int) *frameVars {
	if ps == nil || frame < 0 {
		return nil
	}
	if frame == 0 && len(ps.vars) == 0 && ps.file != nil {
		return ps.topVars() // before frames (a breakpoint's condition)
	}
	if frame >= len(ps.vars) {
		return nil
	}
	return ps.vars[frame]
}

// evalIn evaluates on the loop goroutine, in the scope of frame of ps (the
// global scope when ps is nil or the frame's variables are unknown); a
// JavaScript exception comes back as thrown.
func (d *Debugger) evalIn(ps *pauseState, frame int, expr string) (v goja.Value, thrown goja.Value) {
	vm := d.vm
	defer func() {
		if r := recover(); r != nil {
			thrown = vm.ToValue(fmt.Sprint(r))
		}
	}()
	fv := ps.varsOf(frame)
	if fv == nil {
		ev, _ := goja.AssertFunction(vm.Get("eval"))
		res, err := ev(goja.Undefined(), vm.ToValue(expr))
		if err != nil {
			return nil, exceptionValue(vm, err)
		}
		return res, nil
	}
	hook := &fv.file.res.Hooks[fv.hook]
	fn := &fv.file.res.Funcs[hook.Func]
	names := make([]any, 0, len(hook.Locals))
	vals := make([]any, 0, len(hook.Locals))
	index := make([]int, 0, len(hook.Locals)) // into fv.locals
	for i, v := range hook.Locals {
		if i >= len(fv.locals) {
			break
		}
		if v.Block == 0 && fv.liveIndex(v.Name) >= 0 {
			continue // through the getter, live
		}
		names = append(names, v.Name)
		vals = append(vals, fv.locals[i])
		index = append(index, i)
	}
	outer := make([]any, 0, len(fn.Outer)+len(fn.Captured))
	for _, v := range fn.Outer {
		outer = append(outer, v.Name)
	}
	if fv.caller {
		for _, v := range fn.Captured {
			outer = append(outer, v.Name)
		}
	}
	values := vm.NewArray(vals...)
	dirty := vm.NewArray(false)
	var getter goja.Value = vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	if fv.getter != nil {
		g := fv.getter
		getter = vm.ToValue(func(c goja.FunctionCall) goja.Value {
			r, err := g(goja.Undefined(), c.Argument(0), c.Argument(1), c.Argument(2))
			if err != nil {
				panic(err)
			}
			return r
		})
	}
	this := fv.this
	if this == nil {
		this = goja.Undefined()
	}
	res, err := d.evalFn(goja.Undefined(), vm.NewArray(names...), values, vm.NewArray(outer...), getter, this, vm.ToValue(expr), dirty, vm.ToValue(fv.caller))
	if err != nil {
		return nil, exceptionValue(vm, err)
	}
	if dirty.Get("0").ToBoolean() && !fv.caller {
		for j, i := range index {
			if hook.Locals[i].Const {
				continue
			}
			fv.locals[i] = values.Get(strconv.Itoa(j))
		}
		*fv.dirty = true
	}
	return res, nil
}

func exceptionValue(vm *goja.Runtime, err error) goja.Value {
	if ex, ok := err.(*goja.Exception); ok {
		return ex.Value()
	}
	return vm.ToValue(err.Error())
}

// SetVariable assigns a variable of a frame (0 is the top): a local (also
// block) or a closure variable, by name; value is a JavaScript expression
// evaluated in that frame. In a caller frame only the variables inner
// functions capture (and its closure's) are live; its other locals are
// copies and cannot be assigned (ErrCopy).
func (d *Debugger) SetVariable(frame int, name, valueExpr string) error {
	return d.setVariable(frame, name, func(ps *pauseState) (goja.Value, error) {
		v, thrown := d.evalIn(ps, frame, valueExpr)
		if thrown != nil {
			return nil, fmt.Errorf("evaluating %q: %s", valueExpr, thrown.String())
		}
		return v, nil
	})
}

// SetVariableObject assigns a variable of a frame, as SetVariable does, to
// an object the debugger handed out (a Value's ObjectID): CDP's
// setVariableValue with an objectId, as DevTools sends an edited value
// that is an object.
func (d *Debugger) SetVariableObject(frame int, name, objectID string) error {
	return d.setVariable(frame, name, func(*pauseState) (goja.Value, error) {
		o, ok := d.objects[objectID]
		if !ok {
			return nil, fmt.Errorf("assigning %q: %w", name, ErrNoObject)
		}
		return o.v, nil
	})
}

// setVariable assigns the value value gives. Paused loop goroutine.
func (d *Debugger) setVariable(frame int, name string, value func(*pauseState) (goja.Value, error)) error {
	return d.do(func(ps *pauseState) error {
		fv := ps.varsOf(frame)
		if fv == nil {
			return ErrNoFrame
		}
		v, err := value(ps)
		if err != nil {
			return err
		}
		hook := &fv.file.res.Hooks[fv.hook]
		fn := &fv.file.res.Funcs[hook.Func]
		// shown keeps the scope object of kind shown for the frame current.
		shown := func(kind string) {
			if o := fv.scopeObjs[kind]; o != nil {
				_ = o.Set(name, v)
			}
		}
		set := func(i int, kind string) error {
			if _, err := fv.getter(goja.Undefined(), d.vm.ToValue(i), v, d.vm.ToValue(true)); err != nil {
				return err
			}
			shown(kind)
			return nil
		}
		for i, l := range hook.Locals {
			if l.Name == name && i < len(fv.locals) {
				if l.Const {
					return fmt.Errorf("assigning %q: %w", name, ErrConst)
				}
				kind := "local"
				if l.Block != 0 {
					kind = "block"
				}
				if !fv.caller {
					fv.locals[i] = v
					*fv.dirty = true
					shown(kind)
					return nil
				}
				if k := fv.liveIndex(name); k >= 0 && l.Block == 0 {
					return set(k, kind)
				}
				return fmt.Errorf("assigning %q: %w", name, ErrCopy)
			}
		}
		for i, o := range fn.Outer {
			if o.Name == name && fv.getter != nil {
				if o.Const {
					return fmt.Errorf("assigning %q: %w", name, ErrConst)
				}
				return set(i, "closure")
			}
		}
		return fmt.Errorf("assigning %q: %w", name, ErrNoVariable)
	})
}

// More errors.
var (
	ErrConst      = fmt.Errorf("debugger: assignment to a constant")
	ErrNoVariable = fmt.Errorf("debugger: no such variable in the frame")
	// ErrCopy is a caller frame's local that no inner function captures:
	// Studio shows its value as the frame's last statement began, a copy.
	ErrCopy = fmt.Errorf("debugger: a caller frame's local is a copy and cannot be assigned")
)

// pausedFlag is the channel closed when the current pause ends.
type pausedFlag = atomic.Pointer[chan struct{}]

var _ = instrument.Statement

// LoopState takes a new snapshot of the event loop while paused: pool jobs
// and I/O that completed since the pause show as waiting for their callback.
func (d *Debugger) LoopState() (trace.Snapshot, error) {
	var s trace.Snapshot
	err := d.do(func(*pauseState) error {
		s = d.rt.Snapshot()
		return nil
	})
	return s, err
}
