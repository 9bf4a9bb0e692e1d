package modules

import (
	"encoding/json"
	"strings"
	"testing"
)

func FuzzVLQRoundTrip(f *testing.F) {
	for _, v := range []int{0, 1, -1, 15, 16, -16, 1 << 20, -(1 << 25)} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v int) {
		if v > 1<<40 || v < -(1<<40) {
			return
		}
		var b strings.Builder
		encodeVLQ(&b, v)
		got, ok := decodeVLQ(b.String())
		if !ok || len(got) != 1 || got[0] != v {
			t.Fatalf("%d -> %q -> %v %v", v, b.String(), got, ok)
		}
	})
}

func TestShiftForGoja(t *testing.T) {
	// Two lines: line 1 maps columns 0 and 4 to source 0 line 0 columns 0
	// and 4; line 2 maps column 2 to line 1 column 0.
	in := `{"version":3,"sources":["a.js"],"mappings":"AAAA,IAAI;EACJ"}`
	var m struct{ Mappings string }
	must(t, json.Unmarshal(shiftForGoja([]byte(in)), &m))
	var segs [][]int
	for _, line := range strings.Split(m.Mappings, ";") {
		for _, seg := range strings.Split(line, ",") {
			f, ok := decodeVLQ(seg)
			if !ok {
				t.Fatalf("bad segment %q", seg)
			}
			segs = append(segs, f)
		}
	}
	// Generated columns 1, +4 (=5) and 3; original columns 1, +4, -4 (relative).
	want := [][]int{{1, 0, 0, 1}, {4, 0, 0, 4}, {3, 0, 1, -4}}
	if len(segs) != len(want) {
		t.Fatalf("segments %v", segs)
	}
	for i := range want {
		for j := range want[i] {
			if segs[i][j] != want[i][j] {
				t.Fatalf("segments %v, want %v", segs, want)
			}
		}
	}
}
