package ui

import (
	"errors"
	"fmt"
	"image/color"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The editor's find bar (Ctrl+F) and go-to-line bar (Ctrl+G): a row over
// the text, as in VS Code. Matches are found on the UI goroutine at each
// change of the query or the text: a plain scan of the lines, about a
// millisecond for 10k lines, so no index is kept.

// Colours of the matches: every match, and the current one stronger.
var (
	matchColour        = color.NRGBA{R: 0xf0, G: 0x90, B: 0x30, A: 0x50}
	currentMatchColour = color.NRGBA{R: 0xf0, G: 0x90, B: 0x30, A: 0xb0}
)

// textMatch is one occurrence of the query: 0-based line, rune column and
// length in runes (0 for a regular expression's empty match, such as ^).
type textMatch struct{ line, col, n int }

func (m textMatch) from() textPos { return textPos{m.line, m.col} }
func (m textMatch) to() textPos   { return textPos{m.line, m.col + m.n} }

// findOptions is what the find bar searches for: the query and its three
// toggles, as in VS Code.
type findOptions struct {
	query                       string
	matchCase, wholeWord, regex bool
}

// matcher finds a query's matches one line at a time (a match never spans
// lines, as in VS Code unless the pattern holds \n).
type matcher struct {
	opts findOptions
	re   *regexp.Regexp // regex mode
	q    []rune         // plain mode: the query, lower-cased unless matchCase
}

// newMatcher compiles o; an invalid regular expression is an error
// wrapping ErrBadPattern, with a message for the find bar.
func newMatcher(o findOptions) (*matcher, error) {
	m := &matcher{opts: o}
	if !o.regex {
		m.q = []rune(o.query)
		if !o.matchCase {
			m.q = lowerRunes(m.q)
		}
		return m, nil
	}
	expr := o.query
	if !o.matchCase {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		msg := err.Error()
		var se *syntax.Error
		if errors.As(err, &se) {
			// What is wrong and where, in the pattern as typed (without
			// the case flag added here).
			msg = fmt.Sprintf("%s in `%s`", se.Code, strings.TrimPrefix(se.Expr, "(?i)"))
		}
		return nil, &patternError{"invalid regular expression: " + msg}
	}
	m.re = re
	return m, nil
}

// ErrBadPattern is a find bar query that is not a valid regular expression.
var ErrBadPattern = errors.New("ui: bad find pattern")

// patternError is an ErrBadPattern whose message is what the find bar
// shows.
type patternError struct{ msg string }

func (e *patternError) Error() string        { return e.msg }
func (e *patternError) Is(target error) bool { return target == ErrBadPattern }

// each calls fn with each match in s, in order: its rune column and length
// and, for a regular expression, its submatches' byte offsets in s (nil
// for plain text).
func (m *matcher) each(s string, fn func(col, n int, loc []int)) {
	if m.opts.query == "" {
		return
	}
	if m.re != nil {
		m.eachRegexp(s, fn)
		return
	}
	if m.opts.matchCase && !strings.Contains(s, m.opts.query) {
		return // most lines: no copy into runes
	}
	r := []rune(s)
	if !m.opts.matchCase {
		r = lowerRunes(r)
	}
	q := m.q
	for i := 0; i+len(q) <= len(r); {
		if runesAt(r, i, q) && (!m.opts.wholeWord || wordBoundsRunes(r, i, i+len(q))) {
			fn(i, len(q), nil)
			i += len(q)
		} else {
			i++
		}
	}
}

func (m *matcher) eachRegexp(s string, fn func(col, n int, loc []int)) {
	byteAt, col := 0, 0 // col is the rune column of byte offset byteAt
	for _, loc := range m.re.FindAllStringSubmatchIndex(s, -1) {
		if m.opts.wholeWord && !wordBoundsBytes(s, loc[0], loc[1]) {
			continue
		}
		col += utf8.RuneCountInString(s[byteAt:loc[0]])
		byteAt = loc[0]
		fn(col, utf8.RuneCountInString(s[loc[0]:loc[1]]), loc)
	}
}

// isWordRune says whether r is part of a word for the whole-word toggle:
// letters, digits and underscores, as identifiers are made of.
func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordBoundsRunes says whether r[i:j] has no word rune just outside it.
func wordBoundsRunes(r []rune, i, j int) bool {
	return (i == 0 || !isWordRune(r[i-1])) && (j == len(r) || !isWordRune(r[j]))
}

// wordBoundsBytes is wordBoundsRunes for the byte offsets s[i:j].
func wordBoundsBytes(s string, i, j int) bool {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) {
			return false
		}
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// findMatches returns the non-overlapping matches of o in lines, in
// order; matchCase false compares letters case-folded rune by rune, so
// that columns stay those of the text.
func findMatches(lines []string, o findOptions) ([]textMatch, error) {
	m, err := newMatcher(o)
	if err != nil {
		return nil, err
	}
	var out []textMatch
	for l, s := range lines {
		m.each(s, func(col, n int, _ []int) { out = append(out, textMatch{l, col, n}) })
	}
	return out, nil
}

func lowerRunes(r []rune) []rune {
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}

func runesAt(r []rune, i int, q []rune) bool {
	for j, c := range q {
		if r[i+j] != c {
			return false
		}
	}
	return true
}

// barEntry is the find bar's and go-to-line bar's entry: Escape closes
// the bar, Shift+Enter goes backwards, and the window's keys pass on.
type barEntry struct {
	widget.Entry
	shift    bool
	onEscape func()
	// onReturn gets Enter, with shift held or not.
	onReturn func(shift bool)
	onKey    func(*fyne.KeyEvent)
	// onShortcut gets the shortcuts an entry has no use for (Ctrl+S,
	// Ctrl+G, ...), which the entry would drop.
	onShortcut func(fyne.Shortcut)
	// onCtrlAltReturn gets Ctrl+Alt+Enter (Replace All, as in VS Code).
	onCtrlAltReturn func()
}

func (e *barEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.onCtrlAltReturn != nil && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		cs.Modifier == fyne.KeyModifierControl|fyne.KeyModifierAlt {
		e.onCtrlAltReturn()
		return
	}
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.onShortcut != nil && windowShortcutKey(cs.KeyName) {
		e.onShortcut(s)
		return
	}
	e.Entry.TypedShortcut(s)
}

// windowShortcutKey says whether a shortcut on key is the window's or the
// editor's: letters and function keys (an entry's own are arrows,
// Backspace and Delete, and the standard ones, which are not
// CustomShortcuts).
func windowShortcutKey(k fyne.KeyName) bool {
	return len(k) == 1 && k[0] >= 'A' && k[0] <= 'Z' || len(k) >= 2 && k[0] == 'F' && k[1] >= '1' && k[1] <= '9'
}

func newBarEntry(placeholder string) *barEntry {
	e := &barEntry{}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

func (e *barEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

func (e *barEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

func (e *barEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.onReturn != nil:
		e.onReturn(e.shift)
	case isWindowKey(k) && e.onKey != nil:
		e.onKey(k)
	default:
		e.Entry.TypedKey(k)
	}
}

// findBar is the rows over an editor with the find (and replace) and
// go-to-line controls; find or go to line shows at a time.
type findBar struct {
	e *editor

	query     *barEntry
	count     *widget.Label
	matchCase *widget.Check
	wholeWord *widget.Check
	regex     *widget.Check
	findRow   *fyne.Container
	// message says what is wrong with the query (an invalid regular
	// expression); hidden when nothing is.
	message *widget.Label

	replace    *barEntry
	replaceRow *fyne.Container

	line    *barEntry
	lineMsg *widget.Label
	lineRow *fyne.Container
}

func newFindBar(e *editor) *findBar {
	b := &findBar{e: e}
	b.query = newBarEntry("Find")
	b.query.OnChanged = func(string) { e.updateMatches(true) }
	b.query.onReturn = func(shift bool) {
		if shift {
			e.FindPrevious()
		} else {
			e.FindNext()
		}
	}
	b.query.onEscape = e.HideBars
	b.query.onKey = func(k *fyne.KeyEvent) { e.TypedKey(k) }
	b.query.onShortcut = e.TypedShortcut
	b.count = widget.NewLabel("")
	// The toggles as VS Code labels them: match case, whole word, regex.
	b.matchCase = widget.NewCheck("Aa", func(bool) { e.updateMatches(true) })
	b.wholeWord = widget.NewCheck("Word", func(bool) { e.updateMatches(true) })
	b.regex = widget.NewCheck(".*", func(bool) { e.updateMatches(true) })
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), e.FindPrevious)
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), e.FindNext)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), e.HideBars)
	for _, btn := range []*widget.Button{prev, next, closeBtn} {
		btn.Importance = widget.LowImportance
	}
	b.findRow = container.NewBorder(nil, nil, nil,
		container.NewHBox(b.count, b.matchCase, b.wholeWord, b.regex, prev, next, closeBtn), b.query)
	b.message = widget.NewLabel("")
	b.message.Importance = widget.DangerImportance
	b.message.Wrapping = fyne.TextWrapWord
	b.message.Hide()

	b.replace = newBarEntry("Replace")
	b.replace.onReturn = func(bool) { e.ReplaceNext() }
	b.replace.onCtrlAltReturn = func() { e.ReplaceAll() }
	b.replace.onEscape = e.HideBars
	b.replace.onKey = b.query.onKey
	b.replace.onShortcut = e.TypedShortcut
	replaceOne := widget.NewButton("Replace", e.ReplaceNext)
	replaceAll := widget.NewButton("Replace All", func() { e.ReplaceAll() })
	for _, btn := range []*widget.Button{replaceOne, replaceAll} {
		btn.Importance = widget.LowImportance
	}
	b.replaceRow = container.NewBorder(nil, nil, nil, container.NewHBox(replaceOne, replaceAll), b.replace)
	b.replaceRow.Hide()

	b.line = newBarEntry("Line number")
	b.line.onReturn = func(bool) {
		if e.GoToLine(b.line.Text) {
			e.HideBars()
		}
	}
	b.line.onEscape = e.HideBars
	b.line.onKey = b.query.onKey
	b.line.onShortcut = e.TypedShortcut
	b.lineMsg = widget.NewLabel("")
	lineClose := widget.NewButtonWithIcon("", theme.CancelIcon(), e.HideBars)
	lineClose.Importance = widget.LowImportance
	b.lineRow = container.NewBorder(nil, nil, widget.NewLabel("Go to line"), container.NewHBox(b.lineMsg, lineClose), b.line)
	return b
}

