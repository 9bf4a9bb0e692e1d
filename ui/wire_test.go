package ui

import "testing"

func TestRemoteObjectString(t *testing.T) {
	cases := map[string]struct {
		o    remoteObject
		want string
	}{
		"string":     {remoteObject{Type: "string", Value: []byte(`"a\"b"`)}, `"a\"b"`},
		"number":     {remoteObject{Type: "number", Value: []byte(`42`), Description: "42"}, "42"},
		"undefined":  {remoteObject{Type: "undefined"}, "undefined"},
		"null":       {remoteObject{Type: "object", Subtype: "null", Value: []byte(`null`)}, "null"},
		"NaN":        {remoteObject{Type: "number", UnserializableValue: "NaN"}, "NaN"},
		"arrow":      {remoteObject{Type: "function", Description: "(msg) => {\n  body();\n}"}, "ƒ (msg) =>"},
		"one line":   {remoteObject{Type: "function", Description: "() => {if($$b[11])$$h(11); done()}"}, "ƒ () =>"},
		"function":   {remoteObject{Type: "function", Description: "function add(a, b) {\n  return a + b;\n}"}, "ƒ add(a, b)"},
		"object":     {remoteObject{Type: "object", ClassName: "Object", Description: "Object"}, "Object"},
		"multi-line": {remoteObject{Type: "object", Description: "Error: x\n    at f (a.js:1:1)"}, "Error: x …"},
	}
	for name, c := range cases {
		if got := c.o.String(); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
