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
