// Package trace owns the records every Studio view is built from: the
// async-op events the runtime emits (creation, worker-pool queueing and
// execution, callback entry and exit, destruction, loop phases and
// iterations), the point-in-time Snapshot of the loop, and a latency
// Histogram.
//
// It also owns the lossy fan-out of events to observers. A Recorder hands
// every event to each Subscription's buffered channel without ever blocking:
// a subscriber that does not keep up loses events and its drop counter grows.
// The runtime's loop must never wait for the debugger or the GUI.
//
// Goroutine contract: every Recorder method and every Subscription method
// may be called from any goroutine (the loop goroutine, pool workers,
// observers). Snapshot and its parts are plain values with no methods that
// synchronise; Histogram is not safe for concurrent use.
package trace

import (
	"time"
)

// Phase is a phase of the event loop, in libuv's order.
type Phase uint8

// The loop phases, in the order one iteration visits them. PhaseNone is the
// loop outside any phase (before the first iteration, or between phases).
const (
	PhaseNone Phase = iota
	PhaseTimers
	PhasePending
	PhaseIdle
	PhasePrepare
	PhasePoll
	PhaseCheck
	PhaseClose
	NumPhases // the number of Phase values, for arrays indexed by Phase
)

var phaseNames = [NumPhases]string{
	PhaseNone:    "none",
	PhaseTimers:  "timers",
	PhasePending: "pending",
	PhaseIdle:    "idle",
	PhasePrepare: "prepare",
	PhasePoll:    "poll",
	PhaseCheck:   "check",
	PhaseClose:   "close",
}

// String returns the phase's lower-case name as Node's documentation spells
// it ("timers", "pending", "idle", "prepare", "poll", "check", "close"), or
// "none".
func (p Phase) String() string {
	if p < NumPhases {
		return phaseNames[p]
	}
	return "Phase(" + itoa(uint64(p)) + ")"
}

// Frame is one JavaScript stack frame. Line and Column are 1-based, as
// editors show them.
type Frame struct {
	Function string
	File     string
	Line     int
	Column   int
}

// Kind says what an Event records.
type Kind uint8

// The event kinds. Op-related kinds (KindInit through KindDestroy) carry Op
// and Type; loop-related kinds carry Phase or Iteration.
const (
	KindInit     Kind = iota + 1 // an async resource was created (Op, Type, Trigger, Stack)
	KindQueued                   // handed to the worker pool queue
	KindStarted                  // a pool worker took it (Worker = 0-based lane, Duration = time spent queued)
	KindFinished                 // the pool work ended (Worker, Err, Duration = time spent working)
	KindBefore                   // its JS callback starts (on the loop)
	KindAfter                    // its JS callback ended (Duration = callback time)
	KindDestroy                  // the resource is gone (cleared, fired for the last time, closed)
	// KindPhaseEnter and KindPhaseExit bracket a visit of a phase that did
	// something: ran a callback (or a tick, microtask or sync call), or,
	// for poll, waited. A visit that passes through an empty phase leaves
	// no record (it would be most of the records of a busy loop); Enter is
	// stamped with the time the visit began, and comes just before the
	// first record of the visit's work.
	KindPhaseEnter // the loop entered Phase
	KindPhaseExit  // the loop left Phase (Duration = time in it)
	KindIteration  // a loop iteration ended (Iteration number, Duration)
	// KindSync: a synchronous call (fs.readFileSync's open, read, close, ...)
	// ran on the loop goroutine and blocked it. Type names the binding call
	// ("fs.open"), Trigger is the resource whose callback was running
	// (executionAsyncId), Time is when the call ended, Duration how long it
	// blocked, Err the error code if it failed; Stack (for subscribers that
	// asked for stacks) is where it was called. Op is 0: a sync call is no
	// async resource.
	KindSync
	// KindHTTPRequest: an HTTP exchange began; HTTP says which. A server
	// request begins when node's server has parsed its head and made its
	// ServerResponse (parserOnIncoming), a client request when its
	// ClientRequest is constructed. Trigger is the running resource
	// (executionAsyncId: for a server request, the connection's
	// HTTPINCOMINGMESSAGE, as its 'request' handler runs); Op is 0.
	// Emitted only while a subscriber's Interest has InterestHTTP, and
	// then outgoing requests carry a W3C traceparent header (see HTTP).
	KindHTTPRequest
	// KindHTTPResponse: the exchange HTTP.Span began ended. A server
	// request ends when its response is finished (Status is the status
	// code sent) or when the connection closed first (Err "aborted"); a
	// client request when the response head arrives (Status) or when the
	// request failed first (Err: the error's code, or its message).
	KindHTTPResponse
)

