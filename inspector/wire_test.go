package inspector

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/sourcegraph/jsonrpc2"
	"go.uber.org/goleak"
)

// TestCheckRequest gives node 20's answers to malformed messages (measured
// on a node --inspect-brk target; node adds a second "” wasn't found"
// reply to some, Studio answers once).
func TestCheckRequest(t *testing.T) {
	cases := map[string]struct {
		in, canon, reply string
	}{
		"request":              {`{"id":1,"method":"Runtime.enable"}`, `{"id":1,"method":"Runtime.enable"}`, ""},
		"params kept":          {`{"id":2,"method":"A.b","params":{"x":[1,2]}}`, `{"id":2,"method":"A.b","params":{"x":[1,2]}}`, ""},
		"params null":          {`{"id":2,"method":"Foo.e","params":null}`, `{"id":2,"method":"Foo.e","params":null}`, ""},
		"params array":         {`{"id":3,"method":"Foo.f","params":[]}`, `{"id":3,"method":"Foo.f","params":[]}`, ""},
		"surrounding space":    {" {\"id\":6,\"method\":\"Foo.h\"}\n", `{"id":6,"method":"Foo.h"}`, ""},
		"id 1e3":               {`{"id":1e3,"method":"Foo.d"}`, `{"id":1000,"method":"Foo.d"}`, ""},
		"id 14.0":              {`{"id":14.0,"method":"Foo.l"}`, `{"id":14,"method":"Foo.l"}`, ""},
		"id max int32":         {`{"id":2147483647,"method":"Foo.b"}`, `{"id":2147483647,"method":"Foo.b"}`, ""},
		"negative id":          {`{"id":-1,"method":"Foo.a"}`, `{"id":4294967295,"method":"Foo.a"}`, ""},
		"duplicate id":         {`{"id":9,"method":"Foo.k","id":10}`, `{"id":10,"method":"Foo.k"}`, ""},
		"sessionId and extras": {`{"id":16,"method":"Runtime.enable","sessionId":"abc"}`, `{"id":16,"method":"Runtime.enable"}`, ""},
		"not json":             {`not json`, "", `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		"empty":                {``, "", `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		"array":                {`[]`, "", `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		"number":               {`5`, "", `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		"null":                 {`null`, "", `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		"two objects":          {`{"id":7,"method":"Foo.i"}{"id":8,"method":"Foo.j"}`, "", `{"error":{"code":-32700,"message":"Message must be a valid JSON"}}`},
		"no id":                {`{"method":"Runtime.enable"}`, "", `{"error":{"code":-32600,"message":"Message must have integer 'id' property"}}`},
		"string id":            {`{"id":"15","method":"Foo.m"}`, "", `{"error":{"code":-32600,"message":"Message must have integer 'id' property"}}`},
		"fraction id":          {`{"id":6.5,"method":"Runtime.enable"}`, "", `{"error":{"code":-32600,"message":"Message must have integer 'id' property"}}`},
		"id over int32":        {`{"id":2147483648,"method":"Foo.c"}`, "", `{"error":{"code":-32600,"message":"Message must have integer 'id' property"}}`},
		"no method":            {`{"id":3}`, "", `{"error":{"code":-32600,"message":"Message must have string 'method' property"},"id":3}`},
		"number method":        {`{"id":1,"method":5}`, "", `{"error":{"code":-32600,"message":"Message must have string 'method' property"},"id":1}`},
		"a response":           {`{"id":17,"result":{}}`, "", `{"error":{"code":-32600,"message":"Message must have string 'method' property"},"id":17}`},
		"number params":        {`{"id":4,"method":"Runtime.evaluate","params":5}`, "", `{"error":{"code":-32600,"message":"Message may have object 'params' property"},"id":4}`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			canon, reply := checkRequest([]byte(c.in))
			if string(canon) != c.canon || string(reply) != c.reply {
				t.Errorf("checkRequest(%q) = %s, %s; want %s, %s", c.in, canon, reply, c.canon, c.reply)
			}
			if canon != nil {
				var req jsonrpc2.Request
				if err := json.Unmarshal(canon, &req); err != nil || req.Notif {
					t.Errorf("jsonrpc2 does not take %s as a request: %v", canon, err)
				}
			}
		})
	}
}

func TestStripVersionAndRestoreID(t *testing.T) {
	cases := map[string]struct {
		in, server, client string
	}{
		"reply":                 {`{"id":1,"result":{},"jsonrpc":"2.0"}`, `{"id":1,"result":{}}`, `{"id":1,"result":{}}`},
		"error reply":           {`{"id":2,"error":{"code":-32601,"message":"x"},"jsonrpc":"2.0"}`, `{"id":2,"error":{"code":-32601,"message":"x"}}`, `{"id":2,"error":{"code":-32601,"message":"x"}}`},
		"negative id":           {`{"id":4294967295,"result":{},"jsonrpc":"2.0"}`, `{"id":-1,"result":{}}`, `{"id":4294967295,"result":{}}`},
		"min int32 id":          {`{"id":2147483648,"result":{},"jsonrpc":"2.0"}`, `{"id":-2147483648,"result":{}}`, `{"id":2147483648,"result":{}}`},
		"event":                 {`{"jsonrpc":"2.0","method":"Debugger.resumed","params":{}}`, `{"method":"Debugger.resumed","params":{}}`, `{"method":"Debugger.resumed","params":{}}`},
		"request":               {`{"id":3,"jsonrpc":"2.0","method":"Runtime.enable"}`, `{"id":3,"method":"Runtime.enable"}`, `{"id":3,"method":"Runtime.enable"}`},
		"member in params only": {`{"method":"A.b","params":{"s":"\"jsonrpc\":\"2.0\","}}`, `{"method":"A.b","params":{"s":"\"jsonrpc\":\"2.0\","}}`, `{"method":"A.b","params":{"s":"\"jsonrpc\":\"2.0\","}}`},
	}
	for name, c := range cases {
		if got := string(restoreID(stripVersion([]byte(c.in)))); got != c.server {
			t.Errorf("%s: server side %s, want %s", name, got, c.server)
		}
		if got := string(stripVersion([]byte(c.in))); got != c.client {
			t.Errorf("%s: client side %s, want %s", name, got, c.client)
		}
	}
}

// stubSession is a Session stand-in for transport tests:
//
//	Echo.params    returns its params
//	Echo.nil       returns nil (must reply {})
//	Echo.null      returns a nil pointer (must reply {})
//	Echo.big       returns {"s": N bytes} for params {"n": N}
//	Echo.emit      sends params.n events Echo.event{i}, then replies
//	Echo.error     fails with a plain error (-32000)
//	Echo.invalid   fails with ErrInvalidParams
//	Echo.panic     panics
//	Echo.block     waits until its context ends
//	anything else  ErrMethodNotFound
type stubSession struct {
	notify Notifier
	closed chan struct{}
	once   sync.Once
}

func stubSessions() (sessionFunc, chan *stubSession) {
	made := make(chan *stubSession, 16)
	return func(n Notifier) session {
		s := &stubSession{notify: n, closed: make(chan struct{})}
		made <- s
		return s
	}, made
}

func (s *stubSession) Handle(ctx context.Context, method string, params json.RawMessage) (any, error) {
	var p struct {
		N int `json:"n"`
	}
	_ = json.Unmarshal(params, &p)
	p.N = max(0, min(p.N, 2<<20)) // fuzz inputs stay cheap
	switch method {
	case "Echo.params":
		return params, nil
	case "Echo.nil":
		return nil, nil
	case "Echo.null":
		var m *struct{ X int }
		return m, nil
	case "Echo.big":
		return map[string]string{"s": strings.Repeat("x", p.N)}, nil
	case "Echo.emit":
		for i := range min(p.N, 1000) {
			s.notify("Echo.event", map[string]int{"i": i})
		}
		return nil, nil
	case "Echo.error":
		return nil, errors.New("Could not find object with given id")
	case "Echo.invalid":
		return nil, fmt.Errorf("%w: expression: missing", ErrInvalidParams)
	case "Echo.panic":
		panic("stub panic")
	case "Echo.block":
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return nil, fmt.Errorf("%w: %s", ErrMethodNotFound, method)
}

func (s *stubSession) Close() { s.once.Do(func() { close(s.closed) }) }

// rawPipe serves a stub session over a net.Pipe and returns the client's
// raw frames; stop ends the server half and waits for it.
func rawPipe(t *testing.T) (client *pipeFrames, stop func()) {
	t.Helper()
	a, b := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	sessions, _ := stubSessions()
	go func() {
		defer close(done)
		serveConn(ctx, newPipeFrames(b), sessions, slog.New(slog.DiscardHandler))
	}()
	return newPipeFrames(a), func() {
		cancel()
		a.Close()
		<-done
	}
}

// FuzzFrame sends one arbitrary frame through the server's decoding and
// dispatch, then a well-formed request: the connection must survive, every
// reply must be a JSON object with an id or an error, and the sentinel
// must be answered.
func FuzzFrame(f *testing.F) {
	for _, seed := range []string{
		`{"id":1,"method":"Echo.params","params":{"a":1}}`,
		`{"id":2,"method":"Echo.nil"}`,
		`{"id":3,"method":"Echo.panic"}`,
		`{"id":4,"method":"Echo.emit","params":{"n":3}}`,
		`{"id":-5,"method":"Echo.error","params":[]}`,
		`{"id":1e3,"method":"Echo.invalid","params":null}`,
		`{"id":"x","method":"A.b"}`,
		`{"id":1,"method":"Echo.params","params":5}`,
		`[{"id":1,"method":"A.b"}]`,
		`{"id":1,"result":{}}`,
		`{"id":1,"method":"A.b"}{"id":2}`,
		"\xff\xfe",
		``,
		`{"id":1,"method":"\u0000"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, frame []byte) {
		defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
		c, stop := rawPipe(t)
		defer stop()
		errs := make(chan error, 1)
		go func() {
			if err := c.writeFrame(frame); err != nil {
				errs <- err
				return
			}
			errs <- c.writeFrame([]byte(`{"id":2147483647,"method":"Echo.params","params":{"sentinel":true}}`))
		}()
		for {
			b, err := c.readFrame()
			if err != nil {
				t.Fatalf("connection lost after frame %q: %v", frame, err)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatalf("reply %q is not a JSON object: %v", b, err)
			}
			_, hasID := m["id"]
			_, hasErr := m["error"]
			_, hasMethod := m["method"]
			if !hasID && !hasErr && !hasMethod {
				t.Fatalf("reply %s has no id, error or method", b)
			}
			if bytes.Equal(m["id"], []byte("2147483647")) {
				if !bytes.Contains(b, []byte(`"sentinel":true`)) {
					t.Fatalf("sentinel answered with %s", b)
				}
				break
			}
		}
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	})
}

func TestPipeFramesLimit(t *testing.T) {
	a, b := net.Pipe()
	defer a.Close()
	defer b.Close()
	go func() {
		// A length prefix over the limit, and no body.
		_, _ = a.Write([]byte{0x81, 0x80, 0x80, 0x20})
	}()
	_, err := newPipeFrames(b).readFrame()
	if !errors.Is(err, ErrMessageTooLarge) {
		t.Fatalf("readFrame = %v, want ErrMessageTooLarge", err)
	}
}
