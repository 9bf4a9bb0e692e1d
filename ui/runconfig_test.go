package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSplitArgs(t *testing.T) {
	cases := map[string]struct {
		in   string
		want string // fmt.Sprintf("%q") of the args, or "error"
	}{
		"words":               {" --port  8080\tx ", `["--port" "8080" "x"]`},
		"double quotes":       {`--name "two words" end`, `["--name" "two words" "end"]`},
		"single quotes":       {`'a "b" \c'`, `["a \"b\" \\c"]`},
		"escapes":             {`a\ b "c\"d"`, `["a b" "c\"d"]`},
		"empty quoted":        {`"" x`, `["" "x"]`},
		"joined parts":        {`pre"mid"'post'`, `["premidpost"]`},
		"nothing":             {"  ", `[]`},
		"unclosed quote":      {`"open`, "error"},
		"trailing backslash":  {`a\`, "error"},
		"unclosed single one": {`it's`, "error"},
	}
	for name, c := range cases {
		args, err := splitArgs(c.in)
		got := fmt.Sprintf("%q", args)
		if err != nil {
			got = "error"
			if !errors.Is(err, ErrBadRunConfig) {
				t.Errorf("%s: error %v is not ErrBadRunConfig", name, err)
			}
		}
		if got != c.want {
			t.Errorf("%s: %s, want %s", name, got, c.want)
		}
		// What joinArgs writes reads back the same.
		if err == nil {
			back, err := splitArgs(joinArgs(args))
			if err != nil || fmt.Sprintf("%q", back) != c.want {
				t.Errorf("%s: joined %q reads back as %q (%v)", name, joinArgs(args), back, err)
			}
		}
	}
}

func TestParseEnv(t *testing.T) {
	env, err := parseEnv("A=1\n\n# a comment\n  B=two words \nC=\nD=x=y\n")
	if err != nil || fmt.Sprintf("%q", env) != `["A=1" "B=two words" "C=" "D=x=y"]` {
		t.Errorf("env %q (%v)", env, err)
	}
	for _, bad := range []string{"NOEQUALS", "=value", "TWO WORDS=x"} {
		if _, err := parseEnv("A=1\n" + bad); !errors.Is(err, ErrBadRunConfig) || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
	got := overlayEnv([]string{"HOME=/root", "PATH=/bin", "X=old"}, []string{"X=new", "Y=1"})
	if fmt.Sprintf("%q", got) != `["HOME=/root" "PATH=/bin" "X=new" "Y=1"]` {
		t.Errorf("overlay %q", got)
	}
}

// TestRunConfiguration: the arguments and environment set in the dialog
// are what the program sees in process.argv and process.env, on top of
// Studio's environment; they are kept for the project (the next window
// has them) and for it alone; bad input changes nothing.
func TestRunConfiguration(t *testing.T) {
	checkLeaks(t)
	t.Setenv("STUDIO_TEST_INHERITED", "from studio")
	t.Setenv("STUDIO_TEST_REPLACED", "old")
	h, dir := newHarness(t, map[string]string{
		"index.js": "console.log(JSON.stringify([process.argv.slice(2), process.env.GREETING, process.env.STUDIO_TEST_INHERITED, process.env.STUDIO_TEST_REPLACED]));\n",
	})
	run := func() string {
		t.Helper()
		h.w.console.lines = nil
		h.w.Run()
		h.waitFor("the end", func() bool { return h.w.sess == nil })
		return h.w.console.text(lineStdout)
	}
	if got, want := run(), `[[],null,"from studio","old"]`+"\n"; got != want {
		t.Fatalf("without a configuration the program saw %s, want %s", got, want)
	}

	p := h.w.newRunConfigDialog()
	p.args.SetText(`--name "two words" -v`)
	p.env.SetText("GREETING=hello there\nSTUDIO_TEST_REPLACED=new\n")
	if err := h.w.submitRunConfig(p); err != nil {
		t.Fatal(err)
	}
	want := `[["--name","two words","-v"],"hello there","from studio","new"]` + "\n"
	if got := run(); got != want {
		t.Errorf("the program saw %s, want %s", got, want)
	}

	p = h.w.newRunConfigDialog()
	if p.args.Text != `--name 'two words' -v` || p.env.Text != "GREETING=hello there\nSTUDIO_TEST_REPLACED=new" {
		t.Errorf("the dialog shows %q and %q", p.args.Text, p.env.Text)
	}
	p.args.SetText(`"unclosed`)
	if err := h.w.submitRunConfig(p); !errors.Is(err, ErrBadRunConfig) || p.message.Text == "" {
		t.Errorf("bad arguments: %v, message %q", err, p.message.Text)
	}
	p.args.SetText("ok")
	p.env.SetText("no equals sign")
	if err := h.w.submitRunConfig(p); !errors.Is(err, ErrBadRunConfig) {
		t.Errorf("bad environment: %v", err)
	}
	if c := h.w.runConfig(); len(c.Args) != 3 || len(c.Env) != 2 {
		t.Errorf("bad input changed the configuration: %+v", c)
	}

	// The next window on this project has it; another project has none.
	if c := h.reopen(dir).runConfig(); fmt.Sprint(c.Args) != "[--name two words -v]" {
		t.Errorf("the next window's configuration: %+v", c)
	}
	if c := h.reopen(filepath.Join(dir, "other")).runConfig(); len(c.Args)+len(c.Env) != 0 {
		t.Errorf("another project's configuration: %+v", c)
	}
}

// TestRunConfigWorkingDirectory: the working directory set in the dialog,
// relative to the project or absolute, is the program's process.cwd() and
// where its relative paths start; one that is not an existing directory
// is refused with a message and changes nothing, and one that has gone
// since keeps the program from starting, saying why.
func TestRunConfigWorkingDirectory(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{
		"index.js":      "console.log(process.cwd() + ' ' + require('fs').readFileSync('data.txt', 'utf8'));\n",
		"data.txt":      "project",
		"data/data.txt": "data folder",
	})
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "data.txt"), []byte("elsewhere"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func() string {
		t.Helper()
		h.w.console.lines = nil
		h.w.Run()
		h.waitFor("the end", func() bool { return h.w.sess == nil })
		return h.w.console.text(lineStdout)
	}
	if got, want := run(), dir+" project\n"; got != want {
		t.Fatalf("without a working directory the program printed %q, want %q", got, want)
	}

	submit := func(text string) (*runConfigDialog, error) {
		p := h.w.newRunConfigDialog()
		p.dir.SetText(text)
		return p, h.w.submitRunConfig(p)
	}
	for text, says := range map[string]string{"missing": "does not exist", "index.js": "is not a directory", "data/data.txt": "is not a directory"} {
		p, err := submit(text)
		if !errors.Is(err, ErrBadRunConfig) || !strings.Contains(p.message.Text, says) || !strings.Contains(p.message.Text, text) {
			t.Errorf("%q: %v, message %q; want one that says %q", text, err, p.message.Text, says)
		}
		if c := h.w.runConfig(); c.Dir != "" {
			t.Errorf("%q was refused but the configuration is %+v", text, c)
		}
	}

	cases := []struct{ text, cwd, read string }{
		{"data", filepath.Join(dir, "data"), "data folder"},
		{other, other, "elsewhere"},
		{"./data/..", dir, "project"},
	}
	for _, c := range cases {
		if _, err := submit(c.text); err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if got, want := run(), c.cwd+" "+c.read+"\n"; got != want {
			t.Errorf("working directory %q: the program printed %q, want %q", c.text, got, want)
		}
		if p := h.w.newRunConfigDialog(); p.dir.Text != c.text {
			t.Errorf("the dialog shows %q, want %q as typed", p.dir.Text, c.text)
		}
	}

	// A working directory that has gone: no run, and the console says why.
	if _, err := submit("data"); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "data")); err != nil {
		t.Fatal(err)
	}
	h.w.console.lines = nil
	h.w.Run()
	if h.w.sess != nil {
		t.Fatal("the program started without its working directory")
	}
	if out := h.w.console.text(lineError); !strings.Contains(out, "does not exist") || !strings.Contains(out, "Run Configuration") {
		t.Errorf("console: %q", out)
	}
	if c := h.reopen(dir).runConfig(); c.Dir != "data" {
		t.Errorf("the next window's configuration: %+v", c)
	}
}
