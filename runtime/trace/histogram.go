package trace

import (
	"math"
	"math/bits"
	"time"
)

// Histogram bucket layout (log-linear, as in HdrHistogram): values below
// 2^subBits nanoseconds get a bucket each; above that, every power-of-two
// range [2^e, 2^(e+1)) is split into 2^subBits equal buckets. A bucket's
// width is therefore at most 1/2^subBits of its lower bound.
const (
	subBits    = 6
	subBuckets = 1 << subBits // 64
	// group 0 holds the exact values 0..63; group g >= 1 holds
	// [64<<(g-1), 128<<(g-1)). Values up to 2^64-1 need 64-subBits+1 groups.
	numGroups = 64 - subBits + 1
)

// HistogramRelError is the bound on Quantile's error relative to the exact
// sample quantile: |Quantile(q) - exact| <= exact * HistogramRelError. It is
// half a bucket's relative width, because Quantile reports bucket midpoints.
const HistogramRelError = 1.0 / (2 * subBuckets) // 1/128, under 0.79%

// Histogram records durations for percentile queries (p50, p95, p99) in
// bounded memory. Quantile is within HistogramRelError of the exact
// nearest-rank quantile of the recorded samples, and exact at q=0 (Min) and
// q=1 (Max).
//
// The zero value is an empty histogram. A Histogram is not safe for
// concurrent use: the loop owns the ones it feeds, and readers copy the
// quantiles out on the loop or guard it themselves.
type Histogram struct {
	// groups are allocated on first use: latencies usually span a few
	// powers of two, so most of the 59 groups stay nil.
	groups   [numGroups]*[subBuckets]uint64
	count    uint64
	sum      float64 // float so that sums of huge durations cannot wrap
	min, max uint64
}

func bucketOf(v uint64) (group, sub int) {
	if v < subBuckets {
		return 0, int(v)
	}
	shift := bits.Len64(v) - 1 - subBits
	return shift + 1, int(v>>uint(shift)) - subBuckets
}

// bucketRange returns the smallest value of a bucket and its width.
func bucketRange(group, sub int) (lo, width uint64) {
	if group == 0 {
		return uint64(sub), 1
	}
	shift := uint(group - 1)
	return uint64(subBuckets+sub) << shift, 1 << shift
}

// Add records one duration. Negative durations (a clock read out of order)
// are recorded as 0.
func (h *Histogram) Add(d time.Duration) {
	v := uint64(0)
	if d > 0 {
		v = uint64(d)
	}
	g, s := bucketOf(v)
	if h.groups[g] == nil {
		h.groups[g] = new([subBuckets]uint64)
	}
	h.groups[g][s]++
	if h.count == 0 || v < h.min {
		h.min = v
	}
	if v > h.max {
		h.max = v
	}
	h.count++
	h.sum += float64(v)
}

// Merge adds every duration recorded in o to h, as if each had been added
// to h: per-goroutine histograms can be combined without a lock.
func (h *Histogram) Merge(o *Histogram) {
	if o.count == 0 {
		return
	}
	for g, grp := range o.groups {
		if grp == nil {
			continue
		}
		if h.groups[g] == nil {
			h.groups[g] = new([subBuckets]uint64)
		}
		for s, n := range grp {
			h.groups[g][s] += n
		}
	}
	if h.count == 0 || o.min < h.min {
		h.min = o.min
	}
	if o.max > h.max {
		h.max = o.max
	}
	h.count += o.count
	h.sum += o.sum
}

// Count returns the number of recorded durations.
func (h *Histogram) Count() uint64 { return h.count }

// Max returns the largest recorded duration, exactly; 0 when empty.
func (h *Histogram) Max() time.Duration { return time.Duration(h.max) }

// Min returns the smallest recorded duration, exactly; 0 when empty.
func (h *Histogram) Min() time.Duration { return time.Duration(h.min) }

// Mean returns the exact mean of the recorded durations (to float64
// precision); 0 when empty.
func (h *Histogram) Mean() time.Duration {
	if h.count == 0 {
		return 0
	}
	return time.Duration(h.sum / float64(h.count))
}

// Quantile returns the q-quantile (q in [0, 1], clamped) by the nearest-rank
// definition: the value of the ceil(q*Count())-th smallest sample (the
// smallest for q = 0). The result is that sample's bucket midpoint, clamped
// to [Min, Max], so it is within HistogramRelError of the exact value. An
// empty histogram returns 0.
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.count == 0 {
		return 0
	}
	rank := quantileRank(q, h.count)
	// The extremes are known exactly; no bucket rounding there.
	if rank == 1 {
		return time.Duration(h.min)
	}
	if rank == h.count {
		return time.Duration(h.max)
	}
	var seen uint64
	for g, grp := range h.groups {
		if grp == nil {
			continue
		}
		for s, c := range grp {
			seen += c
			if seen < rank {
				continue
			}
			lo, w := bucketRange(g, s)
			v := lo + (w-1)/2
			v = max(v, h.min)
			v = min(v, h.max)
			return time.Duration(v)
		}
	}
	// Unreachable while the counts sum to h.count.
	return time.Duration(h.max)
}

// quantileRank is the 1-based nearest rank of quantile q among n samples.
func quantileRank(q float64, n uint64) uint64 {
	if math.IsNaN(q) || q <= 0 {
		return 1
	}
	if q >= 1 {
		return n
	}
	r := uint64(math.Ceil(q * float64(n)))
	return min(max(r, 1), n)
}
