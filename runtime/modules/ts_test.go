package modules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	root, _ = filepath.EvalSymlinks(root)
	for name, text := range files {
		p := filepath.Join(root, name)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(text), 0o644))
	}
	return root
}

func TestTypeScriptErrorMapsToOriginalLine(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"main.ts": "interface Point {\n  x: number;\n  y: number;\n}\n\nfunction norm(p: Point): number {\n  if (p.x < 0) {\n    throw new Error('negative x');\n  }\n  return Math.hypot(p.x, p.y);\n}\nconsole.log(norm({ x: 3, y: 4 }));\nnorm({ x: -1, y: 0 } as Point);\n",
	})
	h := newTestHost(t)
	_, err := h.runMain(filepath.Join(root, "main.ts"))
	var ex *goja.Exception
	if err == nil || !asException(err, &ex) {
		t.Fatalf("RunMain error = %v, want the thrown Error", err)
	}
	stack := ex.Value().ToObject(h.vm).Get("stack").String()
	t.Log(stack)
	// Line 8, column 11 is where `new Error` starts, as V8 reports it.
	if !strings.Contains(stack, filepath.Join(root, "main.ts")+":8:11") {
		t.Errorf("stack does not point at main.ts:8:11:\n%s", stack)
	}
	if h.out.String() != "5\n" {
		t.Errorf("stdout = %q", h.out.String())
	}
}
