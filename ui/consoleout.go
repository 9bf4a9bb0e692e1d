package ui

import (
	"slices"
	"strings"
	"sync"

	"github.com/studiojs/studio/inspector"
)

// The console shows each console.* call as one entry in place of the text
// the call wrote to stdout or stderr, as Chrome's console does, with the
// text exactly as node printed it and the call's objects expandable, and
// what the program wrote straight to its streams (process.stdout.write, a
// child's output) around the entries, in the order the program wrote it.
//
// The text comes from the program's streams and the call from
// Runtime.consoleAPICalled, whose output member says which bytes of
// stdout and stderr the call wrote (docs/protocol.md). Either may come
// first: output already shown as plain lines is taken back into the entry
// when the call comes; a call whose text has not come yet waits for it,
// and is placed once everything the program wrote before it has come.

// programStreams is what the console has received of one program's
// stdout and stderr (UI goroutine).
type programStreams struct {
	received [2]int64 // bytes of stdout, stderr
	// calls are console calls not yet placed, or placed and still
	// receiving their text, in program order.
	calls []*consoleCall
}

// consoleCall is a console call's entry.
type consoleCall struct {
	id         int // the entry's rows carry it
	kind       lineKind
	stream     int   // 0 stdout, 1 stderr
	start, end int64 // the call's text in its stream
	other      int64 // where the other stream was at the call
	args       []inspector.RemoteObject
	text       string // received so far
	placed     bool
}

func streamOf(kind lineKind) int {
	if kind == lineStderr {
		return 1
	}
	return 0
}

// rowEnd is the offset after a row of program output in its stream.
func rowEnd(l *consoleLine) int64 {
	n := l.off + int64(len(l.raw))
	if l.nl {
		n++
	}
	return n
}

// output shows what the program wrote to one stream.
func (c *consolePanel) output(st *programStreams, kind lineKind, s string) {
	si := streamOf(kind)
	for len(s) > 0 {
		c.placeReady(st)
		pos := st.received[si]
		n := int64(len(s))
		if e := st.receiving(si, pos); e != nil {
			n = min(n, e.end-pos)
			e.text += s[:n]
			c.rebuild(e)
		} else {
			if next := st.nextStart(si, pos); next >= 0 {
				if next == pos {
					// The bytes before it on the other stream have not
					// come: they were written first, so this cannot
					// happen, but never stall.
					c.place(st, st.firstAt(si, pos))
					continue
				}
				n = min(n, next-pos)
			}
			c.write(kind, s[:n], pos)
		}
		s = s[n:]
		st.received[si] += n
		st.dropDone()
	}
	c.placeReady(st)
	c.trim()
	c.list.Refresh()
	c.list.ScrollToBottom()
}

// receiving is the placed call whose text continues at pos.
func (st *programStreams) receiving(si int, pos int64) *consoleCall {
	for _, e := range st.calls {
		if e.placed && e.stream == si && e.start <= pos && pos < e.end {
			return e
		}
	}
	return nil
}

// nextStart is where the next unplaced call's text starts at or after pos
// (-1: none).
func (st *programStreams) nextStart(si int, pos int64) int64 {
	next := int64(-1)
	for _, e := range st.calls {
		if !e.placed && e.stream == si && e.start >= pos && (next < 0 || e.start < next) {
			next = e.start
		}
	}
	return next
}

func (st *programStreams) firstAt(si int, pos int64) *consoleCall {
	for _, e := range st.calls {
		if !e.placed && e.stream == si && e.start == pos {
			return e
		}
	}
	return nil
}

// dropDone forgets the calls whose text has all come.
func (st *programStreams) dropDone() {
	st.calls = slices.DeleteFunc(st.calls, func(e *consoleCall) bool {
		return e.placed && st.received[e.stream] >= e.end
	})
}

