package cpuprof

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
)

// TestBuild turns a goja profile into the tree: goja's duplicate-name
// suffixes come off, the debugger's helpers leave the stacks, the wall
// time goja did not sample splits into idle and program time.
func TestBuild(t *testing.T) {
	fn := func(id uint64, name string) *profile.Function {
		return &profile.Function{ID: id, Name: name, Filename: "/t/x.js"}
	}
	outer, helper, inner, anon := fn(1, "outer"), fn(2, "$$G"), fn(3, "outer.3"), fn(4, "<anonymous>.4")
	loc := func(id uint64, f *profile.Function, line int64) *profile.Location {
		return &profile.Location{ID: id, Line: []profile.Line{{Function: f, Line: line}}}
	}
	l1, l2, l3, l4, l5 := loc(1, outer, 2), loc(2, helper, 9), loc(3, inner, 5), loc(4, anon, 7), loc(5, outer, 3)
	pp := &profile.Profile{
		Function: []*profile.Function{outer, helper, inner, anon},
		Location: []*profile.Location{l1, l2, l3, l4, l5},
		Sample: []*profile.Sample{
			{Location: []*profile.Location{l3, l2, l1}, Value: []int64{3, 0}}, // inner <- $$G <- outer
			{Location: []*profile.Location{l2, l5}, Value: []int64{2, 0}},     // $$G <- outer, on line 3
			{Location: []*profile.Location{l4}, Value: []int64{1, 0}},
		},
	}
	p := build(pp, nil, 100*time.Millisecond, 30*time.Millisecond)
	var lines []string
	var walk func(i, depth int)
	walk = func(i, depth int) {
		n := p.Nodes[i]
		lines = append(lines, fmt.Sprintf("%s%q@%d self %d %v", strings.Repeat(" ", depth), n.Func.Name, n.Func.Line, n.Self, n.Lines))
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(0, 0)
	want := []string{
		`"(root)"@0 self 0 []`,
		` "(program)"@0 self 1 []`,  // 100 ms - 6 samples of 10 ms - 30 ms idle
		` "outer"@2 self 2 [{3 2}]`, // no source: placed at its first sampled line
		`  "outer"@5 self 3 [{5 3}]`,
		` ""@7 self 1 [{7 1}]`,
		` "(idle)"@0 self 3 []`,
	}
	if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("tree:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	checkShape(t, &Profile{Nodes: p.Nodes, Samples: p.Samples, Deltas: p.Deltas, Start: time.Unix(0, 0), End: time.Unix(1, 0)})
}
