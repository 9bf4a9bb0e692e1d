package nodelib

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// startupModules are the modules the first console.log loads (see TestPrecompileCoversConsole).
var startupModules = []string{
	"internal/per_context/primordials", "buffer", "events", "internal/assert", "internal/buffer",
	"internal/console/constructor", "internal/console/global", "internal/constants",
	"internal/errors", "internal/events/abort_listener", "internal/options", "internal/util/colors",
	"internal/util/inspect", "internal/util/types", "internal/util", "internal/validators",
	"console", "util", "internal/nodelib/console_streams", "internal/streams/utils", "internal/util/debuglog",
}

// Precompile compiles modules ahead of their first require, in parallel, so that the first
// runtime does not pay for parsing them on its loop goroutine. With no ids it compiles what
// the first console.log needs. It touches no goja.Runtime: any goroutine may call it, e.g.
// `go nodelib.Precompile()` at process start.
func Precompile(ids ...string) error {
	if len(ids) == 0 {
		ids = startupModules
	}
	work := make(chan string)
	errs := make([]error, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(ids)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range work {
				fsys, path, ok := modulePath(id)
				if !ok {
					errs[index[id]] = fmt.Errorf("precompiling %q: %w", id, ErrUnavailable)
					continue
				}
				if _, err := program(fsys, path, "node:"+id, paramsFor(id)); err != nil {
					errs[index[id]] = fmt.Errorf("precompiling %q: %w", id, err)
				}
			}
		}()
	}
	for _, id := range ids {
		work <- id
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}
