package nodelib

import (
	"math"
	"math/big"
	"math/bits"
	"time"

	"github.com/dop251/goja"
)

// The Histogram of internalBinding('performance') (node/src/histogram.cc), which node builds
// on HdrHistogram_c: the same bucket layout, so min, max, mean, stddev and percentiles come
// out as node's do.

// hdrHistogram is HdrHistogram_c's hdr_histogram, counts and the derived layout.
type hdrHistogram struct {
	lowest, highest              int64
	unitMagnitude                int
	subBucketHalfCountMagnitude  int
	subBucketCount               int64
	subBucketHalfCount           int64
	subBucketMask                int64
	counts                       []int64
	totalCount, minValue, maxVal int64
}

func newHdrHistogram(lowest, highest int64, figures int) *hdrHistogram {
	h := &hdrHistogram{lowest: lowest, highest: highest}
	largest := int64(2 * math.Pow10(figures))
	subBucketCountMagnitude := int(math.Ceil(math.Log2(float64(largest))))
	h.subBucketHalfCountMagnitude = max(subBucketCountMagnitude, 1) - 1
	h.unitMagnitude = int(math.Floor(math.Log2(float64(lowest))))
	h.subBucketCount = 1 << (h.subBucketHalfCountMagnitude + 1)
	h.subBucketHalfCount = h.subBucketCount / 2
	h.subBucketMask = (h.subBucketCount - 1) << h.unitMagnitude
	smallestUntrackable := h.subBucketCount << h.unitMagnitude
	buckets := 1
	for smallestUntrackable <= highest {
		if smallestUntrackable > math.MaxInt64/2 {
			buckets++
			break
		}
		smallestUntrackable <<= 1
		buckets++
	}
	h.counts = make([]int64, (buckets+1)*int(h.subBucketHalfCount))
	h.reset()
	return h
}

func (h *hdrHistogram) reset() {
	clear(h.counts)
	h.totalCount, h.minValue, h.maxVal = 0, math.MaxInt64, 0
}

func (h *hdrHistogram) bucketIndex(v int64) int {
	pow2ceiling := 64 - bits.LeadingZeros64(uint64(v|h.subBucketMask))
	return pow2ceiling - h.unitMagnitude - (h.subBucketHalfCountMagnitude + 1)
}

func (h *hdrHistogram) subBucketIndex(v int64, bucket int) int64 {
	return v >> (bucket + h.unitMagnitude)
}

func (h *hdrHistogram) countsIndex(v int64) int {
	b := h.bucketIndex(v)
	sb := h.subBucketIndex(v, b)
	return (b+1)<<h.subBucketHalfCountMagnitude + int(sb-h.subBucketHalfCount)
}

func (h *hdrHistogram) valueAtIndex(i int) int64 {
	b := (i >> h.subBucketHalfCountMagnitude) - 1
	sb := int64(i&(int(h.subBucketHalfCount)-1)) + h.subBucketHalfCount
	if b < 0 {
		sb -= h.subBucketHalfCount
		b = 0
	}
	return sb << (b + h.unitMagnitude)
}

func (h *hdrHistogram) lowestEquivalent(v int64) int64 {
	b := h.bucketIndex(v)
	return h.subBucketIndex(v, b) << (b + h.unitMagnitude)
}

func (h *hdrHistogram) rangeSize(v int64) int64 {
	b := h.bucketIndex(v)
	if h.subBucketIndex(v, b) >= h.subBucketCount {
		b++
	}
	return 1 << (h.unitMagnitude + b)
}

func (h *hdrHistogram) highestEquivalent(v int64) int64 {
	return h.lowestEquivalent(v) + h.rangeSize(v) - 1
}

func (h *hdrHistogram) medianEquivalent(v int64) int64 {
	return h.lowestEquivalent(v) + h.rangeSize(v)>>1
}

// record is hdr_record_values: false when v cannot be tracked.
func (h *hdrHistogram) record(v, n int64) bool {
	if v < 0 {
		return false
	}
	i := h.countsIndex(v)
	if i < 0 || i >= len(h.counts) {
		return false
	}
	h.counts[i] += n
	h.totalCount += n
	if v != 0 && v < h.minValue {
		h.minValue = v
	}
	if v > h.maxVal {
		h.maxVal = v
	}
	return true
}

func (h *hdrHistogram) min() int64 {
	if h.counts[0] > 0 {
		return 0
	}
	if h.minValue == math.MaxInt64 {
		return math.MaxInt64
	}
	return h.lowestEquivalent(h.minValue)
}

func (h *hdrHistogram) max() int64 {
	if h.maxVal == 0 {
		return 0
	}
	return h.highestEquivalent(h.maxVal)
}

func (h *hdrHistogram) mean() float64 {
	var total int64
	for i, c := range h.counts {
		if c != 0 {
			total += c * h.medianEquivalent(h.valueAtIndex(i))
		}
	}
	return float64(total) / float64(h.totalCount)
}

func (h *hdrHistogram) stddev() float64 {
	mean := h.mean()
	dev := 0.0
	for i, c := range h.counts {
		if c != 0 {
			d := float64(h.medianEquivalent(h.valueAtIndex(i))) - mean
			dev += d * d * float64(c)
		}
	}
	return math.Sqrt(dev / float64(h.totalCount))
}

// percentile is hdr_value_at_percentile.
func (h *hdrHistogram) percentile(p float64) int64 {
	req := min(p, 100)
	countAt := max(int64(req/100*float64(h.totalCount)+0.5), 1)
	var v, cum int64
	for i, c := range h.counts {
		cum += c
		if cum >= countAt {
			v = h.valueAtIndex(i)
			break
		}
	}
	if p == 0 {
		return h.lowestEquivalent(v)
	}
	return h.highestEquivalent(v)
}

