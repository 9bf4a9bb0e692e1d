package ui

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/studiojs/studio/inspector"
	"github.com/studiojs/studio/launch"
)

// reopen makes a second Window on the harness's app and project, as the
// next start of Studio would (the app's preferences are the same).
func (h *harness) reopen(project string) *Window {
	h.t.Helper()
	w := New(fyne.CurrentApp(), Options{Project: project, Do: func(f func()) { h.queue <- f }, Launcher: h.w.opts.Launcher})
	h.t.Cleanup(w.win.Close)
	return w
}

func appIsDark() bool {
	s := fyne.CurrentApp().Settings()
	return isDark(s.Theme().Color(theme.ColorNameBackground, s.ThemeVariant()))
}

// TestPreferences: the dialog's values are checked, applied at once
// (theme, editor font size, pace) and found again by the next window;
// bad input says what is wrong and changes nothing.
func TestPreferences(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": "console.log(1);\n"})
	ed := h.w.editors[filepath.Join(dir, "index.js")]
	lineHeight := ed.lineHeight()

	for _, variant := range []string{"light", "dark"} {
		p := h.w.newPrefsDialog()
		p.theme.SetSelected(variant)
		if err := h.w.submitPrefs(p); err != nil {
			t.Fatal(err)
		}
		if appIsDark() != (variant == "dark") {
			t.Errorf("theme %s: the app's background is dark: %v", variant, appIsDark())
		}
	}

	p := h.w.newPrefsDialog()
	p.fontSize.SetText("20")
	p.poolSize.SetText("2")
	p.pace.SetText("250")
	if err := h.w.submitPrefs(p); err != nil {
		t.Fatal(err)
	}
	if ed.lineHeight() <= lineHeight {
		t.Errorf("font size 20: line height %g, was %g", ed.lineHeight(), lineHeight)
	}
	if h.w.pace != 250 || h.w.loopPanel.pace.Value != 250 {
		t.Errorf("pace 250: window %g, slider %g", h.w.pace, h.w.loopPanel.pace.Value)
	}

	bad := map[string]func(p *prefsDialog){
		"pool size negative":  func(p *prefsDialog) { p.poolSize.SetText("-1") },
		"pool size fraction":  func(p *prefsDialog) { p.poolSize.SetText("2.5") },
		"font size too small": func(p *prefsDialog) { p.fontSize.SetText("3") },
		"font size a word":    func(p *prefsDialog) { p.fontSize.SetText("big") },
		"pace too slow":       func(p *prefsDialog) { p.pace.SetText("5000") },
	}
	for name, set := range bad {
		p := h.w.newPrefsDialog()
		p.theme.SetSelected("light")
		set(p)
		err := h.w.submitPrefs(p)
		if !errors.Is(err, ErrBadSetting) || p.message.Text != err.Error() {
			t.Errorf("%s: error %v, message %q", name, err, p.message.Text)
		}
		if h.w.settings != (settings{theme: "dark", fontSize: 20, poolSize: 2, pace: 250}) || !appIsDark() {
			t.Errorf("%s changed the settings: %+v", name, h.w.settings)
		}
	}

	// The pace set from the learning panel is kept too.
	h.w.loopPanel.pace.SetValue(300)
	h.w.loopPanel.pace.OnChangeEnded(300)

	// The next start: the same settings, applied.
	w2 := h.reopen(dir)
	want := settings{theme: "dark", fontSize: 20, poolSize: 2, pace: 300}
	if w2.settings != want {
		t.Errorf("the next window's settings %+v, want %+v", w2.settings, want)
	}
	if ed2 := w2.editors[filepath.Join(dir, "index.js")]; ed2 == nil || ed2.lineHeight() != ed.lineHeight() {
		t.Error("the next window's editor has not the font size")
	}
	if w2.pace != 300 || w2.loopPanel.pace.Value != 300 || !appIsDark() {
		t.Errorf("the next window: pace %g, slider %g, dark %v", w2.pace, w2.loopPanel.pace.Value, appIsDark())
	}
}

// TestPoolSizePreference: the worker pool size preference is the running
// program's pool, as Studio.snapshot reports it.
func TestPoolSizePreference(t *testing.T) {
	checkLeaks(t)
	h, _ := newHarness(t, map[string]string{"index.js": liveScript})
	pools := make(chan int, 1000)
	h.w.opts.Launcher = func(s RunSpec) (Program, error) {
		onEvent := s.OnEvent
		s.OnEvent = func(e inspector.Event) {
			var ev struct {
				Snapshot struct {
					Pool struct{ Size int } `json:"pool"`
				} `json:"snapshot"`
			}
			if e.Method == "Studio.snapshot" && json.Unmarshal(e.Params, &ev) == nil {
				select {
				case pools <- ev.Snapshot.Pool.Size:
				default:
				}
			}
			onEvent(e)
		}
		p, err := launch.Start(launch.Spec(s))
		if err != nil {
			return nil, err
		}
		return p, nil
	}
	p := h.w.newPrefsDialog()
	p.poolSize.SetText("3")
	if err := h.w.submitPrefs(p); err != nil {
		t.Fatal(err)
	}
	h.w.Run()
	h.waitFor("a snapshot", func() bool { return len(pools) > 0 })
	if got := <-pools; got != 3 {
		t.Errorf("the program's pool has %d workers, want 3", got)
	}
}
