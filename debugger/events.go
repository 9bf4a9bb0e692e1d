package debugger

import (
	"context"
	"sync"
)

// Script is a loaded, instrumented file.
type Script struct {
	ID       int
	Path     string
	Lines    int
	Length   int  // bytes
	IsModule bool // an ES module
}

// ScriptParsed is sent when a file is loaded.
type ScriptParsed struct{ Script Script }

// BreakpointResolved is sent when a breakpoint set earlier binds to a
// location in a file that loaded after it.
type BreakpointResolved struct {
	ID       string
	Location Location
}

// Event is one of Paused, Resumed, ScriptParsed, BreakpointResolved.
type Event any

// Subscription receives the debugger's events in order. The debugger never
// waits for a subscriber: events queue until Next takes them.
type Subscription struct {
	mu     sync.Mutex
	queue  []Event
	notify chan struct{}
	closed bool
	d      *Debugger
}

// Subscribe returns a new subscription to every event from now on.
func (d *Debugger) Subscribe() *Subscription {
	s := &Subscription{notify: make(chan struct{}, 1), d: d}
	d.mu.Lock()
	d.subs = append(d.subs, s)
	d.mu.Unlock()
	_ = d.onLoop(d.armAll) // `debugger;` statements stop while a client listens
	return s
}

// Next returns the next event, waiting for one until ctx ends.
func (s *Subscription) Next(ctx context.Context) (Event, error) {
	for {
		s.mu.Lock()
		if len(s.queue) > 0 {
			e := s.queue[0]
			s.queue[0] = nil
			s.queue = s.queue[1:]
			s.mu.Unlock()
			return e, nil
		}
		s.mu.Unlock()
		select {
		case <-s.notify:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Close detaches the subscription.
func (s *Subscription) Close() {
	d := s.d
	d.mu.Lock()
	for i, x := range d.subs {
		if x == s {
			d.subs = append(d.subs[:i], d.subs[i+1:]...)
			break
		}
	}
	d.mu.Unlock()
	_ = d.onLoop(d.armAll)
}

func (d *Debugger) emit(e Event) {
	d.mu.Lock()
	subs := append([]*Subscription(nil), d.subs...)
	d.mu.Unlock()
	for _, s := range subs {
		s.mu.Lock()
		s.queue = append(s.queue, e)
		s.mu.Unlock()
		select {
		case s.notify <- struct{}{}:
		default:
		}
	}
}
