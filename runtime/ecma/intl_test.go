package ecma

import (
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// FuzzKeyCacheOrder checks that comparing cached collation keys orders
// strings as the collator's own comparison does.
func FuzzKeyCacheOrder(f *testing.F) {
	for _, p := range [][2]string{{"a", "B"}, {"a", "A"}, {"résumé", "resume"}, {"item10", "item9"}, {"", "a"}, {"a-b", "ab"}} {
		f.Add(p[0], p[1])
	}
	// Not ka-shifted: x/text's CompareString calls every pair equal under
	// it, while its keys order them; the keys are what Collator uses.
	tags := []string{"en", "en-u-ks-level1", "en-u-kn-true", "sv", "de"}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, tag := range tags {
			c := collate.New(language.MustParse(tag))
			k := newKeyCache(collate.New(language.MustParse(tag)))
			if got, want := k.compare(a, b), c.CompareString(a, b); got != want {
				t.Errorf("%s: compare(%q, %q) = %d, CompareString = %d", tag, a, b, got, want)
			}
		}
	})
}

func BenchmarkLocaleCompareSort(b *testing.B) {
	vm, _ := newVM(b)
	prg := `{ const arr = Array.from({length: 2000}, (_, i) => 'item' + (i * 7919 % 2000)); arr.sort((a, b) => a.localeCompare(b)); }`
	for b.Loop() {
		if _, err := vm.RunString(prg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNumberToLocaleString(b *testing.B) {
	vm, _ := newVM(b)
	for b.Loop() {
		if _, err := vm.RunString(`(1234567.891).toLocaleString()`); err != nil {
			b.Fatal(err)
		}
	}
}
