package runtime

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/nodelib"
	"github.com/studiojs/studio/runtime/trace"
)

// Exit codes Node uses (doc/api/process.md, "Exit codes").
const (
	exitGenericUserError   = 1
	exitExceptionInHandler = 7
	exitUnsettledTLA       = 13
)

func (r *Runtime) jsFatalException(call goja.FunctionCall) goja.Value {
	r.fatalException(call.Argument(0), call.Argument(1).String())
	return goja.Undefined()
}

// fatalException is Node's process._fatalException: 'uncaughtException'
// listeners may handle the error; otherwise the process exits with code 1
// after emitting 'exit', without running anything still queued.
func (r *Runtime) fatalException(errV goja.Value, origin string) {
	if r.exiting {
		return
	}
	if r.opts.Debug != nil {
		r.opts.Debug.Uncaught(errV)
	}
	originV := r.vm.ToValue(origin)
	if _, err := r.emit(r.process, r.vm.ToValue("uncaughtExceptionMonitor"), errV, originV); err != nil {
		r.handlerThrew(err)
		return
	}
	handled, err := r.emit(r.process, r.vm.ToValue("uncaughtException"), errV, originV)
	if err != nil {
		r.handlerThrew(err)
		return
	}
	if handled.ToBoolean() {
		// Node schedules setImmediate(noop) so that the loop turns once more.
		r.newImmediate(r.vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() }), nil)
		return
	}
	r.fieldsExiting = true
	must(r.process.Set("_exiting", true))
	_ = r.process.Set("exitCode", exitGenericUserError)
	if !r.exitEmitted {
		r.exitEmitted = true
		if _, err := r.emit(r.process, r.vm.ToValue("exit"), r.vm.ToValue(exitGenericUserError)); err != nil {
			r.writeFatal(r.describeError(err))
		}
	}
	r.writeFatal(r.sourceContext(errV) + r.describeValue(errV))
	code := r.processExitCode(exitGenericUserError)
	r.exiting = true
	r.exitCode = code
	r.vm.Interrupt(exitSignal{code})
}

// handlerThrew is an exception thrown by an 'uncaughtException' listener:
// Node prints it and exits with code 7.
func (r *Runtime) handlerThrew(err error) {
	if ie, ok := err.(*goja.InterruptedError); ok {
		r.vm.Interrupt(ie.Value())
		return
	}
	r.writeFatal(r.describeError(err))
	r.exiting = true
	r.exitEmitted = true
	r.exitCode = exitExceptionInHandler
	r.vm.Interrupt(exitSignal{exitExceptionInHandler})
}

// processExitCode reads process.exitCode, or def when it is unset.
func (r *Runtime) processExitCode(def int) int {
	v := r.process.Get("exitCode")
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return def
	}
	if c := int(v.ToInteger()); c != 0 {
		return c
	}
	return def
}

func (r *Runtime) describeError(err error) string {
	if ex, ok := err.(*goja.Exception); ok {
		return r.describeValue(ex.Value())
	}
	return err.Error()
}

// stackFrame finds file, line and column in a V8 stack line.
var stackFrame = regexp.MustCompile(`^\s+at (?:.*\()?(/[^():]+):(\d+):(\d+)\)?$`)

// sourceContext is the header Node prints above an uncaught error: the
// file and line where it was thrown, the line itself and a caret under the
// column. It is empty when the error has no stack into a readable file.
func (r *Runtime) sourceContext(v goja.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	o, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	stack := o.Get("stack")
	if stack == nil || goja.IsUndefined(stack) {
		return ""
	}
	for _, line := range strings.Split(nodelib.NormalizeStack(stack.String()), "\n") {
		m := stackFrame.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		src, err := os.ReadFile(m[1])
		if err != nil {
			return ""
		}
		lines := strings.Split(string(src), "\n")
		if n < 1 || n > len(lines) || col < 1 {
			return ""
		}
		text := strings.TrimRight(lines[n-1], "\r")
		if col > len(text)+1 {
			return ""
		}
		return fmt.Sprintf("%s:%d\n%s\n%s^\n\n", m[1], n, text, strings.Repeat(" ", col-1))
	}
	return ""
}

// describeValue renders a thrown value as Node prints an uncaught one:
// util.inspect of it (an Error's stack plus its extra properties), and for
// a thrown primitive the value itself with Node's hint.
func (r *Runtime) describeValue(v goja.Value) string {
	if _, ok := v.(*goja.Object); ok {
		return r.inspectValue(v)
	}
	s := v.String()
	if v == nil || goja.IsUndefined(v) {
		s = "undefined"
	}
	return s + "\n(Use `node --trace-uncaught ...` to show where the exception was thrown)"
}

