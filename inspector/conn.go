package inspector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/sourcegraph/jsonrpc2"
)

// session is what a connection dispatches to: a *Session, or a stub in the
// transport's own tests.
type session interface {
	Handle(ctx context.Context, method string, params json.RawMessage) (any, error)
	Close()
}

type sessionFunc func(notify Notifier) session

func targetSessions(t *Target) sessionFunc {
	return func(n Notifier) session { return NewSession(t, n) }
}

const (
	// inQueue is how many requests a connection reads ahead of the one
	// being handled (DevTools pipelines a dozen at attach).
	inQueue = 256
	// outQueue is how many replies and events wait for a slow client.
	// Events come from the program's goroutines, which must never wait on
	// a client: past this the client is disconnected instead.
	outQueue = 1 << 14
)

// conn is one client connection: jsonrpc2 reads requests, one goroutine
// hands them to the session in order, one goroutine writes replies and
// events in the order they were produced.
type conn struct {
	log    *slog.Logger
	cancel context.CancelFunc
	out    chan outMsg
	closed atomic.Bool
	rpc    *jsonrpc2.Conn
}

// outMsg is a reply (resp set) or an event.
type outMsg struct {
	resp   *jsonrpc2.Response
	method string
	params json.RawMessage
}

// serveConn serves one client until it disconnects or ctx ends, and
// returns only when every goroutine it started has finished (but for the
// last instant of jsonrpc2's own reader and watcher, which end on their
// own once the stream is closed).
func serveConn(ctx context.Context, f frames, newSession sessionFunc, log *slog.Logger) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := &conn{log: log, cancel: cancel, out: make(chan outMsg, outQueue)}
	sess, err := startSession(newSession, c.notify)
	if err != nil {
		log.Error("inspector: starting a session", "err", err)
		_ = f.close()
		return
	}

	reqs := make(chan *jsonrpc2.Request, inQueue)
	enqueue := handlerFunc(func(ctx context.Context, req *jsonrpc2.Request) {
		select {
		case reqs <- req:
		case <-ctx.Done():
		}
	})
	stream := newStream(f, true)
	c.rpc = jsonrpc2.NewConn(ctx, stream, enqueue, jsonrpc2.SetLogger(slog.NewLogLogger(log.Handler(), slog.LevelDebug)))

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		c.dispatch(ctx, sess, reqs)
	}()
	go func() {
		defer wg.Done()
		c.writeLoop(ctx)
	}()
	select {
	case <-c.rpc.DisconnectNotify():
	case <-ctx.Done():
	}
	c.closed.Store(true)
	cancel()
	_ = c.rpc.Close()
	wg.Wait()
	sess.Close()
	<-stream.readDone
}

// startSession makes a client's session; a panic there is a bug that
// costs the client its connection, not the program.
func startSession(newSession sessionFunc, notify Notifier) (s session, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("session panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return newSession(notify), nil
}

// handlerFunc adapts a function to jsonrpc2.Handler. jsonrpc2 calls it on
// its reader goroutine, one request after the other.
type handlerFunc func(ctx context.Context, req *jsonrpc2.Request)

func (h handlerFunc) Handle(ctx context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) {
	h(ctx, req)
}

// dispatch answers requests one at a time, in the order they came: CDP
// clients pipeline requests and expect them handled in order. Handle must
// not wait on the program (Debugger.resume answers at once; the stop comes
// later as an event).
func (c *conn) dispatch(ctx context.Context, sess session, reqs <-chan *jsonrpc2.Request) {
	for {
		select {
		case <-ctx.Done():
			return
		case req := <-reqs:
			if req.Notif {
				continue // checkRequest lets none through; nothing to answer
			}
			select {
			case c.out <- outMsg{resp: c.call(ctx, sess, req)}:
			case <-ctx.Done():
				return
			}
		}
	}
}

// call runs one request. A panic in a handler is the handler's bug; the
// client gets an error and the connection and program go on.
func (c *conn) call(ctx context.Context, sess session, req *jsonrpc2.Request) (resp *jsonrpc2.Response) {
	resp = &jsonrpc2.Response{ID: req.ID}
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("inspector: handler panicked", "method", req.Method, "panic", r, "stack", string(debug.Stack()))
			resp.Result = nil
			resp.Error = &jsonrpc2.Error{Code: codeServerError, Message: fmt.Sprintf("Internal error handling '%s'", req.Method)}
		}
	}()
	var params json.RawMessage
	if req.Params != nil {
		params = *req.Params
	}
	res, err := sess.Handle(ctx, req.Method, params)
	if err != nil {
		resp.Error = rpcError(req.Method, err)
		return resp
	}
	b, err := json.Marshal(res)
	if err != nil {
		c.log.Error("inspector: encoding a result", "method", req.Method, "err", err)
		resp.Error = &jsonrpc2.Error{Code: codeServerError, Message: fmt.Sprintf("Internal error encoding the result of '%s'", req.Method)}
		return resp
	}
	if string(b) == "null" {
		b = []byte("{}") // `node inspect` fails on "result": null
	}
	raw := json.RawMessage(b)
	resp.Result = &raw
	return resp
}

// rpcError turns a handler's error into node's JSON-RPC error.
func rpcError(method string, err error) *jsonrpc2.Error {
	var je *jsonrpc2.Error
	switch {
	case errors.As(err, &je):
		return je
	case errors.Is(err, ErrMethodNotFound):
		return &jsonrpc2.Error{Code: codeMethodNotFound, Message: fmt.Sprintf("'%s' wasn't found", method)}
	case errors.Is(err, ErrInvalidParams):
		e := &jsonrpc2.Error{Code: codeInvalidParams, Message: "Invalid parameters"}
		e.SetError(err.Error())
		return e
	default:
		return &jsonrpc2.Error{Code: codeServerError, Message: err.Error()}
	}
}

// notify queues an event for the client. Any goroutine; it never blocks.
func (c *conn) notify(method string, params any) {
	if c.closed.Load() {
		return
	}
	raw := json.RawMessage("{}")
	if params != nil {
		b, err := json.Marshal(params)
		if err != nil {
			c.log.Error("inspector: encoding an event", "method", method, "err", err)
			return
		}
		if string(b) != "null" {
			raw = b
		}
	}
	select {
	case c.out <- outMsg{method: method, params: raw}:
	default:
		if !c.closed.Swap(true) {
			c.log.Warn("inspector: client does not read its events; disconnecting it", "queued", outQueue)
			c.cancel()
		}
	}
}

// writeLoop sends replies and events in queue order through jsonrpc2.
func (c *conn) writeLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-c.out:
			var err error
			if m.resp != nil {
				err = c.rpc.SendResponse(ctx, m.resp)
			} else {
				err = c.rpc.Notify(ctx, m.method, m.params)
			}
			if err != nil {
				if !errors.Is(err, jsonrpc2.ErrClosed) {
					c.log.Debug("inspector: writing to a client", "err", err)
				}
				c.cancel()
				return
			}
		}
	}
}
