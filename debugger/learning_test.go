package debugger

import (
	"strings"
	"testing"

	"github.com/studiojs/studio/runtime/trace"
)

// TestStepOneCallbackAtATime steps the loop callback by callback through
// an fs read whose callback schedules a timer and an immediate: the
// stops name each callback's queue, and inside an I/O callback the
// immediate comes before the timer, as in Node.
func TestStepOneCallbackAtATime(t *testing.T) {
	var queues []string
	_, out := session(t, "testdata/learn/order.js", nil, Options{PauseOnStart: true}, func(d *Debugger, p Paused) error {
		if p.Callback != nil {
			queues = append(queues, p.Callback.Queue+":"+p.Callback.Type)
			if p.Callback.Why == "" {
				t.Errorf("no reason for %+v", p.Callback)
			}
		}
		return d.StepLoop(LoopCallback)
	})
	got := strings.TrimSuffix(strings.Join(queues, " "), " process:")
	if !strings.HasSuffix(got, "I/O completions:FSREQCALLBACK immediates:Immediate timers:Timeout") || !strings.HasPrefix(got, "I/O completions:FSREQCALLBACK") {
		t.Errorf("callback stops: %s", got)
	}
	if out != "immediate\ntimeout\n" {
		t.Errorf("output %q", out)
	}
}

// TestPauseAtPhase stops every time the loop enters the check phase.
func TestPauseAtPhase(t *testing.T) {
	stops := 0
	var phases []trace.Phase
	session(t, "testdata/learn/order.js", nil, Options{PauseOnStart: true}, func(d *Debugger, p Paused) error {
		if p.Reason == ReasonBreak {
			if err := d.PauseAtPhase(trace.PhaseCheck); err != nil {
				return err
			}
			return d.Resume()
		}
		stops++
		phases = append(phases, p.Loop.Phase)
		return d.Resume()
	})
	if stops == 0 {
		t.Fatal("no phase stops")
	}
	for _, ph := range phases {
		if ph != trace.PhaseCheck {
			t.Errorf("stopped in phase %v", ph)
		}
	}
}
