package modules

import (
	"encoding/json"
	"strings"
)

// goja looks source maps up with 1-based columns where the format's are
// 0-based, and reports the 0-based original column as it is. shiftForGoja
// rewrites a map so both come out right: every generated and every
// original column moves one to the right. Generated columns restart on
// each line, so the first segment of every line changes; original columns
// are relative across the whole map, so only the first one does.
func shiftForGoja(mapJSON []byte) []byte {
	var m map[string]any
	if err := json.Unmarshal(mapJSON, &m); err != nil {
		return mapJSON
	}
	mappings, ok := m["mappings"].(string)
	if !ok {
		return mapJSON
	}
	var b strings.Builder
	firstSource := true
	for li, line := range strings.Split(mappings, ";") {
		if li > 0 {
			b.WriteByte(';')
		}
		for si, seg := range strings.Split(line, ",") {
			if si > 0 {
				b.WriteByte(',')
			}
			fields, ok := decodeVLQ(seg)
			if !ok || len(fields) == 0 {
				b.WriteString(seg)
				continue
			}
			if si == 0 {
				fields[0]++
			}
			if len(fields) >= 4 && firstSource {
				fields[3]++
				firstSource = false
			}
			for _, f := range fields {
				encodeVLQ(&b, f)
			}
		}
	}
	m["mappings"] = b.String()
	out, err := json.Marshal(m)
	if err != nil {
		return mapJSON
	}
	return out
}

const vlqChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func decodeVLQ(s string) ([]int, bool) {
	var out []int
	value, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(vlqChars, s[i])
		if d < 0 {
			return nil, false
		}
		value += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		if value&1 != 0 {
			out = append(out, -(value >> 1))
		} else {
			out = append(out, value>>1)
		}
		value, shift = 0, 0
	}
	return out, shift == 0
}

func encodeVLQ(b *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		d := u & 31
		u >>= 5
		if u > 0 {
			d |= 32
		}
		b.WriteByte(vlqChars[d])
		if u == 0 {
			return
		}
	}
}

// shiftGenerated moves every generated column of a source map through
// column (a rewrite that inserted text without adding lines).
func shiftGenerated(mapJSON []byte, column func(line, col int) int) []byte {
	var m map[string]any
	if err := json.Unmarshal(mapJSON, &m); err != nil {
		return mapJSON
	}
	mappings, ok := m["mappings"].(string)
	if !ok {
		return mapJSON
	}
	var b strings.Builder
	for li, line := range strings.Split(mappings, ";") {
		if li > 0 {
			b.WriteByte(';')
		}
		prevOld, prevNew := 0, 0
		for si, seg := range strings.Split(line, ",") {
			if si > 0 {
				b.WriteByte(',')
			}
			fields, ok := decodeVLQ(seg)
			if !ok || len(fields) == 0 {
				b.WriteString(seg)
				continue
			}
			old := prevOld + fields[0]
			nw := column(li+1, old)
			fields[0] = nw - prevNew
			prevOld, prevNew = old, nw
			for _, f := range fields {
				encodeVLQ(&b, f)
			}
		}
	}
	m["mappings"] = b.String()
	out, err := json.Marshal(m)
	if err != nil {
		return mapJSON
	}
	return out
}

// identityMap is a source map from a rewrite of code back to code itself
// (file is its source): one segment at every token, placed where the
// rewrite moved it, so a position anywhere in the rewritten text maps to
// the token it came from or, inside inserted text, to the token before.
func identityMap(file, code string, column func(line, col int) int) []byte {
	var b strings.Builder
	line, lineStart := 1, 0
	prevGen, prevLine, prevCol := 0, 0, 0
	first := true
	for _, t := range tokenize(code) {
		for {
			nl := strings.IndexByte(code[lineStart:], '\n')
			if nl < 0 || lineStart+nl >= t.start {
				break
			}
			b.WriteByte(';')
			line++
			lineStart += nl + 1
			prevGen = 0
			first = true
		}
		col := t.start - lineStart
		gen := column(line, col)
		if !first {
			b.WriteByte(',')
		}
		first = false
		encodeVLQ(&b, gen-prevGen)
		encodeVLQ(&b, 0)
		encodeVLQ(&b, line-1-prevLine)
		encodeVLQ(&b, col-prevCol)
		prevGen, prevLine, prevCol = gen, line-1, col
	}
	m := map[string]any{"version": 3, "sources": []string{file}, "names": []string{}, "mappings": b.String()}
	out, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	return out
}
