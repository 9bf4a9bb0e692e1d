package debugger

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// BreakpointSpec says where and when to stop.
type BreakpointSpec struct {
	// Path is the file (absolute); or URLRegex matches the path or its
	// file:// URL (what VS Code sends).
	Path     string
	URLRegex string
	Line     int // 1-based
	Column   int // 0-based; -1 for the whole line
	// Condition is an expression evaluated in the frame; the breakpoint
	// stops only when it is truthy (an exception counts as false).
	Condition string
	// HitCondition stops only on some hits: "5" or "==5", ">5", ">=5",
	// "<5", "<=5", "%5" (every fifth).
	HitCondition string
	// LogMessage makes a logpoint: it prints the message, with {expr}
	// parts evaluated in the frame, on the program's console and never stops.
	LogMessage string
}

// Breakpoint is a breakpoint and where it is bound.
type Breakpoint struct {
	ID      string
	Spec    BreakpointSpec
	Enabled bool
	Hits    int

	re   *regexp.Regexp
	locs []bpLoc
}

type bpLoc struct {
	file *fileInfo
	hook int
}

// Location is a place in a script (original positions).
type Location struct {
	ScriptID int
	Path     string
	Line     int // 1-based
	Column   int // 0-based
}

// SetBreakpoint adds a breakpoint. It binds to every loaded file it
// matches and to files that load later; the locations are those bound now.
func (d *Debugger) SetBreakpoint(spec BreakpointSpec) (string, []Location, error) {
	if spec.Line < 1 {
		return "", nil, fmt.Errorf("setting a breakpoint at line %d: %w", spec.Line, ErrBadLocation)
	}
	bp := &Breakpoint{Spec: spec, Enabled: true}
	if spec.URLRegex != "" {
		re, err := regexp.Compile(spec.URLRegex)
		if err != nil {
			return "", nil, fmt.Errorf("setting a breakpoint: url regex %q: %w", spec.URLRegex, err)
		}
		bp.re = re
	} else if spec.Path == "" {
		return "", nil, fmt.Errorf("setting a breakpoint: %w", ErrNoScript)
	}
	d.mu.Lock()
	d.nextBP++
	bp.ID = strconv.Itoa(d.nextBP)
	d.bps[bp.ID] = bp
	for _, f := range d.files {
		d.resolveLocked(bp, f)
	}
	locs := d.locationsLocked(bp)
	d.mu.Unlock()
	_ = d.onLoop(d.armAll)
	return bp.ID, locs, nil
}

// RemoveBreakpoint deletes a breakpoint.
func (d *Debugger) RemoveBreakpoint(id string) error {
	d.mu.Lock()
	_, ok := d.bps[id]
	delete(d.bps, id)
	d.mu.Unlock()
	if !ok {
		return fmt.Errorf("removing breakpoint %q: no such breakpoint", id)
	}
	return d.onLoop(d.armAll)
}

// EnableBreakpoint enables or disables one breakpoint.
func (d *Debugger) EnableBreakpoint(id string, on bool) error {
	d.mu.Lock()
	bp, ok := d.bps[id]
	if ok {
		bp.Enabled = on
	}
	d.mu.Unlock()
	if !ok {
		return fmt.Errorf("enabling breakpoint %q: no such breakpoint", id)
	}
	return d.onLoop(d.armAll)
}

// SetBreakpointsActive turns all breakpoints (and debugger statements) on or off.
func (d *Debugger) SetBreakpointsActive(on bool) {
	d.mu.Lock()
	d.active = on
	d.mu.Unlock()
	_ = d.onLoop(d.armAll)
}

// SetPauseOnExceptions says which exceptions pause the program.
func (d *Debugger) SetPauseOnExceptions(mode ExceptionMode) {
	d.mu.Lock()
	d.onExc = mode
	d.mu.Unlock()
	_ = d.onLoop(d.armAll)
}

// Breakpoints lists the breakpoints in the order they were set.
func (d *Debugger) Breakpoints() []Breakpoint {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]Breakpoint, 0, len(d.bps))
	for _, bp := range d.bps {
		out = append(out, Breakpoint{ID: bp.ID, Spec: bp.Spec, Enabled: bp.Enabled, Hits: bp.Hits})
	}
	sort.Slice(out, func(i, j int) bool {
		a, _ := strconv.Atoi(out[i].ID)
		b, _ := strconv.Atoi(out[j].ID)
		return a < b
	})
	return out
}

