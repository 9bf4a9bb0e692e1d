//go:build studio_norecord

package runtime

// recording is false in this build: every trace site is compiled out. It
// exists to measure what recording costs when nobody observes.
const recording = false
