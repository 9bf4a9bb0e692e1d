package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

const valuesScript = `function add(a, b) {
  let sum = a + b;
  const k = 1;
  return sum * k;
}
function main() {
  let count = 1;
  let obj = { name: 'studio', list: [1, 2, 3] };
  count = add(count, 1);
  console.log('after', count, obj.name);
}
setTimeout(main, 1);
`

// hasLabel waits until a value tree shows a row with this label.
func (h *harness) hasLabel(t *valueTree, label string) {
	h.t.Helper()
	h.waitFor(label, func() bool { return slices.Contains(t.labels(), label) })
}

// TestSetValues: variables and properties take new values typed as
// JavaScript (Debugger.setVariableValue, Runtime.callFunctionOn), which the
// program then runs with; bad input and constants show an error and change
// nothing. Watch expressions follow the pause and the selected frame, expand
// like variables, and are kept in the preferences.
func TestSetValues(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": valuesScript})
	main := filepath.Join(dir, "index.js")
	h.w.ToggleBreakpoint(main, 3)
	h.w.ToggleBreakpoint(main, 9)
	wp, vp := h.w.watchPanel, h.w.varsPanel
	wp.input.SetText("sum * 10")
	wp.input.OnSubmitted(wp.input.Text)
	if wp.input.Text != "" || !slices.Contains(wp.labels(), "sum * 10: (not running)") {
		t.Errorf("watch before the run: %q, entry %q", wp.labels(), wp.input.Text)
	}
	h.w.Debug()
	h.waitFor("the pause in add", func() bool { return h.pausedAt() == 4 })
	h.hasLabel(vp.valueTree, "sum: 2")
	h.hasLabel(wp.valueTree, "sum * 10: 20")

	set := func(label, text string) {
		t.Helper()
		id := vp.find(label)
		if id == "" {
			t.Fatalf("no %q in %q", label, vp.labels())
		}
		_, entry, submit := h.w.setValueDialog(vp.valueTree, id)
		entry.SetText(text)
		submit()
	}
	// A double click on a variable asks for its value; on a scope it does not.
	overlays := h.w.win.Canvas().Overlays()
	n := len(overlays.List())
	row := newValueRow(vp.valueTree)
	row.id = vp.find("local (add)")
	test.DoubleTap(row)
	if len(overlays.List()) != n {
		t.Error("a double click on a scope opened a dialog")
	}
	row.id = vp.find("sum: 2")
	test.DoubleTap(row)
	if len(overlays.List()) != n+1 {
		t.Fatal("a double click on a variable opened no dialog")
	}
	overlays.Remove(overlays.Top())
	test.TapSecondary(row)
	if len(overlays.List()) != n+1 {
		t.Fatal("a right-click on a variable opened no menu")
	}
	overlays.Remove(overlays.Top())
	set("sum: 2", "sum + 40")
	h.hasLabel(vp.valueTree, "sum: 42")
	h.hasLabel(wp.valueTree, "sum * 10: 420")

	// Bad input and a constant: an error, and the values stay.
	set("sum: 42", "1 +")
	h.waitFor("the syntax error", func() bool { return strings.Contains(h.w.console.text(lineError), "SyntaxError") })
	set("k: 1", "5")
	h.waitFor("the constant's error", func() bool { return strings.Contains(h.w.console.text(lineError), "setting k") })
	h.w.refreshValues()
	h.hasLabel(vp.valueTree, "k: 1")
	h.hasLabel(vp.valueTree, "sum: 42")

	// Selecting main's frame shows its scopes and evaluates the watches there.
	mainRow := -1
	for i, e := range h.w.stackPanel.entries {
		if e.frame == 1 {
			mainRow = i
		}
	}
	if mainRow < 0 {
		t.Fatalf("no second frame in %v", h.w.stackPanel.entries)
	}
	h.w.stackPanel.list.Select(mainRow)
	if h.w.frame != 1 || len(vp.roots) != len(h.w.pause.CallFrames[1].ScopeChain) {
		t.Errorf("frame %d selected, %d scopes shown", h.w.frame, len(vp.roots))
	}
	h.waitFor("the watch in main's frame", func() bool {
		return slices.ContainsFunc(wp.labels(), func(s string) bool { return strings.HasPrefix(s, "sum * 10: ReferenceError") })
	})

	h.w.Continue()
	h.waitFor("the pause in main", func() bool { return h.pausedAt() == 10 })
	h.hasLabel(vp.valueTree, "count: 42")
	// An object value (setVariableValue with the objectId of the result).
	set("obj: Object", "({ name: 'new', list: [7] })")
	h.waitFor("the new object", func() bool { return strings.HasPrefix(h.w.status.Text, "Set obj") })
	h.hasLabel(vp.valueTree, "obj: Object")
	objID := ""
	for id, n := range vp.nodes {
		if strings.HasPrefix(n.label, "obj: ") {
			objID = id
		}
	}
	vp.tree.OpenBranch(objID)
	h.hasLabel(vp.valueTree, `name: "new"`)
	set(`name: "new"`, "'ide'")
	// The tree is read again and obj stays open.
	h.hasLabel(vp.valueTree, `name: "ide"`)

	// A watch of an object expands.
	wp.add("obj.list")
	var listID string
	h.waitFor("the list watch", func() bool {
		for _, id := range wp.roots {
			if n := wp.nodes[id]; strings.HasPrefix(n.label, "obj.list: ") && n.objectID != "" {
				listID = id
				return true
			}
		}
		return false
	})
	wp.tree.OpenBranch(listID)
	h.hasLabel(wp.valueTree, "0: 7")

	h.w.typedKey(&fyne.KeyEvent{Name: fyne.KeyF5})
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if got := h.w.console.text(lineStdout); got != "after 42 ide\n" {
		t.Errorf("stdout %q: the program did not run with the new values", got)
	}
	if got := wp.labels(); !slices.Equal(got, []string{"sum * 10: (not running)", "obj.list: (not running)"}) {
		t.Errorf("watches after the end: %q", got)
	}
	if got := fyne.CurrentApp().Preferences().StringList(watchPrefKey(h.w.project)); !slices.Equal(got, []string{"sum * 10", "obj.list"}) {
		t.Errorf("watches kept as %q", got)
	}
	wp.remove(0)
	if got := wp.labels(); !slices.Equal(got, []string{"obj.list: (not running)"}) {
		t.Errorf("after removing the first: %q", got)
	}
	// A double click on an expression moves it to the entry to edit.
	row = newValueRow(wp.valueTree)
	row.id = wp.roots[0]
	test.DoubleTap(row)
	if len(wp.exprs) != 0 || wp.input.Text != "obj.list" {
		t.Errorf("after a double click: watches %q, entry %q", wp.exprs, wp.input.Text)
	}
}

// TestFunctionValue: a function in a value tree (here a watch) expands to
// its properties and its [[FunctionLocation]], which opens its line.
func TestFunctionValue(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": valuesScript})
	main := filepath.Join(dir, "index.js")
	h.w.ToggleBreakpoint(main, 9)
	wp := h.w.watchPanel
	wp.input.SetText("add")
	wp.input.OnSubmitted(wp.input.Text)
	h.w.Debug()
	h.waitFor("the pause in main", func() bool { return h.pausedAt() == 10 })
	h.hasLabel(wp.valueTree, "add: ƒ add(a, b)")
	wp.tree.OpenBranch(wp.find("add: ƒ add(a, b)"))
	h.hasLabel(wp.valueTree, "[[FunctionLocation]]: index.js:1")
	h.hasLabel(wp.valueTree, `name: "add"`)
	h.hasLabel(wp.valueTree, "length: 2")
	ed := h.w.editors[main]
	ed.MoveCursor(7)
	wp.tree.Select(wp.find("[[FunctionLocation]]: index.js:1"))
	if ed.cursor.line != 0 {
		t.Errorf("the location put the cursor on line %d, want 1", ed.cursor.line+1)
	}
	h.w.Continue()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
}
