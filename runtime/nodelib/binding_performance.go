package nodelib

import (
	"time"

	"github.com/dop251/goja"
)

// internalBinding('performance') (node/src/node_perf.cc): the time origin and now(), which
// internal/perf/utils gives Event.timeStamp. The host's perf_hooks can replace
// internal/perf/utils with Lib.Provide to share its own time origin.

// processStart is this process's monotonic reference point: hrtime 0.
var processStart = time.Now()

// Milestone indices of node's performance binding.
const (
	milestoneTimeOriginTimestamp = 0
	milestoneTimeOrigin          = 1
	milestoneCount               = 8
)

func init() {
	bindingMakers["performance"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		origin := l.created
		constants := vm.NewObject()
		for i, name := range []string{
			"NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN_TIMESTAMP", "NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN",
			"NODE_PERFORMANCE_MILESTONE_ENVIRONMENT", "NODE_PERFORMANCE_MILESTONE_NODE_START",
			"NODE_PERFORMANCE_MILESTONE_V8_START", "NODE_PERFORMANCE_MILESTONE_LOOP_START",
			"NODE_PERFORMANCE_MILESTONE_LOOP_EXIT", "NODE_PERFORMANCE_MILESTONE_BOOTSTRAP_COMPLETE",
		} {
			_ = constants.Set(name, i)
		}
		_ = b.Set("constants", constants)
		milestones := l.newTypedArray("Float64Array", milestoneCount)
		for i := 0; i < milestoneCount; i++ {
			_ = milestones.Set(itoa(int64(i)), -1)
		}
		// TIME_ORIGIN_TIMESTAMP is microseconds since the epoch; the others are hrtime ns.
		_ = milestones.Set(itoa(milestoneTimeOriginTimestamp), float64(origin.UnixMicro()))
		_ = milestones.Set(itoa(milestoneTimeOrigin), float64(origin.Sub(processStart).Nanoseconds()))
		_ = b.Set("milestones", milestones)
		_ = b.Set("now", func() float64 {
			return float64(time.Since(origin).Nanoseconds()) / 1e6
		})
		return b
	}
}
