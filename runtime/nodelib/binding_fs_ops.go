package nodelib

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// The functions of internalBinding('fs'), each as node_file.cc declares it: arguments first,
// the request (FSReqCallback, kUsePromises or undefined) last, except where node adds a
// trailing flag (stat's throwIfNoEntry, fstat's shouldNotThrow) or a ctx object.

// statData is a file's stat in node's field order (node_file.h FsStatsOffset).
type statData [kFsStatsFieldsNumber]int64

// statFsData is a file system's statfs in node's order: type, bsize, blocks, bfree, bavail,
// files, ffree.
type statFsData [kFsStatFsFieldsNumber]int64

// dirEntry is one readdir entry: name and libuv dirent type (UV_DIRENT_*).
type dirEntry struct {
	name []byte
	typ  int
}

const (
	uvDirentUnknown = iota
	uvDirentFile
	uvDirentDir
	uvDirentLink
	uvDirentFifo
	uvDirentSocket
	uvDirentChar
	uvDirentBlock
)

func (b *fsBinding) installFunctions() {
	o := b.obj
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }

	set("access", func(call goja.FunctionCall) goja.Value {
		path, mode := b.pathArg(call.Argument(0)), intArg(call.Argument(1))
		abs := b.abs(path)
		return b.do(call, 2, fsOp{syscall: "access", path: strp(path), run: func() (any, error) {
			return nil, unix.Access(abs, uint32(mode))
		}})
	})
	set("existsSync", func(call goja.FunctionCall) goja.Value {
		path := b.abs(b.pathArg(call.Argument(0)))
		r := b.runSync(fsOp{syscall: "access", run: func() (any, error) { return nil, unix.Access(path, unix.F_OK) }})
		return b.l.vm.ToValue(r.err == nil)
	})
	set("internalModuleStat", func(call goja.FunctionCall) goja.Value {
		// node 20 takes (path) here and (receiver, path) in later versions.
		arg := call.Argument(0)
		if len(call.Arguments) > 1 {
			arg = call.Argument(1)
		}
		var st unix.Stat_t
		if err := unix.Stat(b.abs(b.pathArg(arg)), &st); err != nil {
			var errno unix.Errno
			if errors.As(err, &errno) {
				return b.l.vm.ToValue(-int(errno))
			}
			return b.l.vm.ToValue(-int(unix.EIO))
		}
		if st.Mode&unix.S_IFMT == unix.S_IFDIR {
			return b.l.vm.ToValue(1)
		}
		return b.l.vm.ToValue(0)
	})
	set("open", func(call goja.FunctionCall) goja.Value {
		path, flags, mode := b.pathArg(call.Argument(0)), intArg(call.Argument(1)), intArg(call.Argument(2))
		abs := b.abs(path)
		return b.do(call, 3, fsOp{syscall: "open", path: strp(path), run: func() (any, error) {
			return unix.Open(abs, flags|unix.O_CLOEXEC, uint32(mode))
		}, toJS: b.intToJS})
	})
	set("openFileHandle", func(call goja.FunctionCall) goja.Value {
		path, flags, mode := b.pathArg(call.Argument(0)), intArg(call.Argument(1)), intArg(call.Argument(2))
		abs := b.abs(path)
		return b.do(call, 3, fsOp{syscall: "open", path: strp(path), run: func() (any, error) {
			return unix.Open(abs, flags|unix.O_CLOEXEC, uint32(mode))
		}, toJS: func(v any, _ bool) goja.Value { return b.newFileHandle(v.(int)) }})
	})
	set("close", func(call goja.FunctionCall) goja.Value {
		fd := b.fdArg(call.Argument(0))
		return b.do(call, 1, fsOp{syscall: "close", run: func() (any, error) {
			return nil, unix.Close(fd)
		}})
	})
	set("read", func(call goja.FunctionCall) goja.Value {
		fd := b.fdArg(call.Argument(0))
		buf := b.bufferRange(call.Argument(1), call.Argument(2), call.Argument(3))
		pos := positionArg(call.Argument(4))
		return b.do(call, 5, fsOp{syscall: "read", run: func() (any, error) {
			return readAt(fd, buf, pos)
		}, toJS: b.intToJS})
	})
	set("readBuffers", func(call goja.FunctionCall) goja.Value {
		fd, bufs, pos := b.fdArg(call.Argument(0)), b.buffersArg(call.Argument(1)), positionArg(call.Argument(2))
		return b.do(call, 3, fsOp{syscall: "read", run: func() (any, error) {
			if pos < 0 {
				return unix.Readv(fd, bufs)
			}
			return unix.Preadv(fd, bufs, pos)
		}, toJS: b.intToJS})
	})
	set("writeBuffer", func(call goja.FunctionCall) goja.Value {
		fd := b.fdArg(call.Argument(0))
		buf := b.bufferRange(call.Argument(1), call.Argument(2), call.Argument(3))
		pos := positionArg(call.Argument(4))
		return b.do(call, 5, fsOp{syscall: "write", run: func() (any, error) {
			return writeAt(fd, buf, pos)
		}, toJS: b.intToJS})
	})
	set("writeString", func(call goja.FunctionCall) goja.Value {
		fd := b.fdArg(call.Argument(0))
		buf := b.encodeString(call.Argument(1), call.Argument(3))
		pos := positionArg(call.Argument(2))
		return b.do(call, 4, fsOp{syscall: "write", run: func() (any, error) {
			return writeAt(fd, buf, pos)
		}, toJS: b.intToJS})
	})
	set("writeBuffers", func(call goja.FunctionCall) goja.Value {
		fd, bufs, pos := b.fdArg(call.Argument(0)), b.buffersArg(call.Argument(1)), positionArg(call.Argument(2))
		return b.do(call, 3, fsOp{syscall: "write", run: func() (any, error) {
			if pos < 0 {
				return unix.Writev(fd, bufs)
			}
			return unix.Pwritev(fd, bufs, pos)
		}, toJS: b.intToJS})
	})
	set("readFileUtf8", func(call goja.FunctionCall) goja.Value {
		return b.readFileUtf8(call)
	})
	set("writeFileUtf8", func(call goja.FunctionCall) goja.Value {
		return b.writeFileUtf8(call)
	})
	for _, name := range []string{"fsync", "fdatasync"} {
		sync := unix.Fsync
		if name == "fdatasync" {
			sync = unix.Fdatasync
		}
		set(name, func(call goja.FunctionCall) goja.Value {
			fd := b.fdArg(call.Argument(0))
			return b.do(call, 1, fsOp{syscall: name, run: func() (any, error) { return nil, sync(fd) }})
		})
	}
	set("ftruncate", func(call goja.FunctionCall) goja.Value {
		fd, n := b.fdArg(call.Argument(0)), call.Argument(1).ToInteger()
		return b.do(call, 2, fsOp{syscall: "ftruncate", run: func() (any, error) { return nil, unix.Ftruncate(fd, n) }})
	})
	set("rename", func(call goja.FunctionCall) goja.Value {
		from, to := b.pathArg(call.Argument(0)), b.pathArg(call.Argument(1))
		absFrom, absTo := b.abs(from), b.abs(to)
		return b.do(call, 2, fsOp{syscall: "rename", path: strp(from), dest: strp(to), run: func() (any, error) {
			return nil, unix.Rename(absFrom, absTo)
		}})
	})
	set("rmdir", func(call goja.FunctionCall) goja.Value {
		path := b.pathArg(call.Argument(0))
		abs := b.abs(path)
		return b.do(call, 1, fsOp{syscall: "rmdir", path: strp(path), run: func() (any, error) { return nil, unix.Rmdir(abs) }})
	})
	set("unlink", func(call goja.FunctionCall) goja.Value {
		path := b.pathArg(call.Argument(0))
		abs := b.abs(path)
		return b.do(call, 1, fsOp{syscall: "unlink", path: strp(path), run: func() (any, error) { return nil, unix.Unlink(abs) }})
	})
	set("mkdir", func(call goja.FunctionCall) goja.Value {
		path, mode, recursive := b.pathArg(call.Argument(0)), uint32(intArg(call.Argument(1))), call.Argument(2).ToBoolean()
		abs := b.abs(path)
		op := fsOp{syscall: "mkdir", path: strp(path)}
		if recursive {
			op.run = func() (any, error) { return mkdirp(abs, mode) }
			op.toJS = func(v any, _ bool) goja.Value {
				if first := v.(string); first != "" {
					// The first folder made, relative when the path was.
					return b.l.vm.ToValue(strings.TrimPrefix(first, abs[:len(abs)-len(path)]))
				}
				return goja.Undefined()
			}
		} else {
			op.run = func() (any, error) { return nil, unix.Mkdir(abs, mode) }
		}
		return b.do(call, 3, op)
	})
	set("readdir", func(call goja.FunctionCall) goja.Value {
		path, enc, withTypes := b.pathArg(call.Argument(0)), call.Argument(1), call.Argument(2).ToBoolean()
		abs := b.abs(path)
		return b.do(call, 3, fsOp{syscall: "scandir", path: strp(path), run: func() (any, error) {
			return readDir(abs)
		}, toJS: func(v any, _ bool) goja.Value {
			entries := v.([]dirEntry)
			names := make([]any, len(entries))
			types := make([]any, len(entries))
			for i, e := range entries {
				names[i] = b.encodeName(e.name, enc)
				types[i] = e.typ
			}
			if withTypes {
				return b.l.vm.NewArray(b.l.vm.NewArray(names...), b.l.vm.NewArray(types...))
			}
			return b.l.vm.NewArray(names...)
		}})
	})
	statFn := func(syscall string, stat func(path string) (statData, error)) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			path, bigint := b.pathArg(call.Argument(0)), call.Argument(1).ToBoolean()
			abs := b.abs(path)
			op := fsOp{syscall: syscall, path: strp(path), run: func() (any, error) { return stat(abs) }, toJS: b.statToJS(bigint)}
			kind, req := b.kindOfReq(call, 2)
			if kind == reqSync && call.Argument(3).Export() == false {
				// throwIfNoEntry: false (exactly, as node's IsFalse()): a missing entry is
				// undefined, not an error.
				r := b.runSync(op)
				if r.err == nil {
					return b.resultToJS(op, r.v, false)
				}
				if r.err.errno == unix.ENOENT {
					return goja.Undefined()
				}
				panic(b.syncError(r.err))
			}
			return b.dispatch(kind, req, op, fsReqPromiseType)
		}
	}
	set("stat", statFn("stat", func(p string) (statData, error) { return statx(unix.AT_FDCWD, p, 0) }))
	set("lstat", statFn("lstat", func(p string) (statData, error) { return statx(unix.AT_FDCWD, p, unix.AT_SYMLINK_NOFOLLOW) }))
	set("fstat", func(call goja.FunctionCall) goja.Value {
		fd, bigint := b.fdArg(call.Argument(0)), call.Argument(1).ToBoolean()
		op := fsOp{syscall: "fstat", run: func() (any, error) { return statx(fd, "", unix.AT_EMPTY_PATH) }, toJS: b.statToJS(bigint)}
		// node 20 reads its do-not-throw flag from the (undefined) request slot, so a
		// synchronous fstat always throws, even for readFileSync's tryStatSync.
		kind, req := b.kindOfReq(call, 2)
		return b.dispatch(kind, req, op, fsReqPromiseType)
	})
	set("statfs", func(call goja.FunctionCall) goja.Value {
		path, bigint := b.pathArg(call.Argument(0)), call.Argument(1).ToBoolean()
		abs := b.abs(path)
		return b.do(call, 2, fsOp{syscall: "statfs", path: strp(path), run: func() (any, error) {
			var s unix.Statfs_t
			if err := unix.Statfs(abs, &s); err != nil {
				return nil, err
			}
			return statFsData{int64(s.Type), s.Bsize, int64(s.Blocks), int64(s.Bfree), int64(s.Bavail), int64(s.Files), int64(s.Ffree)}, nil
		}, toJS: func(v any, promise bool) goja.Value {
			d := v.(statFsData)
			arr := b.statFsValues
			if bigint {
				arr = b.bigintStatFsValues
			}
			if promise {
				arr = b.newStatArray(bigint, kFsStatFsFieldsNumber)
			}
			b.fillArray(arr, d[:], bigint)
			return arr
		}})
	})
	set("link", func(call goja.FunctionCall) goja.Value {
		from, to := b.pathArg(call.Argument(0)), b.pathArg(call.Argument(1))
		absFrom, absTo := b.abs(from), b.abs(to)
		return b.do(call, 2, fsOp{syscall: "link", path: strp(from), dest: strp(to), run: func() (any, error) {
			return nil, unix.Link(absFrom, absTo)
		}})
	})
	set("symlink", func(call goja.FunctionCall) goja.Value {
		target, path := b.pathArg(call.Argument(0)), b.pathArg(call.Argument(1))
		abs := b.abs(path) // the target stays as given: a relative one starts at the link's folder
		return b.do(call, 3, fsOp{syscall: "symlink", path: strp(target), dest: strp(path), run: func() (any, error) {
			return nil, unix.Symlink(target, abs)
		}})
	})
	set("readlink", func(call goja.FunctionCall) goja.Value {
		path, enc := b.pathArg(call.Argument(0)), call.Argument(1)
		abs := b.abs(path)
		return b.do(call, 2, fsOp{syscall: "readlink", path: strp(path), run: func() (any, error) {
			return readlink(abs)
		}, toJS: func(v any, _ bool) goja.Value { return b.encodeName(v.([]byte), enc) }})
	})
	set("realpath", func(call goja.FunctionCall) goja.Value {
		path, enc := b.pathArg(call.Argument(0)), call.Argument(1)
		rel := b.abs(path)
		return b.do(call, 2, fsOp{syscall: "realpath", path: strp(path), run: func() (any, error) {
			abs, err := filepath.Abs(rel)
			if err != nil {
				return nil, err
			}
			p, err := filepath.EvalSymlinks(abs)
			return []byte(p), err
		}, toJS: func(v any, _ bool) goja.Value { return b.encodeName(v.([]byte), enc) }})
	})
	set("mkdtemp", func(call goja.FunctionCall) goja.Value {
		prefix, enc := b.pathArg(call.Argument(0)), call.Argument(1)
		abs := b.abs(prefix)
		return b.do(call, 2, fsOp{syscall: "mkdtemp", path: strp(prefix + "XXXXXX"), run: func() (any, error) {
			made, err := mkdtemp(abs)
			if err == nil {
				made = append([]byte(prefix), made[len(abs):]...) // the folder as the prefix was given
			}
			return made, err
		}, toJS: func(v any, _ bool) goja.Value { return b.encodeName(v.([]byte), enc) }})
	})
	set("copyFile", func(call goja.FunctionCall) goja.Value {
		from, to, mode := b.pathArg(call.Argument(0)), b.pathArg(call.Argument(1)), intArg(call.Argument(2))
		absFrom, absTo := b.abs(from), b.abs(to)
		return b.do(call, 3, fsOp{syscall: "copyfile", path: strp(from), dest: strp(to), run: func() (any, error) {
			return nil, copyFile(absFrom, absTo, mode)
		}})
	})
	set("chmod", func(call goja.FunctionCall) goja.Value {
		path, mode := b.pathArg(call.Argument(0)), uint32(intArg(call.Argument(1)))
		abs := b.abs(path)
		return b.do(call, 2, fsOp{syscall: "chmod", path: strp(path), run: func() (any, error) { return nil, unix.Chmod(abs, mode) }})
	})
	set("fchmod", func(call goja.FunctionCall) goja.Value {
		fd, mode := b.fdArg(call.Argument(0)), uint32(intArg(call.Argument(1)))
		return b.do(call, 2, fsOp{syscall: "fchmod", run: func() (any, error) { return nil, unix.Fchmod(fd, mode) }})
	})
	chownFn := func(syscall string, chown func(path string, uid, gid int) error) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			path, uid, gid := b.pathArg(call.Argument(0)), idArg(call.Argument(1)), idArg(call.Argument(2))
			abs := b.abs(path)
			return b.do(call, 3, fsOp{syscall: syscall, path: strp(path), run: func() (any, error) { return nil, chown(abs, uid, gid) }})
		}
	}
	set("chown", chownFn("chown", unix.Chown))
	set("lchown", chownFn("lchown", unix.Lchown))
	set("fchown", func(call goja.FunctionCall) goja.Value {
		fd, uid, gid := b.fdArg(call.Argument(0)), idArg(call.Argument(1)), idArg(call.Argument(2))
		return b.do(call, 3, fsOp{syscall: "fchown", run: func() (any, error) { return nil, unix.Fchown(fd, uid, gid) }})
	})
	utimesFn := func(syscall string, flags int) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			path := b.pathArg(call.Argument(0))
			abs := b.abs(path)
			ts := []unix.Timespec{toTimespec(call.Argument(1).ToFloat()), toTimespec(call.Argument(2).ToFloat())}
			return b.do(call, 3, fsOp{syscall: syscall, path: strp(path), run: func() (any, error) {
				return nil, unix.UtimesNanoAt(unix.AT_FDCWD, abs, ts, flags)
			}})
		}
	}
	set("utimes", utimesFn("utime", 0))
	set("lutimes", utimesFn("lutime", unix.AT_SYMLINK_NOFOLLOW))
	set("futimes", func(call goja.FunctionCall) goja.Value {
		fd := b.fdArg(call.Argument(0))
		ts := []unix.Timespec{toTimespec(call.Argument(1).ToFloat()), toTimespec(call.Argument(2).ToFloat())}
		return b.do(call, 3, fsOp{syscall: "futime", run: func() (any, error) {
			// utimensat(fd, NULL, ...) is futimens(2), what libuv calls.
			_, _, errno := unix.Syscall6(unix.SYS_UTIMENSAT, uintptr(fd), 0, uintptr(unsafe.Pointer(&ts[0])), 0, 0, 0)
			if errno != 0 {
				return nil, errno
			}
			return nil, nil
		}})
	})
}

