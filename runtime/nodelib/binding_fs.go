package nodelib

import (
	"errors"
	"math"
	"math/big"
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"github.com/studiojs/studio/runtime/pool"
)

// internalBinding('fs') (node/src/node_file.cc). Every function takes node's calling
// convention from its request argument:
//
//   - an FSReqCallback: the call runs on the host's worker pool as one FSREQCALLBACK and
//     req.oncomplete(err) or req.oncomplete(null, result) runs on the loop;
//   - kUsePromises: the same, as one FSREQPROMISE, and the call returns a promise;
//   - undefined followed by a ctx object (writeSync, Dir): the call runs now and a failure is
//     recorded on ctx (errno, syscall) for the JS side's handleErrorFromBinding;
//   - nothing: the call runs now and a failure throws node's UVException.
//
// File descriptors are the process's real ones, as in node, so fds from fs.openSync work with
// any other code that takes one. The operations live in binding_fs_ops.go and use only Go
// values, because the asynchronous forms run them on worker goroutines; the handles
// (FileHandle, fs_dir's DirHandle) are in binding_fs_handles.go, the watchers (FSEvent,
// StatWatcher) in binding_fs_watch.go.

// fsBinding is the state of internalBinding('fs') in one Lib.
type fsBinding struct {
	l   *Lib
	obj *goja.Object

	usePromises *goja.Symbol // binding.kUsePromises
	reqProto    *goja.Object // FSReqCallback.prototype: an FSReqCallback inherits from it
	handleState *goja.Symbol // holds the Go state of a FileHandle, DirHandle or watcher

	statValues, bigintStatValues     *goja.Object
	statFsValues, bigintStatFsValues *goja.Object

	fileHandleProto *goja.Object
	uvNames         map[unix.Errno][2]string // errno -> code, message (libuv's table)
}

const (
	kFsStatsFieldsNumber   = 18
	kFsStatFsFieldsNumber  = 7
	fsReqCallbackType      = "FSREQCALLBACK"
	fsReqPromiseType       = "FSREQPROMISE"
	fileHandleCloseReqType = "FILEHANDLECLOSEREQ"
)

// fsError is a failed file system call as libuv reports it: an errno and the syscall, path
// and destination node names in the message.
type fsError struct {
	errno   unix.Errno
	syscall string
	path    *string
	dest    *string
}

func (e *fsError) Error() string { return e.syscall + ": " + e.errno.Error() }

// fsOp is one call: run does the work (on a worker for the asynchronous forms, so it must not
// touch goja) and toJS turns its result into the JS value node's C++ would produce.
type fsOp struct {
	syscall string
	path    *string
	dest    *string
	run     func() (any, error)
	toJS    func(v any, promise bool) goja.Value
}

