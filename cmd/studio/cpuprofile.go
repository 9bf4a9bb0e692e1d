package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/studiojs/studio/inspector"
	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/cpuprof"
)

// cpuProfConfig is node's --cpu-prof, --cpu-prof-dir and --cpu-prof-name,
// and Studio's --cpu-prof-pprof.
type cpuProfConfig struct {
	on        bool
	dir, name string
	pprof     string // a pprof profile's path
}

func (c *cpuProfConfig) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.on, "cpu-prof", false, "write a CPU profile (.cpuprofile) when the program ends")
	fs.StringVar(&c.dir, "cpu-prof-dir", "", "the directory of --cpu-prof's profile")
	fs.StringVar(&c.name, "cpu-prof-name", "", "the file name of --cpu-prof's profile")
	fs.StringVar(&c.pprof, "cpu-prof-pprof", "", "write a pprof CPU profile to this file when the program ends")
}

// check applies node's rules; node exits with 9 when they fail.
func (c cpuProfConfig) check() error {
	switch {
	case c.dir != "" && !c.on:
		return errors.New("--cpu-prof-dir must be used with --cpu-prof")
	case c.name != "" && !c.on:
		return errors.New("--cpu-prof-name must be used with --cpu-prof")
	}
	return nil
}

func (c cpuProfConfig) wanted() bool { return c.on || c.pprof != "" }

// cpuProfSeq numbers the profiles of the process, as node's file names do.
var cpuProfSeq atomic.Int32

// cpuProfName is node's default: CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile
// (DiagnosticFilename: local time, the main thread is 0).
func cpuProfName(now time.Time, pid int, seq int32) string {
	return fmt.Sprintf("CPU.%s.%d.0.%03d.cpuprofile", now.Format("20060102.150405"), pid, seq)
}

// cpuProfile is one run's CPU profile, written when the program ends.
type cpuProfile struct {
	cfg  cpuProfConfig
	path string // the .cpuprofile, "" without --cpu-prof
	rec  *cpuprof.Profiler
}

// startCPUProfile starts recording rt's program. Like node, the file name
// is decided at start.
func startCPUProfile(cfg cpuProfConfig, rt *runtime.Runtime) (*cpuProfile, error) {
	p := &cpuProfile{cfg: cfg}
	if cfg.on {
		name := cfg.name
		if name == "" {
			name = cpuProfName(time.Now(), os.Getpid(), cpuProfSeq.Add(1))
		}
		p.path = filepath.Join(cfg.dir, name)
	}
	rec, err := cpuprof.Start(rt)
	if err != nil {
		return nil, fmt.Errorf("starting the CPU profile: %w", err)
	}
	p.rec = rec
	return p, nil
}

// finish stops the profile once Run has returned and writes its files.
func (p *cpuProfile) finish() error {
	prof, err := p.rec.Stop(context.Background())
	if err != nil {
		return fmt.Errorf("stopping the CPU profile: %w", err)
	}
	var errs []error
	if p.path != "" {
		errs = append(errs, writeFile(p.path, func(f *os.File) error { return inspector.WriteCPUProfile(f, prof) }))
	}
	if p.cfg.pprof != "" {
		errs = append(errs, writeFile(p.cfg.pprof, func(f *os.File) error {
			_, err := f.Write(prof.Pprof)
			return err
		}))
	}
	return errors.Join(errs...)
}

// writeFile creates path (and its directory, as node does for
// --cpu-prof-dir) and fills it with write.
func writeFile(path string, write func(*os.File) error) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("writing %q: %w", path, err)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	return nil
}
