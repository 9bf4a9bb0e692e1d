package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel"

	"github.com/studiojs/studio/inspector"
	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/ioprof"
	"github.com/studiojs/studio/runtime/otlp"
	"github.com/studiojs/studio/runtime/trace"
	"github.com/studiojs/studio/runtime/warnings"
)

// profileConfig is what `studio run` records besides running: the I/O
// latency table (--prof-io) and a Chrome trace (--trace-out, with
// --trace-last for a flight-recorder window).
type profileConfig struct {
	profIO    bool
	warnings  bool // --warnings
	traceOut  string
	traceLast time.Duration
	cpu       cpuProfConfig // --cpu-prof and --cpu-prof-pprof
	otlp      string        // --otlp ENDPOINT
	service   string        // the spans' service.name (OTEL_SERVICE_NAME, else the program's name)
}

func (c profileConfig) on() bool {
	return c.profIO || c.warnings || c.traceOut != "" || c.cpu.wanted() || c.otlp != ""
}

// otlpShutdownTimeout bounds what exporting the last spans adds to the
// program's exit when the collector is slow or unreachable.
const otlpShutdownTimeout = 5 * time.Second

// serviceName is what Jaeger calls the program: OTEL_SERVICE_NAME, as
// OpenTelemetry SDKs read it, else the script's name (a project's folder
// name for its index.js).
func serviceName(main string, env []string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "OTEL_SERVICE_NAME="); ok && v != "" {
			return v
		}
	}
	base := filepath.Base(main)
	if base == "index.js" {
		return filepath.Base(filepath.Dir(main))
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// secondsFlag parses --trace-last SECONDS.
type secondsFlag struct{ d *time.Duration }

func (f secondsFlag) String() string {
	if f.d == nil {
		return "0"
	}
	return strconv.FormatFloat(f.d.Seconds(), 'f', -1, 64)
}

func (f secondsFlag) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || v > 24*3600 {
		return fmt.Errorf("want a number of seconds, up to a day")
	}
	*f.d = time.Duration(v * float64(time.Second))
	return nil
}

// profiles are the recorders of one run.
type profiles struct {
	cfg    profileConfig
	rec    *trace.Recorder
	io     *ioprof.Profiler
	ioSub  *trace.Subscription
	warn   *warnings.Detector
	wSub   *trace.Subscription
	trace  *inspector.TraceWriter
	tfile  *os.File
	tsub   *trace.Subscription
	snaps  *runtime.SnapshotSubscription
	cancel context.CancelFunc
	done   chan struct{}
	cpu    *cpuProfile
	cpuErr error
	otlp   *otlp.Exporter
	oSub   *trace.Subscription
	// otlpDropped is how many HTTP records the exporter lost; written by
	// its goroutine before done closes.
	otlpDropped uint64
}

// attachProfiles sets opts.Recorder up for the profiles asked for. Call
// start once the runtime exists and finish after Run.
func attachProfiles(opts *runtime.Options, cfg profileConfig) (*profiles, error) {
	if opts.Recorder == nil {
		opts.Recorder = trace.NewRecorder()
	}
	p := &profiles{cfg: cfg, rec: opts.Recorder, done: make(chan struct{})}
	if cfg.profIO {
		p.io = ioprof.New()
		p.ioSub = ioprof.Subscribe(p.rec)
	}
	if cfg.warnings {
		p.warn = warnings.New(warnings.Config{PoolSize: opts.PoolSize})
		p.wSub = warnings.Subscribe(p.rec)
	}
	if cfg.otlp != "" {
		x, err := otlp.New(otlp.Options{Endpoint: cfg.otlp, ServiceName: cfg.service}, p.rec)
		if err != nil {
			return nil, fmt.Errorf("--otlp: %w", err)
		}
		// Failed exports are reported once, at exit (Shutdown), not
		// logged per batch by the SDK's default handler.
		otel.SetErrorHandler(otel.ErrorHandlerFunc(func(error) {}))
		p.otlp = x
		p.oSub = otlp.Subscribe(p.rec)
	}
	if cfg.traceOut != "" {
		f, err := os.Create(cfg.traceOut)
		if err != nil {
			return nil, fmt.Errorf("creating the trace file: %w", err)
		}
		p.tfile = f
		p.trace = inspector.NewTraceWriter(f, cfg.traceLast)
		p.tsub = p.rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 18, Stacks: true, Batch: true})
	}
	return p, nil
}

