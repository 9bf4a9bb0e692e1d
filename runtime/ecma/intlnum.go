package ecma

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// part is one piece of a formatToParts result.
type part struct{ typ, value string }

func joinParts(ps []part) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.value)
	}
	return b.String()
}

// numberSymbols are a locale's decimal and grouping marks and its grouping
// sizes, read from x/text's CLDR data by formatting a sample number.
type numberSymbols struct {
	min2 bool // grouping only from five integer digits (CLDR minimumGroupingDigits 2)
	// currencyAfter puts the symbol after the number, currencySpace
	// separates the two with a no-break space.
	currencyAfter, currencySpace bool
	decimal, group               string
	primary, secondary           int
	percentSep                   string // between the number and "%" ("" in en)
}

var symbolCache sync.Map // language.Tag string -> *numberSymbols

func symbolsFor(tag language.Tag) *numberSymbols {
	key := tag.String()
	if v, ok := symbolCache.Load(key); ok {
		return v.(*numberSymbols)
	}
	p := message.NewPrinter(tag)
	// 1234567.5 shows both marks and both grouping sizes.
	s := p.Sprint(number.Decimal(1234567.5))
	sym := &numberSymbols{decimal: ".", group: ",", primary: 3, secondary: 3}
	var digits []int // byte offsets of the digits in s
	var runs []string
	cur := ""
	for i, r := range s {
		if r >= '0' && r <= '9' {
			digits = append(digits, i)
			if cur != "" {
				runs = append(runs, cur)
				cur = ""
			}
			continue
		}
		if len(digits) > 0 {
			cur += string(r)
		}
	}
	if len(digits) == 8 && len(runs) >= 2 {
		sym.decimal = runs[len(runs)-1]
		sym.group = runs[0]
		// Count digit groups: "12,34,567" has sizes 2,2,3.
		groups := strings.Split(strings.SplitN(s, sym.decimal, 2)[0], sym.group)
		if n := len(groups); n >= 2 {
			sym.primary = utf8.RuneCountInString(groups[n-1])
			if n >= 3 {
				sym.secondary = utf8.RuneCountInString(groups[n-2])
			} else {
				sym.secondary = sym.primary
			}
		}
	}
	if b, _ := tag.Base(); b.String() == "fr" && sym.group == "\u00a0" {
		// CLDR 34 moved French grouping to U+202F; x/text's data predates it.
		sym.group = "\u202f"
	}
	// CLDR data x/text does not expose: minimum grouping digits and the
	// currency pattern (#,##0.00 ¤ or ¤ #,##0.00), for the languages node
	// was checked against.
	base, _ := tag.Base()
	region, _ := tag.Region()
	lang := base.String()
	switch lang {
	case "es", "it", "pl", "bg", "lv", "et", "hu":
		sym.min2 = true
	case "pt":
		sym.min2 = region.String() == "PT"
	}
	switch lang {
	case "de", "fr", "es", "it", "ru", "pl", "sv", "fi", "cs", "nb", "no", "da", "bg", "hr", "lv", "et", "sk", "ro",
		"hu", "el", "uk", "lt", "sl", "ca":
		sym.currencyAfter, sym.currencySpace = true, true
	case "pt":
		if region.String() == "PT" {
			sym.currencyAfter, sym.currencySpace = true, true
		} else {
			sym.currencySpace = true
		}
	case "nl":
		sym.currencySpace = true
	}
	pct := p.Sprint(number.Percent(0.25))
	sym.percentSep = strings.TrimSuffix(strings.TrimPrefix(pct, "25"), "%")
	if strings.ContainsAny(sym.percentSep, "0123456789%") {
		sym.percentSep = ""
	}
	symbolCache.Store(key, sym)
	return sym
}

