package nodelib

import (
	"errors"
	"io"
	"os"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// readFileUtf8 and writeFileUtf8 (node 20's fast paths of readFileSync/writeFileSync with
// 'utf8'), FileHandle (the handle behind fs/promises' FileHandle class) and
// internalBinding('fs_dir') (node/src/node_dir.cc: opendir and its DirHandle).

// readFileUtf8(path | fd, flags) reads a whole file as UTF-8; synchronous only.
func (b *fsBinding) readFileUtf8(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	fd, isFD := int32Arg(arg)
	if !isFD {
		path := b.pathArg(arg)
		f, err := unix.Open(b.abs(path), intArg(call.Argument(1))|unix.O_CLOEXEC, 0o666)
		if err != nil {
			panic(b.syncError(fsOp{syscall: "open", path: strp(path)}.fail(err)))
		}
		defer unix.Close(f)
		fd = f
	}
	var data []byte
	chunk := make([]byte, 64<<10)
	for {
		n, err := readAt(fd, chunk, -1)
		if err != nil {
			panic(b.syncError(fsOp{syscall: "read"}.fail(err)))
		}
		if n == 0 {
			break
		}
		data = append(data, chunk[:n]...)
	}
	return b.l.vm.ToValue(decodeUTF8(data))
}

// writeFileUtf8(path | fd, data, flags, mode) writes a string as UTF-8; synchronous only.
func (b *fsBinding) writeFileUtf8(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	data := utf8Bytes(call.Argument(1))
	fd, isFD := int32Arg(arg)
	if !isFD {
		path := b.pathArg(arg)
		f, err := unix.Open(b.abs(path), intArg(call.Argument(2))|unix.O_CLOEXEC, uint32(intArg(call.Argument(3))))
		if err != nil {
			panic(b.syncError(fsOp{syscall: "open", path: strp(path)}.fail(err)))
		}
		defer unix.Close(f)
		fd = f
	}
	for len(data) > 0 {
		n, err := writeAt(fd, data, -1)
		if err != nil {
			panic(b.syncError(fsOp{syscall: "write"}.fail(err)))
		}
		data = data[n:]
	}
	return goja.Undefined()
}

// int32Arg reports whether v is an Int32 (a file descriptor rather than a path).
func int32Arg(v goja.Value) (int, bool) {
	n, ok := v.Export().(int64)
	if !ok || n < -1<<31 || n >= 1<<31 {
		return 0, false
	}
	return int(n), true
}

// fileHandle is the Go side of a FileHandle: the fd it owns, -1 once closed or released.
type fileHandle struct{ fd int }

func (b *fsBinding) installFileHandle() {
	vm := b.l.vm
	proto := vm.NewObject()
	state := func(this goja.Value) *fileHandle {
		if o, ok := this.(*goja.Object); ok {
			if v := o.GetSymbol(b.handleState); v != nil {
				if h, ok := v.Export().(*fileHandle); ok {
					return h
				}
			}
		}
		panic(b.l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
	}
	_ = proto.DefineAccessorProperty("fd", vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(state(call.This).fd)
	}), nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = proto.Set("close", func(call goja.FunctionCall) goja.Value {
		h := state(call.This)
		fd := h.fd
		h.fd = -1
		return b.dispatch(reqPromise, nil, fsOp{syscall: "close", run: func() (any, error) {
			if fd < 0 {
				return nil, unix.EBADF
			}
			return nil, unix.Close(fd)
		}}, fileHandleCloseReqType)
	})
	// releaseFD hands the fd to the caller, who now owns it (node's FileHandle::ReleaseFD).
	_ = proto.Set("releaseFD", func(call goja.FunctionCall) goja.Value {
		h := state(call.This)
		fd := h.fd
		h.fd = -1
		return vm.ToValue(fd)
	})
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		fd, ok := int32Arg(call.Argument(0))
		if !ok {
			panic(b.l.newError("TypeError", "The \"fd\" argument must be of type number", "ERR_INVALID_ARG_TYPE"))
		}
		return b.newFileHandle(fd)
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	b.fileHandleProto = proto
	_ = b.obj.Set("FileHandle", ctor)
}

func (b *fsBinding) newFileHandle(fd int) *goja.Object {
	o := b.l.vm.NewObject()
	_ = o.SetPrototype(b.fileHandleProto)
	_ = o.DefineDataPropertySymbol(b.handleState, b.l.vm.ToValue(&fileHandle{fd: fd}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return o
}

// dirHandle is the Go side of a DirHandle: the open directory, nil once closed.
type dirHandle struct{ f *os.File }

func init() {
	bindingMakers["fs_dir"] = func(l *Lib) *goja.Object {
		return l.fsBinding().dirBinding()
	}
}

func (b *fsBinding) dirBinding() *goja.Object {
	vm := b.l.vm
	o := vm.NewObject()
	proto := vm.NewObject()
	state := func(this goja.Value) *dirHandle {
		if obj, ok := this.(*goja.Object); ok {
			if v := obj.GetSymbol(b.handleState); v != nil {
				if h, ok := v.Export().(*dirHandle); ok {
					return h
				}
			}
		}
		panic(b.l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
	}
	newHandle := func(v any, _ bool) goja.Value {
		h := vm.NewObject()
		_ = h.SetPrototype(proto)
		_ = h.DefineDataPropertySymbol(b.handleState, vm.ToValue(&dirHandle{f: v.(*os.File)}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return h
	}
	open := func(path string) (any, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		if fi, err := f.Stat(); err != nil || !fi.IsDir() {
			f.Close()
			if err == nil {
				err = unix.ENOTDIR
			}
			return nil, err
		}
		return f, nil
	}
	_ = o.Set("opendir", func(call goja.FunctionCall) goja.Value {
		path := b.pathArg(call.Argument(0))
		abs := b.abs(path)
		return b.do(call, 2, fsOp{syscall: "opendir", path: strp(path), run: func() (any, error) { return open(abs) }, toJS: newHandle})
	})
	_ = o.Set("opendirSync", func(call goja.FunctionCall) goja.Value {
		path := b.abs(b.pathArg(call.Argument(0)))
		// node_dir.cc's OpenDirSync throws without the path, unlike every other call.
		return b.dispatch(reqSync, nil, fsOp{syscall: "opendir", run: func() (any, error) { return open(path) }, toJS: newHandle}, fsReqPromiseType)
	})
	_ = proto.Set("read", func(call goja.FunctionCall) goja.Value {
		h := state(call.This)
		enc := call.Argument(0)
		n := int(call.Argument(1).ToInteger())
		if n <= 0 {
			n = 32
		}
		f := h.f
		return b.do(call, 2, fsOp{syscall: "scandir", run: func() (any, error) {
			if f == nil {
				return nil, unix.EBADF
			}
			ents, err := f.ReadDir(n)
			if errors.Is(err, io.EOF) {
				return []dirEntry(nil), nil
			}
			if err != nil {
				return nil, err
			}
			out := make([]dirEntry, len(ents))
			for i, e := range ents {
				out[i] = dirEntry{name: []byte(e.Name()), typ: direntType(e.Type())}
			}
			return out, nil
		}, toJS: func(v any, _ bool) goja.Value {
			ents := v.([]dirEntry)
			if len(ents) == 0 {
				return goja.Null()
			}
			vals := make([]any, 0, 2*len(ents))
			for _, e := range ents {
				vals = append(vals, b.encodeName(e.name, enc), e.typ)
			}
			return vm.NewArray(vals...)
		}})
	})
	_ = proto.Set("close", func(call goja.FunctionCall) goja.Value {
		h := state(call.This)
		f := h.f
		h.f = nil
		return b.do(call, 0, fsOp{syscall: "closedir", run: func() (any, error) {
			if f == nil {
				return nil, unix.EBADF
			}
			return nil, f.Close()
		}})
	})
	return o
}
