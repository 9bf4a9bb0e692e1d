//go:build !linux

package pool

// lowerThreadPriority does nothing: per-thread priorities are Linux's.
func lowerThreadPriority(int) {}
