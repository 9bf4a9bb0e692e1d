package debugger

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/debugger/instrument"
)

// Uncaught implements runtime.Debug: an exception reached the top of a
// callback. With pause on exceptions on (uncaught or all), the program
// stops there, showing the error and the stack it was thrown from (its
// frames have no scopes: the stack has unwound). Loop goroutine.
func (d *Debugger) Uncaught(err goja.Value) {
	if d.vm == nil {
		return
	}
	d.mu.Lock()
	mode, active, subs := d.onExc, d.active, len(d.subs)
	d.mu.Unlock()
	if subs > 0 {
		// Clients hear of every uncaught exception (Runtime.exceptionThrown).
		v := d.remoteWith(groupConsole, err, true, false)
		if v.ObjectID != "" {
			d.consoleObjs = append(d.consoleObjs, v.ObjectID)
		}
		d.emit(ExceptionThrown{Exception: v, Frames: d.framesFromStack(err), Time: time.Now()})
	}
	if mode == ExceptionsNone || !active {
		return
	}
	exc := d.remoteWith(groupBacktrace, err, true, false)
	ev := Paused{Reason: ReasonException, Exception: &exc, Frames: d.framesFromStack(err)}
	if len(ev.Frames) == 0 {
		// Thrown where no script of the program was running: a frame-less
		// pause is a learning-mode stop to clients, so say nothing.
		d.releaseGroup(groupBacktrace)
		return
	}
	ev.Loop = d.rt.Snapshot()
	ev.Async = d.asyncStack()
	d.holdPause(ev)
}

// ExceptionThrown is sent for every uncaught exception, paused or not
// (CDP's Runtime.exceptionThrown).
type ExceptionThrown struct {
	Exception Value
	Frames    []Frame // from its stack, top first; no scopes
	Time      time.Time
}

// stackLine matches a frame of err.stack as goja writes it:
// "\tat fn (file:line:col(pc))" or "\tat file:line:col(pc)".
var stackLine = regexp.MustCompile(`^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)(?:\(\d+\))?\)?$`)

// framesFromStack reads the frames of an error's stack property.
func (d *Debugger) framesFromStack(err goja.Value) []Frame {
	obj, ok := err.(*goja.Object)
	if !ok {
		return nil
	}
	st := obj.Get("stack")
	if st == nil || goja.IsUndefined(st) {
		return nil
	}
	var out []Frame
	for _, line := range strings.Split(st.String(), "\n") {
		m := stackLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := d.fileByPath(m[2])
		if f == nil {
			continue
		}
		ln, _ := strconv.Atoi(m[3])
		col, _ := strconv.Atoi(m[4])
		path, ln, col0 := mapPos(d, m[2], ln, col)
		out = append(out, Frame{Index: len(out), Function: funcName(m[1]), Path: path, ScriptID: f.id, Line: ln, Column: col0,
			Scopes: []Scope{{Kind: "global", Object: d.remote(groupBacktrace, d.vm.GlobalObject())}}})
	}
	return out
}

// pendingThrow is a throw statement's frame, captured at its hook while
// its value is computed; $$t pauses with both.
type pendingThrow struct {
	file *fileInfo
	hook int
	ps   *pauseState
}

// exceptionHook handles the hooks that pause on caught exceptions (mode
// all): a throw statement's hook keeps its frame for $$t, and the first
// statement of a catch block pauses for an exception the engine threw
// (one a throw statement threw has paused already). ok is false when the
// hook has nothing to do with exceptions.
func (d *Debugger) exceptionHook(f *fileInfo, id int, hook *instrument.Hook, call goja.FunctionCall) (goja.Value, bool) {
	d.mu.Lock()
	mode, active := d.onExc, d.active
	d.mu.Unlock()
	if mode != ExceptionsAll || !active {
		return nil, false
	}
	switch {
	case hook.Throw && hook.ThrowWrapped:
		d.pending = &pendingThrow{file: f, hook: id, ps: d.newPause(f, id, call)}
		return goja.Undefined(), true
	case hook.Throw:
		// The value could not be wrapped: stop before it is thrown.
		ps := d.newPause(f, id, call)
		return d.pauseException(ps, nil), true
	case hook.CatchVar != "":
		ps := d.newPause(f, id, call)
		var val goja.Value
		for i, v := range hook.Locals {
			if v.Name == hook.CatchVar && i < len(ps.locals) {
				val = ps.locals[i]
			}
		}
		if val != nil && d.lastThrown != nil && val.StrictEquals(d.lastThrown) {
			d.lastThrown = nil
			return goja.Undefined(), true // paused at its throw statement already
		}
		return d.pauseException(ps, val), true
	}
	return nil, false
}

// thrown is $$t(id, value): a throw statement's value on its way out.
func (d *Debugger) thrown(f *fileInfo, call goja.FunctionCall) goja.Value {
	id := int(call.Argument(0).ToInteger())
	val := call.Argument(1)
	p := d.pending
	d.pending = nil
	if p == nil || p.file != f || p.hook != id {
		return val
	}
	d.lastThrown = val
	d.pauseException(p.ps, val)
	return val
}

// pauseException pauses with reason exception at ps; val is the exception
// (nil when not known yet).
func (d *Debugger) pauseException(ps *pauseState, val goja.Value) goja.Value {
	res := d.pauseWithData(ps, ReasonException, nil, func(ev *Paused) {
		if val != nil {
			v := d.remoteWith(groupBacktrace, val, true, false)
			ev.Exception = &v
		}
	})
	return res
}
