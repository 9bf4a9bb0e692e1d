package ecma

//go:generate node gen_graphemes.js

import "unicode/utf16"

type gcbClass uint8

const (
	gcbOther gcbClass = iota
	gcbCR
	gcbLF
	gcbCtl
	gcbExt
	gcbZWJ
	gcbSM
	gcbPre
	gcbRI
	gcbL
	gcbV
	gcbT
	gcbLV
	gcbLVT
)

// graphemeClass gives the Grapheme_Cluster_Break class of r.
func graphemeClass(r rune) gcbClass {
	switch {
	case r == '\r':
		return gcbCR
	case r == '\n':
		return gcbLF
	case r == 0x200D:
		return gcbZWJ
	case r >= 0x1F1E6 && r <= 0x1F1FF:
		return gcbRI
	case r >= 0x1100 && r <= 0x115F || r >= 0xA960 && r <= 0xA97C:
		return gcbL
	case r >= 0x1160 && r <= 0x11A7 || r >= 0xD7B0 && r <= 0xD7C6:
		return gcbV
	case r >= 0x11A8 && r <= 0x11FF || r >= 0xD7CB && r <= 0xD7FB:
		return gcbT
	case r >= 0xAC00 && r <= 0xD7A3:
		if (r-0xAC00)%28 == 0 {
			return gcbLV
		}
		return gcbLVT
	case gcbControl.contains(r):
		return gcbCtl
	case gcbExtend.contains(r):
		return gcbExt
	case gcbSpacingMark.contains(r):
		return gcbSM
	case gcbPrepend.contains(r):
		return gcbPre
	}
	return gcbOther
}

// graphemeBoundaries gives the UTF-16 offsets where the extended grapheme
// clusters of s start (UAX #29's rules GB3-GB999), and len at the end. s is
// the UTF-8 form of a JS string, each lone surrogate replaced by U+FFFD,
// which keeps every offset.
func graphemeBoundaries(s string) []int {
	var out []int
	offset := 0
	var prev gcbClass
	first := true
	// State for GB9c and GB11 and GB12/13.
	riCount := 0     // regional indicators in the current run
	pictZWJ := false // ExtPict Extend* ZWJ just seen
	inPict := false  // ExtPict Extend* so far
	conjunct := 0    // 0: none, 1: consonant [extend|linker]*, 2: ... with a linker
	extPict := nodeBinary["Extended_Pictographic"]
	for _, r := range s {
		c := graphemeClass(r)
		brk := true
		switch {
		case first:
		case prev == gcbCR && c == gcbLF:
			brk = false
		case prev == gcbCR || prev == gcbLF || prev == gcbCtl:
		case c == gcbCR || c == gcbLF || c == gcbCtl:
		case prev == gcbL && (c == gcbL || c == gcbV || c == gcbLV || c == gcbLVT):
			brk = false
		case (prev == gcbLV || prev == gcbV) && (c == gcbV || c == gcbT):
			brk = false
		case (prev == gcbLVT || prev == gcbT) && c == gcbT:
			brk = false
		case c == gcbExt || c == gcbZWJ || c == gcbSM:
			brk = false
		case prev == gcbPre:
			brk = false
		case conjunct == 2 && gcbConsonant.contains(r):
			brk = false
		case pictZWJ && extPict.contains(r):
			brk = false
		case prev == gcbRI && c == gcbRI && riCount%2 == 1:
			brk = false
		}
		if brk {
			out = append(out, offset)
		}
		// Update the states after deciding on the break before r.
		isPict := extPict.contains(r)
		pictZWJ = inPict && c == gcbZWJ
		inPict = isPict || inPict && c == gcbExt
		if c == gcbRI {
			riCount++
		} else {
			riCount = 0
		}
		switch {
		case gcbConsonant.contains(r):
			conjunct = 1
		case conjunct > 0 && gcbLinker.contains(r):
			conjunct = 2
		case conjunct > 0 && (gcbInCBExtend.contains(r) || r == 0x200D):
		default:
			conjunct = 0
		}
		prev = c
		first = false
		offset += utf16Len(r)
	}
	return append(out, offset)
}

func utf16Len(r rune) int {
	if utf16.RuneLen(r) == 2 {
		return 2
	}
	return 1
}