// numOptions are a NumberFormat's resolved options.
type numOptions struct {
	style             string // decimal, percent, currency
	currency          string
	currencyDisplay   string // symbol, narrowSymbol, code
	currencySign      string // standard, accounting
	notation          string // standard, compact
	compactDisplay    string // short, long
	minInt            int
	minFD, maxFD      int
	minSD, maxSD      int    // 0 when significant digits are not used
	roundingPriority  string // auto, morePrecision, lessPrecision
	roundingMode      string
	stripIfInteger    bool // trailingZeroDisplay stripIfInteger
	roundingIncrement int
	useGrouping       string // auto, always, min2, false
	signDisplay       string
	unit              string // a sanctioned unit or X-per-Y, with style unit
	unitDisplay       string // short, narrow, long
}

// isUnit reports whether u is a unit ECMA-402 sanctions, simple or X-per-Y.
func isUnit(u string) bool {
	if _, ok := unitPatterns[u]; ok {
		return true
	}
	a, b, ok := strings.Cut(u, "-per-")
	_, okA := unitPatterns[a]
	_, okB := unitPatterns[b]
	return ok && okA && okB
}

// unitPattern gives the pattern ("{0} km") of o's unit for a number shown
// as integer digits in and fraction digits frac (en's plural rule: one for
// exactly "1").
func (o *numOptions) unitPattern(in, frac string) string {
	form := 1
	if in == "1" && frac == "" {
		form = 0
	}
	if c, ok := compoundPatterns[o.unit][o.unitDisplay]; ok {
		return c[form]
	}
	a, b, per := strings.Cut(o.unit, "-per-")
	p := unitPatterns[a][o.unitDisplay][form]
	if per {
		suffix := unitPatterns[b][o.unitDisplay][2]
		if b == "byte" {
			// byte has no per form of its own in the table: "/byte".
			suffix = map[string]string{"short": "/byte", "narrow": "/B", "long": " per byte"}[o.unitDisplay]
		}
		p += suffix
	}
	return p
}

// unitParts splits the pattern around the number into literal spaces and
// the unit text, as formatToParts shows them.
func unitParts(text string, before bool) []part {
	if text == "" {
		return nil
	}
	trimmed := strings.TrimSpace(text)
	var ps []part
	if before {
		ps = append(ps, part{"unit", trimmed})
		if sp := text[len(strings.TrimRight(text, " \u00a0")):]; sp != "" {
			ps = append(ps, part{"literal", sp})
		}
		return ps
	}
	if sp := text[:len(text)-len(strings.TrimLeft(text, " \u00a0"))]; sp != "" {
		ps = append(ps, part{"literal", sp})
	}
	return append(ps, part{"unit", trimmed})
}

// decimal is a non-negative number as digits with the decimal point after
// point digits (point may be negative or beyond len(digits)).
type decimal struct {
	digits string // no leading zeros; "" is zero
	point  int
}

func decimalFromFloat(f float64) decimal {
	f = math.Abs(f)
	if f == 0 {
		return decimal{}
	}
	// The shortest representation that round-trips, as ICU uses.
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	return decimal{digits: strings.TrimRight(digits, "0"), point: e + 1}
}

func decimalFromInteger(s string) decimal {
	s = strings.TrimLeft(strings.TrimPrefix(s, "-"), "0")
	d := decimal{digits: strings.TrimRight(s, "0"), point: len(s)}
	if d.digits == "" {
		return decimal{}
	}
	return d
}

func (d decimal) roundFraction(maxFD int, mode string, neg bool) decimal {
	return d.roundKeep(d.point+maxFD, mode, neg)
}

func (d decimal) roundSignificant(maxSD int, mode string, neg bool) decimal {
	return d.roundKeep(maxSD, mode, neg)
}

