package nodelib

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Stack traces the V8 way. goja renders an error's own `stack` itself (in its own format);
// Error.captureStackTrace, which node's lib and much user code use, is implemented here: the
// frames are captured when it is called and rendered on first read of `stack`, through node's
// prepareStackTrace callback (when internal/errors is loaded: it honours overrideStackTrace and
// a user's Error.prepareStackTrace), else through Error.prepareStackTrace, else as V8 prints
// them ("Error: msg\n    at fn (file:line:col)").

// stackState holds what stack formatting needs per runtime.
type stackState struct {
	errorCtor     *goja.Object
	makeCallSites goja.Callable
	prepareHook   goja.Callable // internal/errors' prepareStackTraceCallback, once loaded
	errorToString goja.Callable
	hookResolved  bool
	// captureConstructed records the stack of an error made through a constructor proxy.
	captureConstructed goja.Value
}

// installErrorSupport adds the V8 extensions node's lib and user code rely on:
// Error.captureStackTrace and Error.stackTraceLimit (V8's default, 10).
func (l *Lib) installErrorSupport() error {
	errorCtor := l.vm.Get("Error").ToObject(l.vm)
	l.stack = &stackState{errorCtor: errorCtor}
	toString, _ := goja.AssertFunction(errorCtor.Get("prototype").ToObject(l.vm).Get("toString"))
	l.stack.errorToString = toString
	capture := l.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		// Frame 0 is captureStackTrace itself.
		l.captureStackTrace(call.Argument(0), call.Argument(1), l.vm.CaptureCallStack(0, nil)[1:])
		return goja.Undefined()
	})
	// captureConstructed is what the error constructor proxies (polyfills.js) call from their
	// traps: it drops itself, the trap and goja's native proxy frame.
	l.stack.captureConstructed = l.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		target, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		frames := l.vm.CaptureCallStack(0, nil)
		if len(frames) >= 2 {
			frames = frames[2:]
		}
		for len(frames) > 0 && frames[0].FuncName() == "proxy" && frames[0].Position().Line == 0 {
			frames = frames[1:]
		}
		l.defineStack(target, l.selectFrames(frames, ""))
		return goja.Undefined()
	})
	_ = capture.(*goja.Object).DefineDataProperty("name", l.vm.ToValue("captureStackTrace"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if err := errorCtor.DefineDataProperty("captureStackTrace", capture, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	return errorCtor.Set("stackTraceLimit", 10)
}

// captureStackTrace is Error.captureStackTrace(target, fn) called where frames were taken:
// target gets the frames above the most recent call of a function named as fn is.
func (l *Lib) captureStackTrace(target, fn goja.Value, frames []goja.StackFrame) {
	obj, ok := target.(*goja.Object)
	if !ok {
		l.throw("TypeError", "Invalid argument", "")
	}
	skipTo := ""
	if fn, ok := fn.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(fn); isFn {
			skipTo = fn.Get("name").String()
		}
	}
	l.defineStack(obj, l.selectFrames(frames, skipTo))
}

// hideStackFrames is internal/errors' hideStackFrames(fn) as a Go function: node's wrapper
//
//	function wrappedFn(...args) {
//	  try {
//	    return ReflectApply(fn, this, args);
//	  } catch (error) {
//	    Error.stackTraceLimit && ErrorCaptureStackTrace(error, wrappedFn);
//	    throw error;
//	  }
//	}
//
// wraps every validator, and on goja its rest arguments and Reflect.apply cost a few
// microseconds a call (about a tenth of the JS time of fs callbacks). This one passes this and
// the arguments as they came, and on a throw does what node's catch block does, with the same
// Error (the primordial) and the same frames: the wrapper is a native frame named wrappedFn, the
// most recent one, so the captured stack starts at its caller, as node's does.
func (l *Lib) hideStackFrames(call goja.FunctionCall) goja.Value {
	fnVal := call.Argument(0)
	fn, ok := goja.AssertFunction(fnVal)
	if !ok {
		l.throw("TypeError", "hideStackFrames: fn must be a function", "ERR_INVALID_ARG_TYPE")
	}
	errorCtor := l.primordials.Get("Error").ToObject(l.vm)
	var wrapped goja.Value
	wrapped = l.vm.ToValue(func(c goja.FunctionCall) goja.Value {
		v, err := fn(c.This, c.Arguments...)
		if err == nil {
			return v
		}
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			panic(err) // an interrupt (exit, cancel) passes through
		}
		if errorCtor.Get("stackTraceLimit").ToBoolean() {
			// Frame 0 is this wrapper (wrappedFn).
			l.captureStackTrace(ex.Value(), wrapped, l.vm.CaptureCallStack(0, nil))
		}
		panic(ex)
	})
	obj := wrapped.(*goja.Object)
	_ = obj.DefineDataProperty("name", l.vm.ToValue("wrappedFn"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.Set("withoutStackTrace", fnVal)
	return obj
}

// defineStack gives target a V8-style `stack`: the frames are taken now (under the current
// Error.stackTraceLimit) and rendered on first read, since constructors call
// captureStackTrace before they finish setting up the object.
func (l *Lib) defineStack(target *goja.Object, frames []goja.StackFrame) {
	var cached goja.Value
	getter := l.vm.ToValue(func(goja.FunctionCall) goja.Value {
		if cached == nil {
			cached = l.prepareStack(target, frames)
		}
		return cached
	})
	setter := l.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		cached = call.Argument(0)
		return goja.Undefined()
	})
	_ = target.DefineAccessorProperty("stack", getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// stackTraceLimit reads Error.stackTraceLimit the way V8 does: a non-number means no frames.
func (l *Lib) stackTraceLimit() int {
	v := l.stack.errorCtor.Get("stackTraceLimit")
	if v == nil {
		return 0
	}
	switch v.Export().(type) {
	case int64, float64:
	default:
		return 0
	}
	f := v.ToFloat()
	if math.IsNaN(f) || f <= 0 {
		return 0
	}
	if f > 1<<20 {
		return 1 << 20
	}
	return int(f)
}

// selectFrames drops every frame up to and including the most recent one named skipTo and
// keeps at most Error.stackTraceLimit frames.
func (l *Lib) selectFrames(frames []goja.StackFrame, skipTo string) []goja.StackFrame {
	if skipTo != "" {
		for i := range frames {
			if frames[i].FuncName() == skipTo {
				frames = frames[i+1:]
				break
			}
		}
	}
	if limit := l.stackTraceLimit(); len(frames) > limit {
		frames = frames[:limit]
	}
	return frames
}

// prepareStack renders the stack of target from frames.
func (l *Lib) prepareStack(target *goja.Object, frames []goja.StackFrame) goja.Value {
	if !l.stack.hookResolved && l.isLoaded != nil {
		if v, err := l.isLoaded(goja.Undefined(), l.vm.ToValue("internal/errors")); err == nil && v.ToBoolean() {
			errs := l.requireInternal("internal/errors")
			l.stack.prepareHook, _ = goja.AssertFunction(errs.Get("prepareStackTraceCallback"))
			l.stack.hookResolved = true
		}
	}
	if l.stack.prepareHook != nil {
		v, err := l.stack.prepareHook(goja.Undefined(), l.vm.GlobalObject(), target, l.callSites(frames))
		if err != nil {
			panic(err)
		}
		return v
	}
	if fn, ok := goja.AssertFunction(l.stack.errorCtor.Get("prepareStackTrace")); ok {
		v, err := fn(l.stack.errorCtor, target, l.callSites(frames))
		if err != nil {
			panic(err)
		}
		return v
	}
	header, err := l.stack.errorToString(target)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	b.WriteString(header.String())
	for i := range frames {
		b.WriteString("\n    at ")
		writeFrame(&b, &frames[i])
	}
	return l.vm.ToValue(b.String())
}

// callSites turns frames into V8 CallSite objects.
func (l *Lib) callSites(frames []goja.StackFrame) goja.Value {
	if l.stack.makeCallSites == nil {
		mk, err := runFunction(l.vm, "callsite.js")
		if err != nil {
			panic(err)
		}
		v, err := mk(goja.Undefined())
		if err != nil {
			panic(err)
		}
		l.stack.makeCallSites, _ = goja.AssertFunction(v)
	}
	flat := make([]any, 0, 5*len(frames))
	for i := range frames {
		f := &frames[i]
		pos := v8Position(f)
		native := pos.Filename == "" && pos.Line == 0
		var name, file any
		if n := f.FuncName(); n != "<anonymous>" && n != "<native>" && n != "" {
			name = n
		}
		if !native {
			file = pos.Filename
		}
		flat = append(flat, name, file, pos.Line, pos.Column, native)
	}
	v, err := l.stack.makeCallSites(goja.Undefined(), l.vm.NewArray(flat...))
	if err != nil {
		panic(err)
	}
	return v
}

// writeFrame writes one frame as V8 prints it: "fn (file:line:col)" or "file:line:col".
func writeFrame(b *strings.Builder, f *goja.StackFrame) {
	name := f.FuncName()
	pos := v8Position(f)
	if pos.Filename == "" && pos.Line == 0 {
		// A Go (native) function: V8 shows builtins at "<anonymous>".
		if name == "<native>" {
			b.WriteString("<anonymous>")
			return
		}
		b.WriteString(name)
		b.WriteString(" (<anonymous>)")
		return
	}
	loc := pos.Filename
	if loc == "" {
		loc = "<anonymous>"
	}
	loc += ":" + strconv.Itoa(pos.Line) + ":" + strconv.Itoa(pos.Column)
	if name == "<anonymous>" || name == "" {
		b.WriteString(loc)
		return
	}
	b.WriteString(name)
	b.WriteString(" (")
	b.WriteString(loc)
	b.WriteString(")")
}

// NormalizeStack rewrites a stack string in goja's format the way V8 prints stacks (see
// normalizeStack). Errors goja throws itself (a TypeError from null.x, ...) carry goja's
// format in their `stack`; util.inspect and console already print them normalized, and a host
// printing err.stack itself can pass it through here.
func NormalizeStack(stack string) string {
	return normalizeStack(stack)
}

// normalizeStack rewrites the frames of a goja-formatted stack ("\tat fn (file:1:2(34))")
// the way V8 prints them ("    at fn (file:1:2)"); other lines are kept as they are.
func normalizeStack(s string) string {
	if !strings.Contains(s, "\n\tat ") {
		return s
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, line := range lines {
		rest, ok := strings.CutPrefix(line, "\tat ")
		if !ok {
			continue
		}
		rest = gojaPC.ReplaceAllString(rest, ":$1:$2")
		if strings.HasSuffix(rest, "(native)") {
			rest = strings.TrimSuffix(rest, "(native)") + "(<anonymous>)"
		} else if rest == "native" {
			rest = "<anonymous>"
		}
		lines[i] = "    at " + rest
	}
	return strings.Join(lines, "\n")
}

var gojaPC = regexp.MustCompile(`:(\d+):(\d+)\(\d+\)`)
