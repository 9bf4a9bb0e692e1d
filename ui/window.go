package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/studiojs/studio/inspector"
)

// Options configures the window.
type Options struct {
	// Project is the folder to open.
	Project string
	// Launcher starts programs (cmd/studio passes launch.Start).
	Launcher Launcher
	// Do runs f on the UI goroutine; nil means fyne.Do. Tests pass a
	// queue they drain themselves.
	Do func(f func())
	// BackupDir keeps the unsaved text of open files (backup.go); ""
	// keeps none.
	BackupDir string
}

// Window is Studio's IDE window: a project's files, editors, the run and
// debug controls, the console, and panels fed by the protocol.
type Window struct {
	opts Options
	win  fyne.Window
	do   func(func())
	// prefs holds the preferences; settings are those in force (prefs.go).
	prefs      fyne.Preferences
	settings   settings
	recentItem *fyne.MenuItem // File > Open Recent (projects.go)

	project string
	tree    *keyTree
	tabs    *container.DocTabs
	editors map[string]*editor
	tabOf   map[string]*container.TabItem

	toolbar *toolbar
	status  *widget.Label

	sess         *session
	state        runState
	pause        *inspector.PausedEvent
	frame        int
	pausedEditor *editor
	bps          map[string]*breakpoint
	// Learning mode's settings, sent at each debug run's start.
	pace      float64
	phaseStop string
	loopStops int // Studio.loopPaused events seen

	console          *consolePanel
	stackPanel       *stackPanel
	varsPanel        *varsPanel
	watchPanel       *watchPanel
	breakpointsPanel *breakpointsPanel
	loopPanel        *loopPanel
	pendingPanel     *pendingPanel
	latencyPanel     *latencyPanel
	profilerPanel    *profilerPanel
	bottom           *container.AppTabs
}

// New builds the window for a project folder in app a.
func New(a fyne.App, opts Options) *Window {
	w := &Window{opts: opts, do: opts.Do, editors: map[string]*editor{}, tabOf: map[string]*container.TabItem{}, bps: map[string]*breakpoint{}}
	if w.do == nil {
		w.do = fyne.Do
	}
	w.project, _ = filepath.Abs(opts.Project)
	w.win = a.NewWindow("Studio — " + filepath.Base(w.project))
	w.prefs, w.settings = a.Preferences(), settings{theme: "system"}
	w.build()
	w.applySettings(loadSettings(w.prefs))
	w.rememberProject(w.project)
	w.win.Resize(fyne.NewSize(1400, 900))
	w.win.SetCloseIntercept(w.quit)
	if main := w.projectMain(); main != "" {
		w.openFile(main)
	}
	return w
}

// quit closes the window, asking first when files have unsaved changes;
// a running program is stopped.
func (w *Window) quit() {
	closeNow := func() {
		w.dropBackups()
		s := w.sess
		if s == nil {
			w.win.Close()
			return
		}
		if s.prog == nil { // starting: closed when it has started and stopped
			s.stopAsked, s.quit = true, true
			return
		}
		// Stop waits for the program's event goroutine, which hands work
		// to this goroutine: wait elsewhere.
		go func() {
			s.prog.Stop()
			w.do(w.win.Close)
		}()
	}
	var dirty []string
	for p, ed := range w.editors {
		if ed.Dirty() {
			dirty = append(dirty, filepath.Base(p))
		}
	}
	if len(dirty) == 0 {
		closeNow()
		return
	}
	sort.Strings(dirty)
	dialog.ShowConfirm("Unsaved changes", "Quit without saving "+strings.Join(dirty, ", ")+"?", func(ok bool) {
		if ok {
			closeNow()
		}
	}, w.win)
}

// Fyne is the window itself (for ShowAndRun).
func (w *Window) Fyne() fyne.Window { return w.win }

