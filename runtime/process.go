package runtime

import (
	"fmt"
	"math/big"
	"os"
	goruntime "runtime"
	"strings"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"github.com/studiojs/studio/runtime/nodelib"
)

// setupProcess fills in the process object: the Go-backed properties here,
// the rest in js/process.js.
func (r *Runtime) setupProcess(prog *goja.Program) error {
	vm := r.vm
	p := r.process

	argv := []any{r.opts.ExecPath}
	if r.opts.Main != "" {
		argv = append(argv, r.absMain())
	}
	for _, a := range r.opts.Args {
		argv = append(argv, a)
	}
	must(p.Set("argv", vm.NewArray(argv...)))
	must(p.Set("argv0", "node"))
	must(p.Set("execArgv", vm.NewArray()))
	must(p.Set("execPath", r.opts.ExecPath))
	must(p.Set("title", "studio"))
	must(p.Set("version", NodeVersion))
	versions := vm.NewObject()
	must(versions.Set("node", strings.TrimPrefix(NodeVersion, "v")))
	must(versions.Set("studio", Version))
	must(versions.Set("goja", "20260917113740"))
	must(versions.Set("go", goruntime.Version()))
	must(p.Set("versions", versions))
	release := vm.NewObject()
	must(release.Set("name", "node"))
	must(p.Set("release", release))
	must(p.Set("platform", goruntime.GOOS))
	must(p.Set("arch", nodeArch(goruntime.GOARCH)))
	must(p.Set("pid", os.Getpid()))
	must(p.Set("ppid", os.Getppid()))
	must(p.Set("nextTick", r.jsNextTick))
	must(p.Set("cwd", func() string { return r.opts.Cwd }))
	must(p.Set("chdir", func(dir string) {
		if !strings.HasPrefix(dir, "/") {
			dir = r.opts.Cwd + "/" + dir
		}
		fi, err := os.Stat(dir)
		if err != nil || !fi.IsDir() {
			e := vm.NewGoError(fmt.Errorf("ENOENT: no such file or directory, chdir %s -> '%s'", r.opts.Cwd, dir))
			_ = e.Set("code", "ENOENT")
			panic(e)
		}
		r.opts.Cwd = cleanPath(dir)
	}))
	must(p.Set("uptime", func() float64 { return time.Since(r.start).Seconds() }))
	must(p.Set("memoryUsage", r.memoryUsage))
	must(p.Set("cpuUsage", func(call goja.FunctionCall) goja.Value {
		var ru unix.Rusage
		_ = unix.Getrusage(unix.RUSAGE_SELF, &ru)
		user := float64(ru.Utime.Sec*1e6 + int64(ru.Utime.Usec))
		system := float64(ru.Stime.Sec*1e6 + int64(ru.Stime.Usec))
		// cpuUsage(previous) is the time since previous, as node's is.
		if prev, ok := call.Argument(0).Export().(map[string]any); ok {
			if u, ok := prev["user"].(float64); ok {
				user -= u
			} else if u, ok := prev["user"].(int64); ok {
				user -= float64(u)
			}
			if v, ok := prev["system"].(float64); ok {
				system -= v
			} else if v, ok := prev["system"].(int64); ok {
				system -= float64(v)
			}
		}
		// A Go map would give the keys in random order; node's are user, system.
		o := vm.NewObject()
		must(o.Set("user", user))
		must(o.Set("system", system))
		return o
	}))
	must(p.Set("umask", func() int { old := unix.Umask(0); unix.Umask(old); return old }))
	must(p.Set("getuid", os.Getuid))
	must(p.Set("geteuid", os.Geteuid))
	must(p.Set("getgid", os.Getgid))
	must(p.Set("getegid", os.Getegid))
	features := vm.NewObject()
	for _, f := range []string{"inspector", "ipv6", "tls", "cached_builtins"} {
		must(features.Set(f, true))
	}
	must(p.Set("features", features))

	binding := vm.NewObject()
	env := vm.NewObject()
	for _, kv := range r.opts.Env {
		if i := strings.IndexByte(kv, '='); i > 0 {
			must(env.Set(kv[:i], kv[i+1:]))
		}
	}
	must(binding.Set("env", env))
	must(binding.Set("invalidArgType", r.jsInvalidArgType))
	must(binding.Set("nodeError", func(call goja.FunctionCall) goja.Value {
		return r.nodeError(call.Argument(0).String(), call.Arguments[1:]...)
	}))
	must(binding.Set("markExiting", func() { r.fieldsExiting = true }))
	must(binding.Set("reallyExit", func(code int) {
		r.exiting = true
		r.exitEmitted = true
		r.fieldsExiting = true
		r.exitCode = code
		r.vm.Interrupt(exitSignal{code})
	}))
	must(binding.Set("hrtimeNs", func() float64 { return float64(time.Since(hrtimeBase)) }))
	must(binding.Set("hrtimeBigint", func() goja.Value {
		return vm.ToValue(new(big.Int).SetInt64(int64(time.Since(hrtimeBase))))
	}))
	must(binding.Set("stdio", func(fd int) *goja.Object {
		w, raw := r.stdout, r.opts.Stdout
		if fd == 2 {
			w, raw = r.stderr, r.opts.Stderr
		}
		s, err := r.lib.NewStdioStream(fd, w, isTerminal(fd, raw))
		if err != nil {
			panic(r.newError(fmt.Sprintf("creating process stdio: %v", err)))
		}
		return s
	}))
	must(binding.Set("requireInternal", func(id string) goja.Value {
		v, err := r.lib.RequireInternal(id)
		if err != nil {
			panic(r.newError(err.Error()))
		}
		return v
	}))

	// Node's lib reads process.versions and friends while it loads, so
	// events comes after the plain properties above.
	eventsV, err := r.lib.Require("events")
	if err != nil {
		return fmt.Errorf("loading events for process: %w", err)
	}
	v, err := vm.RunProgram(prog)
	if err != nil {
		return fmt.Errorf("running process bootstrap: %w", err)
	}
	fn, _ := goja.AssertFunction(v)
	if _, err := fn(goja.Undefined(), p, binding, eventsV); err != nil {
		return fmt.Errorf("running process bootstrap: %w", err)
	}
	emit, ok := goja.AssertFunction(p.Get("emit"))
	if !ok {
		return fmt.Errorf("setting up process: emit is not a function")
	}
	r.emit = emit
	r.lib.Provide("process", p)
	must(vm.GlobalObject().Set("process", p))
	return nil
}

