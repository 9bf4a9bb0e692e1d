package inspector

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/sourcegraph/jsonrpc2"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/runtime"
)

// The replays play back what Chrome DevTools and VS Code's js-debug sent
// to a real node 20 (`node --inspect-brk /project/x.js`), recorded by a
// proxy in testdata/cdp-transcripts (a verbatim copy of the shared
// transcripts). A scripted client sends every client->target message of
// the recording, in order, to the program run as `studio run
// --inspect-brk` runs it, over a real socket on 127.0.0.1, with the
// recorded discovery requests and upgrade headers, and compares Studio's
// answers with node's.
//
// The recorded clients are event driven: where the recording shows the
// target answering, or sending Debugger.paused, Debugger.resumed or the
// scriptParsed of x.js, before the client's next message, the replay waits
// for Studio's equivalent first. Node's ids (scriptId, objectId,
// callFrameId, breakpointId, debuggerId) are learnt by walking each
// recorded answer beside Studio's, and rewritten in later requests;
// /project/x.js becomes the real path of testdata/x.js.
//
// What Studio answers differently is listed below with the reason: a
// difference that is not listed fails the replay.

func TestReplayDevTools(t *testing.T) {
	runReplay(t, replayCase{
		transcript: "devtools.jsonl",
		known: map[int]string{
			// Break on start, the module function's scope.
			106: "the module scope: Studio leaves out greeting, counter and result, in their temporal dead zone (V8 lists them " +
				"as undefined); Studio's require is its own; add and outer describe themselves with the instrumented source " +
				"(their toString); node's module.path and __dirname were rewritten by the recording proxy",
			111: "getPossibleBreakpoints lists statements only: V8 also lists the call add(...) at 14:12 (type call)",
		},
		column: map[int]string{
			102: "break on start at x.js's first statement, a const declaration: Studio stops at its start (1:0), V8 at its initializer (1:17)",
		},
	})
}

func TestReplayJSDebug(t *testing.T) {
	runReplay(t, replayCase{
		transcript: "jsdebug.jsonl",
		known: map[int]string{
			// Before runIfWaitingForDebugger node has not bootstrapped:
			// js-debug's probes get "process not defined" and a TypeError
			// from require; Studio holds the program with its globals set
			// up (cmd/studio/inspect.go), so they evaluate.
			91:  "require is not a global in Studio's evaluation (node's command line API has it; node itself threw before its bootstrap)",
			99:  "process exists before the start in Studio",
			104: "process exists before the start in Studio",
			114: "goja has no WebAssembly: js-debug's wasm hook throws a ReferenceError",
			118: "process exists before the start in Studio",
			120: "process exists before the start in Studio",
			126: "break on start where a breakpoint is: V8 says reason ambiguous with both reasons in data and the breakpoint " +
				"in hitBreakpoints; Studio says Break on start",
			146: "processId is the process's own",
			189: "accessorPropertiesOnly lists no inherited accessors (V8 lists Object.prototype's __proto__)",
			212: "sum is in its temporal dead zone: Studio leaves it out of the locals, V8 lists it as undefined",
		},
		// A const declaration with an initializer: Studio stops at the
		// statement's start, V8 at the initializer.
		column: map[int]string{
			124: "the line-0 breakpoint resolves to x.js's first statement, `const greeting = 'hello'`: 1:0, V8 1:17",
			126: "break on start at the same statement: 1:0, V8 1:17",
			208: "step into add stops at `const sum = a + b`: 5:2, V8 5:14",
		},
	})
}

// missingOK lists the members node sends that Studio does not, and why;
// any other member node sends and Studio does not fails the replay.
var missingOK = map[string]string{
	"Debugger.paused callFrames[].functionLocation":            "Studio's frames do not know where their function starts",
	"Debugger.paused callFrames[].scopeChain[].startLocation":  "scopes carry no source range",
	"Debugger.paused callFrames[].scopeChain[].endLocation":    "scopes carry no source range",
	"Debugger.paused data":                                     "only sent with reason ambiguous, which Studio does not use",
	"Debugger.paused callFrames[].this.type":                   "a caller frame Studio has no record of has no this",
	"Debugger.paused callFrames[].this.className":              "a caller frame Studio has no record of has no this",
	"Debugger.paused callFrames[].this.description":            "a caller frame Studio has no record of has no this",
	"Debugger.paused callFrames[].this.objectId":               "a caller frame Studio has no record of has no this",
	"Debugger.scriptParsed stackTrace":                         "Studio does not capture the stack that compiled a script",
	"Runtime.getProperties result[].value.preview":             "getProperties does not generate previews of property values",
	"Debugger.evaluateOnCallFrame exceptionDetails.scriptId":   "evaluations are not scripts in Studio",
	"Debugger.evaluateOnCallFrame exceptionDetails.stackTrace": "evaluations are not scripts in Studio",
	"Runtime.evaluate exceptionDetails.scriptId":               "evaluations are not scripts in Studio",
	"Runtime.evaluate exceptionDetails.stackTrace":             "evaluations are not scripts in Studio",
}

// replayCase is one transcript and where Studio answers differently, by
// the seq of node's answer in the transcript.
type replayCase struct {
	transcript string
	// known lists the answers whose values differ, and why: only their
	// ids and whether they are results or errors are compared.
	known map[int]string
	// column lists the stops (pauses, resolved breakpoints) Studio makes
	// on node's line but not at node's column, and why.
	column map[int]string
	// documented lists the pauses docs/protocol.md says Studio makes
	// elsewhere, with where it stops.
	documented map[int]stop
}

