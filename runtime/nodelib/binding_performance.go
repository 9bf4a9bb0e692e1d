package nodelib

import (
	"time"

	"github.com/dop251/goja"
)

// internalBinding('performance') (node/src/node_perf.cc): the time origin and now(), the
// milestones (LOOP_START read live from the host), the loop's idle time for
// eventLoopUtilization(), and observer bookkeeping for PerformanceObserver.
//
// Absent: createELDHistogram (monitorEventLoopDelay needs a loop-side periodic sampler from
// the host), Histogram (createHistogram, timerify's histogram), uvMetricsInfo (nodeTiming's
// libuv counters), and GC tracking (no V8 GC to observe); node's JS fails with a TypeError
// where it reaches them.

// processStart is this process's monotonic reference point: hrtime 0.
var processStart = time.Now()

// Milestone indices of node's performance binding.
const (
	milestoneTimeOriginTimestamp = 0
	milestoneTimeOrigin          = 1
	milestoneEnvironment         = 2
	milestoneNodeStart           = 3
	milestoneV8Start             = 4
	milestoneLoopStart           = 5
	milestoneLoopExit            = 6
	milestoneBootstrapComplete   = 7
	milestoneCount               = 8
)

// milestones is the binding's milestones array: hrtime nanoseconds (microseconds since the
// epoch for TIME_ORIGIN_TIMESTAMP), -1 when not reached. LOOP_START is asked of the host on
// every read, because the loop starts after node's JS has taken the array.
type milestones struct {
	l    *Lib
	vals [milestoneCount]float64
}

func (m *milestones) Len() int { return milestoneCount }

func (m *milestones) Get(i int) goja.Value {
	if i < 0 || i >= milestoneCount {
		return nil
	}
	if i == milestoneLoopStart {
		if h := m.l.opts.Host; h != nil {
			if t := h.LoopStart(); !t.IsZero() {
				return m.l.vm.ToValue(hrtimeNs(t))
			}
		}
	}
	return m.l.vm.ToValue(m.vals[i])
}

// Set ignores writes: node's JS only reads the milestones.
func (m *milestones) Set(int, goja.Value) bool { return false }
func (m *milestones) SetLen(int) bool          { return false }

func hrtimeNs(t time.Time) float64 { return float64(t.Sub(processStart).Nanoseconds()) }

func init() {
	bindingMakers["performance"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		origin := l.created
		constants := vm.NewObject()
		for _, c := range []struct {
			name string
			v    int
		}{
			{"NODE_PERFORMANCE_GC_MAJOR", 4}, {"NODE_PERFORMANCE_GC_MINOR", 1},
			{"NODE_PERFORMANCE_GC_INCREMENTAL", 8}, {"NODE_PERFORMANCE_GC_WEAKCB", 16},
			{"NODE_PERFORMANCE_GC_FLAGS_NO", 0}, {"NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED", 2},
			{"NODE_PERFORMANCE_GC_FLAGS_FORCED", 4},
			{"NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING", 8},
			{"NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE", 16},
			{"NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY", 32},
			{"NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE", 64},
		} {
			_ = constants.Set(c.name, c.v)
		}
		// node defines the entry types and milestones non-enumerable.
		for i, name := range []string{
			"NODE_PERFORMANCE_ENTRY_TYPE_GC", "NODE_PERFORMANCE_ENTRY_TYPE_HTTP",
			"NODE_PERFORMANCE_ENTRY_TYPE_HTTP2", "NODE_PERFORMANCE_ENTRY_TYPE_NET",
			"NODE_PERFORMANCE_ENTRY_TYPE_DNS",
		} {
			_ = constants.DefineDataProperty(name, vm.ToValue(i), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		}
		for i, name := range []string{
			"NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN_TIMESTAMP", "NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN",
			"NODE_PERFORMANCE_MILESTONE_ENVIRONMENT", "NODE_PERFORMANCE_MILESTONE_NODE_START",
			"NODE_PERFORMANCE_MILESTONE_V8_START", "NODE_PERFORMANCE_MILESTONE_LOOP_START",
			"NODE_PERFORMANCE_MILESTONE_LOOP_EXIT", "NODE_PERFORMANCE_MILESTONE_BOOTSTRAP_COMPLETE",
		} {
			_ = constants.DefineDataProperty(name, vm.ToValue(i), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		}
		_ = b.Set("constants", constants)

		m := &milestones{l: l}
		for i := range m.vals {
			m.vals[i] = -1
		}
		// The program's clock starts when its Lib is created: that is its node start and its
		// environment. There is no V8, so V8_START stays unreached; LOOP_EXIT is not reported
		// by the host.
		m.vals[milestoneTimeOriginTimestamp] = float64(origin.UnixMicro())
		m.vals[milestoneTimeOrigin] = hrtimeNs(origin)
		m.vals[milestoneNodeStart] = hrtimeNs(origin)
		m.vals[milestoneEnvironment] = hrtimeNs(origin)
		_ = b.Set("milestones", vm.NewDynamicArray(m))
		_ = b.Set("markBootstrapComplete", func() {
			m.vals[milestoneBootstrapComplete] = hrtimeNs(time.Now())
		})
		_ = b.Set("now", func() float64 {
			return float64(time.Since(origin).Nanoseconds()) / 1e6
		})
		// loopIdleTime is in milliseconds; without a host there is no loop and no idle time.
		_ = b.Set("loopIdleTime", func() float64 {
			if l.opts.Host == nil {
				return 0
			}
			return float64(l.opts.Host.LoopIdleTime().Nanoseconds()) / 1e6
		})
		_ = b.Set("observerCounts", l.newTypedArray("Uint32Array", 5))
		// setupObservers hands over the callback node's C++ calls for gc/http/net/dns
		// entries; nodelib produces none of those entries, so there is nothing to call.
		_ = b.Set("setupObservers", func(goja.Value) {})
		return b
	}
}
