package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"

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
}

// watchPrefKey is the preference holding a project's watch expressions.
func watchPrefKey(project string) string { return "studio.debug.watch:" + project }

func newWatchPanel(w *Window) *watchPanel {
	p := &watchPanel{valueTree: newValueTree(w)}
	p.exprs = fyne.CurrentApp().Preferences().StringList(watchPrefKey(w.project))
	p.menu = func(id string) *fyne.Menu {
		if i := slices.Index(p.roots, id); i >= 0 {
			return fyne.NewMenu("",
				fyne.NewMenuItem("Edit Expression", func() { p.input.SetText(p.exprs[i]); p.remove(i) }),
				fyne.NewMenuItem("Remove Expression", func() { p.remove(i) }))
		}
		return w.valueMenu(p.valueTree, id)
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
	for i, expr := range p.exprs {
		label := expr + ": (not running)"
		if s != nil {
			label = expr + ": …"
		}
		id, n := p.valueTree.add("", strconv.Itoa(i)+":"+expr, label, "")
		p.roots = append(p.roots, id)
		if s == nil {
			continue
		}
		go func() {
			ctx, cancel := context.WithTimeout(s.ctx, callTimeout)
			defer cancel()
			var res inspector.EvaluateResult
			var err error
			if frameID != "" {
				res, err = s.prog.Client().EvaluateOnCallFrame(ctx, frameID, expr)
			} else {
				res, err = s.prog.Client().Evaluate(ctx, expr)
			}
			w.do(func() {
				if gen != p.gen {
					return
				}
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
				p.reopen([]string{id})
			})
		}()
	}
	p.done()
}
