package ecma

import (
	"bytes"
	_ "embed"
	"errors"
	"strings"
	"sync"
	"unicode"

	"github.com/dop251/goja"
	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

//go:embed intl.js
var intlJS string

// defaultLocale is the locale node reports on this machine.
const defaultLocale = "en-US"

// supportedBases are the languages with CLDR data in x/text (its collation
// tables cover the languages the number tables do).
var supportedBases = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, t := range collate.Supported() {
		b, _ := t.Base()
		m[b.String()] = true
	}
	delete(m, "und")
	// Languages CLDR covers whose collation is the root order, so x/text
	// lists no collation tailoring for them.
	for _, b := range []string{"it", "pt", "nl", "id", "ms", "sw", "ga", "gl", "eu", "ka", "mn", "ne", "lo", "uz", "zu", "am"} {
		m[b] = true
	}
	return m
})

// canonicalLocale validates a BCP 47 tag and gives its canonical form.
func canonicalLocale(s string) (string, bool) {
	if s == "" || strings.ContainsAny(s, "_ ") {
		return "", false
	}
	t, err := language.Parse(s)
	var unknown language.ValueError
	if errors.As(err, &unknown) {
		// Well-formed but absent from x/text's registry (e.g. "xx-XX"):
		// valid for Intl, which only checks the syntax; canonical case.
		return caseTag(s), true
	}
	if err != nil {
		return "", false
	}
	return t.String(), true
}

// caseTag applies BCP 47's canonical case: language lower, script title,
// region upper, everything else lower.
func caseTag(s string) string {
	subtags := strings.Split(strings.ToLower(s), "-")
	for i, st := range subtags {
		if i == 0 {
			continue
		}
		if len(st) == 1 {
			break // extensions and private use stay lower case
		}
		switch {
		case len(st) == 4 && i == 1:
			subtags[i] = strings.ToUpper(st[:1]) + st[1:]
		case len(st) == 2:
			subtags[i] = strings.ToUpper(st)
		}
	}
	return strings.Join(subtags, "-")
}

// resolveLocale picks the first requested locale whose language has data
// (the specification's lookup, by language), else the default. dateOnlyEn
// restricts the choice to English, the only date patterns here.
func resolveLocale(requested []string, englishOnly bool) string {
	for _, r := range requested {
		t, err := language.Parse(r)
		if err != nil {
			continue
		}
		b, _ := t.Base()
		if englishOnly {
			// The date, list and relative-time patterns here are en-US's;
			// node's "en" uses the same ones, other English regions do not.
			base := r
			if i := strings.Index(base, "-u-"); i >= 0 {
				base = base[:i]
			}
			if base != "en" && base != "en-US" {
				continue
			}
		}
		if supportedBases()[b.String()] {
			// Drop the -u- extension: its keywords are resolved as options.
			if i := strings.Index(r, "-u-"); i >= 0 {
				r = r[:i]
			}
			return r
		}
	}
	return defaultLocale
}

