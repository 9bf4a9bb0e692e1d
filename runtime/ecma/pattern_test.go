package ecma

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// fuzzProps pairs property escapes with the Go table that defines them.
var fuzzProps = []struct {
	escape string
	table  *unicode.RangeTable
}{
	{`\p{L}`, unicode.L}, {`\p{Letter}`, unicode.L}, {`\p{Lu}`, unicode.Lu}, {`\p{Lowercase_Letter}`, unicode.Ll},
	{`\p{gc=Nd}`, unicode.Nd}, {`\p{General_Category=Punctuation}`, unicode.P}, {`\p{Sm}`, unicode.Sm},
	{`\p{Zs}`, unicode.Zs}, {`\p{Mn}`, unicode.Mn}, {`\p{Co}`, unicode.Co},
	{`\p{Script=Greek}`, unicode.Greek}, {`\p{sc=Latn}`, unicode.Latin}, {`\p{sc=Han}`, unicode.Han},
	{`\p{Script=Cyrillic}`, unicode.Cyrillic}, {`\p{sc=Zinh}`, unicode.Inherited}, {`\p{sc=Zyyy}`, unicode.Common},
	{`\p{White_Space}`, unicode.White_Space}, {`\p{Hex}`, unicode.Hex_Digit}, {`\p{Dash}`, unicode.Dash},
	{`\p{Ideographic}`, unicode.Ideographic}, {`\p{RI}`, unicode.Regional_Indicator},
}

// goRegexp turns a translated pattern into Go regexp syntax.
func goRegexp(t *testing.T, pattern string) *regexp.Regexp {
	re, err := regexp.Compile("^(?:" + strings.ReplaceAll(pattern, `\u{`, `\x{`) + ")$")
	if err != nil {
		t.Fatal(err)
	}
	return re
}

// FuzzTranslatePattern checks that the ranges of \p{X}, \P{X}, and the same
// escapes inside classes match exactly the code points Go's table holds.
func FuzzTranslatePattern(f *testing.F) {
	for i, r := range []rune{'a', 'A', '5', ' ', 'α', 'ж', '中', 0x300, 0x1F1E6, 0xE000, 0x10FFFF, 0xD7FF} {
		f.Add(uint8(i), r)
	}
	f.Fuzz(func(t *testing.T, which uint8, r rune) {
		if r < 0 || r > unicode.MaxRune || r >= 0xD800 && r <= 0xDFFF {
			return // surrogates are not code points a u-mode regexp sees alone
		}
		p := fuzzProps[int(which)%len(fuzzProps)]
		want := unicode.Is(p.table, r)
		neg := `\P` + p.escape[2:]
		for _, c := range []struct {
			pattern string
			want    bool
		}{
			{p.escape, want},
			{neg, !want},
			{"[" + p.escape + "]", want},
			{"[^" + p.escape + "]", !want},
			{"[" + neg + "]", !want},
		} {
			out, err := TranslatePattern(c.pattern, "u")
			if err != nil {
				t.Fatalf("translating %s: %v", c.pattern, err)
			}
			if got := goRegexp(t, out).MatchString(string(r)); got != c.want {
				t.Errorf("%s on U+%04X: got %v, want %v", c.pattern, r, got, c.want)
			}
		}
	})
}

func TestTranslatePattern(t *testing.T) {
	tests := map[string]struct {
		pattern, flags string
		want           string // "" when the result must be the input
		err            error
	}{
		"no u flag keeps \\p":     {pattern: `\p{L}`, flags: "g"},
		"no escapes":              {pattern: `a[b]\d+`, flags: "u"},
		"escaped backslash":       {pattern: `\\p{L}`, flags: "u"},
		"class body spliced":      {pattern: `[x\p{Nd}]`, flags: "u", want: "[x" + mustRanges(t, "Nd", false) + "]"},
		"outside class bracketed": {pattern: `a\p{Nd}`, flags: "u", want: "a[" + mustRanges(t, "Nd", false) + "]"},
		"empty set":               {pattern: `\P{Any}`, flags: "u", want: `[^\u{0}-\u{10FFFF}]`},
		"unknown property":        {pattern: `\p{Foo}`, flags: "u", err: ErrPropertyName},
		"script without sc=":      {pattern: `\p{Greek}`, flags: "u", err: ErrPropertyName},
		"unknown script":          {pattern: `\p{scx=Klingon}`, flags: "u", err: ErrPropertyName},
		"unterminated":            {pattern: `\p{L`, flags: "u", err: ErrPropertyName},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := TranslatePattern(tc.pattern, tc.flags)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			want := tc.want
			if want == "" && tc.err == nil {
				want = tc.pattern
			}
			if got != want {
				t.Errorf("got %.80q, want %.80q", got, want)
			}
		})
	}
}

func mustRanges(t *testing.T, body string, negate bool) string {
	s, err := classRanges(body, negate)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func BenchmarkTranslatePattern(b *testing.B) {
	for b.Loop() {
		if _, err := TranslatePattern(`^\p{L}[\p{L}\p{Nd}_]*$`, "u"); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzTranslateFlagsSetOps checks v-mode intersections, subtractions and
// nested classes of property escapes against Go's tables.
func FuzzTranslateFlagsSetOps(f *testing.F) {
	f.Add(uint8(0), uint8(1), uint8(0), 'A')
	f.Add(uint8(10), uint8(2), uint8(1), 'α')
	f.Add(uint8(3), uint8(4), uint8(2), '5')
	f.Fuzz(func(t *testing.T, x, y, op uint8, r rune) {
		if r < 0 || r > unicode.MaxRune || r >= 0xD800 && r <= 0xDFFF {
			return
		}
		a, b := fuzzProps[int(x)%len(fuzzProps)], fuzzProps[int(y)%len(fuzzProps)]
		inA, inB := unicode.Is(a.table, r), unicode.Is(b.table, r)
		var pattern string
		var want bool
		switch op % 4 {
		case 0:
			pattern, want = "["+a.escape+"&&"+b.escape+"]", inA && inB
		case 1:
			pattern, want = "["+a.escape+"--"+b.escape+"]", inA && !inB
		case 2:
			pattern, want = "[^["+a.escape+"]["+b.escape+"]]", !inA && !inB
		default:
			pattern, want = "[["+a.escape+"--[a-z]]&&["+b.escape+"]]", inA && inB && (r < 'a' || r > 'z')
		}
		out, flags, err := TranslateFlags(pattern, "v")
		if err != nil {
			t.Fatalf("translating %s: %v", pattern, err)
		}
		if flags != "u" {
			t.Fatalf("flags %q, want u", flags)
		}
		if got := goRegexp(t, out).MatchString(string(r)); got != want {
			t.Errorf("%s on U+%04X: got %v, want %v", pattern, r, got, want)
		}
	})
}
