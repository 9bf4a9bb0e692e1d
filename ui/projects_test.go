package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// answer taps the button labelled label in the dialog on top of w,
// failing when no dialog is open.
func answer(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to answer %q", label)
	}
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == label {
				found = o
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if found == nil {
		t.Fatalf("the dialog has no %q button", label)
	}
	test.Tap(found)
}

func dialogOpen(w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }

func writeProject(t *testing.T, dir, main string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRecentProjects: opened folders are listed most recent first, once
// each, in File > Open Recent too (the current one left out); a folder
// that is gone is dropped; the next window has the list.
func TestRecentProjects(t *testing.T) {
	checkLeaks(t)
	h, first := newHarness(t, map[string]string{"index.js": "console.log('first');\n"})
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	writeProject(t, a, "console.log('a');\n")
	writeProject(t, b, "console.log('b');\n")

	h.w.OpenProject(a)
	h.w.OpenProject(b)
	h.w.OpenProject(a)
	if got, want := h.w.recentProjects(), []string{a, b, first}; !slices.Equal(got, want) {
		t.Errorf("recent %v, want %v", got, want)
	}
	if h.w.project != a || h.w.editors[filepath.Join(a, "index.js")] == nil || len(h.w.editors) != 1 {
		t.Errorf("after opening a: project %s, editors %v", h.w.project, h.w.editors)
	}
	var labels []string
	for _, it := range h.w.recentItem.ChildMenu.Items {
		labels = append(labels, it.Label)
	}
	if want := []string{b, first}; !slices.Equal(labels, want) {
		t.Errorf("Open Recent lists %v, want %v", labels, want)
	}
	// Choosing from the menu opens the folder.
	h.w.recentItem.ChildMenu.Items[0].Action()
	if h.w.project != b {
		t.Errorf("Open Recent %s opened %s", b, h.w.project)
	}

	if err := os.RemoveAll(a); err != nil {
		t.Fatal(err)
	}
	if got, want := h.reopen(first).recentProjects(), []string{first, b}; !slices.Equal(got, want) {
		t.Errorf("the next window's recent list %v, want %v (a is gone)", got, want)
	}
	// Opening a folder that is gone says so and changes nothing.
	h.w.OpenProject(a)
	if h.w.project != b || !strings.Contains(h.w.status.Text, "no such file") {
		t.Errorf("opening a missing folder: project %s, status %q", h.w.project, h.w.status.Text)
	}
}

// TestUnsavedChangesAsk: closing a tab, opening another folder and
// quitting each ask first when a file has unsaved changes; No keeps
// everything as it was.
func TestUnsavedChangesAsk(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": "let a = 1;\n", "lib.js": "module.exports = 2;\n"})
	other := filepath.Join(t.TempDir(), "other")
	writeProject(t, other, "console.log('other');\n")
	main := filepath.Join(dir, "index.js")
	lib := h.w.openFile(filepath.Join(dir, "lib.js"))
	lib.FocusGained()
	test.Type(lib, "// edit ")
	tab := h.w.tabOf[lib.path]

	h.w.closeTab(tab)
	answer(t, h.w.win, "No")
	if h.w.editors[lib.path] != lib || !slices.Contains(h.w.tabs.Items, tab) {
		t.Fatal("No closed the dirty tab")
	}
	h.w.OpenProject(other)
	answer(t, h.w.win, "No")
	if h.w.project != dir || h.w.editors[lib.path] != lib {
		t.Fatalf("No opened the other folder: %s", h.w.project)
	}
	h.w.quit()
	answer(t, h.w.win, "No")
	if !slices.Contains(fyne.CurrentApp().Driver().AllWindows(), h.w.win) {
		t.Fatal("No closed the window")
	}
	if dialogOpen(h.w.win) {
		t.Error("a dialog is left open")
	}

	// A clean tab closes without a question; Yes closes the dirty one.
	h.w.closeTab(h.w.tabOf[main])
	if dialogOpen(h.w.win) || h.w.editors[main] != nil {
		t.Error("closing a clean tab asked or failed")
	}
	h.w.closeTab(tab)
	answer(t, h.w.win, "Yes")
	if h.w.editors[lib.path] != nil || len(h.w.tabs.Items) != 0 {
		t.Error("Yes kept the dirty tab")
	}
	if b, _ := os.ReadFile(lib.path); string(b) != "module.exports = 2;\n" {
		t.Errorf("closing without saving wrote the file: %q", b)
	}
}

// TestEditWhileProgramHangs: a program stuck in a loop does not hold the
// window: typing, saving and opening files go on, and Stop ends it; what
// was typed while it ran is kept and saved.
func TestEditWhileProgramHangs(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": "console.log('spinning');\nwhile (true) {}\n"})
	main := filepath.Join(dir, "index.js")
	ed := h.w.editors[main]
	h.w.Run()
	h.waitFor("the program to spin", func() bool { return strings.Contains(h.w.console.text(lineStdout), "spinning") })
	ed.FocusGained()
	ed.MoveCursor(2)
	test.Type(ed, "// typed while it spins")
	ed.TypedShortcut(&fyne.ShortcutUndo{})
	ed.TypedShortcut(&fyne.ShortcutRedo{})
	h.w.Save()
	if b, _ := os.ReadFile(main); !strings.HasSuffix(string(b), "// typed while it spins") || ed.Dirty() {
		t.Errorf("saved while the program spins: %q, dirty %v", b, ed.Dirty())
	}
	// The answer to runIfWaitingForDebugger and the program's first output
	// race to the window: wait for the state.
	h.waitFor("the running state", func() bool { return h.w.state == stateRunning })
	h.w.Stop()
	h.waitFor("the end", func() bool { return h.w.sess == nil })
	if !strings.Contains(h.w.console.text(lineInfo), "exited with code 130") {
		t.Errorf("end: %q", h.w.console.text(lineInfo))
	}
}
