package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// A project's run configuration: the arguments, environment and working
// directory its programs get (Run > Run Configuration…), kept in the app's preferences
// under the project's path, so that it is there at the next start and
// leaves the project's folder alone.

// prefRunConfig prefixes the preference key of a project's configuration.
const prefRunConfig = "run.config:"

// ErrBadRunConfig is a run configuration that cannot be used.
var ErrBadRunConfig = errors.New("ui: bad run configuration")

// runConfig is what a program of the project runs with.
type runConfig struct {
	// Args follow the script in process.argv.
	Args []string `json:"args,omitempty"`
	// Env are "KEY=value" pairs added to Studio's own environment (a key
	// given here replaces Studio's).
	Env []string `json:"env,omitempty"`
	// Dir is the working directory as typed: relative to the project or
	// absolute ("": the main file's folder). The program sees it as
	// process.cwd(), and its relative paths start there.
	Dir string `json:"dir,omitempty"`
}

// workDir is the configuration's working directory for project, checked:
// it must exist and be a directory. "" when none is set.
func (c runConfig) workDir(project string) (string, error) {
	if c.Dir == "" {
		return "", nil
	}
	dir := c.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(project, dir)
	}
	dir = filepath.Clean(dir)
	fi, err := os.Stat(dir)
	switch {
	case err != nil && errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("checking working directory %q: %s does not exist: %w", c.Dir, dir, ErrBadRunConfig)
	case err != nil:
		return "", fmt.Errorf("checking working directory %q: %w: %w", c.Dir, err, ErrBadRunConfig)
	case !fi.IsDir():
		return "", fmt.Errorf("checking working directory %q: %s is not a directory: %w", c.Dir, dir, ErrBadRunConfig)
	}
	return dir, nil
}

// runConfig is the current project's configuration (none: empty).
func (w *Window) runConfig() runConfig {
	var c runConfig
	if w.prefs == nil {
		return c
	}
	if s := w.prefs.String(prefRunConfig + w.project); s != "" {
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			return runConfig{} // a damaged entry: run without, as before it was set
		}
	}
	return c
}

func (w *Window) setRunConfig(c runConfig) {
	if w.prefs == nil {
		return
	}
	key := prefRunConfig + w.project
	if len(c.Args) == 0 && len(c.Env) == 0 && c.Dir == "" {
		w.prefs.RemoveValue(key)
		return
	}
	b, _ := json.Marshal(c) // strings only: cannot fail
	w.prefs.SetString(key, string(b))
}

// environ is the program's environment: Studio's with the configuration's
// pairs over it; nil when the configuration has none (the runtime then
// takes Studio's).
func (c runConfig) environ() []string {
	if len(c.Env) == 0 {
		return nil
	}
	return overlayEnv(os.Environ(), c.Env)
}

// overlayEnv is base with the pairs of over added, replacing base's pairs
// of the same keys.
func overlayEnv(base, over []string) []string {
	keys := map[string]bool{}
	for _, kv := range over {
		k, _, _ := strings.Cut(kv, "=")
		keys[k] = true
	}
	out := make([]string, 0, len(base)+len(over))
	for _, kv := range base {
		if k, _, _ := strings.Cut(kv, "="); !keys[k] {
			out = append(out, kv)
		}
	}
	return append(out, over...)
}

// parseEnv reads "KEY=value" lines; blank lines and lines starting with #
// are skipped.
func parseEnv(text string) ([]string, error) {
	var env []string
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(k) == "" || strings.ContainsAny(k, " \t") {
			return nil, fmt.Errorf("reading environment line %d %q, not KEY=value: %w", i+1, line, ErrBadRunConfig)
		}
		env = append(env, line)
	}
	return env, nil
}

// splitArgs splits a command line as a POSIX shell does, without
// expansions: blanks separate, quotes group, a backslash escapes outside
// single quotes.
func splitArgs(s string) ([]string, error) {
	var (
		args  []string
		cur   strings.Builder
		inArg bool
		quote rune
		esc   bool
	)
	for _, r := range s {
		switch {
		case esc:
			cur.WriteRune(r)
			esc = false
		case r == '\\' && quote != '\'':
			esc, inArg = true, true
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inArg = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if quote != 0 || esc {
		return nil, fmt.Errorf("reading arguments %q, unclosed quote or trailing backslash: %w", s, ErrBadRunConfig)
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}

// joinArgs writes args back as a command line that splitArgs reads.
func joinArgs(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a != "" && !strings.ContainsAny(a, " \t\n'\"\\") {
			out[i] = a
		} else {
			out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(out, " ")
}

// runConfigDialog edits the project's run configuration; submit checks
// and saves what its fields hold (an error changes nothing).
type runConfigDialog struct {
	d       dialog.Dialog
	args    *widget.Entry
	env     *widget.Entry
	dir     *widget.Entry
	message *widget.Label
}

func (w *Window) newRunConfigDialog() *runConfigDialog {
	c := w.runConfig()
	p := &runConfigDialog{args: widget.NewEntry(), env: widget.NewMultiLineEntry(), dir: widget.NewEntry(), message: widget.NewLabel("")}
	p.args.SetPlaceHolder(`e.g. --port 8080 "two words"`)
	p.args.SetText(joinArgs(c.Args))
	p.env.SetPlaceHolder("KEY=value, one a line")
	p.env.SetText(strings.Join(c.Env, "\n"))
	p.env.SetMinRowsVisible(5)
	p.dir.SetPlaceHolder("e.g. data or /srv/app (empty: main's folder)")
	p.dir.SetText(c.Dir)
	p.message.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("Arguments", p.args),
		widget.NewFormItem("Environment", p.env),
		widget.NewFormItem("Working directory", p.dir),
		widget.NewFormItem("", p.message),
	}
	p.d = dialog.NewForm("Run configuration — "+filepath.Base(w.project), "Save", "Cancel", items, func(ok bool) {
		if ok {
			w.submitRunConfig(p)
		}
	}, w.win)
	p.d.Resize(fyne.NewSize(560, p.d.MinSize().Height))
	return p
}

// submitRunConfig saves the dialog's configuration for the project, or
// shows the dialog again saying what is wrong.
func (w *Window) submitRunConfig(p *runConfigDialog) error {
	args, err := splitArgs(p.args.Text)
	var env []string
	if err == nil {
		env, err = parseEnv(p.env.Text)
	}
	c := runConfig{Args: args, Env: env, Dir: strings.TrimSpace(p.dir.Text)}
	if err == nil {
		_, err = c.workDir(w.project)
	}
	if err != nil {
		p.message.SetText(err.Error())
		p.d.Show()
		return err
	}
	w.setRunConfig(c)
	w.setStatus("Run configuration saved")
	return nil
}

func (w *Window) showRunConfig() { w.newRunConfigDialog().d.Show() }
