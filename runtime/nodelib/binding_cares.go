package nodelib

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/studiojs/studio/runtime/pool"
)

// internalBinding('cares_wrap') (node/src/cares_wrap.cc): dns.lookup's getaddrinfo and
// dns.lookupService's getnameinfo, each one GETADDRINFOREQWRAP / GETNAMEINFOREQWRAP on the
// host's worker pool (libuv runs both on its slow-I/O lane). Go's resolver stands in for the C
// library's: it reads the same /etc/hosts, /etc/nsswitch.conf and /etc/resolv.conf.
//
// ChannelWrap (the c-ares channel behind dns.resolve*) exists because node's dns module
// creates its default resolver when it loads; it serves getServers from /etc/resolv.conf. The
// query methods (queryA, ...) are absent, so dns.resolve*() throws a TypeError.

// Node's DNS_ORDER_* constants.
const (
	dnsOrderVerbatim  = 0
	dnsOrderIPv4First = 1
	dnsOrderIPv6First = 2
)

// libuv's getaddrinfo error codes (UV_EAI_*), as internalBinding('uv') has them.
const (
	uvEAIAgain  = -3001
	uvEAIFamily = -3005
	uvEAINoName = -3008
)

// addrInfoResult is what one getaddrinfo job produces off the loop.
type addrInfoResult struct {
	addrs []string
	errno int
}

