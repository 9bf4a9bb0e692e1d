package nodelib

import (
	"cmp"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// internalBinding('process_wrap') (node/src/process_wrap.cc): the Process handle behind
// child_process.spawn, on os.StartProcess. A Process is a PROCESSWRAP; it keeps the loop alive
// while it is ref'd and its child runs, and calls onexit(exitCode, signalCode) when the child
// ends, as libuv's uv_spawn and its SIGCHLD handling do.
//
// Goroutines: one per child output forwarded to process.stdout/stderr (stdioFiles), ending at
// its EOF, and one per running child, waiting for it to end (os.Process.Wait) and posting
// onexit through IOHost.Post. It ends when the child does; when the program stops with a child
// still running, IOHost.OnStop kills the child (SIGKILL) and waits for the goroutine, so no
// goroutine and no zombie outlives Run. (Node leaves such children running; Studio's runtime
// must not leave work behind when a run ends.)

// providerProcessWrap is PROCESSWRAP's number in node v20's async_wrap Providers.
const providerProcessWrap = 25

// procHandle is the native side of one Process object.
type procHandle struct {
	s           *netState
	obj         *goja.Object
	id, trigger uint64

	proc     *os.Process
	refd     bool
	exited   bool
	closing  bool
	release  func()
	stopHook func()
	fwds     []streamSocket // pipes forwarding inherited output to process.stdout/stderr
	wg       sync.WaitGroup // the wait goroutine and the forwarders
}

func init() {
	bindingMakers["process_wrap"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("Process", l.netState().processClass())
		return b
	}
}

func (s *netState) processClass() goja.Value {
	l := s.l
	vm := l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		host := s.ioHost()
		h := &procHandle{s: s, obj: call.This, refd: true}
		h.id, h.trigger = host.NewAsyncResource("PROCESSWRAP")
		h.stopHook = host.OnStop(h.stop)
		_ = call.This.DefineDataPropertySymbol(s.slot, vm.ToValue(h), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("Process"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	method := func(name string, fn func(h *procHandle, call goja.FunctionCall) goja.Value) {
		_ = proto.Set(name, func(call goja.FunctionCall) goja.Value {
			return fn(s.process(call.This), call)
		})
	}
	method("getAsyncId", func(h *procHandle, _ goja.FunctionCall) goja.Value { return vm.ToValue(int64(h.id)) })
	method("getProviderType", func(*procHandle, goja.FunctionCall) goja.Value { return vm.ToValue(providerProcessWrap) })
	method("spawn", func(h *procHandle, call goja.FunctionCall) goja.Value {
		return vm.ToValue(h.spawn(call.Argument(0).ToObject(vm)))
	})
	method("kill", func(h *procHandle, call goja.FunctionCall) goja.Value {
		if h.proc == nil || h.exited {
			return vm.ToValue(-int(unix.ESRCH))
		}
		err := h.proc.Signal(syscall.Signal(call.Argument(0).ToInteger()))
		if errors.Is(err, os.ErrProcessDone) {
			return vm.ToValue(-int(unix.ESRCH))
		}
		return vm.ToValue(uvErr(err))
	})
	method("ref", func(h *procHandle, _ goja.FunctionCall) goja.Value {
		h.refd = true
		h.updateRef()
		return goja.Undefined()
	})
	method("unref", func(h *procHandle, _ goja.FunctionCall) goja.Value {
		h.refd = false
		h.updateRef()
		return goja.Undefined()
	})
	method("hasRef", func(h *procHandle, _ goja.FunctionCall) goja.Value { return vm.ToValue(h.refd && !h.closing) })
	method("close", func(h *procHandle, call goja.FunctionCall) goja.Value {
		h.close(call.Argument(0))
		return goja.Undefined()
	})
	return ctor
}

// process returns the native handle of a Process object.
func (s *netState) process(v goja.Value) *procHandle {
	if o, ok := v.(*goja.Object); ok {
		if x := o.GetSymbol(s.slot); x != nil {
			if h, ok := x.Export().(*procHandle); ok {
				return h
			}
		}
	}
	panic(s.l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
}

// updateRef holds a loop reference exactly while the child runs and the handle is ref'd and open.
func (h *procHandle) updateRef() {
	want := h.refd && !h.closing && h.proc != nil && !h.exited
	switch {
	case want && h.release == nil:
		h.release = h.s.host.Ref()
	case !want && h.release != nil:
		h.release()
		h.release = nil
	}
}

// childCwd is where a child starts: cwd as given (relative to the program's own working
// directory), or the program's (process.cwd()) when none is given, as a child of node
// inherits it. "" is the Go process's.
func (l *Lib) childCwd(cwd string) string {
	h, ok := l.opts.Host.(CwdHost)
	if !ok || strings.HasPrefix(cwd, "/") {
		return cwd
	}
	own := h.Cwd()
	if own == "" || cwd == "" {
		return cmp.Or(cwd, own)
	}
	return strings.TrimSuffix(own, "/") + "/" + cwd
}

// spawnOptions are process_wrap's and spawn_sync's options object, read.
type spawnOptions struct {
	file     string
	args     []string
	cwd      string
	env      []string
	detached bool
	uid, gid *uint32
}

func readSpawnOptions(vm *goja.Runtime, o *goja.Object) spawnOptions {
	var so spawnOptions
	so.file = o.Get("file").String()
	so.args = stringList(vm, o.Get("args"))
	if v := o.Get("cwd"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		so.cwd = v.String()
	}
	so.env = stringList(vm, o.Get("envPairs"))
	if v := o.Get("detached"); v != nil {
		so.detached = v.ToBoolean()
	}
	for _, f := range []struct {
		name string
		dst  **uint32
	}{{"uid", &so.uid}, {"gid", &so.gid}} {
		if v := o.Get(f.name); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
			n := uint32(v.ToInteger())
			*f.dst = &n
		}
	}
	return so
}

func stringList(vm *goja.Runtime, v goja.Value) []string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	o := v.ToObject(vm)
	n := int(o.Get("length").ToInteger())
	out := make([]string, n)
	for i := range out {
		out[i] = o.Get(strconv.Itoa(i)).String()
	}
	return out
}

// attr makes os.StartProcess's attributes for files as the child's descriptors 0, 1, ...
func (so *spawnOptions) attr(files []*os.File) *os.ProcAttr {
	sys := &syscall.SysProcAttr{Setsid: so.detached}
	if so.uid != nil || so.gid != nil {
		c := &syscall.Credential{Uid: uint32(os.Getuid()), Gid: uint32(os.Getgid()), NoSetGroups: true}
		if so.uid != nil {
			c.Uid = *so.uid
		}
		if so.gid != nil {
			c.Gid = *so.gid
		}
		sys.Credential = c
	}
	env := so.env
	if env == nil {
		env = []string{} // node always passes envPairs; none means an empty environment
	}
	return &os.ProcAttr{Dir: so.cwd, Env: env, Files: files, Sys: sys}
}

// path finds the program as libuv's uv_spawn does (execvp): a name with a slash is used as
// given; otherwise it is looked up in the child's PATH, or the parent's when the child has none.
func (so *spawnOptions) path() (string, error) {
	if strings.Contains(so.file, "/") {
		return so.file, nil
	}
	pathEnv, found := "", false
	for _, kv := range so.env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			pathEnv, found = v, true
		}
	}
	if !found {
		pathEnv = os.Getenv("PATH")
	}
	err := error(unix.ENOENT)
	for _, dir := range filepath.SplitList(pathEnv) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, so.file)
		if !filepath.IsAbs(p) && so.cwd != "" {
			p = filepath.Join(so.cwd, p)
		}
		st, serr := os.Stat(p)
		if serr != nil || st.IsDir() {
			continue
		}
		if unix.Access(p, unix.X_OK) != nil {
			err = unix.EACCES // execvp goes on looking but reports EACCES if nothing else runs
			continue
		}
		return p, nil
	}
	return "", err
}