// roundKeep keeps the first n digits, rounding the rest away by mode (an
// ECMA-402 roundingMode) for a number of sign neg.
func (d decimal) roundKeep(n int, mode string, neg bool) decimal {
	if n >= len(d.digits) {
		return d
	}
	var dropped string
	var kept []byte
	point := d.point
	if n < 0 {
		// Every digit is dropped, and more: the kept part is zero at a
		// position left of the first digit.
		dropped = strings.Repeat("0", -n) + d.digits
		point -= n
	} else {
		dropped = d.digits[n:]
		kept = []byte(d.digits[:n])
	}
	// The dropped part against one half of the last kept unit.
	half := 0 // -1 below, 0 exactly, 1 above
	switch {
	case dropped[0] > '5':
		half = 1
	case dropped[0] < '5':
		half = -1
	case strings.TrimRight(dropped[1:], "0") != "":
		half = 1
	}
	lastOdd := len(kept) > 0 && (kept[len(kept)-1]-'0')%2 == 1
	var up bool
	switch mode {
	case "ceil":
		up = !neg
	case "floor":
		up = neg
	case "expand":
		up = true
	case "trunc":
		up = false
	case "halfCeil":
		up = half > 0 || half == 0 && !neg
	case "halfFloor":
		up = half > 0 || half == 0 && neg
	case "halfTrunc":
		up = half > 0
	case "halfEven":
		up = half > 0 || half == 0 && lastOdd
	default: // halfExpand
		up = half >= 0
	}
	if up {
		i := len(kept) - 1
		for ; i >= 0; i-- {
			if kept[i] == '9' {
				kept[i] = '0'
				continue
			}
			kept[i]++
			break
		}
		if i < 0 {
			kept = append([]byte{'1'}, kept...)
			point++
		}
	}
	out := decimal{digits: strings.TrimRight(string(kept), "0"), point: point}
	if out.digits == "" {
		return decimal{}
	}
	return out
}

// roundIncrement rounds d to a multiple of inc units of the maxFD-th
// fraction digit, by mode.
func (d decimal) roundIncrement(inc, maxFD int, mode string, neg bool) decimal {
	if d.isZero() {
		return d
	}
	// d * 10^maxFD / inc as a fraction num/den of integers.
	num := new(big.Int)
	num.SetString(d.digits, 10)
	den := big.NewInt(int64(inc))
	shift := d.point + maxFD - len(d.digits)
	ten := big.NewInt(10)
	if shift >= 0 {
		num.Mul(num, new(big.Int).Exp(ten, big.NewInt(int64(shift)), nil))
	} else {
		den.Mul(den, new(big.Int).Exp(ten, big.NewInt(int64(-shift)), nil))
	}
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Sign() != 0 {
		// The remainder against half the divisor, then the mode, as roundKeep.
		twice := new(big.Int).Mul(rem, big.NewInt(2))
		half := twice.Cmp(den)
		var up bool
		switch mode {
		case "ceil":
			up = !neg
		case "floor":
			up = neg
		case "expand":
			up = true
		case "trunc":
		case "halfCeil":
			up = half > 0 || half == 0 && !neg
		case "halfFloor":
			up = half > 0 || half == 0 && neg
		case "halfTrunc":
			up = half > 0
		case "halfEven":
			up = half > 0 || half == 0 && q.Bit(0) == 1
		default:
			up = half >= 0
		}
		if up {
			q.Add(q, big.NewInt(1))
		}
	}
	q.Mul(q, big.NewInt(int64(inc)))
	digits := q.String()
	if digits == "0" {
		return decimal{}
	}
	return decimal{digits: strings.TrimRight(digits, "0"), point: len(digits) - maxFD}
}

// split gives the integer and fraction digit strings, the fraction padded
// to minFD digits.
func (d decimal) split(minFD int) (string, string) {
	var in, frac string
	switch {
	case d.digits == "":
		in = "0"
	case d.point <= 0:
		in = "0"
		frac = strings.Repeat("0", -d.point) + d.digits
	case d.point >= len(d.digits):
		in = d.digits + strings.Repeat("0", d.point-len(d.digits))
	default:
		in, frac = d.digits[:d.point], d.digits[d.point:]
	}
	if len(frac) < minFD {
		frac += strings.Repeat("0", minFD-len(frac))
	}
	return in, frac
}

func (d decimal) isZero() bool { return d.digits == "" }

// sigDigits is the count of significant digits shown for d, at least one.
func (d decimal) intDigits() int {
	if d.point <= 0 || d.digits == "" {
		return 1
	}
	return d.point
}

