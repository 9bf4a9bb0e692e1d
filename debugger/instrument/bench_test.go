package instrument

import "testing"

// BenchmarkInstrument instruments lodash.js (540 KB) as a CommonJS
// module: parsing, the walk, and the check that the output parses.
func BenchmarkInstrument(b *testing.B) {
	src := moduleWrapper(readPackageFile(b, "lodash/lodash.js"))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Instrument(src, Options{Wrapped: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is goja's parser alone on lodash.js, which Instrument
// runs twice (input and output): the part of BenchmarkInstrument that is
// not the instrumenter's.
func BenchmarkParse(b *testing.B) {
	src := readPackageFile(b, "lodash/lodash.js")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad compiles and runs lodash.js's top level in a fresh goja
// VM, as loading the module does, plain and instrumented (hooks off): the
// price of instrumentation when a file loads.
func BenchmarkLoad(b *testing.B) {
	src := moduleWrapper(readPackageFile(b, "lodash/lodash.js"))
	res, err := Instrument(src, Options{FileID: 7, Wrapped: true})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		code string
		res  *Result
	}{{"plain", src, nil}, {"instrumented", res.Code, res}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if out, _ := runJS(b, c.code, true, c.res, hooksOff, "console.log(typeof __module.exports.chunk)"); out != "function" {
					b.Fatalf("lodash did not load: %s", out)
				}
			}
		})
	}
}
