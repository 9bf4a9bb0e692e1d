package nodelib

import "testing"

func TestSmoke(t *testing.T) {
	h := newTestHost(t)
	if err := h.run("smoke.js", `console.log('hello', { a: 1 }, [1, 2], new Map([[1, 2]]));`); err != nil {
		t.Fatal(err)
	}
	t.Logf("stdout=%q stderr=%q", h.stdout.String(), h.stderr.String())
}
