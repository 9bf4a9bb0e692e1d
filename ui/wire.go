package ui

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/studiojs/studio/inspector"
)

// The protocol's messages are the inspector's Go types (inspector/typed.go):
// the window decodes events and answers into them, so there is one
// definition of the protocol's shapes. This file has what the window adds:
// how a value reads in one line, and file URLs.

// objectString is a value as a debugger shows it in one line: a function
// by its head (ƒ (a, b) =>), other descriptions up to their first line
// break.
func objectString(o inspector.RemoteObject) string {
	if o.Type == "function" && o.Description != "" {
		head, _, _ := strings.Cut(o.Description, "\n")
		if i := strings.Index(head, "=>"); i >= 0 {
			head = head[:i+2]
		} else if i := strings.IndexByte(head, '{'); i >= 0 {
			head = head[:i]
		}
		head = strings.TrimPrefix(strings.TrimSpace(head), "function")
		return "ƒ " + strings.TrimSpace(head)
	}
	if o.Type == "object" && o.Preview != nil && o.Subtype != "error" {
		return previewString(o.Description, o.Preview)
	}
	if first, _, cut := strings.Cut(o.Description, "\n"); cut && o.Type == "object" {
		return first + " …"
	}
	switch {
	case o.UnserializableValue != "":
		return o.UnserializableValue
	case o.Type == "undefined":
		return "undefined"
	case o.Subtype == "null":
		return "null"
	case o.Type == "string":
		var s string
		if json.Unmarshal(o.Value, &s) == nil {
			return strconv.Quote(s)
		}
	case o.Description != "":
		return o.Description
	case len(o.Value) > 0:
		return string(o.Value)
	}
	return o.Type
}

// previewString is an object with its first properties, as DevTools
// shows one in a line: {name: "studio", list: Array(3)}, Array(3) [1, 2, 3].
func previewString(description string, p *inspector.ObjectPreview) string {
	var b strings.Builder
	array := p.Subtype == "array"
	switch {
	case array:
		b.WriteString(description + " [")
	case description != "" && description != "Object":
		b.WriteString(description + " {")
	default:
		b.WriteString("{")
	}
	for i, pp := range p.Properties {
		if i > 0 {
			b.WriteString(", ")
		}
		if !array {
			b.WriteString(pp.Name + ": ")
		}
		if pp.Type == "string" {
			b.WriteString(strconv.Quote(pp.Value))
		} else {
			b.WriteString(pp.Value)
		}
	}
	if p.Overflow {
		b.WriteString(", …")
	}
	if array {
		b.WriteString("]")
	} else {
		b.WriteString("}")
	}
	return b.String()
}

// phases are the loop's phases in the order libuv runs them, as the
// snapshots name them.
var phases = []string{"timers", "pending", "idle", "prepare", "poll", "check", "close"}

// queueNames are the snapshot's queues in the order the panel lists them.
var queueNames = []string{"nextTick", "microtasks", "timers", "immediates", "completions", "close"}

// pathOfURL is the file path of a file:// URL (a plain path stays).
func pathOfURL(u string) string {
	if !strings.HasPrefix(u, "file://") {
		return u
	}
	if p, err := url.Parse(u); err == nil {
		return p.Path
	}
	return strings.TrimPrefix(u, "file://")
}

// fileURL is the file:// URL of an absolute path, as the inspector writes it.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: path}).String()
}
