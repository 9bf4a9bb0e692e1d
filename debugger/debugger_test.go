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
	d := New(opts)
	for _, bp := range bps {
		abs, err := filepath.Abs(file)
		if err != nil {
			t.Fatal(err)
		}
		if bp.Path == "" && bp.URLRegex == "" {
			bp.Path = abs
		}
		if _, _, err := d.SetBreakpoint(bp); err != nil {
			t.Fatal(err)
		}
	}
	return sessionWith(t, d, file, act)
}

// sessionWith is session with a debugger set up by the caller.
func sessionWith(t *testing.T, d *Debugger, file string, act action) ([]string, string) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	sub := d.Subscribe()
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
			if len(p.Frames) == 0 {
				stops = append(stops, "loop "+p.Reason)
			} else {
				top := p.Frames[0]
				stops = append(stops, fmt.Sprintf("%d:%d %s", top.Line, top.Column, top.Function))
			}
			if err := act(d, p); err != nil {
				t.Fatalf("at %s: %v", stops[len(stops)-1], err)
			}
		}
	}
}

// stepCase is one row of the step tables: run file with a breakpoint at
// line bp (or paused on start when bp is 0), answer each pause with the
// next action (then Resume), and expect the lines it stopped at, as
// delve's stepping tests do.
type stepCase struct {
	name    string
	file    string
	bp      int
	actions string // one letter per pause: o(ver), i(nto), u (out), r(esume)
	want    []int
}

var stepCases = []stepCase{
	{"sync over/into/out", "basic.js", 6, "oiouo", []int{6, 7, 2, 3, 8, 9}},
	{"into a call", "basic.js", 11, "ii", []int{11, 6, 7}},
	{"over the end of the module into a timer callback", "basic.js", 12, "oo", []int{12, 13, 14}},
	{"await stays in the async function", "async1.js", 2, "oooo", []int{2, 3, 4, 5, 6}},
	{"generator yield returns to the caller", "gen.js", 8, "iooioo", []int{8, 2, 3, 9, 4, 5, 10}},
	{"into timer, fs and promise callbacks", "callbacks.js", 0, "iiiiii", []int{1, 2, 3, 4, 5, 6, 7}},
	{"out of a timer callback into the fs callback", "callbacks.js", 3, "u", []int{3, 5}},
	{"over a call with a breakpoint inside stops there", "basic.js", 7, "o", []int{7, 2}},
	// V8's stops (node 20): a for loop's test and update, a while loop's
	// test and a for-of or for-in loop's binding once per iteration. Not
	// V8's: the binding's last stop, when the iteration ends (after the
	// last 13 and 16), and the for loop's first stop is at `for`, V8's at
	// its initializer.
	{"loop headers once per iteration", "loops.js", 1, strings.Repeat("o", 28),
		[]int{1, 2, 2, 3, 2, 2, 3, 2, 2, 5, 6, 7, 6, 7, 6, 10, 11, 10, 11, 12, 12, 13, 12, 13, 15, 15, 16, 19, 21}},
}

func TestStepTables(t *testing.T) {
	for _, c := range stepCases {
		t.Run(c.name, func(t *testing.T) {
			var bps []BreakpointSpec
			if c.bp > 0 {
				bps = append(bps, BreakpointSpec{Line: c.bp, Column: -1})
			}
			if c.name == "over a call with a breakpoint inside stops there" {
				bps = append(bps, BreakpointSpec{Line: 2, Column: -1})
			}
			i := 0
			stops, _ := session(t, "testdata/step/"+c.file, bps, Options{PauseOnStart: c.bp == 0}, func(d *Debugger, p Paused) error {
				if i >= len(c.actions) {
					return d.Resume()
				}
				i++
				switch c.actions[i-1] {
				case 'o':
					return d.StepOver()
				case 'i':
					return d.StepInto()
				case 'u':
					return d.StepOut()
				}
				return d.Resume()
			})
			var got []int
			for _, s := range stops {
				var line int
				fmt.Sscanf(s, "%d:", &line)
				got = append(got, line)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("stopped at lines %v, want %v\n%s", got, c.want, strings.Join(stops, "\n"))
			}
		})
	}
}

// TestTypeScriptAndESM sets breakpoints by original lines in a TypeScript
// file imported from an ES module (both transformed by esbuild) and steps.
func TestTypeScriptAndESM(t *testing.T) {
	i := 0
	acts := []func(*Debugger) error{(*Debugger).StepOver, (*Debugger).StepOver, (*Debugger).StepOver, (*Debugger).StepOut}
	stops, out := session(t, "testdata/esm/main.mjs", []BreakpointSpec{{URLRegex: `lib\.ts$`, Line: 8, Column: -1}, {URLRegex: `main\.mjs$`, Line: 5, Column: -1}}, Options{}, func(d *Debugger, p Paused) error {
		if i == 0 {
			// The caller, the ES module's top level, through esbuild's maps.
			if got := scopeProps(t, d, p.Frames[1], "local"); !strings.Contains(got, "items=Array(3)") {
				t.Errorf("main.mjs's locals at the call: %s", got)
			}
			if got, exc := evalIn(t, d, 1, "items.length"); exc != nil || got != "3" {
				t.Errorf("items.length in main.mjs = %s (%v)", got, exc)
			}
		}
		if i < len(acts) {
			i++
			return acts[i-1](d)
		}
		return d.Resume()
	})
	// A for-of loop's binding is a stop once per iteration, as in V8, where
	// the TypeScript source has it (through esbuild's map).
	want := "8:2 total|9:2 total|9:13 total|10:4 total|5:0 "
	if got := strings.Join(stops, "|"); got != want {
		t.Errorf("stops %q\nwant %q", got, want)
	}
	if out != "total 6\n" {
		t.Errorf("output %q", out)
	}
}

// TestBlackbox: stepping into a call to a blackboxed library (VS Code's
// skipFiles) passes through it and stops in the program's callback.
func TestBlackbox(t *testing.T) {
	d := New(Options{})
	if err := d.SetBlackboxPatterns([]string{`/node_modules/`}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetBlackboxPatterns([]string{`(`}); err == nil {
		t.Error("a bad pattern was accepted")
	}
	if err := d.SetBlackboxPatterns([]string{`/node_modules/`}); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("testdata/blackbox/main.js")
	if _, _, err := d.SetBreakpoint(BreakpointSpec{Path: abs, Line: 2, Column: -1}); err != nil {
		t.Fatal(err)
	}
	n := 0
	stops, out := sessionWith(t, d, "testdata/blackbox/main.js", func(d *Debugger, p Paused) error {
		n++
		if n == 1 {
			return d.StepInto()
		}
		return d.Resume()
	})
	if got := strings.Join(stops, "|"); got != "2:0 |3:2 " {
		t.Errorf("stops %q: want the breakpoint, then the callback, not the library", got)
	}
	if out != "2\n" {
		t.Errorf("output %q", out)
	}
}
