package ui

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Preferences: what the user sets once and finds again at the next start,
// kept in the app's Preferences (fyne.App.Preferences: a file in the
// user's config folder for the real app, memory for Fyne's test app).

// Preference keys.
const (
	prefTheme    = "theme"           // "system", "light" or "dark"
	prefFontSize = "editor.fontSize" // points; 0 is the theme's
	prefPoolSize = "run.poolSize"    // workers; 0 is UV_THREADPOOL_SIZE or 4
	prefPace     = "learning.pace"   // ms before every callback in learning mode
)

// Limits of the settings; a value outside is refused with a message.
const (
	minFontSize, maxFontSize = 6, 48
	maxPoolSize              = 1024 // libuv's own limit for UV_THREADPOOL_SIZE
	maxPace                  = 1000 // the pace slider's end
)

var themeNames = []string{"system", "light", "dark"}

// settings are the preferences in force.
type settings struct {
	theme    string
	fontSize float64
	poolSize int
	pace     float64
}

func loadSettings(p fyne.Preferences) settings {
	s := settings{
		theme:    p.StringWithFallback(prefTheme, "system"),
		fontSize: p.Float(prefFontSize),
		poolSize: p.Int(prefPoolSize),
		pace:     p.Float(prefPace),
	}
	// A hand-edited or old preferences file must not break the window.
	if s.check() != nil {
		return settings{theme: "system"}
	}
	return s
}

// check says what is wrong with s, if anything.
func (s settings) check() error {
	switch {
	case !slices.Contains(themeNames, s.theme):
		return fmt.Errorf("theme %q, not one of %v: %w", s.theme, themeNames, ErrBadSetting)
	case s.fontSize != 0 && (s.fontSize < minFontSize || s.fontSize > maxFontSize):
		return fmt.Errorf("font size %g, not from %d to %d points: %w", s.fontSize, minFontSize, maxFontSize, ErrBadSetting)
	case s.poolSize < 0 || s.poolSize > maxPoolSize:
		return fmt.Errorf("worker pool size %d, not from 0 (the default) to %d: %w", s.poolSize, maxPoolSize, ErrBadSetting)
	case s.pace < 0 || s.pace > maxPace:
		return fmt.Errorf("pace %g ms, not from 0 to %d: %w", s.pace, maxPace, ErrBadSetting)
	}
	return nil
}

func (s settings) save(p fyne.Preferences) {
	p.SetString(prefTheme, s.theme)
	p.SetFloat(prefFontSize, s.fontSize)
	p.SetInt(prefPoolSize, s.poolSize)
	p.SetFloat(prefPace, s.pace)
}

// ErrBadSetting is a preference that is not a number or out of its range.
var ErrBadSetting = errors.New("ui: bad setting")

// variantTheme is the default theme held to one variant, for a light or
// dark preference whatever the system's.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// themeFor is the app theme for a theme preference.
func themeFor(name string) fyne.Theme {
	switch name {
	case "light":
		return variantTheme{theme.DefaultTheme(), theme.VariantLight}
	case "dark":
		return variantTheme{theme.DefaultTheme(), theme.VariantDark}
	}
	return theme.DefaultTheme()
}

// isDark says whether a background colour is dark, for the editor's
// colours: it follows the theme in force, which may hold a variant of
// its own.
func isDark(bg color.Color) bool {
	r, g, b, _ := bg.RGBA()
	return 299*r+587*g+114*b < 500*0xffff
}

// applySettings puts s in force: the app's theme, the editors' font size,
// the learning mode's pace; the pool size is read at each run.
func (w *Window) applySettings(s settings) {
	if s.theme != w.settings.theme {
		fyne.CurrentApp().Settings().SetTheme(themeFor(s.theme))
	}
	w.settings = s
	for _, ed := range w.editors {
		ed.SetFontSize(float32(s.fontSize))
	}
	w.pace = s.pace
	if w.loopPanel != nil && w.loopPanel.pace.Value != s.pace {
		w.loopPanel.pace.SetValue(s.pace)
	}
}

// rememberPace keeps the pace set from the learning panel for the next
// start.
func (w *Window) rememberPace(ms float64) {
	w.settings.pace = ms
	if w.prefs != nil {
		w.prefs.SetFloat(prefPace, ms)
	}
}

// prefsDialog is the Preferences dialog; submit checks and applies what
// its fields hold (an error changes nothing).
type prefsDialog struct {
	d        dialog.Dialog
	theme    *widget.RadioGroup
	fontSize *widget.Entry
	poolSize *widget.Entry
	pace     *widget.Entry
	message  *widget.Label
}

func (w *Window) newPrefsDialog() *prefsDialog {
	s := w.settings
	p := &prefsDialog{
		theme:    widget.NewRadioGroup(themeNames, nil),
		fontSize: widget.NewEntry(),
		poolSize: widget.NewEntry(),
		pace:     widget.NewEntry(),
		message:  widget.NewLabel(""),
	}
	p.theme.Horizontal = true
	p.theme.Required = true
	p.theme.SetSelected(s.theme)
	num := func(e *widget.Entry, v float64, placeholder string) {
		e.SetPlaceHolder(placeholder)
		if v != 0 {
			e.SetText(strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	num(p.fontSize, s.fontSize, fmt.Sprintf("theme's (%g)", theme.TextSize()))
	num(p.poolSize, float64(s.poolSize), "UV_THREADPOOL_SIZE, else 4")
	num(p.pace, s.pace, "0: full speed")
	p.message.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("Theme", p.theme),
		widget.NewFormItem("Editor font size", p.fontSize),
		widget.NewFormItem("Worker pool size", p.poolSize),
		widget.NewFormItem("Learning pace (ms)", p.pace),
		widget.NewFormItem("", p.message),
	}
	p.d = dialog.NewForm("Preferences", "Save", "Cancel", items, func(ok bool) {
		if ok {
			w.submitPrefs(p)
		}
	}, w.win)
	p.d.Resize(fyne.NewSize(520, p.d.MinSize().Height))
	return p
}

// submitPrefs reads the dialog; valid settings are applied and saved,
// else the message says what is wrong (and the dialog shows again).
func (w *Window) submitPrefs(p *prefsDialog) error {
	s, err := p.read()
	if err == nil {
		err = s.check()
	}
	if err != nil {
		p.message.SetText(err.Error())
		p.d.Show()
		return err
	}
	w.applySettings(s)
	if w.prefs != nil {
		s.save(w.prefs)
	}
	w.setStatus("Preferences saved")
	return nil
}

func (p *prefsDialog) read() (settings, error) {
	s := settings{theme: p.theme.Selected}
	num := func(e *widget.Entry, what string) (float64, error) {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return 0, nil
		}
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, fmt.Errorf("%s %q, not a number: %w", what, t, ErrBadSetting)
		}
		return v, nil
	}
	var err error
	if s.fontSize, err = num(p.fontSize, "font size"); err != nil {
		return s, err
	}
	pool, err := num(p.poolSize, "worker pool size")
	if err != nil {
		return s, err
	}
	if pool != float64(int(pool)) {
		return s, fmt.Errorf("worker pool size %g, not a whole number: %w", pool, ErrBadSetting)
	}
	s.poolSize = int(pool)
	if s.pace, err = num(p.pace, "pace"); err != nil {
		return s, err
	}
	return s, nil
}

func (w *Window) showPrefs() {
	w.newPrefsDialog().d.Show()
}