var kindNames = [...]string{
	KindInit:         "init",
	KindQueued:       "queued",
	KindStarted:      "started",
	KindFinished:     "finished",
	KindBefore:       "before",
	KindAfter:        "after",
	KindDestroy:      "destroy",
	KindPhaseEnter:   "phase-enter",
	KindPhaseExit:    "phase-exit",
	KindIteration:    "iteration",
	KindSync:         "sync",
	KindHTTPRequest:  "http-request",
	KindHTTPResponse: "http-response",
}

// String returns the kind's lower-case name, e.g. "init" or "phase-exit".
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + itoa(uint64(k)) + ")"
}

// Event is one record in the stream. Which fields are meaningful depends on
// Kind (see the Kind constants); the others are zero.
type Event struct {
	Kind Kind
	// Time is nanoseconds since the Recorder's start on its monotonic clock.
	// Emit stamps it when the caller leaves it zero.
	Time int64
	// Op is the async id (Node's asyncId); Trigger is the id of the resource
	// whose callback created it (Node's triggerAsyncId).
	Op, Trigger uint64
	// Type is the Node async_hooks type: "Timeout", "Immediate",
	// "TickObject", "PROMISE", "FSREQCALLBACK", ...
	Type      string
	Worker    int
	Phase     Phase
	Iteration uint64
	Duration  time.Duration
	// Stack is set only on KindInit and KindSync, and only for subscribers that asked for
	// stacks. It is shared between subscribers: treat it as read-only.
	// An I/O request or sync call made by library code alone on a later
	// step (the connect of http.get, on a tick; the read and close of
	// fs.promises.readFile, after its open completed) has no frame of the
	// program's own; its stack then ends with the program frame behind
	// that step, as an async stack trace continues into the code that
	// started the chain. Ticks and pool requests' callbacks carry that
	// frame along while stacks are wanted.
	Stack []Frame
	Err   string
	// HTTP is set on KindHTTPRequest and KindHTTPResponse. While a
	// subscriber asks for InterestHTTP it is also set on the KindInit of
	// an I/O request (IsIORequest) and on a KindSync made while handling a
	// server request (through any chain of triggers), with only TraceID
	// and ParentID: the server request's span, so that an exporter shows
	// the request's I/O inside it. Shared between subscribers: treat it
	// as read-only.
	HTTP *HTTP
}

// HTTP describes one HTTP exchange, server or client, and the W3C trace
// context the runtime gave it (https://www.w3.org/TR/trace-context/).
//
// The runtime decides the ids, not a consumer, because a client request
// must carry its span's id in its traceparent header when it is made, on
// the loop goroutine, before any consumer has seen a record. A server
// request's trace is the inbound traceparent's, when it has a valid one
// (Parent is then the caller's span, RemoteParent true), else a new one.
// A client request's parent is the server request whose handling made it:
// each async resource carries the context of the resource whose callback
// created it (its Trigger), so the chain of triggers from the request
// handler to the code that calls http.request decides it; a client request
// made outside any server request starts a trace of its own. (Promise
// continuations run as the resource whose callback drained them, so code
// after an await keeps the context only when that callback had it.)
type HTTP struct {
	Server bool // a request this program serves; false: one it makes
	// On KindHTTPRequest: the method, and the request-target as sent
	// (path and query). Host and Port say where a client request goes,
	// and for a server request what its Host header named ("" and 0 if
	// it had none).
	Method, Target string
	Scheme         string // a client request's: "http" or "https"
	Host           string
	Port           int
	// TraceParent is a server request's inbound traceparent header as
	// received, "" if none.
	TraceParent  string
	TraceID      [16]byte
	SpanID       [8]byte
	ParentID     [8]byte // zero: the span is its trace's root
	RemoteParent bool    // ParentID is another process's span (inbound traceparent)
	// Status is the response's status code on KindHTTPResponse, 0 if
	// there was none.
	Status int
}

// itoa avoids strconv for the rare out-of-range String cases.
func itoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}
