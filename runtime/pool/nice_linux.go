package pool

import "syscall"

// lowerThreadPriority sets the calling thread's nice value: on Linux,
// setpriority(PRIO_PROCESS) with a thread id changes that thread alone.
// A failure (a sandbox that forbids it) leaves the thread as it was.
func lowerThreadPriority(nice int) {
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), nice)
}
