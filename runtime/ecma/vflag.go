package ecma

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrClassSet reports v-mode class syntax this package does not translate:
// string literals (\q{...}) and properties of strings.
var ErrClassSet = errors.New("ecma: unsupported class set syntax")

var (
	errClassSyntax = errors.New("ecma: invalid character class")
	errSetOp       = errors.New("ecma: invalid set operation in character class")
)

// TranslateFlags rewrites a pattern with the v flag (unicodeSets) into a
// u-flag pattern goja accepts: each character class, with its nested
// classes, intersections (&&) and subtractions (--), becomes one class of
// explicit ranges. Patterns without v go through [TranslatePattern]. It
// returns the pattern and the flags to compile it with.
func TranslateFlags(pattern, flags string) (string, string, error) {
	if !strings.ContainsRune(flags, 'v') {
		p, err := TranslatePattern(pattern, flags)
		return p, flags, err
	}
	uflags := strings.ReplaceAll(flags, "v", "u")
	var b strings.Builder
	for i := 0; i < len(pattern); {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			n := pattern[i+1]
			if n == 'p' || n == 'P' {
				end := strings.IndexByte(pattern[i:], '}')
				if end < 0 {
					return "", "", fmt.Errorf("translating /%s/%s: %w", pattern, flags, ErrPropertyName)
				}
				out, err := TranslatePattern(pattern[i:i+end+1], "u")
				if err != nil {
					return "", "", fmt.Errorf("translating /%s/%s: %w", pattern, flags, err)
				}
				b.WriteString(out)
				i += end + 1
				continue
			}
			b.WriteString(pattern[i : i+2])
			i += 2
		case c == '[':
			set, next, err := parseClassSet(pattern, i)
			if err != nil {
				return "", "", fmt.Errorf("translating /%s/%s: %w", pattern, flags, err)
			}
			b.WriteString(classFromSet(set))
			i = next
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), uflags, nil
}

func classFromSet(set runeSet) string {
	var b strings.Builder
	for _, r := range set {
		writeRange(&b, r[0], r[1])
	}
	if b.Len() == 0 {
		return `[^\u{0}-\u{10FFFF}]`
	}
	return "[" + b.String() + "]"
}

var (
	setDigit = runeSet{{'0', '9'}}
	setWord  = runeSet{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	setSpace = union(runeSet{{'\t', '\r'}, {' ', ' '}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x2000, 0x200A},
		{0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}})
)

// parseClassSet parses the class starting at p[i] == '[' and returns its
// code points and the offset just past its ']'.
func parseClassSet(p string, i int) (runeSet, int, error) {
	i++
	negate := false
	if i < len(p) && p[i] == '^' {
		negate = true
		i++
	}
	var acc runeSet
	op := "" // "", "&&" or "--" once an operator is seen
	first := true
	// The grammar keeps union and the operators apart: an operator needs
	// exactly one operand before it, neither side a range, and one operand
	// after each operator.
	operands, afterOp, sawRange := 0, false, false
	for {
		if i >= len(p) {
			return nil, 0, errClassSyntax
		}
		if p[i] == ']' {
			if afterOp {
				return nil, 0, errClassSyntax
			}
			i++
			break
		}
		if strings.HasPrefix(p[i:], "&&") || strings.HasPrefix(p[i:], "--") {
			if first {
				return nil, 0, errClassSyntax
			}
			if operands != 1 && op == "" || sawRange || afterOp || op != "" && op != p[i:i+2] {
				return nil, 0, errSetOp
			}
			op = p[i : i+2]
			afterOp = true
			i += 2
			continue
		}
		if op != "" && !afterOp {
			return nil, 0, errSetOp
		}
		operand, next, single, err := parseClassOperand(p, i)
		if err != nil {
			return nil, 0, err
		}
		i = next
		// A range a-b between two single characters.
		if single >= 0 && i+1 < len(p) && p[i] == '-' && p[i+1] != '-' {
			hiSet, next2, hi, err := parseClassOperand(p, i+1)
			if err != nil {
				return nil, 0, err
			}
			if hi < 0 || hi < single {
				return nil, 0, errClassSyntax
			}
			_ = hiSet
			operand = runeSet{{single, hi}}
			i = next2
			sawRange = true
			if op != "" {
				return nil, 0, errSetOp
			}
		}
		operands++
		afterOp = false
		switch {
		case first:
			acc = operand
		case op == "&&":
			acc = acc.complement()
			acc = union(acc, operand.complement()).complement()
		case op == "--":
			acc = acc.minus(operand)
		default:
			acc = union(acc, operand)
		}
		first = false
	}
	if negate {
		acc = acc.complement()
	}
	return acc, i, nil
}