// consoleCalled places a console call's entry, or keeps it until what the
// program wrote before it has come.
func (c *consolePanel) consoleCalled(st *programStreams, ev inspector.ConsoleAPICalledEvent) {
	o := ev.Output
	if o == nil || st == nil || (o.Stdout.Start == o.Stdout.End && o.Stderr.Start == o.Stderr.End) {
		// No text to put it in place of (a corked stream, another
		// target): its objects get lines of their own.
		c.consoleObjects(ev)
		return
	}
	e := &consoleCall{kind: lineStdout, stream: 0, start: o.Stdout.Start, end: o.Stdout.End, other: o.Stderr.Start, args: ev.Args}
	if o.Stdout.Start == o.Stdout.End {
		e.kind, e.stream, e.start, e.end, e.other = lineStderr, 1, o.Stderr.Start, o.Stderr.End, o.Stdout.Start
	}
	c.seq++
	e.id = c.seq
	st.calls = append(st.calls, e)
	c.placeReady(st)
	st.dropDone()
	c.trim()
	c.changed()
}

// changed has the list redrawn once the events queued now are handled: a
// program that logs in a loop sends a call per line.
func (c *consolePanel) changed() {
	if c.redraw {
		return
	}
	c.redraw = true
	c.w.do(func() {
		c.redraw = false
		c.list.Refresh()
		c.list.ScrollToBottom()
	})
}

// placeReady places the calls before which everything has come.
func (c *consolePanel) placeReady(st *programStreams) {
	for _, e := range st.calls {
		if !e.placed && st.received[e.stream] >= e.start && st.received[1-e.stream] >= e.other {
			c.place(st, e)
		}
	}
}

// place puts a call's entry where its text is: in place of the lines
// that already show part of it, else at the end.
func (c *consolePanel) place(st *programStreams, e *consoleCall) {
	if e == nil {
		return
	}
	e.placed = true
	upto := min(e.end, st.received[e.stream])
	if upto <= e.start {
		c.lines = append(c.lines, c.entryRows(e, false)...)
		return
	}
	if !c.takeBack(e, upto) {
		// Its lines are gone (cleared, or trimmed): nothing to show it in
		// place of; what is still to come shows as output.
		e.end = upto
	}
}

