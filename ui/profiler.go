package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/studiojs/studio/inspector"
)

// The Profiler tab (issue 7 in the window): the numbers `studio run
// --prof-io` prints at exit, live, per op type and call site (queue wait,
// service, callback delay and total as p50/p95/p99/max; the slowest ops
// with their creation stacks), and the warnings of `--warnings` as they
// arise. All of it is the inspector's (Studio.getIOProfile,
// Studio.warnings), computed by runtime/ioprof and runtime/warnings.

// profilePollInterval is how often a running program's profile is asked
// for.
const profilePollInterval = time.Second

// The table's columns. It shows one quantile of the four times at a
// time (the select over it picks which), so that every column fits the
// bottom panel of the default 1400x900 window without a sideways scroll;
// profilerLegend says what the short headers mean.
var (
	profilerColumns = []string{"type", "call site", "n", "total", "wait", "service", "callback"}
	profilerWidths  = []float32{140, 140, 40, 58, 58, 64, 72}
)

// profilerQuantiles are the quantiles the table can show, in the select.
var profilerQuantiles = []string{"p50", "p95", "p99", "max"}

// profilerLegend heads the slowest ops, over which it scrolls away (the
// panel is short): its lines are broken by hand, as the pane scrolls
// sideways for the stacks.
const profilerLegend = "n: requests · times in ms, at the quantile above\n" +
	"total = wait (queued for a pool lane) + service\n" +
	"(the work) + callback (from done until it ran)"

type profilerPanel struct {
	w        *Window
	tab      *container.TabItem
	prof     inspector.IOProfile
	warns    inspector.WarningsEvent
	title    *widget.Label
	quantile *widget.Select
	table    *keyTable
	slowest  *widget.Label
	warnList *widget.List
	warnInfo *widget.Label
	view     fyne.CanvasObject
	updates  int // profiles shown, for tests
}