// stdioFiles opens the child's descriptors for node's stdio option list ({type: 'pipe' |
// 'ignore' | 'inherit' | 'fd' | 'wrap', fd, handle}). onPipe is called for each pipe with its
// index and the parent's end. The returned files are closed by the caller once the child has
// started (they are the child's ends and duplicates of inherited descriptors).
//
// A child's inherited stdout or stderr is the program's process.stdout / process.stderr, which
// in Studio is the host's writer rather than descriptor 1 or 2 (unless it is a terminal): such
// a descriptor is a pipe whose parent end onForward receives, with the stream to write to.
func stdioFiles(vm *goja.Runtime, stdio goja.Value, onPipe func(i int, st *goja.Object, parent streamSocket) error,
	onForward func(stream *goja.Object, parent streamSocket)) ([]*os.File, error) {
	var files []*os.File
	fail := func(err error) ([]*os.File, error) {
		closeFiles(files)
		return nil, err
	}
	if stdio == nil || goja.IsUndefined(stdio) || goja.IsNull(stdio) {
		return nil, nil
	}
	list := stdio.ToObject(vm)
	n := int(list.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		st := list.Get(strconv.Itoa(i)).ToObject(vm)
		switch st.Get("type").String() {
		case "pipe", "overlapped":
			child, parent, err := stdioSocketpair()
			if err != nil {
				return fail(err)
			}
			files = append(files, child)
			if err := onPipe(i, st, parent); err != nil {
				_ = parent.Close()
				return fail(err)
			}
		case "ignore":
			// libuv gives the child /dev/null for an ignored 0, 1 or 2 and nothing beyond.
			if i > 2 {
				files = append(files, nil)
				continue
			}
			f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
			if err != nil {
				return fail(err)
			}
			files = append(files, f)
		case "wrap":
			// A stream handle of this program (a socket or another child's pipe).
			fd := -1
			if o, ok := st.Get("handle").(*goja.Object); ok {
				if v := o.Get("fd"); v != nil {
					fd = int(v.ToInteger())
				}
			}
			f, err := dupFile(fd)
			if err != nil {
				return fail(err)
			}
			files = append(files, f)
		default: // "inherit", "fd"
			fd := int(st.Get("fd").ToInteger())
			if stream := programStdio(vm, fd); stream != nil {
				child, parent, err := stdioSocketpair()
				if err != nil {
					return fail(err)
				}
				files = append(files, child)
				onForward(stream, parent)
				continue
			}
			f, err := dupFile(fd)
			if err != nil {
				return fail(err)
			}
			files = append(files, f)
		}
	}
	return files, nil
}

