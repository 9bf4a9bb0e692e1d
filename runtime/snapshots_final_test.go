package runtime

import (
	"context"
	"io"
	"testing"
	"time"
)

// TestFinalSnapshot: a subscriber whose interval is longer than the
// program still gets the loop as it ends (panels must not keep an older
// state): no pending ops, timers or pool work.
func TestFinalSnapshot(t *testing.T) {
	rt, err := New(Options{Eval: "setTimeout(() => {}, 20); require('fs').stat(__filename || '.', () => {});", Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	sub := rt.SubscribeSnapshots(time.Hour)
	done := make(chan struct{})
	var snaps int
	var final struct {
		pending, timers int
		iteration       uint64
	}
	go func() {
		defer close(done)
		for s := range sub.C() {
			snaps++
			final.pending, final.timers, final.iteration = s.PendingTotal, s.Timers.Depth, s.Iteration
		}
	}()
	if code, err := rt.Run(context.Background()); err != nil || code != 0 {
		t.Fatalf("run %d %v", code, err)
	}
	<-done
	if snaps < 2 {
		t.Fatalf("%d snapshots with a one-hour interval: want the first and the final one", snaps)
	}
	if final.pending != 0 || final.timers != 0 || final.iteration == 0 {
		t.Errorf("final snapshot: %+v", final)
	}
}
