package nodelib

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/width"
)

// internalBinding('icu') (node/src/node_i18n.cc) without ICU itself: TextDecoder converters
// (WHATWG encodings from golang.org/x/text, UTF-8/UTF-16 decoded here so that `fatal` is
// exact), terminal string widths from the Unicode East Asian Width and general category
// tables, and buffer.transcode.

// TextDecoder converter flags (internal/encoding.js).
const (
	converterFlush     = 0x1
	converterFatal     = 0x2
	converterIgnoreBOM = 0x4
)

type converter struct {
	name      string
	fatal     bool
	ignoreBOM bool
	bomSeen   bool
	pending   []byte
	legacy    *encoding.Decoder
}

func init() {
	bindingMakers["icu"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		_ = b.Set("hasConverter", func(name string) bool {
			_, ok := newConverter(name, 0)
			return ok
		})
		_ = b.Set("getConverter", func(name string, flags int) goja.Value {
			c, ok := newConverter(name, flags)
			if !ok {
				return goja.Undefined()
			}
			return vm.ToValue(c)
		})
		_ = b.Set("decode", func(handle goja.Value, input goja.Value, flags int, encodingName string) goja.Value {
			c, ok := handle.Export().(*converter)
			if !ok {
				l.throw("TypeError", "Illegal invocation", "ERR_INVALID_THIS")
			}
			data, ok := l.bytesOf(input)
			if !ok {
				l.throw("TypeError", `The "input" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.`+l.receivedSuffix(input), "ERR_INVALID_ARG_TYPE")
			}
			s, valid := c.decode(data, flags&converterFlush != 0)
			if !valid {
				l.throw("TypeError", "The encoded data was not valid for encoding "+encodingName, "ERR_ENCODING_INVALID_ENCODED_DATA")
			}
			return s
		})
		_ = b.Set("getStringWidth", func(call goja.FunctionCall) goja.Value {
			ambiguousFull := call.Argument(1).ToBoolean()
			expandEmoji := true
			if a := call.Argument(2); !goja.IsUndefined(a) {
				expandEmoji = a.ToBoolean()
			}
			return vm.ToValue(stringWidth(codeUnits(call.Argument(0)), ambiguousFull, expandEmoji))
		})
		_ = b.Set("icuErrName", func(code int) string {
			if code == icuInvalidChar {
				return "U_INVALID_CHAR_FOUND"
			}
			return "U_ILLEGAL_ARGUMENT_ERROR"
		})
		_ = b.Set("transcode", func(source goja.Value, from, to string) goja.Value {
			data := l.mustBytes(source, "source")
			out, code := transcode(data, from, to)
			if code != 0 {
				return vm.ToValue(code)
			}
			return l.newBuffer(out)
		})
		return b
	}
}

// ICU error codes transcode reports (UErrorCode).
const (
	icuIllegalArgument = 1
	icuInvalidChar     = 10
)

func newConverter(name string, flags int) (*converter, bool) {
	c := &converter{name: strings.ToLower(name), fatal: flags&converterFatal != 0, ignoreBOM: flags&converterIgnoreBOM != 0}
	switch c.name {
	case "utf-8", "utf-16le", "utf-16be":
		return c, true
	}
	enc, err := htmlindex.Get(c.name)
	if err != nil || enc == nil {
		return nil, false
	}
	c.legacy = enc.NewDecoder()
	return c, true
}

// decode decodes data after any bytes held back from the previous call; unless flush, an
// incomplete trailing sequence is held back for the next call. It reports false when fatal
// and the input is malformed.
func (c *converter) decode(data []byte, flush bool) (goja.Value, bool) {
	buf := append(c.pending, data...)
	c.pending = nil
	var units []uint16
	valid := true
	switch c.name {
	case "utf-8":
		cut := len(buf)
		if !flush {
			cut = utf8CompletePrefix(buf)
		}
		c.pending = append([]byte(nil), buf[cut:]...)
		if c.fatal && !utf8.Valid(buf[:cut]) {
			valid = false
		}
		units = utf16.Encode([]rune(decodeUTF8(buf[:cut])))
	case "utf-16le", "utf-16be":
		n := len(buf) &^ 1
		for i := 0; i < n; i += 2 {
			if c.name == "utf-16le" {
				units = append(units, uint16(buf[i])|uint16(buf[i+1])<<8)
			} else {
				units = append(units, uint16(buf[i])<<8|uint16(buf[i+1]))
			}
		}
		rest := buf[n:]
		if !flush && len(units) > 0 && utf16.IsSurrogate(rune(units[len(units)-1])) && units[len(units)-1] < 0xDC00 {
			// A lead surrogate may be completed by the next chunk.
			last := buf[n-2 : n]
			units = units[:len(units)-1]
			rest = append(append([]byte(nil), last...), rest...)
		}
		if !flush {
			c.pending = append([]byte(nil), rest...)
		} else if len(rest) > 0 {
			if c.fatal {
				valid = false
			}
			units = append(units, 0xFFFD)
		}
		var ok bool
		units, ok = wellFormed(units)
		if !ok && c.fatal {
			valid = false
		}
	default:
		out, err := c.legacy.Bytes(buf)
		if err != nil || (c.fatal && strings.ContainsRune(string(out), utf8.RuneError)) {
			valid = false
		}
		units = utf16.Encode([]rune(string(out)))
	}
	if !valid {
		c.reset()
		return nil, false
	}
	if !c.ignoreBOM && !c.bomSeen && c.legacy == nil && len(units) > 0 {
		if units[0] == 0xFEFF {
			units = units[1:]
		}
		c.bomSeen = true
	}
	if flush {
		c.reset()
	}
	return goja.StringFromUTF16(units), true
}

