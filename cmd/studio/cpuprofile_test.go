package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/pprof/profile"
)

// cpuProfileFile is what DevTools and VS Code read of a .cpuprofile.
type cpuProfileFile struct {
	Nodes []struct {
		ID        int `json:"id"`
		CallFrame struct {
			FunctionName string `json:"functionName"`
			URL          string `json:"url"`
			LineNumber   int    `json:"lineNumber"`
			ColumnNumber int    `json:"columnNumber"`
		} `json:"callFrame"`
		HitCount int   `json:"hitCount"`
		Children []int `json:"children"`
	} `json:"nodes"`
	StartTime  int64   `json:"startTime"`
	EndTime    int64   `json:"endTime"`
	Samples    []int   `json:"samples"`
	TimeDeltas []int64 `json:"timeDeltas"`
}

// readCPUProfile parses a .cpuprofile and checks its shape: the root
// first, children that are nodes, a time delta per sample, samples that
// name nodes, fib where V8 places it in script; it returns fib's samples.
func readCPUProfile(t *testing.T, path, script string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p cpuProfileFile
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(p.Nodes) == 0 || p.Nodes[0].CallFrame.FunctionName != "(root)" || p.Nodes[0].ID != 1 {
		t.Fatalf("%s: no root node first", path)
	}
	ids := map[int]bool{}
	for _, n := range p.Nodes {
		ids[n.ID] = true
	}
	for _, n := range p.Nodes {
		for _, c := range n.Children {
			if !ids[c] {
				t.Errorf("node %d: child %d is no node", n.ID, c)
			}
		}
	}
	for _, s := range p.Samples {
		if !ids[s] {
			t.Errorf("sample of %d, no node", s)
		}
	}
	if len(p.Samples) != len(p.TimeDeltas) || p.EndTime <= p.StartTime {
		t.Errorf("%d samples, %d deltas, from %d to %d", len(p.Samples), len(p.TimeDeltas), p.StartTime, p.EndTime)
	}
	fib := 0
	for _, n := range p.Nodes {
		if cf := n.CallFrame; cf.FunctionName == "fib" {
			if cf.URL != "file://"+filepath.ToSlash(script) || cf.LineNumber != 0 || cf.ColumnNumber != 12 {
				t.Errorf("fib at %+v", cf)
			}
			fib += n.HitCount
		}
	}
	return fib
}

// TestCPUProfFlags runs a CPU-bound script with node's --cpu-prof flags
// and Studio's --cpu-prof-pprof.
func TestCPUProfFlags(t *testing.T) {
	hot, err := filepath.Abs("testdata/hot.js")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	studio := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		return code, out.String(), errb.String()
	}

	// Node's default: CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile in
	// the current directory; the pprof profile where asked.
	code, out, errs := studio("run", "--cpu-prof", "--cpu-prof-pprof", "cpu.pb.gz", hot)
	if code != 0 || out != "true\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	pattern := regexp.MustCompile(fmt.Sprintf(`^CPU\.\d{8}\.\d{6}\.%d\.0\.\d{3}\.cpuprofile$`, os.Getpid()))
	var profileName string
	for _, n := range names {
		if pattern.MatchString(n) {
			profileName = n
		}
	}
	if profileName == "" || len(names) != 2 {
		t.Fatalf("files %v, want a CPU.*.cpuprofile and cpu.pb.gz", names)
	}
	if n := readCPUProfile(t, profileName, hot); n == 0 {
		t.Errorf("fib has no samples")
	}
	f, err := os.Open("cpu.pb.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pp, err := profile.Parse(f)
	if err != nil {
		t.Fatalf("pprof: %v", err)
	}
	var fibSamples int64
	for _, s := range pp.Sample {
		if fn := s.Location[0].Line[0].Function; strings.HasPrefix(fn.Name, "fib") && fn.Filename == hot {
			fibSamples += s.Value[0]
		}
	}
	if fibSamples == 0 {
		t.Errorf("the pprof profile has no samples in fib:\n%s", pp)
	}

	// --cpu-prof-dir (made if missing) and --cpu-prof-name; the program's
	// process.exit still writes the profile, as in node.
	code, _, errs = studio("run", "--cpu-prof", "--cpu-prof-dir", "out/cpu", "--cpu-prof-name=x.cpuprofile", hot, "exit")
	if code != 3 {
		t.Fatalf("exit %d, want the program's 3; stderr %q", code, errs)
	}
	readCPUProfile(t, filepath.Join("out", "cpu", "x.cpuprofile"), hot)

	// Node's rules and exit code for the flags.
	for _, flag := range []string{"--cpu-prof-dir=d", "--cpu-prof-name=n"} {
		code, _, errs = studio("run", flag, hot)
		name := strings.SplitN(flag, "=", 2)[0]
		if code != 9 || !strings.Contains(errs, name+" must be used with --cpu-prof") {
			t.Errorf("%s alone: exit %d, stderr %q", flag, code, errs)
		}
	}

	// A profile that cannot be written is reported; the exit code stays
	// the program's.
	code, _, errs = studio("run", "--cpu-prof-pprof", filepath.Join(profileName, "x"), hot)
	if code != 0 || !strings.Contains(errs, "writing") {
		t.Errorf("unwritable profile: exit %d, stderr %q", code, errs)
	}
}
