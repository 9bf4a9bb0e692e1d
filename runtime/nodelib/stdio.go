package nodelib

import (
	"fmt"
	"io"

	"github.com/dop251/goja"
)

// NewStdioStream returns a node Writable stream for process.stdout or process.stderr: node's
// SyncWriteStream (what node uses when stdio is a file), writing each chunk to w synchronously
// on the loop goroutine. It has fd and isTTY like node's, and every stream method and event.
// A write error from w becomes the stream's 'error' event.
func (l *Lib) NewStdioStream(fd int, w io.Writer, isTTY bool) (stream *goja.Object, err error) {
	err = l.guard(func() error {
		mod := l.requireInternal("internal/nodelib/stdio")
		ctor, ok := goja.AssertConstructor(mod.Get("StdioWriteStream"))
		if !ok {
			return fmt.Errorf("creating stdio stream: StdioWriteStream is not a constructor")
		}
		write := l.vm.ToValue(func(chunk goja.Value) {
			b, ok := l.bytesOf(chunk)
			if !ok {
				b = []byte(chunk.String())
			}
			if _, err := w.Write(b); err != nil {
				panic(l.newError("Error", err.Error(), "EIO"))
			}
		})
		var err error
		stream, err = ctor(nil, l.vm.ToValue(fd), write, l.vm.ToValue(isTTY))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("creating stdio stream for fd %d: %w", fd, err)
	}
	return stream, nil
}