func (w *Window) build() {
	w.toolbar = newToolbar(w)
	w.status = widget.NewLabel("Ready")
	w.status.Truncation = fyne.TextTruncateEllipsis

	w.tree = w.fileTree()
	w.tabs = container.NewDocTabs()
	w.tabs.CloseIntercept = func(t *container.TabItem) { w.closeTab(t) }
	w.tabs.OnSelected = func(*container.TabItem) { w.setState(w.state) }

	w.console = newConsolePanel(w)
	w.stackPanel = newStackPanel(w)
	w.varsPanel = newVarsPanel(w)
	w.watchPanel = newWatchPanel(w)
	w.breakpointsPanel = newBreakpointsPanel(w)
	w.loopPanel = newLoopPanel(w)
	w.pendingPanel = newPendingPanel(w)
	w.latencyPanel = newLatencyPanel(w)
	w.profilerPanel = newProfilerPanel(w)

	w.bottom = container.NewAppTabs(
		container.NewTabItem("Console", w.console.view),
		container.NewTabItem("Pending ops", w.pendingPanel.view),
		container.NewTabItem("Breakpoints", w.breakpointsPanel.view),
		container.NewTabItem("Latency", w.latencyPanel.view),
		w.profilerPanel.tabItem(),
	)
	// Files, call stack and variables on the left, as in most IDEs; the
	// editor and the console in the middle; the event loop on the right,
	// the whole height, since it is what Studio is for.
	centre := container.NewVSplit(w.tabs, w.bottom)
	centre.Offset = 0.62
	values := container.NewVSplit(titled("Variables", w.varsPanel.view), titled("Watch", w.watchPanel.view))
	values.Offset = 0.62
	debug := container.NewVSplit(titled("Call stack", w.stackPanel.view), values)
	debug.Offset = 0.3
	left := container.NewVSplit(titled(filepath.Base(w.project), w.tree), debug)
	left.Offset = 0.32
	main := container.NewHSplit(centre, titled("Event loop", w.loopPanel.view))
	main.Offset = 0.66
	all := container.NewHSplit(left, main)
	all.Offset = 0.2
	w.win.SetContent(container.NewBorder(w.toolbar.view, w.status, nil, nil, all))
	w.win.SetMainMenu(w.menu())
	w.win.Canvas().SetOnTypedKey(w.typedKey)
	w.setState(stateIdle)
}

// titled puts a small heading over a panel.
func titled(title string, content fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(l, nil, nil, nil, content)
}

func (w *Window) menu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		it.Shortcut = sc
		if sc != nil {
			// Also the canvas's, which the editor hands shortcuts it does
			// not use to (the native menu takes them first where it can).
			w.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { fn() })
		}
		return it
	}
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	file := fyne.NewMenu("File",
		item("Open Folder…", ctrl(fyne.KeyO), w.openFolderDialog),
		w.recentMenu(),
		item("Save", ctrl(fyne.KeyS), w.Save),
		item("Save All", nil, w.saveAll),
		item("Close Tab", ctrl(fyne.KeyW), func() {
			if t := w.tabs.Selected(); t != nil {
				w.closeTab(t)
			}
		}),
		fyne.NewMenuItemSeparator(),
		item("Preferences…", ctrl(fyne.KeyComma), w.showPrefs),
	)
	edit := fyne.NewMenu("Edit",
		item("Find…", ctrl(fyne.KeyF), w.withEditor((*editor).ShowFind)),
		item("Replace…", ctrl(fyne.KeyH), w.withEditor((*editor).ShowReplace)),
		item("Find Next (F3)", nil, w.withEditor((*editor).FindNext)),
		item("Find Previous (Shift+F3)", nil, w.withEditor((*editor).FindPrevious)),
		item("Go to Line…", ctrl(fyne.KeyG), w.withEditor((*editor).ShowGoToLine)),
	)
	run := fyne.NewMenu("Run",
		item("Run (Ctrl+F5)", ctrl(fyne.KeyF5), w.Run),
		item("Debug / Continue (F5)", nil, w.Debug),
		item("Run Current File", nil, func() { w.runCurrent(false) }),
		item("Debug Current File", nil, func() { w.runCurrent(true) }),
		item("Stop (Shift+F5)", nil, w.Stop),
		item("Restart", &desktop.CustomShortcut{KeyName: fyne.KeyF5, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, w.Restart),
		item("Pause", nil, w.Pause),
		fyne.NewMenuItemSeparator(),
		item("Step Over (F10)", nil, w.StepOver),
		item("Step Into (F11)", nil, w.StepInto),
		item("Step Out (Shift+F11)", nil, w.StepOut),
		fyne.NewMenuItemSeparator(),
		item("Toggle Breakpoint (F9)", nil, w.toggleBreakpointAtCursor),
		item("Run Configuration…", nil, w.showRunConfig),
		fyne.NewMenuItemSeparator(),
		item("Next Callback", nil, func() { w.stepLoop("Studio.stepCallback") }),
		item("Next Phase", nil, func() { w.stepLoop("Studio.stepPhase") }),
		item("Next Iteration", nil, func() { w.stepLoop("Studio.stepIteration") }),
	)
	return fyne.NewMainMenu(file, edit, run)
}

