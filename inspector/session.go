package inspector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"sync"
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

	mu      sync.Mutex
	closed  bool
	cancel  context.CancelFunc
	ctx     context.Context
	enabled map[string]bool
}

// NewSession starts a session of target whose events go to notify.
func NewSession(t *Target, notify Notifier) *Session {
	ctx, cancel := context.WithCancel(context.Background())
	return &Session{t: t, notify: notify, ctx: ctx, cancel: cancel, enabled: map[string]bool{}}
}

// Close ends the session: its event forwarding stops.
func (s *Session) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
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
