//go:build !linux

package launch

import goruntime "runtime"

// ownLoopThread gives the loop's goroutine an OS thread of its own (see
// the Linux version, which also names it).
func ownLoopThread() { goruntime.LockOSThread() }