// fdArg validates a file descriptor argument as node's GetValidatedFd does: fs.closeSync and
// a few others leave that to C++, and a fractional fd must never reach close(2) as its
// integer part.
func (b *fsBinding) fdArg(v goja.Value) int {
	fail := func(code string, args ...goja.Value) {
		codes := b.l.requireInternal("internal/errors").Get("codes").ToObject(b.l.vm)
		ctor, _ := goja.AssertConstructor(codes.Get(code))
		e, err := ctor(nil, args...)
		if err != nil {
			panic(err)
		}
		panic(e)
	}
	vm := b.l.vm
	var f float64
	switch x := v.Export().(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	default:
		fail("ERR_INVALID_ARG_TYPE", vm.ToValue("fd"), vm.ToValue("number"), v)
	}
	switch {
	case f < 0 || f > math.MaxInt32:
		fail("ERR_OUT_OF_RANGE", vm.ToValue("fd"), vm.ToValue(">= 0 && <= 2147483647"), v)
	case f != math.Trunc(f):
		fail("ERR_OUT_OF_RANGE", vm.ToValue("fd"), vm.ToValue("an integer"), v)
	}
	return int(f)
}

func (b *fsBinding) intToJS(v any, _ bool) goja.Value { return b.l.vm.ToValue(v) }

