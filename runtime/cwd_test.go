package runtime

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// cwdProgram uses relative paths every way a program does: fs calls sync
// and async, a child process with and without a cwd, process.chdir.
const cwdProgram = `const fs = require('fs');
const cp = require('child_process');
const out = {};
out.cwd = process.cwd();
out.read = fs.readFileSync('data.txt', 'utf8');
fs.writeFileSync('written.txt', 'w');
out.exists = fs.existsSync('written.txt');
out.mkdir = fs.mkdirSync('made/deep', { recursive: true });
out.mkdtemp = fs.mkdtempSync('tmp-').slice(0, 4);
out.list = fs.readdirSync('.').filter((n) => !n.startsWith('tmp-')).sort();
out.real = fs.realpathSync('sub');
try { fs.readFileSync('missing.txt'); } catch (e) { out.missing = e.message; }
out.child = cp.execSync('pwd').toString().trim();
out.childSub = cp.execSync('pwd', { cwd: 'sub' }).toString().trim();
process.chdir('sub');
out.afterChdir = fs.readFileSync('data.txt', 'utf8');
fs.readFile('data.txt', 'utf8', (err, s) => {
  out.async = err ? err.code : s;
  console.log(JSON.stringify(out));
});
`

// TestRelativePathsFollowCwd: a program whose Options.Cwd is not the Go
// process's working directory (as in Studio's window, where the run
// configuration sets it) finds its relative paths there, as node run in
// that directory does (the expected values are node v20's for this
// layout), and process.chdir moves them.
func TestRelativePathsFollowCwd(t *testing.T) {
	root := t.TempDir()
	work := filepath.Join(root, "work")
	if err := os.MkdirAll(filepath.Join(work, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"prog/main.js": cwdProgram, "work/data.txt": "from work", "work/sub/data.txt": "from sub"} {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if wd, _ := os.Getwd(); wd == work {
		t.Fatal("the test runs in the program's working directory: it would show nothing")
	}
	r := runOpts(t, Options{Main: filepath.Join(root, "prog", "main.js"), Cwd: work, Env: os.Environ()})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output %q: %v", r.stdout, err)
	}
	want := map[string]any{
		"cwd": work, "read": "from work", "exists": true, "mkdir": "made", "mkdtemp": "tmp-",
		"list": []any{"data.txt", "made", "sub", "written.txt"}, "real": filepath.Join(work, "sub"),
		"missing": "ENOENT: no such file or directory, open 'missing.txt'",
		"child":   work, "childSub": filepath.Join(work, "sub"), "afterChdir": "from sub", "async": "from sub",
	}
	for k, v := range want {
		if g, _ := json.Marshal(got[k]); string(g) != mustJSON(t, v) {
			t.Errorf("%s: %s, want %s", k, g, mustJSON(t, v))
		}
	}
	if _, err := os.Stat("written.txt"); err == nil {
		_ = os.Remove("written.txt")
		t.Error("the program wrote written.txt in the Go process's directory")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
