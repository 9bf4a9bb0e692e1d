package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/studiojs/studio/inspector"
)

// Value trees: the variables of the selected frame and the watch
// expressions are trees of JavaScript values, each object expanding
// through Runtime.getProperties. A variable or a property can be given a
// new value: the text is evaluated where the program is (the selected
// frame when paused), then set with Debugger.setVariableValue (a
// variable) or Runtime.callFunctionOn (a property), as DevTools does.

// valueNode is one row of a value tree: a scope, a watch expression, a
// variable or a property.
type valueNode struct {
	label    string
	name     string // the variable's or property's name
	objectID string // expandable when set
	// path names the node by the names from its root, so that a refresh
	// (a step, a new value) opens the same branches again.
	path     string
	children []string
	loaded   bool
	loading  bool
	// Where a new value goes: a variable of scope number scope of the
	// selected frame, or a property of the object parent. Neither: the
	// node cannot be set.
	scope  int
	parent string
	// scopeOf is, for a scope, its number in the frame's scope chain
	// (-1 for other nodes): its properties are variables.
	scopeOf int
	// src and srcLine (0-based) are a source line that selecting the
	// node opens (a function's [[FunctionLocation]]).
	src     string
	srcLine int
}

func (n *valueNode) settable() bool { return n.scope >= 0 || n.parent != "" }

// valueTree holds the nodes and the tree widget. All its fields belong to
// the UI goroutine.
type valueTree struct {
	w        *Window
	nodes    map[string]*valueNode
	roots    []string
	seq      int
	gen      int // bumps when the roots change, so that late answers are dropped
	open     map[string]bool
	tree     *keyTree
	selected string
	// edit, when set, handles a double click first (true: handled).
	edit func(id string) bool
	// menu is a row's right-click menu (nil: none).
	menu func(id string) *fyne.Menu
}

func newValueTree(w *Window) *valueTree {
	t := &valueTree{w: w, nodes: map[string]*valueNode{}, open: map[string]bool{}}
	t.tree = newKeyTree(w.typedKey,
		func(id widget.TreeNodeID) []widget.TreeNodeID {
			if id == "" {
				return t.roots
			}
			n := t.nodes[id]
			if n == nil {
				return nil
			}
			if !n.loaded {
				t.load(id)
			}
			return n.children
		},
		func(id widget.TreeNodeID) bool {
			if id == "" {
				return true
			}
			n := t.nodes[id]
			return n != nil && n.objectID != ""
		},
		func(bool) fyne.CanvasObject { return newValueRow(t) },
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			r := o.(*valueRow)
			r.id = id
			if n := t.nodes[id]; n != nil {
				r.SetText(n.label)
			}
		})
	t.tree.OnSelected = func(id widget.TreeNodeID) {
		t.selected = id
		if n := t.nodes[id]; n != nil && n.src != "" {
			t.tree.UnselectAll() // so that it opens again on the next click
			if ed := t.w.openFile(n.src); ed != nil {
				ed.MoveCursor(n.srcLine)
				t.w.focusEditor(ed)
			}
		}
	}
	t.tree.OnBranchOpened = func(id widget.TreeNodeID) {
		if n := t.nodes[id]; n != nil {
			t.open[n.path] = true
			t.load(id)
		}
	}
	t.tree.OnBranchClosed = func(id widget.TreeNodeID) {
		if n := t.nodes[id]; n != nil {
			delete(t.open, n.path)
		}
	}
	return t
}

// reset drops every node; the caller adds the new roots and calls done.
func (t *valueTree) reset() {
	t.gen++
	t.nodes = map[string]*valueNode{}
	t.roots = nil
}

// add makes a node; parentPath is the path of the node it belongs to.
func (t *valueTree) add(parentPath, name, label, objectID string) (string, *valueNode) {
	t.seq++
	id := strconv.Itoa(t.seq)
	n := &valueNode{label: label, name: name, objectID: objectID, path: parentPath + "/" + name, scope: -1, scopeOf: -1}
	t.nodes[id] = n
	return id, n
}

// done shows the roots and opens those that were open before.
func (t *valueTree) done() {
	t.tree.Refresh()
	t.reopen(t.roots)
}

func (t *valueTree) reopen(ids []string) {
	for _, id := range ids {
		if n := t.nodes[id]; n != nil && n.objectID != "" && t.open[n.path] {
			t.tree.OpenBranch(id)
			if !n.loaded {
				t.load(id)
			}
		}
	}
}

