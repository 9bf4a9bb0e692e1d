package nodelib

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"

	"github.com/studiojs/studio/runtime/pool"
)

// fsPoolHost is a Host on the real worker pool (runtime/pool): Work runs on a pool lane and
// its completion is handed to the test goroutine, which plays the loop's poll phase.
type fsPoolHost struct {
	h       *testHost
	pool    *pool.Pool
	stop    context.CancelFunc
	stopped chan error
	done    chan func()
	pending int
	types   []string // async_hooks type of every request, in queue order

	// Handles: posts from any goroutine wait in posted; wake (capacity 1) tells the loop.
	mu      sync.Mutex
	posted  []func()
	wake    chan struct{}
	handles map[*fsTestHandle]bool // open handles
	nextID  uint64
}

// fsTestHandle is a LoopHandle of fsPoolHost.
type fsTestHandle struct {
	p      *fsPoolHost
	typ    string
	ref    bool
	closed bool // guarded by p.mu
	done   chan struct{}
	id     uint64
}

func (h *fsTestHandle) Post(fn func() (goja.Value, goja.Value, []goja.Value)) bool {
	p := h.p
	p.mu.Lock()
	defer p.mu.Unlock()
	if h.closed {
		return false
	}
	p.posted = append(p.posted, func() {
		p.mu.Lock()
		closed := h.closed
		p.mu.Unlock()
		if !closed {
			p.call(fn())
		}
	})
	select {
	case p.wake <- struct{}{}:
	default:
	}
	return true
}

func (h *fsTestHandle) Ref()         { h.ref = true }
func (h *fsTestHandle) Unref()       { h.ref = false }
func (h *fsTestHandle) HasRef() bool { return h.ref }
func (h *fsTestHandle) Close() {
	h.p.mu.Lock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
	h.p.mu.Unlock()
	delete(h.p.handles, h)
}

func (h *fsTestHandle) Closed() <-chan struct{} { return h.done }
func (h *fsTestHandle) AsyncID() uint64         { return h.id }

func (p *fsPoolHost) OpenHandle(typ string) LoopHandle {
	p.nextID++
	h := &fsTestHandle{p: p, typ: typ, ref: true, done: make(chan struct{}), id: p.nextID}
	p.handles[h] = true
	p.types = append(p.types, typ)
	return h
}

// alive reports whether a referenced handle keeps the loop running.
func (p *fsPoolHost) alive() bool {
	for h := range p.handles {
		if h.ref {
			return true
		}
	}
	return false
}

func (p *fsPoolHost) call(fn, this goja.Value, args []goja.Value) {
	f, ok := goja.AssertFunction(fn)
	if !ok {
		return
	}
	if this == nil {
		this = goja.Undefined()
	}
	if _, err := f(this, args...); err != nil {
		p.h.stderr.WriteString("uncaught: " + describe(err) + "\n")
	}
}

