package ui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/studiojs/studio/inspector"
)

// stackEntry is one row of the call stack: a frame of the pause
// (frame >= 0), an async boundary (a heading), or a frame of the async
// chain (frame -1, with a position to open).
type stackEntry struct {
	label   string
	frame   int
	heading bool
	path    string
	line    int // 0-based
}

// stackPanel is the call stack of a pause: Debugger.paused's callFrames,
// then its asyncStackTrace, parent by parent.
type stackPanel struct {
	w       *Window
	entries []stackEntry
	list    *keyList
	view    fyne.CanvasObject
}

func newStackPanel(w *Window) *stackPanel {
	p := &stackPanel{w: w}
	p.list = newKeyList(w.typedKey, func() int { return len(p.entries) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			e := p.entries[id]
			l.TextStyle = fyne.TextStyle{Italic: e.heading}
			l.Importance = widget.MediumImportance
			if e.heading || e.frame < 0 {
				l.Importance = widget.LowImportance
			}
			l.SetText(e.label)
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		e := p.entries[id]
		switch {
		case e.frame >= 0:
			w.selectFrame(e.frame)
			w.focusEditor(w.pausedEditor)
		case !e.heading && e.path != "":
			if ed := w.openFile(e.path); ed != nil {
				ed.MoveCursor(e.line)
				w.focusEditor(ed)
			}
		}
	}
	p.view = p.list
	return p
}

func (p *stackPanel) show(ev *inspector.PausedEvent) {
	p.entries = p.entries[:0]
	if ev != nil {
		for i, f := range ev.CallFrames {
			path := pathOfURL(f.URL)
			p.entries = append(p.entries, stackEntry{
				label: fmt.Sprintf("%s  %s:%d", funcName(f.FunctionName), filepath.Base(path), f.Location.LineNumber+1),
				frame: i, path: path, line: f.Location.LineNumber})
		}
		for st := ev.AsyncStackTrace; st != nil; st = st.Parent {
			p.entries = append(p.entries, stackEntry{label: "── " + st.Description + " ──", frame: -1, heading: true})
			for _, f := range st.CallFrames {
				path := pathOfURL(f.URL)
				p.entries = append(p.entries, stackEntry{
					label: fmt.Sprintf("%s  %s:%d", funcName(f.FunctionName), filepath.Base(path), f.LineNumber+1),
					frame: -1, path: path, line: f.LineNumber})
			}
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
}

// varsPanel is the selected frame's scopes as a value tree: the scopes
// its scopeChain carries, each object expanding through
// Runtime.getProperties; a variable or a property can be set.
type varsPanel struct {
	*valueTree
	view fyne.CanvasObject
	// seen are the scopes shown before: the user's choice to open or
	// close them stands.
	seen map[string]bool
}

func newVarsPanel(w *Window) *varsPanel {
	p := &varsPanel{valueTree: newValueTree(w), seen: map[string]bool{}}
	p.menu = func(id string) *fyne.Menu { return w.valueMenu(p.valueTree, id) }
	p.view = p.tree
	return p
}

// show lists a frame's scopes. The first (local) and closures open the
// first time; after that the branches the user left open stay open.
func (p *varsPanel) show(scopes []inspector.Scope) {
	p.reset()
	for i, sc := range scopes {
		label := sc.Type
		if sc.Name != "" {
			label += " (" + sc.Name + ")"
		}
		id, n := p.add("", sc.Type+strconv.Itoa(i), label, sc.Object.ObjectID)
		n.scopeOf = i
		if !p.seen[n.path] {
			p.seen[n.path] = true
			if i == 0 || sc.Type == "closure" {
				p.open[n.path] = true
			}
		}
		p.roots = append(p.roots, id)
	}
	p.done()
}

// breakpointsPanel lists the breakpoints: a checkbox enables each, the
// row says where it is, whether it is bound, its hits, condition and log
// message, and opens its line; its button removes it. Above, the
// exception pause setting.
type breakpointsPanel struct {
	w    *Window
	list *keyList
	bps  []*breakpoint
	// onExceptions is Debugger.setPauseOnExceptions' state: none,
	// uncaught or all.
	onExceptions *widget.Select
	view         fyne.CanvasObject
	// hitsBusy: a Studio.getBreakpoints call is on its way; hitsAt: when
	// the last one left.
	hitsBusy bool
	hitsAt   time.Time
}

// exceptionStates are the exception pause settings as the select shows
// them and as the protocol names them.
var exceptionStates = []struct{ label, state string }{
	{"Never", "none"}, {"Uncaught exceptions", "uncaught"}, {"All exceptions", "all"},
}

// exceptionPrefKey keeps the exception pause setting.
const exceptionPrefKey = "studio.debug.pauseOnExceptions"

func newBreakpointsPanel(w *Window) *breakpointsPanel {
	p := &breakpointsPanel{w: w}
	p.list = newKeyList(w.typedKey, func() int { return len(p.bps) },
		func() fyne.CanvasObject {
			rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			rm.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, widget.NewCheck("", nil), rm, widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			bp := p.bps[id]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(p.rowText(bp))
			check := c.Objects[1].(*widget.Check)
			check.OnChanged = nil
			check.SetChecked(!bp.disabled)
			check.OnChanged = func(on bool) { w.setBreakpointEnabled(bp, on) }
			c.Objects[2].(*widget.Button).OnTapped = func() { w.ToggleBreakpoint(bp.path, bp.line) }
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		bp := p.bps[id]
		if ed := w.openFile(bp.path); ed != nil {
			ed.MoveCursor(bp.line)
			w.focusEditor(ed)
		}
		p.list.UnselectAll()
	}
	var labels []string
	selected := 0
	saved := fyne.CurrentApp().Preferences().String(exceptionPrefKey)
	for i, e := range exceptionStates {
		labels = append(labels, e.label)
		if e.state == saved {
			selected = i
		}
	}
	p.onExceptions = widget.NewSelect(labels, func(string) {
		state := p.exceptions()
		fyne.CurrentApp().Preferences().SetString(exceptionPrefKey, state)
		if s := w.sess; s != nil && s.debug {
			w.call(s, "Debugger.setPauseOnExceptions", map[string]any{"state": state}, nil, nil)
		}
	})
	p.onExceptions.SetSelectedIndex(selected)
	p.view = container.NewBorder(container.NewHBox(widget.NewLabel("Pause on"), p.onExceptions), nil, nil, nil, p.list)
	return p
}

// exceptions is the exception pause setting as the protocol names it.
func (p *breakpointsPanel) exceptions() string {
	if i := p.onExceptions.SelectedIndex(); i >= 0 {
		return exceptionStates[i].state
	}
	return "none"
}

// rowText is a breakpoint's line in the list.
func (p *breakpointsPanel) rowText(bp *breakpoint) string {
	state := "not running"
	switch {
	case bp.disabled:
		state = "disabled"
	case bp.resolved:
		state = "bound"
	case bp.id != "":
		state = "not bound yet"
	}
	return fmt.Sprintf("%s %s:%d   %s%s", bp.marker(), p.w.rel(bp.path), bp.line+1, state, bp.describe())
}

func (p *breakpointsPanel) refresh() {
	if p == nil {
		return
	}
	p.bps = p.w.breakpointList()
	p.list.Refresh()
}
