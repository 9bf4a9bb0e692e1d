package nodelib

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// testHost is the smallest host nodelib needs: a runtime on the test goroutine, a process
// object whose stdout/stderr write into buffers, nextTick and setImmediate queues, and a drain
// loop. Promise jobs run whenever the outermost Go-to-JS call returns, as in the real loop.
type testHost struct {
	t              testing.TB
	vm             *goja.Runtime
	lib            *Lib
	stdout, stderr strings.Builder
	ticks          []func()
	immediates     []func()
	timers         []hostTimer
	timerSeq       int
	trampoline     goja.Callable
}

// hostTimer is a setTimeout callback; the test host has no clock and fires timers in
// (delay, creation) order once the other queues are empty.
type hostTimer struct {
	delay   float64
	seq     int
	fn      func()
	cleared *bool
}

func newTestHost(t testing.TB) *testHost {
	t.Helper()
	h := &testHost{t: t, vm: goja.New()}
	// goja has no call stack limit of its own; V8 throws RangeError near 10k frames.
	h.vm.SetMaxCallStackSize(10000)
	process, err := h.vm.RunString(`(function (host) {
  const cwd = host.cwd;
  return {
    title: 'node', version: 'v20.20.2', platform: 'linux', arch: 'x64', pid: 4242, execArgv: [],
    versions: { node: '20.20.2', v8: '11.3.244.8-node.33', uv: '1.46.0', modules: '115' },
    release: { name: 'node' },
    features: { inspector: false },
    env: { __proto__: null, HOME: '/root' },
    argv: ['/usr/local/bin/node', '/tmp/script.js'],
    cwd() { return cwd; },
    nextTick(fn, ...args) { host.tick(() => fn(...args)); },
    emitWarning(warning, type) { host.stderr((type || 'Warning') + ': ' + warning + '\n'); },
    stdout: { fd: 1, isTTY: false, write(chunk, cb) { host.stdout(String(chunk)); return true; } },
    stderr: { fd: 2, isTTY: false, write(chunk, cb) { host.stderr(String(chunk)); return true; } },
  };
})`)
	if err != nil {
		t.Fatal(err)
	}
	mk, _ := goja.AssertFunction(process)
	cwd, _ := os.Getwd()
	hostObj := h.vm.NewObject()
	_ = hostObj.Set("cwd", cwd)
	_ = hostObj.Set("stdout", func(s string) { h.stdout.WriteString(s) })
	_ = hostObj.Set("stderr", func(s string) { h.stderr.WriteString(s) })
	_ = hostObj.Set("tick", func(fn goja.Callable) { h.ticks = append(h.ticks, func() { h.call(fn) }) })
	p, err := mk(goja.Undefined(), hostObj)
	if err != nil {
		t.Fatal(err)
	}
	h.vm.Set("process", p)
	h.lib, err = New(h.vm, Options{Process: p.ToObject(h.vm)})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.lib.InstallGlobals(); err != nil {
		t.Fatal(err)
	}
	h.vm.Set("require", func(id string) goja.Value {
		v, err := h.lib.Require(id)
		if err != nil {
			var ex *goja.Exception
			if errors.As(err, &ex) {
				panic(ex.Value())
			}
			panic(h.vm.NewGoError(err))
		}
		return v
	})
	h.vm.Set("setImmediate", func(fn goja.Callable, args ...goja.Value) {
		h.immediates = append(h.immediates, func() { h.call(fn, args...) })
	})
	timers := h.vm.NewObject()
	_ = timers.Set("setTimeout", func(fn goja.Callable, delay float64, args ...goja.Value) goja.Value {
		cleared := false
		h.timerSeq++
		h.timers = append(h.timers, hostTimer{delay: delay, seq: h.timerSeq, fn: func() { h.call(fn, args...) }, cleared: &cleared})
		handle := h.vm.NewObject()
		_ = handle.Set("unref", func() goja.Value { return handle })
		_ = handle.Set("ref", func() goja.Value { return handle })
		_ = handle.Set("clear", func() { cleared = true })
		return handle
	})
	_ = timers.Set("clearTimeout", func(handle goja.Value) {
		if o, ok := handle.(*goja.Object); ok {
			if fn, ok := goja.AssertFunction(o.Get("clear")); ok {
				_, _ = fn(o)
			}
		}
	})
	_ = timers.Set("setImmediate", h.vm.Get("setImmediate"))
	h.lib.Provide("timers", timers)
	h.vm.Set("setTimeout", timers.Get("setTimeout"))
	h.vm.Set("clearTimeout", timers.Get("clearTimeout"))
	return h
}

func (h *testHost) call(fn goja.Callable, args ...goja.Value) {
	if _, err := fn(goja.Undefined(), args...); err != nil {
		h.stderr.WriteString("uncaught: " + describe(err) + "\n")
	}
}

func describe(err error) string {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.String()
	}
	return err.Error()
}

// run runs src as a script, then drains nextTicks, promise jobs, immediates and timers until
// all are empty, in node's order: a macrotask, then all nextTicks, then the promise jobs (goja
// runs them when the outermost Go-to-JS call returns, so each macrotask and the ticks after it
// share one outermost call), again while ticks remain.
func (h *testHost) run(name, src string) error {
	prog, err := goja.Compile(name, src, false)
	if err != nil {
		return fmt.Errorf("compiling %s: %s", name, describe(err))
	}
	var runErr error
	h.outermost(func() {
		if _, err := h.vm.RunProgram(prog); err != nil {
			runErr = fmt.Errorf("running %s: %s", name, describe(err))
		}
	})
	if runErr != nil {
		return runErr
	}
	h.drain()
	return nil
}

// outermost runs fn and then every queued nextTick inside one outermost call. The call goes
// through a JS frame: goja treats a Go function called straight from Go as outermost itself.
func (h *testHost) outermost(fn func()) {
	if h.trampoline == nil {
		v, err := h.vm.RunString(`(function trampoline(run) { run(); })`)
		if err != nil {
			h.t.Fatal(err)
		}
		h.trampoline, _ = goja.AssertFunction(v)
	}
	body := h.vm.ToValue(func() {
		fn()
		for len(h.ticks) > 0 {
			tick := h.ticks[0]
			h.ticks = h.ticks[1:]
			tick()
		}
	})
	if _, err := h.trampoline(goja.Undefined(), body); err != nil {
		h.stderr.WriteString("uncaught: " + describe(err) + "\n")
	}
}

func (h *testHost) drain() {
	for {
		for len(h.ticks) > 0 {
			h.outermost(func() {})
		}
		if len(h.immediates) > 0 {
			batch := h.immediates
			h.immediates = nil
			for _, fn := range batch {
				h.outermost(fn)
				for len(h.ticks) > 0 {
					h.outermost(func() {})
				}
			}
			continue
		}
		if len(h.timers) == 0 {
			return
		}
		next := 0
		for i, tm := range h.timers {
			if tm.delay < h.timers[next].delay || tm.delay == h.timers[next].delay && tm.seq < h.timers[next].seq {
				next = i
			}
		}
		tm := h.timers[next]
		h.timers = append(h.timers[:next], h.timers[next+1:]...)
		if !*tm.cleared {
			h.outermost(tm.fn)
		}
	}
}
