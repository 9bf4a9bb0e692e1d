package inspector

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// MaxMessage is the largest message Studio reads (64 MiB): a larger frame
// closes the connection (WebSocket status 1009) instead of growing memory
// without bound.
const MaxMessage = 64 << 20

// ErrMessageTooLarge is returned for a message over MaxMessage.
var ErrMessageTooLarge = errors.New("inspector: message too large")

// frames carries whole messages: one JSON message per frame, each way. A
// WebSocket (wsFrames) and the in-process pipe (pipeFrames) implement it,
// so the same stream and dispatch serve both.
type frames interface {
	// readFrame returns the next message; the slice is the caller's.
	readFrame() ([]byte, error)
	// writeFrame sends one message. It is called by one goroutine at a
	// time (cdpStream serialises).
	writeFrame([]byte) error
	// close ends the connection; it may be called with a write blocked.
	close() error
}

// wsFrames is a WebSocket as frames. Each message is one unfragmented text
// frame: `node inspect` rejects continuation frames (and node's own server
// does too), so the writer never uses gorilla's NextWriter path, which
// fragments at the buffer size.
type wsFrames struct {
	c        *websocket.Conn
	isClient bool
}

func (f wsFrames) readFrame() ([]byte, error) {
	for {
		typ, b, err := f.c.ReadMessage()
		if err != nil {
			if errors.Is(err, websocket.ErrReadLimit) {
				return nil, fmt.Errorf("%w: over %d bytes", ErrMessageTooLarge, MaxMessage)
			}
			return nil, err
		}
		switch typ {
		case websocket.TextMessage:
			return b, nil
		case websocket.BinaryMessage:
			// node closes the connection on a binary frame; say why.
			msg := websocket.FormatCloseMessage(websocket.CloseUnsupportedData, "binary frames are not supported")
			_ = f.c.WriteControl(websocket.CloseMessage, msg, deadlineSoon())
			return nil, errors.New("inspector: binary frame")
		}
	}
}

func (f wsFrames) writeFrame(b []byte) error {
	if f.isClient && len(b) > clientWriteBuffer {
		// gorilla's client writer would split it into frames, which
		// node's server rejects.
		return fmt.Errorf("%w: %d bytes do not fit one client frame", ErrMessageTooLarge, len(b))
	}
	// As a server without compression, WriteMessage writes exactly one
	// frame of any size; as a client, one frame up to its write buffer.
	return f.c.WriteMessage(websocket.TextMessage, b)
}

func (f wsFrames) close() error {
	// A close frame first, so that the peer sees a normal closure rather
	// than a dropped connection; WriteControl may run beside a writer.
	_ = f.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), deadlineSoon())
	return f.c.Close()
}

// pipeFrames carries messages over an in-memory net.Pipe, each prefixed
// with its length as a uvarint: the in-process connection the GUI uses.
type pipeFrames struct {
	c net.Conn
	r *bufio.Reader
}

func newPipeFrames(c net.Conn) *pipeFrames { return &pipeFrames{c: c, r: bufio.NewReader(c)} }