// statToJS returns the converter of a stat result: the binding's shared statValues (or
// bigintStatValues) for the sync and callback forms, which node's JS reads at once, and a
// fresh array for a promise, which resolves later.
func (b *fsBinding) statToJS(bigint bool) func(v any, promise bool) goja.Value {
	return func(v any, promise bool) goja.Value {
		d := v.(statData)
		var arr *goja.Object
		switch {
		case promise:
			arr = b.newStatArray(bigint, kFsStatsFieldsNumber)
		case bigint:
			arr = b.bigintStatValues
		default:
			arr = b.statValues
		}
		b.fillArray(arr, d[:], bigint)
		return arr
	}
}

func (b *fsBinding) newStatArray(bigint bool, n int) *goja.Object {
	if bigint {
		return b.l.newTypedArray("BigInt64Array", n)
	}
	return b.l.newTypedArray("Float64Array", n)
}

// fillArray writes vals at the start of a Float64Array or BigInt64Array, in place.
func (b *fsBinding) fillArray(arr *goja.Object, vals []int64, bigint bool) {
	mem, ok := b.l.bytesOf(arr)
	if !ok || len(mem) < 8*len(vals) {
		panic(b.l.newError("Error", "nodelib: stat array is too small", ""))
	}
	for i, v := range vals {
		bits := uint64(v)
		if !bigint {
			bits = math.Float64bits(float64(v))
		}
		binary.NativeEndian.PutUint64(mem[8*i:], bits)
	}
}