// typedKey is the window's function keys, which Fyne does not treat as
// shortcuts: they come here when nothing is focused and from the editor
// and the console's input when focused there.
func (w *Window) typedKey(k *fyne.KeyEvent) {
	shift := false
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		shift = d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	switch k.Name {
	case fyne.KeyF5:
		if shift {
			w.Stop()
		} else {
			w.Debug()
		}
	case fyne.KeyF9:
		w.toggleBreakpointAtCursor()
	case fyne.KeyF10:
		w.StepOver()
	case fyne.KeyF11:
		if shift {
			w.StepOut()
		} else {
			w.StepInto()
		}
	}
}

func (w *Window) setStatus(s string) { w.status.SetText(s) }

func (w *Window) setState(s runState) {
	w.state = s
	w.toolbar.update(s)
	switch s {
	case stateIdle:
		w.setStatus("Ready")
	case stateRunning:
		w.setStatus("Running")
	}
}

// rel is path relative to the project, for labels.
func (w *Window) rel(path string) string {
	if r, err := filepath.Rel(w.project, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// Files and tabs.

// projectMain is package.json's main, else index.js, if it exists.
func (w *Window) projectMain() string {
	main := filepath.Join(w.project, "index.js")
	if b, err := os.ReadFile(filepath.Join(w.project, "package.json")); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(b, &pkg) == nil && pkg.Main != "" {
			main = filepath.Join(w.project, pkg.Main)
		}
	}
	if fi, err := os.Stat(main); err == nil && !fi.IsDir() {
		return main
	}
	return ""
}

// mainFile is what Run and Debug start: the project's main, else the
// JavaScript file in the current tab.
func (w *Window) mainFile() string {
	if main := w.projectMain(); main != "" {
		return main
	}
	if ed := w.currentEditor(); ed != nil && isScript(ed.path) {
		return ed.path
	}
	return ""
}

func isScript(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts":
		return true
	}
	return false
}

func (w *Window) currentEditor() *editor {
	t := w.tabs.Selected()
	if t == nil {
		return nil
	}
	for p, ti := range w.tabOf {
		if ti == t {
			return w.editors[p]
		}
	}
	return nil
}

// openFile shows path in a tab (opening it if needed) and returns its editor.
func (w *Window) openFile(path string) *editor {
	if ed, ok := w.editors[path]; ok {
		w.tabs.Select(w.tabOf[path])
		return ed
	}
	ed, err := openEditor(path)
	if err != nil {
		w.console.add(lineError, err.Error())
		return nil
	}
	for _, bp := range w.bps {
		if bp.path == path {
			ed.breakpoints[bp.line] = true
		}
	}
	ed.do = w.do
	ed.fontSize = float32(w.settings.fontSize)
	ed.onBreakpointsMoved = func(moves map[int]int) { w.moveBreakpoints(path, moves) }
	ed.onGutter = func(line int) { w.ToggleBreakpoint(path, line) }
	ed.bpDisabled = func(line int) bool {
		bp := w.bps[bpKey(path, line)]
		return bp != nil && bp.disabled
	}
	ed.onGutterMenu = func(line int, at fyne.Position) { w.showGutterMenu(ed, line, at) }
	ed.onKey = w.typedKey
	ed.onShortcut = func(s fyne.Shortcut) { w.win.Canvas().(fyne.Shortcutable).TypedShortcut(s) }
	tab := container.NewTabItem(filepath.Base(path), ed.view)
	ed.onChange = func() {
		title := filepath.Base(path)
		if ed.Dirty() {
			title = "● " + title
		}
		if tab.Text != title {
			tab.Text = title
			w.tabs.Refresh()
		}
		w.editorChanged(ed)
	}
	w.editors[path], w.tabOf[path] = ed, tab
	w.tabs.Append(tab)
	w.tabs.Select(tab)
	w.restoreBackup(ed)
	return ed
}

