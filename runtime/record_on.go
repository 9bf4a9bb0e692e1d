//go:build !studio_norecord

package runtime

// recording is false only in builds tagged studio_norecord, which compile
// every trace site out: the baseline bench/recording.sh measures the cost
// of unobserved recording against.
const recording = true
