package ecma

//go:generate node gen_props.js
//go:generate node gen_units.js

import (
	"sort"
	"unicode"
)

// runeSet is a sorted list of disjoint, non-adjacent inclusive ranges.
type runeSet [][2]rune

func fromTable(t *unicode.RangeTable) runeSet {
	var s runeSet
	add := func(lo, hi, stride rune) {
		if stride == 1 {
			s = append(s, [2]rune{lo, hi})
			return
		}
		for r := lo; r <= hi; r += stride {
			s = append(s, [2]rune{r, r})
		}
	}
	for _, r := range t.R16 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	for _, r := range t.R32 {
		add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	return s.normalize()
}

func (s runeSet) normalize() runeSet {
	sort.Slice(s, func(i, j int) bool { return s[i][0] < s[j][0] })
	var out runeSet
	for _, r := range s {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			if r[1] > out[n-1][1] {
				out[n-1][1] = r[1]
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

func union(sets ...runeSet) runeSet {
	var all runeSet
	for _, s := range sets {
		all = append(all, s...)
	}
	return all.normalize()
}

func (s runeSet) complement() runeSet {
	var out runeSet
	next := rune(0)
	for _, r := range s {
		if r[0] > next {
			out = append(out, [2]rune{next, r[0] - 1})
		}
		next = r[1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, [2]rune{next, unicode.MaxRune})
	}
	return out
}

func (s runeSet) minus(t runeSet) runeSet {
	// s - t = complement(complement(s) | t)
	return union(s.complement(), t).complement()
}

func (s runeSet) contains(c rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i][1] >= c })
	return i < len(s) && s[i][0] <= c
}

func tables(ts ...*unicode.RangeTable) runeSet {
	sets := make([]runeSet, len(ts))
	for i, t := range ts {
		sets[i] = fromTable(t)
	}
	return union(sets...)
}

// gcAliases maps the long General_Category value names (and the extra
// aliases ECMAScript accepts) to the short names Go's tables use.
var gcAliases = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
	"Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo",
	"Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me",
	"Number": "N", "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl", "Other_Number": "No",
	"Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd",
	"Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po",
	"Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc", "Modifier_Symbol": "Sk", "Other_Symbol": "So",
	"Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl", "Paragraph_Separator": "Zp",
	"Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs",
	"Private_Use": "Co", "Unassigned": "Cn",
}

// generalCategory returns the set of a short General_Category name.
// Go's "C" omits unassigned code points; Unicode's C includes them.
func generalCategory(short string) (runeSet, bool) {
	switch short {
	case "LC":
		return tables(unicode.Lu, unicode.Ll, unicode.Lt), true
	case "Cn":
		return assigned().complement(), true
	case "C":
		return union(tables(unicode.C), assigned().complement()), true
	}
	t, ok := unicode.Categories[short]
	if !ok {
		return nil, false
	}
	return fromTable(t), true
}

func assigned() runeSet {
	all := make([]*unicode.RangeTable, 0, len(unicode.Categories))
	for _, t := range unicode.Categories {
		all = append(all, t)
	}
	return tables(all...)
}

