package nodelib

import (
	"strconv"

	"github.com/dop251/goja"
)

// internalBinding('path') is nodelib's own; node has no such binding. path.posix's normalize,
// join and resolve are node's lib/path.js, whose normalizeString walks the string one char
// code at a time. On goja every `path.length` in that loop wraps the primitive in a new String
// object and every StringPrototypeCharCodeAt is a bound call through Function.prototype.call:
// about 23 us a path.join, against node's 2.6 us, a third of the JS time of 2000 files written
// and read. These functions are node's algorithm in Go, on the string's UTF-16 code units
// (bytes when every unit is ASCII), so every input gives node's result, lone surrogates
// included. internal/gen patches path.js to call them only where the argument validation has
// already been done by node's own code, or cannot fail (see its patch table).

func init() {
	bindingMakers["path"] = func(l *Lib) *goja.Object {
		p := &pathBinding{vm: l.vm}
		b := l.vm.NewObject()
		_ = b.Set("normalize", p.normalize)
		_ = b.Set("join", p.join)
		_ = b.Set("normalizeString", p.normalizeString)
		return b
	}
}

// pathBinding holds scratch buffers reused by every call: the binding runs on the loop
// goroutine and calls no JS while it uses them.
type pathBinding struct {
	vm          *goja.Runtime
	strs        []goja.String
	in, out     []byte
	in16, out16 []uint16
}

// normalize(path) is posix.normalize(path) for a string path (validated by the caller).
func (p *pathBinding) normalize(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	s, ok := v.(goja.String)
	if !ok {
		panic(p.vm.NewTypeError("path.normalize: path must be a string"))
	}
	if a, ok := asciiOf(s); ok {
		p.in = append(p.in[:0], a...)
		p.out = posixNormalize(p.out[:0], p.in)
		if string(p.out) == a {
			return v // already normal: keep the string, allocate nothing
		}
		return p.vm.ToValue(string(p.out))
	}
	p.in16 = appendUnits(p.in16[:0], s)
	p.out16 = posixNormalize(p.out16[:0], p.in16)
	return goja.StringFromUTF16(p.out16)
}

// join(args) is posix.join(...args) when every argument is a string, and undefined otherwise,
// so that the caller runs node's own code, which throws node's error for the first argument
// that is not a string (none of the arguments is touched before that: no side effects).
func (p *pathBinding) join(call goja.FunctionCall) goja.Value {
	arr, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(p.vm.NewTypeError("path.join: args must be an array"))
	}
	n := int(arr.Get("length").ToInteger())
	strs := p.strs[:0]
	ascii := true
	for i := range n {
		s, ok := arr.Get(strconv.Itoa(i)).(goja.String)
		if !ok {
			p.strs = strs[:0]
			return goja.Undefined()
		}
		if s.Length() == 0 {
			continue // node skips empty arguments
		}
		if ascii {
			_, ascii = asciiOf(s)
		}
		strs = append(strs, s)
	}
	p.strs = strs[:0]
	if len(strs) == 0 {
		return asciiDot
	}
	if ascii {
		in := p.in[:0]
		for i, s := range strs {
			if i > 0 {
				in = append(in, '/')
			}
			a, _ := asciiOf(s)
			in = append(in, a...)
		}
		p.in = in
		p.out = posixNormalize(p.out[:0], in)
		return p.vm.ToValue(string(p.out))
	}
	in := p.in16[:0]
	for i, s := range strs {
		if i > 0 {
			in = append(in, '/')
		}
		in = appendUnits(in, s)
	}
	p.in16 = in
	p.out16 = posixNormalize(p.out16[:0], in)
	return goja.StringFromUTF16(p.out16)
}

// normalizeString(path, allowAboveRoot) is path.js's normalizeString(path, allowAboveRoot,
// '/', isPosixPathSeparator), for posix.resolve.
func (p *pathBinding) normalizeString(call goja.FunctionCall) goja.Value {
	s, ok := call.Argument(0).(goja.String)
	if !ok {
		panic(p.vm.NewTypeError("path.normalizeString: path must be a string"))
	}
	above := call.Argument(1).ToBoolean()
	if a, ok := asciiOf(s); ok {
		p.in = append(p.in[:0], a...)
		p.out = normalizeString(p.out[:0], p.in, above)
		return p.vm.ToValue(string(p.out))
	}
	p.in16 = appendUnits(p.in16[:0], s)
	p.out16 = normalizeString(p.out16[:0], p.in16, above)
	return goja.StringFromUTF16(p.out16)
}

