package nodelib

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// internalBinding('http_parser') (node/src/node_http_parser.cc): HTTPParser, an HTTP/1.x
// parser with llhttp's semantics written in Go, and ConnectionsList, the server's record of
// its parsers for closeIdleConnections and the header/request timeouts.
//
// execute(buffer) runs synchronously on the loop goroutine and calls the parser's kOn*
// callbacks as node's C++ does: kOnMessageBegin, kOnHeadersComplete(versionMajor,
// versionMinor, headers, method, url, statusCode, statusMessage, upgrade, shouldKeepAlive)
// (its return value 1 skips the body, 2 skips it and hands the rest of the connection to an
// upgrade), kOnBody(buffer), kOnHeaders(trailers, '') and kOnMessageComplete. It returns the
// bytes parsed, or an Error with bytesParsed, code (HPE_*) and reason as llhttp reports them.
// Headers are handed over at headers-complete in one array (node's C++ flushes every 32
// pairs through kOnHeaders, which _http_common joins back the same way).
//
// consume(handle) makes the parser the TCP handle's stream listener, as node's server does for
// every StreamBase socket: each chunk the socket reads goes to execute in Go, then to
// kOnExecute(ret), and never through the socket's onread, Readable push and 'data' event (read
// errors and EOF still go to onread, as PassReadErrorToPreviousListener). unconsume gives the
// socket back. The parser's callbacks run without draining the task queues between them
// (node's kSkipTaskQueues); ticks run when the read's callback scope closes, after kOnExecute.
// The lenient flags are accepted; only kLenientKeepAlive changes behaviour.

// llhttp's method enum, in order: allMethods[i] is method i.
var httpAllMethods = []string{"DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS",
	"TRACE", "COPY", "LOCK", "MKCOL", "MOVE", "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND",
	"REBIND", "UNBIND", "ACL", "REPORT", "MKACTIVITY", "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY",
	"SUBSCRIBE", "UNSUBSCRIBE", "PATCH", "PURGE", "MKCALENDAR", "LINK", "UNLINK", "SOURCE", "PRI",
	"DESCRIBE", "ANNOUNCE", "SETUP", "PLAY", "PAUSE", "TEARDOWN", "GET_PARAMETER", "SET_PARAMETER",
	"REDIRECT", "RECORD", "FLUSH", "QUERY"}

// httpMethods is node's http.METHODS: the HTTP (not RTSP) methods, in llhttp's order.
var httpMethods = []string{"DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS", "TRACE",
	"COPY", "LOCK", "MKCOL", "MOVE", "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND",
	"UNBIND", "ACL", "REPORT", "MKACTIVITY", "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE",
	"UNSUBSCRIBE", "PATCH", "PURGE", "MKCALENDAR", "LINK", "UNLINK", "SOURCE", "QUERY"}

const (
	httpRequest  = 1
	httpResponse = 2

	kOnMessageBegin    = 0
	kOnHeaders         = 1
	kOnHeadersComplete = 2
	kOnBody            = 3
	kOnMessageComplete = 4
	kOnExecute         = 5
	kOnTimeout         = 6

	kLenientKeepAlive = 4

	// defaultMaxHeaderSize is node's --max-http-header-size default.
	defaultMaxHeaderSize = 16384
	methodConnect        = 5
	methodHead           = 2
)

// Parser states.
const (
	hpStart = iota
	hpFirstLine
	hpHeaders
	hpBodyIdentity
	hpChunkSize
	hpChunkData
	hpChunkDataEnd
	hpTrailers
	hpBodyEOF
	hpClosed   // after a message that does not keep the connection alive
	hpUpgraded // the rest of the connection is not HTTP
	hpError
)

// httpParseError is an llhttp error: its name (code without "HPE_") and reason.
type httpParseError struct{ code, reason string }

