package ui

import (
	"fmt"
	"hash/fnv"
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/studiojs/studio/inspector"
)

// The live panels: every number they show comes from Studio.snapshot (or
// the loop state of Studio.paused); nothing is drawn before the first one.

// opColour gives each op type a stable colour (pool lanes, queues).
func opColour(typ string) color.Color {
	palette := []color.NRGBA{
		{0x42, 0x85, 0xf4, 0xff}, {0x0f, 0x9d, 0x58, 0xff}, {0xf4, 0xb4, 0x00, 0xff}, {0xdb, 0x44, 0x37, 0xff},
		{0xab, 0x47, 0xbc, 0xff}, {0x00, 0xac, 0xc1, 0xff}, {0xff, 0x70, 0x43, 0xff}, {0x9e, 0x9d, 0x24, 0xff},
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(typ))
	return palette[h.Sum32()%uint32(len(palette))]
}

// where is an op's creation site as file:line, or "".
func where(l *inspector.SourceLocation) string {
	if l == nil || l.URL == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", filepath.Base(pathOfURL(l.URL)), l.LineNumber)
}

// loopPanel shows one snapshot: the phases with the current one lit and
// the time spent in each, lag and ELU with their recent history, the
// queues with their depth and first entries, and the pool's lanes.
type loopPanel struct {
	w      *Window
	header *widget.Label
	// Learning mode: the pace, where to stop, one step at a time, and why
	// the loop stopped where it did.
	pace                          *widget.Slider
	paceLabel                     *widget.Label
	atPhase                       *widget.Select
	nextCallback, nextPhase, next *widget.Button
	why                           *widget.Label
	phases                        []*phaseBox
	lag                           *widget.Label
	elu                           *widget.Label
	lagSp                         *sparkline
	eluSp                         *sparkline
	queues                        *widget.Label
	pool                          *widget.Label
	lanes                         *fyne.Container
	timeline                      *poolTimeline
	box                           *fyne.Container // the panel's rows
	probe                         *frameProbe     // bench/gui.sh's, or nil
	laneInfo                      *widget.Label   // the job under the mouse
	view                          fyne.CanvasObject

	last  inspector.Snapshot // the snapshot shown, for tests
	count int                // snapshots shown
}

type phaseBox struct {
	bg   *canvas.Rectangle
	name *canvas.Text
	time *canvas.Text
	obj  fyne.CanvasObject
}

func newLoopPanel(w *Window) *loopPanel {
	p := &loopPanel{w: w}
	p.header = widget.NewLabel("No program running")
	p.header.Wrapping = fyne.TextWrapWord
	grid := container.NewGridWithColumns(len(phases))
	for _, name := range phases {
		b := &phaseBox{bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
			name: canvas.NewText(name, theme.Color(theme.ColorNameForeground)),
			time: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
		b.name.Alignment, b.time.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
		b.name.TextSize = theme.TextSize() * 0.85
		b.time.TextSize = theme.TextSize() * 0.8
		b.bg.CornerRadius = 4
		b.obj = container.NewStack(b.bg, container.NewPadded(container.NewVBox(b.name, b.time)))
		p.phases = append(p.phases, b)
		grid.Add(b.obj)
	}
	p.lag, p.elu = widget.NewLabel(""), widget.NewLabel("")
	p.lagSp, p.eluSp = newSparkline(), newSparkline()
	p.eluSp.fixedMax = 1
	metrics := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, p.lag, nil, p.lagSp),
		container.NewBorder(nil, nil, p.elu, nil, p.eluSp))
	p.queues = widget.NewLabel("")
	p.queues.TextStyle = fyne.TextStyle{Monospace: true}
	p.queues.Truncation = fyne.TextTruncateEllipsis // long entries must not widen the panel
	p.pool = widget.NewLabel("")
	p.lanes = container.NewVBox()
	p.timeline = newPoolTimeline()
	p.laneInfo = widget.NewLabel("")
	p.laneInfo.Truncation = fyne.TextTruncateEllipsis
	p.hover(nil, nil)
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.pace = widget.NewSlider(0, 1000)
	p.pace.Step = 50
	p.paceLabel = widget.NewLabel("pace: full speed")
	p.pace.OnChanged = func(v float64) { p.paceLabel.SetText(paceText(v)) }
	p.pace.OnChangeEnded = func(v float64) { w.setPace(v) }
	p.atPhase = widget.NewSelect(append([]string{"no stop"}, phases...), func(s string) {
		if s == "no stop" {
			s = ""
		}
		w.setPhaseStop(s)
	})
	p.atPhase.PlaceHolder = "stop at phase"
	step := func(label, method string) *widget.Button {
		b := widget.NewButton(label, func() { w.stepLoop(method) })
		b.Importance = widget.LowImportance
		return b
	}
	p.nextCallback = step("Next callback", "Studio.stepCallback")
	p.nextPhase = step("Next phase", "Studio.stepPhase")
	p.next = step("Next iteration", "Studio.stepIteration")
	p.why = widget.NewLabel("")
	p.why.Wrapping = fyne.TextWrapWord
	learning := container.NewVBox(
		container.NewBorder(nil, nil, p.paceLabel, p.atPhase, p.pace),
		container.NewHBox(p.nextCallback, p.nextPhase, p.next),
		p.why)
	p.probe = newFrameProbe()
	top := fyne.CanvasObject(p.header)
	if o := p.probe.object(); o != nil {
		top = container.NewBorder(nil, nil, nil, o, p.header)
	}
	p.box = container.NewVBox(top, grid, metrics, learning,
		container.NewHBox(bold("Worker pool"), p.pool), p.lanes, p.laneInfo, bold("Queues"), p.queues)
	p.view = container.NewVScroll(p.box)
	return p
}

