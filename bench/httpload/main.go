// Command httpload is bench/http.sh's load generator: C keep-alive
// connections to one URL on the loopback interface for a fixed time,
// reporting requests per second and latency quantiles. It refuses any
// address that is not a loopback address, and every run is bounded in time.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

func main() {
	target := flag.String("url", "", "URL to load (loopback only)")
	conns := flag.Int("c", 64, "concurrent connections")
	dur := flag.Duration("d", 10*time.Second, "duration (at most 2m)")
	warm := flag.Duration("warmup", time.Second, "warm-up before measuring")
	count := flag.Int("n", 0, "instead of -d: make exactly N requests in turn on one connection")
	flag.Parse()
	var err error
	if *count > 0 {
		err = runCount(*target, *count)
	} else {
		err = run(*target, *conns, *dur, *warm)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "httpload:", err)
		os.Exit(1)
	}
}

func run(target string, conns int, dur, warm time.Duration) error {
	u, err := url.Parse(target)
	if err != nil {
		return fmt.Errorf("parsing url %q: %w", target, err)
	}
	ip := net.ParseIP(u.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing %q: only loopback addresses are load-tested", u.Hostname())
	}
	if dur <= 0 || dur > 2*time.Minute || conns < 1 || conns > 10000 {
		return fmt.Errorf("duration must be in (0, 2m] and connections in [1, 10000]")
	}
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	defer tr.CloseIdleConnections()

	ctx, cancel := context.WithTimeout(context.Background(), warm+dur)
	defer cancel()
	measureFrom := time.Now().Add(warm)
	var ok, failed atomic.Int64
	hists := make([]trace.Histogram, conns)
	var wg sync.WaitGroup
	for i := range conns {
		wg.Add(1)
		go func(h *trace.Histogram) {
			defer wg.Done()
			for ctx.Err() == nil {
				t0 := time.Now()
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if t0.Before(measureFrom) || ctx.Err() != nil {
					continue
				}
				if err != nil {
					failed.Add(1)
					continue
				}
				ok.Add(1)
				h.Add(time.Since(t0))
			}
		}(&hists[i])
	}
	wg.Wait()
	var all trace.Histogram
	for i := range hists {
		all.Merge(&hists[i])
	}
	fmt.Printf("requests %d failed %d rps %.0f p50_ms %.3f p99_ms %.3f max_ms %.3f\n",
		ok.Load(), failed.Load(), float64(ok.Load())/dur.Seconds(),
		ms(all.Quantile(0.50)), ms(all.Quantile(0.99)), ms(all.Max()))
	return nil
}

// runCount makes n requests one after another on one keep-alive connection
// (bench/http-instructions.sh counts the server's instructions for them).
func runCount(target string, n int) error {
	u, err := url.Parse(target)
	if err != nil {
		return fmt.Errorf("parsing url %q: %w", target, err)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing %q: only loopback addresses are load-tested", u.Hostname())
	}
	if n > 1_000_000 {
		return fmt.Errorf("at most 1e6 requests")
	}
	client := &http.Client{Timeout: time.Minute}
	for i := range n {
		resp, err := client.Get(target)
		if err != nil {
			return fmt.Errorf("request %d: %w", i, err)
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return fmt.Errorf("request %d: %w", i, err)
		}
	}
	fmt.Printf("requests %d\n", n)
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