// idArg reads a uid/gid: node passes -1 (as an unsigned 32-bit value or not) for "unchanged".
func idArg(v goja.Value) int {
	n := v.ToInteger()
	if n == 0xFFFFFFFF {
		return -1
	}
	return int(n)
}

// toTimespec converts seconds, as node passes times, to a timespec (libuv's uv__fs_to_timespec).
func toTimespec(sec float64) unix.Timespec {
	s := math.Floor(sec)
	ns := math.Round((sec - s) * 1e9)
	if ns >= 1e9 {
		s++
		ns -= 1e9
	}
	return unix.Timespec{Sec: int64(s), Nsec: int64(ns)}
}

// Operations. They run on worker goroutines and use only Go values.

func readAt(fd int, buf []byte, pos int64) (int, error) {
	for {
		var n int
		var err error
		if pos < 0 {
			n, err = unix.Read(fd, buf)
		} else {
			n, err = unix.Pread(fd, buf, pos)
		}
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, err
		}
		return n, nil
	}
}

func writeAt(fd int, buf []byte, pos int64) (int, error) {
	for {
		var n int
		var err error
		if pos < 0 {
			n, err = unix.Write(fd, buf)
		} else {
			n, err = unix.Pwrite(fd, buf, pos)
		}
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, err
		}
		return n, nil
	}
}

