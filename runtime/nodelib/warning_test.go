package nodelib

import (
	"strings"
	"testing"
)

// TestWarnings wires node's own process.emitWarning and 'warning' listener the way a host
// would (process being an EventEmitter) and compares stderr with node's.
func TestWarnings(t *testing.T) {
	h := newTestHost(t)
	w, err := h.lib.RequireInternal("internal/process/warning")
	if err != nil {
		t.Fatal(err)
	}
	h.vm.Set("warning", w)
	err = h.run("/tmp/warn.js", `
const EventEmitter = require('events');
Object.setPrototypeOf(process, EventEmitter.prototype);
process.release = { name: 'node' };
process.emitWarning = warning.emitWarning;
process.on('warning', warning.onWarning);
process.emitWarning('plain warning');
process.emitWarning('with code', 'CustomWarning', 'CODE1');
require('util').deprecate(() => {}, 'old api', 'DEP0999')();
const e = new EventEmitter(); e.setMaxListeners(1); e.on('x', () => {}); e.on('x', () => {});
`)
	if err != nil {
		t.Fatal(err)
	}
	want := `(node:4242) Warning: plain warning
(Use ` + "`node --trace-warnings ...`" + ` to show where the warning was created)
(node:4242) [CODE1] CustomWarning: with code
(node:4242) [DEP0999] DeprecationWarning: old api
(node:4242) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 2 x listeners added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit
`
	if got := h.stderr.String(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	if _, err := h.lib.RequireInternal("internal/no/such"); err == nil || !strings.Contains(err.Error(), "not available") {
		t.Errorf("RequireInternal of a missing module: %v", err)
	}
}
