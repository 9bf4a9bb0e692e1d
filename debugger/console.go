package debugger

import (
	"time"

	"github.com/dop251/goja"
)

// ConsoleCall is sent when the program calls a console method, as CDP's
// Runtime.consoleAPICalled reports it, once the call has returned. The
// output itself goes to stdout or stderr; Stdout and Stderr say where in
// those streams the call wrote it.
type ConsoleCall struct {
	Type  string // log, info, warning, error, debug, dir, trace
	Args  []Value
	Time  time.Time
	Stack []Frame // where it was called from (top first)
	// Stdout and Stderr are the bytes of each stream written during the
	// call (runtime.Runtime.OutputWritten before and after it): exactly
	// the call's text, on one of them (nothing if stdout was corked).
	Stdout, Stderr OutputRange
}

// OutputRange is a range of byte offsets in the program's stdout or
// stderr, counted from the first byte the program wrote: [Start, End).
type OutputRange struct{ Start, End int64 }

// consoleKeep bounds the objects kept for console arguments (V8 keeps
// the last 1000 console messages).
const consoleKeep = 1000

// consoleTypes maps console methods to CDP's call types.
var consoleTypes = map[string]string{
	"log": "log", "info": "info", "warn": "warning", "error": "error",
	"debug": "debug", "dir": "dir", "trace": "trace",
}

// wrapConsole makes the global console report its calls. Loop goroutine,
// at Setup.
func (d *Debugger) wrapConsole() {
	vm := d.vm
	cv := vm.Get("console")
	if cv == nil || goja.IsUndefined(cv) {
		return
	}
	console := cv.ToObject(vm)
	for method, typ := range consoleTypes {
		orig, ok := goja.AssertFunction(console.Get(method))
		if !ok {
			continue
		}
		typ := typ
		_ = console.Set(method, func(call goja.FunctionCall) goja.Value {
			ev, ok := d.consoleCall(typ, call.Arguments)
			res, err := orig(call.This, call.Arguments...)
			if ok {
				// Sent after the call, with the text's place in the
				// streams; also when the call threw (what it wrote).
				ev.Stdout.End, ev.Stderr.End = d.rt.OutputWritten()
				d.emit(ev)
			}
			if err != nil {
				panic(err)
			}
			return res
		})
	}
}

// consoleCall describes a console call before it runs: its arguments as
// they are now, where it was called from and where its output will start.
// false: nobody listens.
func (d *Debugger) consoleCall(typ string, args []goja.Value) (ConsoleCall, bool) {
	d.mu.Lock()
	n := len(d.subs)
	d.mu.Unlock()
	if n == 0 {
		return ConsoleCall{}, false
	}
	ev := ConsoleCall{Type: typ, Time: time.Now()}
	ev.Stdout.Start, ev.Stderr.Start = d.rt.OutputWritten()
	for _, a := range args {
		v := d.remoteWith(groupConsole, a, true, false)
		if v.ObjectID != "" {
			d.consoleObjs = append(d.consoleObjs, v.ObjectID)
			if len(d.consoleObjs) > consoleKeep {
				delete(d.objects, d.consoleObjs[0])
				d.consoleObjs = d.consoleObjs[1:]
			}
		}
		ev.Args = append(ev.Args, v)
	}
	for _, sf := range d.vm.CaptureCallStack(10, nil) {
		pos := sf.Position()
		if pos.Line == 0 {
			continue
		}
		fr := Frame{Function: funcName(sf.FuncName()), Path: pos.Filename, Line: pos.Line, Column: pos.Column - 1, ScriptID: -1}
		if f := d.fileByPath(pos.Filename); f != nil {
			fr.ScriptID = f.id
			fr.Path, fr.Line, fr.Column = mapPos(d, pos.Filename, pos.Line, pos.Column)
			fr.Column = calleeColumn(f.source, fr.Line, fr.Column)
		}
		ev.Stack = append(ev.Stack, fr)
	}
	return ev, true
}

// groupConsole holds console arguments.
const groupConsole = "console"

func mapPos(d *Debugger, file string, line, col int) (string, int, int) {
	p, l, c, _ := d.rt.Loader().MapPosition(file, line, col)
	return p, l, c - 1
}