func installIntl(vm *goja.Runtime) error {
	native := vm.NewObject()
	rangeError := func(msg string) *goja.Object {
		ctor := vm.Get("RangeError")
		o, err := vm.New(ctor, vm.ToValue(msg))
		if err != nil {
			panic(err)
		}
		return o
	}
	set := func(name string, fn any) {
		if err := native.Set(name, fn); err != nil {
			panic(err)
		}
	}
	set("canonical", func(s string) goja.Value {
		c, ok := canonicalLocale(s)
		if !ok {
			panic(rangeError("Incorrect locale information provided"))
		}
		return vm.ToValue(c)
	})
	set("resolve", func(list []string, englishOnly bool) string { return resolveLocale(list, englishOnly) })
	set("supported", func(list []string, englishOnly bool) []string {
		out := []string{}
		for _, r := range list {
			if resolveLocale([]string{r}, englishOnly) != defaultLocale || r == defaultLocale {
				out = append(out, r)
			}
		}
		return out
	})
	partsValue := func(ps []part) goja.Value {
		arr := make([]any, len(ps))
		for i, p := range ps {
			o := vm.NewObject()
			_ = o.Set("type", p.typ)
			_ = o.Set("value", p.value)
			arr[i] = o
		}
		return vm.ToValue(arr)
	}
	str := func(o *goja.Object, k string) string {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) {
			return ""
		}
		return v.String()
	}
	num := func(o *goja.Object, k string) int {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) {
			return 0
		}
		return int(v.ToInteger())
	}
	set("currencyDigits", currencyDigits)
	set("isUnit", isUnit)
	set("graphemes", graphemeBoundaries)
	set("likely", likelySubtags)
	set("displayName", displayName)
	set("caseMap", func(locale, s string, upper bool) string {
		c := cases.Lower(language.Make(locale))
		if upper {
			c = cases.Upper(language.Make(locale))
		}
		return c.String(s)
	})
	set("numberFormat", func(opts *goja.Object) any {
		o := &numOptions{
			style: str(opts, "style"), currency: str(opts, "currency"), currencyDisplay: str(opts, "currencyDisplay"),
			currencySign: str(opts, "currencySign"), notation: str(opts, "notation"), compactDisplay: str(opts, "compactDisplay"),
			minInt: num(opts, "minimumIntegerDigits"), minFD: num(opts, "minimumFractionDigits"), maxFD: num(opts, "maximumFractionDigits"),
			minSD: num(opts, "minimumSignificantDigits"), maxSD: num(opts, "maximumSignificantDigits"),
			roundingPriority: str(opts, "roundingPriority"), roundingMode: str(opts, "roundingMode"),
			roundingIncrement: num(opts, "roundingIncrement"),
			stripIfInteger:    str(opts, "trailingZeroDisplay") == "stripIfInteger", useGrouping: str(opts, "useGrouping"),
			signDisplay: str(opts, "signDisplay"), unit: str(opts, "unit"), unitDisplay: str(opts, "unitDisplay"),
		}
		tag := language.Make(str(opts, "locale"))
		return func(call goja.FunctionCall) goja.Value {
			x := call.Argument(0)
			if x.ExportType() != nil && x.ExportType().String() == "*big.Int" {
				return partsValue(o.formatNumberParts(tag, 0, x.String(), true))
			}
			return partsValue(o.formatNumberParts(tag, x.ToFloat(), "", false))
		}
	})
	set("zone", func(id string) goja.Value {
		_, c, err := loadZone(id)
		if err != nil {
			panic(rangeError("Invalid time zone specified: " + id))
		}
		return vm.ToValue(c)
	})
	set("localZone", localZoneID)
	set("dateFormat", func(opts *goja.Object) any {
		o := &dateOptions{
			weekday: str(opts, "weekday"), era: str(opts, "era"), year: str(opts, "year"), month: str(opts, "month"),
			day: str(opts, "day"), hour: str(opts, "hour"), minute: str(opts, "minute"), second: str(opts, "second"),
			fsd: num(opts, "fractionalSecondDigits"), tzName: str(opts, "timeZoneName"), hourCycle: str(opts, "hourCycle"),
			dateStyle: str(opts, "dateStyle"), timeStyle: str(opts, "timeStyle"),
		}
		o.expandStyles()
		loc, id, err := loadZone(str(opts, "timeZone"))
		if err != nil {
			panic(rangeError("Invalid time zone specified: " + str(opts, "timeZone")))
		}
		o.loc, o.tzID = loc, id
		return func(ms float64) goja.Value { return partsValue(o.format(ms)) }
	})
	set("collator", func(opts *goja.Object) any {
		// Strength and case level as Unicode locale keywords: x/text reads
		// them from the tag (ks, kc, kf, ka, kn).
		sensitivity := str(opts, "sensitivity")
		ext := map[string]string{"base": "-ks-level1", "accent": "-ks-level2", "case": "-ks-level1"}[sensitivity]
		if opts.Get("numeric").ToBoolean() {
			ext += "-kn-true"
		}
		if opts.Get("ignorePunctuation").ToBoolean() {
			ext += "-ka-shifted"
		}
		if cf := str(opts, "caseFirst"); cf == "upper" || cf == "lower" {
			ext += "-kf-" + cf
		}
		base := str(opts, "locale")
		if i := strings.Index(base, "-u-"); i >= 0 {
			base = base[:i]
		}
		tag := language.Make(base)
		if ext != "" {
			if t, err := language.Parse(base + "-u" + ext); err == nil {
				tag = t
			}
		}
		c := collate.New(tag)
		// A collate.Collator keeps scratch buffers: one per Intl.Collator,
		// used only on the loop goroutine.
		if sensitivity != "case" {
			k := newKeyCache(c)
			// A FunctionCall signature: goja calls it without reflection.
			return func(call goja.FunctionCall) goja.Value {
				return vm.ToValue(k.compare(call.Argument(0).String(), call.Argument(1).String()))
			}
		}
		// Case sensitivity (base letters and case, not accents): x/text
		// ignores the kc keyword, so compare base letters first, then the
		// strings without their accents at full strength.
		full := collate.New(language.Make(base))
		return func(a, b string) int {
			if r := c.CompareString(a, b); r != 0 {
				return r
			}
			return full.CompareString(stripMarks(a), stripMarks(b))
		}
	})
	set("plural", func(locale, typ string, n float64, minFD, maxFD int) string {
		tag := language.Make(locale)
		d := decimalFromFloat(n).roundFraction(maxFD, "halfExpand", false)
		in, frac := d.split(minFD)
		i := 0
		if len(in) <= 9 {
			for _, c := range in {
				i = i*10 + int(c-'0')
			}
		} else {
			i = 1e9 + int(in[len(in)-1]-'0') // only the low digits matter to the rules
		}
		v := len(frac)
		f, w, tt := 0, len(strings.TrimRight(frac, "0")), 0
		for _, c := range frac {
			f = f*10 + int(c-'0')
		}
		for _, c := range strings.TrimRight(frac, "0") {
			tt = tt*10 + int(c-'0')
		}
		rules := plural.Cardinal
		if typ == "ordinal" {
			rules = plural.Ordinal
		}
		return pluralName(rules.MatchPlural(tag, i, v, w, f, tt))
	})
	set("pluralCategories", func(locale, typ string) []string {
		tag := language.Make(locale)
		rules := plural.Cardinal
		if typ == "ordinal" {
			rules = plural.Ordinal
		}
		seen := map[plural.Form]bool{}
		// Sample integers and decimals; every category shows up among them.
		for i := 0; i <= 1000; i++ {
			seen[rules.MatchPlural(tag, i, 0, 0, 0, 0)] = true
			for v := 1; v <= 2; v++ {
				seen[rules.MatchPlural(tag, i%10, v, v, i%100, i%100)] = true
			}
		}
		var out []string
		// V8 lists the categories in this order, "other" last.
		for _, f := range []plural.Form{plural.Few, plural.Many, plural.One, plural.Two, plural.Zero, plural.Other} {
			if seen[f] {
				out = append(out, pluralName(f))
			}
		}
		return out
	})
	_, err := runSetup(vm, "ecma:intl", intlJS, native)
	return err
}