func paceText(ms float64) string {
	if ms == 0 {
		return "pace: full speed"
	}
	return fmt.Sprintf("pace: %.0f ms per callback", ms)
}

// reset forgets the previous program's history (a new one starts).
func (p *loopPanel) reset() {
	p.count = 0
	p.lagSp.values, p.eluSp.values = nil, nil
	p.lagSp.Refresh()
	p.eluSp.Refresh()
	p.timeline = newPoolTimeline()
	p.hover(nil, nil)
	p.header.SetText("Starting…")
	p.why.SetText("")
}

// ended says the program is over; the numbers stay, those of the last
// snapshot.
func (p *loopPanel) ended() {
	if p.count > 0 {
		p.header.SetText(fmt.Sprintf("Program ended. Last snapshot: iteration %d at %.1f ms", p.last.Iteration, p.last.TimeMs))
	}
}

func (p *loopPanel) update(s inspector.Snapshot, paused bool) {
	p.last = s
	p.count++
	p.probe.update()
	state := "between callbacks"
	if s.InCallback {
		state = "in a callback"
	}
	if paused {
		state += ", paused"
	}
	p.header.SetText(fmt.Sprintf("Iteration %d · %.1f ms · phase %s · %s · %d pending ops", s.Iteration, s.TimeMs, s.Phase, state, s.PendingTotal))
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := fyne.CurrentApp().Settings().Theme()
	for i, name := range phases {
		b := p.phases[i]
		if name == s.Phase {
			b.bg.FillColor = th.Color(theme.ColorNamePrimary, v)
			b.name.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
			b.time.Color = b.name.Color
			b.name.TextStyle.Bold = true
		} else {
			b.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
			b.name.Color = th.Color(theme.ColorNameForeground, v)
			b.time.Color = th.Color(theme.ColorNamePlaceHolder, v)
			b.name.TextStyle.Bold = false
		}
		b.time.Text = fmt.Sprintf("%.1f ms", s.PhaseTimeMs[name])
		b.bg.Refresh()
		b.name.Refresh()
		b.time.Refresh()
	}
	p.lag.SetText(fmt.Sprintf("lag %.2f ms", s.LagMs))
	p.elu.SetText(fmt.Sprintf("ELU %.0f%%", s.ELU*100))
	p.lagSp.push(s.LagMs)
	p.eluSp.push(s.ELU)

	var q strings.Builder
	for _, name := range queueNames {
		qu := s.Queues[name]
		fmt.Fprintf(&q, "%-11s %5d", name, qu.Depth)
		for i, o := range qu.Top {
			if i == 3 {
				fmt.Fprintf(&q, " …")
				break
			}
			fmt.Fprintf(&q, "  %s#%d", o.Type, o.ID)
			if w := where(o.Location); w != "" {
				fmt.Fprintf(&q, "@%s", w)
			}
		}
		q.WriteByte('\n')
	}
	p.queues.SetText(strings.TrimRight(q.String(), "\n"))

	p.pool.SetText(fmt.Sprintf("%d lanes, %d queued", s.Pool.Size, s.Pool.Queued))
	for len(p.lanes.Objects) < len(s.Pool.Workers) {
		p.lanes.Add(newLane(p, len(p.lanes.Objects)))
	}
	if p.laneInfo.Text == "" && len(p.lanes.Objects) > 0 {
		p.hover(nil, nil) // the legend, now that there are lanes
	}
	for len(p.lanes.Objects) > len(s.Pool.Workers) {
		p.lanes.Remove(p.lanes.Objects[len(p.lanes.Objects)-1])
	}
	for i, wk := range s.Pool.Workers {
		p.lanes.Objects[i].(*lane).show(wk, s.TimeMs, th, v)
	}
}