// percentiles is node's walk with hdr_iter_percentile_init(iter, h, 1): each reported
// percentile with the lowest value of its bucket, then 100.
func (h *hdrHistogram) percentiles(fn func(p float64, v int64)) {
	idx, cum := -1, int64(0)
	var value, count int64
	next := func() bool {
		if cum >= h.totalCount {
			return false
		}
		idx++
		if idx >= len(h.counts) {
			return false
		}
		count = h.counts[idx]
		cum += count
		value = h.valueAtIndex(idx)
		return true
	}
	iterTo, last := 0.0, 0.0
	seenLast := false
	for {
		if cum >= h.totalCount {
			if seenLast {
				return
			}
			seenLast = true
			fn(100, value)
			continue
		}
		if idx == -1 && !next() {
			return
		}
		reported := false
		for {
			current := 100 * float64(cum) / float64(h.totalCount)
			if count != 0 && iterTo <= current {
				fn(iterTo, value)
				last = iterTo
				temp := int64(math.Log(100/(100-iterTo))/math.Log(2)) + 1
				half := int64(math.Pow(2, float64(temp)))
				iterTo += 100 / float64(half)
				reported = true
				break
			}
			if !next() {
				break
			}
		}
		if !reported {
			// Out of buckets before the next percentile: hdr_iter_next still reports,
			// with the percentile it reached last.
			fn(last, value)
		}
	}
}

// histogram is node's Histogram: hdr plus its own count, exceeds and recordDelta clock.
type histogram struct {
	hdr            *hdrHistogram
	count, exceeds int64
	prev           time.Time
	stop           func() // stops an ELD histogram's loop sampler
}

func (h *histogram) record(v int64) bool {
	if !h.hdr.record(v, 1) {
		h.exceeds++
		return false
	}
	h.count++
	return true
}

func (h *histogram) recordDelta() {
	now := time.Now()
	if !h.prev.IsZero() {
		if d := now.Sub(h.prev).Nanoseconds(); d > 0 {
			h.record(d)
		}
	}
	h.prev = now
}

func (h *histogram) reset() {
	h.hdr.reset()
	h.count, h.exceeds, h.prev = 0, 0, time.Time{}
}

// histogramMethods are the handle methods node's internal/histogram.js calls; native
// returns the handle's histogram.
func histogramMethods(l *Lib, get func(goja.Value) *histogram) []any {
	vm := l.vm
	bigint := func(v int64) goja.Value { return vm.ToValue(big.NewInt(v)) }
	toInt := func(v goja.Value) int64 {
		if b, ok := v.Export().(*big.Int); ok {
			if !b.IsInt64() {
				return math.MaxInt64
			}
			return b.Int64()
		}
		return v.ToInteger()
	}
	percentiles := func(call goja.FunctionCall, conv func(int64) goja.Value) goja.Value {
		h := get(call.This)
		m := call.Argument(0).ToObject(vm)
		set, ok := goja.AssertFunction(m.Get("set"))
		if !ok {
			panic(vm.NewTypeError("percentiles: map has no set method"))
		}
		h.hdr.percentiles(func(p float64, v int64) {
			if _, err := set(m, vm.ToValue(p), conv(v)); err != nil {
				panic(err)
			}
		})
		return goja.Undefined()
	}
	num := func(v int64) goja.Value { return vm.ToValue(float64(v)) }
	return []any{
		"count", func(call goja.FunctionCall) goja.Value { return num(get(call.This).count) },
		"countBigInt", func(call goja.FunctionCall) goja.Value { return bigint(get(call.This).count) },
		"exceeds", func(call goja.FunctionCall) goja.Value { return num(get(call.This).exceeds) },
		"exceedsBigInt", func(call goja.FunctionCall) goja.Value { return bigint(get(call.This).exceeds) },
		"min", func(call goja.FunctionCall) goja.Value { return num(get(call.This).hdr.min()) },
		"minBigInt", func(call goja.FunctionCall) goja.Value { return bigint(get(call.This).hdr.min()) },
		"max", func(call goja.FunctionCall) goja.Value { return num(get(call.This).hdr.max()) },
		"maxBigInt", func(call goja.FunctionCall) goja.Value { return bigint(get(call.This).hdr.max()) },
		"mean", func(call goja.FunctionCall) goja.Value { return vm.ToValue(get(call.This).hdr.mean()) },
		"stddev", func(call goja.FunctionCall) goja.Value { return vm.ToValue(get(call.This).hdr.stddev()) },
		"percentile", func(call goja.FunctionCall) goja.Value {
			return num(get(call.This).hdr.percentile(call.Argument(0).ToFloat()))
		},
		"percentileBigInt", func(call goja.FunctionCall) goja.Value {
			return bigint(get(call.This).hdr.percentile(call.Argument(0).ToFloat()))
		},
		"percentiles", func(call goja.FunctionCall) goja.Value { return percentiles(call, num) },
		"percentilesBigInt", func(call goja.FunctionCall) goja.Value { return percentiles(call, bigint) },
		"reset", func(call goja.FunctionCall) goja.Value { get(call.This).reset(); return goja.Undefined() },
		"record", func(call goja.FunctionCall) goja.Value {
			get(call.This).record(toInt(call.Argument(0)))
			return goja.Undefined()
		},
		"recordDelta", func(call goja.FunctionCall) goja.Value { get(call.This).recordDelta(); return goja.Undefined() },
		"add", func(call goja.FunctionCall) goja.Value {
			h, o := get(call.This), get(call.Argument(0))
			h.count += o.count
			h.exceeds += o.exceeds
			for i, c := range o.hdr.counts {
				if c != 0 {
					h.hdr.record(o.hdr.valueAtIndex(i), c)
				}
			}
			return goja.Undefined()
		},
	}
}
