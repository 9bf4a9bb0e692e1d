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

// varNode is a scope or a property in the variables tree.
type varNode struct {
	label    string
	objectID string // expandable when set
	children []string
	loaded   bool
	loading  bool
}

// varsPanel is the selected frame's scopes as a tree: each object expands
// through Runtime.getProperties.
type varsPanel struct {
	w     *Window
	nodes map[string]*varNode
	roots []string
	seq   int
	gen   int // bumps when the pause changes, so that late answers are dropped
	tree  *keyTree
	view  fyne.CanvasObject
}

func newVarsPanel(w *Window) *varsPanel {
	p := &varsPanel{w: w, nodes: map[string]*varNode{}}
	p.tree = newKeyTree(w.typedKey,
		func(id widget.TreeNodeID) []widget.TreeNodeID {
			if id == "" {
				return p.roots
			}
			n := p.nodes[id]
			if n == nil {
				return nil
			}
			if !n.loaded {
				p.load(id)
			}
			return n.children
		},
		func(id widget.TreeNodeID) bool {
			if id == "" {
				return true
			}
			n := p.nodes[id]
			return n != nil && n.objectID != ""
		},
		func(bool) fyne.CanvasObject {
			l := widget.NewLabel("")
			l.TextStyle = fyne.TextStyle{Monospace: true}
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			if n := p.nodes[id]; n != nil {
				o.(*widget.Label).SetText(n.label)
			}
		})
	p.view = p.tree
	return p
}

func (p *varsPanel) add(label, objectID string) string {
	p.seq++
	id := strconv.Itoa(p.seq)
	p.nodes[id] = &varNode{label: label, objectID: objectID}
	return id
}

// show lists a frame's scopes; the first (local) opens at once.
func (p *varsPanel) show(scopes []inspector.Scope) {
	p.gen++
	p.nodes = map[string]*varNode{}
	p.roots = nil
	for _, sc := range scopes {
		label := sc.Type
		if sc.Name != "" {
			label += " (" + sc.Name + ")"
		}
		p.roots = append(p.roots, p.add(label, sc.Object.ObjectID))
	}
	p.tree.Refresh()
	for i, id := range p.roots {
		if i == 0 || scopes[i].Type == "closure" {
			p.tree.OpenBranch(id)
		}
	}
}

// load asks for an object's properties and fills the node when they come.
func (p *varsPanel) load(id string) {
	n := p.nodes[id]
	if n.loading || n.objectID == "" || p.w.sess == nil {
		return
	}
	n.loading = true
	gen := p.gen
	var res inspector.PropertiesResult
	p.w.call(p.w.sess, "Runtime.getProperties", map[string]any{"objectId": n.objectID, "ownProperties": true, "generatePreview": true}, &res, func(err error) {
		if gen != p.gen {
			return
		}
		n.loading, n.loaded = false, true
		if err != nil {
			n.children = []string{p.add("error: "+err.Error(), "")}
			p.tree.Refresh()
			return
		}
		// The target's order, as DevTools shows it.
		props := make([]inspector.PropertyDescriptor, 0, len(res.InternalProperties)+len(res.Result))
		for _, ip := range res.InternalProperties {
			props = append(props, inspector.PropertyDescriptor{Name: ip.Name, Value: ip.Value})
		}
		for _, pr := range append(props, res.Result...) {
			switch {
			case pr.Value != nil:
				n.children = append(n.children, p.add(pr.Name+": "+objectString(*pr.Value), pr.Value.ObjectID))
			case pr.Get != nil:
				n.children = append(n.children, p.add(pr.Name+": (getter)", ""))
			}
		}
		p.tree.Refresh()
	})
}

// labels lists every loaded node's label (tests look values up here).
func (p *varsPanel) labels() []string {
	var out []string
	var walk func(ids []string)
	walk = func(ids []string) {
		for _, id := range ids {
			n := p.nodes[id]
			out = append(out, n.label)
			walk(n.children)
		}
	}
	walk(p.roots)
	return out
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