// setWhy says why the loop stopped where it did ("" when it runs). The
// rows are laid out again: a wrapped label that grows a line would
// otherwise overlap the row below.
func (p *loopPanel) setWhy(text string) {
	p.why.SetText(text)
	p.box.Refresh()
}

// addEvents takes one Studio.events batch for the lanes' history.
func (p *loopPanel) addEvents(b inspector.EventsBatch) {
	p.timeline.add(b)
}

// hover shows the job under the mouse in lane l (nil: none).
func (p *loopPanel) hover(l *lane, s *poolSpan) {
	if s == nil {
		if len(p.lanes.Objects) == 0 {
			p.laneInfo.SetText("") // no program has run yet: nothing to explain
			return
		}
		p.laneInfo.SetText("Lanes: the last seconds; thin bar: waiting in the pool's queue, thick: running; colour: op type. Hover a bar for its op.")
		return
	}
	p.laneInfo.SetText(s.describe(p.w, l.now))
}

// laneWindowMs is how much of a lane's history is drawn, in the right
// laneStripShare of the lane.
const (
	laneWindowMs   = 5000
	laneStripShare = 0.55
)

// lane is one worker of the pool: what it runs now, and on its right a
// strip of the last seconds from the records (poolTimeline): each job as a
// thin bar for its wait in the pool's queue above a thick bar for its run
// on this lane, coloured by the op's type. Hovering a bar says which op
// it was, its times and where it was created.
type lane struct {
	widget.BaseWidget
	p     *loopPanel
	index int
	now   float64 // the latest time shown (snapshot or record)
	bg    *canvas.Rectangle
	text  *canvas.Text
	segs  []*canvas.Rectangle
	objs  []fyne.CanvasObject
}

var _ desktop.Hoverable = (*lane)(nil)