type httpParser struct {
	l     *Lib
	obj   *goja.Object
	typ   int
	max   int
	flags int
	conns *connsList

	state       int
	line        []byte
	headerBytes int
	err         *httpParseError
	errPos      int // where in the current line the error is, as llhttp's error position
	versionPos  int // where the version starts in the first line
	valuePos    int // where the current header's value starts in its line
	colonPos    int // where the current header's colon is

	// The current message.
	method        int
	url           string
	status        int
	statusMessage string
	major, minor  int
	headers       []string
	trailers      []string
	contentLength int64
	chunked       bool
	hasTE         bool
	connClose     bool
	connKeepAlive bool
	connUpgrade   bool
	hasUpgrade    bool
	upgrade       bool
	skipBody      bool
	remaining     int64
	keepAlive     bool

	headersCompleted bool
	messageStart     time.Time // zero while idle between messages
	current          []byte    // the buffer execute is parsing
	paused           bool

	asyncID  uint64 // the parser's async resource since initialize, 0 if none
	asyncTrg uint64 // its trigger
	asyncTyp string

	stream   *tcpHandle // the handle whose reads the parser consumes, nil if none
	onStream goja.Value // the native callback a consumed read runs (made once)
	incoming []byte     // the chunk onStream parses
}

// connsList is a ConnectionsList: the parsers of one server, in the order they started.
type connsList struct {
	parsers []*httpParser
}

var httpSlot = goja.NewSymbol("nodelib.httpParser")

func init() {
	bindingMakers["http_parser"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		toArr := func(list []string) goja.Value {
			a := make([]any, len(list))
			for i, s := range list {
				a[i] = s
			}
			return vm.NewArray(a...)
		}
		_ = b.Set("methods", toArr(httpMethods))
		_ = b.Set("allMethods", toArr(httpAllMethods))
		_ = b.Set("HTTPParser", l.httpParserClass())
		_ = b.Set("ConnectionsList", l.connectionsListClass())
		return b
	}
}

