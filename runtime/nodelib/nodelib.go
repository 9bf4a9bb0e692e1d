package nodelib

//go:generate go run ./internal/gen -out lib

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// ErrNotBuiltin is returned by Require for an id that is not a Node.js builtin module.
var ErrNotBuiltin = errors.New("nodelib: not a builtin module")

// ErrUnavailable is returned by Require for a Node.js builtin module that nodelib does not embed
// and the host did not provide.
var ErrUnavailable = errors.New("nodelib: builtin module not available")

// Options configures a Lib.
type Options struct {
	// Process is the host's process object. nodelib reads process.stdout/stderr/env/argv/
	// nextTick/emitWarning lazily, never inside New.
	Process *goja.Object
	// Host gives bindings the worker pool and the loop (fs, crypto, zlib,
	// perf_hooks). Modules that need it are unavailable when it is nil.
	Host Host
}

// Lib is node's standard library installed in one goja.Runtime.
type Lib struct {
	vm          *goja.Runtime
	opts        Options
	primordials *goja.Object
	require     goja.Callable
	provide     goja.Callable
	isLoaded    goja.Callable
	binding     goja.Value // the internalBinding function handed to modules
	bindings    map[string]*goja.Object
	provided    map[string]bool
	stack       *stackState

	propertyIsEnumerable goja.Callable
	bindingDataObj       *goja.Object
	errorHooks           map[string]goja.Value
	domExceptionCtor     goja.Value
	created              time.Time
	typedArrayTag        goja.Value
}

// New prepares vm for node's lib: polyfills (WeakRef, FinalizationRegistry,
// Error.captureStackTrace, Error.stackTraceLimit), primordials and the internal loader. It loads
// no public module, so it stays cheap.
func New(vm *goja.Runtime, opts Options) (l *Lib, err error) {
	l = &Lib{
		vm:       vm,
		opts:     opts,
		bindings: map[string]*goja.Object{},
		provided: map[string]bool{},

		errorHooks: map[string]goja.Value{},
		created:    time.Now(),
	}
	err = l.guard(func() error {
		if err := l.installErrorSupport(); err != nil {
			return err
		}
		poly, err := runFunction(vm, "polyfills.js")
		if err != nil {
			return err
		}
		// The polyfills of String.prototype.isWellFormed and toWellFormed call these (with a
		// string): a JS loop over the code units takes goja about half a second per MiB.
		jsIsWellFormed := func(v goja.Value) bool {
			s, ok := v.(goja.String)
			return !ok || isWellFormed(s)
		}
		jsToWellFormed := func(v goja.Value) goja.Value {
			if jsIsWellFormed(v) {
				return v
			}
			return vm.ToValue(v.String()) // goja's String() makes each lone surrogate U+FFFD
		}
		if _, err := poly(goja.Undefined(), vm.GlobalObject(), l.stack.captureConstructed, vm.ToValue(jsIsWellFormed), vm.ToValue(jsToWellFormed)); err != nil {
			return fmt.Errorf("installing polyfills: %w", err)
		}
		l.primordials = vm.NewObject()
		prim, err := l.compile("internal/per_context/primordials")
		if err != nil {
			return err
		}
		if _, err := prim(goja.Undefined(), vm.NewObject(), l.primordials); err != nil {
			return fmt.Errorf("running primordials: %w", err)
		}
		loader, err := runFunction(vm, "loader.js")
		if err != nil {
			return err
		}
		l.binding = vm.ToValue(l.internalBinding)
		compile := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			id := call.Argument(0).String()
			fn, err := l.compileModule(id)
			if err != nil {
				panic(l.newError("Error", err.Error(), ""))
			}
			return fn
		})
		getProcess := vm.ToValue(func() goja.Value {
			if l.opts.Process == nil {
				return goja.Undefined()
			}
			return l.opts.Process
		})
		res, err := loader(goja.Undefined(), compile, l.binding, l.primordials, getProcess)
		if err != nil {
			return fmt.Errorf("starting the loader: %w", err)
		}
		obj := res.ToObject(vm)
		l.require, _ = goja.AssertFunction(obj.Get("require"))
		l.provide, _ = goja.AssertFunction(obj.Get("provide"))
		l.isLoaded, _ = goja.AssertFunction(obj.Get("isLoaded"))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("starting nodelib: %w", err)
	}
	return l, nil
}