// drainSocket hands to post what c holds now, without waiting for more. It reads the
// (non-blocking) descriptor directly: c has a read deadline in the past, which Go's Read and
// RawConn.Read refuse to read under.
func drainSocket(c streamSocket, buf []byte, post func([]byte)) {
	raw, err := c.SyscallConn()
	if err != nil {
		return
	}
	for {
		n := 0
		if raw.Control(func(fd uintptr) {
			for {
				m, e := unix.Read(int(fd), buf)
				if e == unix.EINTR {
					continue
				}
				n = max(m, 0)
				return
			}
		}) != nil || n == 0 {
			return
		}
		post(buf[:n])
	}
}

// programStdio is process.stdout (fd 1) or process.stderr (fd 2) when the child's output
// should go through it: when it is not a terminal (a terminal is the real descriptor, and the
// child should see it as one). Otherwise nil: the child gets the descriptor itself.
func programStdio(vm *goja.Runtime, fd int) *goja.Object {
	if fd != 1 && fd != 2 {
		return nil
	}
	proc, ok := vm.Get("process").(*goja.Object)
	if !ok {
		return nil
	}
	name := "stdout"
	if fd == 2 {
		name = "stderr"
	}
	stream, ok := proc.Get(name).(*goja.Object)
	if !ok || stream.Get("isTTY").ToBoolean() {
		return nil
	}
	if _, ok := goja.AssertFunction(stream.Get("write")); !ok {
		return nil
	}
	return stream
}

// dupFile duplicates fd so the child can be given it without an os.File owning the original.
func dupFile(fd int) (*os.File, error) {
	if fd < 0 {
		return nil, unix.EBADF
	}
	d, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(d), "stdio"), nil
}

func closeFiles(files []*os.File) {
	for _, f := range files {
		if f != nil {
			_ = f.Close()
		}
	}
}

// startErr is the negative errno of a failed os.StartProcess.
func startErr(err error) int {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return -int(errno)
	}
	return uvErr(err)
}

