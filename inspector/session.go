package inspector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"sync"

	"github.com/studiojs/studio/debugger"
)

// ErrMethodNotFound is answered with JSON-RPC code -32601.
var ErrMethodNotFound = errors.New("method not found")

// ErrInvalidParams is answered with JSON-RPC code -32602.
var ErrInvalidParams = errors.New("invalid params")

// Notifier sends an event to the client of a session.
type Notifier func(method string, params any)

// Session is the protocol state of one connected client (what it enabled,
// its object ids): it answers requests and sends events. A transport (the
// WebSocket server, the in-process connection) creates one per client and
// calls Handle for each request, in the order they arrive, and Close when
// the client goes.
type Session struct {
	t      *Target
	notify Notifier

	mu     sync.Mutex
	closed bool
	cancel context.CancelFunc
	ctx    context.Context
	// endCtx ends when the program has ended: the forwarder then sends
	// what the debugger still holds, and Runtime.executionContextDestroyed
	// after it.
	endCtx  context.Context
	endNow  context.CancelFunc
	enabled map[string]bool
	sources map[int]string // script sources, for UTF-16 columns
	async   int            // Debugger.setAsyncCallStackDepth
	// scopes are the scope objects of the last pause: V8 lists no
	// [[Prototype]] for a scope, so neither does getProperties.
	scopes map[string]bool
	done   chan struct{} // closed when the event forwarder ends
	// studioStop ends the Studio domain's streams; nil when not enabled.
	studioStop func()
	// studioFlush sends the Studio.events records not yet sent.
	studioFlush func()
	// prof is the I/O profiler and warnings (studio_prof.go), or nil.
	prof *studioProfile
}

// NewSession starts a session of target whose events go to notify.
func NewSession(t *Target, notify Notifier) *Session {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Session{t: t, notify: notify, ctx: ctx, cancel: cancel, enabled: map[string]bool{}, sources: map[int]string{}, done: make(chan struct{})}
	s.endCtx, s.endNow = context.WithCancel(ctx)
	sub := t.Debugger.Subscribe()
	go s.forward(sub)
	t.addSession(s)
	return s
}

// contextDestroyed has Runtime.executionContextDestroyed sent: the
// program ended. The forwarder sends it after the debugger's last events
// (an uncaught exception's Runtime.exceptionThrown), so that a client
// that stops at it has seen them all.
func (s *Session) contextDestroyed() {
	s.flushStudio()
	s.finishProfile()
	s.endNow()
}

func (s *Session) sendContextDestroyed() {
	if s.isEnabled("Runtime") {
		s.notify("Runtime.executionContextDestroyed", map[string]any{"executionContextId": 1, "executionContextUniqueId": "studio-" + s.t.ID})
	}
}

// Close ends the session: its event forwarding stops, and a program it
// paused goes on (as when a DevTools window closes).
func (s *Session) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.t.removeSession(s)
	s.stopStudio()
	s.stopProfile()
	s.cancel()
	<-s.done
}

// isScope reports whether objectID is a scope object of the last pause.
func (s *Session) isScope(objectID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.scopes[objectID]
}

func (s *Session) isEnabled(domain string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enabled[domain]
}

func (s *Session) setEnabled(domain string, on bool) {
	s.mu.Lock()
	s.enabled[domain] = on
	s.mu.Unlock()
}

// forward turns the debugger's events into CDP events, in order.
func (s *Session) forward(sub *debugger.Subscription) {
	defer close(s.done)
	defer sub.Close()
	loopPaused := false
	for {
		// Next returns what is queued before it looks at the context, so
		// once the program has ended this drains the debugger's events.
		e, err := sub.Next(s.endCtx)
		if err != nil {
			if s.ctx.Err() == nil {
				s.sendContextDestroyed()
				<-s.ctx.Done()
			}
			return
		}
		dbg, studio := s.isEnabled("Debugger"), s.isEnabled("Studio")
		switch e := e.(type) {
		case debugger.Paused:
			// A learning-mode stop has no JavaScript frames: it is Studio's
			// alone (a CDP client expects frames in Debugger.paused).
			loopPaused = len(e.Frames) == 0
			if loopPaused {
				if studio {
					s.notify("Studio.loopPaused", s.studioPaused(e))
				}
				continue
			}
			if dbg {
				s.notify("Debugger.paused", s.paused(e))
			}
			if studio {
				s.notify("Studio.paused", s.studioPaused(e))
			}
			continue
		case debugger.ConsoleCall:
			if s.isEnabled("Runtime") {
				s.notify("Runtime.consoleAPICalled", s.consoleCall(e))
			}
			continue
		case debugger.ExceptionThrown:
			if s.isEnabled("Runtime") {
				s.notify("Runtime.exceptionThrown", s.exceptionThrown(e))
			}
			continue
		case debugger.Resumed:
			if loopPaused {
				if studio {
					s.notify("Studio.loopResumed", struct{}{})
				}
			} else if dbg {
				s.notify("Debugger.resumed", struct{}{})
			}
			loopPaused = false
			continue
		}
		if !dbg {
			continue
		}
		switch e := e.(type) {
		case debugger.ScriptParsed:
			s.notify("Debugger.scriptParsed", s.scriptParsed(e.Script))
		case debugger.BreakpointResolved:
			s.notify("Debugger.breakpointResolved", map[string]any{"breakpointId": e.ID, "location": s.location(e.Location)})
		}
	}
}

