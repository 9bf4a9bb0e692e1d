package ui

import (
	"sync"
	"time"

	"github.com/studiojs/studio/inspector"
)

// liveFeed hands Studio.snapshot and Studio.events to the live panels.
// Both are decoded on the client's goroutine, off the UI goroutine, and
// handed over coalesced: at most one hand-over waits at a time, carrying
// the newest snapshot (an older one nobody saw yet is dropped: the panels
// show the loop now) and every records batch since the last (the latency
// histograms and lanes need them all). A window that falls behind a busy
// program (a slow frame under software GL) so does one update per frame
// instead of queueing 20 a second it cannot paint.
type liveFeed struct {
	w *Window

	mu        sync.Mutex
	s         *session
	snap      *inspector.SnapshotEvent
	batches   []inspector.EventsBatch
	scheduled bool
}

// handle takes a Studio.snapshot or Studio.events event; false for others.
// On the client's goroutine.
func (f *liveFeed) handle(e inspector.Event) bool {
	switch e.Method {
	case "Studio.snapshot":
		var ev inspector.SnapshotEvent
		if e.Decode(&ev) != nil {
			return true
		}
		f.mu.Lock()
		f.snap = &ev
		f.scheduleLocked()
		f.mu.Unlock()
		return true
	case "Studio.events":
		var b inspector.EventsBatch
		if e.Decode(&b) != nil {
			return true
		}
		f.mu.Lock()
		f.batches = append(f.batches, b)
		f.scheduleLocked()
		f.mu.Unlock()
		return true
	}
	return false
}

func (f *liveFeed) scheduleLocked() {
	if !f.scheduled {
		f.scheduled = true
		f.w.do(f.apply)
	}
}

// apply shows what arrived since the last hand-over. UI goroutine.
func (f *liveFeed) apply() {
	f.mu.Lock()
	s, snap, batches := f.s, f.snap, f.batches
	f.snap, f.batches, f.scheduled = nil, nil, false
	f.mu.Unlock()
	w := f.w
	if s == nil || w.sess != s {
		return
	}
	for _, b := range batches {
		w.latencyPanel.add(b)
		w.loopPanel.addEvents(b)
	}
	if snap != nil {
		if time.Since(w.breakpointsPanel.hitsAt) > hitsEvery {
			w.fetchHits()
		}
		w.loopPanel.update(snap.Snapshot, snap.Paused)
		w.pendingPanel.update(snap.Snapshot)
	}
}

// attach says which session the feed is for.
func (f *liveFeed) attach(s *session) {
	f.mu.Lock()
	f.s = s
	f.mu.Unlock()
}
