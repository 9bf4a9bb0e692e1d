package inspector

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/studiojs/studio/debugger"
)

// remoteObject is CDP's Runtime.RemoteObject. It marshals as V8 does: a
// primitive carries "value" (null included for null), strings no
// description, objects their objectId.
type remoteObject debugger.Value

func (r remoteObject) MarshalJSON() ([]byte, error) {
	m := map[string]any{"type": r.Type}
	if r.Subtype != "" {
		m["subtype"] = r.Subtype
	}
	if r.ClassName != "" {
		m["className"] = r.ClassName
	}
	switch {
	case r.Unserializable != "":
		m["unserializableValue"] = r.Unserializable
	case r.Type == "string" || r.Type == "boolean" || r.Type == "number" || r.Subtype == "null" || r.ObjectID == "" && r.Value != nil:
		m["value"] = r.Value
	}
	if r.Description != "" && r.Type != "string" && r.Type != "boolean" && r.Type != "undefined" {
		m["description"] = r.Description
	}
	if r.ObjectID != "" {
		m["objectId"] = r.ObjectID
	}
	if r.Preview != nil {
		m["preview"] = objectPreview(*r.Preview)
	}
	return json.Marshal(m)
}

type objectPreview debugger.Preview

func (p objectPreview) MarshalJSON() ([]byte, error) {
	props := make([]map[string]any, 0, len(p.Properties))
	for _, pp := range p.Properties {
		props = append(props, propertyPreview(pp))
	}
	m := map[string]any{"type": p.Type, "description": p.Description, "overflow": p.Overflow, "properties": props}
	if p.Subtype != "" {
		m["subtype"] = p.Subtype
	}
	if len(p.Entries) > 0 || p.Subtype == "map" || p.Subtype == "set" {
		entries := make([]map[string]any, 0, len(p.Entries))
		for _, e := range p.Entries {
			em := map[string]any{"value": entryPreview(e.Value)}
			if e.Key != nil {
				em["key"] = entryPreview(*e.Key)
			}
			entries = append(entries, em)
		}
		m["entries"] = entries
	}
	return json.Marshal(m)
}

func propertyPreview(pp debugger.PropertyPreview) map[string]any {
	m := map[string]any{"name": pp.Name, "type": pp.Type, "value": pp.Value}
	if pp.Subtype != "" {
		m["subtype"] = pp.Subtype
	}
	return m
}

// entryPreview is an ObjectPreview of a Map or Set entry's key or value.
func entryPreview(pp debugger.PropertyPreview) map[string]any {
	m := map[string]any{"type": pp.Type, "description": pp.Value, "overflow": false, "properties": []any{}}
	if pp.Subtype != "" {
		m["subtype"] = pp.Subtype
	}
	return m
}

// exceptionDetails is what Runtime.evaluate returns with a thrown value.
func exceptionDetails(exc debugger.Value) map[string]any {
	text := "Uncaught"
	if exc.ObjectID == "" {
		text = "Uncaught " + exc.Description
	}
	return map[string]any{"exceptionId": 1, "text": text, "lineNumber": 0, "columnNumber": 0, "exception": remoteObject(exc)}
}

// location is CDP's Debugger.Location: 0-based line, UTF-16 column.
type location struct {
	ScriptID     string `json:"scriptId"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

// scriptID is the CDP id of the debugger's script id: one more, because
// V8 uses "0" for "no script" (a profile's root, say).
func scriptID(id int) string { return strconv.Itoa(id + 1) }

func parseScriptID(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n - 1, err == nil && n >= 1
}

// utf16Col converts a byte column of line (0-based) of src to UTF-16
// code units, what CDP counts.
func utf16Col(src string, line, col int) int {
	text := lineText(src, line)
	if col > len(text) {
		col = len(text)
	}
	n := 0
	for _, r := range text[:col] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// byteCol is the inverse of utf16Col.
func byteCol(src string, line, col16 int) int {
	text := lineText(src, line)
	n := 0
	for i, r := range text {
		if n >= col16 {
			return i
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	_ = utf8.RuneError
	return len(text)
}

func lineText(src string, line int) string {
	for i := 0; i < line; i++ {
		nl := strings.IndexByte(src, '\n')
		if nl < 0 {
			return ""
		}
		src = src[nl+1:]
	}
	if nl := strings.IndexByte(src, '\n'); nl >= 0 {
		src = src[:nl]
	}
	return src
}
