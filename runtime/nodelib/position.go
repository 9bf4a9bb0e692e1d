package nodelib

import (
	"reflect"
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
)

// V8 reports a call frame at the start of the callee's name (`obj.method(` -> `method`) and
// counts columns in UTF-16 units; goja reports the `(` and counts bytes. v8Position moves a
// frame's position the way V8 would place it, reading goja's program source map through
// reflect (StackFrame only exposes the final position). Pinned to the goja version like
// kinds.go; position_test.go checks it.

var (
	framePrg, framePC, progSrc, progSrcMap, fileSourceMap = fieldIndex("prg"), fieldIndex("pc"), -1, -1, -1
)

func fieldIndex(name string) int {
	if f, ok := reflect.TypeOf(goja.StackFrame{}).FieldByName(name); ok {
		return f.Index[0]
	}
	return -1
}

func init() {
	if f, ok := reflect.TypeOf(goja.Program{}).FieldByName("src"); ok {
		progSrc = f.Index[0]
	}
	if f, ok := reflect.TypeOf(goja.Program{}).FieldByName("srcMap"); ok {
		progSrcMap = f.Index[0]
	}
	if f, ok := reflect.TypeOf(file.File{}).FieldByName("sourceMap"); ok {
		fileSourceMap = f.Index[0]
	}
}

func v8Position(f *goja.StackFrame) file.Position {
	pos := f.Position()
	if framePrg < 0 || framePC < 0 || progSrc < 0 || progSrcMap < 0 || fileSourceMap < 0 || pos.Line == 0 {
		return pos
	}
	fv := reflect.ValueOf(f).Elem()
	prg := unexported(fv.Field(framePrg))
	if prg.IsNil() {
		return pos
	}
	pc := int(unexported(fv.Field(framePC)).Int())
	srcFile, ok := unexported(prg.Elem().Field(progSrc)).Interface().(*file.File)
	if !ok || srcFile == nil {
		return pos
	}
	srcMap := unexported(prg.Elem().Field(progSrcMap))
	n := srcMap.Len()
	i := sort.Search(n, func(i int) bool { return srcMap.Index(i).Field(0).Int() > int64(pc) }) - 1
	if i < 0 {
		return pos
	}
	offset := int(srcMap.Index(i).Field(1).Int())
	src := srcFile.Source()
	if offset < 0 || offset >= len(src) {
		return pos
	}
	if src[offset] == '(' {
		// Back over blanks to the callee; if it ends with an identifier, point at its start.
		j := offset
		for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t') {
			j--
		}
		k := j
		for k > 0 && isIdentByte(src[k-1]) {
			k--
		}
		if k < j && !(src[k] >= '0' && src[k] <= '9') {
			offset = k
		}
	}
	if !unexported(reflect.ValueOf(srcFile).Elem().Field(fileSourceMap)).IsNil() {
		// Source-mapped: the map translates the moved offset into the original file.
		return srcFile.Position(offset)
	}
	p := srcFile.Position(offset)
	lineStart := offset
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	p.Column = utf16Len(src[lineStart:offset]) + 1
	return p
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func utf16Len(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		n += utf16.RuneLen(r)
	}
	return n
}