func init() {
	bindingMakers["cares_wrap"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		for _, c := range []struct {
			name string
			v    int
		}{
			{"AI_ADDRCONFIG", 1024}, {"AI_ALL", 256}, {"AI_V4MAPPED", 2048},
			{"DNS_ORDER_VERBATIM", dnsOrderVerbatim}, {"DNS_ORDER_IPV4_FIRST", dnsOrderIPv4First},
			{"DNS_ORDER_IPV6_FIRST", dnsOrderIPv6First},
		} {
			_ = b.Set(c.name, c.v)
		}
		for _, name := range []string{"GetAddrInfoReqWrap", "GetNameInfoReqWrap", "QueryReqWrap"} {
			_ = b.Set(name, l.plainClass(name))
		}
		_ = b.Set("ChannelWrap", l.channelWrapClass())
		_ = b.Set("strerror", func(code int) string { return caresStrerror(code) })
		// getaddrinfo(req, hostname, family, hints, order) returns 0 and calls
		// req.oncomplete(err, addresses) later.
		_ = b.Set("getaddrinfo", func(call goja.FunctionCall) goja.Value {
			req := call.Argument(0).ToObject(vm)
			host := call.Argument(1).String()
			family := call.Argument(2).ToInteger()
			order := call.Argument(4).ToInteger()
			if l.opts.Host == nil {
				panic(l.newError("Error", "nodelib: dns.lookup needs a host worker pool", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
			}
			network := "ip"
			switch family {
			case 4:
				network = "ip4"
			case 6:
				network = "ip6"
			case 0:
			default:
				return vm.ToValue(uvEAIFamily)
			}
			l.opts.Host.QueueWork(Work{
				Type: "GETADDRINFOREQWRAP",
				Kind: pool.KindSlowIO,
				Run:  func() any { return lookupHost(network, host, int(order)) },
				Done: func(result any) (goja.Value, goja.Value, []goja.Value) {
					r, ok := result.(addrInfoResult)
					if !ok {
						r = addrInfoResult{errno: uvEAIAgain}
					}
					if r.errno != 0 {
						return req.Get("oncomplete"), req, []goja.Value{vm.ToValue(r.errno)}
					}
					list := make([]any, len(r.addrs))
					for i, a := range r.addrs {
						list[i] = a
					}
					return req.Get("oncomplete"), req, []goja.Value{vm.ToValue(0), vm.NewArray(list...)}
				},
			})
			return vm.ToValue(0)
		})
		// getnameinfo(req, address, port) returns 0 and calls req.oncomplete(err, hostname,
		// service) later.
		_ = b.Set("getnameinfo", func(call goja.FunctionCall) goja.Value {
			req := call.Argument(0).ToObject(vm)
			addr := call.Argument(1).String()
			port := int(call.Argument(2).ToInteger())
			if net.ParseIP(addr) == nil {
				return vm.ToValue(-int(22)) // UV_EINVAL: uv_ip4_addr/uv_ip6_addr fail
			}
			if l.opts.Host == nil {
				panic(l.newError("Error", "nodelib: dns.lookupService needs a host worker pool", "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"))
			}
			type nameInfo struct {
				host, service string
				errno         int
			}
			l.opts.Host.QueueWork(Work{
				Type: "GETNAMEINFOREQWRAP",
				Kind: pool.KindSlowIO,
				Run: func() any {
					names, err := net.DefaultResolver.LookupAddr(context.Background(), addr)
					if err != nil || len(names) == 0 {
						return nameInfo{errno: lookupErrno(err)}
					}
					return nameInfo{host: strings.TrimSuffix(names[0], "."), service: serviceName(port)}
				},
				Done: func(result any) (goja.Value, goja.Value, []goja.Value) {
					r, ok := result.(nameInfo)
					if !ok {
						r = nameInfo{errno: uvEAIAgain}
					}
					if r.errno != 0 {
						return req.Get("oncomplete"), req, []goja.Value{vm.ToValue(r.errno)}
					}
					return req.Get("oncomplete"), req, []goja.Value{vm.ToValue(0), vm.ToValue(r.host), vm.ToValue(r.service)}
				},
			})
			return vm.ToValue(0)
		})
		return b
	}
}

// plainClass is a constructor whose instances are ordinary objects the JS side fills in (the
// request wraps: node's C++ only attaches the native request to them).
func (l *Lib) plainClass(name string) goja.Value {
	ctor := l.vm.ToValue(func(call goja.ConstructorCall) *goja.Object { return nil }).ToObject(l.vm)
	_ = ctor.DefineDataProperty("name", l.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return ctor
}

// channelWrapClass is ChannelWrap(timeout, tries) with getServers.
func (l *Lib) channelWrapClass() goja.Value {
	vm := l.vm
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object { return nil }).ToObject(vm)
	_ = ctor.DefineDataProperty("name", vm.ToValue("ChannelWrap"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := ctor.Get("prototype").ToObject(vm)
	// getServers returns [[ip, port], ...] as c-ares reads them from /etc/resolv.conf.
	_ = proto.Set("getServers", func() goja.Value {
		var out []any
		for _, s := range resolvConfServers("/etc/resolv.conf") {
			out = append(out, vm.NewArray(s, 53))
		}
		return vm.NewArray(out...)
	})
	return ctor
}

// resolvConfServers lists the nameserver lines of a resolv.conf.
func resolvConfServers(path string) []any {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []any
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "nameserver" && net.ParseIP(fields[1]) != nil {
			out = append(out, fields[1])
		}
	}
	return out
}

// lookupHost resolves host as getaddrinfo would for node: addresses of family network,
// ordered by order. It runs on a worker goroutine.
func lookupHost(network, host string, order int) addrInfoResult {
	ips, err := net.DefaultResolver.LookupIP(context.Background(), network, host)
	if err != nil {
		return addrInfoResult{errno: lookupErrno(err)}
	}
	if len(ips) == 0 {
		return addrInfoResult{errno: uvEAINoName}
	}
	var v4, v6 []string
	all := make([]string, 0, len(ips))
	for _, ip := range ips {
		s := ip.String()
		all = append(all, s)
		if ip.To4() != nil {
			v4 = append(v4, s)
		} else {
			v6 = append(v6, s)
		}
	}
	switch order {
	case dnsOrderIPv4First:
		all = append(v4, v6...)
	case dnsOrderIPv6First:
		all = append(v6, v4...)
	}
	return addrInfoResult{addrs: all}
}

// lookupErrno maps a Go resolver error to the UV_EAI_* code getaddrinfo would return.
func lookupErrno(err error) int {
	var de *net.DNSError
	if errors.As(err, &de) && !de.IsNotFound && (de.IsTimeout || de.IsTemporary) {
		return uvEAIAgain
	}
	return uvEAINoName
}

// serviceName is getnameinfo's service for a TCP port: its /etc/services name, else the number.
func serviceName(port int) string {
	if f, err := os.Open("/etc/services"); err == nil {
		defer f.Close()
		want := strconv.Itoa(port) + "/tcp"
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) >= 2 && !strings.HasPrefix(fields[0], "#") && fields[1] == want {
				return fields[0]
			}
		}
	}
	return strconv.Itoa(port)
}

// caresStrerror is ares_strerror for the codes node's dns module passes it.
func caresStrerror(code int) string {
	msgs := []string{"Successful completion", "DNS server returned answer with no data",
		"DNS server claims query was misformatted", "DNS server returned general failure",
		"Domain name not found", "DNS server does not implement requested operation",
		"DNS server refused query", "Misformatted DNS query", "Misformatted domain name",
		"Unsupported address family", "Misformatted DNS reply", "Could not contact DNS servers",
		"Timeout while contacting DNS servers", "End of file", "Error reading file", "Out of memory",
		"Channel is being destroyed", "Misformatted string", "Illegal flags specified",
		"Given hostname is not numeric", "Illegal hints flags specified",
		"c-ares library initialization not yet performed", "Error loading iphlpapi.dll",
		"Could not find GetNetworkParams function", "DNS query cancelled"}
	if code >= 0 && code < len(msgs) {
		return msgs[code]
	}
	return "unknown"
}
