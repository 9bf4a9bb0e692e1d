package nodelib

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// internalBinding('tcp_wrap') (node/src/tcp_wrap.cc): the TCP handle behind net.Socket and
// net.Server, on Go's net package. A TCP made with TCPConstants.SERVER is a TCPSERVERWRAP, a
// socket a TCPWRAP; connect requests are TCPCONNECTWRAPs (all records through IOHost).
//
// libuv's semantics kept here: bind only records the address and errors such as EADDRINUSE
// surface from listen; a handle keeps the loop alive while it is listening or reading and
// ref'd; every pending request (connect, write, shutdown) keeps the loop alive on its own;
// close(cb) ends the handle and calls cb on a later loop turn. Go's defaults that differ from
// libuv's are undone: new connections have Nagle on and keep-alive off until setNoDelay /
// setKeepAlive say otherwise.
//
// Goroutines: one accept goroutine per listening server, the stream goroutines of
// binding_stream.go per connection, one per pending connect (which may wait for its own
// server's accept, see below). close() ends them; IOHost.OnStop ends them, waits for them and
// records the handle and its pending requests destroyed when the program stops.
//
// Completions of different handles reach the loop in the order their goroutines post them,
// where libuv's single epoll_wait reports a fixed order. For the common case, a program
// connecting to its own server, binding_tcp_pairing.go restores libuv's order (the server's
// onconnection first); what remains different is that the two may arrive in consecutive loop
// iterations where libuv has them in one.
//
// pipe_wrap (binding_pipe.go) reuses these handles' stream methods for child process pipes.

// TCPConstants of tcp_wrap.
const (
	tcpSocket   = 0
	tcpServer   = 1
	tcpIPv6Only = 1
	uvENOTCONN  = -int(unix.ENOTCONN)
	uvEINVAL    = -int(unix.EINVAL)
	uvEBADF     = -int(unix.EBADF)
	uvECANCELED = -int(unix.ECANCELED)
)

// tcpHandle is the native side of one TCP object.
type tcpHandle struct {
	s           *netState
	obj         *goja.Object
	id, trigger uint64
	typ         string

	bound      *net.TCPAddr
	boundV6    bool
	v6Only     bool
	ln         *net.TCPListener
	sc         *streamConn
	dialStop   context.CancelFunc
	listening  bool
	reading    bool
	held       []readEvent // reads that arrived after readStop, delivered on readStart
	consumer   *httpParser // the HTTP parser that consumes the reads, nil if none
	refd       bool
	closing    bool
	release    func()
	stopHook   func()
	reqs       map[*netReq]struct{} // started requests not yet completed
	lnPort     int                  // the listening port, for tcpPairing
	acceptDone chan struct{}        // closed when the accept goroutine ends
	wg         sync.WaitGroup       // the accept and connect goroutines
}

// readEvent is one completed read: data, or an error code (UV_EOF, -errno).
type readEvent struct {
	data []byte
	code int
}

func init() {
	bindingMakers["tcp_wrap"] = func(l *Lib) *goja.Object {
		s := l.netState()
		vm := l.vm
		b := vm.NewObject()
		s.tcpCtor = s.tcpClass()
		_ = b.Set("TCP", s.tcpCtor)
		_ = b.Set("TCPConnectWrap", s.reqClass("TCPConnectWrap", "TCPCONNECTWRAP"))
		c := vm.NewObject()
		_ = c.Set("SOCKET", tcpSocket)
		_ = c.Set("SERVER", tcpServer)
		_ = c.Set("UV_TCP_IPV6ONLY", tcpIPv6Only)
		_ = b.Set("constants", c)
		return b
	}
}

