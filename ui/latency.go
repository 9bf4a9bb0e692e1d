package ui

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/studiojs/studio/inspector"
)

// The Latency tab (issue 6): per I/O op type, how long requests took from
// creation to their callback (init → before) and, for those the worker pool
// ran, how long they waited in its queue (queued → started), as p50, p95,
// p99 and max. Everything comes from Studio.events; memory stays bounded:
// one fixed-size histogram per type and direction, and the ops in flight,
// forgotten at their destroy (and capped, for a program that leaks them).

// notIOTypes are the op types that are not one I/O request: timers, ticks,
// promises, and long-lived handles, whose callbacks are not the completion
// of one request (as runtime/ioprof, which the window cannot import).
var notIOTypes = map[string]bool{
	"Timeout": true, "Immediate": true, "TickObject": true, "PROMISE": true, "Microtask": true,
	"TCPWRAP": true, "TCPSERVERWRAP": true, "PIPEWRAP": true, "PIPESERVERWRAP": true, "PROCESSWRAP": true,
	"TTYWRAP": true, "SIGNALWRAP": true, "FSEVENTWRAP": true, "STATWATCHER": true, "UDPWRAP": true,
	"HTTPINCOMINGMESSAGE": true, "HTTPCLIENTREQUEST": true, "FILEHANDLE": true, "ELDHISTOGRAM": true,
	"WEBSOCKET": true, "ZLIB": true, "Main": true, "": true,
}

// requestType says whether a type names an I/O request by itself (one
// that never reaches the pool, a DNS or a write request, still counts).
func requestType(typ string) bool {
	for _, suffix := range []string{"REQ", "REQWRAP", "CALLBACK"} {
		if strings.HasSuffix(typ, suffix) {
			return true
		}
	}
	return false
}

// maxTrackedOps bounds the ops followed at once: past it, new ones are
// counted as untracked rather than remembered.
const maxTrackedOps = 1 << 16

// Histogram layout: bucket 0 holds values under a microsecond, bucket i
// (i >= 1) holds [histGrowth^(i-1), histGrowth^i) microseconds; the last
// one everything above (about an hour and a half).
const (
	histGrowth  = 1.04
	histBuckets = 580
)

var logHistGrowth = math.Log(histGrowth)

// latencyHist is a fixed-size log-scale histogram of durations in
// milliseconds: percentiles are within histGrowth-1 (4%) of the exact
// ones, and the max is exact.
type latencyHist struct {
	counts [histBuckets]uint32
	n      int
	max    float64
}

func (h *latencyHist) add(ms float64) {
	ms = max(ms, 0)
	i := 0
	if us := ms * 1000; us >= 1 {
		i = min(1+int(math.Log(us)/logHistGrowth), histBuckets-1)
	}
	h.counts[i]++
	h.n++
	h.max = max(h.max, ms)
}

// quantile is the upper bound of the bucket holding the q-th value (in
// ms), never above the largest value seen.
func (h *latencyHist) quantile(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	rank := max(int(math.Ceil(q*float64(h.n))), 1)
	seen := 0
	for i, c := range h.counts {
		seen += int(c)
		if seen >= rank {
			return min(math.Pow(histGrowth, float64(i))/1000, h.max)
		}
	}
	return h.max
}

// typeLatency is one row: an op type's two histograms.
type typeLatency struct {
	typ    string
	total  latencyHist // creation → callback
	wait   latencyHist // pool queue wait, for ops the pool ran
	pooled bool
}

// trackedOp is an op between its init and its destroy.
type trackedOp struct {
	typ             string
	init            float64
	queued, started float64
	pooled, done    bool
}

// latencyStats folds Studio.events into per-type histograms. It belongs
// to the UI goroutine.
type latencyStats struct {
	ops       map[uint64]*trackedOp
	types     map[string]*typeLatency
	dropped   uint64
	untracked int64
	events    int // records read
}

func newLatencyStats() *latencyStats {
	return &latencyStats{ops: map[uint64]*trackedOp{}, types: map[string]*typeLatency{}}
}

