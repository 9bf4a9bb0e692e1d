package inspector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"

	"github.com/studiojs/studio/runtime/cpuprof"
)

// profilerStopWait bounds how long Profiler.stop waits for the loop to
// name the loaded files: a program paused in the debugger, or inside a long
// synchronous call, cannot answer, and the client's other requests wait
// behind this one.
const profilerStopWait = 2 * time.Second

// profilerState is one session's Profiler domain.
type profilerState struct {
	rec *cpuprof.Profiler // the recording profile, nil when none
	off chan struct{}     // closed by Profiler.disable
}

// profilers holds the Profiler domain of each session that enabled it (the
// Session type is shared with other domains; this one keeps its state
// here). A session's entry goes when it disables the domain or closes.
var profilers = struct {
	sync.Mutex
	m map[*Session]*profilerState
}{m: map[*Session]*profilerState{}}

func init() {
	methods["Profiler.enable"] = (*Session).profilerEnable
	methods["Profiler.disable"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		profilers.Lock()
		st := profilers.m[s]
		delete(profilers.m, s)
		profilers.Unlock()
		if st != nil {
			close(st.off)
			discard(st.rec) // as V8: a profile still recording is dropped
		}
		return nil, nil
	}
	methods["Profiler.setSamplingInterval"] = func(s *Session, _ context.Context, p json.RawMessage) (any, error) {
		var req struct {
			Interval *int `json:"interval"`
		}
		if err := decode(p, &req); err != nil {
			return nil, err
		}
		if req.Interval == nil {
			return nil, fmt.Errorf("%w: interval: missing", ErrInvalidParams)
		}
		// goja samples every cpuprof.Interval: the interval is checked as
		// V8 checks it, and otherwise has no effect.
		profilers.Lock()
		defer profilers.Unlock()
		if st := profilers.m[s]; st != nil && st.rec != nil {
			return nil, &serverError{"Cannot change sampling interval when profiling."}
		}
		return nil, nil
	}
	methods["Profiler.start"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		profilers.Lock()
		defer profilers.Unlock()
		st := profilers.m[s]
		if st == nil {
			return nil, &serverError{"Profiler is not enabled"}
		}
		if st.rec != nil {
			return nil, nil // V8: already recording
		}
		rec, err := cpuprof.Start(s.t.Runtime())
		if errors.Is(err, cpuprof.ErrActive) {
			return nil, &serverError{"Another CPU profile is recording: Studio records one at a time (goja's profiler is process-wide)"}
		}
		if err != nil {
			return nil, err
		}
		st.rec = rec
		return nil, nil
	}
	methods["Profiler.stop"] = (*Session).profilerStop
}

func (s *Session) profilerEnable(_ context.Context, _ json.RawMessage) (any, error) {
	profilers.Lock()
	defer profilers.Unlock()
	if profilers.m[s] != nil {
		return nil, nil
	}
	st := &profilerState{off: make(chan struct{})}
	profilers.m[s] = st
	// A client that goes away while recording leaves no profile running.
	go func() {
		select {
		case <-s.ctx.Done():
		case <-st.off:
			return
		}
		profilers.Lock()
		delete(profilers.m, s)
		rec := st.rec
		st.rec = nil
		profilers.Unlock()
		discard(rec)
	}()
	return nil, nil
}

func (s *Session) profilerStop(ctx context.Context, _ json.RawMessage) (any, error) {
	profilers.Lock()
	st := profilers.m[s]
	var rec *cpuprof.Profiler
	if st != nil {
		rec, st.rec = st.rec, nil
	}
	profilers.Unlock()
	if rec == nil {
		return nil, &serverError{"No recording profiles found"}
	}
	ctx, cancel := context.WithTimeout(ctx, profilerStopWait)
	defer cancel()
	p, err := rec.Stop(ctx)
	if err != nil {
		return nil, err
	}
	return map[string]any{"profile": cdpProfileOf(p, s.scriptFor)}, nil
}

// discard stops a profile nobody will read.
func discard(rec *cpuprof.Profiler) {
	if rec == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), profilerStopWait)
	defer cancel()
	_, _ = rec.Stop(ctx)
}

