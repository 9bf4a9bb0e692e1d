package nodelib

import (
	"errors"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// internalBinding('spawn_sync') (node/src/spawn_sync.cc): spawn(options) runs a child to its
// end while the loop waits, as node's spawnSync, execSync and execFileSync do, and returns
// { error, status, signal, output, pid }. The options are process_wrap's plus input (per stdio
// pipe), timeout (ms), maxBuffer (bytes of output in all) and killSignal; a timeout is error
// ETIMEDOUT and too much output ENOBUFS, each after the child was sent killSignal.
//
// Goroutines: per call, one per output pipe (reading it to EOF), one per input pipe and one
// for the timeout; spawn returns only after every one of them has ended.

func init() {
	bindingMakers["spawn_sync"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("spawn", func(call goja.FunctionCall) goja.Value {
			return l.spawnSync(call.Argument(0).ToObject(l.vm))
		})
		return b
	}
}

// syncPipe is one stdio pipe of a spawnSync child, seen from the parent.
type syncPipe struct {
	i      int
	conn   streamSocket
	input  []byte // what to write to the child, for a readable pipe
	output bool   // whether the child's writes are collected
	data   []byte
	stream *goja.Object // for inherited output: process.stdout or process.stderr
}

func (l *Lib) spawnSync(o *goja.Object) goja.Value {
	vm := l.vm
	so := readSpawnOptions(vm, o)
	so.cwd = l.childCwd(so.cwd)
	var pipes []*syncPipe
	closePipes := func() {
		for _, p := range pipes {
			_ = p.conn.Close()
		}
	}
	result := vm.NewObject()
	failed := func(code int) goja.Value {
		closePipes()
		_ = result.Set("error", code)
		_ = result.Set("status", goja.Null())
		_ = result.Set("signal", goja.Null())
		_ = result.Set("output", goja.Null())
		_ = result.Set("pid", 0)
		return result
	}
	files, err := stdioFiles(vm, o.Get("stdio"), func(i int, st *goja.Object, parent streamSocket) error {
		p := &syncPipe{i: i, conn: parent, output: st.Get("writable").ToBoolean()}
		if in := st.Get("input"); in != nil && !goja.IsUndefined(in) && !goja.IsNull(in) {
			b, ok := l.bytesOf(in)
			if !ok {
				return unix.EINVAL
			}
			p.input = append([]byte(nil), b...)
		}
		pipes = append(pipes, p)
		return nil
	}, func(stream *goja.Object, parent streamSocket) {
		// Inherited output goes to the program's stream once the child is done: the loop,
		// which owns the stream, is blocked until then.
		pipes = append(pipes, &syncPipe{i: -1, conn: parent, output: true, stream: stream})
	})
	if err != nil {
		return failed(startErr(err))
	}
	path, err := so.path()
	if err != nil {
		closeFiles(files)
		return failed(startErr(err))
	}
	proc, err := os.StartProcess(path, so.args, so.attr(files))
	closeFiles(files)
	if err != nil {
		return failed(startErr(err))
	}

	killSig := syscall.SIGTERM
	if v := o.Get("killSignal"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		killSig = syscall.Signal(v.ToInteger())
	}
	maxBuffer := -1.0
	if v := o.Get("maxBuffer"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		maxBuffer = v.ToFloat()
	}
	var mu sync.Mutex
	errCode := 0 // the first of ETIMEDOUT / ENOBUFS, as spawn_sync's SetError keeps the first
	buffered := 0.0
	kill := func(code int) { // mu held
		if errCode == 0 {
			errCode = code
		}
		_ = proc.Signal(killSig)
	}
	var wg sync.WaitGroup
	for _, p := range pipes {
		switch {
		case p.output:
			wg.Add(1)
			go func() {
				defer wg.Done()
				buf := make([]byte, readChunkSize)
				for {
					n, err := p.conn.Read(buf)
					if n > 0 && p.stream != nil {
						mu.Lock()
						p.data = append(p.data, buf[:n]...) // not output: no maxBuffer
						mu.Unlock()
					} else if n > 0 {
						mu.Lock()
						p.data = append(p.data, buf[:n]...)
						buffered += float64(n)
						if maxBuffer > 0 && buffered > maxBuffer {
							kill(-int(unix.ENOBUFS))
						}
						mu.Unlock()
					}
					if errors.Is(err, os.ErrDeadlineExceeded) && p.stream != nil {
						// The child has exited: take what it wrote and stop, as node does
						// not wait for a grandchild holding an inherited descriptor.
						drainSocket(p.conn, buf, func(b []byte) {
							mu.Lock()
							p.data = append(p.data, b...)
							mu.Unlock()
						})
						return
					}
					if err != nil {
						return
					}
				}
			}()
		default:
			wg.Add(1)
			go func() {
				defer wg.Done()
				if len(p.input) > 0 {
					_, _ = p.conn.Write(p.input) // EPIPE when the child does not read: ignored, as node does
				}
				_ = p.conn.CloseWrite()
			}()
		}
	}
	var timer *time.Timer
	if t := o.Get("timeout"); t != nil && !goja.IsUndefined(t) && t.ToFloat() > 0 {
		timer = time.AfterFunc(time.Duration(t.ToFloat()*float64(time.Millisecond)), func() {
			mu.Lock()
			kill(-int(unix.ETIMEDOUT))
			mu.Unlock()
		})
	}
	state, werr := proc.Wait()
	for _, p := range pipes {
		if p.stream != nil {
			_ = p.conn.SetReadDeadline(time.Now())
		}
	}
	if timer != nil {
		timer.Stop()
	}
	wg.Wait()
	closePipes()
	mu.Lock()
	defer mu.Unlock()

	if werr != nil {
		return failed(uvErr(werr))
	}
	for _, p := range pipes {
		if p.stream != nil && len(p.data) > 0 {
			write, _ := goja.AssertFunction(p.stream.Get("write"))
			if _, err := write(p.stream, l.newBuffer(p.data)); err != nil {
				panic(err)
			}
		}
	}
	if errCode != 0 {
		_ = result.Set("error", errCode)
	}
	ws, _ := state.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		_ = result.Set("status", goja.Null())
		_ = result.Set("signal", unix.SignalName(ws.Signal()))
	} else {
		_ = result.Set("status", ws.ExitStatus())
		_ = result.Set("signal", goja.Null())
	}
	n := 0
	if v := o.Get("stdio"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		n = int(v.ToObject(vm).Get("length").ToInteger())
	}
	out := make([]any, n)
	for i := range out {
		out[i] = goja.Null()
	}
	for _, p := range pipes {
		if p.output && p.stream == nil {
			out[p.i] = l.newBuffer(p.data)
		}
	}
	_ = result.Set("output", vm.NewArray(out...))
	_ = result.Set("pid", proc.Pid)
	return result
}
