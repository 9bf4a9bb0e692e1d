package nodelib

import (
	"fmt"
	"net"
	"os"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// internalBinding('pipe_wrap') (node/src/pipe_wrap.cc): the Pipe handle, here only as the
// parent's end of a child process's stdio pipe (process_wrap opens it). A Pipe is a PIPEWRAP
// stream handle: its stream methods are tcp_wrap's (binding_tcp.go), which work on any
// streamSocket, and its socket is a Unix socketpair end, as libuv's uv_spawn makes stdio pipes.
// Pipes on a path (net on a Unix domain socket, IPC channels) are absent: Pipe has no bind,
// listen, connect or open, so net on a path fails with a TypeError.
//
// Goroutines: those of binding_stream.go per open pipe; close() and IOHost.OnStop end them.

// pipeStreamMethods are the tcp_wrap methods a Pipe shares: those of node's LibuvStreamWrap and
// HandleWrap.
var pipeStreamMethods = []string{
	"getAsyncId", "asyncReset", "close", "ref", "unref", "hasRef", "readStart", "readStop", "shutdown",
	"writeBuffer", "writeUtf8String", "writeAsciiString", "writeLatin1String", "writeUcs2String", "writev",
}

// providerPipeWrap is PIPEWRAP's number in node v20's async_wrap Providers.
const providerPipeWrap = 24

func init() {
	bindingMakers["pipe_wrap"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		c := vm.NewObject()
		for _, kv := range []struct {
			k string
			v int
		}{{"SOCKET", 0}, {"SERVER", 1}, {"IPC", 2}, {"UV_READABLE", 1}, {"UV_WRITABLE", 2}} {
			_ = c.Set(kv.k, kv.v)
		}
		_ = b.Set("constants", c)
		_ = b.Set("Pipe", l.netState().pipeClass())
		return b
	}
}

func (s *netState) pipeClass() goja.Value {
	l := s.l
	vm := l.vm
	tcp := l.internalBinding("tcp_wrap").Get("TCP").ToObject(vm)
	tcpProto := tcp.Get("prototype").ToObject(vm)
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		host := s.ioHost()
		h := &tcpHandle{s: s, obj: call.This, refd: true, typ: "PIPEWRAP"}
		h.id, h.trigger = host.NewAsyncResource(h.typ)
		h.stopHook = host.OnStop(h.stop)
		_ = call.This.DefineDataPropertySymbol(s.slot, vm.ToValue(h), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		_ = call.This.Set("reading", false)
		_ = call.This.Set("writeQueueSize", 0)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("Pipe"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	for _, name := range pipeStreamMethods {
		_ = proto.Set(name, tcpProto.Get(name))
	}
	_ = proto.Set("getProviderType", func(call goja.FunctionCall) goja.Value {
		s.tcp(call.This)
		return vm.ToValue(providerPipeWrap)
	})
	accessor := func(name string, get func(h *tcpHandle) goja.Value) {
		_ = proto.DefineAccessorProperty(name, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			return get(s.tcp(call.This))
		}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	accessor("bytesRead", func(h *tcpHandle) goja.Value {
		if h.sc != nil {
			return vm.ToValue(h.sc.bytesRead)
		}
		return vm.ToValue(0)
	})
	accessor("bytesWritten", func(h *tcpHandle) goja.Value {
		if h.sc != nil {
			return vm.ToValue(h.sc.bytesWrote)
		}
		return vm.ToValue(0)
	})
	accessor("fd", func(h *tcpHandle) goja.Value { return vm.ToValue(h.fd()) })
	return ctor
}

// stdioSocketpair makes one stdio pipe of a child process: the child's end as a file to hand
// to the child, and the parent's end as a stream socket. Both ends are close-on-exec; the
// child gets its end through dup2 in os.StartProcess.
func stdioSocketpair() (child *os.File, parent streamSocket, err error) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("making a stdio socketpair: %w", err)
	}
	child = os.NewFile(uintptr(fds[0]), "stdio-child")
	pf := os.NewFile(uintptr(fds[1]), "stdio-parent")
	defer pf.Close() // net.FileConn dups the descriptor
	c, err := net.FileConn(pf)
	if err != nil {
		_ = child.Close()
		return nil, nil, fmt.Errorf("opening the parent's end of a stdio pipe: %w", err)
	}
	uc, ok := c.(*net.UnixConn)
	if !ok {
		_ = c.Close()
		_ = child.Close()
		return nil, nil, fmt.Errorf("opening the parent's end of a stdio pipe: got a %T", c)
	}
	return child, uc, nil
}
