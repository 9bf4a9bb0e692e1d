package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Projects: File > Open Folder and File > Open Recent switch the window
// to another folder; the recent list is kept in the app's preferences,
// most recent first.

const (
	prefRecent = "projects.recent"
	maxRecent  = 10
)

// recentProjects is the list of recently opened folders, most recent
// first, those that no longer exist left out (and forgotten).
func (w *Window) recentProjects() []string {
	if w.prefs == nil {
		return nil
	}
	list := w.prefs.StringList(prefRecent)
	kept := slices.DeleteFunc(slices.Clone(list), func(p string) bool {
		fi, err := os.Stat(p)
		return err != nil || !fi.IsDir()
	})
	if len(kept) != len(list) {
		w.prefs.SetStringList(prefRecent, kept)
	}
	return kept
}

// rememberProject puts dir first in the recent list.
func (w *Window) rememberProject(dir string) {
	if w.prefs == nil {
		return
	}
	list := slices.DeleteFunc(w.recentProjects(), func(p string) bool { return p == dir })
	list = append([]string{dir}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	w.prefs.SetStringList(prefRecent, list)
	w.refreshRecentMenu()
}

// recentMenu is File > Open Recent, filled by refreshRecentMenu.
func (w *Window) recentMenu() *fyne.MenuItem {
	if w.recentItem == nil {
		w.recentItem = fyne.NewMenuItem("Open Recent", nil)
		w.recentItem.ChildMenu = fyne.NewMenu("")
	}
	w.refreshRecentMenu()
	return w.recentItem
}

func (w *Window) refreshRecentMenu() {
	if w.recentItem == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range w.recentProjects() {
		if p == w.project {
			continue
		}
		items = append(items, fyne.NewMenuItem(p, func() { w.OpenProject(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No other recent folders", nil)
		none.Disabled = true
		items = append(items, none)
	}
	w.recentItem.ChildMenu.Items = items
	if m := w.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// ask shows a yes/no question; yes runs if the user agrees.
func (w *Window) ask(title, question string, yes func()) {
	dialog.ShowConfirm(title, question, func(ok bool) {
		if ok {
			yes()
		}
	}, w.win)
}

// dirtyFiles names the files with unsaved changes, sorted.
func (w *Window) dirtyFiles() []string {
	var dirty []string
	for p, ed := range w.editors {
		if ed.Dirty() {
			dirty = append(dirty, w.rel(p))
		}
	}
	sort.Strings(dirty)
	return dirty
}

// OpenProject switches the window to the folder dir, asking first when
// files have unsaved changes; a running program is stopped (off the UI
// goroutine: a program that hangs must not hang the window).
func (w *Window) OpenProject(dir string) {
	abs, err := filepath.Abs(dir)
	if err == nil {
		var fi os.FileInfo
		if fi, err = os.Stat(abs); err == nil && !fi.IsDir() {
			err = fmt.Errorf("%s is not a folder", abs)
		}
	}
	if err != nil {
		w.setStatus(fmt.Sprintf("Opening %s: %v", dir, err))
		w.refreshRecentMenu()
		return
	}
	if dirty := w.dirtyFiles(); len(dirty) > 0 {
		w.ask("Unsaved changes", fmt.Sprintf("Open %s without saving %s?", filepath.Base(abs), strings.Join(dirty, ", ")),
			func() { w.switchProject(abs) })
		return
	}
	w.switchProject(abs)
}

func (w *Window) switchProject(dir string) {
	if s := w.sess; s != nil {
		// Its end, when it comes, is no longer this window's; a program
		// still starting is stopped by launched.
		w.sess = nil
		if s.prog != nil {
			go s.prog.Stop()
		}
	}
	w.dropBackups()
	w.project = dir
	w.win.SetTitle("Studio — " + filepath.Base(w.project))
	for p, t := range w.tabOf {
		w.tabs.Remove(t)
		delete(w.tabOf, p)
		delete(w.editors, p)
	}
	w.pause, w.pausedEditor = nil, nil
	w.bps = map[string]*breakpoint{}
	w.build()
	w.applySettings(w.settings)
	w.rememberProject(w.project)
	if main := w.projectMain(); main != "" {
		w.openFile(main)
	}
}

func (w *Window) openFolderDialog() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			w.OpenProject(u.Path())
		}
	}, w.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
