package nodelib

import (
	"github.com/dop251/goja"
)

// InstallGlobals defines node's globals on vm's global object: global, console, Buffer, URL,
// URLSearchParams, TextEncoder, TextDecoder, structuredClone, atob, btoa. Except for global,
// each is a lazy accessor, like node's own exposeLazyInterfaces: the module behind it loads on
// first use and the accessor then turns into a plain data property.
// queueMicrotask and the timers belong to the host's event loop.
func (l *Lib) InstallGlobals() error {
	return l.guard(func() error {
		fn, err := runFunction(l.vm, "globals.js")
		if err != nil {
			return err
		}
		require := l.vm.ToValue(func(id string) goja.Value { return l.requireInternal(id) })
		binding := l.binding
		_, err = fn(goja.Undefined(), l.vm.GlobalObject(), require, binding)
		return err
	})
}