// round rounds d (of sign neg) as o says and gives the minimum fraction
// digits to show.
func (o *numOptions) round(d decimal, neg bool) (decimal, int) {
	sig := func() (decimal, int) {
		r := d.roundSignificant(o.maxSD, o.roundingMode, neg)
		// Pad to minSD significant digits through fraction digits.
		minFD := o.minSD - 1
		if !r.isZero() {
			minFD = o.minSD - r.point
		}
		return r, max(minFD, 0)
	}
	frac := func() (decimal, int) {
		if o.roundingIncrement > 1 {
			return d.roundIncrement(o.roundingIncrement, o.maxFD, o.roundingMode, neg), o.minFD
		}
		return d.roundFraction(o.maxFD, o.roundingMode, neg), o.minFD
	}
	var r decimal
	var minFD int
	switch o.roundingPriority {
	case "morePrecision", "lessPrecision":
		// The rounding magnitudes of the two results decide (ECMA-402
		// FormatNumericToString).
		rs, ms := sig()
		rf, mf := frac()
		e := 0
		if !rs.isZero() {
			e = rs.point - 1
		}
		sigFirst := e-o.maxSD+1 <= -o.maxFD
		if sigFirst == (o.roundingPriority == "morePrecision") {
			r, minFD = rs, ms
		} else {
			r, minFD = rf, mf
		}
	default:
		if o.maxSD > 0 {
			r, minFD = sig()
		} else {
			r, minFD = frac()
		}
	}
	if o.stripIfInteger && r.point >= len(r.digits) {
		minFD = 0
	}
	return r, minFD
}

var compactShort = []string{"", "K", "M", "B", "T"}
var compactLong = []string{"", " thousand", " million", " billion", " trillion"}

