package nodelib

import (
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/dop251/goja"
)

// internalBinding('performance') (node/src/node_perf.cc): the time origin and now(), the
// milestones (LOOP_START read live from the host), the loop's idle time for
// eventLoopUtilization(), and observer bookkeeping for PerformanceObserver.
//
// Histogram (createHistogram, timerify) is HdrHistogram in Go (binding_performance_histogram.go);
// createELDHistogram (monitorEventLoopDelay) exists when the host is a [LoopSampler].
//
// uvMetricsInfo (nodeTiming's libuv counters) exists when the host is a [LoopMetrics].
//
// Absent: GC tracking (no V8 GC to observe); node's JS fails with a TypeError where it
// reaches it.

// LoopMetrics is what performance.nodeTiming.uvMetricsInfo needs from a Host: libuv's
// uv_metrics_info.
type LoopMetrics interface {
	// LoopMetrics returns how many loop iterations have run, how many events the poll phase
	// has processed, and how many were waiting when it was entered.
	LoopMetrics() (loopCount, events, eventsWaiting uint64)
}

// MarkBootstrapComplete records node's BOOTSTRAP_COMPLETE milestone
// (performance.nodeTiming.bootstrapComplete): the host calls it once its globals and process
// object are set up, before the main module runs.
func (l *Lib) MarkBootstrapComplete() error {
	return l.guard(func() error {
		fn, ok := goja.AssertFunction(l.internalBinding("performance").Get("markBootstrapComplete"))
		if !ok {
			return fmt.Errorf("marking bootstrap complete: %w", ErrUnavailable)
		}
		_, err := fn(goja.Undefined())
		return err
	})
}

// LoopSampler is what monitorEventLoopDelay needs from a Host: node samples the loop's delay
// from an unref'd uv_timer. Hosts that implement it get createELDHistogram.
type LoopSampler interface {
	// SampleLoop calls fn on the loop goroutine every interval, from a timer that does not
	// keep the loop alive, until stop is called (on the loop goroutine).
	SampleLoop(interval time.Duration, fn func()) (stop func())
}

// processStart is this process's monotonic reference point: hrtime 0.
var processStart = time.Now()

// HrtimeOrigin is hrtime 0 of nodelib's clock, the origin of the performance milestones.
// A host's process.hrtime() must count from it for eventLoopUtilization() to be exact, since
// node compares the two. Any goroutine may call it.
func HrtimeOrigin() time.Time { return processStart }

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

		slot := goja.NewSymbol("nodelib.histogram")
		get := func(v goja.Value) *histogram {
			if o, ok := v.(*goja.Object); ok {
				if s := o.GetSymbol(slot); s != nil {
					if h, ok := s.Export().(*histogram); ok {
						return h
					}
				}
			}
			panic(vm.NewTypeError("Illegal invocation"))
		}
		attach := func(o *goja.Object, h *histogram) {
			_ = o.DefineDataPropertySymbol(slot, vm.ToValue(h), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		}
		c := &cryptoBinding{l: l}
		toInt := func(v goja.Value) int64 {
			if n, ok := v.Export().(*big.Int); ok {
				return n.Int64()
			}
			return v.ToInteger()
		}
		_ = b.Set("Histogram", c.class("Histogram", func(call goja.ConstructorCall) *goja.Object {
			lowest, highest := toInt(call.Argument(0)), toInt(call.Argument(1))
			attach(call.This, &histogram{hdr: newHdrHistogram(lowest, highest, int(call.Argument(2).ToInteger()))})
			return nil
		}, histogramMethods(l, get)...))
		if m, ok := l.opts.Host.(LoopMetrics); ok {
			_ = b.Set("uvMetricsInfo", func() goja.Value {
				loops, events, waiting := m.LoopMetrics()
				return vm.NewArray(float64(loops), float64(events), float64(waiting))
			})
		}
		if sampler, ok := l.opts.Host.(LoopSampler); ok {
			methods := histogramMethods(l, get)
			methods = append(methods,
				"start", func(call goja.FunctionCall) goja.Value {
					h := get(call.This)
					if h.stop == nil {
						res := time.Duration(call.This.ToObject(vm).Get("resolutionMs").ToInteger())
						h.stop = sampler.SampleLoop(res*time.Millisecond, h.recordDelta)
					}
					return goja.Undefined()
				},
				"stop", func(call goja.FunctionCall) goja.Value {
					h := get(call.This)
					if h.stop != nil {
						h.stop()
						h.stop = nil
					}
					return goja.Undefined()
				},
			)
			eld := c.class("ELDHistogram", func(call goja.ConstructorCall) *goja.Object { return nil }, methods...)
			_ = b.Set("createELDHistogram", func(resolution int64) goja.Value {
				o, err := vm.New(eld)
				if err != nil {
					panic(err)
				}
				// Nanoseconds from 1000 up, 3 significant figures: node's Histogram::Options{1000}.
				attach(o, &histogram{hdr: newHdrHistogram(1000, math.MaxInt64, 3)})
				_ = o.DefineDataProperty("resolutionMs", vm.ToValue(resolution), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
				return o
			})
		}
		return b
	}
}
