package cpuprof

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// profileRun profiles a whole run of file, as `studio run --cpu-prof` does.
func profileRun(t *testing.T, file string) (*Profile, string) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: &out, Stderr: &out, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Start(rt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if code, err := rt.Run(ctx); err != nil || code != 0 {
		t.Fatalf("run: code %d, %v; output %s", code, err, out.String())
	}
	prof, err := p.Stop(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkShape(t, prof)
	return prof, abs
}

// checkShape checks what every profile must be: a tree rooted at node 0,
// every node but the root with one parent, samples naming nodes, one delta
// per sample, self counts equal to the samples and to the line ticks.
func checkShape(t *testing.T, p *Profile) {
	t.Helper()
	if len(p.Nodes) == 0 || p.Nodes[0].Func.Name != RootName {
		t.Fatalf("first node %+v, want the root", p.Nodes)
	}
	parents := make([]int, len(p.Nodes))
	for i, n := range p.Nodes {
		for _, c := range n.Children {
			if c <= 0 || c >= len(p.Nodes) {
				t.Fatalf("node %d has child %d of %d nodes", i, c, len(p.Nodes))
			}
			parents[c]++
		}
	}
	for i, n := range parents[1:] {
		if n != 1 {
			t.Errorf("node %d (%+v) has %d parents", i+1, p.Nodes[i+1].Func, n)
		}
	}
	if len(p.Samples) != len(p.Deltas) {
		t.Fatalf("%d samples, %d deltas", len(p.Samples), len(p.Deltas))
	}
	hits := make([]int, len(p.Nodes))
	for _, s := range p.Samples {
		if s < 0 || s >= len(p.Nodes) {
			t.Fatalf("sample of node %d of %d", s, len(p.Nodes))
		}
		hits[s]++
	}
	for i, n := range p.Nodes {
		if hits[i] != n.Self {
			t.Errorf("node %d (%+v): %d samples, self %d", i, n.Func, hits[i], n.Self)
		}
		ticks := 0
		for _, l := range n.Lines {
			ticks += l.Ticks
		}
		if !isMeta(n.Func) && ticks != n.Self {
			t.Errorf("node %d (%+v): line ticks %d, self %d", i, n.Func, ticks, n.Self)
		}
	}
	if !p.End.After(p.Start) {
		t.Errorf("start %v, end %v", p.Start, p.End)
	}
}

// selfByFunc sums self samples per function of file.
func selfByFunc(p *Profile, file string) map[Function]int {
	out := map[Function]int{}
	for _, n := range p.Nodes {
		if n.Func.File == file {
			out[n.Func] += n.Self
		}
	}
	return out
}

// TestHotFunction profiles a CPU-bound script: its functions are where V8
// places them (node --cpu-prof on the same file: the module function at
// 0:0, fib at 0:12, work at 3:13, CDP's 0-based lines), fib has the
// samples, and the timer's wait is idle time.
func TestHotFunction(t *testing.T) {
	p, file := profileRun(t, "testdata/hot.js")
	got := selfByFunc(p, file)
	want := map[Function]bool{
		{Name: "", File: file, Line: 1, Column: 0}:      false,
		{Name: "fib", File: file, Line: 1, Column: 12}:  true,
		{Name: "work", File: file, Line: 4, Column: 13}: false,
	}
	for f, hot := range want {
		n, ok := got[f]
		if !ok {
			t.Errorf("no node for %+v; functions: %v", f, got)
			continue
		}
		if hot && n == 0 {
			t.Errorf("%s has no samples", f.Name)
		}
	}
	total := 0
	for f, n := range got {
		if !want[f] {
			total += n
		}
	}
	if got[Function{Name: "fib", File: file, Line: 1, Column: 12}] <= total {
		t.Errorf("fib is not the hot function: %v", got)
	}
	var idle int
	for _, n := range p.Nodes {
		if n.Func.Name == IdleName && isMeta(n.Func) {
			idle += n.Self
		}
	}
	if idle == 0 {
		t.Errorf("no idle samples for the 100 ms timer")
	}
	// The pprof profile: CPU time is samples x Interval, fib starts on
	// line 1.
	pp, err := profile.ParseData(p.Pprof)
	if err != nil {
		t.Fatal(err)
	}
	if len(pp.SampleType) != 3 || pp.SampleType[1].Type != "cpu" || pp.DefaultSampleType != "cpu" {
		t.Errorf("pprof sample types %v", pp.SampleType)
	}
	var fibStart int64
	for _, s := range pp.Sample {
		if s.Value[1] != s.Value[0]*int64(Interval) {
			t.Errorf("pprof sample %v: cpu is not samples x %v", s.Value, Interval)
		}
		if f := s.Location[0].Line[0].Function; f.Name == "fib" {
			fibStart = f.StartLine
		}
	}
	if fibStart != 1 {
		t.Errorf("pprof: fib starts on line %d", fibStart)
	}
	// The lines of fib's samples are its body's.
	for _, n := range p.Nodes {
		if n.Func.Name != "fib" {
			continue
		}
		for _, l := range n.Lines {
			if l.Line < 1 || l.Line > 3 {
				t.Errorf("fib sampled on line %d", l.Line)
			}
		}
	}
}

// TestTypeScriptPositions: goja runs esbuild's output of a TypeScript
// file; the profile names the .ts file's own lines and columns.
func TestTypeScriptPositions(t *testing.T) {
	p, file := profileRun(t, "testdata/hot.ts")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) (int, int) { // the parameter list after s
		i := strings.Index(string(src), s) + len(s)
		before := string(src[:i])
		return strings.Count(before, "\n") + 1, i - strings.LastIndex(before, "\n") - 1
	}
	got := selfByFunc(p, file)
	for _, name := range []string{"fib", "work"} {
		line, col := at("function " + name)
		f := Function{Name: name, File: file, Line: line, Column: col}
		if _, ok := got[f]; !ok {
			t.Errorf("no node for %+v; functions: %v", f, got)
		}
	}
	for f, n := range got {
		if f.Name == "fib" && n == 0 {
			t.Errorf("fib has no samples")
		}
		for _, nd := range p.Nodes {
			for _, l := range nd.Lines {
				if nd.Func == f && f.Name != "" && (l.Line < 7 || l.Line > 16) {
					t.Errorf("%s sampled on line %d, outside the code", f.Name, l.Line)
				}
			}
		}
	}
}

// TestOneAtATime: goja's profiler is one per process.
func TestOneAtATime(t *testing.T) {
	p, err := Start(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Start(nil); !errors.Is(err, ErrActive) {
		t.Errorf("second Start: %v, want ErrActive", err)
	}
	prof, err := p.Stop(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkShape(t, prof)
	if _, err := p.Stop(context.Background()); !errors.Is(err, ErrStopped) {
		t.Errorf("second Stop: %v, want ErrStopped", err)
	}
	if _, err := profile.ParseData(prof.Pprof); err != nil {
		t.Errorf("pprof of an empty profile: %v", err)
	}
	p, err = Start(nil)
	if err != nil {
		t.Fatalf("Start after Stop: %v", err)
	}
	if _, err := p.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
}
