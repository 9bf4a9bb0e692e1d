package runtime

import (
	crand "crypto/rand"
	"encoding/hex"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"

	"github.com/studiojs/studio/runtime/nodelib"
	"github.com/studiojs/studio/runtime/trace"
)

// httpTrace is the W3C trace context of HTTP exchanges (trace.HTTP says
// what the records carry and why the runtime decides the ids). Loop
// goroutine only.
//
// Each async resource created while some resource has a context inherits
// its creator's (its trigger's): a server request gives its context to the
// connection's HTTPINCOMINGMESSAGE, as which its handler runs, and so to
// every timer, tick, request and socket the handler's chain creates, up to
// the ClientRequest whose span it parents. The contexts sit in two
// generations of maps: when the newer one is full it becomes the older and
// the oldest is dropped, so memory stays bounded without a destroy hook on
// every resource (a resource alive across a whole generation while its
// children keep being made is found in the older one and moved up).
type httpTrace struct {
	rng      *rand.ChaCha8
	lastKey  uint64
	open     map[uint64]openExchange // by key: the exchanges begun and not ended
	cur, old map[uint64]spanContext  // by async id; cur nil until a server request
}

// httpCtxGeneration is how many resources one generation of contexts holds.
const httpCtxGeneration = 1 << 14

type spanContext struct {
	traceID [16]byte
	spanID  [8]byte
}

type openExchange struct {
	server bool
	ctx    spanContext
}

// inheritHTTPContext gives resource id the context of the running resource
// (its trigger), if that has one. Called only when r.http.cur is not nil.
func (r *Runtime) inheritHTTPContext(id uint64) {
	if c, ok := r.http.lookup(r.ids.exec); ok {
		r.http.put(id, c)
	}
}

func (t *httpTrace) lookup(id uint64) (spanContext, bool) {
	if c, ok := t.cur[id]; ok {
		return c, true
	}
	if c, ok := t.old[id]; ok {
		t.put(id, c)
		return c, true
	}
	return spanContext{}, false
}

func (t *httpTrace) put(id uint64, c spanContext) {
	if t.cur == nil || len(t.cur) >= httpCtxGeneration {
		t.old, t.cur = t.cur, make(map[uint64]spanContext)
	}
	t.cur[id] = c
}

// newIDs draws a span id, and a trace id when want is set, never all zero
// (W3C: invalid).
func (t *httpTrace) newIDs(c *spanContext, newTrace bool) {
	if t.rng == nil {
		var seed [32]byte
		_, _ = crand.Read(seed[:])
		t.rng = rand.NewChaCha8(seed)
		t.open = make(map[uint64]openExchange)
	}
	for newTrace && c.traceID == [16]byte{} {
		_, _ = t.rng.Read(c.traceID[:])
	}
	for c.spanID == [8]byte{} {
		_, _ = t.rng.Read(c.spanID[:])
	}
}

func (t *httpTrace) begin(server bool, c spanContext) uint64 {
	t.lastKey++
	t.open[t.lastKey] = openExchange{server: server, ctx: c}
	return t.lastKey
}

// httpOwner is the exchange resource id belongs to, for its I/O records
// (see trace.HTTP): nil if none, or if no exporter listens.
func (r *Runtime) httpOwner(id uint64) *trace.HTTP {
	if !r.rec.Wants(trace.InterestHTTP) {
		return nil
	}
	c, ok := r.http.lookup(id)
	if !ok {
		return nil
	}
	return &trace.HTTP{TraceID: c.traceID, ParentID: c.spanID}
}

// HTTPTracing serves nodelib.HTTPTracer: one atomic load.
func (h nodelibHost) HTTPTracing() bool {
	return recording && h.r.rec.Wants(trace.InterestHTTP)
}

// HTTPServerStart serves nodelib.HTTPTracer: the request's span continues
// the inbound traceparent's trace, if valid, and becomes the context of
// the running resource (the connection's HTTPINCOMINGMESSAGE), whose
// handler runs next.
func (h nodelibHost) HTTPServerStart(method, target, traceparent, host string) uint64 {
	r := h.r
	if !h.HTTPTracing() {
		return 0
	}
	info := &trace.HTTP{Server: true, Method: method, Target: target, TraceParent: traceparent}
	info.Host, info.Port = splitHostHeader(host)
	var c spanContext
	if tid, pid, ok := parseTraceParent(traceparent); ok {
		c.traceID, info.ParentID, info.RemoteParent = tid, pid, true
	}
	r.http.newIDs(&c, true)
	info.TraceID, info.SpanID = c.traceID, c.spanID
	if r.ids.exec != 0 { // node runs the handler as the connection's parser
		r.http.put(r.ids.exec, c)
	}
	r.showPhase()
	r.rec.Emit(trace.Event{Kind: trace.KindHTTPRequest, Time: r.rec.Now(), Trigger: r.ids.exec, Phase: r.loop.phase, HTTP: info})
	return r.http.begin(true, c)
}