// spawn is ProcessWrap::Spawn: 0, or a negative errno when the child could not be started. As
// in libuv, the stdio pipes are opened either way (a child that never ran reads as EOF).
func (h *procHandle) spawn(o *goja.Object) int {
	s := h.s
	vm := s.l.vm
	if h.proc != nil || h.closing {
		return uvEINVAL
	}
	so := readSpawnOptions(vm, o)
	so.cwd = s.l.childCwd(so.cwd)
	type forward struct {
		stream *goja.Object
		conn   streamSocket
	}
	var fwds []forward
	files, err := stdioFiles(vm, o.Get("stdio"), func(i int, st *goja.Object, parent streamSocket) error {
		ph := s.tcp(st.Get("handle"))
		ph.sc = newStreamConn(parent)
		return nil
	}, func(stream *goja.Object, parent streamSocket) {
		fwds = append(fwds, forward{stream, parent})
	})
	if err != nil {
		for _, f := range fwds {
			_ = f.conn.Close()
		}
		return startErr(err)
	}
	host := s.host
	// Each forwarder hands the child's output to the loop chunk by chunk, where it is written
	// to the program's stream; onexit waits for them, so the output comes before 'exit' as
	// it does when the child writes to the descriptor itself.
	var fwdWG sync.WaitGroup
	for _, f := range fwds {
		h.fwds = append(h.fwds, f.conn)
		fwdWG.Add(1)
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			defer f.conn.Close()
			drained := false
			defer func() {
				if !drained {
					fwdWG.Done()
				}
			}()
			post := func(b []byte) {
				chunk := append([]byte(nil), b...)
				host.Post(h.id, h.trigger, "PROCESSWRAP", func() (goja.Value, goja.Value, []goja.Value) {
					return f.stream.Get("write"), f.stream, []goja.Value{s.l.newBuffer(chunk)}
				})
			}
			buf := make([]byte, readChunkSize)
			for {
				n, err := f.conn.Read(buf)
				if n > 0 {
					post(buf[:n])
				}
				if errors.Is(err, os.ErrDeadlineExceeded) && !drained {
					// The child has exited (the wait goroutine set the deadline): all it
					// wrote is in the socket. Hand that over and let onexit go; output of
					// a grandchild still holding the pipe keeps being forwarded.
					drainSocket(f.conn, buf, post)
					drained = true
					fwdWG.Done()
					_ = f.conn.SetReadDeadline(time.Time{})
					continue
				}
				if err != nil {
					return
				}
			}
		}()
	}
	startFailed := func(code int) int {
		for _, f := range fwds {
			_ = f.conn.Close()
		}
		return code
	}
	defer closeFiles(files)
	path, err := so.path()
	if err != nil {
		return startFailed(startErr(err))
	}
	proc, err := os.StartProcess(path, so.args, so.attr(files))
	if err != nil {
		return startFailed(startErr(err))
	}
	h.proc = proc
	_ = h.obj.Set("pid", proc.Pid)
	h.updateRef()
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		st, werr := proc.Wait()
		for _, f := range fwds {
			_ = f.conn.SetReadDeadline(time.Now())
		}
		fwdWG.Wait()
		code, sig := 0, ""
		if werr == nil {
			if ws, ok := st.Sys().(syscall.WaitStatus); ok {
				if ws.Signaled() {
					sig = unix.SignalName(ws.Signal())
				} else {
					code = ws.ExitStatus()
				}
			}
		}
		host.Post(h.id, h.trigger, "PROCESSWRAP", func() (goja.Value, goja.Value, []goja.Value) {
			h.exited = true
			h.updateRef()
			if h.closing {
				return nil, nil, nil
			}
			if werr != nil {
				return h.obj.Get("onexit"), h.obj, []goja.Value{vm.ToValue(uvErr(werr)), vm.ToValue("")}
			}
			return h.obj.Get("onexit"), h.obj, []goja.Value{vm.ToValue(code), vm.ToValue(sig)}
		})
	}()
	return 0
}

// close is HandleWrap::Close: cb (if a function) runs on a later loop turn, then the resource
// is destroyed. The child keeps running; its wait goroutine still reaps it.
func (h *procHandle) close(cb goja.Value) {
	if h.closing {
		return
	}
	h.closing = true
	h.updateRef()
	host := h.s.host
	release := host.Ref()
	host.Post(h.id, h.trigger, "PROCESSWRAP", func() (goja.Value, goja.Value, []goja.Value) {
		release()
		host.DestroyAsyncResource(h.id, "PROCESSWRAP")
		if _, ok := goja.AssertFunction(cb); !ok {
			return nil, nil, nil
		}
		return cb, h.obj, nil
	})
}

// stop is the handle's IOHost.OnStop hook: a child still running is killed and reaped, so its
// wait goroutine ends before Run returns. Loop goroutine, after JavaScript has stopped.
func (h *procHandle) stop() {
	if h.proc != nil {
		_ = h.proc.Kill() // os.ErrProcessDone once reaped
	}
	for _, c := range h.fwds {
		_ = c.Close() // a grandchild may still hold the child's end
	}
	h.wg.Wait()
	if !h.closing {
		h.s.host.DestroyAsyncResource(h.id, "PROCESSWRAP")
	}
}