// formatDecimal gives the parts of a finite number (neg reports its sign,
// -0 included) under o with the locale's symbols.
func (o *numOptions) formatDecimal(tag language.Tag, sym *numberSymbols, d decimal, neg bool) []part {
	if o.style == "percent" {
		d.point += 2
	}
	var compactSuffix string
	var r decimal
	var minFD int
	if o.notation == "compact" {
		k := 0
		if !d.isZero() && d.point > 3 {
			k = min((d.point-1)/3, 4)
		}
		scaled := d
		scaled.point -= 3 * k
		r, minFD = o.round(scaled, neg)
		if k < 4 && !r.isZero() && r.point > 3 {
			// Rounding carried into the next unit (999999 -> 1M).
			k++
			scaled = d
			scaled.point -= 3 * k
			r, minFD = o.round(scaled, neg)
		}
		if k > 0 {
			if o.compactDisplay == "long" {
				compactSuffix = compactLong[k]
			} else {
				compactSuffix = compactShort[k]
			}
		}
	} else {
		r, minFD = o.round(d, neg)
	}
	in, frac := r.split(minFD)
	if len(in) < o.minInt {
		in = strings.Repeat("0", o.minInt-len(in)) + in
	}
	var ps []part
	showNeg := neg
	if r.isZero() && o.signDisplay != "negative" && o.signDisplay != "auto" && o.signDisplay != "always" {
		showNeg = false
	}
	if r.isZero() && o.signDisplay == "negative" {
		showNeg = false
	}
	accounting := o.style == "currency" && o.currencySign == "accounting" && showNeg
	switch {
	case o.signDisplay == "never":
	case accounting:
		ps = append(ps, part{"literal", "("})
	case showNeg:
		ps = append(ps, part{"minusSign", "-"})
	case o.signDisplay == "always" || o.signDisplay == "exceptZero" && !r.isZero():
		ps = append(ps, part{"plusSign", "+"})
	}
	var cur part
	curAfter := false
	if o.style == "currency" {
		cur = part{"currency", currencySymbol(o, tag)}
		curAfter = sym.currencyAfter
		if !curAfter {
			ps = append(ps, cur)
			if sym.currencySpace || o.currencyDisplay == "code" || isLetters(cur.value) {
				ps = append(ps, part{"literal", "\u00a0"})
			}
		}
	}
	ps = append(ps, groupInteger(in, sym, o.useGrouping)...)
	if frac != "" {
		ps = append(ps, part{"decimal", sym.decimal}, part{"fraction", frac})
	}
	if compactSuffix != "" {
		if strings.HasPrefix(compactSuffix, " ") {
			ps = append(ps, part{"literal", " "}, part{"compact", compactSuffix[1:]})
		} else {
			ps = append(ps, part{"compact", compactSuffix})
		}
	}
	if o.style == "percent" {
		if sym.percentSep != "" {
			ps = append(ps, part{"literal", sym.percentSep})
		}
		ps = append(ps, part{"percentSign", "%"})
	}
	if curAfter {
		ps = append(ps, part{"literal", "\u00a0"}, cur)
	}
	if accounting {
		ps = append(ps, part{"literal", ")"})
	}
	if o.style == "unit" {
		before, after, _ := strings.Cut(o.unitPattern(in, frac), "{0}")
		out := unitParts(before, true)
		out = append(out, ps...)
		return append(out, unitParts(after, false)...)
	}
	return ps
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

func currencySymbol(o *numOptions, tag language.Tag) string {
	if o.currencyDisplay == "code" {
		return o.currency
	}
	u, err := currency.ParseISO(o.currency)
	if err != nil {
		return o.currency
	}
	p := message.NewPrinter(tag)
	if o.currencyDisplay == "narrowSymbol" {
		return p.Sprint(currency.NarrowSymbol(u))
	}
	return p.Sprint(currency.Symbol(u))
}

// currencyDigits is ISO 4217's minor unit count for code.
func currencyDigits(code string) int {
	u, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale
}

func groupInteger(in string, sym *numberSymbols, mode string) []part {
	n := len(in)
	group := mode == "always" || mode == "auto" && (!sym.min2 || n >= sym.primary+2) || mode == "min2" && n >= sym.primary+2
	if !group || n <= sym.primary {
		return []part{{"integer", in}}
	}
	var chunks []string
	head := in[:n-sym.primary]
	tail := in[n-sym.primary:]
	for len(head) > sym.secondary {
		chunks = append([]string{head[len(head)-sym.secondary:]}, chunks...)
		head = head[:len(head)-sym.secondary]
	}
	chunks = append([]string{head}, chunks...)
	chunks = append(chunks, tail)
	var ps []part
	for i, c := range chunks {
		if i > 0 {
			ps = append(ps, part{"group", sym.group})
		}
		ps = append(ps, part{"integer", c})
	}
	return ps
}

// formatNumberParts formats a JS number (or, with isInt, the decimal
// digits of a BigInt in s).
func (o *numOptions) formatNumberParts(tag language.Tag, f float64, s string, isInt bool) []part {
	sym := symbolsFor(tag)
	if isInt {
		return o.formatDecimal(tag, sym, decimalFromInteger(s), strings.HasPrefix(s, "-"))
	}
	neg := math.Signbit(f)
	switch {
	case math.IsNaN(f):
		return o.special(tag, part{"nan", "NaN"}, false)
	case math.IsInf(f, 0):
		return o.special(tag, part{"infinity", "∞"}, neg)
	}
	return o.formatDecimal(tag, sym, decimalFromFloat(f), neg)
}

func (o *numOptions) special(tag language.Tag, p part, neg bool) []part {
	var ps []part
	switch {
	case o.signDisplay == "never" || p.typ == "nan":
	case neg:
		ps = append(ps, part{"minusSign", "-"})
	case o.signDisplay == "always" || o.signDisplay == "exceptZero":
		ps = append(ps, part{"plusSign", "+"})
	}
	if o.style == "currency" {
		cur := currencySymbol(o, tag)
		ps = append(ps, part{"currency", cur})
		if o.currencyDisplay == "code" || isLetters(cur) {
			ps = append(ps, part{"literal", "\u00a0"})
		}
	}
	ps = append(ps, p)
	if o.style == "percent" {
		ps = append(ps, part{"percentSign", "%"})
	}
	return ps
}