func (r *Runtime) inspectValue(v goja.Value) (s string) {
	defer func() {
		if x := recover(); x != nil {
			s = fmt.Sprint(v)
		}
	}()
	if r.inspect != nil {
		if out, err := r.inspect(goja.Undefined(), v); err == nil {
			return out.String()
		}
	}
	if v == nil {
		return "undefined"
	}
	return v.String()
}

// writeFatal prints an uncaught error report on stderr as Node does, with
// Studio's name where Node prints its version.
func (r *Runtime) writeFatal(msg string) {
	fmt.Fprintf(r.stderr, "%s\n\nStudio %s (Node.js %s compatible)\n", strings.TrimRight(msg, "\n"), Version, NodeVersion)
}

func (r *Runtime) jsInvalidArgType(call goja.FunctionCall) goja.Value {
	return r.nodeError("ERR_INVALID_ARG_TYPE", call.Arguments...)
}

// errInvalidArgType is Node's ERR_INVALID_ARG_TYPE. expected is what
// Node's validators pass: a type or class name, e.g. "Function".
func (r *Runtime) errInvalidArgType(name, expected string, actual goja.Value) *goja.Object {
	return r.nodeError("ERR_INVALID_ARG_TYPE", r.vm.ToValue(name), r.vm.ToValue(expected), actual)
}

// nodeError constructs one of Node's own error classes from
// lib/internal/errors.js, so messages are exactly Node's.
func (r *Runtime) nodeError(code string, args ...goja.Value) *goja.Object {
	if r.errorCodes == nil {
		errs, err := r.lib.RequireInternal("internal/errors")
		if err != nil {
			return r.newError(code + ": " + err.Error())
		}
		r.errorCodes = errs.ToObject(r.vm).Get("codes").ToObject(r.vm)
	}
	e, err := r.vm.New(r.errorCodes.Get(code), args...)
	if err != nil {
		return r.newError(code + ": " + err.Error())
	}
	return e
}

// trackRejection is goja's rejection tracker feeding bootstrap.js.
func (r *Runtime) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	pv := r.vm.ToValue(p)
	switch op {
	case goja.PromiseRejectionReject:
		r.rejectionToWarn = true
		_, _ = r.onReject(goja.Undefined(), pv, p.Result())
	case goja.PromiseRejectionHandle:
		_, _ = r.onHandle(goja.Undefined(), pv)
	}
}

// emitBeforeExit emits 'beforeExit' with the pending exit code in a
// callback scope, so its ticks and microtasks run.
func (r *Runtime) emitBeforeExit() {
	code := r.processExitCode(0)
	fn := r.vm.ToValue(func(goja.FunctionCall) goja.Value {
		if _, err := r.emit(r.process, r.vm.ToValue("beforeExit"), r.vm.ToValue(code)); err != nil {
			r.rethrow(err)
		}
		return goja.Undefined()
	})
	r.makeCallback(trace.PhaseNone, 0, 0, "", fn, goja.Undefined(), nil)
}

// emitExit emits 'exit' once.
func (r *Runtime) emitExit(code int) {
	if r.exitEmitted {
		return
	}
	r.exitEmitted = true
	r.fieldsExiting = true
	_ = r.process.Set("_exiting", true)
	r.callSafe(func() {
		if _, err := r.emit(r.process, r.vm.ToValue("exit"), r.vm.ToValue(code)); err != nil {
			if _, ok := err.(*goja.InterruptedError); !ok {
				r.writeFatal(r.describeError(err))
				r.exitCode = exitExceptionInHandler
				_ = r.process.Set("exitCode", exitExceptionInHandler)
			}
		}
	})
}

// callSafe runs fn, which calls into goja, with engine panics recovered.
func (r *Runtime) callSafe(fn func()) {
	defer func() {
		if x := recover(); x != nil {
			r.log.Error("engine fault", "err", panicError(x))
		}
	}()
	fn()
}

// finish ends the process: the unsettled top-level await check, 'exit',
// and the final exit code (which 'exit' listeners may still change).
func (r *Runtime) finish() int {
	if r.exitEmitted {
		return r.exitCode
	}
	if r.mainProm != nil && r.mainProm.State() == goja.PromiseStatePending && !r.exiting {
		fmt.Fprintf(r.stderr, "Warning: Detected unsettled top-level await at %s\n", r.absMain())
		if c := r.process.Get("exitCode"); c == nil || goja.IsUndefined(c) || goja.IsNull(c) {
			_ = r.process.Set("exitCode", exitUnsettledTLA)
		}
	}
	code := r.processExitCode(0)
	r.emitExit(code)
	return r.processExitCode(code)
}