// keyCache keeps the collation keys of recently compared strings: a sort
// compares each string about log n times, and a key is computed once
// instead of on every comparison.
type keyCache struct {
	c    *collate.Collator
	buf  collate.Buffer
	keys map[string][]byte
}

const keyCacheSize = 8192

func newKeyCache(c *collate.Collator) *keyCache {
	return &keyCache{c: c, keys: make(map[string][]byte)}
}

func (k *keyCache) key(s string) []byte {
	if key, ok := k.keys[s]; ok {
		return key
	}
	if len(k.keys) >= keyCacheSize {
		clear(k.keys)
	}
	// The buffer is reused; the cached key is a copy.
	key := bytes.Clone(k.c.KeyFromString(&k.buf, s))
	k.buf.Reset()
	k.keys[s] = key
	return key
}

func (k *keyCache) compare(a, b string) int {
	return bytes.Compare(k.key(a), k.key(b))
}

// likelySubtags adds the likely script and region to a language[-script]
// [-region] tag (CLDR's likelySubtags, as x/text has them).
func likelySubtags(base string) string {
	t, err := language.Parse(base)
	if err != nil {
		return base
	}
	b, _ := t.Base()
	sc, _ := t.Script()
	r, _ := t.Region()
	lang := b.String()
	if lang == "und" {
		lang = "en"
	}
	return lang + "-" + sc.String() + "-" + r.String()
}

// displayName names code (a language tag, region or script code) in locale,
// from x/text's CLDR display names; "" when there is none.
func displayName(locale, typ, code string) string {
	in := language.Make(locale)
	var n display.Namer
	var v any
	var err error
	switch typ {
	case "language":
		n = display.Languages(in)
		v, err = language.Parse(code)
	case "region":
		n = display.Regions(in)
		v, err = language.ParseRegion(code)
	case "script":
		n = display.Scripts(in)
		v, err = language.ParseScript(code)
	}
	if n == nil || err != nil {
		return ""
	}
	return n.Name(v)
}

// stripMarks removes combining marks after canonical decomposition.
func stripMarks(s string) string {
	d := norm.NFD.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d)
}

func pluralName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}