func init() {
	bindingMakers["fs"] = func(l *Lib) *goja.Object {
		b := newFSBinding(l)
		_ = b.obj.DefineDataPropertySymbol(fsStateKey, l.vm.ToValue(b), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return b.obj
	}
	// internalBinding('permission'): the permission model is off (--experimental-permission is
	// false in options.json), so internal/process/permission never asks it anything.
	bindingMakers["permission"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("has", func(goja.FunctionCall) goja.Value {
			panic(l.newError("Error", "nodelib: the permission model is not supported", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
		})
		return b
	}
}

// fsStateKey holds the Go state of internalBinding('fs') on the binding object itself, so
// fs_dir finds it without a field in Lib.
var fsStateKey = goja.NewSymbol("nodelib.fsBinding")

// fsBinding returns the Lib's fs binding state, creating it on first use.
func (l *Lib) fsBinding() *fsBinding {
	return l.internalBinding("fs").GetSymbol(fsStateKey).Export().(*fsBinding)
}

func newFSBinding(l *Lib) *fsBinding {
	vm := l.vm
	b := &fsBinding{
		l:           l,
		obj:         vm.NewObject(),
		usePromises: goja.NewSymbol("fs_use_promises_symbol"),
		handleState: goja.NewSymbol("fs_handle_state"),
		uvNames:     map[unix.Errno][2]string{},
	}
	if s, ok := l.internalBinding("symbols").Get("fs_use_promises_symbol").(*goja.Symbol); ok {
		b.usePromises = s
	}
	errmap := l.bindingData().Get("uvErrmap").ToObject(vm)
	for i, n := int64(0), errmap.Get("length").ToInteger(); i < n; i++ {
		e := errmap.Get(itoa(i)).ToObject(vm)
		info := e.Get("1").ToObject(vm)
		b.uvNames[unix.Errno(-e.Get("0").ToInteger())] = [2]string{info.Get("0").String(), info.Get("1").String()}
	}
	b.statValues = l.newTypedArray("Float64Array", 2*kFsStatsFieldsNumber)
	b.bigintStatValues = l.newTypedArray("BigInt64Array", 2*kFsStatsFieldsNumber)
	b.statFsValues = l.newTypedArray("Float64Array", kFsStatFsFieldsNumber)
	b.bigintStatFsValues = l.newTypedArray("BigInt64Array", kFsStatFsFieldsNumber)

	o := b.obj
	_ = o.Set("kFsStatsFieldsNumber", kFsStatsFieldsNumber)
	_ = o.Set("kUsePromises", b.usePromises)
	_ = o.Set("statValues", b.statValues)
	_ = o.Set("bigintStatValues", b.bigintStatValues)
	_ = o.Set("statFsValues", b.statFsValues)
	_ = o.Set("bigintStatFsValues", b.bigintStatFsValues)

	// new FSReqCallback(bigint): node's takes the bigint flag to pick the stats array a stat
	// fills; every stat call also passes that flag itself, which is what statToJS reads. Every
	// asynchronous call makes one, so the constructor does nothing: a request is recognised by
	// its prototype (kindOfReq), and carries no own property node's would not have.
	reqCtor := vm.ToValue(func(goja.ConstructorCall) *goja.Object { return nil }).ToObject(vm)
	_ = reqCtor.DefineDataProperty("name", vm.ToValue("FSReqCallback"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	b.reqProto = reqCtor.Get("prototype").ToObject(vm)
	_ = o.Set("FSReqCallback", reqCtor)
	_ = o.Set("StatWatcher", b.statWatcherClass())
	b.installFileHandle()
	b.installFunctions()
	return b
}

// reqKind says which of node's calling conventions a call uses.
type reqKind int

const (
	reqSync reqKind = iota
	reqSyncCtx
	reqCallback
	reqPromise
)

// kindOfReq classifies the request argument at index i of call.
func (b *fsBinding) kindOfReq(call goja.FunctionCall, i int) (reqKind, *goja.Object) {
	req := call.Argument(i)
	if s, ok := req.(*goja.Symbol); ok && s == b.usePromises {
		return reqPromise, nil
	}
	if o, ok := req.(*goja.Object); ok {
		if b.isReq(o) {
			return reqCallback, o
		}
		// A req that is neither: node's C++ would treat it as an FSReqCallback and crash;
		// refuse it instead.
		panic(b.l.newError("TypeError", "nodelib: fs request is not an FSReqCallback", "ERR_INVALID_ARG_TYPE"))
	}
	if ctx, ok := call.Argument(i + 1).(*goja.Object); ok && goja.IsUndefined(req) {
		return reqSyncCtx, ctx
	}
	return reqSync, nil
}

// isReq reports whether o is an FSReqCallback: FSReqCallback.prototype is on its prototype
// chain, as `o instanceof FSReqCallback` would say.
func (b *fsBinding) isReq(o *goja.Object) bool {
	for p := o.Prototype(); p != nil; p = p.Prototype() {
		if p == b.reqProto {
			return true
		}
	}
	return false
}

// do runs op with the calling convention of the request at argument index reqIdx.
func (b *fsBinding) do(call goja.FunctionCall, reqIdx int, op fsOp) goja.Value {
	kind, req := b.kindOfReq(call, reqIdx)
	return b.dispatch(kind, req, op, fsReqPromiseType)
}

func (b *fsBinding) dispatch(kind reqKind, req *goja.Object, op fsOp, promiseType string) goja.Value {
	l := b.l
	switch kind {
	case reqCallback:
		host := b.host()
		host.QueueWork(Work{
			Type: fsReqCallbackType,
			Kind: pool.KindFastIO,
			Run:  func() any { return runOp(op) },
			Done: func(result any) (goja.Value, goja.Value, []goja.Value) {
				onComplete := req.Get("oncomplete")
				r := opResultOf(result, op)
				if r.err != nil {
					return onComplete, req, []goja.Value{b.asyncError(r.err)}
				}
				// FSReqCallback::Resolve passes the result only when there is one.
				if v := b.resultToJS(op, r.v, false); !goja.IsUndefined(v) {
					return onComplete, req, []goja.Value{goja.Null(), v}
				}
				return onComplete, req, []goja.Value{goja.Null()}
			},
		})
		return goja.Undefined()
	case reqPromise:
		host := b.host()
		p, resolve, reject := l.vm.NewPromise()
		host.QueueWork(Work{
			Type: promiseType,
			Kind: pool.KindFastIO,
			Run:  func() any { return runOp(op) },
			Done: func(result any) (goja.Value, goja.Value, []goja.Value) {
				r := opResultOf(result, op)
				var settle func()
				if r.err != nil {
					e := b.asyncError(r.err)
					settle = func() { _ = reject(e) }
				} else {
					v := b.resultToJS(op, r.v, true)
					settle = func() { _ = resolve(v) }
				}
				return l.vm.ToValue(settle), goja.Undefined(), nil
			},
		})
		return l.vm.ToValue(p)
	case reqSyncCtx:
		r := b.runSync(op)
		if r.err != nil {
			_ = req.Set("errno", -int64(r.err.errno))
			_ = req.Set("syscall", r.err.syscall)
			return goja.Undefined()
		}
		return b.resultToJS(op, r.v, false)
	default:
		r := b.runSync(op)
		if r.err != nil {
			panic(b.syncError(r.err))
		}
		return b.resultToJS(op, r.v, false)
	}
}

func (b *fsBinding) host() Host {
	if b.l.opts.Host == nil {
		panic(b.l.newError("Error", "nodelib: asynchronous fs calls need a host worker pool", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
	}
	return b.l.opts.Host
}

func (b *fsBinding) resultToJS(op fsOp, v any, promise bool) goja.Value {
	if op.toJS == nil {
		return goja.Undefined()
	}
	return op.toJS(v, promise)
}

// opResult is what runOp hands from the worker to the loop.
type opResult struct {
	v   any
	err *fsError
}

func runOp(op fsOp) opResult {
	v, err := op.run()
	if err != nil {
		return opResult{err: op.fail(err)}
	}
	return opResult{v: v}
}

// fail turns err into the fsError of op; an error that carries its own fsError (a call that
// makes several syscalls) keeps it.
func (op fsOp) fail(err error) *fsError {
	var fe *fsError
	if errors.As(err, &fe) {
		return fe
	}
	var errno unix.Errno
	if !errors.As(err, &errno) {
		errno = unix.EIO
	}
	return &fsError{errno: errno, syscall: op.syscall, path: op.path, dest: op.dest}
}

// opResultOf reads the pool's result: an opResult, or an error if Run panicked.
func opResultOf(result any, op fsOp) opResult {
	if r, ok := result.(opResult); ok {
		return r
	}
	err, _ := result.(error)
	if err == nil {
		err = errors.New("nodelib: unexpected fs result")
	}
	return opResult{err: op.fail(err)}
}

// uvError builds node's UVException for e (node/src/api/exceptions.cc): message
// "CODE: description, syscall 'path' -> 'dest'", then errno, code, syscall, path, dest in
// that order.
func (b *fsBinding) uvError(e *fsError) *goja.Object {
	names, ok := b.uvNames[e.errno]
	if !ok {
		names = [2]string{"UNKNOWN", "unknown error"}
	}
	msg := names[0] + ": " + names[1] + ", " + e.syscall
	if e.path != nil {
		msg += " '" + *e.path + "'"
	}
	if e.dest != nil {
		msg += " -> '" + *e.dest + "'"
	}
	err := b.l.newError("Error", msg, "")
	_ = err.Set("errno", -int64(e.errno))
	_ = err.Set("code", names[0])
	_ = err.Set("syscall", e.syscall)
	if e.path != nil {
		_ = err.Set("path", *e.path)
	}
	if e.dest != nil {
		_ = err.Set("dest", *e.dest)
	}
	return err
}

// syncError is the exception a synchronous call throws. Its stack starts at the JS caller of
// the binding function, as node's does: V8 shows no frame for a C++ function.
func (b *fsBinding) syncError(e *fsError) *goja.Object {
	err := b.uvError(e)
	frames := b.l.vm.CaptureCallStack(0, nil)
	for len(frames) > 0 && frames[0].SrcName() == "<native>" {
		frames = frames[1:]
	}
	b.l.defineStack(err, b.l.selectFrames(frames, ""))
	return err
}

// asyncError is the error an asynchronous call completes with. Node creates it in C++ with
// no JS frame on the stack, so its stack is the message line alone.
func (b *fsBinding) asyncError(e *fsError) *goja.Object {
	err := b.uvError(e)
	b.l.defineStack(err, nil)
	return err
}

// Argument conversion.

// pathArg reads a path argument: a string, or a Buffer/Uint8Array holding its bytes (node's
// BufferValue).
func (b *fsBinding) pathArg(v goja.Value) string {
	if bs, ok := b.l.bytesOf(v); ok {
		return string(bs)
	}
	return v.String()
}

// CwdHost is implemented by a Host whose program has a working directory of its own
// (process.cwd(), which process.chdir changes), not the Go process's: the bindings resolve
// relative paths against it, as libuv does against the OS's. Cwd is called on the loop
// goroutine.
type CwdHost interface {
	Cwd() string
}

// abs is path for a syscall: a relative path is joined to the program's working directory
// (not cleaned: "a/../b" and a trailing slash mean to the kernel what they meant). Errors
// keep the path as given, as node's do. Called on the loop goroutine, before the work goes
// to the pool, so that a later process.chdir does not change it.
func (b *fsBinding) abs(path string) string {
	if path == "" || path[0] == '/' {
		return path
	}
	if h, ok := b.l.opts.Host.(CwdHost); ok {
		if cwd := h.Cwd(); cwd != "" {
			return strings.TrimSuffix(cwd, "/") + "/" + path
		}
	}
	return path
}

// strp returns a pointer to s, for fsError paths.
func strp(s string) *string { return &s }

// intArg reads an integer argument that node's JS has validated (an Int32 fd, a mode, ...).
func intArg(v goja.Value) int {
	return int(v.ToInteger())
}

// positionArg reads a file position: a safe integer or a BigInt, anything else (null,
// undefined, -1) meaning "the current position" as -1.
func positionArg(v goja.Value) int64 {
	switch x := v.Export().(type) {
	case int64:
		return x
	case float64:
		if x == math.Trunc(x) && math.Abs(x) <= 1<<53 {
			return int64(x)
		}
	case *big.Int:
		if x.IsInt64() {
			return x.Int64()
		}
	}
	return -1
}

// bufferRange returns buf[offset:offset+length] of a validated buffer argument; node's JS
// checks the range, this only keeps a bad call from panicking in Go.
func (b *fsBinding) bufferRange(bufV, offV, lenV goja.Value) []byte {
	buf := b.l.mustBytes(bufV, "buffer")
	off := offV.ToInteger()
	n := lenV.ToInteger()
	if off < 0 || n < 0 || off > int64(len(buf)) || n > int64(len(buf))-off {
		panic(b.l.newError("RangeError", "The value of \"offset\" is out of range.", "ERR_OUT_OF_RANGE"))
	}
	return buf[off : off+n]
}

// buffersArg reads an array of ArrayBufferViews (readv/writev).
func (b *fsBinding) buffersArg(v goja.Value) [][]byte {
	arr := v.ToObject(b.l.vm)
	n := arr.Get("length").ToInteger()
	out := make([][]byte, 0, n)
	for i := int64(0); i < n; i++ {
		out = append(out, b.l.mustBytes(arr.Get(itoa(i)), "buffers"))
	}
	return out
}

// encodeName turns bytes the kernel returned (a file name, link target, path) into a string
// in encoding enc, or a Buffer for 'buffer', as node's StringBytes::Encode does.
func (b *fsBinding) encodeName(name []byte, enc goja.Value) goja.Value {
	if enc == nil || goja.IsUndefined(enc) || goja.IsNull(enc) {
		return b.l.vm.ToValue(decodeUTF8(name))
	}
	if e := parseEncoding(enc.String()); e != encBuffer {
		return decodeBytes(b.l.vm, name, e)
	}
	return b.l.newBuffer(append([]byte(nil), name...))
}

// encodeString converts a JS string to bytes in encoding enc (writeString).
func (b *fsBinding) encodeString(s goja.Value, enc goja.Value) []byte {
	if goja.IsUndefined(enc) || goja.IsNull(enc) {
		return utf8Bytes(s)
	}
	return encodeString(s, parseEncoding(enc.String()))
}
