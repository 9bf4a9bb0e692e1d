package nodelib

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConformance runs node conformance cases whose output depends only on nodelib (plus the
// test host's setImmediate/nextTick) and compares stdout with node's recorded output.
func TestConformance(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "conformance", "cases")
	for _, name := range []string{
		"031-events-basic", "032-events-error", "033-path", "034-util-format", "035-util-inspect",
		"036-util-promisify-types", "037-buffer-basics", "038-url", "039-querystring",
		"040-os-basics", "041-assert", "042-string-decoder", "043-console-log-formatting",
		"044-console-streams", "045-console-errors", "068-collections", "070-builtins-misc",
	} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, name+".js"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			h := newTestHost(t)
			abs, err := filepath.Abs(filepath.Join(dir, name+".js"))
			if err != nil {
				t.Fatal(err)
			}
			if err := h.run(abs, string(src)); err != nil {
				t.Errorf("%v\nstdout so far:\n%s", err, h.stdout.String())
				return
			}
			if got := h.stdout.String(); got != string(want) {
				t.Errorf("stdout differs from node\n%s\nstderr:\n%s", lineDiff(string(want), got), h.stderr.String())
			}
		})
	}
}

// lineDiff shows the lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(int64(i+1)) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
		}
	}
	return b.String()
}
