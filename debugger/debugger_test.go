package debugger

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studiojs/studio/runtime"
)

// session runs file under the debugger; at each pause, act decides what
// to do. It returns "line:col fn" for every pause, and the program's stdout.
type action func(d *Debugger, p Paused) error

func session(t *testing.T, file string, bps []BreakpointSpec, opts Options, act action) ([]string, string) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	d := New(opts)
	sub := d.Subscribe()
	for _, bp := range bps {
		if bp.Path == "" && bp.URLRegex == "" {
			bp.Path = abs
		}
		if _, _, err := d.SetBreakpoint(bp); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	rt, err := runtime.New(runtime.Options{Main: abs, Cwd: filepath.Dir(abs), Stdout: &stdout, Stderr: &stderr, Debug: d, Hooks: d})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		code, err := rt.Run(ctx)
		if err == nil && code != 0 {
			err = fmt.Errorf("exit code %d: %s", code, stderr.String())
		}
		done <- err
	}()
	var stops []string
	for {
		evCtx, evCancel := context.WithCancel(ctx)
		evc := make(chan Event, 1)
		go func() {
			e, err := sub.Next(evCtx)
			if err == nil {
				evc <- e
			}
		}()
		select {
		case err := <-done:
			evCancel()
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			return stops, stdout.String()
		case e := <-evc:
			evCancel()
			p, ok := e.(Paused)
			if !ok {
				continue
			}
			top := p.Frames[0]
			stops = append(stops, fmt.Sprintf("%d:%d %s", top.Line, top.Column, top.Function))
			if err := act(d, p); err != nil {
				t.Fatalf("at %s: %v", stops[len(stops)-1], err)
			}
		}
	}
}

func TestBreakpointAndSteps(t *testing.T) {
	steps := []func(*Debugger) error{(*Debugger).StepOver, (*Debugger).StepInto, (*Debugger).StepOver, (*Debugger).StepOut, (*Debugger).StepOver, (*Debugger).Resume}
	i := 0
	stops, out := session(t, "testdata/step/basic.js", []BreakpointSpec{{Line: 6, Column: -1}}, Options{}, func(d *Debugger, p Paused) error {
		if i >= len(steps) {
			return d.Resume()
		}
		i++
		return steps[i-1](d)
	})
	t.Log(strings.Join(stops, "\n"), out)
}
