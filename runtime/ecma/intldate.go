package ecma

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // IANA zones on machines without a zoneinfo database
)

// dateOptions are a DateTimeFormat's resolved options (en-US patterns).
type dateOptions struct {
	weekday, era, year, month, day string
	hour, minute, second           string
	fsd                            int
	tzName                         string
	hourCycle                      string // h12 or h23 when a time is shown
	dateStyle, timeStyle           string
	loc                            *time.Location
	tzID                           string
}

var (
	monthsLong    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdaysLong  = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	usZoneLong    = map[string]string{"EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time", "CST": "Central Standard Time", "CDT": "Central Daylight Time", "MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time", "PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time", "AKST": "Alaska Standard Time", "AKDT": "Alaska Daylight Time", "HST": "Hawaii-Aleutian Standard Time"}
	nnbsp         = "\u202f"
	errBadTimeZon = fmt.Errorf("ecma: invalid time zone")
)

// localZoneID names the zone the process runs in, as ICU finds it: TZ,
// else the /etc/localtime link, else UTC.
func localZoneID() string {
	if tz := os.Getenv("TZ"); tz != "" {
		if _, err := time.LoadLocation(strings.TrimPrefix(tz, ":")); err == nil {
			return canonicalZone(strings.TrimPrefix(tz, ":"))
		}
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			return canonicalZone(target[i+len("zoneinfo/"):])
		}
	}
	return "UTC"
}

func canonicalZone(id string) string {
	switch strings.ToUpper(id) {
	case "UTC", "ETC/UTC", "GMT", "ETC/GMT", "Z", "ZULU", "UCT", "ETC/UCT", "ETC/ZULU", "UNIVERSAL", "ETC/UNIVERSAL":
		return "UTC"
	}
	return id
}

// loadZone resolves a timeZone option (case-insensitively for the UTC
// names; IANA names as given).
func loadZone(id string) (*time.Location, string, error) {
	c := canonicalZone(id)
	if c == "UTC" {
		return time.UTC, "UTC", nil
	}
	if strings.Contains(c, "..") || filepath.IsAbs(c) {
		return nil, "", errBadTimeZon
	}
	loc, err := time.LoadLocation(c)
	if err != nil {
		// IANA names match case-insensitively: try the usual casing.
		c = titleZone(c)
		if loc, err = time.LoadLocation(c); err != nil {
			return nil, "", errBadTimeZon
		}
	}
	return loc, c, nil
}

