package nodelib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"io"
	"reflect"
	"strings"

	"github.com/andybalholm/brotli"
)

// The zlib engine behind internalBinding('zlib'): zlib's streaming contract (each write gets
// some input and some output space, consumes what it can and reports avail_in/avail_out, and
// is called again while output space runs out) over Go's compress/flate. Pure Go, no goja: the
// binding copies bytes in and out on the loop goroutine and runs the engine on the pool.

// zlib modes, flush values and return codes (zlib.h, node_zlib.cc).
const (
	zmDeflate    = 1
	zmInflate    = 2
	zmGzip       = 3
	zmGunzip     = 4
	zmDeflateRaw = 5
	zmInflateRaw = 6
	zmUnzip      = 7

	zmBrotliDecode = 8
	zmBrotliEncode = 9

	brotliParamQuality = 1
	brotliParamLGWin   = 2

	brotliOperationFlush  = 1
	brotliOperationFinish = 2
	brotliOperationMeta   = 3

	zNoFlush      = 0
	zPartialFlush = 1
	zSyncFlush    = 2
	zFullFlush    = 3
	zFinish       = 4
	zBlock        = 5

	zNeedDict    = 2
	zDataError   = -3
	zStreamError = -2
	zBufError    = -5

	zHuffmanOnly = 2
)

// zlibError is what node's ZlibContext::GetErrorInfo reports: zlib's message, errno and code.
type zlibError struct {
	msg   string
	errno int
	name  string // the code when it is not zlib's (Brotli's ERR_...)
}

func (e *zlibError) Error() string { return e.msg }

func (e *zlibError) code() string {
	if e.name != "" {
		return e.name
	}
	switch e.errno {
	case zNeedDict:
		return "Z_NEED_DICT"
	case zDataError:
		return "Z_DATA_ERROR"
	case zStreamError:
		return "Z_STREAM_ERROR"
	case zBufError:
		return "Z_BUF_ERROR"
	}
	return "Z_ERRNO"
}

// zstream is one compression or decompression stream.
type zstream interface {
	// process consumes from in and fills out; it reports how much of each it used.
	process(flush int, in, out []byte) (nIn, nOut int, err error)
	params(level, strategy int) error
	reset()
	close()
}

type zconfig struct {
	mode, level, strategy int
	window                int // Brotli's LGWIN
	dict                  []byte
}

func newZstream(cfg zconfig) zstream {
	switch cfg.mode {
	case zmDeflate, zmGzip, zmDeflateRaw:
		return newDeflater(cfg)
	case zmBrotliEncode:
		b := &brotliEncoder{cfg: cfg}
		b.reset()
		return b
	}
	return &inflater{cfg: cfg, quit: make(chan struct{})}
}

// deflater frames raw deflate output itself (gzip/zlib header and trailer), so that params()
// can swap the flate.Writer at a flush boundary, as deflateParams changes the level.
type deflater struct {
	cfg     zconfig
	w       *flate.Writer
	pending bytes.Buffer // compressed bytes not yet handed out
	sum     hash.Hash32  // crc32 (gzip) or adler32 (zlib)
	size    uint32       // gzip ISIZE
	started bool
	done    bool
}

func newDeflater(cfg zconfig) *deflater {
	d := &deflater{cfg: cfg}
	d.reset()
	return d
}

func (d *deflater) flateLevel() int {
	if d.cfg.strategy == zHuffmanOnly {
		return flate.HuffmanOnly
	}
	return d.cfg.level // zlib's -1..9 are flate's levels
}

func (d *deflater) reset() {
	d.pending.Reset()
	d.size, d.started, d.done = 0, false, false
	switch d.cfg.mode {
	case zmGzip:
		d.sum = crc32.NewIEEE()
	case zmDeflate:
		d.sum = adler32.New()
	default:
		d.sum = nil
	}
	var err error
	if d.cfg.dict != nil && d.cfg.mode != zmGzip {
		d.w, err = flate.NewWriterDict(&d.pending, d.flateLevel(), d.cfg.dict)
	} else {
		d.w, err = flate.NewWriter(&d.pending, d.flateLevel())
	}
	if err != nil {
		// Levels are validated by node's JS before init; an invalid one is a caller bug.
		panic(err)
	}
}