// options is what the bar searches for.
func (b *findBar) options() findOptions {
	return findOptions{query: b.query.Text, matchCase: b.matchCase.Checked, wholeWord: b.wholeWord.Checked, regex: b.regex.Checked}
}

// finding says whether the find bar is open.
func (e *editor) finding() bool { return e.find != nil && e.bars.Visible() && e.find.findRow.Visible() }

// ShowFind opens the find bar (Ctrl+F) with the selection, when it is on
// one line, as the query, and gives it the keyboard.
func (e *editor) ShowFind() {
	e.ensureBar()
	b := e.find
	if s := e.SelectedText(); s != "" && !strings.Contains(s, "\n") {
		if b.regex.Checked {
			s = regexp.QuoteMeta(s)
		}
		b.query.SetText(s) // OnChanged finds the matches
	}
	b.lineRow.Hide()
	b.replaceRow.Hide()
	b.findRow.Show()
	e.bars.Show()
	e.updateMatches(false)
	e.focus(b.query)
}

// ShowGoToLine opens the go-to-line bar (Ctrl+G).
func (e *editor) ShowGoToLine() {
	e.ensureBar()
	b := e.find
	b.line.SetText("")
	b.lineMsg.SetText(fmt.Sprintf("1–%d", len(e.lines)))
	b.findRow.Hide()
	b.message.Hide()
	b.replaceRow.Hide()
	b.lineRow.Show()
	e.bars.Show()
	e.matches = nil
	e.Refresh()
	e.focus(b.line)
}

