package trace

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

var testQuantiles = []float64{0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1}

// exactQuantile is the nearest-rank quantile of sorted samples, the
// definition Histogram.Quantile approximates.
func exactQuantile(sorted []time.Duration, q float64) time.Duration {
	rank := int(math.Ceil(q * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// checkAgainstExact fills a Histogram with samples and compares every
// statistic with the exact value computed from the sorted samples.
func checkAgainstExact(t *testing.T, samples []time.Duration) {
	t.Helper()
	var h Histogram
	for _, d := range samples {
		h.Add(d)
	}
	sorted := make([]time.Duration, len(samples))
	for i, d := range samples {
		sorted[i] = max(d, 0) // Add records negative durations as 0
	}
	slices.Sort(sorted)

	if h.Count() != uint64(len(samples)) {
		t.Fatalf("Count() = %d, want %d", h.Count(), len(samples))
	}
	if h.Min() != sorted[0] || h.Max() != sorted[len(sorted)-1] {
		t.Errorf("Min, Max = %v, %v, want %v, %v", h.Min(), h.Max(), sorted[0], sorted[len(sorted)-1])
	}
	var sum float64
	for _, d := range samples {
		sum += float64(max(d, 0))
	}
	// The mean is a float64 sum divided by the count: allow float rounding.
	want := time.Duration(sum / float64(len(sorted)))
	if float64(absDiff(h.Mean(), want)) > max(1, float64(want)*1e-12) {
		t.Errorf("Mean() = %v, want %v", h.Mean(), want)
	}
	for _, q := range testQuantiles {
		exact := exactQuantile(sorted, q)
		got := h.Quantile(q)
		if bound := float64(exact) * HistogramRelError; float64(absDiff(got, exact)) > bound {
			t.Errorf("Quantile(%v) = %d, exact %d: error %d exceeds bound %.1f",
				q, got, exact, absDiff(got, exact), bound)
		}
	}
}

func absDiff(a, b time.Duration) time.Duration {
	if a > b {
		return a - b
	}
	return b - a
}

func TestHistogramQuantiles(t *testing.T) {
	tests := map[string]struct {
		n   int
		gen func(r *rand.Rand) time.Duration
	}{
		"exact region below 64ns": {n: 1000, gen: func(r *rand.Rand) time.Duration {
			return time.Duration(r.IntN(64))
		}},
		"uniform microseconds": {n: 10000, gen: func(r *rand.Rand) time.Duration {
			return time.Duration(r.IntN(1_000_000))
		}},
		"log-uniform 1us to 10s": {n: 20000, gen: func(r *rand.Rand) time.Duration {
			return time.Duration(math.Exp(math.Log(1e3) + r.Float64()*(math.Log(1e10)-math.Log(1e3))))
		}},
		"exponential around 2ms": {n: 20000, gen: func(r *rand.Rand) time.Duration {
			return time.Duration(r.ExpFloat64() * 2e6)
		}},
		"constant": {n: 500, gen: func(*rand.Rand) time.Duration {
			return 1234567 * time.Nanosecond
		}},
		"single sample": {n: 1, gen: func(*rand.Rand) time.Duration {
			return 42 * time.Millisecond
		}},
		"negative counted as zero": {n: 300, gen: func(r *rand.Rand) time.Duration {
			return time.Duration(r.IntN(2000) - 1000)
		}},
		"huge durations": {n: 1000, gen: func(r *rand.Rand) time.Duration {
			return time.Duration(math.MaxInt64 - r.Int64N(1<<62))
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(len(name))))
			samples := make([]time.Duration, tc.n)
			for i := range samples {
				samples[i] = tc.gen(r)
			}
			checkAgainstExact(t, samples)
		})
	}
}

func TestHistogramEmpty(t *testing.T) {
	var h Histogram
	if h.Count() != 0 || h.Max() != 0 || h.Min() != 0 || h.Mean() != 0 || h.Quantile(0.5) != 0 {
		t.Errorf("empty histogram: count %d max %v min %v mean %v p50 %v, want all zero",
			h.Count(), h.Max(), h.Min(), h.Mean(), h.Quantile(0.5))
	}
}

func TestHistogramQuantileClamps(t *testing.T) {
	var h Histogram
	for i := 1; i <= 100; i++ {
		h.Add(time.Duration(i) * time.Microsecond)
	}
	tests := map[string]struct {
		q    float64
		want time.Duration
	}{
		"below zero": {q: -1, want: time.Microsecond},
		"NaN":        {q: math.NaN(), want: time.Microsecond},
		"above one":  {q: 2, want: 100 * time.Microsecond},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := h.Quantile(tc.q); got != tc.want {
				t.Errorf("Quantile(%v) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

// TestHistogramBuckets checks the layout the error bound rests on: buckets
// tile the value range without gaps, and each is at most 1/64 of its lower
// bound wide.
func TestHistogramBuckets(t *testing.T) {
	var next uint64
	for g := range numGroups {
		for s := range subBuckets {
			lo, w := bucketRange(g, s)
			if g == 0 && s == 0 {
				next = 0
			}
			if lo != next {
				t.Fatalf("bucket (%d,%d) starts at %d, want %d", g, s, lo, next)
			}
			if g > 0 && w*subBuckets > lo {
				t.Fatalf("bucket (%d,%d) width %d exceeds lower bound %d / %d", g, s, w, lo, subBuckets)
			}
			for _, v := range []uint64{lo, lo + w - 1} {
				if gg, ss := bucketOf(v); gg != g || ss != s {
					t.Fatalf("bucketOf(%d) = (%d,%d), want (%d,%d)", v, gg, ss, g, s)
				}
			}
			next = lo + w
		}
	}
	if next != 0 { // the last bucket ends exactly at 2^64, which wraps to 0
		t.Fatalf("buckets end at %d, want 2^64", next)
	}
}

func FuzzHistogram(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Add(binary.LittleEndian.AppendUint64(nil, math.MaxUint64))
	f.Add(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, 100), 1<<40))
	f.Fuzz(func(t *testing.T, data []byte) {
		var samples []time.Duration
		for len(data) >= 8 {
			samples = append(samples, time.Duration(binary.LittleEndian.Uint64(data)))
			data = data[8:]
		}
		if len(samples) == 0 {
			return
		}
		checkAgainstExact(t, samples)
	})
}

func BenchmarkHistogramAdd(b *testing.B) {
	var h Histogram
	for i := range b.N {
		h.Add(time.Duration(i&0xfffff) * time.Microsecond)
	}
}

func BenchmarkHistogramQuantile(b *testing.B) {
	var h Histogram
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		h.Add(time.Duration(r.ExpFloat64() * 2e6))
	}
	b.ResetTimer()
	for range b.N {
		sink += int64(h.Quantile(0.99))
	}
}

// TestHistogramMerge: merging two histograms equals adding both streams
// of durations to one.
func TestHistogramMerge(t *testing.T) {
	var a, b, both Histogram
	for i := 1; i <= 1000; i++ {
		d := time.Duration(i*i) * time.Microsecond
		if i%3 == 0 {
			a.Add(d)
		} else {
			b.Add(d)
		}
		both.Add(d)
	}
	var m Histogram
	m.Merge(&a)
	m.Merge(&b)
	m.Merge(&Histogram{})
	if m.Count() != both.Count() || m.Min() != both.Min() || m.Max() != both.Max() || m.Mean() != both.Mean() {
		t.Fatalf("merged count/min/max/mean %d/%v/%v/%v, want %d/%v/%v/%v", m.Count(), m.Min(), m.Max(), m.Mean(), both.Count(), both.Min(), both.Max(), both.Mean())
	}
	for _, q := range []float64{0, 0.5, 0.9, 0.99, 1} {
		if m.Quantile(q) != both.Quantile(q) {
			t.Errorf("q%v: merged %v, want %v", q, m.Quantile(q), both.Quantile(q))
		}
	}
}
