package ui

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
)

// The protocol's messages as the window reads them: the part of CDP and of
// Studio's domain (docs/protocol.md) that the panels show. The inspector
// builds its messages from maps and exports no wire types, so the client
// side declares what it decodes.

// remoteObject is CDP's Runtime.RemoteObject.
type remoteObject struct {
	Type                string          `json:"type"`
	Subtype             string          `json:"subtype,omitempty"`
	ClassName           string          `json:"className,omitempty"`
	Value               json.RawMessage `json:"value,omitempty"`
	UnserializableValue string          `json:"unserializableValue,omitempty"`
	Description         string          `json:"description,omitempty"`
	ObjectID            string          `json:"objectId,omitempty"`
}

// String is the value as a debugger shows it in one line: a function by
// its head (ƒ (a, b) =>), other descriptions up to their first line break.
func (o remoteObject) String() string {
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

// cdpLocation is Debugger.Location: 0-based line and column.
type cdpLocation struct {
	ScriptID     string `json:"scriptId"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

type scope struct {
	Type   string       `json:"type"`
	Name   string       `json:"name,omitempty"`
	Object remoteObject `json:"object"`
}

type callFrame struct {
	CallFrameID  string      `json:"callFrameId"`
	FunctionName string      `json:"functionName"`
	Location     cdpLocation `json:"location"`
	URL          string      `json:"url"`
	ScopeChain   []scope     `json:"scopeChain"`
}

// stackFrame is Runtime.CallFrame (a frame of a stack trace).
type stackFrame struct {
	FunctionName string `json:"functionName"`
	ScriptID     string `json:"scriptId"`
	URL          string `json:"url"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

type stackTrace struct {
	Description string       `json:"description"`
	CallFrames  []stackFrame `json:"callFrames"`
	Parent      *stackTrace  `json:"parent,omitempty"`
}

type pausedEvent struct {
	CallFrames      []callFrame   `json:"callFrames"`
	Reason          string        `json:"reason"`
	HitBreakpoints  []string      `json:"hitBreakpoints"`
	Data            *remoteObject `json:"data,omitempty"`
	AsyncStackTrace *stackTrace   `json:"asyncStackTrace,omitempty"`
}

type scriptParsed struct {
	ScriptID string `json:"scriptId"`
	URL      string `json:"url"`
}

type breakpointResolved struct {
	BreakpointID string      `json:"breakpointId"`
	Location     cdpLocation `json:"location"`
}

type setBreakpointResult struct {
	BreakpointID string        `json:"breakpointId"`
	Locations    []cdpLocation `json:"locations"`
}

type evalResult struct {
	Result           remoteObject `json:"result"`
	ExceptionDetails *struct {
		Text      string       `json:"text"`
		Exception remoteObject `json:"exception"`
	} `json:"exceptionDetails,omitempty"`
}

type propertyDescriptor struct {
	Name  string        `json:"name"`
	Value *remoteObject `json:"value,omitempty"`
	Get   *remoteObject `json:"get,omitempty"`
	IsOwn bool          `json:"isOwn"`
}

type propertiesResult struct {
	Result             []propertyDescriptor `json:"result"`
	InternalProperties []propertyDescriptor `json:"internalProperties"`
}

type consoleAPICalled struct {
	Type string         `json:"type"`
	Args []remoteObject `json:"args"`
}

// Studio's domain.

// sourceLocation is a 1-based position in Studio's snapshots.
type sourceLocation struct {
	Function     string `json:"function"`
	URL          string `json:"url"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

type opRef struct {
	ID        int64           `json:"id"`
	Trigger   int64           `json:"trigger"`
	Type      string          `json:"type"`
	CreatedMs float64         `json:"createdMs"`
	DueMs     float64         `json:"dueMs,omitempty"`
	Location  *sourceLocation `json:"location,omitempty"`
	// State and AgeMs are set in the pending-ops table.
	State string  `json:"state,omitempty"`
	AgeMs float64 `json:"ageMs,omitempty"`
}

type queue struct {
	Depth int     `json:"depth"`
	Top   []opRef `json:"top"`
}

type worker struct {
	Lane    int     `json:"lane"`
	Busy    bool    `json:"busy"`
	Op      int64   `json:"op"`
	Type    string  `json:"type"`
	SinceMs float64 `json:"sinceMs"`
}

type poolState struct {
	Size    int      `json:"size"`
	Queued  int      `json:"queued"`
	Workers []worker `json:"workers"`
	Top     []opRef  `json:"top"`
}

type snapshot struct {
	TimeMs       float64            `json:"timeMs"`
	Iteration    int64              `json:"iteration"`
	Phase        string             `json:"phase"`
	InCallback   bool               `json:"inCallback"`
	PhaseTimeMs  map[string]float64 `json:"phaseTimeMs"`
	Queues       map[string]queue   `json:"queues"`
	Pool         poolState          `json:"pool"`
	Pending      []opRef            `json:"pending"`
	PendingTotal int                `json:"pendingTotal"`
	LagMs        float64            `json:"lagMs"`
	ELU          float64            `json:"elu"`
	Dropped      int64              `json:"dropped"`
}

type snapshotEvent struct {
	Paused   bool     `json:"paused"`
	Dropped  int64    `json:"dropped"`
	Snapshot snapshot `json:"snapshot"`
}

type loopCallback struct {
	Op    int64  `json:"op"`
	Type  string `json:"type"`
	Phase string `json:"phase"`
	Queue string `json:"queue"`
	Why   string `json:"why"`
}

// studioPaused is Studio.paused and Studio.loopPaused.
type studioPaused struct {
	Reason   string        `json:"reason"`
	Loop     snapshot      `json:"loop"`
	Callback *loopCallback `json:"callback,omitempty"`
}

// phases are the loop's phases in the order libuv runs them, as the
// snapshots name them.
var phases = []string{"timers", "pending", "idle", "prepare", "poll", "check", "close"}

// queueNames are the snapshot's queues in the order the panel lists them.
var queueNames = []string{"nextTick", "timers", "immediates", "completions", "close"}

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