func (d *deflater) header() {
	d.started = true
	switch d.cfg.mode {
	case zmGzip:
		// zlib's gzip header: no name, mtime 0, XFL from the level, OS 3 (Unix).
		level := d.cfg.level
		if level == -1 {
			level = 6
		}
		xfl := byte(0)
		if level == 9 {
			xfl = 2
		} else if d.cfg.strategy >= zHuffmanOnly || level < 2 {
			xfl = 4
		}
		d.pending.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
	case zmDeflate:
		// CMF: deflate with a 32K window; FLG: the level class, FDICT, and the check bits.
		level := d.cfg.level
		if level == -1 {
			level = 6
		}
		var flevel byte
		switch {
		case d.cfg.strategy >= zHuffmanOnly || level < 2:
			flevel = 0
		case level < 6:
			flevel = 1
		case level == 6:
			flevel = 2
		default:
			flevel = 3
		}
		cmf := byte(0x78)
		flg := flevel << 6
		if d.cfg.dict != nil {
			flg |= 0x20
		}
		flg += 31 - byte((uint16(cmf)<<8|uint16(flg))%31)
		d.pending.Write([]byte{cmf, flg})
		if d.cfg.dict != nil {
			d.pending.Write(binary.BigEndian.AppendUint32(nil, adler32.Checksum(d.cfg.dict)))
		}
	}
}

func (d *deflater) process(flush int, in, out []byte) (int, int, error) {
	if !d.started {
		d.header()
	}
	nIn := 0
	if !d.done && len(in) > 0 {
		_, _ = d.w.Write(in)
		if d.sum != nil {
			_, _ = d.sum.Write(in)
		}
		d.size += uint32(len(in))
		nIn = len(in)
	}
	if !d.done {
		switch flush {
		case zPartialFlush, zSyncFlush, zFullFlush, zBlock:
			_ = d.w.Flush()
		case zFinish:
			_ = d.w.Close()
			d.done = true
			switch d.cfg.mode {
			case zmGzip:
				d.pending.Write(binary.LittleEndian.AppendUint32(nil, d.sum.Sum32()))
				d.pending.Write(binary.LittleEndian.AppendUint32(nil, d.size))
			case zmDeflate:
				d.pending.Write(binary.BigEndian.AppendUint32(nil, d.sum.Sum32()))
			}
		}
	}
	nOut, _ := d.pending.Read(out)
	return nIn, nOut, nil
}

func (d *deflater) params(level, strategy int) error {
	if d.done {
		return &zlibError{msg: "stream error", errno: zStreamError}
	}
	if level == d.cfg.level && strategy == d.cfg.strategy {
		return nil
	}
	// node flushes (Z_SYNC_FLUSH) before params(), so the stream is at a block boundary and
	// a new compressor can continue it; only the window history is not carried over.
	_ = d.w.Flush()
	d.cfg.level, d.cfg.strategy = level, strategy
	w, err := flate.NewWriter(&d.pending, d.flateLevel())
	if err != nil {
		return &zlibError{msg: "stream error", errno: zStreamError}
	}
	d.w = w
	return nil
}

func (d *deflater) close() { d.pending.Reset() }

// inflater runs Go's pull-based decoder on its own goroutine as a coroutine: process hands it
// input and output space and waits until it needs more input, has filled the output, or ends.
// Only one side runs at a time, so the fields below are handed back and forth, never shared.
type inflater struct {
	cfg zconfig

	co        *inflateCoroutine
	quit      chan struct{} // closed when the stream is garbage: the decoder goroutine ends
	input     []byte        // input not yet consumed by the decoder
	pending   []byte        // decoded bytes the caller has not taken yet
	needInput bool          // the decoder is parked waiting for input
	memberEnd bool          // a gzip member just ended (Z_STREAM_END)
	ended     bool          // the stream ended (Z_STREAM_END) or failed
	err       error
}

type inflateCoroutine struct {
	resume chan bool // true: continue; false: stop
	yield  chan struct{}
	closed bool
}

var errInflateClosed = errors.New("nodelib: inflate stream closed")

// Read is the decoder's input: it parks the decoder when the caller's input is used up.
func (z *inflater) Read(p []byte) (int, error) {
	if !z.waitInput() {
		return 0, errInflateClosed
	}
	n := copy(p, z.input)
	z.input = z.input[n:]
	return n, nil
}

// ReadByte keeps flate and gzip from buffering ahead, so avail_in stays exact.
func (z *inflater) ReadByte() (byte, error) {
	if !z.waitInput() {
		return 0, errInflateClosed
	}
	b := z.input[0]
	z.input = z.input[1:]
	return b, nil
}

// waitInput parks the decoder until there is input; false when the stream is closed.
func (z *inflater) waitInput() bool {
	for len(z.input) == 0 {
		z.needInput = true
		ok := z.park()
		z.needInput = false
		if !ok {
			return false
		}
	}
	return true
}