// titleZone capitalizes each word of a zone name ("america/new_york" ->
// "America/New_York"), the casing of almost every IANA name.
func titleZone(id string) string {
	b := []byte(strings.ToLower(id))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '/' || c == '_' || c == '-'
	}
	return string(b)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (o *dateOptions) zoneName(t time.Time, style string) string {
	abbr, off := t.Zone()
	if o.tzID == "UTC" && (style == "short" || style == "long") {
		if style == "long" {
			return "Coordinated Universal Time"
		}
		return "UTC"
	}
	if style == "short" || style == "long" {
		if long, ok := usZoneLong[abbr]; ok {
			if style == "long" {
				return long
			}
			return abbr
		}
	}
	if off == 0 {
		return "GMT"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	if style == "longOffset" || style == "long" {
		return "GMT" + sign + pad2(h) + ":" + pad2(m)
	}
	if m != 0 {
		return "GMT" + sign + strconv.Itoa(h) + ":" + pad2(m)
	}
	return "GMT" + sign + strconv.Itoa(h)
}

// expandStyles sets the components dateStyle and timeStyle stand for.
func (o *dateOptions) expandStyles() {
	switch o.dateStyle {
	case "full":
		o.weekday, o.month, o.day, o.year = "long", "long", "numeric", "numeric"
	case "long":
		o.month, o.day, o.year = "long", "numeric", "numeric"
	case "medium":
		o.month, o.day, o.year = "short", "numeric", "numeric"
	case "short":
		o.month, o.day, o.year = "numeric", "numeric", "2-digit"
	}
	switch o.timeStyle {
	case "full", "long", "medium":
		o.hour, o.minute, o.second = "numeric", "2-digit", "2-digit"
		if o.timeStyle == "full" {
			o.tzName = "long"
		} else if o.timeStyle == "long" {
			o.tzName = "short"
		}
	case "short":
		o.hour, o.minute = "numeric", "2-digit"
	}
}

func (o *dateOptions) format(ms float64) []part {
	sec := math.Floor(ms / 1000)
	t := time.Unix(int64(sec), int64(ms-sec*1000)*int64(time.Millisecond)).In(o.loc)
	var date, clock []part
	lit := func(ps *[]part, s string) { *ps = append(*ps, part{"literal", s}) }

	year := t.Year()
	eraName := "AD"
	if year <= 0 {
		year, eraName = 1-year, "BC"
	}
	yearText := strconv.Itoa(year)
	if o.year == "2-digit" {
		yearText = pad2(year % 100)
	}
	monthText := func() string {
		m := int(t.Month())
		switch o.month {
		case "long":
			return monthsLong[m-1]
		case "short":
			return monthsLong[m-1][:3]
		case "narrow":
			return monthsLong[m-1][:1]
		case "2-digit":
			return pad2(m)
		}
		return strconv.Itoa(m)
	}
	dayText := strconv.Itoa(t.Day())
	if o.day == "2-digit" {
		dayText = pad2(t.Day())
	}
	weekdayText := weekdaysLong[t.Weekday()]
	switch o.weekday {
	case "short":
		weekdayText = weekdayText[:3]
	case "narrow":
		weekdayText = weekdayText[:1]
	}
	textMonth := o.month == "long" || o.month == "short" || o.month == "narrow"
	// Skeletons without a month that CLDR's en data spells out ("d EEEE",
	// and "y (day: d)" from ICU's fallback).
	noMonth := o.month == "" && o.day != ""
	switch {
	case noMonth && o.weekday != "" && o.year == "":
		date = append(date, part{"day", dayText})
		lit(&date, " ")
		date = append(date, part{"weekday", weekdayText})
	case noMonth && o.weekday == "" && o.year != "":
		date = append(date, part{"year", yearText})
		lit(&date, " (day: ")
		date = append(date, part{"day", dayText})
		lit(&date, ")")
	default:
		if o.weekday != "" {
			date = append(date, part{"weekday", weekdayText})
			if o.month != "" || o.day != "" || o.year != "" {
				lit(&date, ", ")
			}
		}
		switch {
		case textMonth:
			date = append(date, part{"month", monthText()})
			if o.day != "" {
				lit(&date, " ")
				date = append(date, part{"day", dayText})
			}
			if o.year != "" {
				if o.day != "" {
					lit(&date, ", ")
				} else {
					lit(&date, " ")
				}
				date = append(date, part{"year", yearText})
			}
		default:
			first := true
			add := func(typ, v string) {
				if !first {
					lit(&date, "/")
				}
				first = false
				date = append(date, part{typ, v})
			}
			if o.month != "" {
				add("month", monthText())
			}
			if o.day != "" {
				add("day", dayText)
			}
			if o.year != "" {
				add("year", yearText)
			}
		}
	}
	if o.era != "" {
		if len(date) > 0 {
			lit(&date, " ")
		}
		era := eraName
		if o.era == "long" {
			era = map[string]string{"AD": "Anno Domini", "BC": "Before Christ"}[eraName]
		} else if o.era == "narrow" {
			era = eraName[:1]
		}
		date = append(date, part{"era", era})
	}

	if o.hour != "" || o.minute != "" || o.second != "" {
		h := t.Hour()
		if o.hour != "" {
			switch o.hourCycle {
			case "h12", "h11":
				h12 := h % 12
				if h12 == 0 && o.hourCycle == "h12" {
					h12 = 12
				}
				ht := strconv.Itoa(h12)
				if o.hour == "2-digit" {
					ht = pad2(h12)
				}
				clock = append(clock, part{"hour", ht})
			case "h24":
				if h == 0 {
					h = 24
				}
				clock = append(clock, part{"hour", pad2(h)})
				h = t.Hour()
			default:
				clock = append(clock, part{"hour", pad2(h)})
			}
		}
		if o.minute != "" {
			if len(clock) > 0 {
				lit(&clock, ":")
			}
			mt := strconv.Itoa(t.Minute())
			if o.hour != "" || o.second != "" || o.minute == "2-digit" {
				mt = pad2(t.Minute())
			}
			clock = append(clock, part{"minute", mt})
		}
		if o.second != "" {
			if len(clock) > 0 {
				lit(&clock, ":")
			}
			st := strconv.Itoa(t.Second())
			if o.hour != "" || o.minute != "" || o.second == "2-digit" {
				st = pad2(t.Second())
			}
			clock = append(clock, part{"second", st})
		}
		if o.fsd > 0 {
			lit(&clock, ".")
			frac := fmt.Sprintf("%03d", t.Nanosecond()/int(time.Millisecond))
			clock = append(clock, part{"fractionalSecond", frac[:o.fsd]})
		}
		if o.hour != "" && (o.hourCycle == "h12" || o.hourCycle == "h11") {
			lit(&clock, nnbsp)
			period := "AM"
			if h >= 12 {
				period = "PM"
			}
			clock = append(clock, part{"dayPeriod", period})
		}
	} else if o.fsd > 0 {
		frac := fmt.Sprintf("%03d", t.Nanosecond()/int(time.Millisecond))
		clock = append(clock, part{"fractionalSecond", frac[:o.fsd]})
	}
	if o.tzName != "" {
		if len(clock) > 0 || len(date) > 0 {
			lit(&clock, " ")
		}
		clock = append(clock, part{"timeZoneName", o.zoneName(t, o.tzName)})
	}
	if len(date) == 0 {
		return clock
	}
	if len(clock) == 0 {
		return date
	}
	joiner := ", "
	// ICU glues a date with a long month to the time with " at ".
	if o.month == "long" {
		joiner = " at "
	}
	if o.hour == "" && o.minute == "" && o.second == "" && o.fsd == 0 {
		// Only a zone name: ", UTC" after the date.
		clock[0].value = joiner
		return append(date, clock...)
	}
	if len(date) == 1 && date[0].typ == "weekday" {
		joiner = " "
	}
	out := append(date, part{"literal", joiner})
	return append(out, clock...)
}
