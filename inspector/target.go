package inspector

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/runtime"
)

// Target is one debuggable program, as /json/list lists it: the runtime,
// its debugger, and the gate that --inspect-brk and --inspect-wait hold the
// program at until a client says Runtime.runIfWaitingForDebugger.
type Target struct {
	ID       string // a random UUID, the WebSocket path
	Title    string // the main file's path, as node shows it
	URL      string // file:// URL of the main file
	Debugger *debugger.Debugger

	mu     sync.Mutex
	rt     *runtime.Runtime
	go_    chan struct{} // closed by runIfWaitingForDebugger
	goOnce sync.Once
	// sessions are the attached clients, told when the program ends.
	sessions map[*Session]bool
	ended    bool
}

// NewTarget makes a target for the program whose main file is main
// (absolute). Attach the runtime with SetRuntime once it exists.
func NewTarget(main string, d *debugger.Debugger) *Target {
	return &Target{ID: newUUID(), Title: main, URL: fileURL(main), Debugger: d, go_: make(chan struct{})}
}

// SetRuntime attaches the program's runtime (for Studio's domain).
func (t *Target) SetRuntime(rt *runtime.Runtime) {
	t.mu.Lock()
	t.rt = rt
	t.mu.Unlock()
}

// Runtime returns the attached runtime, or nil.
func (t *Target) Runtime() *runtime.Runtime {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.rt
}

// Ended tells every client that the program has finished (CDP's
// Runtime.executionContextDestroyed, on which `node inspect` says it waits
// for the debugger to disconnect). Call it when Run returns.
func (t *Target) Ended() {
	t.mu.Lock()
	t.ended = true
	list := make([]*Session, 0, len(t.sessions))
	for s := range t.sessions {
		list = append(list, s)
	}
	t.mu.Unlock()
	for _, s := range list {
		s.contextDestroyed()
	}
}

func (t *Target) addSession(s *Session) {
	t.mu.Lock()
	if t.sessions == nil {
		t.sessions = map[*Session]bool{}
	}
	t.sessions[s] = true
	t.mu.Unlock()
}

func (t *Target) removeSession(s *Session) {
	t.mu.Lock()
	delete(t.sessions, s)
	t.mu.Unlock()
}

// WaitForDebugger blocks until a client sends
// Runtime.runIfWaitingForDebugger (or ctx ends). A program whose debugger
// has Options.WaitForStart does not need it: it waits inside Run, where
// clients can already evaluate.
func (t *Target) WaitForDebugger(ctx context.Context) error {
	select {
	case <-t.go_:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (t *Target) runIfWaiting() {
	t.goOnce.Do(func() { close(t.go_) })
	if t.Debugger != nil {
		t.Debugger.Start()
	}
}

func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