func newProfilerPanel(w *Window) *profilerPanel {
	p := &profilerPanel{w: w}
	p.table = newKeyTable(w.typedKey, func() (int, int) { return len(p.prof.Stats), len(profilerColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(p.prof.Stats) {
				o.(*widget.Label).SetText(p.cell(id.Row, id.Col))
			}
		})
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(profilerColumns) {
			l.SetText(profilerColumns[id.Col])
			l.TextStyle.Bold = true
		}
	}
	for i, wd := range profilerWidths {
		p.table.SetColumnWidth(i, wd)
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.prof.Stats) {
			w.jumpToSite(p.prof.Stats[id.Row].Site)
		}
		p.table.UnselectAll()
	}
	p.title = widget.NewLabel("")
	p.title.Truncation = fyne.TextTruncateEllipsis
	p.quantile = widget.NewSelect(profilerQuantiles, func(string) { p.table.Refresh() })
	p.quantile.SetSelected("p95")
	p.slowest = widget.NewLabel("")
	p.slowest.TextStyle = fyne.TextStyle{Monospace: true}
	p.warnList = widget.NewList(func() int { return len(p.warns.Warnings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.warns.Warnings) {
				x := p.warns.Warnings[i]
				o.(*widget.Label).SetText(fmt.Sprintf("⚠ %s: %s", x.Kind, x.Message))
			}
		})
	p.warnList.OnSelected = func(i widget.ListItemID) {
		if i < len(p.warns.Warnings) {
			x := p.warns.Warnings[i]
			p.warnInfo.SetText(warningText(x))
			if len(x.Where) > 0 {
				w.jumpToSite(x.Where[0])
			}
		}
	}
	p.warnInfo = widget.NewLabel("")
	p.warnInfo.Wrapping = fyne.TextWrapWord
	warnings := container.NewBorder(widget.NewLabelWithStyle("Warnings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVScroll(p.warnInfo), nil, nil, p.warnList)
	// The table takes the panel's width; the slowest ops and the
	// warnings share the space under it.
	legend := widget.NewLabel(profilerLegend)
	legend.Importance = widget.LowImportance
	below := container.NewHSplit(container.NewScroll(container.NewVBox(legend, p.slowest)), warnings)
	below.Offset = 0.62
	split := container.NewVSplit(p.table, below)
	split.Offset = 0.45
	p.view = container.NewBorder(container.NewBorder(nil, nil, nil, p.quantile, p.title), nil, nil, nil, split)
	p.reset()
	return p
}

// tabItem is the panel's tab in the window's bottom tabs.
func (p *profilerPanel) tabItem() *container.TabItem {
	p.tab = container.NewTabItem("Profiler", p.view)
	return p.tab
}

// reset forgets the previous program's profile (a new one starts).
func (p *profilerPanel) reset() {
	p.prof = inspector.IOProfile{}
	p.warns = inspector.WarningsEvent{}
	p.title.SetText("I/O latency by op type and call site: no I/O request has completed yet")
	p.slowest.SetText("")
	p.warnInfo.SetText("No warnings so far.")
	p.table.Refresh()
	p.warnList.Refresh()
	p.setTabTitle()
}

// setProfile shows a Studio.getIOProfile answer.
func (p *profilerPanel) setProfile(r inspector.IOProfile) {
	p.prof = r
	p.updates++
	n := uint64(0)
	for _, st := range r.Stats {
		n += st.Count
	}
	if n > 0 {
		state := "live"
		if r.Final {
			state = "final"
		}
		p.title.SetText(fmt.Sprintf("I/O latency by op type and call site, %d requests, %s", n, state))
	}
	if r.Dropped > 0 {
		p.title.SetText(p.title.Text + fmt.Sprintf(" · %d records dropped: the figures are incomplete", r.Dropped))
	}
	var b strings.Builder
	if len(r.Sync) > 0 {
		b.WriteString("Synchronous calls, time they blocked the loop (ms: p50 / p95 / p99 / max):\n")
		for _, st := range r.Sync {
			api := st.API
			if api != st.Call {
				api += " (" + st.Call + ")"
			}
			fmt.Fprintf(&b, "  %s at %s  ×%d  %s\n", api, p.w.relSite(st.Site), st.Count, quantilesText(st.BlockedMs))
		}
		b.WriteString("\n")
	}
	if len(r.Slowest) > 0 {
		fmt.Fprintf(&b, "Slowest %d operations:\n", len(r.Slowest))
	}
	for _, s := range r.Slowest {
		fmt.Fprintf(&b, "%s #%d  %s total (wait %s, service %s, callback delay %s)\n", s.Type, s.Op,
			fmtMs(s.TotalMs), fmtMs(s.QueueWaitMs), fmtMs(s.ServiceMs), fmtMs(s.CallbackDelayMs))
		for i, f := range s.Stack {
			if i == 6 {
				break
			}
			fmt.Fprintf(&b, "    at %s (%s:%d:%d)\n", funcName(f.Function), p.w.rel(pathOfURL(f.URL)), f.LineNumber, f.ColumnNumber)
		}
	}
	p.slowest.SetText(strings.TrimRight(b.String(), "\n"))
	p.table.Refresh()
}

// setWarnings shows Studio.warnings (or Studio.getWarnings' answer).
func (p *profilerPanel) setWarnings(ev inspector.WarningsEvent) {
	p.warns = ev
	p.warnList.UnselectAll()
	switch {
	case len(ev.Warnings) == 0 && ev.Final:
		p.warnInfo.SetText("No warnings: none of the patterns was seen in this run.")
	case len(ev.Warnings) == 0:
		p.warnInfo.SetText("No warnings so far.")
	default:
		p.warnInfo.SetText(fmt.Sprintf("%d warnings; select one for its details and source.", len(ev.Warnings)))
	}
	if ev.Dropped > 0 {
		p.warnInfo.SetText(p.warnInfo.Text + fmt.Sprintf(" %d records were dropped: warnings may be missing or wrong.", ev.Dropped))
	}
	p.warnList.Refresh()
	p.setTabTitle()
}

func (p *profilerPanel) setTabTitle() {
	if p.tab == nil {
		return
	}
	text := "Profiler"
	if n := len(p.warns.Warnings); n > 0 {
		text = fmt.Sprintf("Profiler ⚠ %d", n)
	}
	if p.tab.Text != text {
		p.tab.Text = text
		p.w.bottom.Refresh()
	}
}

func (p *profilerPanel) cell(row, col int) string {
	st := p.prof.Stats[row]
	switch col {
	case 0:
		return st.Type
	case 1:
		return p.w.relSite(st.Site)
	case 2:
		return strconv.FormatUint(st.Count, 10)
	case 3:
		return p.quantileText(st.TotalMs)
	case 4:
		if st.QueueWaitMs == nil {
			return "-"
		}
		return p.quantileText(*st.QueueWaitMs)
	case 5:
		return p.quantileText(st.ServiceMs)
	case 6:
		return p.quantileText(st.CallbackDelayMs)
	}
	return ""
}

// quantileText is the quantile of q the select picks, in ms, in at most
// six characters (the columns are narrow).
func (p *profilerPanel) quantileText(q inspector.Quantiles) string {
	v := q.P95
	switch p.quantile.Selected {
	case "p50":
		v = q.P50
	case "p99":
		v = q.P99
	case "max":
		v = q.Max
	}
	switch {
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64)
	case v < 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

func quantilesText(q inspector.Quantiles) string {
	return fmt.Sprintf("%.2f / %.2f / %.2f / %.2f", q.P50, q.P95, q.P99, q.Max)
}

// warningText is a warning as `studio run --warnings` prints it.
func warningText(x inspector.Warning) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", x.Kind, x.Message)
	for _, s := range x.Where {
		fmt.Fprintf(&b, "\n    at %s", s)
	}
	var parts []string
	for _, f := range x.Evidence {
		if f.Unit == "ms" {
			parts = append(parts, fmt.Sprintf("%s %.2f ms", f.Name, f.Value))
		} else {
			parts = append(parts, fmt.Sprintf("%s %g", f.Name, f.Value))
		}
	}
	if len(parts) > 0 {
		prefix := ""
		if x.Count > 1 {
			prefix = fmt.Sprintf("seen %d times; the worst: ", x.Count)
		}
		fmt.Fprintf(&b, "\n    %s%s", prefix, strings.Join(parts, ", "))
	}
	return b.String()
}

// relSite is a file:line site with the file relative to the project.
func (w *Window) relSite(site string) string {
	i := strings.LastIndexByte(site, ':')
	if i <= 0 {
		return site
	}
	return w.rel(site[:i]) + site[i:]
}

// jumpToSite opens a file:line site in the editor.
func (w *Window) jumpToSite(site string) {
	i := strings.LastIndexByte(site, ':')
	if i <= 0 || !strings.HasPrefix(site, "/") {
		return
	}
	line, err := strconv.Atoi(site[i+1:])
	if err != nil {
		return
	}
	if ed := w.openFile(site[:i]); ed != nil {
		ed.MoveCursor(line - 1)
		w.focusEditor(ed)
	}
}

// pollProfile asks for the running program's I/O profile every
// profilePollInterval until it ends. Off the UI goroutine.
func (w *Window) pollProfile(s *session) {
	tick := time.NewTicker(profilePollInterval)
	defer tick.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-s.prog.Done():
			return
		case <-tick.C:
			w.fetchProfile(s)
		}
	}
}

