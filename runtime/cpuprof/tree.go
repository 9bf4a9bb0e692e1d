package cpuprof

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/pprof/profile"
)

// gojaAnonymous is goja's name for a function without one.
const gojaAnonymous = "<anonymous>"

// fnInfo is one function of goja's profile.
type fnInfo struct {
	name  string
	file  string
	lines []int // every line sampled in it, on top or as a caller
	pos   Function
	found bool // pos is the function's start, not its first sampled line
}

// build turns goja's aggregated profile into the call tree and its samples,
// and gives pp's functions their start lines. wall is the profile's
// duration, idle the loop's wait in poll during it.
func build(pp *profile.Profile, files map[string]*source, wall, idle time.Duration) *Profile {
	fns := map[uint64]*fnInfo{}
	for _, f := range pp.Function {
		fns[f.ID] = &fnInfo{name: gojaName(f), file: f.Filename}
	}
	for _, loc := range pp.Location {
		for _, ln := range loc.Line {
			if fi := fns[ln.Function.ID]; fi != nil && ln.Line > 0 {
				fi.lines = append(fi.lines, int(ln.Line))
			}
		}
	}
	parsed := map[string]*fileFuncs{}
	for _, fi := range fns {
		fi.pos = Function{Name: fi.name, File: fi.file}
		if len(fi.lines) == 0 {
			continue
		}
		lo, hi := slices.Min(fi.lines), slices.Max(fi.lines)
		fi.pos.Line = lo
		src := files[fi.file]
		if src == nil {
			continue
		}
		ff := parsed[fi.file]
		if ff == nil {
			ff = src.functions()
			parsed[fi.file] = ff
		}
		if d, ok := ff.find(fi.name, lo, hi); ok {
			fi.pos.Name, fi.pos.Line, fi.pos.Column = d.shown, d.line, d.col
			fi.found = true
		}
	}
	for _, f := range pp.Function {
		if fi := fns[f.ID]; fi.found {
			f.StartLine = int64(fi.pos.Line)
		}
	}

	t := &treeBuilder{byEdge: map[edge]int{}}
	t.nodes = append(t.nodes, Node{Func: Function{Name: RootName}})
	program := t.child(0, edge{meta: ProgramName}, Function{Name: ProgramName})
	js := 0
	for _, s := range pp.Sample {
		if len(s.Location) == 0 || len(s.Value) == 0 {
			continue
		}
		n, line := 0, 0
		// Locations are innermost first.
		for i := len(s.Location) - 1; i >= 0; i-- {
			loc := s.Location[i]
			if len(loc.Line) == 0 || loc.Line[0].Function == nil {
				continue
			}
			fi := fns[loc.Line[0].Function.ID]
			if hookHelpers[fi.name] {
				continue // the debugger's: its time is its caller's
			}
			n = t.child(n, edge{parent: n, fn: loc.Line[0].Function.ID}, fi.pos)
			line = int(loc.Line[0].Line)
		}
		count := int(s.Value[0])
		if n == 0 || count <= 0 {
			continue
		}
		t.nodes[n].Self += count
		t.nodes[n].Lines = addTicks(t.nodes[n].Lines, line, count)
		js += count
	}

	// Wall time goja did not sample: the loop's wait in poll, the rest.
	rest := wall - time.Duration(js)*Interval
	if rest < 0 {
		rest = 0
	}
	idle = min(max(idle, 0), rest)
	nIdle := int((idle + Interval/2) / Interval)
	nProgram := int((rest - idle + Interval/2) / Interval)
	t.nodes[program].Self = nProgram
	idleNode := -1
	if nIdle > 0 {
		idleNode = t.child(0, edge{meta: IdleName}, Function{Name: IdleName})
		t.nodes[idleNode].Self = nIdle
	}

	out := &Profile{}
	out.Nodes = t.ordered()
	// Samples: the JavaScript ones by stack in tree order, then V8's nodes.
	var walk func(i int)
	walk = func(i int) {
		n := &out.Nodes[i]
		if !isMeta(n.Func) {
			for range n.Self {
				out.Samples = append(out.Samples, i)
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(0)
	for i, n := range out.Nodes {
		if isMeta(n.Func) {
			for range n.Self {
				out.Samples = append(out.Samples, i)
			}
		}
	}
	out.Deltas = make([]time.Duration, len(out.Samples))
	for i := range out.Deltas {
		out.Deltas[i] = Interval
	}
	return out
}

// gojaName undoes goja's renaming: anonymous functions are
// "<anonymous>", and a name already taken gets ".<function id>".
func gojaName(f *profile.Function) string {
	name := strings.TrimSuffix(f.Name, "."+strconv.FormatUint(f.ID, 10))
	if name == gojaAnonymous {
		return ""
	}
	return name
}

func addTicks(lines []LineTicks, line, n int) []LineTicks {
	i, found := slices.BinarySearchFunc(lines, line, func(lt LineTicks, l int) int { return cmp.Compare(lt.Line, l) })
	if found {
		lines[i].Ticks += n
		return lines
	}
	return slices.Insert(lines, i, LineTicks{Line: line, Ticks: n})
}

// edge names a child: a function (by goja's id) under a parent, or one of
// V8's nodes.
type edge struct {
	parent int
	fn     uint64
	meta   string
}

type treeBuilder struct {
	nodes  []Node
	byEdge map[edge]int
}

func (t *treeBuilder) child(parent int, e edge, f Function) int {
	if i, ok := t.byEdge[e]; ok {
		return i
	}
	i := len(t.nodes)
	t.nodes = append(t.nodes, Node{Func: f})
	t.nodes[parent].Children = append(t.nodes[parent].Children, i)
	t.byEdge[e] = i
	return i
}

// ordered returns the nodes numbered depth first, children in a stable
// order ("(program)" first, "(idle)" last, functions by position), so that
// a profile of the same run reads the same every time.
func (t *treeBuilder) ordered() []Node {
	out := make([]Node, 0, len(t.nodes))
	var visit func(i int) int
	visit = func(i int) int {
		n := t.nodes[i]
		at := len(out)
		out = append(out, Node{Func: n.Func, Self: n.Self, Lines: n.Lines})
		kids := slices.Clone(n.Children)
		slices.SortStableFunc(kids, func(a, b int) int { return compareFuncs(t.nodes[a].Func, t.nodes[b].Func) })
		for _, k := range kids {
			j := visit(k)
			out[at].Children = append(out[at].Children, j)
		}
		return at
	}
	visit(0)
	return out
}

// isMeta says f is one of V8's nodes rather than a function.
func isMeta(f Function) bool {
	return f.File == "" && f.Line == 0 && (f.Name == RootName || f.Name == ProgramName || f.Name == IdleName)
}

func metaRank(f Function) int {
	if !isMeta(f) {
		return 1
	}
	switch f.Name {
	case ProgramName:
		return 0
	case IdleName:
		return 2
	}
	return 1
}

func compareFuncs(a, b Function) int {
	return cmp.Or(
		cmp.Compare(metaRank(a), metaRank(b)),
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Name, b.Name),
	)
}
