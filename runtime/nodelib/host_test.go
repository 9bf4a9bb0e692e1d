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
	h.provideFS()
	h.vm.Set("setImmediate", func(fn goja.Callable, args ...goja.Value) {
		h.immediates = append(h.immediates, func() { h.call(fn, args...) })
	})
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

// run runs src as a script, then drains nextTicks and immediates until both queues are empty.
func (h *testHost) run(name, src string) error {
	_, err := h.vm.RunScript(name, src)
	if err != nil {
		return fmt.Errorf("running %s: %s", name, describe(err))
	}
	h.drain()
	return nil
}

func (h *testHost) drain() {
	for len(h.ticks) > 0 || len(h.immediates) > 0 {
		for len(h.ticks) > 0 {
			fn := h.ticks[0]
			h.ticks = h.ticks[1:]
			fn()
		}
		if len(h.immediates) > 0 {
			batch := h.immediates
			h.immediates = nil
			for _, fn := range batch {
				fn()
				for len(h.ticks) > 0 {
					fn := h.ticks[0]
					h.ticks = h.ticks[1:]
					fn()
				}
			}
		}
	}
}

// provideFS gives node's lib the three fs calls assert uses to quote a failed assert.ok()
// expression; the real host provides the whole fs module.
func (h *testHost) provideFS() {
	files := map[int64]*os.File{}
	next := int64(100)
	fs := h.vm.NewObject()
	_ = fs.Set("openSync", func(path string) int64 {
		f, err := os.Open(path)
		if err != nil {
			panic(h.vm.NewGoError(err))
		}
		next++
		files[next] = f
		return next
	})
	_ = fs.Set("readSync", func(fd int64, buf goja.Value, offset, length int64) int64 {
		b, ok := h.lib.bytesOf(buf)
		if !ok {
			panic(h.vm.NewTypeError("readSync: buffer expected"))
		}
		n, err := files[fd].Read(b[offset : offset+length])
		if err != nil && n == 0 {
			return 0
		}
		return int64(n)
	})
	_ = fs.Set("closeSync", func(fd int64) {
		files[fd].Close()
		delete(files, fd)
	})
	h.lib.Provide("fs", fs)
}