// takeBack replaces the output lines that hold bytes [e.start, upto) of
// e's stream with e's entry, keeping what they hold before and after;
// the bytes become e's text. false: no line holds them.
func (c *consolePanel) takeBack(e *consoleCall, upto int64) bool {
	var idx []int // from the end
	for i := len(c.lines) - 1; i >= 0; i-- {
		l := &c.lines[i]
		if l.kind != e.kind || !l.out && l.entry == 0 {
			continue
		}
		if l.out && rowEnd(l) <= e.start || !l.out && l.entryEnd <= e.start {
			break // the stream's lines are in order: the rest are before
		}
		if l.out && l.off < upto {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return false
	}
	var text strings.Builder
	var before, after []consoleLine
	for k := len(idx) - 1; k >= 0; k-- {
		l := c.lines[idx[k]]
		b := l.raw
		if l.nl {
			b += "\n"
		}
		from, to := max(e.start-l.off, 0), min(upto-l.off, int64(len(b)))
		text.WriteString(b[from:to])
		if k == len(idx)-1 && from > 0 {
			before = append(before, c.newLine(consoleLine{kind: l.kind, out: true, off: l.off, raw: l.raw[:from], text: expandTabs(l.raw[:from])}))
		}
		if k == 0 && to < int64(len(b)) {
			raw := l.raw[min(to, int64(len(l.raw))):]
			after = append(after, c.newLine(consoleLine{kind: l.kind, out: true, off: l.off + to, raw: raw, text: expandTabs(raw), nl: l.nl, open: l.open}))
		}
	}
	e.text = text.String()
	first, last := idx[len(idx)-1], idx[0]
	if last-first+1 != len(idx) {
		// Other lines came between (Studio's own): they go after it.
		for _, i := range idx[:len(idx)-1] {
			c.lines = slices.Delete(c.lines, i, i+1)
		}
		last = first
	}
	// One splice: a call's text usually fills whole lines, which the
	// entry's lines then replace in place (a program that logs in a loop
	// sends calls for lines well before the last).
	repl := append(append(before, c.entryRows(e, false)...), after...)
	c.lines = slices.Replace(c.lines, first, last+1, repl...)
	return true
}

// entryRows are the lines of e's text as received; the first carries
// the call's expandable arguments.
func (c *consolePanel) entryRows(e *consoleCall, expanded bool) []consoleLine {
	parts := strings.Split(strings.TrimSuffix(e.text, "\n"), "\n")
	rows := make([]consoleLine, 0, len(parts))
	for _, p := range parts {
		rows = append(rows, consoleLine{kind: e.kind, text: expandTabs(p), entry: e.id, entryEnd: e.end})
	}
	var objs []inspector.RemoteObject
	for _, a := range e.args {
		if expandable(a) {
			objs = append(objs, a)
		}
	}
	switch len(objs) {
	case 0:
	case 1:
		rows[0].objectID = objs[0].ObjectID
	default:
		rows[0].args = objs
	}
	rows[0].expanded = expanded
	for i := 1; i < len(rows) && len(objs) > 0; i++ {
		rows[i].hang = true
	}
	for i := range rows {
		rows[i].id = c.nextID()
	}
	return rows
}

func (c *consolePanel) nextID() int {
	c.seq++
	return c.seq
}

// rebuild shows e's text after more of it came.
func (c *consolePanel) rebuild(e *consoleCall) {
	first, last := -1, -1
	for i := len(c.lines) - 1; i >= 0; i-- {
		if c.lines[i].entry == e.id {
			if last < 0 {
				last = i
			}
			first = i
		} else if first >= 0 {
			break
		}
	}
	if first < 0 {
		return // cleared
	}
	rows := c.entryRows(e, c.lines[first].expanded)
	c.lines = append(c.lines[:first], append(rows, c.lines[last+1:]...)...)
}

// expandable says a value has properties to show: objects and functions.
func expandable(v inspector.RemoteObject) bool {
	return v.ObjectID != "" && (v.Type == "function" || v.Type == "object" && v.Subtype != "null")
}

// consoleObjects shows the objects of a console call whose text cannot be
// found in the streams, each on an expandable line of its own.
func (c *consolePanel) consoleObjects(ev inspector.ConsoleAPICalledEvent) {
	for _, a := range ev.Args {
		if expandable(a) {
			c.addValue(lineObject, a)
		}
	}
}

// outputFeed is the program's stdout and stderr: it batches what the
// program writes, both streams in one queue so that their order is kept,
// and hands it to the console on the UI goroutine, one hand-over pending
// at a time.
type outputFeed struct {
	w  *Window
	st *programStreams

	mu      sync.Mutex
	chunks  []outputChunk
	pending bool
}

type outputChunk struct {
	kind lineKind
	b    []byte
}

// streamWriter is one stream of an outputFeed.
type streamWriter struct {
	f    *outputFeed
	kind lineKind
}

func (s streamWriter) Write(p []byte) (int, error) {
	f := s.f
	f.mu.Lock()
	if n := len(f.chunks); n == 0 || f.chunks[n-1].kind != s.kind {
		f.chunks = append(f.chunks, outputChunk{kind: s.kind})
	}
	last := &f.chunks[len(f.chunks)-1]
	last.b = append(last.b, p...)
	schedule := !f.pending
	f.pending = true
	f.mu.Unlock()
	if schedule {
		f.w.do(f.deliver)
	}
	return len(p), nil
}

func (f *outputFeed) deliver() {
	f.mu.Lock()
	chunks := f.chunks
	f.chunks = nil
	f.pending = false
	f.mu.Unlock()
	for i := range chunks {
		f.w.console.output(f.st, chunks[i].kind, string(chunks[i].b))
	}
}
