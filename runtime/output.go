package runtime

import (
	"io"
	"sync/atomic"
)

// countingWriter is the program's stdout or stderr: it counts the bytes
// written, so that a console call's text can be located in the stream
// (OutputWritten).
type countingWriter struct {
	w io.Writer
	n atomic.Int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

// OutputWritten returns how many bytes the program has written to its
// stdout and to its stderr so far (Options.Stdout and Options.Stderr see
// exactly these bytes). Any goroutine; the program writes on the loop
// goroutine, so read there (the debugger's console hook does) it is exact.
func (r *Runtime) OutputWritten() (stdout, stderr int64) {
	return r.stdout.n.Load(), r.stderr.n.Load()
}
