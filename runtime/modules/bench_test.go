package modules

import (
	"os"
	"testing"
)

func BenchmarkCompileCJSRaw(b *testing.B) {
	src, err := os.ReadFile("../../testdata/conformance/cases/057-circular-require.js")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := compileCJS("/bench/main.js", string(src)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompileESM(b *testing.B) {
	src, err := os.ReadFile("../../testdata/conformance/cases/060-esm-import.mjs")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := compileESM("/bench/main.mjs", string(src)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompileESMTopLevelAwait(b *testing.B) {
	src, err := os.ReadFile("../../testdata/conformance/cases/061-esm-top-level-await.mjs")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := compileESM("/bench/main.mjs", string(src)); err != nil {
			b.Fatal(err)
		}
	}
}
