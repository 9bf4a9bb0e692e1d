package ui

import (
	"testing"

	"github.com/studiojs/studio/inspector"
)

func TestRemoteObjectString(t *testing.T) {
	cases := map[string]struct {
		o    inspector.RemoteObject
		want string
	}{
		"string":     {inspector.RemoteObject{Type: "string", Value: []byte(`"a\"b"`)}, `"a\"b"`},
		"number":     {inspector.RemoteObject{Type: "number", Value: []byte(`42`), Description: "42"}, "42"},
		"undefined":  {inspector.RemoteObject{Type: "undefined"}, "undefined"},
		"null":       {inspector.RemoteObject{Type: "object", Subtype: "null", Value: []byte(`null`)}, "null"},
		"NaN":        {inspector.RemoteObject{Type: "number", UnserializableValue: "NaN"}, "NaN"},
		"arrow":      {inspector.RemoteObject{Type: "function", Description: "(msg) => {\n  body();\n}"}, "ƒ (msg) =>"},
		"one line":   {inspector.RemoteObject{Type: "function", Description: "() => {if($$b[11])$$h(11); done()}"}, "ƒ () =>"},
		"function":   {inspector.RemoteObject{Type: "function", Description: "function add(a, b) {\n  return a + b;\n}"}, "ƒ add(a, b)"},
		"object":     {inspector.RemoteObject{Type: "object", ClassName: "Object", Description: "Object"}, "Object"},
		"multi-line": {inspector.RemoteObject{Type: "object", Description: "Error: x\n    at f (a.js:1:1)"}, "Error: x …"},
	}
	for name, c := range cases {
		if got := objectString(c.o); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