// valueLabel is "name: value" in one line.
func valueLabel(name string, v inspector.RemoteObject) string {
	return name + ": " + objectString(v)
}

// load asks for an object's properties and fills the node when they come.
func (t *valueTree) load(id string) {
	n := t.nodes[id]
	s := t.w.sess
	if n == nil || n.loading || n.loaded || n.objectID == "" || s == nil {
		return
	}
	n.loading = true
	gen := t.gen
	var res inspector.PropertiesResult
	t.w.call(s, "Runtime.getProperties", map[string]any{"objectId": n.objectID, "ownProperties": true, "generatePreview": true}, &res, func(err error) {
		if gen != t.gen {
			return
		}
		n.loading, n.loaded = false, true
		if err != nil {
			cid, _ := t.add(n.path, "error", "error: "+err.Error(), "")
			n.children = []string{cid}
			t.tree.Refresh()
			return
		}
		// The target's order, then the internal properties ([[Prototype]],
		// [[Scopes]], ...), which cannot be set, as DevTools shows them.
		for _, pr := range res.Result {
			switch {
			case pr.Value != nil:
				cid, c := t.add(n.path, pr.Name, valueLabel(pr.Name, *pr.Value), pr.Value.ObjectID)
				if n.scopeOf >= 0 {
					c.scope = n.scopeOf
				} else if pr.Writable {
					c.parent = n.objectID
				}
				n.children = append(n.children, cid)
			case pr.Get != nil:
				cid, _ := t.add(n.path, pr.Name, pr.Name+": (getter)", "")
				n.children = append(n.children, cid)
			}
		}
		for _, ip := range res.InternalProperties {
			if ip.Value != nil {
				cid, c := t.add(n.path, ip.Name, valueLabel(ip.Name, *ip.Value), ip.Value.ObjectID)
				if label, path, line, ok := t.w.sourceLink(s, ip.Name, *ip.Value); ok {
					c.label, c.src, c.srcLine = label, path, line
				}
				n.children = append(n.children, cid)
			}
		}
		t.tree.Refresh()
		t.reopen(n.children)
	})
}

// labels lists every loaded node's label, depth first (tests look values
// up here).
func (t *valueTree) labels() []string {
	var out []string
	var walk func(ids []string)
	walk = func(ids []string) {
		for _, id := range ids {
			n := t.nodes[id]
			out = append(out, n.label)
			walk(n.children)
		}
	}
	walk(t.roots)
	return out
}

// find is the id of the loaded node with this label ("" if none).
func (t *valueTree) find(label string) string {
	for id, n := range t.nodes {
		if n.label == label {
			return id
		}
	}
	return ""
}

// valueRow is a row of a value tree: a double click edits its value, a
// right-click opens its menu.
type valueRow struct {
	widget.Label
	t  *valueTree
	id string
}