func (s *netState) tcpClass() goja.Value {
	l := s.l
	vm := l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		host := s.ioHost()
		h := &tcpHandle{s: s, obj: call.This, refd: true, typ: "TCPWRAP"}
		if call.Argument(0).ToInteger() == tcpServer {
			h.typ = "TCPSERVERWRAP"
		}
		h.id, h.trigger = host.NewAsyncResource(h.typ)
		h.stopHook = host.OnStop(h.stop)
		_ = call.This.DefineDataPropertySymbol(s.slot, vm.ToValue(h), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		_ = call.This.Set("reading", false)
		_ = call.This.Set("writeQueueSize", 0)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("TCP"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	method := func(name string, fn func(h *tcpHandle, call goja.FunctionCall) goja.Value) {
		_ = proto.Set(name, func(call goja.FunctionCall) goja.Value {
			return fn(s.tcp(call.This), call)
		})
	}
	num := func(n int) goja.Value { return vm.ToValue(n) }

	method("getAsyncId", func(h *tcpHandle, _ goja.FunctionCall) goja.Value { return vm.ToValue(int64(h.id)) })
	// getProviderType is the handle's entry in async_wrap's Providers (node v20's numbering).
	method("getProviderType", func(h *tcpHandle, _ goja.FunctionCall) goja.Value {
		if h.typ == "TCPSERVERWRAP" {
			return vm.ToValue(35)
		}
		return vm.ToValue(36)
	})
	// asyncReset gives a reused handle (an http.Agent's free socket taken by another request)
	// a new async id, as AsyncWrap::AsyncReset: the old resource is destroyed.
	method("asyncReset", func(h *tcpHandle, _ goja.FunctionCall) goja.Value {
		if !h.closing {
			s.host.DestroyAsyncResource(h.id, h.typ)
			h.id, h.trigger = s.host.NewAsyncResource(h.typ)
		}
		return goja.Undefined()
	})
	_ = proto.DefineAccessorProperty("bytesRead", vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if h := s.tcp(call.This); h.sc != nil {
			return vm.ToValue(h.sc.bytesRead)
		}
		return vm.ToValue(0)
	}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineAccessorProperty("bytesWritten", vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if h := s.tcp(call.This); h.sc != nil {
			return vm.ToValue(h.sc.bytesWrote)
		}
		return vm.ToValue(0)
	}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.DefineAccessorProperty("fd", vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(s.tcp(call.This).fd())
	}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)

	method("bind", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		return num(h.bind(call.Argument(0).String(), int(call.Argument(1).ToInteger()), false, 0))
	})
	method("bind6", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		return num(h.bind(call.Argument(0).String(), int(call.Argument(1).ToInteger()), true, int(call.Argument(2).ToInteger())))
	})
	method("listen", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		return num(h.listen(int(call.Argument(0).ToInteger())))
	})
	method("connect", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		return num(h.connect(call.Argument(0).ToObject(vm), call.Argument(1).String(), int(call.Argument(2).ToInteger()), false))
	})
	method("connect6", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		return num(h.connect(call.Argument(0).ToObject(vm), call.Argument(1).String(), int(call.Argument(2).ToInteger()), true))
	})
	method("getsockname", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		var a net.Addr
		switch {
		case h.ln != nil:
			a = h.ln.Addr()
		case h.sc != nil:
			a = h.sc.conn.LocalAddr()
		default:
			return num(uvEBADF)
		}
		fillAddr(vm, call.Argument(0).ToObject(vm), a, h.isV6())
		return num(0)
	})
	method("getpeername", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		if h.sc == nil {
			return num(uvENOTCONN)
		}
		fillAddr(vm, call.Argument(0).ToObject(vm), h.sc.conn.RemoteAddr(), h.isV6())
		return num(0)
	})
	method("setNoDelay", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		if h.sc == nil {
			return num(uvEBADF)
		}
		return num(uvErr(h.sc.tcp.SetNoDelay(call.Argument(0).ToBoolean())))
	})
	method("setKeepAlive", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		if h.sc == nil {
			return num(uvEBADF)
		}
		on := call.Argument(0).ToBoolean()
		if err := h.sc.tcp.SetKeepAlive(on); err != nil {
			return num(uvErr(err))
		}
		if d := call.Argument(1).ToInteger(); on && d > 0 {
			return num(uvErr(h.sc.tcp.SetKeepAlivePeriod(time.Duration(d) * time.Second)))
		}
		return num(0)
	})
	// isStreamBase (StreamBase::AddMethods) tells node's HTTP server it may hand the socket's
	// reads to its parser (HTTPParser.consume).
	_ = proto.Set("isStreamBase", true)
	method("setSimultaneousAccepts", func(*tcpHandle, goja.FunctionCall) goja.Value { return goja.Undefined() })
	method("ref", func(h *tcpHandle, _ goja.FunctionCall) goja.Value {
		h.refd = true
		h.updateRef()
		return goja.Undefined()
	})
	method("unref", func(h *tcpHandle, _ goja.FunctionCall) goja.Value {
		h.refd = false
		h.updateRef()
		return goja.Undefined()
	})
	method("hasRef", func(h *tcpHandle, _ goja.FunctionCall) goja.Value { return vm.ToValue(h.refd && !h.closing) })
	method("close", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		h.close(call.Argument(0))
		return goja.Undefined()
	})
	method("readStart", func(h *tcpHandle, _ goja.FunctionCall) goja.Value { return num(h.readStart()) })
	method("readStop", func(h *tcpHandle, _ goja.FunctionCall) goja.Value {
		if h.sc == nil {
			return num(uvENOTCONN)
		}
		h.reading = false
		h.updateRef()
		return num(0)
	})
	method("shutdown", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		return num(h.shutdown(call.Argument(0).ToObject(vm)))
	})
	method("writeBuffer", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		b, ok := l.bytesOf(call.Argument(1))
		if !ok {
			panic(l.newError("TypeError", "Second argument must be a buffer", "ERR_INVALID_ARG_TYPE"))
		}
		return num(h.write(call.Argument(0).ToObject(vm), b))
	})
	for name, enc := range map[string]int{"writeUtf8String": encUTF8, "writeAsciiString": encASCII,
		"writeLatin1String": encLatin1, "writeUcs2String": encUCS2} {
		method(name, func(h *tcpHandle, call goja.FunctionCall) goja.Value {
			return num(h.write(call.Argument(0).ToObject(vm), encodeString(call.Argument(1), enc)))
		})
	}
	method("writev", func(h *tcpHandle, call goja.FunctionCall) goja.Value {
		chunks := call.Argument(1).ToObject(vm)
		all := call.Argument(2).ToBoolean()
		n := int(chunks.Get("length").ToInteger())
		var data []byte
		for i := 0; i < n; i++ {
			c := chunks.Get(strconv.Itoa(i))
			if !all {
				enc := chunks.Get(strconv.Itoa(i + 1)).String()
				i++
				if _, isStr := c.Export().(string); isStr {
					data = append(data, encodeString(c, parseEncoding(enc))...)
					continue
				}
			}
			b, ok := l.bytesOf(c)
			if !ok {
				panic(l.newError("TypeError", "writev chunks must be buffers or strings", "ERR_INVALID_ARG_TYPE"))
			}
			data = append(data, b...)
		}
		return num(h.write(call.Argument(0).ToObject(vm), data))
	})
	return ctor
}

