package nodelib

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// internalBinding('stream_wrap') (node/src/stream_wrap.cc, stream_base.cc) and the stream half
// of every network handle: reading, writing and shutdown over a Go net.Conn, as libuv's
// uv_stream_t does it for node's StreamBase.
//
// Goroutine contract: JS objects are touched on the loop goroutine only. Per open connection
// there is at most one reader goroutine (it reads one chunk, hands it to the loop with
// IOHost.Post and waits until the loop asks for the next, so nothing is read while JS has
// stopped reading) and one goroutine per write that could not complete at once (each waits
// for the previous one, so bytes keep their order). All of them end when the handle closes or
// the program stops (IOHost.OnStop closes the connection).

// StreamBase's streamBaseState fields (node/src/stream_base.h).
const (
	kReadBytesOrError = iota
	kArrayBufferOffset
	kBytesWritten
	kLastWriteWasAsync
	kNumStreamBaseStateFields
)

// uvEOF is UV_EOF, what a read reports at the end of the stream.
const uvEOF = -4095

// readChunkSize is libuv's read buffer size for streams (uv__read's 64 KiB).
const readChunkSize = 64 * 1024

// netState is the state of the network bindings in one Lib, shared by stream_wrap, tcp_wrap
// and pipe_wrap.
type netState struct {
	l    *Lib
	host IOHost

	state    []byte       // streamBaseState's bytes (Int32Array, little endian)
	stateArr *goja.Object // streamBaseState

	slot    *goja.Symbol // holds the Go value of a handle or request object
	tcpCtor goja.Value
	pairing tcpPairing
}

var netStateKey = goja.NewSymbol("nodelib.netState")

// netReq is the native side of a WriteWrap, ShutdownWrap or TCPConnectWrap: its async id.
type netReq struct {
	id, trigger uint64
	typ         string
	destroyed   bool
	owner       *tcpHandle // the handle the request runs on, once started
}

func init() {
	bindingMakers["stream_wrap"] = func(l *Lib) *goja.Object {
		s := l.netState()
		vm := l.vm
		b := vm.NewObject()
		_ = b.Set("kReadBytesOrError", kReadBytesOrError)
		_ = b.Set("kArrayBufferOffset", kArrayBufferOffset)
		_ = b.Set("kBytesWritten", kBytesWritten)
		_ = b.Set("kLastWriteWasAsync", kLastWriteWasAsync)
		_ = b.Set("streamBaseState", s.stateArr)
		_ = b.Set("WriteWrap", s.reqClass("WriteWrap", "WRITEWRAP"))
		_ = b.Set("ShutdownWrap", s.reqClass("ShutdownWrap", "SHUTDOWNWRAP"))
		// LibuvStreamWrap is the base class of TCP, Pipe and TTY; net.js never makes one.
		lsw := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
			panic(l.newError("TypeError", "Illegal constructor", ""))
		}).ToObject(vm)
		_ = lsw.DefineDataProperty("name", vm.ToValue("LibuvStreamWrap"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = b.Set("LibuvStreamWrap", lsw)
		return b
	}
}

