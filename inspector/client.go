package inspector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
	"github.com/sourcegraph/jsonrpc2"
)

// ErrClosed is returned by Call once the connection is gone.
var ErrClosed = errors.New("inspector: connection closed")

// clientWriteBuffer is the largest message a Client sends over a
// WebSocket: gorilla's client writes one frame per buffer, and node's
// server (like `node inspect` on the other side) does not take fragments.
const clientWriteBuffer = 1 << 20

// Event is a notification from the target, such as Debugger.paused.
type Event struct {
	Method string
	Params json.RawMessage
}

// Decode stores the event's params in v (a pointer to a wire type).
func (e Event) Decode(v any) error {
	if err := json.Unmarshal(e.Params, v); err != nil {
		return fmt.Errorf("decoding %s: %w", e.Method, err)
	}
	return nil
}

// RemoteError is an error answer from the target. It unwraps to
// ErrMethodNotFound or ErrInvalidParams for those codes.
type RemoteError struct {
	Code    int64
	Message string
	Data    string
}

func (e *RemoteError) Error() string {
	if e.Data != "" {
		return fmt.Sprintf("%s (%d): %s", e.Message, e.Code, e.Data)
	}
	return fmt.Sprintf("%s (%d)", e.Message, e.Code)
}

func (e *RemoteError) Unwrap() error {
	switch e.Code {
	case codeMethodNotFound:
		return ErrMethodNotFound
	case codeInvalidParams:
		return ErrInvalidParams
	}
	return nil
}

// ClientOptions configures a Client.
type ClientOptions struct {
	// OnEvent receives the target's events in order, on a goroutine of
	// the client's own (it may Call). It must return for Close to return.
	// Nil drops events.
	OnEvent func(Event)
	Logger  *slog.Logger
}

// Client is a typed connection to a target: Studio's GUI uses one over
// Pipe, tools over Dial. Its methods may be called from any goroutine.
type Client struct {
	rpc     *jsonrpc2.Conn
	stream  *cdpStream
	seq     atomic.Uint64
	onEvent func(Event)

	mu     sync.Mutex
	queue  []Event
	wake   chan struct{} // capacity 1: events queued
	events sync.WaitGroup
	stop   func() // ends the in-process server half, if any
	closed sync.Once
}

// Dial connects to a WebSocket URL such as Server.URL() or a node
// --inspect target's webSocketDebuggerUrl.
func Dial(ctx context.Context, wsURL string, opts ClientOptions) (*Client, error) {
	d := websocket.Dialer{HandshakeTimeout: 10 * time.Second, WriteBufferSize: clientWriteBuffer}
	c, resp, err := d.DialContext(ctx, wsURL, nil)
	if err != nil {
		if resp != nil {
			err = fmt.Errorf("%w (HTTP %s)", err, resp.Status)
		}
		return nil, fmt.Errorf("dialing %q: %w", wsURL, err)
	}
	c.SetReadLimit(MaxMessage)
	return newClient(wsFrames{c: c, isClient: true}, opts, nil), nil
}

// Pipe connects a Client to t in memory: the same codec, checks, ordering
// and Session a WebSocket client gets, over a net.Pipe instead of TCP.
// Close ends both halves.
func Pipe(t *Target, opts ClientOptions) *Client {
	return pipe(targetSessions(t), opts)
}

func pipe(sessions sessionFunc, opts ClientOptions) *Client {
	a, b := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	go func() {
		defer close(done)
		serveConn(ctx, newPipeFrames(b), sessions, log.With("client", "pipe"))
	}()
	return newClient(newPipeFrames(a), opts, func() {
		cancel()
		<-done
	})
}

func newClient(f frames, opts ClientOptions, stop func()) *Client {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Client{stream: newStream(f, false), onEvent: opts.OnEvent, wake: make(chan struct{}, 1), stop: stop}
	c.rpc = jsonrpc2.NewConn(context.Background(), c.stream, handlerFunc(c.received), jsonrpc2.SetLogger(slog.NewLogLogger(log.Handler(), slog.LevelDebug)))
	if c.onEvent != nil {
		c.events.Add(1)
		go c.deliver()
	}
	return c
}

// received runs on jsonrpc2's reader goroutine: it only queues, so that a
// slow OnEvent cannot hold up replies.
func (c *Client) received(_ context.Context, req *jsonrpc2.Request) {
	if c.onEvent == nil || !req.Notif {
		return
	}
	e := Event{Method: req.Method, Params: json.RawMessage("{}")}
	if req.Params != nil {
		e.Params = *req.Params
	}
	c.mu.Lock()
	c.queue = append(c.queue, e)
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// deliver calls OnEvent for each queued event in order until the
// connection is gone and the queue is empty.
func (c *Client) deliver() {
	defer c.events.Done()
	for {
		c.mu.Lock()
		batch := c.queue
		c.queue = nil
		c.mu.Unlock()
		for _, e := range batch {
			c.onEvent(e)
		}
		if len(batch) > 0 {
			continue
		}
		select {
		case <-c.wake:
		case <-c.rpc.DisconnectNotify():
			c.mu.Lock()
			n := len(c.queue)
			c.mu.Unlock()
			if n == 0 {
				return
			}
		}
	}
}

// Call sends method with params (any value that encodes to a JSON object,
// or nil) and decodes the result into result (a pointer, or nil). An error
// answer is a *RemoteError.
func (c *Client) Call(ctx context.Context, method string, params, result any) error {
	// Ids start at 1: node answers an unparsable message with an error
	// without id, which jsonrpc2 would match to id 0.
	id := jsonrpc2.ID{Num: c.seq.Add(1)}
	err := c.rpc.Call(ctx, method, params, result, jsonrpc2.PickID(id))
	var je *jsonrpc2.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &je):
		re := &RemoteError{Code: je.Code, Message: je.Message}
		if je.Data != nil {
			if json.Unmarshal(*je.Data, &re.Data) != nil {
				re.Data = string(*je.Data)
			}
		}
		return re
	case errors.Is(err, jsonrpc2.ErrClosed):
		return fmt.Errorf("calling %s: %w", method, ErrClosed)
	default:
		return fmt.Errorf("calling %s: %w", method, err)
	}
}

// Done is closed when the connection has ended.
func (c *Client) Done() <-chan struct{} { return c.rpc.DisconnectNotify() }

// Close ends the connection and waits for the client's goroutines (and,
// for Pipe, the server half).
func (c *Client) Close() error {
	c.closed.Do(func() {
		_ = c.rpc.Close()
		<-c.stream.readDone
		c.events.Wait()
		if c.stop != nil {
			c.stop()
		}
	})
	return nil
}
