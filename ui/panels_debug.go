package ui

import (
	"fmt"
	"path/filepath"
	"strconv"

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
}

func newVarsPanel(w *Window) *varsPanel {
	p := &varsPanel{valueTree: newValueTree(w)}
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
		if _, seen := p.open["?"+n.path]; !seen {
			p.open["?"+n.path] = true
			if i == 0 || sc.Type == "closure" {
				p.open[n.path] = true
			}
		}
		p.roots = append(p.roots, id)
	}
	p.done()
}

// breakpointsPanel lists the breakpoints; a row opens its line, its
// button removes it.
type breakpointsPanel struct {
	w    *Window
	list *keyList
	bps  []*breakpoint
	view fyne.CanvasObject
}

func newBreakpointsPanel(w *Window) *breakpointsPanel {
	p := &breakpointsPanel{w: w}
	p.list = newKeyList(w.typedKey, func() int { return len(p.bps) },
		func() fyne.CanvasObject {
			rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			rm.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, rm, widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			bp := p.bps[id]
			c := o.(*fyne.Container)
			state := "not running"
			switch {
			case bp.resolved:
				state = "bound"
			case bp.id != "":
				state = "not bound yet"
			}
			c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s %s:%d   %s%s", bp.marker(), w.rel(bp.path), bp.line+1, state, bp.describe()))
			c.Objects[1].(*widget.Button).OnTapped = func() { w.ToggleBreakpoint(bp.path, bp.line) }
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		bp := p.bps[id]
		if ed := w.openFile(bp.path); ed != nil {
			ed.MoveCursor(bp.line)
			w.focusEditor(ed)
		}
		p.list.UnselectAll()
	}
	p.view = p.list
	return p
}

func (p *breakpointsPanel) refresh() {
	if p == nil {
		return
	}
	p.bps = p.w.breakpointList()
	p.list.Refresh()
}
