// Command httpprof profiles Studio's HTTP server path: it runs a server
// script (default bench/scripts/http-hello.js) on Studio's runtime in this
// process, loads it with bin/httpload (a separate process, so the client's
// work stays out of the profile) and writes a Go CPU profile of the server
// process and, with -js, goja's own profile of the JavaScript functions.
// Loopback only; bounded by -d.
//
//	go build -o bin/httpload ./bench/httpload
//	go run ./bench/httpprof -d 5s -go /tmp/go.prof -js /tmp/js.prof
//	go tool pprof -top /tmp/go.prof
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime"
)

func main() {
	script := flag.String("script", "bench/scripts/http-hello.js", "server script (prints its port first)")
	conns := flag.Int("c", 64, "connections")
	dur := flag.Duration("d", 5*time.Second, "load duration (at most 1m)")
	goProf := flag.String("go", "", "write the Go CPU profile here")
	jsProf := flag.String("js", "", "write goja's JavaScript profile here")
	flag.Parse()
	if err := run(*script, *conns, *dur, *goProf, *jsProf); err != nil {
		fmt.Fprintln(os.Stderr, "httpprof:", err)
		os.Exit(1)
	}
}

func run(script string, conns int, dur time.Duration, goProf, jsProf string) error {
	if dur <= 0 || dur > time.Minute {
		return fmt.Errorf("duration must be in (0, 1m]")
	}
	abs, err := filepath.Abs(script)
	if err != nil {
		return fmt.Errorf("resolving %q: %w", script, err)
	}
	pr, pw := io.Pipe()
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: pw, Stderr: os.Stderr})
	if err != nil {
		return fmt.Errorf("starting the runtime: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan struct{})
	go func() { _, _ = rt.Run(ctx); pw.Close(); close(ran) }()
	sc := bufio.NewScanner(pr)
	if !sc.Scan() {
		return fmt.Errorf("server printed no port")
	}
	url := "http://127.0.0.1:" + strings.TrimSpace(sc.Text()) + "/"
	go func() { _, _ = io.Copy(io.Discard, pr) }()

	if goProf != "" {
		f, err := os.Create(goProf)
		if err != nil {
			return fmt.Errorf("creating %q: %w", goProf, err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("starting the Go profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if jsProf != "" {
		f, err := os.Create(jsProf)
		if err != nil {
			return fmt.Errorf("creating %q: %w", jsProf, err)
		}
		defer f.Close()
		if err := goja.StartProfile(f); err != nil {
			return fmt.Errorf("starting goja's profile: %w", err)
		}
		defer goja.StopProfile()
	}
	// No warm-up, so that every request the server answers is counted in
	// the CPU time per request.
	load := exec.Command("bin/httpload", "-url", url, "-c", fmt.Sprint(conns), "-d", dur.String(), "-warmup", "0s")
	var out strings.Builder
	load.Stdout, load.Stderr = &out, os.Stderr
	cpu0 := cpuTime()
	if err := load.Run(); err != nil {
		return fmt.Errorf("running bin/httpload: %w", err)
	}
	cpu := cpuTime() - cpu0
	fmt.Print(out.String())
	var n int64
	if _, err := fmt.Sscanf(out.String(), "requests %d", &n); err == nil && n > 0 {
		fmt.Printf("server CPU %.2fs, %.1f us per request\n", cpu.Seconds(), float64(cpu.Microseconds())/float64(n))
	}
	return nil
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
