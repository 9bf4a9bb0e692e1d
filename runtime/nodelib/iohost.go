package nodelib

import "github.com/dop251/goja"

// IOHost is what network bindings (tcp_wrap, stream_wrap, cares_wrap, ...)
// need beyond Host: async resources of their own, completions that arrive
// on other goroutines (Go's netpoller), and handles that keep the loop
// alive, as libuv's handles do. The runtime's Host implements it.
type IOHost interface {
	// NewAsyncResource records the creation of a resource of async_hooks
	// type typ (TCPWRAP, TCPSERVERWRAP, GETADDRINFOREQWRAP, ...) and returns
	// its async id and trigger id. Loop goroutine only.
	NewAsyncResource(typ string) (id, trigger uint64)
	// DestroyAsyncResource records that the resource is gone.
	DestroyAsyncResource(id uint64, typ string)
	// Post hands fn to the loop from any goroutine. The loop runs it in the
	// poll phase; what it returns is called inside a callback scope as the
	// callback of resource id. It reports false once the loop has stopped.
	Post(id, trigger uint64, typ string, fn func() (cb goja.Value, this goja.Value, args []goja.Value)) bool
	// Ref keeps the loop alive until release is called: an active, ref'd
	// handle (a listening server, an open socket). Loop goroutine only;
	// release is idempotent.
	Ref() (release func())
	// OnStop registers fn to run when the program ends (Run returns, by
	// exit, exception or cancellation), so bindings can close sockets and
	// end their goroutines. fn runs once, on the goroutine that ran the
	// loop, after JavaScript has stopped. Loop goroutine only; the returned
	// cancel unregisters fn (e.g. after a socket closed normally).
	OnStop(fn func()) (cancel func())
}

// AsyncIDHost gives internalBinding('async_wrap') the runtime's async ids:
// async_hooks.executionAsyncId() and triggerAsyncId(). Loop goroutine only.
type AsyncIDHost interface {
	ExecutionAsyncID() uint64
	TriggerAsyncID() uint64
}
