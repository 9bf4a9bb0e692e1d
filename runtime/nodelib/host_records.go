package nodelib

// SyncRecorder lets bindings record a synchronous call that blocks the loop
// goroutine (the open, fstat, read and close of fs.readFileSync, a statSync,
// ...), for the profiles and warnings. The runtime's Host implements it.
// Loop goroutine only.
type SyncRecorder interface {
	// SyncStart returns the start of a call to be passed to SyncEnd, or 0
	// when nobody observes the records: the caller then skips SyncEnd, so
	// an unobserved sync call costs one atomic load.
	SyncStart() int64
	// SyncEnd records the call that began at start: name is what it was
	// ("fs.open"), errCode the error code ("ENOENT") if it failed.
	SyncEnd(start int64, name, errCode string)
}

// runSync runs op now, on the loop goroutine, recording it for the
// profiles when someone observes.
func (b *fsBinding) runSync(op fsOp) opResult {
	rec, ok := b.l.opts.Host.(SyncRecorder)
	if !ok {
		return runOp(op)
	}
	start := rec.SyncStart()
	r := runOp(op)
	if start != 0 {
		code := ""
		if r.err != nil {
			code = b.uvNames[r.err.errno][0]
		}
		rec.SyncEnd(start, "fs."+op.syscall, code)
	}
	return r
}

// ScopeHost runs a binding's JS callback as one of its async resources,
// nested in the callback that is running: executionAsyncId is the
// resource while fn runs, and the records show its callback. The task
// queues are not drained (node's InternalCallbackScope with
// kSkipTaskQueues, as its http parser uses). Loop goroutine only.
type ScopeHost interface {
	InScope(id, trigger uint64, typ string, fn func())
}

// HTTPTracer serves nodelib's internalBinding('http_trace'), through which
// node's _http_server and _http_client (patched, see internal/gen) report
// each HTTP exchange for trace export and get the traceparent header an
// outgoing request carries. Loop goroutine only.
type HTTPTracer interface {
	// HTTPTracing reports whether exchanges are recorded now: one atomic
	// load. The JS calls nothing else, and reads no header, when it is
	// false.
	HTTPTracing() bool
	// HTTPServerStart records a server request whose head was parsed and
	// returns its key (0: not recorded). traceparent and host are the
	// inbound headers, "" if absent.
	HTTPServerStart(method, target, traceparent, host string) uint64
	// HTTPClientStart records a client request being constructed and
	// returns its key (0: not recorded) and the traceparent header it
	// must carry; scheme is "http" or "https".
	HTTPClientStart(method, scheme, host string, port int, path string) (key uint64, traceparent string)
	// HTTPEnd records the end of the exchange key: status is the response
	// status code (0 if none), errCode why it failed ("" if it did not).
	// A key ends once; later calls do nothing.
	HTTPEnd(key uint64, status int, errCode string)
}
