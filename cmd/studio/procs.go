package main

import (
	"os"
	"runtime"

	"github.com/studiojs/studio/runtime/pool"
)

// procs is the GOMAXPROCS Studio runs with: one per CPU, plus one per
// worker-pool lane, plus the loop's and the window's. libuv's pool lanes
// are OS threads, and the kernel hands a waking thread (the loop, back
// from poll) the CPU promptly; Go runs goroutines on GOMAXPROCS threads
// only, and with the default (the CPU count) four CPU-bound pool workers
// on two CPUs made the loop wait for a 10 ms scheduler slice at every
// wake-up: a 1 ms interval ran 40 times a second instead of node's 400
// (bench/gui.sh, bench/README.md). With a thread for each, the kernel
// schedules them as it schedules node's. GOMAXPROCS in the environment
// wins.
func procs(env func(string) (string, bool)) int {
	if v, ok := env("GOMAXPROCS"); ok && v != "" {
		return 0 // the runtime read it already
	}
	lanes := max(pool.SizeFromEnv(env("UV_THREADPOOL_SIZE")), pool.DefaultSize)
	return runtime.NumCPU() + lanes + 2
}

// setProcs applies procs to this process.
func setProcs() {
	if n := procs(os.LookupEnv); n > runtime.GOMAXPROCS(0) {
		runtime.GOMAXPROCS(n)
	}
}
