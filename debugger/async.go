package debugger

import (
	"context"
	"sync"

	"github.com/studiojs/studio/runtime/trace"
)

// asyncKeep bounds how many async operations' creation records are kept
// for async stack traces (the oldest go first).
const asyncKeep = 20000

type asyncRecord struct {
	typ     string
	trigger uint64
	stack   []trace.Frame
}

// asyncRecords follows the runtime's init records (with creation stacks)
// so a pause can show which operations scheduled the running code.
type asyncRecords struct {
	mu    sync.Mutex
	recs  map[uint64]asyncRecord
	order []uint64
	sub   *trace.Subscription
}

func newAsyncRecords(rec *trace.Recorder, ctx context.Context) *asyncRecords {
	a := &asyncRecords{recs: map[uint64]asyncRecord{}}
	a.sub = rec.Subscribe(trace.SubscribeOptions{Buffer: 1 << 14, Stacks: true})
	go func() {
		defer a.sub.Close()
		for {
			select {
			case e := <-a.sub.Events():
				a.add(e)
			case <-ctx.Done():
				return
			}
		}
	}()
	return a
}

func (a *asyncRecords) add(e trace.Event) {
	if e.Kind != trace.KindInit {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.recs[e.Op] = asyncRecord{typ: e.Type, trigger: e.Trigger, stack: e.Stack}
	a.order = append(a.order, e.Op)
	if len(a.order) > asyncKeep {
		drop := a.order[:len(a.order)-asyncKeep]
		for _, id := range drop {
			delete(a.recs, id)
		}
		a.order = append([]uint64(nil), a.order[len(a.order)-asyncKeep:]...)
	}
}

// drain takes the records not yet read (the loop goroutine, at a pause).
func (a *asyncRecords) drain() {
	for {
		select {
		case e := <-a.sub.Events():
			a.add(e)
		default:
			return
		}
	}
}

// asyncStack is the chain of async operations that led to the running
// code: the running resource, the one that created it, and so on.
func (d *Debugger) asyncStack() []AsyncFrame {
	a := d.asyncRec
	if a == nil {
		return nil
	}
	a.drain()
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []AsyncFrame
	id := d.rt.ExecutionAsyncID()
	for hops := 0; id > 1 && hops < asyncHops; hops++ {
		r, ok := a.recs[id]
		if !ok {
			break
		}
		out = append(out, AsyncFrame{Op: id, Type: r.typ, Frames: r.stack})
		id = r.trigger
	}
	return out
}