// statx is libuv's uv__fs_statx: statx(2) with the basic fields and the birth time, falling
// back to fstatat(2) (birth time = change time, as libuv does) where statx is unavailable.
func statx(dirfd int, path string, flags int) (statData, error) {
	var sx unix.Statx_t
	err := unix.Statx(dirfd, path, flags|unix.AT_STATX_SYNC_AS_STAT, unix.STATX_BASIC_STATS|unix.STATX_BTIME, &sx)
	if err == nil {
		return statData{
			int64(unix.Mkdev(sx.Dev_major, sx.Dev_minor)), int64(sx.Mode), int64(sx.Nlink),
			int64(sx.Uid), int64(sx.Gid), int64(unix.Mkdev(sx.Rdev_major, sx.Rdev_minor)),
			int64(sx.Blksize), int64(sx.Ino), int64(sx.Size), int64(sx.Blocks),
			sx.Atime.Sec, int64(sx.Atime.Nsec), sx.Mtime.Sec, int64(sx.Mtime.Nsec),
			sx.Ctime.Sec, int64(sx.Ctime.Nsec), sx.Btime.Sec, int64(sx.Btime.Nsec),
		}, nil
	}
	if err != unix.ENOSYS && err != unix.EPERM {
		return statData{}, err
	}
	var st unix.Stat_t
	if path == "" {
		err = unix.Fstat(dirfd, &st)
	} else {
		err = unix.Fstatat(dirfd, path, &st, flags)
	}
	if err != nil {
		return statData{}, err
	}
	return statData{
		int64(st.Dev), int64(st.Mode), int64(st.Nlink), int64(st.Uid), int64(st.Gid),
		int64(st.Rdev), int64(st.Blksize), int64(st.Ino), st.Size, st.Blocks,
		st.Atim.Sec, st.Atim.Nsec, st.Mtim.Sec, st.Mtim.Nsec,
		st.Ctim.Sec, st.Ctim.Nsec, st.Ctim.Sec, st.Ctim.Nsec,
	}, nil
}