// start begins consuming records (and, for a trace, snapshots for its
// counters, 50 a second).
func (p *profiles) start(rt *runtime.Runtime) {
	if p.cfg.cpu.wanted() {
		p.cpu, p.cpuErr = startCPUProfile(p.cfg.cpu, rt)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	var ioDone chan struct{}
	if p.io != nil {
		ioDone = make(chan struct{})
		go func() {
			defer close(ioDone)
			_ = p.io.Run(ctx, p.ioSub)
		}()
	}
	var warnDone chan struct{}
	if p.warn != nil {
		warnDone = make(chan struct{})
		go func() {
			defer close(warnDone)
			_ = p.warn.Run(ctx, p.wSub)
		}()
	}
	var otlpDone chan struct{}
	if p.otlp != nil {
		otlpDone = make(chan struct{})
		go func() {
			defer close(otlpDone)
			if n := p.otlp.Run(ctx, p.oSub); n > 0 {
				p.otlpDropped = n
			}
		}()
	}
	var snapsDone chan struct{}
	if p.trace != nil {
		p.snaps = rt.SubscribeSnapshots(20 * time.Millisecond)
		snapsDone = make(chan struct{})
		go func() {
			defer close(snapsDone)
			for {
				select {
				case s, ok := <-p.snaps.C():
					if !ok {
						return
					}
					p.trace.AddSnapshot(s)
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(p.done)
		if ioDone != nil {
			defer func() { <-ioDone }()
		}
		if warnDone != nil {
			defer func() { <-warnDone }()
		}
		if otlpDone != nil {
			defer func() { <-otlpDone }()
		}
		if p.trace == nil {
			<-ctx.Done()
			return
		}
		p.tsub.ConsumeBatches(ctx, p.trace.AddBatch)
		<-snapsDone
	}()
}

// finish writes the table and the warnings to w, closes the trace file and writes the CPU
// profile.
func (p *profiles) finish(w io.Writer) error {
	if p.cancel != nil {
		p.cancel()
		<-p.done
	}
	var err error
	if p.io != nil {
		p.ioSub.Close()
		fmt.Fprintln(w)
		err = p.io.Report().WriteTable(w)
	}
	if p.warn != nil {
		p.wSub.Close()
		fmt.Fprintln(w)
		if werr := p.warn.Report().WriteText(w); werr != nil && err == nil {
			err = werr
		}
	}
	if p.trace != nil {
		p.tsub.Close()
		if p.snaps != nil {
			p.snaps.Close()
		}
		if n := p.tsub.Dropped(); n > 0 {
			fmt.Fprintf(w, "studio: %d records were dropped from the trace\n", n)
		}
		if cerr := p.trace.Close(p.rec.Now()); cerr != nil && err == nil {
			err = fmt.Errorf("writing the trace: %w", cerr)
		}
		if cerr := p.tfile.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	if p.otlp != nil {
		p.oSub.Close()
		if p.otlpDropped > 0 {
			fmt.Fprintf(w, "studio: %d HTTP records were dropped before export\n", p.otlpDropped)
		}
		ctx, cancel := context.WithTimeout(context.Background(), otlpShutdownTimeout)
		oerr := p.otlp.Shutdown(ctx)
		cancel()
		if oerr != nil && err == nil {
			err = oerr
		}
	}
	if p.cpuErr != nil && err == nil {
		err = p.cpuErr
	}
	if p.cpu != nil {
		if cerr := p.cpu.finish(); cerr != nil && err == nil {
			err = cerr
		}
	}
	return err
}