var asciiDot = goja.StringFromUTF16([]uint16{'.'})

// asciiOf returns s as a Go string when every UTF-16 code unit of s is ASCII: then the bytes
// are the code units. It allocates nothing for goja's ASCII strings.
func asciiOf(s goja.String) (string, bool) {
	g := s.String()
	if len(g) != s.Length() {
		return "", false
	}
	for i := 0; i < len(g); i++ {
		if g[i] >= 0x80 {
			return "", false
		}
	}
	return g, true
}

// appendUnits appends the UTF-16 code units of s to dst (lone surrogates as they are).
func appendUnits(dst []uint16, s goja.String) []uint16 {
	for i, n := 0, s.Length(); i < n; i++ {
		dst = append(dst, s.CharAt(i))
	}
	return dst
}

// codeUnit is a string's code unit: a byte of an ASCII string, or UTF-16.
type codeUnit interface{ ~byte | ~uint16 }

// posixNormalize appends posix.normalize(path) to dst[:0]'s end (dst must be empty).
// It is lib/path.js's posix.normalize after validateString, line for line.
func posixNormalize[T codeUnit](dst, path []T) []T {
	if len(path) == 0 {
		return append(dst, '.')
	}
	isAbsolute := path[0] == '/'
	trailingSeparator := path[len(path)-1] == '/'
	if isAbsolute {
		dst = append(dst, '/') // node returns `/${path}`
	}
	base := len(dst)
	dst = normalizeString(dst, path, !isAbsolute)
	if len(dst) == base {
		if isAbsolute {
			return dst // "/"
		}
		if trailingSeparator {
			return append(dst, '.', '/')
		}
		return append(dst, '.')
	}
	if trailingSeparator {
		dst = append(dst, '/')
	}
	return dst
}

// normalizeString appends lib/path.js's normalizeString(path, allowAboveRoot, '/',
// isPosixPathSeparator) to dst, line for line: node's `res` is dst[base:], where base is
// len(dst) on entry. It resolves '.' and '..' segments and collapses repeated slashes.
func normalizeString[T codeUnit](dst, path []T, allowAboveRoot bool) []T {
	const (
		slash = '/'
		dot   = '.'
	)
	base := len(dst)
	lastSegmentLength := 0
	lastSlash := -1
	dots := 0
	var code T
	for i := 0; i <= len(path); i++ {
		if i < len(path) {
			code = path[i]
		} else if code == slash {
			break
		} else {
			code = slash
		}
		if code == slash {
			if lastSlash == i-1 || dots == 1 {
				// NOOP
			} else if dots == 2 {
				res := dst[base:]
				if len(res) < 2 || lastSegmentLength != 2 || res[len(res)-1] != dot || res[len(res)-2] != dot {
					if len(res) > 2 {
						lastSlashIndex := lastIndexOf(res, slash)
						if lastSlashIndex == -1 {
							dst = dst[:base]
							lastSegmentLength = 0
						} else {
							dst = dst[:base+lastSlashIndex]
							lastSegmentLength = lastSlashIndex - 1 - lastIndexOf(dst[base:], slash)
						}
						lastSlash = i
						dots = 0
						continue
					} else if len(res) != 0 {
						dst = dst[:base]
						lastSegmentLength = 0
						lastSlash = i
						dots = 0
						continue
					}
				}
				if allowAboveRoot {
					if len(dst) > base {
						dst = append(dst, slash, dot, dot)
					} else {
						dst = append(dst, dot, dot)
					}
					lastSegmentLength = 2
				}
			} else {
				if len(dst) > base {
					dst = append(dst, slash)
				}
				dst = append(dst, path[lastSlash+1:i]...)
				lastSegmentLength = i - lastSlash - 1
			}
			lastSlash = i
			dots = 0
		} else if code == dot && dots != -1 {
			dots++
		} else {
			dots = -1
		}
	}
	return dst
}

func lastIndexOf[T codeUnit](s []T, c T) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}
