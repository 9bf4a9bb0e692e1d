package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/studiojs/studio/inspector"
)

// watchPanel is the watch expressions: each is evaluated in the selected
// frame at every pause (Debugger.evaluateOnCallFrame) and, while the
// program runs, in the program when asked (Runtime.evaluate, the Refresh
// button). Results expand as variables do. The list is kept per project
// in the app's preferences.
type watchPanel struct {
	*valueTree
	exprs   []string
	input   *widget.Entry
	refresh *widget.Button
	view    fyne.CanvasObject
	// One evaluation at a time talks to the program, and only the latest:
	// an older one's release of the group would free the newer results.
	mu     sync.Mutex
	latest atomic.Int64
}

// watchPrefKey is the preference holding a project's watch expressions.
func watchPrefKey(project string) string { return "studio.debug.watch:" + project }

func newWatchPanel(w *Window) *watchPanel {
	p := &watchPanel{valueTree: newValueTree(w)}
	p.exprs = fyne.CurrentApp().Preferences().StringList(watchPrefKey(w.project))
	p.menu = func(id string) *fyne.Menu {
		if i := slices.Index(p.roots, id); i >= 0 {
			return fyne.NewMenu("",
				fyne.NewMenuItem("Edit Expression", func() { p.editExpr(i) }),
				fyne.NewMenuItem("Remove Expression", func() { p.remove(i) }))
		}
		return w.valueMenu(p.valueTree, id)
	}
	// A double click on an expression edits it; on a property, its value.
	p.edit = func(id string) bool {
		i := slices.Index(p.roots, id)
		if i >= 0 {
			p.editExpr(i)
		}
		return i >= 0
	}
	p.input = widget.NewEntry()
	p.input.SetPlaceHolder("Add a watch expression")
	p.input.OnSubmitted = func(s string) {
		if p.add(s) {
			p.input.SetText("")
		}
	}
	p.refresh = widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), p.evaluate)
	p.refresh.Importance = widget.LowImportance
	rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		p.remove(slices.Index(p.roots, p.selected))
	})
	rm.Importance = widget.LowImportance
	p.view = container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(p.refresh, rm), p.input), nil, nil, nil, p.tree)
	p.evaluate()
	return p
}

// add appends an expression (not a blank one) and evaluates the list.
func (p *watchPanel) add(expr string) bool {
	expr = strings.TrimSpace(expr)
	if expr == "" {
		return false
	}
	p.exprs = append(p.exprs, expr)
	p.save()
	p.evaluate()
	return true
}

// editExpr moves expression i to the entry, to be changed and added again.
func (p *watchPanel) editExpr(i int) {
	if i < 0 || i >= len(p.exprs) {
		return
	}
	p.input.SetText(p.exprs[i])
	p.remove(i)
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.input); c != nil {
		c.Focus(p.input)
	}
}

func (p *watchPanel) remove(i int) {
	if i < 0 || i >= len(p.exprs) {
		return
	}
	p.exprs = slices.Delete(p.exprs, i, i+1)
	p.save()
	p.evaluate()
}

func (p *watchPanel) save() {
	fyne.CurrentApp().Preferences().SetStringList(watchPrefKey(p.w.project), p.exprs)
}

// watchGroup is the object group of the watches' results, released
// before each evaluation so that a long session does not pile them up.
const watchGroup = "watch"

// evaluate shows every expression's value where the program is now: in
// the selected frame when paused, else in the running program.
func (p *watchPanel) evaluate() {
	p.reset()
	w := p.w
	s := w.sess
	frameID := ""
	if w.pause != nil && w.frame < len(w.pause.CallFrames) {
		frameID = w.pause.CallFrames[w.frame].CallFrameID
	}
	gen := p.gen
	p.latest.Store(int64(gen))
	nodes := make([]*valueNode, len(p.exprs))
	for i, expr := range p.exprs {
		label := expr + ": (not running)"
		if s != nil && s.prog != nil {
			label = expr + ": …"
		}
		id, n := p.valueTree.add("", strconv.Itoa(i)+":"+expr, label, "")
		p.roots = append(p.roots, id)
		nodes[i] = n
	}
	p.done()
	if s == nil || s.prog == nil || len(p.exprs) == 0 {
		return
	}
	prog := s.prog
	exprs := slices.Clone(p.exprs)
	roots := slices.Clone(p.roots)
	// One goroutine, in order: the release goes first.
	go func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.latest.Load() != int64(gen) {
			return
		}
		ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
		defer cancel()
		c := prog.Client()
		_ = c.Call(ctx, "Runtime.releaseObjectGroup", map[string]any{"objectGroup": watchGroup}, nil)
		for i, expr := range exprs {
			method, params := "Runtime.evaluate", map[string]any{"expression": expr, "objectGroup": watchGroup, "generatePreview": true}
			if frameID != "" {
				method = "Debugger.evaluateOnCallFrame"
				params["callFrameId"] = frameID
			}
			var res inspector.EvaluateResult
			err := c.Call(ctx, method, params, &res)
			w.do(func() {
				if gen != p.gen {
					return
				}
				n := nodes[i]
				switch {
				case err != nil:
					n.label = expr + ": " + err.Error()
				case res.ExceptionDetails != nil:
					n.label = expr + ": " + exceptionText(res.ExceptionDetails)
				default:
					n.label = valueLabel(expr, res.Result)
					n.objectID = res.Result.ObjectID
				}
				p.tree.Refresh()
				p.reopen([]string{roots[i]})
			})
		}
	}()
}