// netState returns the Lib's network binding state, creating it on first use. It is kept on
// the uv binding object so it needs no field in Lib.
func (l *Lib) netState() *netState {
	uv := l.internalBinding("uv")
	if v := uv.GetSymbol(netStateKey); v != nil {
		return v.Export().(*netState)
	}
	s := &netState{l: l, slot: goja.NewSymbol("nodelib.netSlot")}
	s.host, _ = l.opts.Host.(IOHost)
	s.state = make([]byte, 4*kNumStreamBaseStateFields)
	ctor, _ := goja.AssertConstructor(l.vm.Get("Int32Array"))
	arr, err := ctor(nil, l.vm.ToValue(l.vm.NewArrayBuffer(s.state)))
	if err != nil {
		panic(err)
	}
	s.stateArr = arr
	_ = uv.DefineDataPropertySymbol(netStateKey, l.vm.ToValue(s), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return s
}

func (s *netState) setState(field int, v int32) {
	binary.LittleEndian.PutUint32(s.state[4*field:], uint32(v))
}

// ioHost returns the host's IOHost or throws node's error for a platform without one.
func (s *netState) ioHost() IOHost {
	if s.host == nil {
		panic(s.l.newError("Error", "nodelib: network handles need a host event loop (IOHost)", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
	}
	return s.host
}

// reqClass is a request wrap constructor. As in node, the JS object becomes an async resource
// of type typ only when a native request starts on it (startReq: a connect, a shutdown, a write
// that could not complete at once) and is destroyed when that request completes; a write that
// completes at once never is one.
func (s *netState) reqClass(name, typ string) goja.Value {
	vm := s.l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		r := &netReq{typ: typ}
		_ = call.This.DefineDataPropertySymbol(s.slot, vm.ToValue(r), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	_ = proto.Set("getAsyncId", func(call goja.FunctionCall) goja.Value {
		if r := s.req(call.This); r.id != 0 {
			return vm.ToValue(int64(r.id))
		}
		return vm.ToValue(-1)
	})
	return ctor
}

// req returns the native request of a request wrap object.
func (s *netState) req(v goja.Value) *netReq {
	if o, ok := v.(*goja.Object); ok {
		if x := o.GetSymbol(s.slot); x != nil {
			if r, ok := x.Export().(*netReq); ok {
				return r
			}
		}
	}
	panic(s.l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
}

// startReq makes r an async resource as its native request starts on handle h.
func (s *netState) startReq(r *netReq, h *tcpHandle) {
	if r.id == 0 && s.host != nil {
		r.id, r.trigger = s.host.NewAsyncResource(r.typ)
		r.owner = h
		if h.reqs == nil {
			h.reqs = map[*netReq]struct{}{}
		}
		h.reqs[r] = struct{}{}
	}
}

func (s *netState) destroyReq(r *netReq) {
	if !r.destroyed && s.host != nil && r.id != 0 {
		r.destroyed = true
		s.host.DestroyAsyncResource(r.id, r.typ)
		if r.owner != nil {
			delete(r.owner.reqs, r)
		}
	}
}

// uvErr is the negative libuv error code for a Go network error.
func uvErr(err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, io.EOF) {
		return uvEOF
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return -int(errno)
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return -int(unix.ETIMEDOUT)
	}
	if errors.Is(err, net.ErrClosed) {
		return -int(unix.ECANCELED) // UV_ECANCELED: the handle closed under the request
	}
	var addrErr *net.AddrError
	if errors.As(err, &addrErr) {
		return -int(unix.EINVAL)
	}
	return -int(unix.EIO)
}

// streamSocket is the connection under a stream handle: a TCP connection, or the parent's end
// of a child process's stdio pipe (a Unix socketpair, as libuv makes them).
type streamSocket interface {
	net.Conn
	CloseWrite() error
	SyscallConn() (syscall.RawConn, error)
}

// streamConn is the stream part of a connected handle.
type streamConn struct {
	conn streamSocket
	tcp  *net.TCPConn // conn, when it is TCP (for the socket options only TCP has)
	raw  syscall.RawConn

	resume    chan struct{} // cap 1: the loop asks the reader for one more chunk
	done      chan struct{} // closed when the handle closes
	closeOnce sync.Once
	reader    bool // a reader goroutine runs

	lastWrite  chan struct{} // closed when the last queued write finishes; nil if none
	queued     int           // writes not yet finished
	queuedSize int           // their bytes: writeQueueSize
	bytesRead  int64
	bytesWrote int64
	wg         sync.WaitGroup
}

func newStreamConn(c streamSocket) *streamConn {
	sc := &streamConn{conn: c, resume: make(chan struct{}, 1), done: make(chan struct{})}
	sc.tcp, _ = c.(*net.TCPConn)
	sc.raw, _ = c.SyscallConn()
	return sc
}

// close ends the connection and, through it, every goroutine of the stream. Any goroutine.
func (sc *streamConn) close() {
	sc.closeOnce.Do(func() {
		close(sc.done)
		_ = sc.conn.Close()
	})
}

// tryWrite makes one non-blocking write(2) of b, as libuv's uv__write does before it waits
// for the socket to be writable: (bytes written, error). EAGAIN is 0 bytes, no error.
func (sc *streamConn) tryWrite(b []byte) (int, error) {
	if sc.raw == nil {
		return 0, nil
	}
	var n int
	var werr error
	err := sc.raw.Write(func(fd uintptr) bool {
		for {
			m, e := unix.Write(int(fd), b)
			if e == unix.EINTR {
				continue
			}
			if e != nil && e != unix.EAGAIN {
				werr = e
			}
			n = max(m, 0)
			return true
		}
	})
	if werr != nil {
		return n, werr
	}
	return n, err
}