func (c *converter) reset() {
	c.pending = nil
	c.bomSeen = false
	if c.legacy != nil {
		c.legacy.Reset()
	}
}

// utf8CompletePrefix returns the length of b without a trailing incomplete (but so far
// valid) UTF-8 sequence.
func utf8CompletePrefix(b []byte) int {
	for back := 1; back <= 3 && back <= len(b); back++ {
		i := len(b) - back
		c := b[i]
		if c < 0x80 {
			return len(b)
		}
		if c < 0xC0 {
			continue // continuation byte: keep looking for the lead
		}
		need := 0
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 2
		case c >= 0xE0 && c <= 0xEF:
			need = 3
		case c >= 0xF0 && c <= 0xF4:
			need = 4
		default:
			return len(b)
		}
		if back >= need {
			return len(b)
		}
		lower, upper := byte(0x80), byte(0xBF)
		switch c {
		case 0xE0:
			lower = 0xA0
		case 0xED:
			upper = 0x9F
		case 0xF0:
			lower = 0x90
		case 0xF4:
			upper = 0x8F
		}
		if back >= 2 && (b[i+1] < lower || b[i+1] > upper) {
			return len(b)
		}
		return i
	}
	return len(b)
}

// wellFormed replaces lone surrogates with U+FFFD, reporting whether there were none.
func wellFormed(u []uint16) ([]uint16, bool) {
	ok := true
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
			i++
			continue
		}
		if c >= 0xD800 && c <= 0xDFFF {
			u[i] = 0xFFFD
			ok = false
		}
	}
	return u, ok
}

// stringWidth is node's GetStringWidth: the terminal columns of a string.
func stringWidth(units []uint16, ambiguousFull, expandEmoji bool) int {
	w := 0
	var prev rune
	for i := 0; i < len(units); {
		r := rune(units[i])
		n := 1
		if utf16.IsSurrogate(r) && r < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
			r = utf16.DecodeRune(r, rune(units[i+1]))
			n = 2
		}
		i += n
		p := prev
		prev = r
		if !expandEmoji && p == 0x200D && (isEmojiPresentation(r) || isEmojiModifier(r)) {
			continue
		}
		w += columnWidth(r, ambiguousFull)
	}
	return w
}

func columnWidth(r rune, ambiguousFull bool) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianFullwidth, width.EastAsianWide:
		return 2
	case width.EastAsianAmbiguous:
		if ambiguousFull {
			return 2
		}
	case width.Neutral:
		if isEmojiPresentation(r) {
			return 2
		}
	}
	if r != 0x00AD && (unicode.In(r, unicode.Cc, unicode.Cf, unicode.Me, unicode.Mn) || isEmojiModifier(r)) {
		return 0
	}
	return 1
}

func isEmojiModifier(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

// isEmojiPresentation covers the Emoji_Presentation characters that East Asian Width does not
// already class as wide (the rest are W and never reach this check).
func isEmojiPresentation(r rune) bool {
	return r >= 0x1F1E6 && r <= 0x1F1FF // regional indicators
}

// transcode converts between the encodings buffer.transcode supports, as ICU's ucnv does:
// characters the target cannot represent become '?'.
func transcode(data []byte, from, to string) ([]byte, int) {
	norm := func(e string) string {
		switch strings.ToLower(e) {
		case "utf8", "utf-8":
			return "utf8"
		case "ucs2", "ucs-2", "utf16le", "utf-16le":
			return "ucs2"
		case "latin1", "binary":
			return "latin1"
		case "ascii":
			return "ascii"
		}
		return ""
	}
	f, t := norm(from), norm(to)
	if f == "" || t == "" {
		return nil, icuIllegalArgument
	}
	var runes []rune
	switch f {
	case "utf8":
		runes = []rune(decodeUTF8(data))
	case "ucs2":
		u := make([]uint16, len(data)/2)
		for i := range u {
			u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		}
		runes = utf16.Decode(u)
	case "latin1", "ascii":
		for _, c := range data {
			runes = append(runes, rune(c))
		}
	}
	var out []byte
	switch t {
	case "utf8":
		out = []byte(string(runes))
	case "ucs2":
		for _, u := range utf16.Encode(runes) {
			out = append(out, byte(u), byte(u>>8))
		}
	case "latin1", "ascii":
		limit := rune(0xFF)
		if t == "ascii" {
			limit = 0x7F
		}
		for _, r := range runes {
			if r > limit {
				r = '?'
			}
			out = append(out, byte(r))
		}
	}
	return out, 0
}