// tcp returns the native handle of a TCP object.
func (s *netState) tcp(v goja.Value) *tcpHandle {
	if o, ok := v.(*goja.Object); ok {
		if x := o.GetSymbol(s.slot); x != nil {
			if h, ok := x.Export().(*tcpHandle); ok {
				return h
			}
		}
	}
	panic(s.l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
}

// fillAddr sets out's address, family and port as uv_ip_name reports them: on an AF_INET6
// socket (a dual-stack server's connections) an IPv4 peer is an IPv4-mapped IPv6 address,
// which Go's net.IP would print as plain IPv4.
func fillAddr(vm *goja.Runtime, out *goja.Object, a net.Addr, v6 bool) {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return
	}
	family := "IPv6"
	addr := ta.IP.String()
	if ip4 := ta.IP.To4(); ip4 != nil {
		if v6 {
			addr = "::ffff:" + ip4.String()
		} else {
			family = "IPv4"
		}
	}
	_ = out.Set("address", addr)
	_ = out.Set("family", family)
	_ = out.Set("port", ta.Port)
}

// isV6 reports whether the handle's socket is AF_INET6.
func (h *tcpHandle) isV6() bool {
	v6 := false
	h.control(func(fd int) {
		domain, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_DOMAIN)
		v6 = err == nil && domain == unix.AF_INET6
	})
	return v6
}