// readDir is libuv's uv_fs_scandir: every entry but . and .., sorted by name with strcmp.
func readDir(path string) ([]dirEntry, error) {
	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	out := make([]dirEntry, len(ents))
	for i, e := range ents {
		out[i] = dirEntry{name: []byte(e.Name()), typ: direntType(e.Type())}
	}
	return out, nil
}

func direntType(m os.FileMode) int {
	switch {
	case m.IsRegular():
		return uvDirentFile
	case m&os.ModeDir != 0:
		return uvDirentDir
	case m&os.ModeSymlink != 0:
		return uvDirentLink
	case m&os.ModeNamedPipe != 0:
		return uvDirentFifo
	case m&os.ModeSocket != 0:
		return uvDirentSocket
	case m&os.ModeCharDevice != 0:
		return uvDirentChar
	case m&os.ModeDevice != 0:
		return uvDirentBlock
	}
	return uvDirentUnknown
}

// mkdirp is node's MKDirpSync: it creates path and its missing parents and returns the first
// directory it created ("" when path already was a directory).
func mkdirp(path string, mode uint32) (string, error) {
	err := unix.Mkdir(path, mode)
	switch err {
	case nil:
		return path, nil
	case unix.EEXIST, unix.EISDIR:
		var st unix.Stat_t
		if serr := unix.Stat(path, &st); serr == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR {
			return "", nil
		}
		return "", unix.EEXIST
	case unix.ENOENT:
		parent := filepath.Dir(path)
		if parent == path {
			return "", err
		}
		first, perr := mkdirp(parent, mode)
		if perr != nil {
			return "", perr
		}
		if err := unix.Mkdir(path, mode); err != nil && err != unix.EEXIST {
			return "", err
		}
		if first == "" {
			first = path
		}
		return first, nil
	}
	return "", err
}

