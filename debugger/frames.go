package debugger

import (
	"github.com/dop251/goja"
)

// Caller frames' variables.
//
// goja cannot read a suspended frame's locals, and capturing them all in
// closures would move them to goja's heap stash (2.9x on fib). So while
// something could stop the program (a breakpoint exists, a step or pause
// request is under way, exceptions pause), every hook is armed and records
// its frame by value: `this`, the locals array the hook passes anyway, and
// the getter (over the enclosing functions' variables and the frame's own
// captured ones, which live in the stash already). A record is kept by the
// goja stack depth of its frame, so a frame's last record is the one taken
// at the start of the statement that is calling the frames above it.
//
// By value is exact for a local no inner function captures: nothing but
// its own frame can assign it, and a frame suspended in a call does not
// run. Two exceptions: a write earlier in the calling statement itself
// (`i++, f(i)`: the frame shows the value from before the statement), and
// a call from a loop's test or update (the value from the loop body's last
// statement). Captured locals and the closure scope are read through the
// getter, live, and can be set. A frame that began before recording and
// has not run a statement since has no record: its local scope says "not
// available", as V8 does for values it cannot show.

// hookLocals is the index of the first local among $$h's arguments
// (id, this, getter, token, locals...).
const hookLocals = 4

// frameRecord is a frame's state at its last hook while recording.
type frameRecord struct {
	file   *fileInfo
	hook   int
	this   goja.Value
	locals []goja.Value // reused: the record of each depth is overwritten
	getter goja.Value
	gen    uint64
}

// recordingLocked says hooks must record their frames: something can stop
// the program. d.mu held.
func (d *Debugger) recordingLocked() bool {
	if d.step.kind != stepNone {
		return true
	}
	if !d.active {
		return false
	}
	if d.onExc != ExceptionsNone {
		return true
	}
	for _, bp := range d.bps {
		if bp.Enabled && len(bp.locs) > 0 {
			return true
		}
	}
	return false
}

// record keeps the hook's frame by its stack depth. Loop goroutine. Its
// cost grows with the depth (goja walks the stack to count it): a deep
// recursion runs slower armed.
func (d *Debugger) record(f *fileInfo, id int, call goja.FunctionCall) {
	d.stackBuf = d.vm.CaptureCallStack(0, d.stackBuf[:0])
	k := len(d.stackBuf)
	for len(d.records) <= k {
		d.records = append(d.records, frameRecord{})
	}
	r := &d.records[k]
	r.file, r.hook, r.gen = f, id, d.recGen
	r.this, r.getter = call.Argument(1), call.Argument(2)
	r.locals = r.locals[:0]
	if len(call.Arguments) > hookLocals {
		r.locals = append(r.locals, call.Arguments[hookLocals:]...)
	}
}

// frameVars is what a frame's scopes are made of: the top frame's from its
// hook, a caller's from its record.
type frameVars struct {
	file   *fileInfo
	hook   int
	this   goja.Value
	locals []goja.Value
	getter goja.Callable
	// caller says the locals are copies (a caller frame): captured ones are
	// read through the getter, others cannot be assigned.
	caller bool
	// dirty is set when a top frame's locals were assigned (the hook
	// writes them back).
	dirty *bool
	// scopeObjs are the scope objects shown for the frame, by kind
	// (local, block, closure): copies, which SetVariable keeps current.
	scopeObjs map[string]*goja.Object
}

// callerVars finds the record of the frame at index j of stack (as
// captured by a hook: the hook's own native frame first), at line and col
// (0-based) of file as written, or nil.
func (d *Debugger) callerVars(stack []goja.StackFrame, j int, file *fileInfo, line, col int) *frameVars {
	// The frame's depth when it called the hook was len(stack)-j+1. goja
	// appends the frames awaiting the running async function to the
	// stack, which can make a record's depth greater than the frame's now
	// (an async function resumed, then calling another one): look deeper
	// as far as an async stack goes.
	k0 := len(stack) - j + 1
	for k := k0; k < len(d.records) && k <= k0+asyncHops; k++ {
		r := &d.records[k]
		if r.gen != d.recGen || r.file != file {
			continue
		}
		hook := &r.file.res.Hooks[r.hook]
		if r.file.funcAt(line, col) != hook.Func {
			continue
		}
		fv := &frameVars{file: r.file, hook: r.hook, this: r.this, caller: true}
		fv.locals = append([]goja.Value(nil), r.locals...)
		if g, ok := goja.AssertFunction(r.getter); ok {
			fv.getter = g
		}
		return fv
	}
	return nil
}

// liveIndex is the getter's case for a frame's own captured local name,
// or -1.
func (fv *frameVars) liveIndex(name string) int {
	if !fv.caller || fv.getter == nil {
		return -1
	}
	fn := &fv.file.res.Funcs[fv.file.res.Hooks[fv.hook].Func]
	for i, v := range fn.Captured {
		if v.Name == name {
			return len(fn.Outer) + i
		}
	}
	return -1
}

// notAvailable is the description of a caller frame's local scope when
// the frame has no record.
const notAvailable = "not available: the frame was running before the debugger began recording frames"
