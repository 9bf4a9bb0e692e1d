// Package otlp exports the HTTP requests a program serves and makes as
// OpenTelemetry spans, over OTLP/HTTP to a collector (Jaeger, the
// OpenTelemetry Collector, ...): `studio run --otlp=ENDPOINT`.
//
// It is a pure consumer of the runtime's records, like ioprof: [Subscribe]
// asks for trace.InterestHTTP (which also makes the runtime send a W3C
// traceparent header with every outgoing request, see trace.HTTP), and
// [Exporter.Run] turns each trace.KindHTTPRequest / KindHTTPResponse pair
// into a span on its own goroutine. The runtime decides the trace and span
// ids, so the spans are built with those ids (an sdktrace.IDGenerator that
// returns the record's): a server span is a child of the caller's span
// named by its inbound traceparent, a client span a child of the server
// span whose handler made it, and the services a set of programs forms
// shows as one trace.
//
// Call [New], [Subscribe] before the program runs, Run on a goroutine of
// its own, and [Exporter.Shutdown] when the program has ended.
package otlp

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	oteltrace "go.opentelemetry.io/otel/trace"

	"github.com/studiojs/studio/runtime/trace"
)

// ErrEndpoint is returned by New for an endpoint that is no http(s) URL.
var ErrEndpoint = errors.New("otlp: the endpoint must be an http:// or https:// URL with a host, such as http://127.0.0.1:4318")

// Options configures an Exporter.
type Options struct {
	// Endpoint is the collector's OTLP/HTTP URL. A URL without a path (or
	// with "/") gets the standard traces path, /v1/traces; any other path
	// is used as is.
	Endpoint string
	// ServiceName is the spans' service.name, how Jaeger names the program.
	ServiceName string
	// Timeout bounds one export (default 5s).
	Timeout time.Duration
}

// Exporter builds spans from one runtime's records and exports them.
// Run is its only reader; Shutdown may be called from any goroutine.
type Exporter struct {
	endpoint string
	start    time.Time // the Recorder's clock origin
	tp       *sdktrace.TracerProvider
	tracer   oteltrace.Tracer
	exp      *capture

	// open are the exchanges' spans begun and not ended, by span id; io
	// the I/O requests' spans, by async id. Run's goroutine only, until
	// Run returns.
	open map[[8]byte]oteltrace.Span
	io   map[uint64]oteltrace.Span
}

// New validates opts.Endpoint and makes the exporter. rec is the Recorder
// the records come from (its clock gives the spans' times). Nothing is sent
// until spans end.
func New(opts Options, rec *trace.Recorder) (*Exporter, error) {
	u, err := url.Parse(opts.Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("parsing %q: %w", opts.Endpoint, ErrEndpoint)
	}
	if u.Path == "" || u.Path == "/" {
		u.Path = "/v1/traces"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	// No retries: a collector that is down gives one clear error per
	// batch, and the bounded Shutdown is not spent retrying.
	inner, err := otlptracehttp.New(context.Background(),
		otlptracehttp.WithEndpointURL(u.String()),
		otlptracehttp.WithTimeout(opts.Timeout),
		otlptracehttp.WithRetry(otlptracehttp.RetryConfig{Enabled: false}))
	if err != nil {
		return nil, fmt.Errorf("making the OTLP exporter for %q: %w", u, err)
	}
	name := opts.ServiceName
	if name == "" {
		name = "studio"
	}
	exp := &capture{SpanExporter: inner}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exp, sdktrace.WithExportTimeout(opts.Timeout)),
		sdktrace.WithSampler(sdktrace.AlwaysSample()),
		sdktrace.WithIDGenerator(recordIDs{}),
		sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", name))),
	)
	return &Exporter{
		endpoint: u.String(),
		start:    rec.Start(),
		tp:       tp,
		tracer:   tp.Tracer("github.com/studiojs/studio/runtime/otlp"),
		exp:      exp,
		open:     make(map[[8]byte]oteltrace.Span),
		io:       make(map[uint64]oteltrace.Span),
	}, nil
}

// Endpoint is the URL spans are posted to.
func (x *Exporter) Endpoint() string { return x.endpoint }

// Subscribe attaches the subscription Run reads: the HTTP exchanges, and
// the I/O requests and sync calls with their creation sites, of which
// those made while handling a server request become its child spans. While
// it is open the runtime sends traceparent headers.
func Subscribe(rec *trace.Recorder) *trace.Subscription {
	return rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 16, Batch: true, IOStacks: true, Interest: trace.InterestHTTP | trace.InterestIO})
}

