package pool

import (
	"context"
	"sync"
	"syscall"
	"testing"
)

// threadNice is the calling thread's nice value (the raw getpriority
// syscall returns 20 - nice).
func threadNice(t *testing.T) int {
	v, err := syscall.Getpriority(syscall.PRIO_PROCESS, syscall.Gettid())
	if err != nil {
		t.Fatalf("getpriority: %v", err)
	}
	return 20 - v
}

// TestSetPriority: with SetPriority, every job runs on a thread at that
// nice value, and the thread that submits keeps its own; without it, jobs
// run at the process's.
func TestSetPriority(t *testing.T) {
	base := threadNice(t)
	for _, nice := range []int{0, 7} {
		p := New(3, nil)
		p.SetPriority(nice)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); _ = p.Run(ctx) }()
		var mu sync.Mutex
		var seen []int
		var wg sync.WaitGroup
		for range 6 {
			wg.Add(1)
			if err := p.Submit(Job{Type: "test", Work: func() {
				n := threadNice(t)
				mu.Lock()
				seen = append(seen, n)
				mu.Unlock()
			}, Complete: wg.Done}); err != nil {
				t.Fatal(err)
			}
		}
		wg.Wait()
		cancel()
		<-done
		want := base
		if nice > 0 {
			want = nice
		}
		for _, n := range seen {
			if n != want {
				t.Errorf("SetPriority(%d): a job ran at nice %d, want %d (all: %v)", nice, n, want, seen)
				break
			}
		}
		if got := threadNice(t); got != base {
			t.Errorf("SetPriority(%d): the submitting thread is at nice %d, was %d", nice, got, base)
		}
	}
}