func (f *pipeFrames) readFrame() ([]byte, error) {
	n, err := binary.ReadUvarint(f.r)
	if err != nil {
		return nil, err
	}
	if n > MaxMessage {
		return nil, fmt.Errorf("%w: %d bytes", ErrMessageTooLarge, n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(f.r, b); err != nil {
		return nil, err
	}
	return b, nil
}

func (f *pipeFrames) writeFrame(b []byte) error {
	var hdr [binary.MaxVarintLen64]byte
	bufs := net.Buffers{hdr[:binary.PutUvarint(hdr[:], uint64(len(b)))], b}
	_, err := bufs.WriteTo(f.c)
	return err
}

func (f *pipeFrames) close() error { return f.c.Close() }

// cdpStream is a jsonrpc2.ObjectStream speaking the Chrome DevTools
// Protocol: JSON-RPC without the "jsonrpc" version member. jsonrpc2 adds
// `"jsonrpc":"2.0"` to every message it writes; the stream removes it, so
// that replies are byte for byte node's and requests are accepted by node
// (whose server rejects unknown members).
//
// As a server stream it also checks each request as node does before
// jsonrpc2 sees it, and answers a malformed one itself with node's error
// (jsonrpc2 would drop the whole connection on a bad message).
type cdpStream struct {
	f      frames
	server bool
	mu     sync.Mutex // one writer at a time
	// readDone is closed when ReadObject fails: jsonrpc2's reader
	// goroutine then ends, so a connection can wait for it.
	readDone chan struct{}
	doneOnce sync.Once
}

func newStream(f frames, server bool) *cdpStream {
	return &cdpStream{f: f, server: server, readDone: make(chan struct{})}
}

// WriteObject implements jsonrpc2.ObjectStream.
func (s *cdpStream) WriteObject(obj any) error {
	b, err := json.Marshal(obj)
	if err != nil {
		return fmt.Errorf("encoding a message: %w", err)
	}
	b = stripVersion(b)
	if s.server {
		b = restoreID(b)
	}
	return s.write(b)
}

func (s *cdpStream) write(b []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.f.writeFrame(b)
}

// ReadObject implements jsonrpc2.ObjectStream.
func (s *cdpStream) ReadObject(v any) error {
	for {
		b, err := s.f.readFrame()
		if err != nil {
			s.doneOnce.Do(func() { close(s.readDone) })
			return err
		}
		if !s.server {
			if err := json.Unmarshal(b, v); err != nil {
				s.doneOnce.Do(func() { close(s.readDone) })
				return fmt.Errorf("decoding a message: %w", err)
			}
			return nil
		}
		canon, reply := checkRequest(b)
		if reply != nil {
			if err := s.write(reply); err != nil {
				s.doneOnce.Do(func() { close(s.readDone) })
				return err
			}
			continue
		}
		if err := json.Unmarshal(canon, v); err != nil {
			// checkRequest produced it: jsonrpc2 disagreeing is a bug,
			// but a client must not be able to trigger a crash with it.
			if err := s.write(errorReply(nil, codeInvalidRequest, "Message could not be decoded: "+err.Error())); err != nil {
				s.doneOnce.Do(func() { close(s.readDone) })
				return err
			}
			continue
		}
		return nil
	}
}

// Close implements jsonrpc2.ObjectStream.
func (s *cdpStream) Close() error { return s.f.close() }

const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeServerError    = -32000
)

// checkRequest validates one client message as node's dispatcher does and
// returns either the canonical request for jsonrpc2 or node's error reply.
// The messages are node 20's. Node answers some of these twice (a second
// "” wasn't found"); Studio answers once.
func checkRequest(b []byte) (canon, reply []byte) {
	var m struct {
		ID     json.RawMessage `json:"id"`
		Method json.RawMessage `json:"method"`
		Params json.RawMessage `json:"params"`
	}
	if len(bytes.TrimSpace(b)) == 0 || bytes.TrimSpace(b)[0] != '{' || json.Unmarshal(b, &m) != nil {
		return nil, errorReply(nil, codeParseError, "Message must be a valid JSON")
	}
	id, ok := parseID(m.ID)
	if !ok {
		return nil, errorReply(nil, codeInvalidRequest, "Message must have integer 'id' property")
	}
	var method string
	if m.Method == nil || json.Unmarshal(m.Method, &method) != nil {
		return nil, errorReply(&id, codeInvalidRequest, "Message must have string 'method' property")
	}
	if p := bytes.TrimSpace(m.Params); len(p) > 0 && p[0] != '{' && p[0] != '[' && string(p) != "null" {
		return nil, errorReply(&id, codeInvalidRequest, "Message may have object 'params' property")
	}
	// jsonrpc2 ids are unsigned: a negative CDP id travels as its 32-bit
	// two's complement and restoreID turns it back in the reply.
	req := struct {
		ID     uint64          `json:"id"`
		Method string          `json:"method"`
		Params json.RawMessage `json:"params,omitempty"`
	}{uint64(uint32(id)), method, m.Params}
	canon, err := json.Marshal(req)
	if err != nil {
		return nil, errorReply(&id, codeInvalidRequest, "Message could not be decoded")
	}
	return canon, nil
}

// parseID accepts what V8 accepts: a JSON number with an integer value
// that fits in 32 bits (1e3 and 14.0 are ids; 2147483648 and 6.5 are not).
func parseID(raw json.RawMessage) (int32, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || (raw[0] != '-' && (raw[0] < '0' || raw[0] > '9')) {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
		return 0, false
	}
	return int32(f), true
}

// errorReply is node's error message: {"error":{...},"id":N}, without an
// id when the request had no usable one.
func errorReply(id *int32, code int, msg string) []byte {
	type rpcErr struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	v := struct {
		Error rpcErr `json:"error"`
		ID    *int32 `json:"id,omitempty"`
	}{rpcErr{code, msg}, id}
	b, _ := json.Marshal(v) // plain types: cannot fail
	return b
}

var (
	versionSuffix = []byte(`,"jsonrpc":"2.0"}`)
	versionMember = []byte(`"jsonrpc":"2.0",`)
)

// stripVersion removes jsonrpc2's top-level "jsonrpc" member. jsonrpc2
// appends it to responses and writes requests from a map, so with sorted
// keys it follows at most an "id"; the window keeps a match inside params
// from counting.
func stripVersion(b []byte) []byte {
	if bytes.HasSuffix(b, versionSuffix) {
		return append(b[:len(b)-len(versionSuffix)], '}')
	}
	window := b[:min(len(b), 32)]
	if i := bytes.Index(window, versionMember); i > 0 && (b[i-1] == '{' || b[i-1] == ',') {
		return append(b[:i], b[i+len(versionMember):]...)
	}
	return b
}

// restoreID turns the id of a reply back into the negative number the
// client sent (see checkRequest).
func restoreID(b []byte) []byte {
	const prefix = `{"id":`
	if !bytes.HasPrefix(b, []byte(prefix)) {
		return b
	}
	end := len(prefix)
	for end < len(b) && b[end] >= '0' && b[end] <= '9' {
		end++
	}
	n, err := strconv.ParseUint(string(b[len(prefix):end]), 10, 64)
	if err != nil || n <= math.MaxInt32 || n > math.MaxUint32 {
		return b
	}
	out := append([]byte(prefix), strconv.FormatInt(int64(int32(uint32(n))), 10)...)
	return append(out, b[end:]...)
}

// deadlineSoon bounds a close frame's write: a peer that stopped reading
// must not hold a closing connection.
func deadlineSoon() time.Time { return time.Now().Add(time.Second) }
