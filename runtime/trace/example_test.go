package trace_test

import (
	"fmt"
	"time"

	"github.com/studiojs/studio/runtime/trace"
)

// The runtime checks Active before building an event, so an unobserved
// program pays one atomic load per op.
func ExampleRecorder() {
	rec := trace.NewRecorder()
	sub := rec.Subscribe(trace.SubscribeOptions{Buffer: 16})

	if rec.Active() {
		ev := trace.Event{Kind: trace.KindInit, Op: 7, Trigger: 1, Type: "Timeout"}
		if rec.WantStacks() {
			ev.Stack = []trace.Frame{{Function: "main", File: "/app/index.js", Line: 3, Column: 1}}
		}
		rec.Emit(ev)
	}
	rec.Emit(trace.Event{Kind: trace.KindPhaseEnter, Phase: trace.PhaseTimers})

	sub.Close()
	for e := range sub.Events() {
		fmt.Println(e.Kind, e.Op, e.Type, e.Phase, len(e.Stack))
	}
	fmt.Println("active after close:", rec.Active())
	// Output:
	// init 7 Timeout none 0
	// phase-enter 0  timers 0
	// active after close: false
}

func ExampleHistogram() {
	var h trace.Histogram
	for i := 1; i <= 1000; i++ {
		h.Add(time.Duration(i) * time.Microsecond)
	}
	fmt.Println(h.Count(), h.Min(), h.Max())
	// The exact p50 and p99 are 500µs and 990µs: the answers are bucket
	// midpoints, within HistogramRelError of them.
	fmt.Println(h.Quantile(0.5), h.Quantile(0.99))
	// Output:
	// 1000 1µs 1ms
	// 501.759µs 987.135µs
}