// scriptAliases maps ISO 15924 codes to the Script value names Go uses.
var scriptAliases = map[string]string{
	"Adlm": "Adlam", "Aghb": "Caucasian_Albanian", "Arab": "Arabic", "Armi": "Imperial_Aramaic",
	"Armn": "Armenian", "Avst": "Avestan", "Bali": "Balinese", "Bamu": "Bamum", "Bass": "Bassa_Vah",
	"Batk": "Batak", "Beng": "Bengali", "Bhks": "Bhaiksuki", "Bopo": "Bopomofo", "Brah": "Brahmi",
	"Brai": "Braille", "Bugi": "Buginese", "Buhd": "Buhid", "Cakm": "Chakma", "Cans": "Canadian_Aboriginal",
	"Cari": "Carian", "Cher": "Cherokee", "Chrs": "Chorasmian", "Copt": "Coptic", "Qaac": "Coptic",
	"Cpmn": "Cypro_Minoan", "Cprt": "Cypriot", "Cyrl": "Cyrillic", "Deva": "Devanagari", "Diak": "Dives_Akuru",
	"Dogr": "Dogra", "Dsrt": "Deseret", "Dupl": "Duployan", "Egyp": "Egyptian_Hieroglyphs", "Elba": "Elbasan",
	"Elym": "Elymaic", "Ethi": "Ethiopic", "Geor": "Georgian", "Glag": "Glagolitic", "Gong": "Gunjala_Gondi",
	"Gonm": "Masaram_Gondi", "Goth": "Gothic", "Gran": "Grantha", "Grek": "Greek", "Gujr": "Gujarati",
	"Guru": "Gurmukhi", "Hang": "Hangul", "Hani": "Han", "Hano": "Hanunoo", "Hatr": "Hatran", "Hebr": "Hebrew",
	"Hira": "Hiragana", "Hluw": "Anatolian_Hieroglyphs", "Hmng": "Pahawh_Hmong", "Hmnp": "Nyiakeng_Puachue_Hmong",
	"Hung": "Old_Hungarian", "Ital": "Old_Italic", "Java": "Javanese", "Kali": "Kayah_Li", "Kana": "Katakana",
	"Khar": "Kharoshthi", "Khmr": "Khmer", "Khoj": "Khojki", "Kits": "Khitan_Small_Script", "Knda": "Kannada",
	"Kthi": "Kaithi", "Lana": "Tai_Tham", "Laoo": "Lao", "Latn": "Latin", "Lepc": "Lepcha", "Limb": "Limbu",
	"Lina": "Linear_A", "Linb": "Linear_B", "Lyci": "Lycian", "Lydi": "Lydian", "Mahj": "Mahajani",
	"Maka": "Makasar", "Mand": "Mandaic", "Mani": "Manichaean", "Marc": "Marchen", "Medf": "Medefaidrin",
	"Mend": "Mende_Kikakui", "Merc": "Meroitic_Cursive", "Mero": "Meroitic_Hieroglyphs", "Mlym": "Malayalam",
	"Mong": "Mongolian", "Mroo": "Mro", "Mtei": "Meetei_Mayek", "Mult": "Multani", "Mymr": "Myanmar",
	"Nagm": "Nag_Mundari", "Nand": "Nandinagari", "Narb": "Old_North_Arabian", "Nbat": "Nabataean",
	"Nkoo": "Nko", "Nshu": "Nushu", "Ogam": "Ogham", "Olck": "Ol_Chiki", "Orkh": "Old_Turkic", "Orya": "Oriya",
	"Osge": "Osage", "Osma": "Osmanya", "Ougr": "Old_Uyghur", "Palm": "Palmyrene", "Pauc": "Pau_Cin_Hau",
	"Perm": "Old_Permic", "Phag": "Phags_Pa", "Phli": "Inscriptional_Pahlavi", "Phlp": "Psalter_Pahlavi",
	"Phnx": "Phoenician", "Plrd": "Miao", "Prti": "Inscriptional_Parthian", "Rjng": "Rejang",
	"Rohg": "Hanifi_Rohingya", "Runr": "Runic", "Samr": "Samaritan", "Sarb": "Old_South_Arabian",
	"Saur": "Saurashtra", "Sgnw": "SignWriting", "Shaw": "Shavian", "Shrd": "Sharada", "Sidd": "Siddham",
	"Sind": "Khudawadi", "Sinh": "Sinhala", "Sogd": "Sogdian", "Sogo": "Old_Sogdian", "Sora": "Sora_Sompeng",
	"Soyo": "Soyombo", "Sund": "Sundanese", "Sylo": "Syloti_Nagri", "Syrc": "Syriac", "Tagb": "Tagbanwa",
	"Takr": "Takri", "Tale": "Tai_Le", "Talu": "New_Tai_Lue", "Taml": "Tamil", "Tang": "Tangut",
	"Tavt": "Tai_Viet", "Telu": "Telugu", "Tfng": "Tifinagh", "Tglg": "Tagalog", "Thaa": "Thaana",
	"Tibt": "Tibetan", "Tirh": "Tirhuta", "Tnsa": "Tangsa", "Ugar": "Ugaritic", "Vaii": "Vai",
	"Vith": "Vithkuqi", "Wara": "Warang_Citi", "Wcho": "Wancho", "Xpeo": "Old_Persian", "Xsux": "Cuneiform",
	"Yezi": "Yezidi", "Yiii": "Yi", "Zanb": "Zanabazar_Square", "Zinh": "Inherited", "Qaai": "Inherited",
	"Zyyy": "Common", "Zzzz": "Unknown",
}

func script(name string) (runeSet, bool) {
	if long, ok := scriptAliases[name]; ok {
		name = long
	}
	if name == "Unknown" {
		all := make([]*unicode.RangeTable, 0, len(unicode.Scripts))
		for _, t := range unicode.Scripts {
			all = append(all, t)
		}
		return tables(all...).complement(), true
	}
	t, ok := unicode.Scripts[name]
	if !ok {
		return nil, false
	}
	return fromTable(t), true
}

