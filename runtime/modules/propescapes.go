package modules

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

// vFlagRe finds what may end a regexp literal with the v flag; false
// positives only cost a tokenization.
var vFlagRe = regexp.MustCompile(`/[dgimsuy]*v[dgimsuy]*(?:[^A-Za-z0-9_$]|$)`)

// rewritePropertyEscapes replaces each regexp literal goja's parser rejects
// (the v flag, or the u flag with a Unicode property escape \p{...} or
// \P{...}) with a `new RegExp("source", "flags")` call: the RegExp
// constructor installed by runtime/ecma translates them. The
// replacement stays on the literal's line, so line numbers hold. A source
// without such literals comes back unchanged (the same string).
func rewritePropertyEscapes(src string) string {
	if !strings.Contains(src, `\p{`) && !strings.Contains(src, `\P{`) && !vFlagRe.MatchString(src) {
		return src
	}
	ts := newTokens(src)
	var b strings.Builder
	last := 0
	for _, t := range ts.toks {
		if t.kind != tokRegexp {
			continue
		}
		lit := src[t.start:t.end]
		end := strings.LastIndexByte(lit, '/')
		if end <= 0 {
			continue
		}
		body, flags := lit[1:end], lit[end+1:]
		escapes := strings.ContainsRune(flags, 'u') && (strings.Contains(body, `\p{`) || strings.Contains(body, `\P{`))
		if !escapes && !strings.ContainsRune(flags, 'v') {
			continue
		}
		b.WriteString(src[last:t.start])
		b.WriteString("(new RegExp(")
		b.WriteString(jsString(body))
		b.WriteString(", ")
		b.WriteString(jsString(flags))
		b.WriteString("))")
		last = t.end
	}
	if last == 0 {
		return src
	}
	b.WriteString(src[last:])
	return b.String()
}

// jsString quotes s as a JavaScript string literal (JSON's syntax is a
// subset) without HTML escaping.
func jsString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return strings.TrimSuffix(buf.String(), "\n")
}
