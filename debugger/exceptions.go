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
	if d.lastThrown != nil && err.StrictEquals(d.lastThrown) {
		// Paused at its throw statement already (predicted uncaught, or
		// pause on all exceptions): V8 stops once.
		d.lastThrown = nil
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
	if mode == ExceptionsNone || !active {
		return nil, false
	}
	if mode == ExceptionsUncaught {
		// Only a throw statement's value can be predicted uncaught ($$t).
		if hook.Throw && hook.ThrowWrapped {
			d.pending = &pendingThrow{file: f, hook: id, ps: d.newPause(f, id, call)}
			return goja.Undefined(), true
		}
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
	d.mu.Lock()
	mode := d.onExc
	d.mu.Unlock()
	if mode == ExceptionsUncaught && !d.predictUncaught() {
		return val // caught, or not predictable: Uncaught stops if it is not
	}
	d.lastThrown = val
	d.pauseException(p.ps, val)
	return val
}

// Door functions of the bootstrap (runtime/js/bootstrap.js): they call a
// macrotask's callback or the ticks inside a try whose catch reports the
// exception uncaught, as node's C++ does.
var bootstrapDoors = map[string]bool{"runCallback": true, "runTimer": true, "runImmediate": true, "runTicks": true, "drain": true}

// predictUncaught says, as V8 does at a throw with pause on uncaught
// exceptions, that no handler will catch the exception being thrown: no
// frame of the synchronous stack is in a try block with a catch clause,
// down to the bootstrap's door. It says false (let Uncaught stop when the
// exception arrives) for what it cannot tell: async functions and promise
// jobs (V8 predicts promise rejections there), a promise executor, frames
// of other code Studio did not instrument. Frames of Node's library are
// taken not to catch (true of the paths that call back: events, streams,
// fs). Loop goroutine.
func (d *Debugger) predictUncaught() bool {
	loader := d.rt.Loader()
	for _, sf := range d.vm.CaptureCallStack(0, nil) {
		pos := sf.Position()
		if pos.Line == 0 {
			if sf.FuncName() == "Promise" {
				return false // an executor: the throw rejects the promise
			}
			continue // natives (call, apply, forEach...) do not catch
		}
		file := pos.Filename
		if file == "" {
			file = sf.SrcName()
		}
		if f := d.fileByPath(file); f != nil {
			_, line, col, _ := loader.MapPosition(file, pos.Line, pos.Column)
			col--
			fn := f.funcAt(line, col)
			if f.res.Funcs[fn].Async {
				return false // async function (or ES module): a rejection
			}
			for _, t := range f.tries {
				if t.fn == fn && t.contains(line, col) {
					return false // caught here
				}
			}
			continue
		}
		switch {
		case strings.HasPrefix(file, "studio:bootstrap"):
			return bootstrapDoors[funcName(sf.FuncName())]
		case strings.HasPrefix(file, "node:"):
			continue
		}
		return false
	}
	return false // no door below: a promise job
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
