package nodelib

import (
	"bytes"
	"encoding/hex"
	"errors"
	"runtime"
	"testing"

	"go.uber.org/goleak"
)

// drive runs a zstream the way node's lib/zlib.js does: each input chunk is written with
// flush, and the write is repeated with the remaining input while the output space is used up.
func drive(t testing.TB, z zstream, chunks [][]byte, outSize int) ([]byte, error) {
	t.Helper()
	var out bytes.Buffer
	buf := make([]byte, outSize)
	for i, chunk := range chunks {
		flush := zNoFlush
		if i == len(chunks)-1 {
			flush = zFinish
		}
		in := chunk
		for {
			nIn, nOut, err := z.process(flush, in, buf)
			out.Write(buf[:nOut])
			if err != nil {
				return out.Bytes(), err
			}
			in = in[nIn:]
			if nOut < len(buf) {
				break
			}
		}
	}
	return out.Bytes(), nil
}

func split(data []byte, size int) [][]byte {
	var chunks [][]byte
	for len(data) > size {
		chunks = append(chunks, data[:size])
		data = data[size:]
	}
	return append(chunks, data, nil) // the last, empty chunk carries Z_FINISH as _flush does
}

func TestZstreamRoundTrip(t *testing.T) {
	defer goleak.VerifyNone(t)
	text := bytes.Repeat([]byte("Hello, zlib! 0123456789 "), 400)
	for name, pair := range map[string][2]int{
		"deflate/inflate": {zmDeflate, zmInflate},
		"gzip/gunzip":     {zmGzip, zmGunzip},
		"raw":             {zmDeflateRaw, zmInflateRaw},
		"gzip/unzip":      {zmGzip, zmUnzip},
		"deflate/unzip":   {zmDeflate, zmUnzip},
	} {
		for _, outSize := range []int{1, 7, 64, 16384} {
			for _, inSize := range []int{1, 100, len(text)} {
				enc := newZstream(zconfig{mode: pair[0], level: -1})
				packed, err := drive(t, enc, split(text, inSize), outSize)
				enc.close()
				if err != nil {
					t.Fatalf("%s: compressing (out %d, in %d): %v", name, outSize, inSize, err)
				}
				dec := newZstream(zconfig{mode: pair[1]})
				got, err := drive(t, dec, split(packed, inSize), outSize)
				dec.close()
				if err != nil {
					t.Fatalf("%s: decompressing (out %d, in %d): %v", name, outSize, inSize, err)
				}
				if !bytes.Equal(got, text) {
					t.Fatalf("%s (out %d, in %d): round trip gave %d bytes, want %d", name, outSize, inSize, len(got), len(text))
				}
			}
		}
	}
}

// TestInflateNodeBytes decodes streams made by node v20's zlib (the hex in each case is what
// node printed) and checks zlib's errors for broken ones.
func TestInflateNodeBytes(t *testing.T) {
	defer goleak.VerifyNone(t)
	for name, tc := range map[string]struct {
		mode    int
		hex     string
		dict    string
		want    string
		errno   int
		message string
	}{
		// zlib.gzipSync('hello world')
		"gzip": {mode: zmGunzip, hex: "1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000", want: "hello world"},
		// zlib.deflateSync('hello world', { level: 9 })
		"deflate": {mode: zmInflate, hex: "78dacb48cdc9c95728cf2fca4901001a0b045d", want: "hello world"},
		// zlib.deflateRawSync('hello hello hello hello')
		"raw": {mode: zmInflateRaw, hex: "cb48cdc9c957c8402701", want: "hello hello hello hello"},
		// Buffer.concat([zlib.gzipSync('one '), zlib.gzipSync('two')])
		"two members": {mode: zmGunzip, hex: "1f8b0800000000000003cbcf4b5500004961ac23040000001f8b08000000000000032b29cf0700668aca1103000000", want: "one two"},
		// zlib.deflateSync('dict text dict text', { dictionary: Buffer.from('dict text') })
		"dictionary":         {mode: zmInflate, hex: "78bb1145038a4b813114e02c0047250733", dict: "dict text", want: "dict text dict text"},
		"missing dictionary": {mode: zmInflate, hex: "78bb1145038a4b813114e02c0047250733", errno: zNeedDict, message: "Missing dictionary"},
		"unzip gzip":         {mode: zmUnzip, hex: "1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000", want: "hello world"},
		"bad header":         {mode: zmGunzip, hex: hex.EncodeToString([]byte("not gzip data")), errno: zDataError, message: "incorrect header check"},
		"bad zlib header":    {mode: zmInflate, hex: hex.EncodeToString([]byte("not zlib data")), errno: zDataError, message: "incorrect header check"},
		"truncated":          {mode: zmGunzip, hex: "1f8b0800000000000003cb48cdc9c957", errno: zBufError, message: "unexpected end of file"},
		"bad checksum":       {mode: zmInflate, hex: "78dacb48cdc9c95728cf2fca4901001a0b0400", errno: zDataError, message: "incorrect data check"},
		"trailing garbage":   {mode: zmGunzip, hex: "1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000" + hex.EncodeToString([]byte("trailing")), errno: zDataError, message: "incorrect header check"},
		"zero padding":       {mode: zmGunzip, hex: "1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b0000000000", want: "hello world"},
	} {
		t.Run(name, func(t *testing.T) {
			data, err := hex.DecodeString(tc.hex)
			if err != nil {
				t.Fatal(err)
			}
			cfg := zconfig{mode: tc.mode}
			if tc.dict != "" {
				cfg.dict = []byte(tc.dict)
			}
			z := newZstream(cfg)
			defer z.close()
			got, err := drive(t, z, [][]byte{data}, 16384)
			if tc.message != "" {
				var ze *zlibError
				if !errors.As(err, &ze) || ze.errno != tc.errno || ze.msg != tc.message {
					t.Fatalf("error %v, want %q (errno %d)", err, tc.message, tc.errno)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// FuzzZlibRoundTrip: whatever the data and the buffer sizes, gzip then gunzip (and raw
// deflate then inflate) give the data back.
func FuzzZlibRoundTrip(f *testing.F) {
	f.Add([]byte("hello world"), uint8(3), uint8(5), uint8(6))
	f.Add(bytes.Repeat([]byte{0}, 5000), uint8(1), uint8(200), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, outSize, inSize, level uint8) {
		out := int(outSize%64) + 1
		in := int(inSize) + 1
		lvl := int(level%11) - 1
		for _, pair := range [][2]int{{zmGzip, zmGunzip}, {zmDeflateRaw, zmInflateRaw}} {
			enc := newZstream(zconfig{mode: pair[0], level: lvl})
			packed, err := drive(t, enc, split(data, in), out)
			enc.close()
			if err != nil {
				t.Fatal(err)
			}
			dec := newZstream(zconfig{mode: pair[1]})
			got, err := drive(t, dec, split(packed, in), out)
			dec.close()
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("mode %d: got %d bytes, %v; want %d bytes", pair[1], len(got), err, len(data))
			}
		}
	})
}

// TestAbandonedInflateStream: a gunzip stream that JS drops mid-stream, never closed, lets its
// decoder goroutine go once the runtime holding it is garbage.
func TestAbandonedInflateStream(t *testing.T) {
	func() {
		h := newTestHost(t)
		if err := withPool(h).run("abandon.js", `
const zlib = require('zlib');
const g = zlib.createGunzip();
g.write(zlib.gzipSync('x'.repeat(100000)).subarray(0, 100));
`); err != nil {
			t.Fatal(err)
		}
	}()
	runtime.GC()
	runtime.GC()
	goleak.VerifyNone(t)
}
