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
		"string":    {inspector.RemoteObject{Type: "string", Value: []byte(`"a\"b"`)}, `"a\"b"`},
		"number":    {inspector.RemoteObject{Type: "number", Value: []byte(`42`), Description: "42"}, "42"},
		"undefined": {inspector.RemoteObject{Type: "undefined"}, "undefined"},
		"null":      {inspector.RemoteObject{Type: "object", Subtype: "null", Value: []byte(`null`)}, "null"},
		"NaN":       {inspector.RemoteObject{Type: "number", UnserializableValue: "NaN"}, "NaN"},
		"arrow":     {inspector.RemoteObject{Type: "function", Description: "(msg) => {\n  body();\n}"}, "ƒ (msg) =>"},
		"one line":  {inspector.RemoteObject{Type: "function", Description: "() => {if($$b[11])$$h(11); done()}"}, "ƒ () =>"},
		"function":  {inspector.RemoteObject{Type: "function", Description: "function add(a, b) {\n  return a + b;\n}"}, "ƒ add(a, b)"},
		"object":    {inspector.RemoteObject{Type: "object", ClassName: "Object", Description: "Object"}, "Object"},
		"preview": {inspector.RemoteObject{Type: "object", ClassName: "Object", Description: "Object", Preview: &inspector.ObjectPreview{
			Type: "object", Properties: []inspector.PropertyPreview{{Name: "name", Type: "string", Value: "studio"}, {Name: "list", Type: "object", Subtype: "array", Value: "Array(3)"}}}},
			`{name: "studio", list: Array(3)}`},
		"array": {inspector.RemoteObject{Type: "object", Subtype: "array", Description: "Array(12)", Preview: &inspector.ObjectPreview{
			Type: "object", Subtype: "array", Overflow: true, Properties: []inspector.PropertyPreview{{Name: "0", Type: "number", Value: "1"}, {Name: "1", Type: "number", Value: "2"}}}},
			"Array(12) [1, 2, …]"},
		"class": {inspector.RemoteObject{Type: "object", ClassName: "Point", Description: "Point", Preview: &inspector.ObjectPreview{
			Type: "object", Properties: []inspector.PropertyPreview{{Name: "x", Type: "number", Value: "1"}}}},
			"Point {x: 1}"},
		"multi-line": {inspector.RemoteObject{Type: "object", Description: "Error: x\n    at f (a.js:1:1)"}, "Error: x …"},
	}
	for name, c := range cases {
		if got := objectString(c.o); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
