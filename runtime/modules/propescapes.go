package modules

import (
	"bytes"
	"encoding/json"
	"strings"
)

// rewritePropertyEscapes replaces each regexp literal that has the u flag
// and a Unicode property escape (\p{...} or \P{...}), which goja's parser
// rejects, with a `new RegExp("source", "flags")` call: the RegExp
// constructor installed by runtime/ecma translates the escapes. The
// replacement stays on the literal's line, so line numbers hold. A source
// without such literals comes back unchanged (the same string).
func rewritePropertyEscapes(src string) string {
	if !strings.Contains(src, `\p{`) && !strings.Contains(src, `\P{`) {
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
		if !strings.ContainsAny(flags, "uv") || !strings.Contains(body, `\p{`) && !strings.Contains(body, `\P{`) {
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