// hrtimeBase anchors process.hrtime at nodelib's clock origin, which
// performance milestones count from: eventLoopUtilization() compares both.
var hrtimeBase = nodelib.HrtimeOrigin()

func nodeArch(goarch string) string {
	switch goarch {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	}
	return goarch
}

func cleanPath(p string) string {
	out := make([]string, 0, 8)
	for _, part := range strings.Split(p, "/") {
		switch part {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, part)
		}
	}
	return "/" + strings.Join(out, "/")
}

func (r *Runtime) absMain() string {
	if strings.HasPrefix(r.opts.Main, "/") {
		return cleanPath(r.opts.Main)
	}
	return cleanPath(r.opts.Cwd + "/" + r.opts.Main)
}

// isTerminal reports whether w is this process's own fd and a terminal.
func isTerminal(fd int, w any) bool {
	f, ok := w.(*os.File)
	if !ok || int(f.Fd()) != fd {
		return false
	}
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}

func (r *Runtime) memoryUsage() map[string]any {
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	return map[string]any{
		"rss":          int64(ms.Sys),
		"heapTotal":    int64(ms.HeapSys),
		"heapUsed":     int64(ms.HeapAlloc),
		"external":     0,
		"arrayBuffers": 0,
	}
}

// emitWarning calls process.emitWarning from Go.
func (r *Runtime) emitWarning(msg, typ string) {
	if fn, ok := goja.AssertFunction(r.process.Get("emitWarning")); ok {
		_, _ = fn(r.process, r.vm.ToValue(msg), r.vm.ToValue(typ))
	}
}