// parseClassOperand parses one operand at p[i]: a nested class, an
// escape, or a character. single is the code point of a one-character
// operand (for ranges), else -1.
func parseClassOperand(p string, i int) (runeSet, int, rune, error) {
	switch p[i] {
	case '[':
		set, next, err := parseClassSet(p, i)
		return set, next, -1, err
	case '\\':
		if i+1 >= len(p) {
			return nil, 0, -1, errClassSyntax
		}
		n := p[i+1]
		switch n {
		case 'd':
			return setDigit, i + 2, -1, nil
		case 'D':
			return setDigit.complement(), i + 2, -1, nil
		case 'w':
			return setWord, i + 2, -1, nil
		case 'W':
			return setWord.complement(), i + 2, -1, nil
		case 's':
			return setSpace, i + 2, -1, nil
		case 'S':
			return setSpace.complement(), i + 2, -1, nil
		case 'q':
			return nil, 0, -1, ErrClassSet
		case 'p', 'P':
			end := strings.IndexByte(p[i:], '}')
			if end < 0 || i+2 >= len(p) || p[i+2] != '{' {
				return nil, 0, -1, ErrPropertyName
			}
			set, ok := lookupProperty(p[i+3 : i+end])
			if !ok {
				return nil, 0, -1, ErrPropertyName
			}
			if n == 'P' {
				set = set.complement()
			}
			return set, i + end + 1, -1, nil
		}
		r, next, err := classEscape(p, i)
		if err != nil {
			return nil, 0, -1, err
		}
		return runeSet{{r, r}}, next, r, nil
	}
	r, size := utf8.DecodeRuneInString(p[i:])
	return runeSet{{r, r}}, i + size, r, nil
}

// classEscape decodes a character escape at p[i] == '\\'.
func classEscape(p string, i int) (rune, int, error) {
	n := p[i+1]
	switch n {
	case 'n':
		return '\n', i + 2, nil
	case 'r':
		return '\r', i + 2, nil
	case 't':
		return '\t', i + 2, nil
	case 'v':
		return '\v', i + 2, nil
	case 'f':
		return '\f', i + 2, nil
	case 'b':
		return '\b', i + 2, nil
	case '0':
		return 0, i + 2, nil
	case 'c':
		if i+2 < len(p) && (p[i+2]|0x20) >= 'a' && (p[i+2]|0x20) <= 'z' {
			return rune(p[i+2] % 32), i + 3, nil
		}
		return 0, 0, errClassSyntax
	case 'x':
		if i+4 <= len(p) {
			if v, err := strconv.ParseUint(p[i+2:i+4], 16, 32); err == nil {
				return rune(v), i + 4, nil
			}
		}
		return 0, 0, errClassSyntax
	case 'u':
		if i+2 < len(p) && p[i+2] == '{' {
			end := strings.IndexByte(p[i:], '}')
			if end < 0 {
				return 0, 0, errClassSyntax
			}
			v, err := strconv.ParseUint(p[i+3:i+end], 16, 32)
			if err != nil || v > 0x10FFFF {
				return 0, 0, errClassSyntax
			}
			return rune(v), i + end + 1, nil
		}
		if i+6 <= len(p) {
			v, err := strconv.ParseUint(p[i+2:i+6], 16, 32)
			if err != nil {
				return 0, 0, errClassSyntax
			}
			r, next := rune(v), i+6
			// A surrogate pair written as two escapes.
			if r >= 0xD800 && r <= 0xDBFF && next+6 <= len(p) && p[next] == '\\' && p[next+1] == 'u' {
				if lo, err := strconv.ParseUint(p[next+2:next+6], 16, 32); err == nil && lo >= 0xDC00 && lo <= 0xDFFF {
					return (r-0xD800)<<10 + (rune(lo) - 0xDC00) + 0x10000, next + 6, nil
				}
			}
			return r, next, nil
		}
		return 0, 0, errClassSyntax
	}
	// Identity escapes of syntax characters and class punctuators.
	if strings.IndexByte(`^$\.*+?()[]{}|/-&!#%,:;<=>@`+"`~", n) >= 0 {
		return rune(n), i + 2, nil
	}
	return 0, 0, errClassSyntax
}