// HideBars closes the find or go-to-line bar and gives the keyboard back
// to the text.
func (e *editor) HideBars() {
	if e.find == nil {
		return
	}
	e.bars.Hide()
	e.matches, e.current = nil, -1
	e.Refresh()
	e.focus(e)
}

func (e *editor) ensureBar() {
	if e.find != nil {
		return
	}
	e.find = newFindBar(e)
	e.bars.Objects = []fyne.CanvasObject{container.NewVBox(e.find.findRow, e.find.message, e.find.replaceRow, e.find.lineRow)}
	e.bars.Refresh()
}

func (e *editor) focus(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(o)
	}
}

// GoToLine moves the cursor to a 1-based line given as text; false (and
// a message in the bar) when it is not a line of the file.
func (e *editor) GoToLine(text string) bool {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || n < 1 || n > len(e.lines) {
		if e.find != nil {
			e.find.lineMsg.SetText(fmt.Sprintf("not a line: 1–%d", len(e.lines)))
		}
		return false
	}
	e.MoveCursor(n - 1)
	return true
}

// updateMatches finds the query again (after the query, the case toggle
// or the text changed); jump moves to the first match at or after the
// cursor, as typing in the find bar does.
func (e *editor) updateMatches(jump bool) {
	if !e.finding() {
		return
	}
	b := e.find
	var err error
	e.matches, err = findMatches(e.lines, b.options())
	e.current = -1
	if err != nil {
		// The pattern is being typed: say what is wrong, find nothing.
		b.message.SetText(err.Error())
		b.message.Show()
	} else if b.message.Visible() {
		b.message.Hide()
	}
	if len(e.matches) > 0 {
		from, _, _ := e.selection()
		i := sort.Search(len(e.matches), func(i int) bool { return !e.matches[i].from().before(from) })
		if i == len(e.matches) {
			i = 0
		}
		if jump {
			e.selectMatch(i)
		} else if m := e.matches[i]; m.from() == from {
			e.current = i
		}
	}
	e.showCount()
	e.Refresh()
}

