package inspector

import (
	"context"
	"encoding/json"
)

// The typed side of the client: the messages Studio's tools and window use
// most, as Go types, and methods that send them. Anything else goes
// through Client.Call with the protocol's JSON (docs/protocol.md).

// RemoteObject is CDP's Runtime.RemoteObject.
type RemoteObject struct {
	Type                string          `json:"type"`
	Subtype             string          `json:"subtype,omitempty"`
	ClassName           string          `json:"className,omitempty"`
	Value               json.RawMessage `json:"value,omitempty"`
	UnserializableValue string          `json:"unserializableValue,omitempty"`
	Description         string          `json:"description,omitempty"`
	ObjectID            string          `json:"objectId,omitempty"`
	Preview             *ObjectPreview  `json:"preview,omitempty"`
}

// ObjectPreview is CDP's Runtime.ObjectPreview.
type ObjectPreview struct {
	Type        string            `json:"type"`
	Subtype     string            `json:"subtype,omitempty"`
	Description string            `json:"description,omitempty"`
	Overflow    bool              `json:"overflow"`
	Properties  []PropertyPreview `json:"properties"`
}

// PropertyPreview is one property of an ObjectPreview.
type PropertyPreview struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Value   string `json:"value,omitempty"`
	Subtype string `json:"subtype,omitempty"`
}