// resolveLocked binds bp in f: to the first statement at or after its
// position, as V8 does. d.mu held.
func (d *Debugger) resolveLocked(bp *Breakpoint, f *fileInfo) *BreakpointResolved {
	if !matchPath(bp.Spec.Path, bp.re, f.path) {
		return nil
	}
	for _, l := range bp.locs {
		if l.file == f {
			return nil
		}
	}
	best := -1
	for i, p := range f.pos {
		if !p.ok || p.line < bp.Spec.Line || p.line == bp.Spec.Line && bp.Spec.Column >= 0 && p.col < bp.Spec.Column {
			continue
		}
		if best < 0 || p.line < f.pos[best].line || p.line == f.pos[best].line && p.col < f.pos[best].col {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	bp.locs = append(bp.locs, bpLoc{file: f, hook: best})
	p := f.pos[best]
	return &BreakpointResolved{ID: bp.ID, Location: Location{ScriptID: f.id, Path: f.path, Line: p.line, Column: p.col}}
}

func (d *Debugger) locationsLocked(bp *Breakpoint) []Location {
	var out []Location
	for _, l := range bp.locs {
		p := l.file.pos[l.hook]
		out = append(out, Location{ScriptID: l.file.id, Path: l.file.path, Line: p.line, Column: p.col})
	}
	return out
}

// PossibleBreakpoints lists the statement positions of a script between
// two lines (inclusive, 1-based).
func (d *Debugger) PossibleBreakpoints(scriptID, fromLine, toLine int) ([]Location, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if scriptID < 0 || scriptID >= len(d.files) {
		return nil, ErrNoScript
	}
	f := d.files[scriptID]
	var out []Location
	seen := map[hookPos]bool{}
	for _, p := range f.pos {
		if p.ok && p.line >= fromLine && p.line <= toLine && !seen[p] {
			seen[p] = true
			out = append(out, Location{ScriptID: f.id, Path: f.path, Line: p.line, Column: p.col})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Column < out[j].Column
	})
	return out, nil
}

// bpShouldStop counts a hit and decides whether bp stops here (a logpoint
// prints and never stops). Loop goroutine.
func (d *Debugger) bpShouldStop(bp *Breakpoint, ps *pauseState) bool {
	if c := strings.TrimSpace(bp.Spec.Condition); c != "" {
		v, thrown := d.evalIn(ps, 0, c)
		if thrown != nil || v == nil || !v.ToBoolean() {
			return false
		}
	}
	d.mu.Lock()
	bp.Hits++
	hits := bp.Hits
	d.mu.Unlock()
	if !hitMatches(bp.Spec.HitCondition, hits) {
		return false
	}
	if bp.Spec.LogMessage != "" {
		d.logpoint(ps, bp.Spec.LogMessage)
		return false
	}
	return true
}

func hitMatches(cond string, hits int) bool {
	cond = strings.TrimSpace(cond)
	if cond == "" {
		return true
	}
	ops := []string{">=", "<=", "==", ">", "<", "%", "="}
	op := "=="
	for _, o := range ops {
		if strings.HasPrefix(cond, o) {
			op = o
			cond = strings.TrimSpace(cond[len(o):])
			break
		}
	}
	n, err := strconv.Atoi(cond)
	if err != nil {
		return true
	}
	switch op {
	case ">=":
		return hits >= n
	case "<=":
		return hits <= n
	case ">":
		return hits > n
	case "<":
		return hits < n
	case "%":
		return n > 0 && hits%n == 0
	}
	return hits == n
}

// logpoint prints message with its {expr} parts evaluated, through the
// program's console.log.
func (d *Debugger) logpoint(ps *pauseState, message string) {
	var b strings.Builder
	b.WriteByte('`')
	for i := 0; i < len(message); i++ {
		c := message[i]
		switch c {
		case '{':
			end := strings.IndexByte(message[i:], '}')
			if end < 0 {
				b.WriteString(`\{`)
				continue
			}
			b.WriteString("${")
			b.WriteString(message[i+1 : i+end])
			b.WriteByte('}')
			i += end
		case '`', '\\', '$':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('`')
	v, thrown := d.evalIn(ps, 0, b.String())
	if thrown != nil {
		v = d.vm.ToValue(message + " (logpoint error: " + thrown.String() + ")")
	}
	console := d.vm.Get("console")
	if console == nil || goja.IsUndefined(console) {
		return
	}
	if log, ok := goja.AssertFunction(console.ToObject(d.vm).Get("log")); ok {
		_, _ = log(console, v)
	}
}

// SetBlackboxPatterns makes steps and exception pauses pass through the
// scripts whose path or file:// URL matches one of patterns (regular
// expressions, as CDP's Debugger.setBlackboxPatterns sends them: VS Code's
// skipFiles). Breakpoints in them still stop, as in V8.
func (d *Debugger) SetBlackboxPatterns(patterns []string) error {
	res := make([]*regexp.Regexp, 0, len(patterns))
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("blackbox pattern %q: %w", p, err)
		}
		res = append(res, re)
	}
	d.mu.Lock()
	d.blackbox = res
	for _, f := range d.files {
		f.blackboxed = matchesAny(res, f.path)
	}
	d.mu.Unlock()
	return nil
}

func matchesAny(res []*regexp.Regexp, path string) bool {
	for _, re := range res {
		if matchPath("", re, path) {
			return true
		}
	}
	return false
}