func (e *editor) showCount() {
	switch {
	case e.find.query.Text == "", e.find.message.Visible():
		e.find.count.SetText("")
	case len(e.matches) == 0:
		e.find.count.SetText("No results")
	case e.current < 0:
		e.find.count.SetText(fmt.Sprintf("%d found", len(e.matches)))
	default:
		e.find.count.SetText(fmt.Sprintf("%d of %d", e.current+1, len(e.matches)))
	}
}

// selectMatch selects match i and scrolls to it.
func (e *editor) selectMatch(i int) {
	m := e.matches[i]
	e.current = i
	e.anchor, e.cursor, e.selecting = m.from(), m.to(), true
	e.lastEdit = ""
	e.ScrollTo(m.line)
	e.cursorMoved()
	e.showCount()
}

// FindNext selects the next match after the cursor, wrapping at the end
// (Enter or F3).
func (e *editor) FindNext() {
	if len(e.matches) == 0 {
		return
	}
	i := sort.Search(len(e.matches), func(i int) bool { return !e.matches[i].from().before(e.cursor) })
	if i < len(e.matches) && i == e.current && e.matches[i].n == 0 {
		i++ // an empty match (^) is where the cursor stays: on to the next
	}
	if i == len(e.matches) {
		i = 0
	}
	e.selectMatch(i)
}

// FindPrevious selects the match before the selection, wrapping at the
// start (Shift+Enter or Shift+F3).
func (e *editor) FindPrevious() {
	if len(e.matches) == 0 {
		return
	}
	from, _, _ := e.selection()
	i := sort.Search(len(e.matches), func(i int) bool { return !e.matches[i].from().before(from) }) - 1
	if i < 0 {
		i = len(e.matches) - 1
	}
	e.selectMatch(i)
}

// visibleMatches is the range of matches on lines first to last.
func (e *editor) visibleMatches(first, last int) []textMatch {
	lo := sort.Search(len(e.matches), func(i int) bool { return e.matches[i].line >= first })
	hi := sort.Search(len(e.matches), func(i int) bool { return e.matches[i].line > last })
	return e.matches[lo:hi]
}

// withEditor makes a menu action of an editor method: it applies to the
// current tab's editor, if any.
func (w *Window) withEditor(fn func(*editor)) func() {
	return func() {
		if ed := w.currentEditor(); ed != nil {
			fn(ed)
		}
	}
}