func newFSPoolHost(t testing.TB) *fsPoolHost {
	t.Helper()
	h := newTestHost(t)
	p := &fsPoolHost{
		h: h, pool: pool.New(pool.DefaultSize, nil), stopped: make(chan error, 1), done: make(chan func()),
		wake: make(chan struct{}, 1), handles: map[*fsTestHandle]bool{},
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.stop = cancel
	go func() { p.stopped <- p.pool.Run(ctx) }()
	h.lib.opts.Host = p
	return p
}

// close closes the handles still open, as a runtime does when it exits, then stops the pool
// and waits for its workers.
func (p *fsPoolHost) close(t testing.TB) {
	for h := range p.handles {
		h.Close()
	}
	p.stop()
	if err := <-p.stopped; err != nil {
		t.Errorf("running the pool: %v", err)
	}
}

func (p *fsPoolHost) QueueWork(w Work) {
	p.pending++
	p.types = append(p.types, w.Type)
	complete := func(res any) {
		p.done <- func() {
			p.pending--
			p.call(w.Done(res))
		}
	}
	err := p.pool.Submit(pool.Job{
		Type:    w.Type,
		Kind:    w.Kind,
		Work:    func() { complete(w.Run()) },
		OnPanic: func(x any) { complete(fmt.Errorf("running %s on the worker pool: %v", w.Type, x)) },
	})
	if err != nil {
		p.pending--
		p.h.t.Errorf("submitting %s: %v", w.Type, err)
	}
}

func (p *fsPoolHost) LoopIdleTime() time.Duration { return 0 }
func (p *fsPoolHost) LoopStart() time.Time        { return time.Time{} }

// run runs src, then each completion and handle post as a macrotask followed by the host's
// queues, until no request is pending and no referenced handle is open.
func (p *fsPoolHost) run(name, src string) error {
	if err := p.h.run(name, src); err != nil {
		return err
	}
	for p.pending > 0 || p.alive() {
		var batch []func()
		select {
		case complete := <-p.done:
			batch = []func(){complete}
		case <-p.wake:
			p.mu.Lock()
			batch, p.posted = p.posted, nil
			p.mu.Unlock()
		}
		for _, fn := range batch {
			p.h.outermost(fn)
			p.h.drain()
		}
	}
	return nil
}

// TestFSSnippets runs each testdata/fs/*.js on a real temp dir and compares its stdout with
// the .out file recorded from node v20 (go test -run TestFSSnippets -update re-records them).
func TestFSSnippets(t *testing.T) {
	defer goleak.VerifyNone(t)
	files, err := filepath.Glob(filepath.Join("testdata", "fs", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/fs snippets")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(abs, ".js") + ".out"
			if *update {
				out, err := exec.Command("node", abs).Output()
				if err != nil {
					t.Fatalf("running node: %v", err)
				}
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			p := newFSPoolHost(t)
			defer p.close(t)
			if err := p.run(abs, string(src)); err != nil {
				t.Fatalf("%v\nstdout so far:\n%s", err, p.h.stdout.String())
			}
			if got := p.h.stdout.String(); got != string(want) {
				t.Errorf("stdout differs from node\n%s\nstderr:\n%s", lineDiff(string(want), got), p.h.stderr.String())
			}
			if s := p.h.stderr.String(); s != "" {
				t.Errorf("stderr: %s", s)
			}
		})
	}
}

// TestFSRequestTypes checks that each asynchronous form is one pool request with node's
// async_hooks type.
func TestFSRequestTypes(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, []byte("data"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		src  string
		want []string
	}{
		"callback stat": {
			src:  `require('fs').stat(FILE, (err, st) => console.log(err, st.size))`,
			want: []string{"FSREQCALLBACK"},
		},
		"callback readFile": {
			// open, fstat, read, read (EOF), close: one request each, as in node.
			src:  `require('fs').readFile(FILE, 'utf8', (err, s) => console.log(err, s))`,
			want: []string{"FSREQCALLBACK", "FSREQCALLBACK", "FSREQCALLBACK", "FSREQCALLBACK"},
		},
		"promise stat": {
			src:  `require('fs/promises').stat(FILE).then((st) => console.log(null, st.size))`,
			want: []string{"FSREQPROMISE"},
		},
		"file handle close": {
			src:  `require('fs/promises').open(FILE).then((fh) => fh.close()).then(() => console.log(null, 4))`,
			want: []string{"FSREQPROMISE", "FILEHANDLECLOSEREQ"},
		},
		"sync stat": {
			src:  `console.log(null, require('fs').statSync(FILE).size)`,
			want: nil,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			p := newFSPoolHost(t)
			defer p.close(t)
			src := strings.ReplaceAll(tt.src, "FILE", fmt.Sprintf("%q", file))
			if err := p.run(name+".js", src); err != nil {
				t.Fatal(err)
			}
			out := strings.TrimSpace(p.h.stdout.String())
			if out != "null 4" && out != "null data" {
				t.Errorf("stdout = %q, stderr = %q", out, p.h.stderr.String())
			}
			if !slices.Equal(p.types, tt.want) {
				t.Errorf("request types = %v, want %v", p.types, tt.want)
			}
		})
	}
}

