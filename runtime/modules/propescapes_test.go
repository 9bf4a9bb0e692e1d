package modules

import "testing"

func TestRewritePropertyEscapes(t *testing.T) {
	tests := map[string]struct{ src, want string }{
		"literal with u flag": {`x = /\p{L}+/gu.test(s);`, `x = (new RegExp("\\p{L}+", "gu")).test(s);`},
		"class and quotes":    {`/["\p{Lu}]/u`, `(new RegExp("[\"\\p{Lu}]", "u"))`},
		"no u flag kept":      {`/\p{L}/g.test(s)`, `/\p{L}/g.test(s)`},
		"in a string kept":    {`s = '/\\p{L}/u';`, `s = '/\\p{L}/u';`},
		"in a comment kept":   {"// /\\p{L}/u\nx", "// /\\p{L}/u\nx"},
		"in a template kept":  {"`/\\p{L}/u`", "`/\\p{L}/u`"},
		"division kept":       {`a = b / c \p{ / d`, `a = b / c \p{ / d`},
		"v flag":              {`/[\p{L}--[a-z]]/v.test(s)`, `(new RegExp("[\\p{L}--[a-z]]", "v")).test(s)`},
		"v flag, no escapes":  {`/[[a-z]&&[^aeiou]]/gv`, `(new RegExp("[[a-z]&&[^aeiou]]", "gv"))`},
		"path with v kept":    {`x = a /v/ b`, `x = a /v/ b`},
		"second line":         {"a = 1;\nb = /\\P{Nd}/u;\n", "a = 1;\nb = (new RegExp(\"\\\\P{Nd}\", \"u\"));\n"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := rewritePropertyEscapes(tc.src); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