// Run turns sub's records into spans until ctx ends, then drains what sub
// still holds and ends the spans still open (marked as unfinished, with
// the time Run ended). It returns how many records were dropped.
func (x *Exporter) Run(ctx context.Context, sub *trace.Subscription) (dropped uint64) {
	dropped = sub.ConsumeBatches(ctx, x.addBatch)
	now := time.Now()
	for id, s := range x.open {
		s.SetStatus(codes.Error, "unfinished when the program ended")
		s.End(oteltrace.WithTimestamp(now))
		delete(x.open, id)
	}
	for id, s := range x.io {
		s.SetStatus(codes.Error, "unfinished when the program ended")
		s.End(oteltrace.WithTimestamp(now))
		delete(x.io, id)
	}
	return dropped
}

// Shutdown exports what is left and stops, within ctx's deadline. Call it
// once Run has returned. The error says why spans could not be exported
// (the first failed export, or ctx's end).
func (x *Exporter) Shutdown(ctx context.Context) error {
	err := x.tp.Shutdown(ctx)
	if first, n := x.exp.failures(); first != nil {
		return fmt.Errorf("exporting spans to %s (%d exports failed): %w", x.endpoint, n, first)
	}
	if err != nil {
		return fmt.Errorf("exporting spans to %s: %w", x.endpoint, err)
	}
	return nil
}

func (x *Exporter) addBatch(b []trace.Event) {
	for i := range b {
		x.add(&b[i])
	}
}

func (x *Exporter) at(t int64) time.Time { return x.start.Add(time.Duration(t)) }

func (x *Exporter) add(e *trace.Event) {
	h := e.HTTP
	if h == nil {
		x.addIO(e)
		return
	}
	switch e.Kind {
	case trace.KindInit, trace.KindSync:
		x.beginIO(e, h)
	case trace.KindHTTPRequest:
		x.begin(e, h)
	case trace.KindHTTPResponse:
		s, ok := x.open[h.SpanID]
		if !ok {
			return // its request record was dropped
		}
		delete(x.open, h.SpanID)
		if h.Status != 0 {
			s.SetAttributes(attribute.Int("http.response.status_code", h.Status))
		}
		switch {
		case e.Err != "":
			s.SetAttributes(attribute.String("error.type", e.Err))
			s.SetStatus(codes.Error, e.Err)
		case h.Status >= 500 || !h.Server && h.Status >= 400:
			// Semantic conventions: a 4xx is the client's error, not the server's.
			s.SetAttributes(attribute.String("error.type", strconv.Itoa(h.Status)))
			s.SetStatus(codes.Error, "")
		}
		s.End(oteltrace.WithTimestamp(x.at(e.Time)))
	}
}

func (x *Exporter) begin(e *trace.Event, h *trace.HTTP) {
	ctx := context.WithValue(context.Background(), idsKey{}, ids{trace: h.TraceID, span: h.SpanID})
	if h.ParentID != [8]byte{} {
		parent := oteltrace.NewSpanContext(oteltrace.SpanContextConfig{
			TraceID: h.TraceID, SpanID: h.ParentID, TraceFlags: oteltrace.FlagsSampled, Remote: h.RemoteParent})
		ctx = oteltrace.ContextWithSpanContext(ctx, parent)
	}
	path, query, _ := strings.Cut(h.Target, "?")
	attrs := []attribute.KeyValue{
		attribute.String("http.request.method", h.Method),
		attribute.String("url.path", path),
	}
	if query != "" {
		attrs = append(attrs, attribute.String("url.query", query))
	}
	kind := oteltrace.SpanKindServer
	if h.Server && h.Host != "" {
		// From the request's Host header, as the HTTP conventions say.
		attrs = append(attrs, attribute.String("server.address", h.Host))
		if h.Port != 0 {
			attrs = append(attrs, attribute.Int("server.port", h.Port))
		}
	}
	if !h.Server {
		kind = oteltrace.SpanKindClient
		attrs = append(attrs,
			attribute.String("server.address", h.Host),
			attribute.Int("server.port", h.Port),
			attribute.String("url.full", h.Scheme+"://"+hostPort(h.Host, h.Port)+h.Target))
	}
	_, s := x.tracer.Start(ctx, h.Method, oteltrace.WithSpanKind(kind),
		oteltrace.WithTimestamp(x.at(e.Time)), oteltrace.WithAttributes(attrs...))
	x.open[h.SpanID] = s
}

