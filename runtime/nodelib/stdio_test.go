package nodelib

import (
	"errors"
	"strings"
	"testing"
)

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestStdioStream(t *testing.T) {
	h := newTestHost(t)
	var out strings.Builder
	stdout, err := h.lib.NewStdioStream(1, &out, false)
	if err != nil {
		t.Fatal(err)
	}
	bad, err := h.lib.NewStdioStream(2, failingWriter{}, false)
	if err != nil {
		t.Fatal(err)
	}
	h.vm.Get("process").ToObject(h.vm).Set("stdout", stdout)
	h.vm.Set("bad", bad)
	err = h.run("stdio.js", `
const { Writable } = require('stream');
console.log('via console', { a: 1 });
const r = process.stdout.write('raw €\n');
process.stdout.write(Buffer.from('buffer\n'), () => console.log('write callback ran'));
console.log(r, process.stdout.fd, process.stdout.isTTY, process.stdout instanceof Writable, process.stdout.writable);
bad.on('error', (e) => console.log('error event:', e.message));
bad.write('x');
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "via console { a: 1 }\nraw €\nbuffer\ntrue 1 false true true\nwrite callback ran\nerror event: disk on fire\n"
	if got := out.String(); got != want {
		t.Errorf("stdout:\n%q\nwant\n%q", got, want)
	}
}