// Require returns the exports of the public builtin module id ("util" or "node:util"), loading
// it on first use.
func (l *Lib) Require(id string) (v goja.Value, err error) {
	name := strings.TrimPrefix(id, "node:")
	if !l.provided[name] && !l.IsBuiltin(id) {
		return nil, fmt.Errorf("requiring %q: %w", id, ErrNotBuiltin)
	}
	if name == "sys" {
		name = "util"
	}
	if !l.provided[name] && !hasModule(name) {
		return nil, fmt.Errorf("requiring %q: %w", id, ErrUnavailable)
	}
	err = l.guard(func() error {
		var err error
		v, err = l.require(goja.Undefined(), l.vm.ToValue(name))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("requiring %q: %w", id, err)
	}
	return v, nil
}

// RequireInternal returns the exports of one of node's internal modules, for the host's own
// wiring only (user code must never reach it): e.g. internal/process/warning, whose
// emitWarning and onWarning are node's process.emitWarning and default 'warning' listener.
func (l *Lib) RequireInternal(id string) (v goja.Value, err error) {
	if !l.provided[id] && !hasModule(id) {
		return nil, fmt.Errorf("requiring internal %q: %w", id, ErrUnavailable)
	}
	err = l.guard(func() error {
		var err error
		v, err = l.require(goja.Undefined(), l.vm.ToValue(id))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("requiring internal %q: %w", id, err)
	}
	return v, nil
}

// Provide registers exports as module id for both user code (through Require) and node's lib
// code (through its internal require). Provided modules win over embedded ones. Provide a
// module before anything requires it: a module already loaded keeps the exports it got.
func (l *Lib) Provide(id string, exports goja.Value) {
	name := strings.TrimPrefix(id, "node:")
	l.provided[name] = true
	_ = l.guard(func() error {
		_, err := l.provide(goja.Undefined(), l.vm.ToValue(name), exports)
		return err
	})
}

// IsBuiltin reports whether id names one of Node 20's builtin modules
// (require('module').builtinModules, plus the node:-only ones), with or without "node:".
func (l *Lib) IsBuiltin(id string) bool {
	if name, ok := strings.CutPrefix(id, "node:"); ok {
		return builtinModules[name] || schemeOnlyModules[name]
	}
	return builtinModules[id]
}

// guard runs fn, turning a panic raised inside goja (a JS exception thrown through Go, or a Go
// runtime error goja re-panics) into an error.
func (l *Lib) guard(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case *goja.Exception:
				err = x
			case *goja.InterruptedError:
				err = x
			case error:
				err = fmt.Errorf("nodelib: %w", x)
			default:
				err = fmt.Errorf("nodelib: %v", x)
			}
		}
	}()
	return fn()
}

// builtinModules is require('module').builtinModules of node v20.
var builtinModules = map[string]bool{}

// schemeOnlyModules can only be required with the node: prefix.
var schemeOnlyModules = map[string]bool{"test": true, "test/reporters": true, "sea": true}

func init() {
	for _, id := range strings.Fields(`_http_agent _http_client _http_common _http_incoming
		_http_outgoing _http_server _stream_duplex _stream_passthrough _stream_readable
		_stream_transform _stream_wrap _stream_writable _tls_common _tls_wrap assert assert/strict
		async_hooks buffer child_process cluster console constants crypto dgram
		diagnostics_channel dns dns/promises domain events fs fs/promises http http2 https
		inspector inspector/promises module net os path path/posix path/win32 perf_hooks process
		punycode querystring readline readline/promises repl stream stream/consumers
		stream/promises stream/web string_decoder sys timers timers/promises tls trace_events tty
		url util util/types v8 vm wasi worker_threads zlib`) {
		builtinModules[id] = true
	}
}