// Location is CDP's Debugger.Location: 0-based line, UTF-16 column.
type Location struct {
	ScriptID     string `json:"scriptId"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

// Scope is one entry of a call frame's scope chain.
type Scope struct {
	Type   string       `json:"type"` // local, block, closure, global
	Object RemoteObject `json:"object"`
	Name   string       `json:"name,omitempty"`
}

// CallFrame is CDP's Debugger.CallFrame.
type CallFrame struct {
	CallFrameID  string       `json:"callFrameId"`
	FunctionName string       `json:"functionName"`
	Location     Location     `json:"location"`
	URL          string       `json:"url"`
	ScopeChain   []Scope      `json:"scopeChain"`
	This         RemoteObject `json:"this"`
}

// StackFrame is CDP's Runtime.CallFrame (in stack traces).
type StackFrame struct {
	FunctionName string `json:"functionName"`
	ScriptID     string `json:"scriptId"`
	URL          string `json:"url"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

// StackTrace is CDP's Runtime.StackTrace; Parent is the async parent.
type StackTrace struct {
	Description string       `json:"description,omitempty"`
	CallFrames  []StackFrame `json:"callFrames"`
	Parent      *StackTrace  `json:"parent,omitempty"`
}

// PausedEvent is Debugger.paused.
type PausedEvent struct {
	CallFrames      []CallFrame   `json:"callFrames"`
	Reason          string        `json:"reason"`
	HitBreakpoints  []string      `json:"hitBreakpoints"`
	Data            *RemoteObject `json:"data,omitempty"`
	AsyncStackTrace *StackTrace   `json:"asyncStackTrace,omitempty"`
}

// ScriptParsedEvent is Debugger.scriptParsed (the fields Studio sets).
type ScriptParsedEvent struct {
	ScriptID string `json:"scriptId"`
	URL      string `json:"url"`
	EndLine  int    `json:"endLine"`
	IsModule bool   `json:"isModule"`
	Length   int    `json:"length"`
}

// ExceptionDetails is CDP's Runtime.ExceptionDetails.
type ExceptionDetails struct {
	Text         string        `json:"text"`
	LineNumber   int           `json:"lineNumber"`
	ColumnNumber int           `json:"columnNumber"`
	ScriptID     string        `json:"scriptId,omitempty"`
	URL          string        `json:"url,omitempty"`
	Exception    *RemoteObject `json:"exception,omitempty"`
	StackTrace   *StackTrace   `json:"stackTrace,omitempty"`
}

// EvaluateResult is the answer of Runtime.evaluate, Debugger.evaluateOnCallFrame
// and Runtime.callFunctionOn.
type EvaluateResult struct {
	Result           RemoteObject      `json:"result"`
	ExceptionDetails *ExceptionDetails `json:"exceptionDetails,omitempty"`
}

// PropertyDescriptor is CDP's Runtime.PropertyDescriptor.
type PropertyDescriptor struct {
	Name         string        `json:"name"`
	Value        *RemoteObject `json:"value,omitempty"`
	Get          *RemoteObject `json:"get,omitempty"`
	Set          *RemoteObject `json:"set,omitempty"`
	Writable     bool          `json:"writable"`
	Configurable bool          `json:"configurable"`
	Enumerable   bool          `json:"enumerable"`
	IsOwn        bool          `json:"isOwn"`
}

// InternalProperty is CDP's Runtime.InternalPropertyDescriptor.
type InternalProperty struct {
	Name  string        `json:"name"`
	Value *RemoteObject `json:"value,omitempty"`
}

// PropertiesResult is Runtime.getProperties' answer.
type PropertiesResult struct {
	Result             []PropertyDescriptor `json:"result"`
	InternalProperties []InternalProperty   `json:"internalProperties,omitempty"`
}

// BreakpointResult is Debugger.setBreakpointByUrl's answer.
type BreakpointResult struct {
	BreakpointID string     `json:"breakpointId"`
	Locations    []Location `json:"locations"`
}

// BreakpointResolvedEvent is Debugger.breakpointResolved.
type BreakpointResolvedEvent struct {
	BreakpointID string   `json:"breakpointId"`
	Location     Location `json:"location"`
}

// ExceptionThrownEvent is Runtime.exceptionThrown.
type ExceptionThrownEvent struct {
	Timestamp        float64          `json:"timestamp"`
	ExceptionDetails ExceptionDetails `json:"exceptionDetails"`
}

// BreakpointHits is one breakpoint in Studio.getBreakpoints' answer: Hits
// counts the times it was reached with its condition true.
type BreakpointHits struct {
	BreakpointID string `json:"breakpointId"`
	Enabled      bool   `json:"enabled"`
	Hits         int    `json:"hits"`
}

// ConsoleAPICalledEvent is Runtime.consoleAPICalled, with Studio's
// Output.
type ConsoleAPICalledEvent struct {
	Type       string         `json:"type"`
	Args       []RemoteObject `json:"args"`
	Timestamp  float64        `json:"timestamp"`
	StackTrace *StackTrace    `json:"stackTrace,omitempty"`
	// Output is where the call's text lies in the program's stdout and
	// stderr (nil from a target other than Studio).
	Output *ConsoleOutput `json:"output,omitempty"`
}

// ConsoleOutput is what a console call wrote: a byte range of stdout and
// one of stderr, one of them empty for the console's own methods.
type ConsoleOutput struct {
	Stdout OutputRange `json:"stdout"`
	Stderr OutputRange `json:"stderr"`
}

// OutputRange is [Start, End) in bytes, counted from the first byte the
// program wrote to the stream.
type OutputRange struct {
	Start int64 `json:"start"`
	End   int64 `json:"end"`
}

// OpRef is an async operation in a Studio snapshot.
type OpRef struct {
	ID        uint64          `json:"id"`
	Trigger   uint64          `json:"trigger"`
	Type      string          `json:"type"`
	CreatedMs float64         `json:"createdMs"`
	DueMs     float64         `json:"dueMs,omitempty"`
	Location  *SourceLocation `json:"location,omitempty"`
	State     string          `json:"state,omitempty"` // pending ops only
	AgeMs     float64         `json:"ageMs,omitempty"` // pending ops only
}

// SourceLocation is where an async operation was created: Studio's
// positions are 1-based lines and columns.
type SourceLocation struct {
	Function     string `json:"function"`
	URL          string `json:"url"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

// LoopQueue is one of the loop's queues in a Studio snapshot.
type LoopQueue struct {
	Depth int     `json:"depth"`
	Top   []OpRef `json:"top"`
}

// Lane is one worker-pool lane in a Studio snapshot.
type Lane struct {
	Lane    int     `json:"lane"`
	Busy    bool    `json:"busy"`
	Op      uint64  `json:"op,omitempty"`
	Type    string  `json:"type,omitempty"`
	SinceMs float64 `json:"sinceMs,omitempty"`
}

// Snapshot is the event loop in Studio.snapshot, Studio.getSnapshot and
// at pauses (docs/protocol.md).
type Snapshot struct {
	TimeMs       float64              `json:"timeMs"`
	Iteration    uint64               `json:"iteration"`
	Phase        string               `json:"phase"`
	InCallback   bool                 `json:"inCallback"`
	PhaseTimeMs  map[string]float64   `json:"phaseTimeMs"`
	Queues       map[string]LoopQueue `json:"queues"` // nextTick, microtasks, timers, immediates, completions, close
	Pool         Pool                 `json:"pool"`
	Pending      []OpRef              `json:"pending"`
	PendingTotal int                  `json:"pendingTotal"`
	LagMs        float64              `json:"lagMs"`
	ELU          float64              `json:"elu"`
	Dropped      uint64               `json:"dropped"`
}

// Pool is the worker pool in a Studio snapshot: its lanes, the jobs
// queued for a lane and the first of them.
type Pool struct {
	Size    int     `json:"size"`
	Queued  int     `json:"queued"`
	Workers []Lane  `json:"workers"`
	Top     []OpRef `json:"top"`
}

// SnapshotEvent is Studio.snapshot.
type SnapshotEvent struct {
	Snapshot Snapshot `json:"snapshot"`
	Paused   bool     `json:"paused"`
	Dropped  uint64   `json:"dropped"`
}

// LoopStopEvent is Studio.paused and Studio.loopPaused.
type LoopStopEvent struct {
	Reason   string        `json:"reason"`
	Loop     Snapshot      `json:"loop"`
	Callback *LoopCallback `json:"callback,omitempty"`
}

// LoopCallback is the callback a learning-mode loop stop is before: where
// it comes from and why it runs now.
type LoopCallback struct {
	Op      uint64 `json:"op"`
	Trigger uint64 `json:"trigger"`
	Type    string `json:"type"`
	Phase   string `json:"phase"`
	Queue   string `json:"queue"`
	Why     string `json:"why"`
}

// OpEvent is one async-op record of Studio.events.
type OpEvent struct {
	Kind       string  `json:"kind"` // init, queued, started, finished, before, after, destroy, phase-enter, phase-exit, iteration
	TimeMs     float64 `json:"timeMs"`
	Op         uint64  `json:"op,omitempty"`
	Trigger    uint64  `json:"trigger,omitempty"`
	Type       string  `json:"type,omitempty"`
	Worker     int     `json:"worker,omitempty"` // started only
	Phase      string  `json:"phase,omitempty"`
	Iteration  uint64  `json:"iteration,omitempty"`
	DurationMs float64 `json:"durationMs,omitempty"`
	Error      string  `json:"error,omitempty"`
	// Location is where an init's op was created (with the profiler on).
	Location *SourceLocation `json:"location,omitempty"`
}

// EventsBatch is Studio.events.
type EventsBatch struct {
	Events  []OpEvent `json:"events"`
	Dropped uint64    `json:"dropped"`
}

// Quantiles are a latency distribution in milliseconds.
type Quantiles struct {
	P50 float64 `json:"p50"`
	P95 float64 `json:"p95"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

// IOStats is one op type at one call site in Studio.getIOProfile.
type IOStats struct {
	Type            string     `json:"type"`
	Site            string     `json:"site"` // file:line
	Pooled          bool       `json:"pooled"`
	Count           uint64     `json:"count"`
	QueueWaitMs     *Quantiles `json:"queueWaitMs,omitempty"` // pooled ops only
	ServiceMs       Quantiles  `json:"serviceMs"`
	CallbackDelayMs Quantiles  `json:"callbackDelayMs"`
	TotalMs         Quantiles  `json:"totalMs"`
}

// SlowOp is one of the slowest ops in Studio.getIOProfile.
type SlowOp struct {
	Op              uint64           `json:"op"`
	Type            string           `json:"type"`
	Site            string           `json:"site"`
	TotalMs         float64          `json:"totalMs"`
	QueueWaitMs     float64          `json:"queueWaitMs"`
	ServiceMs       float64          `json:"serviceMs"`
	CallbackDelayMs float64          `json:"callbackDelayMs"`
	Stack           []SourceLocation `json:"stack"`
}

// SyncCall is one synchronous call at one call site in
// Studio.getIOProfile: how long it blocked the loop.
type SyncCall struct {
	Call      string    `json:"call"` // the binding call, "fs.open"
	API       string    `json:"api"`  // what the program called, "fs.readFileSync"
	Site      string    `json:"site"`
	Count     uint64    `json:"count"`
	BlockedMs Quantiles `json:"blockedMs"`
}

// IOProfile is Studio.getIOProfile's answer.
type IOProfile struct {
	Stats   []IOStats  `json:"stats"`
	Sync    []SyncCall `json:"sync"`
	Slowest []SlowOp   `json:"slowest"`
	Dropped uint64     `json:"dropped"`
	Final   bool       `json:"final"`
}

// WarningFact is one number behind a warning.
type WarningFact struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"` // "ms", or "" for a count
}

// Warning is one warning of Studio.warnings.
type Warning struct {
	Kind     string           `json:"kind"`
	Message  string           `json:"message"`
	Where    []string         `json:"where"`
	Stack    []SourceLocation `json:"stack"`
	TimeMs   float64          `json:"timeMs"`
	Count    int              `json:"count"`
	Evidence []WarningFact    `json:"evidence"`
}

// WarningsEvent is Studio.warnings and Studio.getWarnings' answer.
type WarningsEvent struct {
	Warnings []Warning `json:"warnings"`
	Dropped  uint64    `json:"dropped"`
	Final    bool      `json:"final"`
}

// Typed methods.

// Enable turns on the Runtime and Debugger domains.
func (c *Client) Enable(ctx context.Context) error {
	if err := c.Call(ctx, "Runtime.enable", nil, nil); err != nil {
		return err
	}
	return c.Call(ctx, "Debugger.enable", nil, nil)
}

// RunIfWaitingForDebugger lets a program held by --inspect-brk or
// --inspect-wait start.
func (c *Client) RunIfWaitingForDebugger(ctx context.Context) error {
	return c.Call(ctx, "Runtime.runIfWaitingForDebugger", nil, nil)
}

// SetBreakpointByURL sets a breakpoint at a 0-based line of every script
// whose URL matches urlRegex, now or when it loads.
func (c *Client) SetBreakpointByURL(ctx context.Context, urlRegex string, line int, condition string) (BreakpointResult, error) {
	var r BreakpointResult
	err := c.Call(ctx, "Debugger.setBreakpointByUrl", map[string]any{"urlRegex": urlRegex, "lineNumber": line, "condition": condition}, &r)
	return r, err
}

// RemoveBreakpoint removes a breakpoint.
func (c *Client) RemoveBreakpoint(ctx context.Context, id string) error {
	return c.Call(ctx, "Debugger.removeBreakpoint", map[string]any{"breakpointId": id}, nil)
}

// Resume, StepOver, StepInto, StepOut and Pause drive a paused program.
func (c *Client) Resume(ctx context.Context) error { return c.Call(ctx, "Debugger.resume", nil, nil) }
func (c *Client) StepOver(ctx context.Context) error {
	return c.Call(ctx, "Debugger.stepOver", nil, nil)
}
func (c *Client) StepInto(ctx context.Context) error {
	return c.Call(ctx, "Debugger.stepInto", nil, nil)
}
func (c *Client) StepOut(ctx context.Context) error { return c.Call(ctx, "Debugger.stepOut", nil, nil) }
func (c *Client) Pause(ctx context.Context) error   { return c.Call(ctx, "Debugger.pause", nil, nil) }

// Evaluate evaluates expr in the global scope (paused or running).
func (c *Client) Evaluate(ctx context.Context, expr string) (EvaluateResult, error) {
	var r EvaluateResult
	err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": expr, "generatePreview": true}, &r)
	return r, err
}

// EvaluateOnCallFrame evaluates expr in a paused call frame.
func (c *Client) EvaluateOnCallFrame(ctx context.Context, callFrameID, expr string) (EvaluateResult, error) {
	var r EvaluateResult
	err := c.Call(ctx, "Debugger.evaluateOnCallFrame", map[string]any{"callFrameId": callFrameID, "expression": expr, "generatePreview": true}, &r)
	return r, err
}

// GetProperties lists an object's own and internal properties.
func (c *Client) GetProperties(ctx context.Context, objectID string) (PropertiesResult, error) {
	var r PropertiesResult
	err := c.Call(ctx, "Runtime.getProperties", map[string]any{"objectId": objectID, "ownProperties": true}, &r)
	return r, err
}

// ScriptSource returns a script's text.
func (c *Client) ScriptSource(ctx context.Context, scriptID string) (string, error) {
	var r struct {
		ScriptSource string `json:"scriptSource"`
	}
	err := c.Call(ctx, "Debugger.getScriptSource", map[string]any{"scriptId": scriptID}, &r)
	return r.ScriptSource, err
}

// StudioEnable starts Studio.snapshot events every intervalMs (at most 30
// a second) and, with events, Studio.events batches.
func (c *Client) StudioEnable(ctx context.Context, intervalMs float64, events bool) error {
	return c.Call(ctx, "Studio.enable", map[string]any{"snapshotInterval": intervalMs, "events": events}, nil)
}

// IOProfile returns the I/O profile so far (Studio.enable with profile).
func (c *Client) IOProfile(ctx context.Context) (IOProfile, error) {
	var r IOProfile
	err := c.Call(ctx, "Studio.getIOProfile", nil, &r)
	return r, err
}

// Warnings returns the warnings so far (Studio.enable with profile).
func (c *Client) Warnings(ctx context.Context) (WarningsEvent, error) {
	var r WarningsEvent
	err := c.Call(ctx, "Studio.getWarnings", nil, &r)
	return r, err
}

// Snapshot returns the event loop now.
func (c *Client) Snapshot(ctx context.Context) (Snapshot, error) {
	var r struct {
		Snapshot Snapshot `json:"snapshot"`
	}
	err := c.Call(ctx, "Studio.getSnapshot", nil, &r)
	return r.Snapshot, err
}

// Breakpoints lists the breakpoints with their hit counts and whether
// they are enabled (Studio.getBreakpoints).
func (c *Client) Breakpoints(ctx context.Context) ([]BreakpointHits, error) {
	var r struct {
		Breakpoints []BreakpointHits `json:"breakpoints"`
	}
	err := c.Call(ctx, "Studio.getBreakpoints", nil, &r)
	return r.Breakpoints, err
}