func (h *tcpHandle) fd() int {
	fd := -1
	h.control(func(f int) { fd = f })
	return fd
}

// control runs fn with the socket's descriptor, if the handle has a socket.
func (h *tcpHandle) control(fn func(fd int)) {
	var rc syscall.RawConn
	switch {
	case h.ln != nil:
		rc, _ = h.ln.SyscallConn()
	case h.sc != nil:
		rc = h.sc.raw
	}
	if rc != nil {
		_ = rc.Control(func(f uintptr) { fn(int(f)) })
	}
}

// updateRef holds a loop reference exactly while the handle is active (listening or reading),
// ref'd and open.
func (h *tcpHandle) updateRef() {
	want := h.refd && !h.closing && (h.listening || h.reading)
	switch {
	case want && h.release == nil:
		h.release = h.s.host.Ref()
	case !want && h.release != nil:
		h.release()
		h.release = nil
	}
}

func (h *tcpHandle) bind(addr string, port int, v6 bool, flags int) int {
	ip := net.ParseIP(addr)
	if ip == nil || (!v6 && (ip.To4() == nil || strings.Contains(addr, ":"))) || (v6 && !strings.Contains(addr, ":")) {
		return uvEINVAL
	}
	if h.bound != nil || h.ln != nil || h.sc != nil {
		return uvEINVAL
	}
	h.bound = &net.TCPAddr{IP: ip, Port: port}
	h.boundV6 = v6
	h.v6Only = v6 && flags&tcpIPv6Only != 0
	return 0
}

func (h *tcpHandle) listen(backlog int) int {
	if h.closing {
		return uvEINVAL
	}
	if h.ln != nil {
		return 0
	}
	if h.bound == nil {
		// libuv binds an unbound handle to 0.0.0.0:0 on listen.
		h.bound = &net.TCPAddr{IP: net.IPv4zero}
	}
	ln, err := listenSocket(h.bound, h.boundV6, h.v6Only, backlog)
	if err != nil {
		return uvErr(err)
	}
	h.ln = ln
	h.listening = true
	h.updateRef()
	host := h.s.host
	pairing := &h.s.pairing
	h.lnPort = ln.Addr().(*net.TCPAddr).Port
	h.acceptDone = make(chan struct{})
	pairing.addListener(h.lnPort, h)
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		defer close(h.acceptDone)
		defer pairing.removeListener(h.lnPort, h)
		for {
			c, err := ln.AcceptTCP()
			if errors.Is(err, net.ErrClosed) {
				return // close() or the program stopped
			}
			if err != nil {
				// Go's accept already retries what libuv retries; anything else (EMFILE,
				// ...) goes to onconnection as libuv reports it, and accepting stops.
				host.Post(h.id, h.trigger, h.typ, func() (goja.Value, goja.Value, []goja.Value) {
					if h.closing {
						return nil, nil, nil
					}
					return h.obj.Get("onconnection"), h.obj, []goja.Value{h.s.l.vm.ToValue(uvErr(err)), goja.Undefined()}
				})
				return
			}
			ok := host.Post(h.id, h.trigger, h.typ, func() (goja.Value, goja.Value, []goja.Value) {
				if h.closing {
					_ = c.Close()
					return nil, nil, nil
				}
				return h.accepted(c)
			})
			if !ok {
				_ = c.Close()
				return
			}
			if ra, isTCP := c.RemoteAddr().(*net.TCPAddr); isTCP {
				pairing.posted(h.lnPort, ra.Port)
			}
		}
	}()
	return 0
}

