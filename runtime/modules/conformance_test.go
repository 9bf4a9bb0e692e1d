package modules

import (
	"os"
	"path/filepath"
	"testing"
)

// TestConformance runs the module-system conformance cases (node v20's
// stdout is the .out file) in the test host.
func TestConformance(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/conformance/cases")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"require-relative":          "054-require-relative.js",
		"exports-vs-module-exports": "055-exports-vs-module-exports.js",
		"require-cache":             "056-require-cache.js",
		"circular-require":          "057-circular-require.js",
		"filename-dirname":          "058-filename-dirname.js",
		"json-require-missing":      "059-json-require-missing.js",
		"esm-import":                "060-esm-import.mjs",
		"esm-top-level-await":       "061-esm-top-level-await.mjs",
		"async-generators":          "064-async-generators.js",
	}
	for name, file := range cases {
		t.Run(name, func(t *testing.T) {
			main := filepath.Join(dir, file)
			want, err := os.ReadFile(main[:len(main)-len(filepath.Ext(main))] + ".out")
			if err != nil {
				t.Fatal(err)
			}
			h := newTestHost(t)
			res, err := h.runMain(main)
			if err != nil {
				t.Fatalf("RunMain: %v", err)
			}
			h.watch(res)
			h.run()
			if got := h.out.String(); got != string(want) {
				t.Errorf("stdout differs\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}