// consoleCall is Runtime.consoleAPICalled for a console call.
func (s *Session) consoleCall(c debugger.ConsoleCall) map[string]any {
	args := make([]remoteObject, 0, len(c.Args))
	for _, a := range c.Args {
		args = append(args, remoteObject(a))
	}
	frames := []map[string]any{}
	for _, f := range c.Stack {
		if f.ScriptID < 0 {
			continue
		}
		loc := s.location(debugger.Location{ScriptID: f.ScriptID, Line: f.Line, Column: f.Column})
		frames = append(frames, map[string]any{"functionName": f.Function, "scriptId": loc.ScriptID, "url": fileURL(f.Path), "lineNumber": loc.LineNumber, "columnNumber": loc.ColumnNumber})
	}
	// output is Studio's: where the call's text lies in the program's
	// stdout and stderr (docs/protocol.md), so that a client showing both
	// can put the call in place of its text.
	output := ConsoleOutput{Stdout: OutputRange(c.Stdout), Stderr: OutputRange(c.Stderr)}
	return map[string]any{"type": c.Type, "args": args, "executionContextId": 1,
		"timestamp": float64(c.Time.UnixNano()) / 1e6, "stackTrace": map[string]any{"callFrames": frames}, "output": output}
}

// exceptionThrown is Runtime.exceptionThrown for an uncaught exception.
func (s *Session) exceptionThrown(e debugger.ExceptionThrown) map[string]any {
	frames := []map[string]any{}
	for _, f := range e.Frames {
		loc := s.location(debugger.Location{ScriptID: f.ScriptID, Line: f.Line, Column: f.Column})
		frames = append(frames, map[string]any{"functionName": f.Function, "scriptId": loc.ScriptID, "url": fileURL(f.Path), "lineNumber": loc.LineNumber, "columnNumber": loc.ColumnNumber})
	}
	details := map[string]any{"exceptionId": 1, "text": "Uncaught", "lineNumber": 0, "columnNumber": 0,
		"exception": remoteObject(e.Exception), "stackTrace": map[string]any{"callFrames": frames}, "executionContextId": 1}
	if len(frames) > 0 {
		details["lineNumber"], details["columnNumber"] = frames[0]["lineNumber"], frames[0]["columnNumber"]
		details["scriptId"], details["url"] = frames[0]["scriptId"], frames[0]["url"]
	}
	return map[string]any{"timestamp": float64(e.Time.UnixNano()) / 1e6, "exceptionDetails": details}
}

// source returns a script's text (cached).
func (s *Session) source(id int) string {
	s.mu.Lock()
	src, ok := s.sources[id]
	s.mu.Unlock()
	if ok {
		return src
	}
	src, _ = s.t.Debugger.ScriptSource(id)
	s.mu.Lock()
	s.sources[id] = src
	s.mu.Unlock()
	return src
}

// location converts a debugger location to CDP's (0-based line, UTF-16 column).
func (s *Session) location(l debugger.Location) location {
	src := s.source(l.ScriptID)
	return location{ScriptID: scriptID(l.ScriptID), LineNumber: l.Line - 1, ColumnNumber: utf16Col(src, l.Line-1, l.Column)}
}

// Handle answers one request. The result is never nil (an empty object at
// least: `node inspect` fails on "result": null). An unknown method is
// ErrMethodNotFound; bad params wrap ErrInvalidParams.
func (s *Session) Handle(ctx context.Context, method string, params json.RawMessage) (any, error) {
	h, ok := methods[method]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrMethodNotFound, method)
	}
	res, err := h(s, ctx, params)
	if err != nil {
		return nil, err
	}
	if res == nil {
		res = struct{}{}
	}
	return res, nil
}

type handler func(s *Session, ctx context.Context, params json.RawMessage) (any, error)

// methods is filled by the domain files (cdp_*.go).
var methods = map[string]handler{}

func decode(params json.RawMessage, v any) error {
	if len(params) == 0 || string(params) == "null" {
		return nil
	}
	if err := json.Unmarshal(params, v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidParams, err)
	}
	return nil
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