// listenSocket makes a listening socket as libuv's uv_tcp_bind and uv_listen do: AF_INET6
// for bind6 (so an IPv4-mapped address or '::' with IPV6_V6ONLY off takes IPv4 peers too),
// SO_REUSEADDR, and node's backlog. Go's net.Listen cannot make an AF_INET6 socket for an
// IPv4-mapped address, so the socket is made here and handed to Go's netpoller.
func listenSocket(addr *net.TCPAddr, v6, v6Only bool, backlog int) (*net.TCPListener, error) {
	family := unix.AF_INET
	var sa unix.Sockaddr
	if v6 {
		family = unix.AF_INET6
		a := &unix.SockaddrInet6{Port: addr.Port}
		copy(a.Addr[:], addr.IP.To16())
		sa = a
	} else {
		a := &unix.SockaddrInet4{Port: addr.Port}
		copy(a.Addr[:], addr.IP.To4())
		sa = a
	}
	fd, err := unix.Socket(family, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	closeFD := true
	defer func() {
		if closeFD {
			_ = unix.Close(fd)
		}
	}()
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); err != nil {
		return nil, err
	}
	if v6 {
		if err := unix.SetsockoptInt(fd, unix.IPPROTO_IPV6, unix.IPV6_V6ONLY, boolInt(v6Only)); err != nil {
			return nil, err
		}
	}
	if err := unix.Bind(fd, sa); err != nil {
		return nil, err
	}
	if backlog <= 0 {
		backlog = 511
	}
	if err := unix.Listen(fd, backlog); err != nil {
		return nil, err
	}
	closeFD = false
	f := os.NewFile(uintptr(fd), "tcp")
	defer f.Close()
	ln, err := net.FileListener(f)
	if err != nil {
		return nil, err
	}
	return ln.(*net.TCPListener), nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// accepted wraps a new connection in a TCP object and hands it to onconnection. Loop goroutine.
func (h *tcpHandle) accepted(c *net.TCPConn) (goja.Value, goja.Value, []goja.Value) {
	vm := h.s.l.vm
	ctor, _ := goja.AssertConstructor(h.s.tcpCtor)
	client, err := ctor(nil, vm.ToValue(tcpSocket))
	if err != nil {
		_ = c.Close()
		return nil, nil, nil
	}
	ch := h.s.tcp(client)
	ch.sc = newConn(c)
	return h.obj.Get("onconnection"), h.obj, []goja.Value{vm.ToValue(0), client}
}

// newConn applies libuv's defaults (Nagle on, no keep-alive) to a Go connection.
func newConn(c *net.TCPConn) *streamConn {
	_ = c.SetNoDelay(false)
	_ = c.SetKeepAlive(false)
	return newStreamConn(c)
}

// RequestPoster is an IOHost that can run code after a completion's
// callback: PostRequest is Post, then after() once the callback (and the
// ticks and microtasks its scope drained) has run, or at once when fn
// returns no callback. The requests use it to record their destroy after
// their callback, as Node's destroy hook follows it.
type RequestPoster interface {
	PostRequest(id, trigger uint64, typ string, fn func() (cb goja.Value, this goja.Value, args []goja.Value), after func()) bool
}

// postReq posts the completion of req (a connect, a queued write or a
// shutdown) from any goroutine: fn's callback runs, then req is destroyed
// (first, on a host that cannot run code after a callback). It reports
// false once the loop has stopped.
func (s *netState) postReq(req *netReq, fn func() (goja.Value, goja.Value, []goja.Value)) bool {
	if rp, ok := s.host.(RequestPoster); ok {
		return rp.PostRequest(req.id, req.trigger, req.typ, fn, func() { s.destroyReq(req) })
	}
	return s.host.Post(req.id, req.trigger, req.typ, func() (goja.Value, goja.Value, []goja.Value) {
		s.destroyReq(req)
		return fn()
	})
}

func (h *tcpHandle) connect(reqObj *goja.Object, addr string, port int, v6 bool) int {
	if h.sc != nil || h.dialStop != nil || h.closing {
		return -int(unix.EISCONN)
	}
	ip := net.ParseIP(addr)
	if ip == nil || (!v6 && (ip.To4() == nil || strings.Contains(addr, ":"))) || (v6 && !strings.Contains(addr, ":")) {
		return uvEINVAL
	}
	s := h.s
	host := s.host
	req := s.req(reqObj)
	s.startReq(req, h)
	d := net.Dialer{KeepAlive: -1}
	if h.bound != nil {
		d.LocalAddr = h.bound
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.dialStop = cancel
	release := host.Ref()
	target := (&net.TCPAddr{IP: ip, Port: port}).String()
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		addr := &net.TCPAddr{IP: ip, Port: port}
		acceptDone := s.pairing.beginDial(addr)
		c, err := d.DialContext(ctx, "tcp", target)
		if acceptDone != nil {
			client := 0
			if err == nil {
				client = c.LocalAddr().(*net.TCPAddr).Port
				select {
				case <-s.pairing.waitAccept(port, client):
				case <-acceptDone:
				case <-ctx.Done():
				}
			}
			s.pairing.endDial(port, client)
		}
		ok := s.postReq(req, func() (goja.Value, goja.Value, []goja.Value) {
			release()
			vm := s.l.vm
			status := uvErr(err)
			if err == nil && h.closing {
				_ = c.Close()
				status = uvECANCELED
			} else if err == nil {
				h.sc = newConn(c.(*net.TCPConn))
			}
			if err != nil && ctx.Err() != nil {
				status = uvECANCELED
			}
			ok := status == 0
			return reqObj.Get("oncomplete"), reqObj, []goja.Value{vm.ToValue(status), h.obj, reqObj, vm.ToValue(ok), vm.ToValue(ok)}
		})
		if !ok && err == nil {
			_ = c.Close()
		}
	}()
	return 0
}

func (h *tcpHandle) readStart() int {
	sc := h.sc
	if sc == nil || h.closing {
		return uvENOTCONN
	}
	h.reading = true
	h.updateRef()
	if !sc.reader {
		sc.reader = true
		h.startReader()
	}
	if len(h.held) > 0 {
		held := h.held
		h.held = nil
		for _, ev := range held {
			h.postRead(ev)
		}
		return 0
	}
	select {
	case sc.resume <- struct{}{}:
	default:
	}
	return 0
}

// startReader starts the connection's reader goroutine: one chunk per request on sc.resume.
func (h *tcpHandle) startReader() {
	sc := h.sc
	sc.wg.Add(1)
	go func() {
		defer sc.wg.Done()
		buf := make([]byte, readChunkSize)
		var pending error
		for {
			select {
			case <-sc.resume:
			case <-sc.done:
				return
			}
			var ev readEvent
			if pending != nil {
				ev.code = uvErr(pending)
			} else {
				n, err := sc.conn.Read(buf)
				select {
				case <-sc.done:
					return
				default:
				}
				switch {
				case n > 0:
					ev.data = append([]byte(nil), buf[:n]...)
					pending = err
				case err != nil:
					ev.code = uvErr(err)
				default:
					continue
				}
			}
			if !h.postRead(ev) || ev.code != 0 {
				return
			}
		}
	}()
}

// postRead hands one read to the loop, which calls onread if the handle still reads and holds
// the read for the next readStart otherwise. Any goroutine.
func (h *tcpHandle) postRead(ev readEvent) bool {
	return h.s.host.Post(h.id, h.trigger, h.typ, func() (goja.Value, goja.Value, []goja.Value) {
		if h.closing {
			return nil, nil, nil
		}
		if !h.reading {
			h.held = append(h.held, ev)
			return nil, nil, nil
		}
		s := h.s
		vm := s.l.vm
		sc := h.sc
		if ev.code != 0 {
			s.setState(kReadBytesOrError, int32(ev.code))
			s.setState(kArrayBufferOffset, 0)
			return h.obj.Get("onread"), h.obj, []goja.Value{goja.Undefined()}
		}
		sc.bytesRead += int64(len(ev.data))
		select {
		case sc.resume <- struct{}{}:
		default:
		}
		if p := h.consumer; p != nil {
			return p.streamCallback(ev.data), p.obj, nil
		}
		s.setState(kReadBytesOrError, int32(len(ev.data)))
		s.setState(kArrayBufferOffset, 0)
		return h.obj.Get("onread"), h.obj, []goja.Value{vm.ToValue(vm.NewArrayBuffer(ev.data))}
	})
}

// write is StreamBase::Write: what the socket takes now is written at once (a synchronous
// write, kLastWriteWasAsync 0, no callback); the rest is written by a goroutine in order with
// earlier writes and req.oncomplete(status, handle) runs when it is done.
func (h *tcpHandle) write(reqObj *goja.Object, data []byte) int {
	s := h.s
	req := s.req(reqObj)
	sc := h.sc
	s.setState(kBytesWritten, int32(len(data)))
	s.setState(kLastWriteWasAsync, 0)
	if sc == nil || h.closing {
		s.destroyReq(req)
		return uvEBADF
	}
	n := 0
	if sc.queued == 0 {
		var err error
		n, err = sc.tryWrite(data)
		sc.bytesWrote += int64(n)
		if err != nil {
			s.destroyReq(req)
			return uvErr(err)
		}
		if n == len(data) {
			s.destroyReq(req)
			return 0
		}
	}
	s.setState(kLastWriteWasAsync, 1)
	s.startReq(req, h)
	rest := append([]byte(nil), data[n:]...)
	h.queue(reqObj, req, func() (int, error) { return sc.conn.Write(rest) }, len(rest))
	return 0
}

// queue runs op after every earlier queued request of the stream, then completes req.
func (h *tcpHandle) queue(reqObj *goja.Object, req *netReq, op func() (int, error), size int) {
	s := h.s
	host := s.host
	sc := h.sc
	sc.queued++
	sc.queuedSize += size
	_ = h.obj.Set("writeQueueSize", sc.queuedSize)
	release := host.Ref()
	prev := sc.lastWrite
	done := make(chan struct{})
	sc.lastWrite = done
	sc.wg.Add(1)
	go func() {
		defer sc.wg.Done()
		if prev != nil {
			select {
			case <-prev:
			case <-sc.done:
			}
		}
		var n int
		var err error
		select {
		case <-sc.done:
			err = net.ErrClosed
		default:
			n, err = op()
		}
		close(done)
		s.postReq(req, func() (goja.Value, goja.Value, []goja.Value) {
			release()
			sc.bytesWrote += int64(n)
			sc.queued--
			sc.queuedSize -= size
			if sc.queued == 0 {
				sc.lastWrite = nil
			}
			_ = h.obj.Set("writeQueueSize", sc.queuedSize)
			return reqObj.Get("oncomplete"), reqObj, []goja.Value{s.l.vm.ToValue(uvErr(err)), h.obj, goja.Undefined()}
		})
	}()
}

func (h *tcpHandle) shutdown(reqObj *goja.Object) int {
	sc := h.sc
	req := h.s.req(reqObj)
	if sc == nil || h.closing {
		h.s.destroyReq(req)
		return uvENOTCONN
	}
	h.s.startReq(req, h)
	h.queue(reqObj, req, func() (int, error) { return 0, sc.conn.CloseWrite() }, 0)
	return 0
}

// close is HandleWrap::Close: the handle stops at once; cb (if a function) runs on a later
// loop turn with the handle as this, then the resource is destroyed.
func (h *tcpHandle) close(cb goja.Value) {
	if h.closing {
		return
	}
	h.closing = true
	h.updateRef()
	h.stopHook()
	h.shut()
	host := h.s.host
	release := host.Ref()
	host.Post(h.id, h.trigger, h.typ, func() (goja.Value, goja.Value, []goja.Value) {
		release()
		host.DestroyAsyncResource(h.id, h.typ)
		if _, ok := goja.AssertFunction(cb); !ok {
			return nil, nil, nil
		}
		return cb, h.obj, nil
	})
}

// shut closes the listener, the connection and any connect in flight. Any goroutine (stop
// runs it after the loop has stopped).
func (h *tcpHandle) shut() {
	if h.ln != nil {
		_ = h.ln.Close()
	}
	if h.dialStop != nil {
		h.dialStop()
	}
	if h.sc != nil {
		h.sc.close()
	}
}

// stop is the handle's IOHost.OnStop hook: the program ended with the handle open, so its
// goroutines end here, before Run returns to the embedder, and the handle and its pending
// requests are recorded as gone (their completions will never run). It runs on the loop
// goroutine after JavaScript has stopped.
func (h *tcpHandle) stop() {
	h.shut()
	h.wg.Wait()
	if h.sc != nil {
		h.sc.wg.Wait()
	}
	for r := range h.reqs {
		h.s.destroyReq(r)
	}
	h.s.host.DestroyAsyncResource(h.id, h.typ)
}