func newValueRow(t *valueTree) *valueRow {
	r := &valueRow{t: t}
	r.TextStyle = fyne.TextStyle{Monospace: true}
	r.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// Tapped selects the row, as a tap on a plain row does.
func (r *valueRow) Tapped(*fyne.PointEvent) { r.t.tree.Select(r.id) }

func (r *valueRow) DoubleTapped(*fyne.PointEvent) {
	if r.t.edit != nil && r.t.edit(r.id) {
		return
	}
	if n := r.t.nodes[r.id]; n != nil && n.settable() {
		r.t.w.showSetValueDialog(r.t, r.id)
	}
}

func (r *valueRow) TappedSecondary(ev *fyne.PointEvent) {
	if r.t.menu == nil {
		return
	}
	if m := r.t.menu(r.id); m != nil {
		widget.ShowPopUpMenuAtPosition(m, r.t.w.win.Canvas(), ev.AbsolutePosition)
	}
}

// valueMenu is the menu of a variable or property: set its value.
func (w *Window) valueMenu(t *valueTree, id string) *fyne.Menu {
	n := t.nodes[id]
	if n == nil || !n.settable() {
		return nil
	}
	return fyne.NewMenu("", fyne.NewMenuItem("Set Value…", func() { w.showSetValueDialog(t, id) }))
}

// setValueDialog asks for a node's new value, as JavaScript; submit sets
// what the entry holds.
func (w *Window) setValueDialog(t *valueTree, id string) (d dialog.Dialog, entry *widget.Entry, submit func()) {
	n := t.nodes[id]
	entry = widget.NewEntry()
	entry.SetPlaceHolder("a JavaScript expression, e.g. 42, 'text', [1, 2]")
	if _, v, ok := strings.Cut(n.label, ": "); ok {
		entry.SetText(v)
	}
	submit = func() { w.setValue(t, id, entry.Text) }
	d = dialog.NewForm("Set "+n.name, "Set", "Cancel", []*widget.FormItem{widget.NewFormItem("Value", entry)}, func(ok bool) {
		if ok {
			submit()
		}
	}, w.win)
	entry.OnSubmitted = func(string) {
		submit()
		d.Hide()
	}
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	return d, entry, submit
}

func (w *Window) showSetValueDialog(t *valueTree, id string) {
	d, entry, _ := w.setValueDialog(t, id)
	d.Show()
	w.win.Canvas().Focus(entry)
}

// setValue evaluates text where the program is and sets node id to the
// result; then the variables and watches are read again. A failure is
// shown and changes nothing.
func (w *Window) setValue(t *valueTree, id, text string) {
	n := t.nodes[id]
	s := w.sess
	if n == nil || !n.settable() || s == nil || s.prog == nil || strings.TrimSpace(text) == "" {
		return
	}
	prog := s.prog
	frameID := ""
	if w.pause != nil && w.frame < len(w.pause.CallFrames) {
		frameID = w.pause.CallFrames[w.frame].CallFrameID
	}
	name, scope, parent := n.name, n.scope, n.parent
	go func() {
		ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
		defer cancel()
		err := setValueCalls(ctx, prog.Client(), frameID, name, scope, parent, text)
		w.do(func() {
			if w.sess != s {
				return
			}
			if err != nil {
				w.setStatus(err.Error())
				w.console.add(lineError, err.Error())
				return
			}
			w.setStatus(fmt.Sprintf("Set %s = %s", name, strings.TrimSpace(text)))
			w.refreshValues()
		})
	}()
}

// setValueCalls is the protocol's side of setValue. Off the UI goroutine.
func setValueCalls(ctx context.Context, c *inspector.Client, frameID, name string, scope int, parent, text string) error {
	var ev inspector.EvaluateResult
	var err error
	if frameID != "" {
		ev, err = c.EvaluateOnCallFrame(ctx, frameID, text)
	} else {
		ev, err = c.Evaluate(ctx, text)
	}
	if err != nil {
		return fmt.Errorf("setting %s: %w", name, err)
	}
	if ev.ExceptionDetails != nil {
		return fmt.Errorf("setting %s: %s", name, exceptionText(ev.ExceptionDetails))
	}
	arg := callArgument(ev.Result)
	if scope >= 0 {
		if frameID == "" {
			return fmt.Errorf("setting %s: the program is not paused", name)
		}
		err = c.Call(ctx, "Debugger.setVariableValue", map[string]any{"scopeNumber": scope, "variableName": name, "newValue": arg, "callFrameId": frameID}, nil)
		if err != nil {
			return fmt.Errorf("setting %s: %w", name, err)
		}
		return nil
	}
	var res inspector.EvaluateResult
	err = c.Call(ctx, "Runtime.callFunctionOn", map[string]any{"objectId": parent,
		"functionDeclaration": "function(k, v) { 'use strict'; this[k] = v; }",
		"arguments":           []any{map[string]any{"value": name}, arg}}, &res)
	if err != nil {
		return fmt.Errorf("setting %s: %w", name, err)
	}
	if res.ExceptionDetails != nil {
		return fmt.Errorf("setting %s: %s", name, exceptionText(res.ExceptionDetails))
	}
	return nil
}

// callArgument is CDP's Runtime.CallArgument for a value the program gave.
func callArgument(v inspector.RemoteObject) map[string]any {
	switch {
	case v.ObjectID != "":
		return map[string]any{"objectId": v.ObjectID}
	case v.UnserializableValue != "":
		return map[string]any{"unserializableValue": v.UnserializableValue}
	case v.Type == "undefined":
		return map[string]any{}
	case len(v.Value) > 0:
		return map[string]any{"value": json.RawMessage(v.Value)}
	}
	return map[string]any{}
}

// refreshValues reads the variables and the watches again (after a value
// was set).
func (w *Window) refreshValues() {
	if w.pause != nil && w.frame < len(w.pause.CallFrames) {
		w.varsPanel.show(w.pause.CallFrames[w.frame].ScopeChain)
	}
	w.watchPanel.evaluate()
}