// write is the decoder's output: it parks until the caller has taken all of p.
func (z *inflater) write(p []byte) error {
	z.pending = p
	for len(z.pending) > 0 {
		if !z.park() {
			return errInflateClosed
		}
	}
	return nil
}

// park hands control back to process and waits to be resumed (decoder goroutine only).
func (z *inflater) park() bool {
	co := z.co
	co.yield <- struct{}{}
	select {
	case ok := <-co.resume:
		return ok
	case <-z.quit:
		return false
	}
}

// abandoned returns the channel to close when nothing can reach the stream any more, so a
// stream JS never closed does not keep its decoder goroutine.
func (z *inflater) abandoned() chan struct{} { return z.quit }

func (z *inflater) start() {
	co := &inflateCoroutine{resume: make(chan bool), yield: make(chan struct{})}
	z.co = co
	go func() {
		select {
		case ok := <-co.resume:
			if ok {
				z.err = z.decode()
			}
		case <-z.quit:
		}
		z.ended = true
		close(co.yield)
	}()
}

// decode runs the whole stream: member after member for gunzip, as node's zlib does when more
// gzip data follows a member.
func (z *inflater) decode() error {
	mode := z.cfg.mode
	if mode == zmUnzip {
		b, err := z.ReadByte()
		if err != nil {
			return err
		}
		z.input = append([]byte{b}, z.input...)
		mode = zmInflate
		if b == 0x1f {
			mode = zmGunzip
		}
	}
	buf := make([]byte, 16<<10)
	copyOut := func(r io.Reader) error {
		for {
			n, err := r.Read(buf)
			if n > 0 {
				if werr := z.write(buf[:n]); werr != nil {
					return werr
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	switch mode {
	case zmBrotliDecode:
		return copyOut(&brotliReader{brotli.NewReader(z)})
	case zmGunzip:
		// zlib rejects a bad magic number from the first bytes, before a whole header came.
		if !z.waitInput() {
			return errInflateClosed
		}
		if !gzipMagic(z.input) {
			return gzip.ErrHeader
		}
		gz, err := gzip.NewReader(z)
		if err != nil {
			return err
		}
		for {
			gz.Multistream(false)
			if err := copyOut(gz); err != nil {
				return err
			}
			// node_zlib.cc: when input remains after a member, another member is decoded
			// unless the next byte is zero (padding). Until more input comes, the stream
			// stands at its end, so Z_FINISH is no error.
			z.memberEnd = true
			if !z.waitInput() {
				return errInflateClosed
			}
			z.memberEnd = false
			if z.input[0] == 0 {
				return nil
			}
			if !gzipMagic(z.input) {
				return gzip.ErrHeader
			}
			if err := gz.Reset(z); err != nil {
				return err
			}
		}
	case zmInflate:
		var r io.ReadCloser
		var err error
		if z.cfg.dict != nil {
			r, err = zlib.NewReaderDict(z, z.cfg.dict)
		} else {
			r, err = zlib.NewReader(z)
		}
		if err != nil {
			return err
		}
		return copyOut(r)
	default:
		var r io.ReadCloser
		if z.cfg.dict != nil {
			r = flate.NewReaderDict(z, z.cfg.dict)
		} else {
			r = flate.NewReader(z)
		}
		return copyOut(r)
	}
}

// gzipMagic reports whether in can start a gzip member, judging from the bytes present.
func gzipMagic(in []byte) bool {
	return in[0] == 0x1f && (len(in) < 2 || in[1] == 0x8b)
}

// step resumes the decoder and waits for it to park or end (caller side).
func (z *inflater) step() {
	z.co.resume <- true
	<-z.co.yield
}

func (z *inflater) process(flush int, in, out []byte) (int, int, error) {
	if z.co == nil {
		z.start()
	}
	z.input = in
	nOut := 0
	for {
		if len(z.pending) > 0 {
			n := copy(out[nOut:], z.pending)
			z.pending = z.pending[n:]
			nOut += n
			if nOut == len(out) {
				break
			}
			continue
		}
		if z.ended || z.needInput && len(z.input) == 0 {
			break
		}
		z.step()
	}
	nIn := len(in) - len(z.input)
	z.input = nil // the caller's memory is not kept between calls
	if z.ended {
		return nIn, nOut, z.zerror()
	}
	finish := flush == zFinish || z.cfg.mode == zmBrotliDecode && flush == brotliOperationFinish
	if finish && nOut < len(out) && !z.memberEnd {
		// All input is consumed, output space is left and the stream has not ended.
		return nIn, nOut, &zlibError{msg: "unexpected end of file", errno: zBufError}
	}
	return nIn, nOut, nil
}

// zerror turns the decoder's outcome into zlib's error, or nil for a clean end.
func (z *inflater) zerror() error {
	err := z.err
	switch {
	case err == nil || errors.Is(err, errInflateClosed):
		return nil
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		return &zlibError{msg: "incorrect header check", errno: zDataError}
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum):
		return &zlibError{msg: "incorrect data check", errno: zDataError}
	case errors.Is(err, zlib.ErrDictionary):
		if z.cfg.dict == nil {
			return &zlibError{msg: "Missing dictionary", errno: zNeedDict}
		}
		return &zlibError{msg: "Bad dictionary", errno: zNeedDict}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &zlibError{msg: "unexpected end of file", errno: zBufError}
	}
	if code, ok := brotliErrorCode(err); ok {
		return &zlibError{msg: "Decompression failed", errno: code, name: brotliErrorName(code, err)}
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		// Go does not say which rule the data broke, unlike zlib's messages.
		return &zlibError{msg: "invalid compressed data", errno: zDataError}
	}
	return &zlibError{msg: err.Error(), errno: zDataError}
}

func (z *inflater) params(level, strategy int) error { return nil }

func (z *inflater) reset() {
	z.close()
	z.ended, z.err = false, nil
}

// close stops the decoder goroutine, if one is parked.
func (z *inflater) close() {
	if z.co != nil && !z.ended {
		// The decoder may park again on its way out (a Read that fails mid-stream can still
		// return decoded bytes), so keep refusing until the goroutine has returned.
		for {
			z.co.resume <- false
			if _, parked := <-z.co.yield; !parked {
				break
			}
		}
	}
	z.co = nil
	z.input, z.pending, z.needInput, z.memberEnd = nil, nil, false, false
}

// brotliEncoder is a Brotli compression stream: operations PROCESS, FLUSH, FINISH.
type brotliEncoder struct {
	cfg     zconfig
	w       *brotli.Writer
	pending bytes.Buffer
	done    bool
}

func (b *brotliEncoder) reset() {
	b.pending.Reset()
	b.done = false
	b.w = brotli.NewWriterOptions(&b.pending, brotli.WriterOptions{Quality: b.cfg.level, LGWin: b.cfg.window})
}

func (b *brotliEncoder) process(op int, in, out []byte) (int, int, error) {
	nIn := 0
	if !b.done {
		if len(in) > 0 {
			_, _ = b.w.Write(in)
			nIn = len(in)
		}
		switch op {
		case brotliOperationFlush, brotliOperationMeta:
			_ = b.w.Flush()
		case brotliOperationFinish:
			_ = b.w.Close()
			b.done = true
		}
	}
	nOut, _ := b.pending.Read(out)
	return nIn, nOut, nil
}

func (b *brotliEncoder) params(int, int) error { return nil }
func (b *brotliEncoder) close()                { b.pending.Reset() }

// brotliReader ends at the end of the Brotli stream: brotli.Reader would otherwise ask its
// source for more input, which for a push stream means waiting for a write that never comes.
type brotliReader struct{ r *brotli.Reader }

// brotliStateDone is the Reader's stateDone in andybalholm/brotli v1.3.0 (state.go).
const brotliStateDone = 24

func (b *brotliReader) Read(p []byte) (int, error) {
	if reflect.ValueOf(b.r).Elem().FieldByName("state").Int() == brotliStateDone {
		return 0, io.EOF
	}
	n, err := b.r.Read(p)
	if err != nil && err.Error() == "brotli: excessive input" {
		// libbrotli stops at the end of the stream and leaves the rest, as node does.
		err = io.EOF
	}
	return n, err
}

// brotliErrorCode returns libbrotli's BrotliDecoderErrorCode behind a decoding error.
func brotliErrorCode(err error) (int, bool) {
	v := reflect.ValueOf(err)
	if v.Kind() != reflect.Int || !strings.HasPrefix(err.Error(), "brotli: ") {
		return 0, false
	}
	return int(v.Int()), true
}

// brotliErrorName is node's code for a Brotli decoding error: "ERR_" and
// BrotliDecoderErrorString, e.g. ERR__ERROR_FORMAT_PADDING_1.
func brotliErrorName(code int, err error) string {
	name := strings.TrimPrefix(err.Error(), "brotli: ")
	switch {
	case code >= -17:
		return "ERR__ERROR_FORMAT_" + name
	case code <= -21 && code >= -30:
		return "ERR__ERROR_ALLOC_" + name
	}
	return "ERR__ERROR_" + name
}
