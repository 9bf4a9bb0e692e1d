package runtime

import (
	"encoding/hex"
	"testing"
)

// TestParseTraceParent: the inbound headers a server request accepts as
// its remote parent, by the W3C rules, and the header a client request
// sends reads back as the same ids.
func TestParseTraceParent(t *testing.T) {
	for name, tc := range map[string]struct {
		in     string
		ok     bool
		trace  string
		parent string
	}{
		"spec example":        {"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", true, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"},
		"not sampled":         {"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00", true, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"},
		"later version, more": {"cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-what-the-future-holds", true, "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"},
		"version ff":          {"ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", false, "", ""},
		"00 with more":        {"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-x", false, "", ""},
		"upper case":          {"00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", false, "", ""},
		"zero trace":          {"00-00000000000000000000000000000000-b7ad6b7169203331-01", false, "", ""},
		"zero parent":         {"00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", false, "", ""},
		"short":               {"00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333-01", false, "", ""},
		"empty":               {"", false, "", ""},
	} {
		tid, pid, ok := parseTraceParent(tc.in)
		if ok != tc.ok || ok && (hex.EncodeToString(tid[:]) != tc.trace || hex.EncodeToString(pid[:]) != tc.parent) {
			t.Errorf("%s: %q -> %x %x %v, want %s %s %v", name, tc.in, tid, pid, ok, tc.trace, tc.parent, tc.ok)
		}
	}
	var c spanContext
	var h httpTrace
	h.newIDs(&c, true)
	tid, pid, ok := parseTraceParent(formatTraceParent(c))
	if !ok || tid != c.traceID || pid != c.spanID {
		t.Errorf("%q reads back as %x %x %v", formatTraceParent(c), tid, pid, ok)
	}
}

// TestSplitHostHeader: a server span's server.address and server.port
// come from the Host header, with or without a port, IPv6 in brackets.
func TestSplitHostHeader(t *testing.T) {
	for _, tc := range []struct {
		in   string
		host string
		port int
	}{
		{"example.com:8080", "example.com", 8080},
		{"example.com", "example.com", 0},
		{"[::1]:80", "::1", 80},
		{"[::1]", "::1", 0},
		{"h:abc", "h", 0},
		{"", "", 0},
	} {
		if h, p := splitHostHeader(tc.in); h != tc.host || p != tc.port {
			t.Errorf("splitHostHeader(%q) = %q, %d; want %q, %d", tc.in, h, p, tc.host, tc.port)
		}
	}
}