// TestFSWithoutHost: synchronous calls need no pool; an asynchronous one throws a clear error
// instead of never completing.
func TestFSWithoutHost(t *testing.T) {
	h := newTestHost(t)
	file := filepath.Join(t.TempDir(), "f")
	src := fmt.Sprintf(`const fs = require('fs');
fs.writeFileSync(%[1]q, 'abc');
console.log(fs.readFileSync(%[1]q, 'utf8'));
try { fs.stat(%[1]q, () => {}); } catch (e) { console.log(e.code); }`, file)
	if err := h.run("nohost.js", src); err != nil {
		t.Fatal(err)
	}
	if got, want := h.stdout.String(), "abc\nERR_FEATURE_UNAVAILABLE_ON_PLATFORM\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

// TestFSReqCallbackShape: a request is a plain object of its class, as node's is
// (process.binding('fs').FSReqCallback in node 20: no own keys, instanceof holds), and the
// binding still refuses an object that is not one.
func TestFSReqCallbackShape(t *testing.T) {
	h := newTestHost(t)
	h.vm.Set("b", h.lib.internalBinding("fs"))
	v, err := h.vm.RunString(`{
  const r = new b.FSReqCallback(false);
  let refused = false;
  try { b.close(0, {}); } catch (e) { refused = e.code === 'ERR_INVALID_ARG_TYPE'; }
  JSON.stringify([Reflect.ownKeys(r).length, r instanceof b.FSReqCallback, refused]);
}`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), "[0,true,true]"; got != want {
		t.Errorf("[own keys, instanceof, plain object refused] = %s, want %s", got, want)
	}
}

// TestFSErrorsDoNotPanic calls binding functions directly with arguments node's JS would
// never pass: each must end in a JS exception, never a Go panic out of goja.
func TestFSErrorsDoNotPanic(t *testing.T) {
	h := newTestHost(t)
	calls := map[string]string{
		"read out of range":  `b.read(0, Buffer.alloc(4), 2, 10, -1)`,
		"read no buffer":     `b.read(0, 'x', 0, 1, -1)`,
		"write out of range": `b.writeBuffer(1, Buffer.alloc(1), -1, 1, null)`,
		"bad request":        `b.stat('/', false, {})`,
		"fd object":          `b.close({})`,
		"file handle this":   `b.FileHandle.prototype.close.call({})`,
		"file handle fd":     `new b.FileHandle('x')`,
		"dir handle this":    `internalBinding('fs_dir').opendirSync('/').read.call({}, 'utf8', 1)`,
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			fs := h.lib.internalBinding("fs")
			h.vm.Set("b", fs)
			h.vm.Set("internalBinding", h.lib.internalBinding)
			_, err := h.vm.RunString(`Buffer = require('buffer').Buffer; ` + call)
			if err == nil {
				t.Fatal("no exception")
			}
			if _, ok := err.(*goja.Exception); !ok {
				t.Fatalf("error is %T, not a JS exception: %v", err, err)
			}
		})
	}
}

// BenchmarkFSCallbackRoundTrip writes then reads small files through callbacks, the shape of
// bench/scripts/fs.js.
func BenchmarkFSCallbackRoundTrip(b *testing.B) {
	dir := b.TempDir()
	src := fmt.Sprintf(`{ const fs = require('fs'); const path = require('path');
for (let i = 0; i < 100; i++) {
  const f = path.join(%q, 'f' + i);
  fs.writeFile(f, 'content ' + i, (e) => { if (e) throw e; fs.readFile(f, 'utf8', (e, s) => { if (e || s !== 'content ' + i) throw e || new Error('content ' + s); }); });
} }`, dir)
	p := newFSPoolHost(b)
	defer p.close(b)
	for b.Loop() {
		if err := p.run("bench.js", src); err != nil {
			b.Fatal(err)
		}
	}
	if s := p.h.stderr.String(); s != "" {
		b.Fatal(s)
	}
}
