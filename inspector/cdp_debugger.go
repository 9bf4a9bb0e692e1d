package inspector

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/studiojs/studio/debugger"
)

func init() {
	methods["Debugger.enable"] = (*Session).debuggerEnable
	methods["Debugger.disable"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		s.setEnabled("Debugger", false)
		return nil, nil
	}
	methods["Debugger.setAsyncCallStackDepth"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			MaxDepth int `json:"maxDepth"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.async = req.MaxDepth
		s.mu.Unlock()
		return nil, nil
	}
	methods["Debugger.setBlackboxPatterns"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			Patterns []string `json:"patterns"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		if err := s.t.Debugger.SetBlackboxPatterns(req.Patterns); err != nil {
			return nil, &serverError{"Pattern parser error"}
		}
		return nil, nil
	}
	methods["Debugger.setBlackboxedRanges"] = ack
	methods["Debugger.setPauseOnExceptions"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			State string `json:"state"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		mode := debugger.ExceptionsNone
		switch req.State {
		case "none":
		case "uncaught":
			mode = debugger.ExceptionsUncaught
		case "all", "caught":
			mode = debugger.ExceptionsAll
		default:
			return nil, fmt.Errorf("%w: state %q", ErrInvalidParams, req.State)
		}
		s.t.Debugger.SetPauseOnExceptions(mode)
		return nil, nil
	}
	methods["Debugger.setBreakpointsActive"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			Active bool `json:"active"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		s.t.Debugger.SetBreakpointsActive(req.Active)
		return nil, nil
	}
	methods["Debugger.setSkipAllPauses"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			Skip bool `json:"skip"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		s.t.Debugger.SetBreakpointsActive(!req.Skip)
		return nil, nil
	}
	methods["Debugger.getScriptSource"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			ScriptID string `json:"scriptId"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		id, ok := parseScriptID(req.ScriptID)
		if !ok {
			return nil, fmt.Errorf("%w: no script %q", ErrInvalidParams, req.ScriptID)
		}
		src, err := s.t.Debugger.ScriptSource(id)
		if err != nil {
			return nil, err
		}
		return map[string]any{"scriptSource": src}, nil
	}
	methods["Debugger.setBreakpointByUrl"] = (*Session).setBreakpointByURL
	methods["Debugger.setBreakpoint"] = (*Session).setBreakpoint
	methods["Debugger.removeBreakpoint"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			BreakpointID string `json:"breakpointId"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		// Like V8: removing an unknown breakpoint is not an error.
		_ = s.t.Debugger.RemoveBreakpoint(req.BreakpointID)
		return nil, nil
	}
	methods["Debugger.getPossibleBreakpoints"] = (*Session).possibleBreakpoints
	methods["Debugger.resume"] = stepper((*debugger.Debugger).Resume)
	methods["Debugger.stepOver"] = stepper((*debugger.Debugger).StepOver)
	methods["Debugger.stepInto"] = stepper((*debugger.Debugger).StepInto)
	methods["Debugger.stepOut"] = stepper((*debugger.Debugger).StepOut)
	methods["Debugger.pause"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		s.t.Debugger.Pause()
		return nil, nil
	}
	methods["Debugger.evaluateOnCallFrame"] = (*Session).evaluateOnCallFrame
	methods["Debugger.setVariableValue"] = (*Session).setVariableValue
}

func ack(*Session, context.Context, json.RawMessage) (any, error) { return nil, nil }

// stepper answers a resume or step. A program that is not paused answers
// as V8 does.
func stepper(step func(*debugger.Debugger) error) handler {
	return func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		if err := step(s.t.Debugger); err != nil {
			if err == debugger.ErrNotPaused {
				return nil, &serverError{"Can only perform operation while paused."}
			}
			return nil, err
		}
		return nil, nil
	}
}

// serverError is a JSON-RPC -32000 error with V8's message.
type serverError struct{ msg string }

func (e *serverError) Error() string { return e.msg }

func (s *Session) debuggerEnable(_ context.Context, _ json.RawMessage) (any, error) {
	id := map[string]any{"debuggerId": "studio-" + s.t.ID}
	if s.isEnabled("Debugger") {
		// As V8: enabling again only answers (js-debug enables twice; a
		// second round of scriptParsed would list every script twice).
		return id, nil
	}
	s.setEnabled("Debugger", true)
	// Scripts loaded before the client came, then the pause it may have
	// missed, go out after the reply (V8 sends them before; clients accept
	// both orders).
	for _, sc := range s.t.Debugger.Scripts() {
		s.notify("Debugger.scriptParsed", s.scriptParsed(sc))
	}
	if p, ok := s.t.Debugger.CurrentPause(); ok {
		s.notify("Debugger.paused", s.paused(p))
	}
	return id, nil
}

func (s *Session) scriptParsed(sc debugger.Script) map[string]any {
	src := s.source(sc.ID)
	lines := strings.Split(src, "\n")
	last := lines[len(lines)-1]
	sum := sha256.Sum256([]byte(src))
	return map[string]any{
		"scriptId": scriptID(sc.ID), "url": fileURL(sc.Path),
		"startLine": 0, "startColumn": 0, "endLine": len(lines) - 1, "endColumn": utf16Col(last, 0, len(last)),
		"executionContextId": 1, "hash": hex.EncodeToString(sum[:]),
		"executionContextAuxData": map[string]any{"isDefault": true},
		"isLiveEdit":              false, "sourceMapURL": "", "hasSourceURL": false,
		"isModule": sc.IsModule, "length": len(src), "scriptLanguage": "JavaScript", "embedderName": fileURL(sc.Path),
	}
}

// paused is the Debugger.paused event of a pause.
func (s *Session) paused(p debugger.Paused) map[string]any {
	frames := make([]map[string]any, 0, len(p.Frames))
	// A frame without scopes of its own (not a script Studio instruments)
	// sees the globals, through the top frame's global scope object.
	var global map[string]any
	scopes := map[string]bool{}
	for _, f := range p.Frames {
		for _, sc := range f.Scopes {
			scopes[sc.Object.ObjectID] = true
			if sc.Kind == "global" && global == nil {
				global = map[string]any{"type": "global", "object": remoteObject(sc.Object)}
			}
		}
	}
	s.mu.Lock()
	s.scopes = scopes
	s.mu.Unlock()
	for _, f := range p.Frames {
		if f.ScriptID < 0 {
			continue // Studio's and Node's own code: not a script the client knows
		}
		loc := s.location(debugger.Location{ScriptID: f.ScriptID, Line: f.Line, Column: f.Column})
		var chain []map[string]any
		for _, sc := range f.Scopes {
			m := map[string]any{"type": sc.Kind, "object": remoteObject(sc.Object)}
			if (sc.Kind == "local" || sc.Kind == "block") && f.Function != "" {
				m["name"] = f.Function // as V8 names a function's scopes
			}
			chain = append(chain, m)
		}
		if len(chain) == 0 && global != nil {
			chain = append(chain, global)
		}
		if len(chain) == 0 {
			chain = []map[string]any{}
		}
		fr := map[string]any{
			"callFrameId": "frame:" + strconv.Itoa(f.Index), "functionName": f.Function,
			"location": loc, "url": fileURL(f.Path), "scopeChain": chain, "canBeRestarted": false,
		}
		if f.This.Type != "" {
			fr["this"] = remoteObject(f.This)
		} else {
			fr["this"] = remoteObject(debugger.Value{Type: "undefined"})
		}
		frames = append(frames, fr)
	}
	reason := "other"
	var data any
	switch p.Reason {
	case debugger.ReasonBreak:
		reason = "Break on start"
		if len(p.HitBreakpoints) > 0 {
			// A breakpoint at the first statement too: V8's way to say both.
			reason = "ambiguous"
			data = map[string]any{"reasons": []map[string]string{{"reason": "Break on start"}, {"reason": "other"}}}
		}
	case debugger.ReasonException:
		reason = "exception"
	}
	ev := map[string]any{"callFrames": frames, "reason": reason}
	if data != nil {
		ev["data"] = data
	}
	if len(p.HitBreakpoints) > 0 {
		ev["hitBreakpoints"] = p.HitBreakpoints
	} else {
		ev["hitBreakpoints"] = []string{}
	}
	if p.Exception != nil {
		ev["data"] = remoteObject(*p.Exception)
	}
	s.mu.Lock()
	depth := s.async
	s.mu.Unlock()
	if depth > 0 && len(p.Async) > 0 {
		ev["asyncStackTrace"] = s.asyncTrace(p.Async, depth)
	}
	return ev
}

// asyncTrace is the chain of async parents as CDP StackTraces.
func (s *Session) asyncTrace(hops []debugger.AsyncFrame, depth int) map[string]any {
	var root, cur map[string]any
	for i, h := range hops {
		if i >= depth {
			break
		}
		var frames []map[string]any
		for _, f := range h.Frames {
			id := s.scriptIDFor(f.File)
			if id < 0 {
				continue
			}
			col := f.Column - 1
			if col < 0 {
				col = 0
			}
			frames = append(frames, map[string]any{"functionName": f.Function, "scriptId": scriptID(id), "url": fileURL(f.File),
				"lineNumber": f.Line - 1, "columnNumber": utf16Col(s.source(id), f.Line-1, col)})
		}
		if len(frames) == 0 {
			frames = []map[string]any{}
		}
		st := map[string]any{"description": h.Type, "callFrames": frames}
		if root == nil {
			root = st
		} else {
			cur["parent"] = st
		}
		cur = st
	}
	return root
}

func (s *Session) scriptIDFor(path string) int {
	if strings.HasPrefix(path, "file://") {
		if u, err := url.Parse(path); err == nil {
			path = u.Path
		}
	}
	scripts := s.t.Debugger.Scripts()
	for i := len(scripts) - 1; i >= 0; i-- {
		if scripts[i].Path == path {
			return scripts[i].ID
		}
	}
	return -1
}

func (s *Session) setBreakpointByURL(_ context.Context, p json.RawMessage) (any, error) {
	var req struct {
		LineNumber   int    `json:"lineNumber"`
		URL          string `json:"url"`
		URLRegex     string `json:"urlRegex"`
		ColumnNumber *int   `json:"columnNumber"`
		Condition    string `json:"condition"`
		// LogMessage is Studio's: a logpoint that counts its hits
		// (Studio.getBreakpoints), which a condition that logs cannot.
		LogMessage string `json:"logMessage"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	spec := debugger.BreakpointSpec{Line: req.LineNumber + 1, Column: -1, Condition: req.Condition, LogMessage: req.LogMessage}
	switch {
	case req.URLRegex != "":
		spec.URLRegex = req.URLRegex
	case req.URL != "":
		// An exact URL: a file:// URL or a plain path, matched as either.
		path := req.URL
		if u, err := url.Parse(req.URL); err == nil && u.Scheme == "file" {
			path = u.Path
		}
		spec.URLRegex = "^(" + regexp.QuoteMeta(path) + "|" + regexp.QuoteMeta(fileURL(path)) + ")$"
	default:
		return nil, fmt.Errorf("%w: either url or urlRegex must be specified", ErrInvalidParams)
	}
	if req.ColumnNumber != nil && *req.ColumnNumber > 0 {
		spec.Column = *req.ColumnNumber // refined per script below when the line is not ASCII
	}
	id, locs, err := s.t.Debugger.SetBreakpoint(spec)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidParams, err)
	}
	out := make([]location, 0, len(locs))
	for _, l := range locs {
		out = append(out, s.location(l))
	}
	return map[string]any{"breakpointId": id, "locations": out}, nil
}