func readlink(path string) ([]byte, error) {
	for size := 256; ; size *= 2 {
		buf := make([]byte, size)
		n, err := unix.Readlink(path, buf)
		if err != nil {
			return nil, err
		}
		if n < size {
			return buf[:n], nil
		}
	}
}

const mkdtempChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// mkdtemp is mkdtemp(3): prefix plus six random characters, created with mode 0700.
func mkdtemp(prefix string) ([]byte, error) {
	for range 100 {
		name := []byte(prefix + "XXXXXX")
		for i := len(prefix); i < len(name); i++ {
			name[i] = mkdtempChars[rand.IntN(len(mkdtempChars))]
		}
		err := unix.Mkdir(string(name), 0o700)
		if err == nil {
			return name, nil
		}
		if err != unix.EEXIST {
			return nil, err
		}
	}
	return nil, unix.EEXIST
}

const (
	copyfileExcl         = 1
	copyfileFicloneForce = 4
)

// copyFile is libuv's uv_fs_copyfile: the destination gets the source's mode; EXCL fails if it
// exists; FICLONE_FORCE fails unless the file system can clone.
func copyFile(from, to string, mode int) error {
	src, err := os.OpenFile(from, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	flags := os.O_WRONLY | os.O_CREATE
	if mode&copyfileExcl != 0 {
		flags |= os.O_EXCL
	}
	dst, err := os.OpenFile(to, flags, info.Mode().Perm())
	if err != nil {
		return err
	}
	if mode&copyfileFicloneForce != 0 {
		err := unix.IoctlFileClone(int(dst.Fd()), int(src.Fd()))
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if err := dst.Truncate(0); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Chmod(info.Mode().Perm()); err != nil {
		dst.Close()
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