// beginIO starts the span of an I/O request or sync call made while
// handling a server request, as a child of that request's span: named by
// its type ("FSREQCALLBACK", "fs.open"), with where the program made it.
func (x *Exporter) beginIO(e *trace.Event, h *trace.HTTP) {
	parent := oteltrace.NewSpanContext(oteltrace.SpanContextConfig{
		TraceID: h.TraceID, SpanID: h.ParentID, TraceFlags: oteltrace.FlagsSampled})
	ctx := oteltrace.ContextWithSpanContext(context.Background(), parent)
	var attrs []attribute.KeyValue
	if e.Op != 0 {
		attrs = append(attrs, attribute.Int64("studio.async_id", int64(e.Op)))
	}
	if f, ok := trace.UserFrame(e.Stack); ok {
		attrs = append(attrs, attribute.String("code.file.path", f.File), attribute.Int("code.line.number", f.Line))
		if f.Function != "" {
			attrs = append(attrs, attribute.String("code.function.name", f.Function))
		}
	}
	start := e.Time
	if e.Kind == trace.KindSync {
		start -= int64(e.Duration)
	}
	_, s := x.tracer.Start(ctx, e.Type, oteltrace.WithSpanKind(oteltrace.SpanKindInternal),
		oteltrace.WithTimestamp(x.at(start)), oteltrace.WithAttributes(attrs...))
	if e.Kind == trace.KindSync {
		if e.Err != "" {
			s.SetAttributes(attribute.String("error.type", e.Err))
			s.SetStatus(codes.Error, e.Err)
		}
		s.End(oteltrace.WithTimestamp(x.at(e.Time)))
		return
	}
	x.io[e.Op] = s
}

// addIO follows an I/O request's span through the pool to its callback
// and its end.
func (x *Exporter) addIO(e *trace.Event) {
	s, ok := x.io[e.Op]
	if !ok || e.Op == 0 {
		return
	}
	at := oteltrace.WithTimestamp(x.at(e.Time))
	switch e.Kind {
	case trace.KindQueued:
		s.AddEvent("queued", at)
	case trace.KindStarted:
		s.AddEvent("started", at, oteltrace.WithAttributes(attribute.Int("studio.pool.lane", e.Worker)))
	case trace.KindFinished:
		s.AddEvent("finished", at)
		if e.Err != "" {
			s.SetAttributes(attribute.String("error.type", e.Err))
			s.SetStatus(codes.Error, e.Err)
		}
	case trace.KindBefore:
		s.AddEvent("callback", at)
	case trace.KindDestroy:
		delete(x.io, e.Op)
		s.End(at)
	}
}

func hostPort(host string, port int) string {
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return host + ":" + strconv.Itoa(port)
}

// recordIDs is the IDGenerator that gives a span the ids its record
// carries (the runtime chose them, and a traceparent header may already
// have told another service).
type recordIDs struct{}

type idsKey struct{}

type ids struct {
	trace [16]byte
	span  [8]byte
}

// NewIDs serves the root span of an exchange, whose ids its record holds.
func (recordIDs) NewIDs(ctx context.Context) (oteltrace.TraceID, oteltrace.SpanID) {
	v, ok := ctx.Value(idsKey{}).(ids)
	if !ok {
		var t oteltrace.TraceID
		for t == (oteltrace.TraceID{}) {
			_, _ = rand.Read(t[:])
		}
		return t, randomSpanID()
	}
	return v.trace, v.span
}

// NewSpanID serves a child span: an exchange's from its record, an I/O
// request's drawn here (no other process needs to know it).
func (recordIDs) NewSpanID(ctx context.Context, _ oteltrace.TraceID) oteltrace.SpanID {
	v, ok := ctx.Value(idsKey{}).(ids)
	if !ok {
		return randomSpanID()
	}
	return v.span
}

func randomSpanID() oteltrace.SpanID {
	var s oteltrace.SpanID
	for s == (oteltrace.SpanID{}) {
		_, _ = rand.Read(s[:])
	}
	return s
}

// capture keeps the first export error and counts the failures, for
// Shutdown's one message.
type capture struct {
	sdktrace.SpanExporter
	mu    sync.Mutex
	first error
	n     int
}

func (c *capture) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	err := c.SpanExporter.ExportSpans(ctx, spans)
	if err != nil {
		c.mu.Lock()
		if c.first == nil {
			c.first = err
		}
		c.n++
		c.mu.Unlock()
	}
	return err
}

func (c *capture) failures() (error, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.first, c.n
}