func newLane(p *loopPanel, index int) *lane {
	l := &lane{p: p, index: index, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", nil)}
	l.bg.CornerRadius = 3
	l.text.TextSize = theme.TextSize() * 0.9
	l.ExtendBaseWidget(l)
	return l
}

func (l *lane) show(wk inspector.Lane, now float64, th fyne.Theme, v fyne.ThemeVariant) {
	l.now = max(now, l.p.timeline.now)
	l.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	l.text.Color = th.Color(theme.ColorNameForeground, v)
	if wk.Busy {
		l.text.Text = fmt.Sprintf("lane %d  %s #%d  running %.1f ms", wk.Lane, wk.Type, wk.Op, now-wk.SinceMs)
	} else {
		l.text.Text = fmt.Sprintf("lane %d  idle", wk.Lane)
		l.text.Color = th.Color(theme.ColorNamePlaceHolder, v)
	}
	l.Refresh()
}

// strip is where the history is drawn: its left edge and width.
func (l *lane) strip() (left, width float32) {
	w := l.Size().Width
	return w * (1 - laneStripShare), w * laneStripShare
}

// span is how much time the strip shows (ms): the last laneWindowMs, or
// the run so far while it is shorter (at least a second).
func (l *lane) span() float64 { return min(max(l.now, 1000), laneWindowMs) }

// spanAt is the job drawn at x, if any: the run bar wins over a wait
// bar where they meet.
func (l *lane) spanAt(x float32) *poolSpan {
	left, width := l.strip()
	if x < left || width <= 0 {
		return nil
	}
	t := l.now - l.span() + float64((x-left)/width)*l.span()
	slack := l.span() / float64(width) * 2 // two pixels either way
	spans := l.p.timeline.spans(l.index)
	var waitHit *poolSpan
	for i := len(spans) - 1; i >= 0; i-- {
		s := &spans[i]
		end := s.finished
		if end < 0 {
			end = l.now
		}
		if t >= s.started-slack && t <= end+slack {
			return s
		}
		if waitHit == nil && t >= s.queued-slack && t < s.started {
			waitHit = s
		}
	}
	return waitHit
}

// MouseIn, MouseMoved and MouseOut: hovering a bar describes its job.
func (l *lane) MouseIn(e *desktop.MouseEvent)    { l.MouseMoved(e) }
func (l *lane) MouseMoved(e *desktop.MouseEvent) { l.p.hover(l, l.spanAt(e.Position.X)) }
func (l *lane) MouseOut()                        { l.p.hover(l, nil) }

func (l *lane) MinSize() fyne.Size {
	return fyne.NewSize(120, fyne.MeasureText("M", l.text.TextSize, fyne.TextStyle{}).Height+6)
}

func (l *lane) CreateRenderer() fyne.WidgetRenderer { return &laneRenderer{l: l} }

type laneRenderer struct{ l *lane }

func (r *laneRenderer) Destroy()                     {}
func (r *laneRenderer) MinSize() fyne.Size           { return r.l.MinSize() }
func (r *laneRenderer) Objects() []fyne.CanvasObject { return r.l.objs }
func (r *laneRenderer) Layout(fyne.Size)             { r.Refresh() }

// Refresh draws the jobs of the window. Bars closer than a pixel to the
// previous one of the same type and kind are merged into it, so a
// saturated pool of short jobs costs a rectangle per pixel column at most.
func (r *laneRenderer) Refresh() {
	l := r.l
	size := l.Size()
	left, strip := l.strip()
	l.bg.Move(fyne.NewPos(left, 0))
	l.bg.Resize(fyne.NewSize(strip, size.Height))
	l.bg.Refresh()
	l.objs = append(l.objs[:0], l.bg)
	n := 0
	span := l.span()
	x := func(t float64) float32 {
		return left + float32((t-(l.now-span))/span*float64(strip))
	}
	waitH := max(size.Height*0.3, 2)
	type bar struct {
		x0, x1 float32
		typ    string
		wait   bool
	}
	var last [2]*canvas.Rectangle // the previous wait and run bars
	var lastBar [2]bar
	add := func(b bar) {
		b.x0 = max(b.x0, left)
		b.x1 = min(b.x1, left+strip)
		if b.x1 <= b.x0 {
			return
		}
		k := 1
		if b.wait {
			k = 0
		}
		if prev := last[k]; prev != nil && lastBar[k].typ == b.typ && b.x0 <= lastBar[k].x1+1 {
			lastBar[k].x1 = max(lastBar[k].x1, b.x1)
			prev.Resize(fyne.NewSize(lastBar[k].x1-lastBar[k].x0, prev.Size().Height))
			return
		}
		if n == len(l.segs) {
			l.segs = append(l.segs, canvas.NewRectangle(nil))
		}
		seg := l.segs[n]
		n++
		c := opColour(b.typ).(color.NRGBA)
		if b.wait {
			c.A = 0x70
			seg.Move(fyne.NewPos(b.x0, 0))
			seg.Resize(fyne.NewSize(b.x1-b.x0, waitH))
		} else {
			seg.Move(fyne.NewPos(b.x0, waitH+1))
			seg.Resize(fyne.NewSize(b.x1-b.x0, size.Height-waitH-1))
		}
		seg.FillColor = c
		seg.Refresh()
		l.objs = append(l.objs, seg)
		last[k], lastBar[k] = seg, b
	}
	for _, s := range l.p.timeline.spans(l.index) {
		end := s.finished
		if end < 0 {
			end = l.now
		}
		if end < l.now-span {
			continue
		}
		if s.started > s.queued {
			add(bar{x(s.queued), x(s.started), s.typ, true})
		}
		add(bar{x(s.started), max(x(end), x(s.started)+1), s.typ, false})
	}
	l.text.Move(fyne.NewPos(2, 3))
	l.text.Resize(fyne.NewSize(left-8, size.Height-6))
	l.text.Refresh()
	l.objs = append(l.objs, l.text)
}

// sparkline draws the recent values of one metric.
type sparkline struct {
	widget.BaseWidget
	bg       *canvas.Rectangle
	values   []float64
	fixedMax float64 // 0: scale to the largest value shown
	lines    []*canvas.Line
	objs     []fyne.CanvasObject
}

const sparklinePoints = 120

func newSparkline() *sparkline {
	s := &sparkline{bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	s.bg.CornerRadius = 3
	s.ExtendBaseWidget(s)
	return s
}

func (s *sparkline) push(v float64) {
	s.values = append(s.values, v)
	if len(s.values) > sparklinePoints {
		s.values = s.values[len(s.values)-sparklinePoints:]
	}
	s.Refresh()
}

func (s *sparkline) MinSize() fyne.Size { return fyne.NewSize(60, 24) }

func (s *sparkline) CreateRenderer() fyne.WidgetRenderer { return &sparkRenderer{s: s} }

type sparkRenderer struct{ s *sparkline }

func (r *sparkRenderer) Destroy()                     {}
func (r *sparkRenderer) MinSize() fyne.Size           { return r.s.MinSize() }
func (r *sparkRenderer) Objects() []fyne.CanvasObject { return r.s.objs }
func (r *sparkRenderer) Layout(fyne.Size)             { r.Refresh() }

func (r *sparkRenderer) Refresh() {
	s := r.s
	size := s.Size()
	top := s.fixedMax
	for _, v := range s.values {
		top = max(top, v)
	}
	if top <= 0 {
		top = 1
	}
	n := len(s.values)
	for len(s.lines) < n {
		ln := canvas.NewLine(theme.Color(theme.ColorNamePrimary))
		ln.StrokeWidth = 1.5
		s.lines = append(s.lines, ln)
	}
	s.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	s.bg.Resize(size)
	s.bg.Refresh()
	s.objs = append(s.objs[:0], s.bg)
	step := size.Width / float32(sparklinePoints-1)
	x0 := size.Width - float32(n-1)*step
	y := func(v float64) float32 { return size.Height - 2 - float32(v/top)*(size.Height-4) }
	for i := 1; i < n; i++ {
		ln := s.lines[i]
		ln.StrokeColor = theme.Color(theme.ColorNamePrimary)
		ln.Position1 = fyne.NewPos(x0+float32(i-1)*step, y(s.values[i-1]))
		ln.Position2 = fyne.NewPos(x0+float32(i)*step, y(s.values[i]))
		ln.Refresh()
		s.objs = append(s.objs, ln)
	}
}

// pendingPanel is the pending async ops table: id, type, age, state and
// creation site; selecting a row opens the site.
type pendingPanel struct {
	w     *Window
	ops   []inspector.OpRef
	total int
	table *keyTable
	title *widget.Label
	view  fyne.CanvasObject
}

var pendingColumns = []string{"id", "type", "age", "state", "created at"}

func newPendingPanel(w *Window) *pendingPanel {
	p := &pendingPanel{w: w}
	p.table = newKeyTable(w.typedKey, func() (int, int) { return len(p.ops), len(pendingColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(p.ops) {
				return
			}
			o.(*widget.Label).SetText(p.cell(p.ops[id.Row], id.Col))
		})
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(pendingColumns) {
			l.SetText(pendingColumns[id.Col])
			l.TextStyle.Bold = true
		}
	}
	for i, wd := range []float32{50, 130, 85, 130, 420} {
		p.table.SetColumnWidth(i, wd)
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.ops) {
			p.jump(p.ops[id.Row])
		}
		p.table.UnselectAll()
	}
	p.title = widget.NewLabel("")
	p.view = container.NewBorder(p.title, nil, nil, nil, p.table)
	return p
}

func (p *pendingPanel) cell(o inspector.OpRef, col int) string {
	switch col {
	case 0:
		return fmt.Sprint(o.ID)
	case 1:
		return o.Type
	case 2:
		return fmt.Sprintf("%.1f ms", o.AgeMs)
	case 3:
		return o.State
	case 4:
		if o.Location == nil {
			return ""
		}
		at := p.w.rel(pathOfURL(o.Location.URL)) + fmt.Sprintf(":%d", o.Location.LineNumber)
		if fn := o.Location.Function; fn != "" {
			at += "  in " + fn
		}
		return at
	}
	return ""
}

// jump opens the file and line where op was created.
func (p *pendingPanel) jump(o inspector.OpRef) {
	if o.Location == nil || o.Location.URL == "" {
		return
	}
	if ed := p.w.openFile(pathOfURL(o.Location.URL)); ed != nil {
		ed.MoveCursor(o.Location.LineNumber - 1)
		p.w.focusEditor(ed)
	}
}

func (p *pendingPanel) update(s inspector.Snapshot) {
	p.ops, p.total = s.Pending, s.PendingTotal
	p.title.SetText(fmt.Sprintf("Pending async operations: %d (%d listed)", s.PendingTotal, len(s.Pending)))
	p.table.Refresh()
}