// binaryAliases maps short binary property names to long ones.
var binaryAliases = map[string]string{
	"AHex": "ASCII_Hex_Digit", "Alpha": "Alphabetic", "Bidi_C": "Bidi_Control", "Dep": "Deprecated",
	"Dia": "Diacritic", "Ext": "Extender", "Gr_Base": "Grapheme_Base", "Gr_Ext": "Grapheme_Extend",
	"Hex": "Hex_Digit", "IDSB": "IDS_Binary_Operator", "IDST": "IDS_Trinary_Operator", "IDC": "ID_Continue",
	"IDS": "ID_Start", "Ideo": "Ideographic", "Join_C": "Join_Control", "LOE": "Logical_Order_Exception",
	"Lower": "Lowercase", "NChar": "Noncharacter_Code_Point", "Pat_Syn": "Pattern_Syntax",
	"Pat_WS": "Pattern_White_Space", "QMark": "Quotation_Mark", "RI": "Regional_Indicator",
	"STerm": "Sentence_Terminal", "SD": "Soft_Dotted", "Term": "Terminal_Punctuation",
	"UIdeo": "Unified_Ideograph", "Upper": "Uppercase", "VS": "Variation_Selector", "space": "White_Space",
	"Bidi_M": "Bidi_Mirrored", "CI": "Case_Ignorable", "CWCF": "Changes_When_Casefolded",
	"CWCM": "Changes_When_Casemapped", "CWL": "Changes_When_Lowercased", "CWKCF": "Changes_When_NFKC_Casefolded",
	"CWT": "Changes_When_Titlecased", "CWU": "Changes_When_Uppercased", "DI": "Default_Ignorable_Code_Point",
	"EComp": "Emoji_Component", "EMod": "Emoji_Modifier", "EBase": "Emoji_Modifier_Base", "EPres": "Emoji_Presentation",
	"ExtPict": "Extended_Pictographic", "XIDC": "XID_Continue", "XIDS": "XID_Start",
}

// binaryProperty returns the binary properties Go's tables hold or derive
// (DerivedCoreProperties.txt gives the derivations).
func binaryProperty(name string) (runeSet, bool) {
	if long, ok := binaryAliases[name]; ok {
		name = long
	}
	letters := func() runeSet { return tables(unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl) }
	patterns := func() runeSet { return tables(unicode.Pattern_Syntax, unicode.Pattern_White_Space) }
	switch name {
	case "Any":
		return runeSet{{0, unicode.MaxRune}}, true
	case "ASCII":
		return runeSet{{0, 0x7f}}, true
	case "Assigned":
		return assigned(), true
	case "Alphabetic":
		return union(letters(), fromTable(unicode.Other_Alphabetic)), true
	case "Lowercase":
		return tables(unicode.Ll, unicode.Other_Lowercase), true
	case "Uppercase":
		return tables(unicode.Lu, unicode.Other_Uppercase), true
	case "Cased":
		return tables(unicode.Ll, unicode.Other_Lowercase, unicode.Lu, unicode.Other_Uppercase, unicode.Lt), true
	case "Math":
		return tables(unicode.Sm, unicode.Other_Math), true
	case "ID_Start":
		return union(letters(), fromTable(unicode.Other_ID_Start)).minus(patterns()), true
	case "ID_Continue":
		return union(letters(), tables(unicode.Other_ID_Start, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc,
			unicode.Other_ID_Continue)).minus(patterns()), true
	case "Grapheme_Extend":
		return tables(unicode.Me, unicode.Mn, unicode.Other_Grapheme_Extend), true
	case "Grapheme_Base":
		return union(tables(unicode.Cc, unicode.Cf, unicode.Cs, unicode.Co, unicode.Zl, unicode.Zp,
			unicode.Me, unicode.Mn, unicode.Other_Grapheme_Extend), assigned().complement()).complement(), true
	}
	switch name {
	// Properties Go has as tables under the same names.
	case "ASCII_Hex_Digit", "Bidi_Control", "Dash", "Deprecated", "Diacritic", "Extender", "Hex_Digit",
		"IDS_Binary_Operator", "IDS_Trinary_Operator", "Ideographic", "Join_Control", "Logical_Order_Exception",
		"Noncharacter_Code_Point", "Pattern_Syntax", "Pattern_White_Space", "Quotation_Mark", "Radical",
		"Regional_Indicator", "Sentence_Terminal", "Soft_Dotted", "Terminal_Punctuation", "Unified_Ideograph",
		"Variation_Selector", "White_Space":
		if t, ok := unicode.Properties[name]; ok {
			return fromTable(t), true
		}
	}
	// The rest come from node's ICU (props_node.go).
	if s, ok := nodeBinary[name]; ok {
		return s, true
	}
	return nil, false
}

// lookupProperty resolves the text between the braces of \p{...}.
func lookupProperty(body string) (runeSet, bool) {
	name, value, hasValue := cut(body, '=')
	if hasValue {
		switch name {
		case "General_Category", "gc":
			if short, ok := gcAliases[value]; ok {
				value = short
			}
			return generalCategory(value)
		case "Script", "sc":
			return script(value)
		case "Script_Extensions", "scx":
			if long, ok := scriptAliases[value]; ok {
				value = long
			}
			s, ok := nodeScriptExtensions[value]
			return s, ok
		}
		return nil, false
	}
	if short, ok := gcAliases[name]; ok {
		return generalCategory(short)
	}
	if s, ok := generalCategory(name); ok {
		return s, true
	}
	return binaryProperty(name)
}

func cut(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