func (s *Session) setBreakpoint(_ context.Context, p json.RawMessage) (any, error) {
	var req struct {
		Location  location `json:"location"`
		Condition string   `json:"condition"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	sid, ok := parseScriptID(req.Location.ScriptID)
	if !ok {
		return nil, fmt.Errorf("%w: no script %q", ErrInvalidParams, req.Location.ScriptID)
	}
	var path string
	for _, sc := range s.t.Debugger.Scripts() {
		if sc.ID == sid {
			path = sc.Path
		}
	}
	if path == "" {
		return nil, &serverError{"Script not found"}
	}
	col := -1
	if req.Location.ColumnNumber > 0 {
		col = byteCol(s.source(sid), req.Location.LineNumber, req.Location.ColumnNumber)
	}
	id, locs, err := s.t.Debugger.SetBreakpoint(debugger.BreakpointSpec{Path: path, Line: req.Location.LineNumber + 1, Column: col, Condition: req.Condition})
	if err != nil {
		return nil, err
	}
	for _, l := range locs {
		if l.ScriptID == sid {
			return map[string]any{"breakpointId": id, "actualLocation": s.location(l)}, nil
		}
	}
	_ = s.t.Debugger.RemoveBreakpoint(id)
	return nil, &serverError{"Could not resolve breakpoint"}
}

func (s *Session) possibleBreakpoints(_ context.Context, p json.RawMessage) (any, error) {
	var req struct {
		Start location  `json:"start"`
		End   *location `json:"end"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	sid, ok := parseScriptID(req.Start.ScriptID)
	if !ok {
		return nil, fmt.Errorf("%w: no script %q", ErrInvalidParams, req.Start.ScriptID)
	}
	endLine := req.Start.LineNumber + 1
	if req.End != nil {
		endLine = req.End.LineNumber + 1
	}
	locs, err := s.t.Debugger.PossibleBreakpoints(sid, req.Start.LineNumber+1, endLine)
	if err != nil {
		return nil, &serverError{"Script not found"}
	}
	out := []location{}
	for _, l := range locs {
		cl := s.location(l)
		if cl.LineNumber == req.Start.LineNumber && cl.ColumnNumber < req.Start.ColumnNumber {
			continue
		}
		if req.End != nil && (cl.LineNumber > req.End.LineNumber || cl.LineNumber == req.End.LineNumber && cl.ColumnNumber >= req.End.ColumnNumber) {
			continue
		}
		out = append(out, cl)
	}
	return map[string]any{"locations": out}, nil
}

func frameIndex(id string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "frame:"))
	return n, err == nil && strings.HasPrefix(id, "frame:") && n >= 0
}

