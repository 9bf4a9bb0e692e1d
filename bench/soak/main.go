// Command soak runs bench/scripts/http-hello.js on Studio's runtime in this
// process and loads it from C keep-alive connections plus short-lived ones
// for D, printing goroutines and Go heap every interval: issue 3's soak,
// where both must stay flat. Loopback only; bounded by -d (at most 10m).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/studiojs/studio/runtime"
)

func main() {
	conns := flag.Int("c", 32, "keep-alive connections")
	dur := flag.Duration("d", 60*time.Second, "duration (at most 10m)")
	every := flag.Duration("every", 5*time.Second, "sampling interval")
	flag.Parse()
	if err := run(*conns, *dur, *every); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

func run(conns int, dur, every time.Duration) error {
	if dur <= 0 || dur > 10*time.Minute {
		return fmt.Errorf("duration must be in (0, 10m]")
	}
	script, err := filepath.Abs("bench/scripts/http-hello.js")
	if err != nil {
		return err
	}
	pr, pw := io.Pipe()
	rt, err := runtime.New(runtime.Options{Main: script, Stdout: pw, Stderr: os.Stderr})
	if err != nil {
		return err
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

	loadCtx, stopLoad := context.WithTimeout(ctx, dur)
	defer stopLoad()
	var requests, failures atomic.Int64
	var wg sync.WaitGroup
	keep := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conns}, Timeout: 10 * time.Second}
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	worker := func(c *http.Client) {
		defer wg.Done()
		for loadCtx.Err() == nil {
			resp, err := c.Get(url)
			if err != nil {
				if loadCtx.Err() == nil {
					failures.Add(1)
				}
				continue
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			requests.Add(1)
		}
	}
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go worker(keep)
	}
	for i := 0; i < 4; i++ { // connections opened and closed per request
		wg.Add(1)
		go worker(fresh)
	}
	fmt.Printf("%8s %10s %10s %12s %12s\n", "elapsed", "requests", "failures", "goroutines", "heap_MiB")
	start := time.Now()
	tick := time.NewTicker(every)
	defer tick.Stop()
	sample := func() {
		var ms goruntime.MemStats
		goruntime.GC()
		goruntime.ReadMemStats(&ms)
		fmt.Printf("%8s %10d %10d %12d %12.1f\n", time.Since(start).Round(time.Second), requests.Load(), failures.Load(), goruntime.NumGoroutine(), float64(ms.HeapAlloc)/(1<<20))
	}
	sample()
loop:
	for {
		select {
		case <-tick.C:
			sample()
		case <-loadCtx.Done():
			break loop
		}
	}
	wg.Wait()
	keep.CloseIdleConnections()
	fresh.CloseIdleConnections()
	time.Sleep(500 * time.Millisecond)
	fmt.Print("after load ")
	sample()
	cancel()
	<-ran
	return nil
}
