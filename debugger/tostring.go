package debugger

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/debugger/instrument"
)

// Programs must not see the instrumentation: Function.prototype.toString
// of an instrumented function would show the hooks. The debugger replaces
// it with a native function that returns the function's text with every
// inserted piece taken out, as the file was before instrumentation.

// wrapToString installs the replacement. Loop goroutine, at Setup.
func (d *Debugger) wrapToString() {
	vm := d.vm
	fp, ok := vm.Get("Function").(*goja.Object)
	if !ok {
		return
	}
	proto, ok := fp.Get("prototype").(*goja.Object)
	if !ok {
		return
	}
	orig, ok := goja.AssertFunction(proto.Get("toString"))
	if !ok {
		return
	}
	d.rawToString = orig
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		res, err := orig(call.This)
		if err != nil {
			panic(err)
		}
		s := res.String()
		if !strings.Contains(s, instrument.NameHit) && !strings.Contains(s, instrument.NameArmed) {
			return res
		}
		if clean, ok := d.uninstrumented(s); ok {
			return vm.ToValue(clean)
		}
		return res
	}).(*goja.Object)
	_ = fn.DefineDataProperty("name", vm.ToValue("toString"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = proto.DefineDataProperty("toString", fn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// uninstrumented finds text in an instrumented file and returns it without
// the inserted pieces.
func (d *Debugger) uninstrumented(text string) (string, bool) {
	d.mu.Lock()
	files := append([]*fileInfo(nil), d.files...)
	d.mu.Unlock()
	for i := len(files) - 1; i >= 0; i-- {
		res := files[i].res
		start := strings.Index(res.Code, text)
		if start < 0 {
			continue
		}
		return stripInsertions(res, start, start+len(text)), true
	}
	return "", false
}

// stripInsertions returns res.Code[start:end] without the inserted text.
func stripInsertions(res *instrument.Result, start, end int) string {
	var b strings.Builder
	gen := 0  // generated offset of the current original offset
	orig := 0 // original offset
	pos := start
	for _, ins := range res.Insertions {
		insGen := gen + (ins.Offset - orig) // where the insertion starts in Code
		gen, orig = insGen+len(ins.Text), ins.Offset
		if insGen >= end {
			break
		}
		if insGen+len(ins.Text) <= start {
			continue
		}
		if insGen > pos {
			b.WriteString(res.Code[pos:insGen])
		}
		pos = max(pos, insGen+len(ins.Text))
	}
	if pos < end {
		b.WriteString(res.Code[pos:end])
	}
	return b.String()
}