func (s *Session) evaluateOnCallFrame(ctx context.Context, p json.RawMessage) (any, error) {
	var req struct {
		CallFrameID     string `json:"callFrameId"`
		Expression      string `json:"expression"`
		ObjectGroup     string `json:"objectGroup"`
		ReturnByValue   bool   `json:"returnByValue"`
		GeneratePreview bool   `json:"generatePreview"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	n, ok := frameIndex(req.CallFrameID)
	if !ok {
		return nil, &serverError{"Invalid call frame id"}
	}
	v, exc, err := s.t.Debugger.Evaluate(ctx, req.Expression, debugger.EvalOptions{Frame: n, Group: req.ObjectGroup, Preview: req.GeneratePreview, ByValue: req.ReturnByValue})
	if err != nil {
		if err == debugger.ErrNotPaused || err == debugger.ErrNoFrame {
			return nil, &serverError{"Can only perform operation while paused."}
		}
		return nil, err
	}
	return evalResult(v, exc), nil
}

func evalResult(v debugger.Value, exc *debugger.Value) map[string]any {
	if exc != nil {
		return map[string]any{"result": remoteObject(*exc), "exceptionDetails": exceptionDetails(*exc)}
	}
	return map[string]any{"result": remoteObject(v)}
}

func (s *Session) setVariableValue(_ context.Context, p json.RawMessage) (any, error) {
	var req struct {
		ScopeNumber  int         `json:"scopeNumber"`
		VariableName string      `json:"variableName"`
		NewValue     callArgJSON `json:"newValue"`
		CallFrameID  string      `json:"callFrameId"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	n, ok := frameIndex(req.CallFrameID)
	if !ok {
		return nil, &serverError{"Invalid call frame id"}
	}
	if id := req.NewValue.ObjectID; id != "" {
		if err := s.t.Debugger.SetVariableObject(n, req.VariableName, id); err != nil {
			return nil, &serverError{err.Error()}
		}
		return nil, nil
	}
	expr, err := req.NewValue.expression()
	if err != nil {
		return nil, err
	}
	if err := s.t.Debugger.SetVariable(n, req.VariableName, expr); err != nil {
		return nil, &serverError{err.Error()}
	}
	return nil, nil
}

// callArgJSON is CDP's Runtime.CallArgument.
type callArgJSON struct {
	Value               json.RawMessage `json:"value"`
	UnserializableValue string          `json:"unserializableValue"`
	ObjectID            string          `json:"objectId"`
}

// expression writes a call argument that is not an object as JavaScript
// source.
func (a callArgJSON) expression() (string, error) {
	switch {
	case a.UnserializableValue != "":
		return a.UnserializableValue, nil
	case len(a.Value) > 0:
		return "(" + string(a.Value) + ")", nil
	}
	return "undefined", nil
}

func (a callArgJSON) arg() (debugger.CallArg, error) {
	switch {
	case a.ObjectID != "":
		return debugger.CallArg{ObjectID: a.ObjectID}, nil
	case a.UnserializableValue != "":
		return debugger.CallArg{Unserializable: a.UnserializableValue}, nil
	case len(a.Value) > 0:
		var v any
		if err := json.Unmarshal(a.Value, &v); err != nil {
			return debugger.CallArg{}, fmt.Errorf("%w: %v", ErrInvalidParams, err)
		}
		return debugger.CallArg{Value: v}, nil
	}
	return debugger.CallArg{Unserializable: "undefined"}, nil
}
