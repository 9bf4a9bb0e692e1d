package cpuprof

import (
	"fmt"
	"strings"
	"testing"
)

// TestFunctionNames: functions are named as goja's compiler names them
// (its own name, else the variable, identifier, property key or class
// member it is assigned to) and placed at their parameter list, as V8
// places them (the class cases are node's [[FunctionLocation]]s; V8 names a
// getter "get p" where goja says "p").
func TestFunctionNames(t *testing.T) {
	cases := map[string]struct {
		code string
		want []string // name@line:col, in order of position
	}{
		"declaration and expressions": {
			code: "function a(x) {}\nvar b = function (y) {};\nvar c = function named() {};\nlet d; d = () => 1;\nlet e = x => x;",
			want: []string{"a@1:10", "b@2:17", "named@3:22", "d@4:11", "e@5:8"},
		},
		"object literal": {
			code: "var o = {\n  f: function () {},\n  g() {},\n  'h': async () => {},\n  [k]: function () {},\n  get p() { return 1 },\n};",
			want: []string{"f@2:14", "g@3:3", "h@4:13", "@5:16", "p@6:7"},
		},
		"class": {
			code: "class A {\n  constructor(v) {}\n  m() {}\n  static s() {}\n  #q() {}\n  f = () => {};\n}\nconst B = class {\n  constructor() {}\n};",
			want: []string{"A@2:13", "m@3:3", "s@4:10", "#q@5:4", "f@6:6", "B@9:13"},
		},
		"nested and unnamed": {
			code: "a.b = function () {\n  return [1].map(function (x) { return x; });\n};\nx ||= function () {};\n({ k = () => 0 } = {});",
			want: []string{"@1:15", "@2:26", "x@4:15", "k@5:7"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			s := &source{name: "/t/x.js", code: c.code, original: c.code}
			var got []string
			for _, d := range s.functions().decls {
				got = append(got, fmt.Sprintf("%s@%d:%d", d.shown, d.line, d.col))
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("got  %v\nwant %v", got, c.want)
			}
		})
	}
}

// TestFind: a sampled function is the innermost of its name around its
// sampled lines; goja's duplicate-name suffix is taken off.
func TestFind(t *testing.T) {
	code := "function outer() {\n  function inner() {\n    return 1;\n  }\n  return inner();\n}\nfunction inner() {\n  return 2;\n}"
	ff := (&source{name: "/t/x.js", code: code, original: code}).functions()
	for _, c := range []struct {
		name   string
		lo, hi int
		want   string
	}{
		{"inner", 3, 3, "inner@2:16"},
		{"inner", 8, 8, "inner@7:14"},
		{"outer", 5, 5, "outer@1:14"},
		{"", 3, 3, "inner@2:16"}, // no function of that name: the innermost
	} {
		d, ok := ff.find(c.name, c.lo, c.hi)
		if got := fmt.Sprintf("%s@%d:%d", d.shown, d.line, d.col); !ok || got != c.want {
			t.Errorf("find(%q, %d, %d) = %s, %v; want %s", c.name, c.lo, c.hi, got, ok, c.want)
		}
	}
}
