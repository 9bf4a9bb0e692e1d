package nodelib

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
	whatwg "github.com/nlnwa/whatwg-url/url"
)

// internalBinding('url') (node/src/node_url.cc, which wraps the Ada URL parser). URLs are
// parsed with a WHATWG URL Standard parser and described to internal/url.js the way Ada's
// url_aggregator does: the serialized href plus offsets into it (urlComponents).

// Ada's omitted-offset marker, uint32_t(-1).
const urlOmitted = 4294967295

// The URL setters node's internal/url.js asks for (updateActions).
const (
	urlSetProtocol = iota
	urlSetHost
	urlSetHostname
	urlSetPort
	urlSetUsername
	urlSetPassword
	urlSetPathname
	urlSetSearch
	urlSetHash
	urlSetHref
)

var urlParser = whatwg.NewParser()

// schemeType is ada::scheme::type.
func schemeType(scheme string) uint32 {
	switch scheme {
	case "http":
		return 0
	case "https":
		return 2
	case "ws":
		return 3
	case "ftp":
		return 4
	case "wss":
		return 5
	case "file":
		return 6
	}
	return 1
}

// urlComponents returns u's href and Ada's url_components for it: protocol_end, username_end,
// host_start, host_end, port, pathname_start, search_start, hash_start, scheme_type.
func urlComponents(u *whatwg.Url) (string, [9]uint32) {
	href := u.Href(false)
	noFrag := u.Href(true)
	var c [9]uint32
	c[0] = uint32(len(u.Scheme()) + 1)
	hashStart := uint32(urlOmitted)
	if len(href) != len(noFrag) {
		hashStart = uint32(len(noFrag))
	}
	searchStart := uint32(urlOmitted)
	pathEnd := len(noFrag)
	if i := strings.IndexByte(noFrag, '?'); i >= 0 {
		searchStart = uint32(i)
		pathEnd = i
	}
	pathStart := uint32(pathEnd - len(u.Pathname()))
	if strings.HasPrefix(noFrag[c[0]:], "//") {
		pos := c[0] + 2
		user, pass := u.Username(), u.Password()
		if user != "" || pass != "" {
			pos += uint32(len(user))
			c[1] = pos
			if pass != "" {
				pos += 1 + uint32(len(pass))
			}
			c[2] = pos // the '@'
			pos++
		} else {
			c[1], c[2] = pos, pos
		}
		c[3] = pos + uint32(len(u.Hostname()))
	} else {
		c[1], c[2], c[3] = c[0], c[0], c[0]
	}
	c[4] = urlOmitted
	if p := u.Port(); p != "" {
		if n, err := strconv.ParseUint(p, 10, 32); err == nil {
			c[4] = uint32(n)
		}
	}
	c[5] = pathStart
	c[6] = searchStart
	c[7] = hashStart
	c[8] = schemeType(u.Scheme())
	return href, c
}

func parseURL(input string, base *string) (*whatwg.Url, bool) {
	if base != nil {
		b, err := urlParser.Parse(*base)
		if err != nil {
			return nil, false
		}
		u, err := urlParser.ParseRef(b.Href(false), input)
		if err != nil {
			return nil, false
		}
		return u, true
	}
	u, err := urlParser.Parse(input)
	if err != nil {
		return nil, false
	}
	return u, true
}

func init() {
	bindingMakers["url"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		components := l.newTypedArray("Uint32Array", 9)
		_ = b.Set("urlComponents", components)
		publish := func(u *whatwg.Url) goja.Value {
			href, c := urlComponents(u)
			for i, v := range c {
				_ = components.Set(strconv.Itoa(i), v)
			}
			return vm.ToValue(href)
		}
		optString := func(v goja.Value) *string {
			if v == nil || goja.IsUndefined(v) {
				return nil
			}
			s := v.String()
			return &s
		}
		_ = b.Set("parse", func(call goja.FunctionCall) goja.Value {
			input := call.Argument(0).String()
			base := optString(call.Argument(1))
			u, ok := parseURL(input, base)
			if !ok {
				if call.Argument(2).ToBoolean() {
					e := l.newError("TypeError", "Invalid URL", "ERR_INVALID_URL")
					_ = e.Set("input", input)
					if base != nil {
						_ = e.Set("base", *base)
					}
					panic(e)
				}
				return goja.Undefined()
			}
			return publish(u)
		})
		_ = b.Set("canParse", func(call goja.FunctionCall) goja.Value {
			_, ok := parseURL(call.Argument(0).String(), optString(call.Argument(1)))
			return vm.ToValue(ok)
		})
		_ = b.Set("update", func(href string, action int, value string) goja.Value {
			u, err := urlParser.Parse(href)
			if err != nil {
				return vm.ToValue(false)
			}
			switch action {
			case urlSetProtocol:
				u.SetProtocol(value)
			case urlSetHost:
				u.SetHost(value)
			case urlSetHostname:
				u.SetHostname(value)
			case urlSetPort:
				u.SetPort(value)
			case urlSetUsername:
				u.SetUsername(value)
			case urlSetPassword:
				u.SetPassword(value)
			case urlSetPathname:
				u.SetPathname(value)
			case urlSetSearch:
				u.SetSearch(value)
			case urlSetHash:
				u.SetHash(value)
			case urlSetHref:
				nu, err := urlParser.Parse(value)
				if err != nil {
					return vm.ToValue(false)
				}
				u = nu
			default:
				return vm.ToValue(false)
			}
			return publish(u)
		})
		_ = b.Set("format", func(href string, fragment, unicode, search, auth bool) string {
			u, err := urlParser.Parse(href)
			if err != nil {
				return href
			}
			if !fragment {
				u.SetHash("")
			}
			if unicode {
				if h := u.Hostname(); h != "" {
					u.SetHostname(domainToUnicode(h))
				}
			}
			if !search {
				u.SetSearch("")
			}
			if !auth {
				u.SetUsername("")
				u.SetPassword("")
			}
			return u.Href(false)
		})
		_ = b.Set("domainToASCII", func(s string) string { return domainToASCII(s) })
		_ = b.Set("domainToUnicode", func(s string) string { return domainToUnicode(s) })
		_ = b.Set("getOrigin", func(s string) string {
			u, err := urlParser.Parse(s)
			if err != nil {
				return "null"
			}
			switch u.Scheme() {
			case "http", "https", "ws", "wss", "ftp":
				return u.Protocol() + "//" + u.Host()
			}
			return "null"
		})
		return b
	}
}

// domainToASCII is the WHATWG host parser's domain-to-ASCII step, "" when it fails.
func domainToASCII(s string) string {
	if s == "" {
		return ""
	}
	u, err := urlParser.Parse("ws://" + s)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// domainToUnicode turns the punycode labels of an ASCII domain back into Unicode.
func domainToUnicode(s string) string {
	ascii := domainToASCII(s)
	if ascii == "" {
		return ""
	}
	return punycodeToUnicode(ascii)
}

func (l *Lib) newTypedArray(ctor string, n int) *goja.Object {
	c, _ := goja.AssertConstructor(l.vm.Get(ctor))
	o, err := c(nil, l.vm.ToValue(n))
	if err != nil {
		panic(err)
	}
	return o
}
