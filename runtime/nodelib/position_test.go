package nodelib

import "testing"

// TestV8Columns checks frame positions against what node prints for the same script. Node
// prints the third frame as "Object.m": V8 prefixes a method with its receiver's type, which
// goja's frames do not record; the positions are node's.
func TestV8Columns(t *testing.T) {
	h := newTestHost(t)
	err := h.run("/tmp/cols.js", `function inner() { return new Error('deep'); }
function outer() { return inner (); }
const o = { m() { return outer(); } };
const é = () => o.m();
console.log(é().stack.split('\n').slice(0, 5).join('\n'));`)
	if err != nil {
		t.Fatal(err)
	}
	want := `Error: deep
    at inner (/tmp/cols.js:1:27)
    at outer (/tmp/cols.js:2:27)
    at m (/tmp/cols.js:3:26)
    at é (/tmp/cols.js:4:19)
`
	if got := h.stdout.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