// scriptFor names a profiled file as the debugger does: its script id, and
// its text to count columns in UTF-16. ok is false for files the debugger
// did not load (Node's own library).
func (s *Session) scriptFor(file string) (id int, src string, ok bool) {
	if s.t.Debugger == nil {
		return 0, "", false
	}
	for _, sc := range s.t.Debugger.Scripts() {
		if sc.Path == file {
			return sc.ID, s.source(sc.ID), true
		}
	}
	return 0, "", false
}

// WriteCPUProfile writes p as node --cpu-prof writes a .cpuprofile: CDP's
// Profiler.Profile as one line of JSON. Without a debugger there are no
// script ids: every scriptId is "0", and tools go by url.
func WriteCPUProfile(w io.Writer, p *cpuprof.Profile) error {
	b, err := json.Marshal(cdpProfileOf(p, func(string) (int, string, bool) { return 0, "", false }))
	if err != nil {
		return fmt.Errorf("encoding the CPU profile: %w", err)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("writing the CPU profile: %w", err)
	}
	return nil
}

// cdpProfile is CDP's Profiler.Profile, fields in V8's order.
type cdpProfile struct {
	Nodes      []cdpProfileNode `json:"nodes"`
	StartTime  int64            `json:"startTime"` // µs
	EndTime    int64            `json:"endTime"`
	Samples    []int            `json:"samples"`
	TimeDeltas []int64          `json:"timeDeltas"` // µs
}

type cdpProfileNode struct {
	ID            int               `json:"id"`
	CallFrame     cdpCallFrame      `json:"callFrame"`
	HitCount      int               `json:"hitCount"`
	Children      []int             `json:"children,omitempty"`
	PositionTicks []cdpPositionTick `json:"positionTicks,omitempty"`
}

type cdpCallFrame struct {
	FunctionName string `json:"functionName"`
	ScriptID     string `json:"scriptId"`
	URL          string `json:"url"`
	LineNumber   int    `json:"lineNumber"`
	ColumnNumber int    `json:"columnNumber"`
}

type cdpPositionTick struct {
	Line  int `json:"line"` // 1-based
	Ticks int `json:"ticks"`
}

// cdpProfileOf converts a profile; node ids are the tree's indexes plus 1.
// script says which files are the debugger's scripts.
func cdpProfileOf(p *cpuprof.Profile, script func(file string) (id int, src string, ok bool)) cdpProfile {
	out := cdpProfile{
		Nodes:      make([]cdpProfileNode, len(p.Nodes)),
		StartTime:  p.Start.UnixMicro(),
		EndTime:    p.End.UnixMicro(),
		Samples:    make([]int, len(p.Samples)),
		TimeDeltas: make([]int64, len(p.Deltas)),
	}
	type scriptInfo struct {
		id  string
		src string
		ok  bool
	}
	scripts := map[string]scriptInfo{}
	for i, n := range p.Nodes {
		cf := cdpCallFrame{FunctionName: n.Func.Name, ScriptID: "0", LineNumber: -1, ColumnNumber: -1}
		if n.Func.Line > 0 {
			si, seen := scripts[n.Func.File]
			if !seen {
				id, src, ok := script(n.Func.File)
				si = scriptInfo{id: scriptID(id), src: src, ok: ok}
				scripts[n.Func.File] = si
			}
			cf.URL = n.Func.File
			if filepath.IsAbs(n.Func.File) {
				cf.URL = fileURL(n.Func.File)
			}
			cf.LineNumber, cf.ColumnNumber = n.Func.Line-1, n.Func.Column
			if si.ok {
				cf.ScriptID = si.id
				cf.ColumnNumber = utf16Col(si.src, n.Func.Line-1, n.Func.Column)
			}
		}
		node := cdpProfileNode{ID: i + 1, CallFrame: cf, HitCount: n.Self}
		for _, c := range n.Children {
			node.Children = append(node.Children, c+1)
		}
		for _, l := range n.Lines {
			node.PositionTicks = append(node.PositionTicks, cdpPositionTick{Line: l.Line, Ticks: l.Ticks})
		}
		out.Nodes[i] = node
	}
	for i, s := range p.Samples {
		out.Samples[i] = s + 1
	}
	for i, d := range p.Deltas {
		out.TimeDeltas[i] = d.Microseconds()
	}
	return out
}
