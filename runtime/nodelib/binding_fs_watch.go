package nodelib

import (
	"encoding/binary"
	"path/filepath"
	"sync"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// internalBinding('fs_event_wrap') (node/src/fs_event_wrap.cc): FSEvent, the handle behind
// fs.watch, on inotify. Its events come from a goroutine that waits on the inotify fd and
// posts each one to the loop through a LoopHandle, so the Host must also be a HandleHost;
// with a Host that is not, start() fails with UV_ENOSYS ("ENOSYS: function not implemented,
// watch '<file>'"). fs.watchFile's StatWatcher (internalBinding('fs').StatWatcher) is served
// the same way, by a goroutine that polls stat.

// HandleHost is implemented by a Host that can hold long-lived loop handles, as libuv's
// uv_fs_event_t: fs.watch needs it. OpenHandle is called on the loop goroutine.
type HandleHost interface {
	// OpenHandle creates an async resource of type typ (e.g. "FSEVENTWRAP") that keeps the
	// loop alive while it is referenced and open.
	OpenHandle(typ string) LoopHandle
}

// LoopHandle is one long-lived handle of a HandleHost.
type LoopHandle interface {
	// Post queues fn to run on the loop goroutine in the poll phase; what fn returns is called
	// inside a callback scope, as Work.Done's result. Any goroutine may call Post; it reports
	// false once the handle is closed, and posts still queued at Close never run.
	Post(fn func() (fn, this goja.Value, args []goja.Value)) bool
	// Ref, Unref, HasRef and Close are uv_ref, uv_unref, uv_has_ref and uv_close; loop
	// goroutine only. A new handle is referenced.
	Ref()
	Unref()
	HasRef() bool
	Close()
	// AsyncID is the handle's async_hooks id (its getAsyncId()).
	AsyncID() uint64
	// Closed is closed when the handle is, by Close or because the host shuts down with the
	// handle still open (an unreferenced watcher at exit): the binding then stops the
	// goroutine and releases the fds it holds for the handle.
	Closed() <-chan struct{}
}

// libuv's inotify mask (uv_fs_event_start).
const inotifyMask = unix.IN_ATTRIB | unix.IN_CREATE | unix.IN_MODIFY | unix.IN_DELETE |
	unix.IN_DELETE_SELF | unix.IN_MOVE_SELF | unix.IN_MOVED_FROM | unix.IN_MOVED_TO

// fsEvent is the Go side of one FSEvent. Two goroutines serve a started one: the reader waits
// on the inotify fd and the eventfd wake, and owns (closes) both fds; the stopper writes wake
// once, when close() closes stop or the host closes the handle.
type fsEvent struct {
	handle  LoopHandle
	inotify int // inotify fd
	wake    int // eventfd that tells the reader to stop
	stop    chan struct{}
	stopped sync.WaitGroup
}

func init() {
	bindingMakers["fs_event_wrap"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("FSEvent", l.fsBinding().fsEventClass())
		return b
	}
}

func (b *fsBinding) fsEventClass() goja.Value {
	l := b.l
	vm := l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		_ = call.This.DefineDataPropertySymbol(b.handleState, vm.ToValue(&fsEvent{inotify: -1, wake: -1}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("FSEvent"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	state := func(this goja.Value) (*goja.Object, *fsEvent) {
		if o, ok := this.(*goja.Object); ok {
			if v := o.GetSymbol(b.handleState); v != nil {
				if ev, ok := v.Export().(*fsEvent); ok {
					return o, ev
				}
			}
		}
		panic(l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
	}
	_ = proto.DefineAccessorProperty("initialized", vm.ToValue(func(call goja.FunctionCall) goja.Value {
		_, ev := state(call.This)
		return vm.ToValue(ev.handle != nil)
	}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	// start(path, persistent, recursive, encoding) returns 0 or a negative errno.
	_ = proto.Set("start", func(call goja.FunctionCall) goja.Value {
		this, ev := state(call.This)
		if ev.handle != nil {
			return vm.ToValue(-int(unix.EINVAL))
		}
		host, ok := l.opts.Host.(HandleHost)
		if !ok {
			return vm.ToValue(-int(unix.ENOSYS))
		}
		path := b.pathArg(call.Argument(0))
		persistent := call.Argument(1).ToBoolean()
		enc := call.Argument(3)
		if errno := ev.open(b.abs(path)); errno != 0 {
			return vm.ToValue(-int(errno))
		}
		ev.handle = host.OpenHandle("FSEVENTWRAP")
		if !persistent {
			ev.handle.Unref()
		}
		base := []byte(filepath.Base(path))
		handle := ev.handle
		ev.stop = make(chan struct{})
		ev.stopped.Add(2)
		go ev.stopper(handle.Closed())
		go ev.read(func(mask uint32, name []byte) {
			if name == nil {
				name = base
			}
			handle.Post(func() (goja.Value, goja.Value, []goja.Value) {
				// libuv's uv__inotify_read: ATTRIB and MODIFY are a change, anything else
				// a rename.
				kind := "change"
				if mask&^(unix.IN_ATTRIB|unix.IN_MODIFY) != 0 {
					kind = "rename"
				}
				return this.Get("onchange"), this, []goja.Value{vm.ToValue(0), vm.ToValue(kind), b.encodeName(name, enc)}
			})
		})
		return vm.ToValue(0)
	})
	_ = proto.Set("close", func(call goja.FunctionCall) goja.Value {
		_, ev := state(call.This)
		ev.close()
		return goja.Undefined()
	})
	_ = proto.Set("ref", func(call goja.FunctionCall) goja.Value {
		if _, ev := state(call.This); ev.handle != nil {
			ev.handle.Ref()
		}
		return goja.Undefined()
	})
	_ = proto.Set("unref", func(call goja.FunctionCall) goja.Value {
		if _, ev := state(call.This); ev.handle != nil {
			ev.handle.Unref()
		}
		return goja.Undefined()
	})
	_ = proto.Set("hasRef", func(call goja.FunctionCall) goja.Value {
		_, ev := state(call.This)
		return vm.ToValue(ev.handle != nil && ev.handle.HasRef())
	})
	_ = proto.Set("getAsyncId", func(call goja.FunctionCall) goja.Value {
		_, ev := state(call.This)
		return b.handleAsyncID(ev.handle)
	})
	return ctor
}

// open starts watching path, returning 0 or the errno of the failed call.
func (ev *fsEvent) open(path string) unix.Errno {
	fd, err := unix.InotifyInit1(unix.IN_NONBLOCK | unix.IN_CLOEXEC)
	if err != nil {
		return errnoOf(err)
	}
	if _, err := unix.InotifyAddWatch(fd, path, inotifyMask); err != nil {
		unix.Close(fd)
		return errnoOf(err)
	}
	wake, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		unix.Close(fd)
		return errnoOf(err)
	}
	ev.inotify, ev.wake = fd, wake
	return 0
}

// stopper wakes the reader once the watcher is closed, by JS or by the host.
func (ev *fsEvent) stopper(closed <-chan struct{}) {
	defer ev.stopped.Done()
	select {
	case <-ev.stop:
	case <-closed:
	}
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	_, _ = unix.Write(ev.wake, one[:])
}

// read delivers inotify events to emit until the stopper signals the eventfd, then closes
// both fds (the stopper has written its only write by then). It owns no goja value; emit
// only posts to the loop.
func (ev *fsEvent) read(emit func(mask uint32, name []byte)) {
	defer ev.stopped.Done()
	inotify, wake := ev.inotify, ev.wake
	defer unix.Close(inotify)
	defer unix.Close(wake)
	buf := make([]byte, 64<<10)
	fds := []unix.PollFd{{Fd: int32(inotify), Events: unix.POLLIN}, {Fd: int32(wake), Events: unix.POLLIN}}
	for {
		if _, err := unix.Poll(fds, -1); err != nil {
			if err == unix.EINTR {
				continue
			}
			return
		}
		if fds[1].Revents != 0 {
			return
		}
		for {
			n, err := unix.Read(inotify, buf)
			if err != nil || n <= 0 {
				break
			}
			for off := 0; off+unix.SizeofInotifyEvent <= n; {
				mask := binary.NativeEndian.Uint32(buf[off+4:])
				nameLen := int(binary.NativeEndian.Uint32(buf[off+12:]))
				var name []byte
				if nameLen > 0 {
					raw := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+nameLen]
					for i, c := range raw {
						if c == 0 {
							raw = raw[:i]
							break
						}
					}
					name = append([]byte(nil), raw...)
				}
				off += unix.SizeofInotifyEvent + nameLen
				if mask&unix.IN_IGNORED != 0 {
					continue
				}
				emit(mask, name)
			}
		}
	}
}

// close stops both goroutines (the reader releases the fds) and closes the loop handle.
// Loop goroutine.
func (ev *fsEvent) close() {
	if ev.handle == nil {
		return
	}
	close(ev.stop)
	ev.stopped.Wait()
	ev.inotify, ev.wake = -1, -1
	ev.handle.Close()
	ev.handle = nil
}

func errnoOf(err error) unix.Errno {
	if errno, ok := err.(unix.Errno); ok {
		return errno
	}
	return unix.EIO
}

// statWatcher is the Go side of one StatWatcher (fs.watchFile): libuv's uv_fs_poll, a
// goroutine that stats the path every interval and posts each change to the loop.
type statWatcher struct {
	bigint  bool
	unref   bool // unref() before start(), applied when the handle opens
	handle  LoopHandle
	stop    chan struct{}
	stopped sync.WaitGroup
}

func (b *fsBinding) statWatcherClass() goja.Value {
	l := b.l
	vm := l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		_ = call.This.DefineDataPropertySymbol(b.handleState, vm.ToValue(&statWatcher{bigint: call.Argument(0).ToBoolean()}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("StatWatcher"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	state := func(this goja.Value) (*goja.Object, *statWatcher) {
		if o, ok := this.(*goja.Object); ok {
			if v := o.GetSymbol(b.handleState); v != nil {
				if w, ok := v.Export().(*statWatcher); ok {
					return o, w
				}
			}
		}
		panic(l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
	}
	// start(path, interval) returns 0 or a negative errno.
	_ = proto.Set("start", func(call goja.FunctionCall) goja.Value {
		this, w := state(call.This)
		if w.handle != nil {
			return vm.ToValue(0)
		}
		host, ok := l.opts.Host.(HandleHost)
		if !ok {
			return vm.ToValue(-int(unix.ENOSYS))
		}
		path := b.abs(b.pathArg(call.Argument(0)))
		interval := time.Duration(max(call.Argument(1).ToInteger(), 1)) * time.Millisecond
		w.handle = host.OpenHandle("STATWATCHER")
		if w.unref {
			w.handle.Unref()
		}
		handle := w.handle
		w.stop = make(chan struct{})
		w.stopped.Add(1)
		go w.poll(path, interval, handle.Closed(), func(status int, prev, cur statData) {
			handle.Post(func() (goja.Value, goja.Value, []goja.Value) {
				// StatWatcher::Callback: the new stat, then the old one in the second half.
				arr := b.statValues
				if w.bigint {
					arr = b.bigintStatValues
				}
				b.fillArray(arr, append(cur[:], prev[:]...), w.bigint)
				return this.Get("onchange"), this, []goja.Value{vm.ToValue(status), arr}
			})
			// libuv stats again only after poll_cb has run the callback, so a change the
			// callback makes itself (writeFileSync) is seen whole: wait for a barrier posted
			// behind the callback, which the loop runs once the callback has returned.
			ran := make(chan struct{})
			if handle.Post(func() (goja.Value, goja.Value, []goja.Value) { close(ran); return nil, nil, nil }) {
				select {
				case <-ran:
				case <-w.stop:
				case <-handle.Closed():
				}
			}
		})
		return vm.ToValue(0)
	})
	_ = proto.Set("close", func(call goja.FunctionCall) goja.Value {
		_, w := state(call.This)
		if w.handle == nil {
			return goja.Undefined()
		}
		close(w.stop)
		w.stopped.Wait()
		w.handle.Close()
		w.handle = nil
		return goja.Undefined()
	})
	_ = proto.Set("ref", func(call goja.FunctionCall) goja.Value {
		_, w := state(call.This)
		w.unref = false
		if w.handle != nil {
			w.handle.Ref()
		}
		return goja.Undefined()
	})
	_ = proto.Set("unref", func(call goja.FunctionCall) goja.Value {
		_, w := state(call.This)
		w.unref = true
		if w.handle != nil {
			w.handle.Unref()
		}
		return goja.Undefined()
	})
	_ = proto.Set("hasRef", func(call goja.FunctionCall) goja.Value {
		_, w := state(call.This)
		return vm.ToValue(w.handle != nil && w.handle.HasRef())
	})
	_ = proto.Set("getAsyncId", func(call goja.FunctionCall) goja.Value {
		_, w := state(call.This)
		return b.handleAsyncID(w.handle)
	})
	return ctor
}

// poll is libuv's uv_fs_poll: stat now and every interval; report a failure once per new
// errno (with zeroed current stats), and a success when it follows a failure or the stats
// differ (statbuf_eq); the first success only records the baseline.
func (w *statWatcher) poll(path string, interval time.Duration, closed <-chan struct{}, emit func(status int, prev, cur statData)) {
	defer w.stopped.Done()
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	var prev statData
	busy := 0 // 0: no result yet, 1: last stat succeeded, <0: the errno it failed with
	for {
		cur, err := statx(unix.AT_FDCWD, path, 0)
		if err != nil {
			if status := -int(errnoOf(err)); busy != status {
				emit(status, prev, statData{})
				busy = status
			}
		} else {
			if busy < 0 || busy == 1 && !statEqual(prev, cur) {
				emit(0, prev, cur)
			}
			prev, busy = cur, 1
		}
		// A tick that came while a callback ran is dropped: libuv restarts its timer at the
		// next interval boundary after poll_cb, not at once.
		select {
		case <-ticker.C:
		default:
		}
		select {
		case <-w.stop:
			return
		case <-closed:
			return
		case <-ticker.C:
		}
	}
}

// statEqual is libuv's statbuf_eq: the times, size, mode, owner, inode and device.
func statEqual(a, b statData) bool {
	for _, i := range []int{0, 1, 3, 4, 7, 8, 12, 13, 14, 15, 16, 17} {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// handleAsyncID is getAsyncId() of a watcher: the host handle is only created by start(), and
// node's lib only asks a started watcher.
func (b *fsBinding) handleAsyncID(h LoopHandle) goja.Value {
	if h == nil {
		panic(b.l.newError("Error", "nodelib: the watcher has not started, so it has no async id", "ERR_INVALID_STATE"))
	}
	return b.l.vm.ToValue(h.AsyncID())
}
