package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "proj")
	os.MkdirAll(filepath.Join(proj, "src"), 0o755)
	os.WriteFile(filepath.Join(proj, "package.json"), []byte(`{"main": "src/app"}`), 0o644)
	os.WriteFile(filepath.Join(proj, "src", "app.js"), []byte(`console.log('app', process.argv.slice(2).join(','))`), 0o644)
	plain := filepath.Join(dir, "plain")
	os.MkdirAll(plain, 0o755)
	os.WriteFile(filepath.Join(plain, "index.js"), []byte(`console.log('index'); process.exitCode = 4`), 0o644)
	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "package.json"), []byte(`{"main": `), 0o644)

	// The window is not opened here: record what it would show.
	var opened []string
	defer func(f func(string, io.Writer) int) { openGUI = f }(openGUI)
	openGUI = func(project string, _ io.Writer) int {
		opened = append(opened, project)
		return 0
	}

	cases := map[string]struct {
		args      []string
		code      int
		stdout    string
		stderrHas string
	}{
		"help":                {args: []string{"help"}, code: 0, stdout: usage},
		"no arguments":        {args: nil, code: 0},
		"a folder":            {args: []string{proj}, code: 0},
		"version":             {args: []string{"version"}, code: 0, stdout: "studio "},
		"eval":                {args: []string{"-e", "console.log(6 * 7, process.argv.length)", "x"}, code: 0, stdout: "42 2\n"},
		"eval without code":   {args: []string{"-e"}, code: 9, stderrHas: "requires an argument"},
		"project main":        {args: []string{"run", proj, "a", "b"}, code: 0, stdout: "app a,b\n"},
		"bare file like node": {args: []string{filepath.Join(proj, "src", "app.js"), "z"}, code: 0, stdout: "app z\n"},
		"project index.js":    {args: []string{"run", plain}, code: 4, stdout: "index\n"},
		"bad package.json":    {args: []string{"run", bad}, code: 1, stderrHas: "package.json"},
		"missing file":        {args: []string{"run", filepath.Join(dir, "nope.js")}, code: 1, stderrHas: "cannot find module"},
		"run without file":    {args: []string{"run"}, code: 2, stderrHas: "missing FILE"},
		"bad pool size":       {args: []string{"run", "--pool-size", "5000", proj}, code: 2, stderrHas: "--pool-size"},
		"unknown command":     {args: []string{"frobnicate"}, code: 2, stderrHas: `unknown command "frobnicate"`},
		"pool size from flag": {args: []string{"run", "--pool-size", "3", proj}, code: 0, stdout: "app \n"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(c.args, &out, &errb)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, c.code, errb.String())
			}
			if c.stdout != "" && !strings.HasPrefix(out.String(), c.stdout) {
				t.Errorf("stdout %q, want it to start with %q", out.String(), c.stdout)
			}
			if c.stderrHas != "" && !strings.Contains(errb.String(), c.stderrHas) {
				t.Errorf("stderr %q, want it to contain %q", errb.String(), c.stderrHas)
			}
		})
	}
	// No arguments opens the bundled example (""), a folder that project.
	slices.Sort(opened)
	if !slices.Equal(opened, []string{"", proj}) {
		t.Errorf("the window opened on %q, want the example and %q", opened, proj)
	}
}