func (s *latencyStats) add(b inspector.EventsBatch) {
	s.dropped = b.Dropped
	for _, e := range b.Events {
		s.events++
		switch e.Kind {
		case "init":
			if notIOTypes[e.Type] {
				continue
			}
			if len(s.ops) >= maxTrackedOps {
				s.untracked++
				continue
			}
			s.ops[e.Op] = &trackedOp{typ: e.Type, init: e.TimeMs}
		case "queued":
			if o := s.ops[e.Op]; o != nil {
				o.queued, o.pooled = e.TimeMs, true
			}
		case "started":
			if o := s.ops[e.Op]; o != nil {
				o.started = e.TimeMs
			}
		case "before":
			o := s.ops[e.Op]
			if o == nil || o.done || !(o.pooled || requestType(o.typ)) {
				continue
			}
			o.done = true
			t := s.types[o.typ]
			if t == nil {
				t = &typeLatency{typ: o.typ}
				s.types[o.typ] = t
			}
			t.total.add(e.TimeMs - o.init)
			if o.pooled && o.started >= o.queued && o.started > 0 {
				t.pooled = true
				t.wait.add(o.started - o.queued)
			}
		case "destroy":
			delete(s.ops, e.Op)
		}
	}
}

// rows are the types seen, by name.
func (s *latencyStats) rows() []*typeLatency {
	out := make([]*typeLatency, 0, len(s.types))
	for _, t := range s.types {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].typ < out[j].typ })
	return out
}

// latencyPanel is the Latency tab: a row per I/O op type.
type latencyPanel struct {
	w     *Window
	stats *latencyStats
	rows  []*typeLatency
	title *widget.Label
	table *keyTable
	view  fyne.CanvasObject
}

var latencyColumns = []string{"type", "count", "p50", "p95", "p99", "max", "queue p50", "queue p95", "queue p99", "queue max"}

func newLatencyPanel(w *Window) *latencyPanel {
	p := &latencyPanel{w: w, stats: newLatencyStats()}
	p.table = newKeyTable(w.typedKey, func() (int, int) { return len(p.rows), len(latencyColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(p.rows) {
				o.(*widget.Label).SetText(p.cell(id.Row, id.Col))
			}
		})
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(latencyColumns) {
			l.SetText(latencyColumns[id.Col])
			l.TextStyle.Bold = true
		}
	}
	p.table.SetColumnWidth(0, 170)
	for i := 1; i < len(latencyColumns); i++ {
		p.table.SetColumnWidth(i, 90)
	}
	p.title = widget.NewLabel("")
	p.title.Wrapping = fyne.TextWrapWord
	p.view = container.NewBorder(p.title, nil, nil, nil, p.table)
	p.reset()
	return p
}

// reset forgets the previous program's numbers (a new one starts).
func (p *latencyPanel) reset() {
	p.stats = newLatencyStats()
	p.rows = nil
	p.title.SetText("I/O latency per op type: no I/O request has completed yet")
	p.table.Refresh()
}

// add takes one Studio.events batch.
func (p *latencyPanel) add(b inspector.EventsBatch) {
	p.stats.add(b)
	p.rows = p.stats.rows()
	n := 0
	for _, r := range p.rows {
		n += r.total.n
	}
	if n > 0 {
		title := fmt.Sprintf("I/O latency per op type: %d requests, creation → callback; queue: waiting for a worker-pool lane", n)
		p.title.SetText(title)
	}
	if p.stats.dropped > 0 || p.stats.untracked > 0 {
		p.title.SetText(p.title.Text + fmt.Sprintf(" · %d records dropped, %d ops untracked: the figures are incomplete", p.stats.dropped, p.stats.untracked))
	}
	p.table.Refresh()
}

func (p *latencyPanel) cell(row, col int) string {
	r := p.rows[row]
	h := &r.total
	if col >= 6 {
		if !r.pooled {
			return ""
		}
		h, col = &r.wait, col-4
	}
	switch col {
	case 0:
		return r.typ
	case 1:
		return fmt.Sprint(r.total.n)
	case 2:
		return fmtMs(h.quantile(0.50))
	case 3:
		return fmtMs(h.quantile(0.95))
	case 4:
		return fmtMs(h.quantile(0.99))
	case 5:
		return fmtMs(h.max)
	}
	return ""
}

func fmtMs(ms float64) string {
	switch {
	case ms < 1:
		return fmt.Sprintf("%.3f ms", ms)
	case ms < 100:
		return fmt.Sprintf("%.2f ms", ms)
	}
	return fmt.Sprintf("%.0f ms", ms)
}