func (l *Lib) httpParserClass() goja.Value {
	vm := l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		p := &httpParser{l: l, obj: call.This}
		_ = call.This.DefineDataPropertySymbol(httpSlot, vm.ToValue(p), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("HTTPParser"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	for k, v := range map[string]int{"REQUEST": httpRequest, "RESPONSE": httpResponse,
		"kOnMessageBegin": kOnMessageBegin, "kOnHeaders": kOnHeaders, "kOnHeadersComplete": kOnHeadersComplete,
		"kOnBody": kOnBody, "kOnMessageComplete": kOnMessageComplete, "kOnExecute": kOnExecute,
		"kOnTimeout": kOnTimeout, "kLenientNone": 0, "kLenientHeaders": 1, "kLenientChunkedLength": 2,
		"kLenientKeepAlive": 4, "kLenientTransferEncoding": 8, "kLenientVersion": 16,
		"kLenientDataAfterClose": 32, "kLenientOptionalLFAfterCR": 64, "kLenientOptionalCRLFAfterChunk": 128,
		"kLenientOptionalCRBeforeLF": 256, "kLenientSpacesAfterChunkSize": 512, "kLenientAll": 1023} {
		_ = ctor.Set(k, v)
	}
	proto := ctor.Get("prototype").ToObject(vm)
	get := func(v goja.Value) *httpParser {
		if o, ok := v.(*goja.Object); ok {
			if x := o.GetSymbol(httpSlot); x != nil {
				if p, ok := x.Export().(*httpParser); ok {
					return p
				}
			}
		}
		panic(l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
	}
	method := func(name string, fn func(p *httpParser, call goja.FunctionCall) goja.Value) {
		_ = proto.Set(name, func(call goja.FunctionCall) goja.Value { return fn(get(call.This), call) })
	}
	undef := goja.Undefined()
	// initialize(type, resource, maxHeaderSize, lenientFlags, connectionsList)
	method("initialize", func(p *httpParser, call goja.FunctionCall) goja.Value {
		p.destroyResource()
		p.init(int(call.Argument(0).ToInteger()))
		// AsyncWrap::AsyncReset: a request parser is an HTTPINCOMINGMESSAGE, a response
		// parser an HTTPCLIENTREQUEST.
		if host, ok := l.opts.Host.(IOHost); ok {
			p.asyncTyp = "HTTPINCOMINGMESSAGE"
			if p.typ == httpResponse {
				p.asyncTyp = "HTTPCLIENTREQUEST"
			}
			p.asyncID, p.asyncTrg = host.NewAsyncResource(p.asyncTyp)
		}
		p.max = int(call.Argument(2).ToInteger())
		if p.max <= 0 {
			p.max = defaultMaxHeaderSize
		}
		p.flags = int(call.Argument(3).ToInteger())
		if o, ok := call.Argument(4).(*goja.Object); ok {
			if x := o.GetSymbol(httpSlot); x != nil {
				if cl, ok := x.Export().(*connsList); ok {
					p.conns = cl
					cl.parsers = append(cl.parsers, p)
				}
			}
		}
		return undef
	})
	method("close", func(p *httpParser, _ goja.FunctionCall) goja.Value {
		p.removeFromList()
		p.destroyResource()
		return undef
	})
	method("free", func(p *httpParser, _ goja.FunctionCall) goja.Value { p.destroyResource(); return undef })
	method("remove", func(p *httpParser, _ goja.FunctionCall) goja.Value { p.removeFromList(); return undef })
	method("pause", func(p *httpParser, _ goja.FunctionCall) goja.Value { p.paused = true; return undef })
	method("resume", func(p *httpParser, _ goja.FunctionCall) goja.Value { p.paused = false; return undef })
	method("headersCompleted", func(p *httpParser, _ goja.FunctionCall) goja.Value { return vm.ToValue(p.headersCompleted) })
	method("duration", func(p *httpParser, _ goja.FunctionCall) goja.Value {
		if p.messageStart.IsZero() {
			return vm.ToValue(0)
		}
		return vm.ToValue(float64(time.Since(p.messageStart).Nanoseconds()) / 1e6)
	})
	method("getCurrentBuffer", func(p *httpParser, _ goja.FunctionCall) goja.Value {
		return l.newBuffer(append([]byte(nil), p.current...))
	})
	method("execute", func(p *httpParser, call goja.FunctionCall) goja.Value {
		data, ok := l.bytesOf(call.Argument(0))
		if !ok {
			panic(l.newError("TypeError", "argument must be a buffer", "ERR_INVALID_ARG_TYPE"))
		}
		return p.execute(data)
	})
	method("finish", func(p *httpParser, _ goja.FunctionCall) goja.Value { return p.finish() })
	method("consume", func(p *httpParser, call goja.FunctionCall) goja.Value {
		s := l.netState()
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if x := o.GetSymbol(s.slot); x != nil {
				if h, ok := x.Export().(*tcpHandle); ok {
					p.consume(h)
					return undef
				}
			}
		}
		panic(l.newError("TypeError", "The \"stream\" argument must be a StreamBase handle", "ERR_INVALID_ARG_TYPE"))
	})
	method("unconsume", func(p *httpParser, _ goja.FunctionCall) goja.Value { p.unconsume(); return undef })
	return ctor
}

func (l *Lib) connectionsListClass() goja.Value {
	vm := l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		_ = call.This.DefineDataPropertySymbol(httpSlot, vm.ToValue(&connsList{}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return nil
	}).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("ConnectionsList"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	get := func(v goja.Value) *connsList {
		if o, ok := v.(*goja.Object); ok {
			if x := o.GetSymbol(httpSlot); x != nil {
				if c, ok := x.Export().(*connsList); ok {
					return c
				}
			}
		}
		panic(l.newError("TypeError", "Illegal invocation", "ERR_INVALID_THIS"))
	}
	list := func(ps []*httpParser) goja.Value {
		a := make([]any, len(ps))
		for i, p := range ps {
			a[i] = p.obj
		}
		return vm.NewArray(a...)
	}
	filter := func(c *connsList, keep func(*httpParser) bool) []*httpParser {
		var out []*httpParser
		for _, p := range c.parsers {
			if keep(p) {
				out = append(out, p)
			}
		}
		return out
	}
	_ = proto.Set("all", func(call goja.FunctionCall) goja.Value { return list(get(call.This).parsers) })
	_ = proto.Set("idle", func(call goja.FunctionCall) goja.Value {
		return list(filter(get(call.This), func(p *httpParser) bool { return p.messageStart.IsZero() }))
	})
	_ = proto.Set("active", func(call goja.FunctionCall) goja.Value {
		return list(filter(get(call.This), func(p *httpParser) bool { return !p.messageStart.IsZero() }))
	})
	// expired(headersTimeout, requestTimeout) removes and returns the parsers whose headers
	// (or whole request) took longer than allowed, as ConnectionsList::Expired.
	_ = proto.Set("expired", func(call goja.FunctionCall) goja.Value {
		c := get(call.This)
		headersTimeout := time.Duration(call.Argument(0).ToInteger()) * time.Millisecond
		requestTimeout := time.Duration(call.Argument(1).ToInteger()) * time.Millisecond
		now := time.Now()
		expired := filter(c, func(p *httpParser) bool {
			if p.messageStart.IsZero() {
				return false
			}
			age := now.Sub(p.messageStart)
			return (!p.headersCompleted && headersTimeout > 0 && age > headersTimeout) ||
				(requestTimeout > 0 && age > requestTimeout)
		})
		for _, p := range expired {
			p.removeFromList()
		}
		return list(expired)
	})
	return ctor
}

func (p *httpParser) destroyResource() {
	if p.asyncID == 0 {
		return
	}
	if host, ok := p.l.opts.Host.(IOHost); ok {
		host.DestroyAsyncResource(p.asyncID, p.asyncTyp)
	}
	p.asyncID = 0
}

func (p *httpParser) removeFromList() {
	if p.conns == nil {
		return
	}
	ps := p.conns.parsers
	for i, q := range ps {
		if q == p {
			p.conns.parsers = append(ps[:i:i], ps[i+1:]...)
			break
		}
	}
	p.conns = nil
}

func (p *httpParser) init(typ int) {
	p.removeFromList()
	*p = httpParser{l: p.l, obj: p.obj, typ: typ, stream: p.stream, onStream: p.onStream}
}

// consume makes p the listener of h's reads (Parser::Consume).
func (p *httpParser) consume(h *tcpHandle) {
	p.unconsume()
	if h.consumer != nil {
		h.consumer.stream = nil
	}
	h.consumer = p
	p.stream = h
}

// unconsume gives the stream's reads back to its onread (Parser::Unconsume).
func (p *httpParser) unconsume() {
	if p.stream != nil {
		if p.stream.consumer == p {
			p.stream.consumer = nil
		}
		p.stream = nil
	}
}

// streamCallback is the callback a consumed read runs in its callback scope
// (Parser::OnStreamRead): execute the chunk, then kOnExecute(ret) with the chunk as the
// current buffer. A JS exception in a parser callback ends it there, as it does in node.
func (p *httpParser) streamCallback(data []byte) goja.Value {
	if p.onStream == nil {
		p.onStream = p.l.vm.ToValue(func(goja.FunctionCall) goja.Value {
			data := p.incoming
			p.incoming = nil
			ret := p.execute(data)
			p.current = data
			defer func() { p.current = nil }()
			p.callback(kOnExecute, ret)
			return goja.Undefined()
		})
	}
	p.incoming = data
	return p.onStream
}

// callback calls parser[kind](args...) if it is a function; a JS exception propagates to the
// caller of execute, as it does out of node's C++. As node's parser, it runs the callback as
// the parser's async resource (an InternalCallbackScope that skips the task queues): a
// server's 'request' handler runs as the connection's HTTPINCOMINGMESSAGE.
func (p *httpParser) callback(kind int, args ...goja.Value) goja.Value {
	fn, ok := goja.AssertFunction(p.obj.Get(strconv.Itoa(kind)))
	if !ok {
		return goja.Undefined()
	}
	var v goja.Value
	var err error
	if sh, ok := p.l.opts.Host.(ScopeHost); ok && p.asyncID != 0 {
		sh.InScope(p.asyncID, p.asyncTrg, p.asyncTyp, func() { v, err = fn(p.obj, args...) })
	} else {
		v, err = fn(p.obj, args...)
	}
	if err != nil {
		panic(err)
	}
	return v
}

func (p *httpParser) fail(code, reason string) { p.failAt(code, reason, 0) }

// failAt records an error found at byte pos of the current line.
func (p *httpParser) failAt(code, reason string, pos int) {
	p.err = &httpParseError{code, reason}
	p.errPos = pos
	p.state = hpError
}

func (p *httpParser) errorValue(parsed int) goja.Value {
	e := p.l.newError("Error", "Parse Error", "")
	_ = e.Set("bytesParsed", parsed)
	_ = e.Set("code", "HPE_"+p.err.code)
	_ = e.Set("reason", p.err.reason)
	return e
}

// execute parses data, returning the bytes parsed or a parse error.
func (p *httpParser) execute(data []byte) goja.Value {
	p.current = data
	defer func() { p.current = nil }()
	n := p.run(data)
	if p.err != nil {
		return p.errorValue(n)
	}
	return p.l.vm.ToValue(n)
}

// finish tells the parser the connection ended: a body read until EOF completes; a message
// cut short is an error.
func (p *httpParser) finish() goja.Value {
	switch p.state {
	case hpBodyEOF:
		p.messageComplete()
	case hpStart, hpClosed, hpUpgraded:
	case hpError:
		// llhttp_finish on a parser that already failed reports nothing new.
	default:
		p.fail("INVALID_EOF_STATE", "Invalid EOF state")
		return p.errorValue(0)
	}
	return goja.Undefined()
}

// run is the state machine; it returns how many bytes of data it consumed.
func (p *httpParser) run(data []byte) int {
	i := 0
	for i < len(data) {
		switch p.state {
		case hpError:
			return i
		case hpUpgraded:
			return i
		case hpClosed:
			if c := data[i]; c == '\r' || c == '\n' {
				i++
				continue
			}
			if p.flags&kLenientKeepAlive == 0 {
				p.fail("CLOSED_CONNECTION", "Data after `Connection: close`")
				return i + 1 // llhttp reports the offending byte as parsed

			}
			p.state = hpStart
		case hpStart:
			if c := data[i]; c == '\r' || c == '\n' {
				i++
				continue
			}
			p.beginMessage()
		case hpFirstLine, hpHeaders, hpTrailers, hpChunkSize:
			j := bytes.IndexByte(data[i:], '\n')
			if j < 0 {
				p.line = append(p.line, data[i:]...)
				if p.state != hpChunkSize {
					p.headerBytes += len(data) - i
					if p.headerBytes > p.max {
						p.fail("HEADER_OVERFLOW", "Header overflow")
						return len(data)
					}
				}
				return len(data)
			}
			p.line = append(p.line, data[i:i+j]...)
			if p.state != hpChunkSize {
				p.headerBytes += j + 1
				if p.headerBytes > p.max {
					p.fail("HEADER_OVERFLOW", "Header overflow")
					return i + j
				}
			}
			lineStart := i - (len(p.line) - j)
			i += j + 1
			line := string(bytes.TrimSuffix(p.line, []byte{'\r'}))
			p.line = p.line[:0]
			p.onLine(line)
			if p.state == hpError {
				return max(0, lineStart+p.errPos)
			}
			if p.state == hpUpgraded {
				return i
			}
		case hpBodyIdentity, hpChunkData:
			n := len(data) - i
			if int64(n) > p.remaining {
				n = int(p.remaining)
			}
			p.remaining -= int64(n)
			p.body(data[i : i+n])
			i += n
			if p.remaining == 0 {
				if p.state == hpChunkData {
					p.state = hpChunkDataEnd
				} else {
					p.messageComplete()
				}
			}
		case hpChunkDataEnd:
			switch data[i] {
			case '\r':
				i++
			case '\n':
				i++
				p.state = hpChunkSize
			default:
				p.fail("STRICT", "Expected LF after chunk data")
				return i
			}
		case hpBodyEOF:
			p.body(data[i:])
			i = len(data)
		}
	}
	return i
}

func (p *httpParser) beginMessage() {
	keepList := p.conns
	*p = httpParser{l: p.l, obj: p.obj, typ: p.typ, max: p.max, flags: p.flags, conns: keepList,
		line: p.line[:0], current: p.current, asyncID: p.asyncID, asyncTrg: p.asyncTrg, asyncTyp: p.asyncTyp,
		stream: p.stream, onStream: p.onStream}
	p.state = hpFirstLine
	p.contentLength = -1
	p.messageStart = time.Now()
	p.callback(kOnMessageBegin)
}

func (p *httpParser) onLine(line string) {
	switch p.state {
	case hpFirstLine:
		if p.typ == httpRequest {
			p.requestLine(line)
		} else {
			p.statusLine(line)
		}
	case hpHeaders:
		if line == "" {
			p.headersDone()
			return
		}
		name, value, ok := p.headerLine(line)
		if !ok {
			return
		}
		p.headers = append(p.headers, name, value)
		p.noteHeader(name, value)
	case hpTrailers:
		if line == "" {
			if len(p.trailers) > 0 {
				// node's C++ passes the request's url again (it is kept until the next message).
				p.callback(kOnHeaders, p.strings(p.trailers), p.l.vm.ToValue(p.url))
			}
			p.messageComplete()
			return
		}
		if name, value, ok := p.headerLine(line); ok {
			p.trailers = append(p.trailers, name, value)
		}
	case hpChunkSize:
		size := line
		if k := strings.IndexByte(size, ';'); k >= 0 {
			size = size[:k]
		}
		size = strings.TrimRight(size, " \t")
		n, err := strconv.ParseInt(size, 16, 64)
		if err != nil || size == "" || n < 0 {
			p.fail("INVALID_CHUNK_SIZE", "Invalid character in chunk size")
			return
		}
		if n == 0 {
			p.state = hpTrailers
			return
		}
		p.remaining = n
		p.state = hpChunkData
	}
}

func (p *httpParser) requestLine(line string) {
	sp := strings.IndexByte(line, ' ')
	if sp <= 0 {
		p.fail("INVALID_METHOD", "Invalid method encountered")
		return
	}
	p.method = -1
	for i, m := range httpAllMethods {
		if m == line[:sp] {
			p.method = i
			break
		}
	}
	if p.method < 0 {
		// llhttp matches methods byte by byte: it stops at the first byte no method has there.
		pos := 0
		for _, m := range httpAllMethods {
			k := 0
			for k < len(m) && k < sp && m[k] == line[k] {
				k++
			}
			pos = max(pos, k)
		}
		p.failAt("INVALID_METHOD", "Invalid method encountered", pos)
		return
	}
	rest := line[sp+1:]
	sp = strings.LastIndexByte(rest, ' ')
	if sp <= 0 {
		p.fail("INVALID_VERSION", "Expected HTTP/")
		return
	}
	p.url = rest[:sp]
	for _, c := range []byte(p.url) {
		if c <= ' ' || c == 0x7f {
			p.fail("INVALID_URL", "Invalid characters in url")
			return
		}
	}
	p.versionPos = len(line) - len(rest[sp+1:])
	if !p.version(rest[sp+1:]) {
		return
	}
	p.state = hpHeaders
}

func (p *httpParser) statusLine(line string) {
	v, rest, _ := strings.Cut(line, " ")
	p.versionPos = 0
	if !p.version(v) {
		return
	}
	code, msg, _ := strings.Cut(rest, " ")
	n, err := strconv.Atoi(code)
	if err != nil || len(code) != 3 {
		p.fail("INVALID_STATUS", "Invalid status code")
		return
	}
	p.status = n
	p.statusMessage = msg
	p.state = hpHeaders
}

func (p *httpParser) version(v string) bool {
	if !strings.HasPrefix(v, "HTTP/") {
		p.failAt("INVALID_CONSTANT", "Expected HTTP/", p.versionPos)
		return false
	}
	v = v[5:]
	switch {
	case len(v) < 1 || v[0] < '0' || v[0] > '9':
		p.failAt("INVALID_VERSION", "Invalid major version", p.versionPos+5)
		return false
	case len(v) < 2 || v[1] != '.':
		p.failAt("INVALID_VERSION", "Expected dot", p.versionPos+6)
		return false
	case len(v) != 3 || v[2] < '0' || v[2] > '9':
		p.failAt("INVALID_VERSION", "Invalid minor version", p.versionPos+7)
		return false
	}
	p.major, p.minor = int(v[0]-'0'), int(v[2]-'0')
	return true
}

// isToken reports whether c may appear in a header name (RFC 9110 tchar).
func isToken(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

func (p *httpParser) headerLine(line string) (name, value string, ok bool) {
	colon := strings.IndexByte(line, ':')
	if colon <= 0 {
		p.failAt("INVALID_HEADER_TOKEN", "Invalid header token", max(colon, 0))
		return "", "", false
	}
	name = line[:colon]
	for i := 0; i < len(name); i++ {
		if !isToken(name[i]) {
			p.failAt("INVALID_HEADER_TOKEN", "Invalid header token", i)
			return "", "", false
		}
	}
	start := len(line) - len(strings.TrimLeft(line[colon+1:], " \t"))
	p.valuePos, p.colonPos = start, colon
	value = strings.TrimRight(line[start:], " \t")
	for i := 0; i < len(value); i++ {
		if c := value[i]; (c < ' ' && c != '\t') || c == 0x7f {
			p.failAt("INVALID_HEADER_TOKEN", "Invalid header value char", start+i)
			return "", "", false
		}
	}
	return name, value, true
}

// noteHeader records what the framing headers say, as llhttp's flags.
func (p *httpParser) noteHeader(name, value string) {
	switch strings.ToLower(name) {
	case "content-length":
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n < 0 || value == "" || value[0] == '+' {
			p.failAt("INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", p.valuePos)
			return
		}
		if p.contentLength >= 0 {
			p.failAt("UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", p.valuePos)
			return
		}
		if p.hasTE && p.flags&2 == 0 {
			p.failAt("UNEXPECTED_CONTENT_LENGTH", "Content-Length can't be present with Transfer-Encoding", p.valuePos)
			return
		}
		p.contentLength = n
	case "transfer-encoding":
		if p.contentLength >= 0 && p.flags&2 == 0 {
			p.failAt("INVALID_TRANSFER_ENCODING", "Transfer-Encoding can't be present with Content-Length", p.colonPos+1)
			return
		}
		p.hasTE = true
		parts := strings.Split(value, ",")
		p.chunked = strings.EqualFold(strings.TrimSpace(parts[len(parts)-1]), "chunked")
	case "connection":
		for _, tok := range strings.Split(value, ",") {
			switch strings.ToLower(strings.TrimSpace(tok)) {
			case "close":
				p.connClose = true
			case "keep-alive":
				p.connKeepAlive = true
			case "upgrade":
				p.connUpgrade = true
			}
		}
	case "upgrade":
		p.hasUpgrade = true
	}
}

// needsEOF is llhttp_message_needs_eof: the body of this response ends with the connection.
func (p *httpParser) needsEOF() bool {
	if p.typ == httpRequest {
		return false
	}
	if p.status/100 == 1 || p.status == 204 || p.status == 304 || p.skipBody {
		return false
	}
	if p.hasTE && !p.chunked {
		return true
	}
	return !p.chunked && p.contentLength < 0
}

// shouldKeepAlive is llhttp_should_keep_alive.
func (p *httpParser) shouldKeepAlive() bool {
	if p.major > 0 && p.minor > 0 {
		if p.connClose {
			return false
		}
	} else if !p.connKeepAlive {
		return false
	}
	return !p.needsEOF()
}

func (p *httpParser) strings(list []string) goja.Value {
	a := make([]any, len(list))
	for i, s := range list {
		a[i] = s
	}
	return p.l.vm.NewArray(a...)
}

func (p *httpParser) headersDone() {
	vm := p.l.vm
	if p.typ == httpRequest {
		p.upgrade = (p.connUpgrade && p.hasUpgrade) || p.method == methodConnect
	} else {
		p.upgrade = p.status == 101
	}
	p.headersCompleted = true
	p.keepAlive = p.shouldKeepAlive()
	undef := goja.Undefined()
	method, url, status, msg := undef, undef, undef, undef
	if p.typ == httpRequest {
		method, url = vm.ToValue(p.method), vm.ToValue(p.url)
	} else {
		status, msg = vm.ToValue(p.status), vm.ToValue(p.statusMessage)
	}
	ret := p.callback(kOnHeadersComplete, vm.ToValue(p.major), vm.ToValue(p.minor), p.strings(p.headers),
		method, url, status, msg, vm.ToValue(p.upgrade), vm.ToValue(p.keepAlive))
	switch ret.ToInteger() {
	case 2:
		p.upgrade = true
		p.skipBody = true
	case 1:
		p.skipBody = true
	}
	hasBody := p.chunked || p.contentLength > 0
	switch {
	case p.upgrade && (p.method == methodConnect && p.typ == httpRequest || p.skipBody || !hasBody):
		p.messageComplete()
		p.state = hpUpgraded
	case p.skipBody:
		p.messageComplete()
	case p.chunked:
		p.state = hpChunkSize
	case p.contentLength > 0:
		p.remaining = p.contentLength
		p.state = hpBodyIdentity
	case p.contentLength == 0 || !p.needsEOF():
		p.messageComplete()
	default:
		p.state = hpBodyEOF
	}
}

func (p *httpParser) body(b []byte) {
	if len(b) == 0 {
		return
	}
	p.callback(kOnBody, p.l.newBuffer(append([]byte(nil), b...)))
}

func (p *httpParser) messageComplete() {
	p.messageStart = time.Time{}
	p.headerBytes = 0
	if p.upgrade && p.state != hpBodyEOF {
		p.state = hpUpgraded
	} else if p.keepAlive {
		p.state = hpStart
	} else {
		p.state = hpClosed
	}
	p.callback(kOnMessageComplete)
}
