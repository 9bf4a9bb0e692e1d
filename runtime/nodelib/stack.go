package nodelib

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// stackState holds what V8-style stack formatting needs per runtime.
type stackState struct {
	errorCtor *goja.Object
}

// installErrorSupport adds the V8 extensions node's lib and user code rely on:
// Error.captureStackTrace and Error.stackTraceLimit (V8's default, 10).
func (l *Lib) installErrorSupport() error {
	errorCtor := l.vm.Get("Error").ToObject(l.vm)
	l.stack = &stackState{errorCtor: errorCtor}
	capture := l.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		target, ok := call.Argument(0).(*goja.Object)
		if !ok {
			l.throw("TypeError", "Invalid argument", "")
		}
		skipTo := ""
		if fn, ok := call.Argument(1).(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(fn); isFn {
				skipTo = fn.Get("name").String()
			}
		}
		// Frame 0 is captureStackTrace itself.
		frames := l.vm.CaptureCallStack(0, nil)[1:]
		stack := l.header(target) + l.formatFrames(frames, skipTo)
		_ = target.DefineDataProperty("stack", l.vm.ToValue(stack), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		return goja.Undefined()
	})
	if err := errorCtor.DefineDataProperty("captureStackTrace", capture, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		return err
	}
	return errorCtor.Set("stackTraceLimit", 10)
}

// stackTraceLimit reads Error.stackTraceLimit the way V8 does: a non-number means no frames.
func (l *Lib) stackTraceLimit() int {
	v := l.stack.errorCtor.Get("stackTraceLimit")
	if v == nil {
		return 0
	}
	if _, ok := v.Export().(int64); !ok {
		if _, ok := v.Export().(float64); !ok {
			return 0
		}
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

// header is the first line of a V8 stack: what Error.prototype.toString would give.
func (l *Lib) header(target *goja.Object) string {
	name := "Error"
	if v := target.Get("name"); v != nil && !goja.IsUndefined(v) {
		name = v.String()
	}
	msg := ""
	if v := target.Get("message"); v != nil && !goja.IsUndefined(v) {
		msg = v.String()
	}
	switch {
	case name == "":
		return msg
	case msg == "":
		return name
	}
	return name + ": " + msg
}

// formatFrames renders frames the way V8 does ("\n    at fn (file:line:col)"), dropping
// every frame up to and including the most recent one named skipTo, and keeping at most
// Error.stackTraceLimit frames.
func (l *Lib) formatFrames(frames []goja.StackFrame, skipTo string) string {
	if skipTo != "" {
		for i := range frames {
			if frames[i].FuncName() == skipTo {
				frames = frames[i+1:]
				break
			}
		}
	}
	limit := l.stackTraceLimit()
	if len(frames) > limit {
		frames = frames[:limit]
	}
	var b strings.Builder
	for i := range frames {
		b.WriteString("\n    at ")
		writeFrame(&b, &frames[i])
	}
	return b.String()
}

func writeFrame(b *strings.Builder, f *goja.StackFrame) {
	name := f.FuncName()
	pos := f.Position()
	if pos.Filename == "" && pos.Line == 0 {
		// A Go (native) function: V8 shows builtins as "<anonymous>" locations.
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
