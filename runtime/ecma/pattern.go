package ecma

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// ErrPropertyName reports a \p{...} naming a property this package cannot
// resolve: unknown to ECMAScript, or a script missing from Go's tables
// (those added after Unicode 15.0), or Katakana_Or_Hiragana.
var ErrPropertyName = errors.New("ecma: invalid property name")

var propCache sync.Map // property body -> string of class ranges; \P is cached with a "^" prefix

// TranslatePattern rewrites the Unicode property escapes of a JS regular
// expression pattern into explicit character-class ranges, which goja
// accepts. Only patterns with the u flag are rewritten: without it, \p is an
// identity escape. The result uses \u{...} escapes, so it needs the u flag
// too. A pattern without property escapes comes back unchanged.
func TranslatePattern(pattern, flags string) (string, error) {
	if !strings.ContainsRune(flags, 'u') || !strings.Contains(pattern, `\p{`) && !strings.Contains(pattern, `\P{`) {
		return pattern, nil
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			n := pattern[i+1]
			if (n == 'p' || n == 'P') && i+2 < len(pattern) && pattern[i+2] == '{' {
				end := strings.IndexByte(pattern[i+3:], '}')
				if end < 0 {
					return "", fmt.Errorf("translating /%s/%s: %w", pattern, flags, ErrPropertyName)
				}
				body := pattern[i+3 : i+3+end]
				ranges, err := classRanges(body, n == 'P')
				if err != nil {
					return "", fmt.Errorf("translating /%s/%s: %w", pattern, flags, err)
				}
				switch {
				case inClass:
					b.WriteString(ranges)
				case ranges == "":
					// The empty set: a class that matches nothing.
					b.WriteString(`[^\u{0}-\u{10FFFF}]`)
				default:
					b.WriteString("[" + ranges + "]")
				}
				i += 3 + end
				continue
			}
			b.WriteByte(c)
			b.WriteByte(n)
			i++
			continue
		case c == '[' && !inClass:
			inClass = true
		case c == ']' && inClass:
			inClass = false
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

// classRanges gives the body of a character class matching \p{body}, or
// \P{body} when negate.
func classRanges(body string, negate bool) (string, error) {
	key := body
	if negate {
		key = "^" + body
	}
	if v, ok := propCache.Load(key); ok {
		return v.(string), nil
	}
	set, ok := lookupProperty(body)
	if !ok {
		return "", ErrPropertyName
	}
	if negate {
		set = set.complement()
	}
	var b strings.Builder
	// Surrogate code points stay in: goja matches a lone surrogate against
	// them and a paired one as part of its astral code point, as V8 does.
	for _, r := range set {
		writeRange(&b, r[0], r[1])
	}
	s := b.String()
	propCache.Store(key, s)
	return s, nil
}

func writeRange(b *strings.Builder, lo, hi rune) {
	if lo == hi {
		fmt.Fprintf(b, `\u{%X}`, lo)
		return
	}
	fmt.Fprintf(b, `\u{%X}-\u{%X}`, lo, hi)
}
