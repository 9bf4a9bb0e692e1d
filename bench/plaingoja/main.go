// Command plaingoja runs a script on bare goja, with no event loop: the
// engine's own time, against which bench/run.sh measures what Studio's loop
// adds (issue 2's awaits target). It gives the script just enough of
// process and console to run the bench scripts that need no loop.
package main

import (
	"fmt"
	"os"

	"github.com/dop251/goja"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: plaingoja FILE")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	vm := goja.New()
	var onExit []goja.Callable
	process := vm.NewObject()
	_ = process.Set("on", func(name string, fn goja.Callable) {
		if name == "exit" {
			onExit = append(onExit, fn)
		}
	})
	_ = vm.Set("process", process)
	console := vm.NewObject()
	_ = console.Set("error", func(call goja.FunctionCall) goja.Value {
		fmt.Fprintln(os.Stderr, call.Arguments)
		return goja.Undefined()
	})
	_ = vm.Set("console", console)
	// Wrapped as CommonJS wraps a module, so that the script's variables
	// are function locals, as they are under studio run and node.
	// RunString returns after goja drained every promise job.
	if _, err := vm.RunString("(function () {" + string(src) + "\n})()"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, fn := range onExit {
		if _, err := fn(goja.Undefined()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if c := process.Get("exitCode"); c != nil && !goja.IsUndefined(c) {
		os.Exit(int(c.ToInteger()))
	}
}