// fetchProfile asks for the I/O profile once and shows it.
func (w *Window) fetchProfile(s *session) {
	ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
	defer cancel()
	r, err := s.prog.Client().IOProfile(ctx)
	if err != nil {
		return // the program is ending; its final profile comes from setUp
	}
	w.do(func() {
		if w.sess == s {
			w.profilerPanel.setProfile(r)
		}
	})
}

// finalProfile fetches the profile and warnings of a program that has
// ended, before its connection closes, and prints the warnings in the
// console as `studio run --warnings` prints them at exit. Off the UI
// goroutine.
func (w *Window) finalProfile(s *session) {
	ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
	defer cancel()
	c := s.prog.Client()
	prof, perr := c.IOProfile(ctx)
	warns, werr := c.Warnings(ctx)
	w.do(func() {
		if w.sess != s {
			return
		}
		if perr == nil {
			w.profilerPanel.setProfile(prof)
		}
		if werr == nil {
			w.profilerPanel.setWarnings(warns)
			if len(warns.Warnings) > 0 {
				var b strings.Builder
				fmt.Fprintf(&b, "warnings: %d (Profiler tab)", len(warns.Warnings))
				for _, x := range warns.Warnings {
					b.WriteString("\n  " + strings.ReplaceAll(warningText(x), "\n", "\n  "))
				}
				w.console.add(lineInfo, b.String())
			}
		}
	})
}