// HTTPClientStart serves nodelib.HTTPTracer: the request's span is a child
// of the running resource's context (the server request whose handling
// made it), else the root of a new trace; its traceparent names it.
func (h nodelibHost) HTTPClientStart(method, scheme, host string, port int, path string) (uint64, string) {
	r := h.r
	if !h.HTTPTracing() {
		return 0, ""
	}
	info := &trace.HTTP{Method: method, Scheme: scheme, Target: path, Host: host, Port: port}
	var c spanContext
	if p, ok := r.http.lookup(r.ids.exec); ok {
		c.traceID, info.ParentID = p.traceID, p.spanID
	}
	r.http.newIDs(&c, true)
	info.TraceID, info.SpanID = c.traceID, c.spanID
	r.showPhase()
	r.rec.Emit(trace.Event{Kind: trace.KindHTTPRequest, Time: r.rec.Now(), Trigger: r.ids.exec, Phase: r.loop.phase, HTTP: info})
	return r.http.begin(false, c), formatTraceParent(c)
}

// HTTPEnd serves nodelib.HTTPTracer.
func (h nodelibHost) HTTPEnd(key uint64, status int, errCode string) {
	r := h.r
	x, ok := r.http.open[key]
	if !ok {
		return
	}
	delete(r.http.open, key)
	if !h.HTTPTracing() {
		return
	}
	r.showPhase()
	r.rec.Emit(trace.Event{Kind: trace.KindHTTPResponse, Time: r.rec.Now(), Trigger: r.ids.exec, Phase: r.loop.phase, Err: errCode,
		HTTP: &trace.HTTP{Server: x.server, TraceID: x.ctx.traceID, SpanID: x.ctx.spanID, Status: status}})
}

var _ nodelib.HTTPTracer = nodelibHost{}

// formatTraceParent is the W3C header for a sampled span:
// 00-<trace id>-<span id>-01.
func formatTraceParent(c spanContext) string {
	var b [55]byte
	copy(b[:], "00-")
	hex.Encode(b[3:35], c.traceID[:])
	b[35] = '-'
	hex.Encode(b[36:52], c.spanID[:])
	copy(b[52:], "-01")
	return string(b[:])
}

// parseTraceParent reads a W3C traceparent header: version 00 exactly, a
// later version by its first four fields; lower-case hex; neither id all
// zero. ok is false for anything else, which the recipient ignores.
func parseTraceParent(s string) (traceID [16]byte, parentID [8]byte, ok bool) {
	if len(s) < 55 || s[2] != '-' || s[35] != '-' || s[52] != '-' {
		return traceID, parentID, false
	}
	switch {
	case s[:2] == "ff":
		return traceID, parentID, false
	case s[:2] == "00" && len(s) != 55:
		return traceID, parentID, false
	case len(s) > 55 && s[55] != '-':
		return traceID, parentID, false
	}
	for _, part := range []string{s[:2], s[3:35], s[36:52], s[53:55]} {
		for i := 0; i < len(part); i++ {
			if c := part[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return traceID, parentID, false
			}
		}
	}
	_, _ = hex.Decode(traceID[:], []byte(s[3:35]))
	_, _ = hex.Decode(parentID[:], []byte(s[36:52]))
	if traceID == [16]byte{} || parentID == [8]byte{} {
		return traceID, parentID, false
	}
	return traceID, parentID, true
}

// splitHostHeader splits a Host header ("example.com:8080", "[::1]:80",
// "example.com") into host and port; the port is 0 when the header names
// none or is not a number.
func splitHostHeader(h string) (host string, port int) {
	if h == "" {
		return "", 0
	}
	if hp, p, err := net.SplitHostPort(h); err == nil {
		if n, err := strconv.Atoi(p); err == nil {
			return hp, n
		}
		return hp, 0
	}
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]"), 0
}