// focusEditor gives ed the keyboard, as after a jump to source: the
// lists and trees would keep the window's function keys (F5, F10, ...) to
// themselves.
func (w *Window) focusEditor(ed *editor) {
	if ed != nil {
		w.win.Canvas().Focus(ed)
	}
}

func (w *Window) closeTab(t *container.TabItem) {
	for p, ti := range w.tabOf {
		if ti != t {
			continue
		}
		ed := w.editors[p]
		remove := func() {
			w.dropBackup(ed)
			delete(w.editors, p)
			delete(w.tabOf, p)
			if w.pausedEditor == ed {
				w.pausedEditor = nil
			}
			w.tabs.Remove(t)
		}
		if ed.Dirty() {
			dialog.ShowConfirm("Unsaved changes", fmt.Sprintf("Close %s without saving?", filepath.Base(p)), func(ok bool) {
				if ok {
					remove()
				}
			}, w.win)
			return
		}
		remove()
		return
	}
}

// Save writes the current tab's file.
func (w *Window) Save() {
	if ed := w.currentEditor(); ed != nil {
		w.saveEditor(ed)
	}
}

func (w *Window) saveEditor(ed *editor) {
	if err := ed.Save(); err != nil {
		w.console.add(lineError, err.Error())
		return
	}
	w.setStatus("Saved " + w.rel(ed.path))
}

func (w *Window) saveAll() {
	for _, ed := range w.editors {
		if ed.Dirty() {
			w.saveEditor(ed)
		}
	}
}

func (w *Window) toggleBreakpointAtCursor() {
	if ed := w.currentEditor(); ed != nil {
		w.ToggleBreakpoint(ed.path, ed.cursor.line)
	}
}

// fileTree lists the project's folders and files, hidden ones and
// node_modules left out; a file opens on tap.
func (w *Window) fileTree() *keyTree {
	children := func(id widget.TreeNodeID) []widget.TreeNodeID {
		dir := id
		if dir == "" {
			dir = w.project
		}
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil
		}
		var dirs, files []string
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), ".") || e.Name() == "node_modules" {
				continue
			}
			if e.IsDir() {
				dirs = append(dirs, filepath.Join(dir, e.Name()))
			} else {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
		sort.Strings(dirs)
		sort.Strings(files)
		return append(dirs, files...)
	}
	isBranch := func(id widget.TreeNodeID) bool {
		if id == "" {
			return true
		}
		fi, err := os.Stat(id)
		return err == nil && fi.IsDir()
	}
	t := newKeyTree(w.typedKey, children, isBranch,
		func(branch bool) fyne.CanvasObject {
			icon := widget.NewIcon(theme.FileIcon())
			if branch {
				icon.SetResource(theme.FolderIcon())
			}
			return container.NewHBox(icon, widget.NewLabel("file.js"))
		},
		func(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
			o.(*fyne.Container).Objects[1].(*widget.Label).SetText(filepath.Base(id))
		})
	t.OnSelected = func(id widget.TreeNodeID) {
		if !isBranch(id) {
			w.focusEditor(w.openFile(id))
		}
	}
	// The project's top folders open; deeper ones on demand (a big
	// project would be read whole otherwise).
	for _, id := range children("") {
		if isBranch(id) {
			t.OpenBranch(id)
		}
	}
	return t
}
