package launch

import (
	goruntime "runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ownLoopThread gives the calling goroutine, which runs the program's
// loop, an OS thread of its own named "studio-loop", so that top -H, perf
// and bench/gui.sh tell the program's loop from the window's threads (and
// from the pool's, which run at PoolPriority). The thread is never
// unlocked: it ends with the goroutine, name and all.
func ownLoopThread() {
	goruntime.LockOSThread()
	name := []byte("studio-loop\x00")
	_ = unix.Prctl(unix.PR_SET_NAME, uintptr(unsafe.Pointer(&name[0])), 0, 0, 0)
}