// stop is where Studio pauses: 0-based line, column.
type stop struct {
	line, column int
	why          string
}

const recordedPath = "/project/x.js"

// recordedBreakpointLine is where both sessions set their breakpoint:
// x.js line 15, `total = add(total, i);` (0-based 14).
const recordedBreakpointLine = 14

// transcriptRecord is one line of a transcript.
type transcriptRecord struct {
	Seq     int               `json:"seq"`
	Kind    string            `json:"kind"`
	Dir     string            `json:"dir"`
	Msg     json.RawMessage   `json:"msg"`
	Method  string            `json:"method"`
	Path    string            `json:"path"`
	Headers map[string]string `json:"headers"`
	Status  int               `json:"status"`
	Body    json.RawMessage   `json:"body"`
}

// cdpMsg is a recorded message, either way.
type cdpMsg struct {
	ID     *uint64         `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *jsonrpc2.Error `json:"error"`
}

func readTranscript(t *testing.T, name string) []transcriptRecord {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "cdp-transcripts", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []transcriptRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r transcriptRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// eventLog keeps every event Studio sent, for waits by kind and count.
type eventLog struct {
	mu      sync.Mutex
	events  []Event
	changed chan struct{}
}

func newEventLog() *eventLog { return &eventLog{changed: make(chan struct{})} }

func (l *eventLog) add(e Event) {
	l.mu.Lock()
	l.events = append(l.events, e)
	close(l.changed)
	l.changed = make(chan struct{})
	l.mu.Unlock()
}

// nth waits for the n-th (1-based) event that keyOf names key.
func (l *eventLog) nth(ctx context.Context, key string, keyOf func(Event) string, n int) (Event, error) {
	for {
		l.mu.Lock()
		seen := 0
		for _, e := range l.events {
			if keyOf(e) == key {
				seen++
				if seen == n {
					l.mu.Unlock()
					return e, nil
				}
			}
		}
		changed := l.changed
		l.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return Event{}, fmt.Errorf("waiting for Studio's %s #%d (it sent %d): %w", key, n, seen, ctx.Err())
		}
	}
}

func (l *eventLog) count(key string, keyOf func(Event) string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, e := range l.events {
		if keyOf(e) == key {
			n++
		}
	}
	return n
}

// studioProgram is testdata/x.js run as `studio run --inspect-brk x.js`
// runs it (cmd/studio/inspect.go: executeInspected).
type studioProgram struct {
	path   string
	target *Target
	srv    *Server
	out    syncBuffer
	done   chan int // the exit code, once the program ended and its clients went
}

func startInspected(t *testing.T, ctx context.Context) *studioProgram {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("testdata", "x.js"))
	if err != nil {
		t.Fatal(err)
	}
	p := &studioProgram{path: abs, done: make(chan int, 1)}
	d := debugger.New(debugger.Options{PauseOnStart: true, WaitForStart: true})
	p.target = NewTarget(abs, d)
	p.target.Title = "x.js" // the script as typed, as node titles its target
	var console syncBuffer
	p.srv, err = Listen(p.target, ServerOptions{Addr: "127.0.0.1:0", Console: &console})
	if err != nil {
		t.Fatal(err)
	}
	serveCtx, stopServing := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- p.srv.Run(serveCtx) }()
	rt, err := runtime.New(runtime.Options{Main: abs, Stdout: &p.out, Stderr: &p.out, Debug: d, Hooks: d})
	if err != nil {
		stopServing()
		<-served
		t.Fatal(err)
	}
	p.target.SetRuntime(rt)
	go func() {
		code, err := rt.Run(ctx)
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		p.target.Ended()
		if err := p.srv.WaitForDisconnect(ctx); err != nil {
			t.Errorf("WaitForDisconnect: %v", err)
		}
		stopServing()
		if err := <-served; err != nil {
			t.Errorf("serving: %v", err)
		}
		p.done <- code
	}()
	return p
}

// recordedHost aims a recorded Host header at the server: one with a port
// (DevTools' 127.0.0.1:9332) gets the server's address, one without
// (js-debug's "localhost", which passes node's DNS rebinding check) is
// sent as recorded.
func (p *studioProgram) recordedHost(host string) string {
	if strings.Contains(host, ":") {
		return p.srv.Addr().String()
	}
	return host
}

// dialRecorded opens the WebSocket with the recorded client's headers
// (all but the handshake's own, which gorilla writes).
func dialRecorded(ctx context.Context, p *studioProgram, headers map[string]string, opts ClientOptions) (*Client, error) {
	h := http.Header{}
	for k, v := range headers {
		switch strings.ToLower(k) {
		case "connection", "upgrade", "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions":
			continue
		case "host":
			v = p.recordedHost(v)
		}
		h.Set(k, v)
	}
	u := "ws://" + p.srv.Addr().String() + "/" + p.target.ID
	d := websocket.Dialer{HandshakeTimeout: 10 * time.Second, WriteBufferSize: clientWriteBuffer}
	c, resp, err := d.DialContext(ctx, u, h)
	if err != nil {
		if resp != nil {
			err = fmt.Errorf("%w (HTTP %s)", err, resp.Status)
		}
		return nil, fmt.Errorf("dialing %q: %w", u, err)
	}
	c.SetReadLimit(MaxMessage)
	return newClient(wsFrames{c: c, isClient: true}, opts, nil), nil
}

// idKeys name the members whose values are ids the target chose.
var idKeys = map[string]bool{"scriptId": true, "objectId": true, "callFrameId": true, "breakpointId": true, "debuggerId": true}

// replay plays one transcript against one Studio program.
type replay struct {
	t      *testing.T
	ctx    context.Context
	c      replayCase
	p      *studioProgram
	client *Client
	events *eventLog

	ids    map[string]string // node's id -> Studio's
	absent map[string]string // node's ids of things Studio does not have -> why
	calls  map[uint64]*replayCall
	expect []expectation   // target->client messages not yet matched
	counts map[string]int  // recorded events matched, by key
	disc   map[string]disc // discovery answers, by path

	// diverged: the program's state differs from node's (a documented
	// stop elsewhere); values are no longer compared.
	diverged bool
	// scopeKind is the type of each scope object of Studio's last pause.
	scopeKind map[string]string
	// atBreakpoint holds the local and block scope objects of Studio's
	// first pause at the recorded breakpoint, and names what their
	// getProperties listed.
	atBreakpoint map[string]string
	bpNames      map[string][2][]string // scope type -> node's names, Studio's
	evaluations  int                    // evaluateOnCallFrame values compared with node's
}

type replayCall struct {
	seq    int
	method string
	params map[string]any // as sent (ids rewritten)
	w      jsonrpc2.Waiter
}

type expectation struct {
	seq int
	msg cdpMsg
}

type disc struct {
	host string // the Host sent
	resp *http.Response
	body []byte
}

func runReplay(t *testing.T, c replayCase) {
	checkLeaks(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	recs := readTranscript(t, c.transcript)
	p := startInspected(t, ctx)
	r := &replay{t: t, ctx: ctx, c: c, p: p, events: newEventLog(),
		ids: map[string]string{}, absent: map[string]string{}, calls: map[uint64]*replayCall{}, counts: map[string]int{},
		disc: map[string]disc{}, scopeKind: map[string]string{}, bpNames: map[string][2][]string{}}
	// end lets the program finish (a client that goes resumes a paused
	// program) and waits for it; on a failure, ctx ends it.
	code, ended := 0, false
	end := func() {
		if ended {
			return
		}
		ended = true
		if r.client != nil {
			r.client.Close()
		}
		select {
		case code = <-p.done:
		case <-time.After(30 * time.Second):
			t.Error("the program did not end")
			cancel()
			code = <-p.done
		}
	}
	defer end()
	for _, rec := range recs {
		r.step(rec)
	}
	r.settle()
	if r.client == nil {
		t.Fatal("the transcript has no WebSocket session")
	}
	end()
	if code != 0 {
		t.Errorf("exit code %d", code)
	}
	if got := p.out.String(); got != "hello 3 4\n" {
		t.Errorf("the program printed %q, want %q", got, "hello 3 4\n")
	}
	// Studio sent what node sent, no more (js-debug enables Runtime and
	// Debugger twice).
	for key, n := range r.counts {
		if got := r.events.count(key, r.studioKey); got != n {
			t.Errorf("Studio sent %d %s, node %d", got, key, n)
		}
	}
	// The pause at the breakpoint, with the variables node listed.
	if r.atBreakpoint == nil {
		t.Errorf("no pause at x.js:%d", recordedBreakpointLine+1)
	}
	for _, kind := range []string{"block", "local"} {
		names := r.bpNames[kind]
		if len(names[0]) == 0 || !reflect.DeepEqual(names[0], names[1]) {
			t.Errorf("the %s scope at the breakpoint lists %v, node's %v", kind, names[1], names[0])
		}
	}
	if r.evaluations == 0 {
		t.Error("no evaluateOnCallFrame result was compared with node's")
	}
}

func (r *replay) step(rec transcriptRecord) {
	t := r.t
	switch rec.Kind {
	case "http-request":
		r.discover(rec)
	case "http-response":
		r.checkDiscovery(rec)
	case "ws-upgrade-request":
		c, err := dialRecorded(r.ctx, r.p, rec.Headers, ClientOptions{OnEvent: r.events.add})
		if err != nil {
			t.Fatalf("seq %d: %v", rec.Seq, err)
		}
		r.client = c
	case "ws":
		var m cdpMsg
		if err := json.Unmarshal(rewritePaths(rec.Msg, r.p.path), &m); err != nil {
			t.Fatalf("seq %d: %v", rec.Seq, err)
		}
		if rec.Dir == "target->client" {
			r.expect = append(r.expect, expectation{rec.Seq, m})
			return
		}
		r.settle()
		r.send(rec.Seq, m)
	}
}

// send sends a recorded request with its recorded id, node's ids replaced
// by Studio's. A request about something Studio does not have (a
// documented difference) is not sent: the client would not have seen it.
func (r *replay) send(seq int, m cdpMsg) {
	var params map[string]any
	if err := json.Unmarshal(m.Params, &params); err != nil {
		r.t.Fatalf("seq %d: %v", seq, err)
	}
	var skip string
	mapTree(params, "", func(key, s string) string {
		if !idKeys[key] {
			return s
		}
		if id, ok := r.ids[s]; ok {
			return id
		}
		if why, ok := r.absent[s]; ok {
			skip = why
			return s
		}
		r.t.Errorf("seq %d %s: Studio gave nothing for node's %s %q", seq, m.Method, key, s)
		return s
	})
	if skip != "" {
		r.t.Logf("seq %d %s not sent: %s", seq, m.Method, skip)
		r.calls[*m.ID] = &replayCall{seq: seq, method: m.Method}
		return
	}
	w, err := r.client.rpc.DispatchCall(r.ctx, m.Method, params, jsonrpc2.PickID(jsonrpc2.ID{Num: *m.ID}))
	if err != nil {
		r.t.Fatalf("seq %d: sending %s: %v", seq, m.Method, err)
	}
	r.calls[*m.ID] = &replayCall{seq: seq, method: m.Method, params: params, w: w}
}

// eventKey names the events a replay waits for; others are not awaited.
func (r *replay) eventKey(method string, params json.RawMessage) string {
	switch method {
	case "Debugger.paused", "Debugger.resumed", "Runtime.executionContextCreated", "Runtime.executionContextDestroyed", "Runtime.consoleAPICalled":
		return method
	case "Debugger.scriptParsed":
		var sp struct {
			URL string `json:"url"`
		}
		if json.Unmarshal(params, &sp) == nil && sp.URL == fileURL(r.p.path) {
			return "Debugger.scriptParsed x.js"
		}
	}
	return ""
}

func (r *replay) studioKey(e Event) string { return r.eventKey(e.Method, e.Params) }

// settle matches each target->client message recorded so far with
// Studio's: replies by id, awaited events by kind and count, a
// breakpointResolved by its breakpoint.
func (r *replay) settle() {
	for len(r.expect) > 0 {
		x := r.expect[0]
		r.expect = r.expect[1:]
		if x.msg.ID != nil {
			r.matchReply(x)
			continue
		}
		if x.msg.Method == "Debugger.breakpointResolved" {
			r.matchResolved(x)
			continue
		}
		key := r.eventKey(x.msg.Method, x.msg.Params)
		if key == "" {
			continue
		}
		r.counts[key]++
		e, err := r.events.nth(r.ctx, key, r.studioKey, r.counts[key])
		if err != nil {
			r.t.Fatalf("seq %d: %v", x.seq, err)
		}
		r.matchEvent(x, e)
	}
}

func (r *replay) matchReply(x expectation) {
	t := r.t
	call := r.calls[*x.msg.ID]
	if call == nil {
		t.Fatalf("seq %d: a reply to request %d, which was not sent", x.seq, *x.msg.ID)
	}
	if call.params == nil {
		return // not sent
	}
	var got json.RawMessage
	err := call.w.Wait(r.ctx, &got)
	var je *jsonrpc2.Error
	if err != nil && !errors.As(err, &je) {
		t.Fatalf("seq %d %s: %v", call.seq, call.method, err)
	}
	where := fmt.Sprintf("seq %d %s", x.seq, call.method)
	switch {
	case x.msg.Error != nil && je == nil:
		t.Errorf("%s: node answered error %d %q, Studio a result %s", where, x.msg.Error.Code, x.msg.Error.Message, got)
		return
	case x.msg.Error != nil:
		if je.Code != x.msg.Error.Code || je.Message != x.msg.Error.Message {
			t.Errorf("%s: error %d %q, node's %d %q", where, je.Code, je.Message, x.msg.Error.Code, x.msg.Error.Message)
		}
		return
	case je != nil:
		t.Errorf("%s: node answered a result, Studio error %d %q", where, je.Code, je.Message)
		return
	}
	node, studio := decodeObject(t, where, x.msg.Result), decodeObject(t, where, got)
	r.learn(node, studio)
	if r.c.known[x.seq] == "" {
		r.checkMissing(where, call.method, node, studio)
	}
	r.compareReply(x.seq, where, call, node, studio)
}

func (r *replay) matchEvent(x expectation, e Event) {
	where := fmt.Sprintf("seq %d %s", x.seq, x.msg.Method)
	node, studio := decodeObject(r.t, where, x.msg.Params), decodeObject(r.t, where, e.Params)
	r.learn(node, studio)
	if r.c.known[x.seq] == "" {
		r.checkMissing(where, x.msg.Method, node, studio)
	}
	r.compareEvent(x.seq, where, x.msg.Method, node, studio)
}

// matchResolved waits for Studio's breakpointResolved of the same
// breakpoint and compares the locations.
func (r *replay) matchResolved(x expectation) {
	where := fmt.Sprintf("seq %d Debugger.breakpointResolved", x.seq)
	node := decodeObject(r.t, where, x.msg.Params)
	id, ok := r.ids[str(node["breakpointId"])]
	if !ok {
		r.t.Errorf("%s: node resolved breakpoint %v, which Studio did not create", where, node["breakpointId"])
		return
	}
	keyOf := func(e Event) string {
		if e.Method != "Debugger.breakpointResolved" {
			return ""
		}
		var p struct {
			BreakpointID string `json:"breakpointId"`
		}
		_ = json.Unmarshal(e.Params, &p)
		return p.BreakpointID
	}
	e, err := r.events.nth(r.ctx, id, keyOf, 1)
	if err != nil {
		r.t.Fatalf("%s: %v", where, err)
	}
	studio := decodeObject(r.t, where, e.Params)
	r.learn(node, studio)
	r.checkMissing(where, x.msg.Method, node, studio)
	if r.c.column[x.seq] == "" {
		r.sameLocation(where, node["location"], studio["location"])
	} else {
		r.sameLine(where, node["location"], studio["location"])
	}
}

// compareReply checks what the clients read of an answer.
func (r *replay) compareReply(seq int, where string, call *replayCall, node, studio map[string]any) {
	t := r.t
	known := r.c.known[seq] != "" || r.diverged
	switch call.method {
	case "Debugger.enable":
		if id, _ := studio["debuggerId"].(string); id == "" {
			t.Errorf("%s: no debuggerId: %v", where, studio)
		}
	case "Debugger.getScriptSource":
		want, err := os.ReadFile(r.p.path)
		if err != nil {
			t.Fatal(err)
		}
		// The recorded program is testdata/x.js.
		if node["scriptSource"] != string(want) {
			t.Errorf("%s: node's x.js is not testdata/x.js", where)
		}
		if studio["scriptSource"] != string(want) {
			t.Errorf("%s: Studio's source %q", where, studio["scriptSource"])
		}
	case "Debugger.setBreakpointByUrl":
		if id, _ := studio["breakpointId"].(string); id == "" {
			t.Errorf("%s: no breakpointId: %v", where, studio)
		}
		nl, sl := list(node["locations"]), list(studio["locations"])
		if len(nl) != len(sl) {
			t.Errorf("%s: locations %v, node's %v", where, sl, nl)
			return
		}
		for i := range nl {
			r.sameLocation(where, nl[i], sl[i])
		}
	case "Debugger.getPossibleBreakpoints":
		var want []any
		for _, l := range list(node["locations"]) {
			if known && obj(l)["type"] == "call" {
				continue
			}
			want = append(want, l)
		}
		sl := list(studio["locations"])
		if len(sl) != len(want) {
			t.Errorf("%s: locations %v, node's %v", where, sl, node["locations"])
			return
		}
		for i := range want {
			r.sameLocation(where, want[i], sl[i])
		}
	case "Runtime.getProperties":
		r.compareProperties(seq, where, call, node, studio)
	case "Debugger.evaluateOnCallFrame":
		if !known {
			r.evaluations++
		}
		r.compareEvaluation(where, known, node, studio)
	case "Runtime.evaluate", "Runtime.callFunctionOn":
		r.compareEvaluation(where, known, node, studio)
	}
}

// compareEvaluation compares an evaluation's result as the clients read
// it: a thrown exception or not, the value's type, and its value (by
// value) or description.
func (r *replay) compareEvaluation(where string, known bool, node, studio map[string]any) {
	if (node["exceptionDetails"] == nil) != (studio["exceptionDetails"] == nil) && !known {
		r.t.Errorf("%s: exceptionDetails %v, node's %v", where, studio["exceptionDetails"], node["exceptionDetails"])
	}
	if ed := obj(studio["exceptionDetails"]); ed != nil && ed["text"] != obj(node["exceptionDetails"])["text"] && !known {
		r.t.Errorf("%s: exception text %q, node's %q", where, ed["text"], obj(node["exceptionDetails"])["text"])
	}
	r.compareRemote(where+" result", known, obj(node["result"]), obj(studio["result"]))
}

// compareRemote compares two RemoteObjects. A known difference still has
// the same type; an error keeps its message (its first line) when the
// stack differs.
func (r *replay) compareRemote(where string, known bool, node, studio map[string]any) {
	t := r.t
	if node == nil || studio == nil {
		t.Errorf("%s: %v, node's %v", where, studio, node)
		return
	}
	if known {
		return
	}
	for _, k := range []string{"type", "subtype", "className", "unserializableValue"} {
		if !reflect.DeepEqual(node[k], studio[k]) {
			t.Errorf("%s: %s %v, node's %v", where, k, studio[k], node[k])
		}
	}
	if nv, ok := node["value"]; ok && !reflect.DeepEqual(nv, studio["value"]) {
		t.Errorf("%s: value %v, node's %v", where, studio["value"], nv)
	}
	nd, sd := node["description"], studio["description"]
	if node["subtype"] == "error" {
		// The message; the stack is goja's, with Studio's evaluation
		// frames and instrumented columns.
		nd, sd = firstLine(nd), firstLine(sd)
	}
	if _, ok := node["description"]; ok && nd != sd {
		t.Errorf("%s: description %q, node's %q", where, sd, nd)
	}
	if np := obj(node["preview"]); np != nil && node["subtype"] != "error" {
		sp := obj(studio["preview"])
		if !reflect.DeepEqual(previewProps(np), previewProps(sp)) || np["overflow"] != sp["overflow"] {
			t.Errorf("%s: preview %v, node's %v", where, sp, np)
		}
	}
}

func previewProps(p map[string]any) []string {
	var out []string
	for _, pp := range list(p["properties"]) {
		m := obj(pp)
		out = append(out, fmt.Sprintf("%v:%v:%v:%v", m["name"], m["type"], m["subtype"], m["value"]))
	}
	return out
}

// compareProperties compares a getProperties answer: the names (a scope
// of the pause lists node's variables), then each value.
func (r *replay) compareProperties(seq int, where string, call *replayCall, node, studio map[string]any) {
	t := r.t
	objectID, _ := call.params["objectId"].(string)
	kind := r.scopeKind[objectID]
	nn, sn := propNames(node), propNames(studio)
	if kind != "" {
		if _, ok := studio["internalProperties"]; ok {
			t.Errorf("%s: the %s scope lists internal properties %v (V8 lists none for a scope)", where, kind, studio["internalProperties"])
		}
		if k := r.atBreakpoint[objectID]; k != "" && call.params["accessorPropertiesOnly"] != true {
			r.bpNames[k] = [2][]string{nn, sn}
		}
	}
	switch {
	case kind == "closure":
		// Documented: a closure scope lists the enclosing variables the
		// function uses, V8's all of them. The client's requests about
		// the others are not sent.
		have := map[string]bool{}
		for _, n := range sn {
			have[n] = true
		}
		for _, p := range list(node["result"]) {
			np := obj(p)
			if have[str(np["name"])] {
				delete(have, str(np["name"]))
			} else if id := str(obj(np["value"])["objectId"]); id != "" {
				r.absent[id] = fmt.Sprintf("node's closure scope listed %v, which Studio's does not (documented)", np["name"])
			}
		}
		if len(have) > 0 {
			t.Errorf("%s: the closure scope lists %v, node's %v", where, sn, nn)
		}
	case r.c.known[seq] == "" && !reflect.DeepEqual(nn, sn):
		t.Errorf("%s: properties %v, node's %v", where, sn, nn)
	}
	if r.c.known[seq] != "" || r.diverged {
		return
	}
	byName := map[string]map[string]any{}
	for _, p := range list(studio["result"]) {
		byName[str(obj(p)["name"])] = obj(p)
	}
	for _, p := range list(node["result"]) {
		np := obj(p)
		sp, ok := byName[str(np["name"])]
		if !ok {
			continue // a closure's variable Studio does not list
		}
		for _, k := range []string{"writable", "configurable", "enumerable", "isOwn"} {
			if !reflect.DeepEqual(np[k], sp[k]) {
				t.Errorf("%s %v: %s %v, node's %v", where, np["name"], k, sp[k], np[k])
			}
		}
		if nv := obj(np["value"]); nv != nil {
			sv := obj(sp["value"])
			delete(nv, "preview") // missingOK: no previews of property values
			r.compareRemote(fmt.Sprintf("%s %v", where, np["name"]), false, nv, sv)
		}
	}
}

func propNames(m map[string]any) []string {
	var names []string
	for _, p := range list(m["result"]) {
		names = append(names, str(obj(p)["name"]))
	}
	return names
}

// compareEvent checks what the clients read of an event.
func (r *replay) compareEvent(seq int, where, method string, node, studio map[string]any) {
	t := r.t
	known := r.c.known[seq] != ""
	switch method {
	case "Debugger.paused":
		r.comparePaused(seq, where, node, studio)
	case "Debugger.scriptParsed":
		for k, v := range node {
			if idKeys[k] || k == "stackTrace" {
				continue
			}
			if !reflect.DeepEqual(v, studio[k]) {
				t.Errorf("%s: %s %v, node's %v", where, k, studio[k], v)
			}
		}
	case "Runtime.executionContextCreated":
		nc, sc := obj(node["context"]), obj(studio["context"])
		if !reflect.DeepEqual(nc["id"], sc["id"]) || !reflect.DeepEqual(nc["auxData"], sc["auxData"]) || nc["origin"] != sc["origin"] {
			t.Errorf("%s: context %v, node's %v", where, sc, nc)
		}
	case "Runtime.consoleAPICalled":
		if node["type"] != studio["type"] {
			t.Errorf("%s: type %v, node's %v", where, studio["type"], node["type"])
		}
		na, sa := list(node["args"]), list(studio["args"])
		if len(na) != len(sa) {
			t.Fatalf("%s: args %v, node's %v", where, sa, na)
		}
		for i := range na {
			r.compareRemote(fmt.Sprintf("%s arg %d", where, i), known, obj(na[i]), obj(sa[i]))
		}
		nf, sf := list(obj(node["stackTrace"])["callFrames"]), list(obj(studio["stackTrace"])["callFrames"])
		if len(sf) == 0 {
			t.Fatalf("%s: no stack trace", where)
		}
		for _, k := range []string{"functionName", "lineNumber", "columnNumber", "url"} {
			if obj(nf[0])[k] != obj(sf[0])[k] {
				t.Errorf("%s: call site %s %v, node's %v", where, k, obj(sf[0])[k], obj(nf[0])[k])
			}
		}
	}
}

// comparePaused compares a pause: reason, breakpoints hit, and the frames
// in x.js with their functions, positions and scopes. Only the top frame
// has its scopes (docs/protocol.md); the others see the globals.
func (r *replay) comparePaused(seq int, where string, node, studio map[string]any) {
	t := r.t
	doc, documented := r.c.documented[seq]
	known := r.c.known[seq] != "" || documented
	if !known {
		if node["reason"] != studio["reason"] {
			t.Errorf("%s: reason %v, node's %v", where, studio["reason"], node["reason"])
		}
		var want []string
		for _, id := range list(node["hitBreakpoints"]) {
			want = append(want, r.ids[str(id)])
		}
		var got []string
		for _, id := range list(studio["hitBreakpoints"]) {
			got = append(got, str(id))
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: hitBreakpoints %v, node's (as Studio's ids) %v", where, got, want)
		}
	}
	xjs := r.ids[str(obj(obj(list(node["callFrames"])[0])["location"])["scriptId"])]
	var nframes []map[string]any
	for _, f := range list(node["callFrames"]) {
		if r.ids[str(obj(obj(f)["location"])["scriptId"])] == xjs {
			nframes = append(nframes, obj(f))
		}
	}
	sframes := list(studio["callFrames"])
	if len(sframes) != len(nframes) {
		t.Errorf("%s: %d frames, node %d in x.js", where, len(sframes), len(nframes))
		return
	}
	r.scopeKind = map[string]string{}
	for i, f := range nframes {
		sf := obj(sframes[i])
		fw := fmt.Sprintf("%s frame %d", where, i)
		if f["functionName"] != sf["functionName"] {
			t.Errorf("%s: function %q, node's %q", fw, sf["functionName"], f["functionName"])
		}
		if i == 0 {
			nl, sl := obj(f["location"]), obj(sf["location"])
			if documented {
				if sl["lineNumber"] != float64(doc.line) || sl["columnNumber"] != float64(doc.column) {
					t.Errorf("%s: stopped at %v:%v, want %d:%d (%s)", fw, sl["lineNumber"], sl["columnNumber"], doc.line, doc.column, doc.why)
				}
				r.diverged = true
			} else if nl["lineNumber"] != sl["lineNumber"] {
				t.Errorf("%s: line %v, node's %v", fw, sl["lineNumber"], nl["lineNumber"])
				r.diverged = true
			} else if r.c.column[seq] != "" || known {
				r.sameLine(fw, nl, sl)
			} else {
				r.sameLocation(fw, nl, sl)
			}
		} else {
			r.sameLocation(fw, f["location"], sf["location"])
		}
		var ntypes, stypes []string
		for _, sc := range list(f["scopeChain"]) {
			ntypes = append(ntypes, str(obj(sc)["type"]))
		}
		for _, sc := range list(sf["scopeChain"]) {
			stypes = append(stypes, str(obj(sc)["type"]))
			r.scopeKind[str(obj(obj(sc)["object"])["objectId"])] = str(obj(sc)["type"])
		}
		if !reflect.DeepEqual(ntypes, stypes) {
			t.Errorf("%s: scopes %v, want %v", fw, stypes, ntypes)
		}
	}
	// The first stop at the recorded breakpoint: its scopes' variables
	// are checked when the client lists them.
	top := obj(sframes[0])
	if r.atBreakpoint == nil && obj(top["location"])["lineNumber"] == float64(recordedBreakpointLine) && len(list(studio["hitBreakpoints"])) > 0 {
		r.atBreakpoint = map[string]string{}
		for _, sc := range list(top["scopeChain"]) {
			if k := str(obj(sc)["type"]); k == "local" || k == "block" {
				r.atBreakpoint[str(obj(obj(sc)["object"])["objectId"])] = k
			}
		}
	}
}

// sameLocation compares two CDP locations (node's scriptId as Studio's).
func (r *replay) sameLocation(where string, node, studio any) {
	n, s := obj(node), obj(studio)
	if n == nil || s == nil || r.ids[str(n["scriptId"])] != s["scriptId"] || n["lineNumber"] != s["lineNumber"] || n["columnNumber"] != s["columnNumber"] {
		r.t.Errorf("%s: location %v, node's %v", where, studio, node)
	}
}

func (r *replay) sameLine(where string, node, studio any) {
	n, s := obj(node), obj(studio)
	if n == nil || s == nil || r.ids[str(n["scriptId"])] != s["scriptId"] || n["lineNumber"] != s["lineNumber"] {
		r.t.Errorf("%s: location %v, node's %v", where, studio, node)
	}
}

// checkMissing fails for each member of node's message that Studio's
// lacks, unless missingOK explains it.
func (r *replay) checkMissing(where, method string, node, studio map[string]any) {
	var missing []string
	collectMissing(node, studio, "", &missing)
	for _, path := range missing {
		if _, ok := missingOK[method+" "+path]; !ok {
			r.t.Errorf("%s: Studio does not send %s", where, path)
		}
	}
}

func collectMissing(n, s any, path string, out *[]string) {
	switch nv := n.(type) {
	case map[string]any:
		sm, ok := s.(map[string]any)
		if !ok {
			return
		}
		keys := make([]string, 0, len(nv))
		for k := range nv {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			sv, ok := sm[k]
			if !ok {
				*out = appendOnce(*out, p)
				continue
			}
			collectMissing(nv[k], sv, p, out)
		}
	case []any:
		sa, ok := s.([]any)
		if !ok {
			return
		}
		for _, pr := range pairElements(nv, sa) {
			collectMissing(pr[0], pr[1], path+"[]", out)
		}
	}
}

func appendOnce(list []string, s string) []string {
	for _, e := range list {
		if e == s {
			return list
		}
	}
	return append(list, s)
}

// learn walks node's message beside Studio's and records the ids.
func (r *replay) learn(node, studio map[string]any) {
	walkPair(node, studio, func(key string, nv, sv any) {
		ns, ok1 := nv.(string)
		ss, ok2 := sv.(string)
		if ok1 && ok2 && idKeys[key] {
			r.ids[ns] = ss
		}
	})
}

// walkPair visits node's tree and Studio's side by side, calling visit
// for each member present in both.
func walkPair(n, s any, visit func(key string, nv, sv any)) {
	switch nv := n.(type) {
	case map[string]any:
		sm, ok := s.(map[string]any)
		if !ok {
			return
		}
		for k, v := range nv {
			if sv, ok := sm[k]; ok {
				visit(k, v, sv)
				walkPair(v, sv, visit)
			}
		}
	case []any:
		sa, ok := s.([]any)
		if !ok {
			return
		}
		for _, pr := range pairElements(nv, sa) {
			walkPair(pr[0], pr[1], visit)
		}
	}
}

// pairElements pairs the elements of two arrays: properties by name,
// scopes by type, anything else by index.
func pairElements(n, s []any) [][2]any {
	keyOf := func(v any) string {
		m := obj(v)
		if m == nil {
			return ""
		}
		if name, ok := m["name"].(string); ok {
			if _, isProp := m["value"]; isProp || m["get"] != nil || m["set"] != nil {
				return "name:" + name
			}
		}
		if typ, ok := m["type"].(string); ok {
			if _, isScope := m["object"]; isScope {
				return "scope:" + typ
			}
		}
		return ""
	}
	var out [][2]any
	if len(n) > 0 && keyOf(n[0]) != "" {
		index := map[string]any{}
		seen := map[string]int{}
		for _, v := range s {
			k := keyOf(v)
			seen[k]++
			index[fmt.Sprintf("%s#%d", k, seen[k])] = v
		}
		seen = map[string]int{}
		for _, v := range n {
			k := keyOf(v)
			seen[k]++
			if sv, ok := index[fmt.Sprintf("%s#%d", k, seen[k])]; ok {
				out = append(out, [2]any{v, sv})
			}
		}
		return out
	}
	for i := range min(len(n), len(s)) {
		out = append(out, [2]any{n[i], s[i]})
	}
	return out
}

// discover sends a recorded discovery request with its headers.
func (r *replay) discover(rec transcriptRecord) {
	req, err := http.NewRequestWithContext(r.ctx, rec.Method, "http://"+r.p.srv.Addr().String()+rec.Path, nil)
	if err != nil {
		r.t.Fatal(err)
	}
	for k, v := range rec.Headers {
		switch strings.ToLower(k) {
		case "host":
			req.Host = r.p.recordedHost(v)
		case "connection":
		default:
			req.Header.Set(k, v)
		}
	}
	host := r.p.recordedHost(rec.Headers["host"])
	tr := &http.Transport{DisableKeepAlives: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		r.t.Fatalf("GET %s: %v", rec.Path, err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		r.t.Fatal(err)
	}
	r.disc[rec.Path] = disc{host, resp, body}
}

// checkDiscovery compares a discovery answer with node's: status,
// headers, and the JSON. The target's URLs are built from the Host the
// client sent, as node builds them: js-debug's "localhost" gives
// ws://localhost/<id> (node 20 answers so; the recorded body went through
// the recording proxy, which addressed node by 127.0.0.1:port).
func (r *replay) checkDiscovery(rec transcriptRecord) {
	t := r.t
	d, ok := r.disc[rec.Path]
	if !ok {
		t.Fatalf("seq %d: an answer to %s, which was not requested", rec.Seq, rec.Path)
	}
	where := "GET " + rec.Path
	if d.resp.StatusCode != rec.Status {
		t.Errorf("%s: status %d, node's %d", where, d.resp.StatusCode, rec.Status)
	}
	for _, h := range []string{"content-type", "cache-control"} {
		if got := d.resp.Header.Get(h); got != rec.Headers[h] {
			t.Errorf("%s: %s %q, node's %q", where, h, got, rec.Headers[h])
		}
	}
	var node, studio any
	if err := json.Unmarshal(rewritePaths(rec.Body, r.p.path), &node); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(d.body, &studio); err != nil {
		t.Fatalf("%s: %v in %q", where, err, d.body)
	}
	nl, isList := node.([]any)
	if !isList {
		if !reflect.DeepEqual(node, studio) {
			t.Errorf("%s: %v, node's %v", where, studio, node)
		}
		return
	}
	sl := list(studio)
	if len(nl) != 1 || len(sl) != 1 {
		t.Fatalf("%s: %d targets, node %d", where, len(sl), len(nl))
	}
	n, s := obj(nl[0]), obj(sl[0])
	host := d.host
	id := r.p.target.ID
	want := map[string]any{}
	for k, v := range n {
		want[k] = v
	}
	want["id"] = id
	want["webSocketDebuggerUrl"] = "ws://" + host + "/" + id
	want["devtoolsFrontendUrl"] = "devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=" + host + "/" + id
	want["devtoolsFrontendUrlCompat"] = "devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=" + host + "/" + id
	if !reflect.DeepEqual(want, s) {
		t.Errorf("%s: %v, want %v", where, s, want)
	}
}

// mapTree rewrites every string of a JSON tree in place; key is the
// member's name.
func mapTree(v any, key string, f func(key, s string) string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = mapTree(e, k, f)
		}
	case []any:
		for i, e := range x {
			x[i] = mapTree(e, key, f)
		}
	case string:
		return f(key, x)
	}
	return v
}

// rewritePaths replaces the recorded program path by the real one: as a
// path, in URLs, and in js-debug's escaped regular expressions.
func rewritePaths(msg json.RawMessage, real string) json.RawMessage {
	var v any
	if err := json.Unmarshal(msg, &v); err != nil {
		return msg
	}
	escRec, escReal := escapeRegexp(recordedPath), escapeRegexp(real)
	v = mapTree(v, "", func(_, s string) string {
		s = strings.ReplaceAll(s, escRec, escReal)
		return strings.ReplaceAll(s, recordedPath, real)
	})
	b, err := json.Marshal(v)
	if err != nil {
		return msg
	}
	return b
}

// escapeRegexp escapes a path as js-debug does in a urlRegex: regexp
// metacharacters and '/'.
func escapeRegexp(s string) string {
	return strings.ReplaceAll(regexp.QuoteMeta(s), "/", `\/`)
}

func decodeObject(t *testing.T, where string, b json.RawMessage) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil || m == nil {
		t.Fatalf("%s: %s is not an object", where, b)
	}
	return m
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func firstLine(v any) string {
	s, _, _ := strings.Cut(str(v), "\n")
	return s
}
