package inspector

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/studiojs/studio/debugger"
)

func init() {
	methods["Runtime.runIfWaitingForDebugger"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		s.t.runIfWaiting()
		return nil, nil
	}
	methods["Runtime.enable"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		if s.isEnabled("Runtime") {
			return nil, nil // as V8: the context was announced already
		}
		s.setEnabled("Runtime", true)
		s.notify("Runtime.executionContextCreated", map[string]any{"context": map[string]any{
			"id": 1, "origin": "", "name": fmt.Sprintf("studio[%d]", os.Getpid()), "uniqueId": "studio-" + s.t.ID,
			"auxData": map[string]any{"isDefault": true},
		}})
		return nil, nil
	}
	methods["Runtime.disable"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		s.setEnabled("Runtime", false)
		return nil, nil
	}
	methods["Runtime.getIsolateId"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		return map[string]any{"id": s.t.ID}, nil
	}
	methods["Runtime.discardConsoleEntries"] = ack
	methods["Runtime.setAsyncCallStackDepth"] = ack
	methods["Runtime.releaseObject"] = func(s *Session, ctx context.Context, p json.RawMessage) (any, error) {
		var req struct {
			ObjectID string `json:"objectId"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		return nil, s.t.Debugger.ReleaseObject(ctx, req.ObjectID)
	}
	methods["Runtime.releaseObjectGroup"] = func(s *Session, ctx context.Context, p json.RawMessage) (any, error) {
		var req struct {
			ObjectGroup string `json:"objectGroup"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		return nil, s.t.Debugger.ReleaseObjectGroup(ctx, req.ObjectGroup)
	}
	methods["Runtime.evaluate"] = (*Session).evaluate
	methods["Runtime.getProperties"] = (*Session).getProperties
	methods["Runtime.callFunctionOn"] = (*Session).callFunctionOn
	methods["NodeWorker.enable"] = ack
	methods["NodeWorker.disable"] = ack
	methods["Network.enable"] = ack
}

func (s *Session) evaluate(ctx context.Context, p json.RawMessage) (any, error) {
	var req struct {
		Expression      string `json:"expression"`
		ObjectGroup     string `json:"objectGroup"`
		ContextID       *int   `json:"contextId"`
		ReturnByValue   bool   `json:"returnByValue"`
		GeneratePreview bool   `json:"generatePreview"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	if req.ContextID != nil && *req.ContextID != 1 {
		return nil, &serverError{"Cannot find context with specified id"}
	}
	v, exc, err := s.t.Debugger.Evaluate(ctx, req.Expression, debugger.EvalOptions{Frame: -1, Group: req.ObjectGroup, Preview: req.GeneratePreview, ByValue: req.ReturnByValue})
	if err != nil {
		return nil, err
	}
	return evalResult(v, exc), nil
}

func (s *Session) getProperties(ctx context.Context, p json.RawMessage) (any, error) {
	var req struct {
		ObjectID               string `json:"objectId"`
		OwnProperties          bool   `json:"ownProperties"`
		AccessorPropertiesOnly bool   `json:"accessorPropertiesOnly"`
		GeneratePreview        bool   `json:"generatePreview"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	props, internal, err := s.t.Debugger.GetPropertiesWith(ctx, req.ObjectID, debugger.PropertiesOptions{Count: -1})
	if err != nil {
		if err == debugger.ErrNoObject {
			return nil, &serverError{"Could not find object with given id"}
		}
		return nil, err
	}
	out := make([]map[string]any, 0, len(props))
	for _, pr := range props {
		if req.AccessorPropertiesOnly && pr.Get == nil && pr.Set == nil {
			continue
		}
		m := map[string]any{"name": pr.Name, "configurable": pr.Configurable, "enumerable": pr.Enumerable, "isOwn": pr.Own}
		if pr.Value != nil {
			m["value"] = remoteObject(*pr.Value)
			m["writable"] = pr.Writable
		}
		if pr.Get != nil {
			m["get"] = remoteObject(*pr.Get)
		}
		if pr.Set != nil {
			m["set"] = remoteObject(*pr.Set)
		}
		out = append(out, m)
	}
	res := map[string]any{"result": out}
	// A scope has no prototype to show (V8 lists no internal properties
	// for a scope; DevTools would show [[Prototype]] among the variables).
	if len(internal) > 0 && !req.AccessorPropertiesOnly && !s.isScope(req.ObjectID) {
		in := make([]map[string]any, 0, len(internal))
		for _, pr := range internal {
			var val any = remoteObject(*pr.Value)
			if l := pr.Value.Location; l != nil {
				// V8's [[FunctionLocation]]: a location as the value of an
				// object without id.
				val = map[string]any{"type": "object", "subtype": "internal#location", "value": s.location(*l), "description": "Object"}
			}
			in = append(in, map[string]any{"name": pr.Name, "value": val})
		}
		res["internalProperties"] = in
	}
	return res, nil
}

func (s *Session) callFunctionOn(ctx context.Context, p json.RawMessage) (any, error) {
	var req struct {
		FunctionDeclaration string        `json:"functionDeclaration"`
		ObjectID            string        `json:"objectId"`
		Arguments           []callArgJSON `json:"arguments"`
		ReturnByValue       bool          `json:"returnByValue"`
		GeneratePreview     bool          `json:"generatePreview"`
		ObjectGroup         string        `json:"objectGroup"`
	}
	if err := decode(p, &req); err != nil {
		return nil, err
	}
	args := make([]debugger.CallArg, 0, len(req.Arguments))
	for _, a := range req.Arguments {
		ca, err := a.arg()
		if err != nil {
			return nil, err
		}
		args = append(args, ca)
	}
	v, exc, err := s.t.Debugger.CallFunctionOn(ctx, req.ObjectID, req.FunctionDeclaration, args, debugger.EvalOptions{Frame: -1, Group: req.ObjectGroup, Preview: req.GeneratePreview, ByValue: req.ReturnByValue})
	if err != nil {
		if err == debugger.ErrNoObject {
			return nil, &serverError{"Could not find object with given id"}
		}
		return nil, err
	}
	return evalResult(v, exc), nil
}
