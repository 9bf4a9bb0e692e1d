package inspector

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"github.com/studiojs/studio/runtime"
)

// DefaultAddr is node's default inspector address.
const DefaultAddr = "127.0.0.1:9229"

// HelpURL is the address node prints under "Debugger listening on".
const HelpURL = "https://nodejs.org/en/docs/inspector"

// ServerOptions configures a Server.
type ServerOptions struct {
	// Addr is host:port to listen on. Empty means DefaultAddr; port 0
	// picks a free port (Server.Addr tells which).
	Addr string
	// Console receives node's lines for a person at the terminal
	// ("Debugger listening on ...", "Debugger attached.", ...); nil
	// discards them.
	Console io.Writer
	Logger  *slog.Logger
}

// Server serves one Target over the Chrome DevTools Protocol as node
// --inspect does: HTTP discovery (/json, /json/list, /json/version,
// /json/protocol) and a WebSocket at /<target id>. Every WebSocket
// connection gets its own Session; several may be connected at once, as
// with node. Create it with Listen, serve with Run.
type Server struct {
	t        *Target
	ln       net.Listener
	host     string // as configured, for the URLs node prints
	log      *slog.Logger
	console  io.Writer
	upgrader websocket.Upgrader
	sessions sessionFunc

	mu       sync.Mutex
	ctx      context.Context // Run's; connections derive from it
	stopped  bool            // Run is ending: no new connections
	draining bool            // WaitForDisconnect: no new connections
	conns    map[int]context.CancelFunc
	nextConn int
	attached int
	changed  chan struct{} // closed and replaced when attached changes
	wg       sync.WaitGroup
}

// Listen binds the server's address for t. It prints node's "Debugger
// listening on" lines to opts.Console once the port is bound, before it
// returns, so that they come before anything the program prints.
func Listen(t *Target, opts ServerOptions) (*Server, error) {
	addr := opts.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("parsing inspector address %q: %w", addr, err)
	}
	// An IP literal binds that family only, as node does (0.0.0.0 is not
	// also [::]).
	network := "tcp"
	if a, err := netip.ParseAddr(host); err == nil {
		network = map[bool]string{true: "tcp4", false: "tcp6"}[a.Is4()]
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %q: %w", addr, err)
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		t: t, ln: ln, host: host, log: log, console: opts.Console,
		sessions: targetSessions(t),
		conns:    map[int]context.CancelFunc{},
		changed:  make(chan struct{}),
		upgrader: websocket.Upgrader{
			// DevTools sends an Origin (its own page); node accepts any.
			// DNS rebinding is stopped by the Host check, and the path is
			// an unguessable UUID.
			CheckOrigin: func(*http.Request) bool { return true },
		},
	}
	if s.host == "" {
		s.host = "127.0.0.1"
	}
	s.printReady("listening")
	return s, nil
}

// Addr is the bound address.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// URL is the target's WebSocket URL as node prints it: the configured host
// (not its address), the bound port.
func (s *Server) URL() string {
	port := strconv.Itoa(s.ln.Addr().(*net.TCPAddr).Port)
	return "ws://" + net.JoinHostPort(s.host, port) + "/" + s.t.ID
}

func (s *Server) printReady(verb string) {
	if s.console != nil {
		fmt.Fprintf(s.console, "Debugger %s on %s\nFor help, see: %s\n", verb, s.URL(), HelpURL)
	}
}

// Run serves until ctx ends, then closes every connection and returns once
// all the goroutines it started have ended. It returns nil when stopped by
// ctx.
func (s *Server) Run(ctx context.Context) error {
	s.mu.Lock()
	if s.ctx != nil {
		s.mu.Unlock()
		return errors.New("inspector: Server.Run called twice")
	}
	s.ctx = ctx
	s.mu.Unlock()
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(s.ln) }()
	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
		served <- err // for the wait below
		s.mu.Lock()
		draining := s.draining
		s.mu.Unlock()
		if draining {
			// WaitForDisconnect closed the listener; the connections
			// stay until they go or ctx ends.
			err = nil
			<-ctx.Done()
		} else {
			err = fmt.Errorf("serving the inspector: %w", err)
		}
	}
	_ = hs.Close()
	s.mu.Lock()
	s.stopped = true
	for _, cancel := range s.conns {
		cancel()
	}
	s.mu.Unlock()
	s.wg.Wait()
	<-served
	return err
}

// WaitForDisconnect is node's behaviour when the program ends with a
// client attached: it prints "Waiting for the debugger to disconnect...",
// stops accepting connections, and returns when the last client has gone
// (or ctx ends). With no client attached it returns at once.
func (s *Server) WaitForDisconnect(ctx context.Context) error {
	s.mu.Lock()
	if s.attached == 0 {
		s.mu.Unlock()
		return nil
	}
	if s.console != nil {
		fmt.Fprintln(s.console, "Waiting for the debugger to disconnect...")
	}
	s.draining = true
	s.mu.Unlock()
	_ = s.ln.Close()
	for {
		s.mu.Lock()
		n, changed := s.attached, s.changed
		s.mu.Unlock()
		if n == 0 {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Attached is the number of connected clients.
func (s *Server) Attached() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attached
}

// ServeHTTP answers discovery requests and WebSocket upgrades as node's
// inspector does; everything else is node's 400.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !allowedHost(r.Host) {
		s.log.Debug("inspector: rejected Host", "host", r.Host, "remote", r.RemoteAddr)
		badRequest(w)
		return
	}
	if websocket.IsWebSocketUpgrade(r) {
		if r.Method != http.MethodGet || r.RequestURI != "/"+s.t.ID {
			badRequest(w)
			return
		}
		s.serveWebSocket(w, r)
		return
	}
	if r.Method != http.MethodGet {
		badRequest(w)
		return
	}
	cmd, ok := matchPathSegment(r.RequestURI, "/json")
	if !ok {
		badRequest(w)
		return
	}
	if _, isList := matchPathSegment(cmd, "list"); isList || cmd == "" {
		writeJSON(w, s.listJSON(r))
		return
	}
	if _, ok := matchPathSegment(cmd, "protocol"); ok {
		b, err := protocolJSON()
		if err != nil {
			s.log.Error("inspector: building /json/protocol", "err", err)
			http.Error(w, "protocol unavailable", http.StatusInternalServerError)
			return
		}
		writeJSON(w, b)
		return
	}
	if _, ok := matchPathSegment(cmd, "version"); ok {
		writeJSON(w, versionJSON())
		return
	}
	badRequest(w)
}

func (s *Server) serveWebSocket(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.stopped || s.draining || s.ctx == nil {
		s.mu.Unlock()
		badRequest(w)
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	id := s.nextConn
	s.nextConn++
	s.conns[id] = cancel
	s.wg.Add(1)
	s.mu.Unlock()
	defer func() {
		cancel()
		s.mu.Lock()
		delete(s.conns, id)
		s.mu.Unlock()
		s.wg.Done()
	}()

	c, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.log.Debug("inspector: WebSocket upgrade", "err", err, "remote", r.RemoteAddr)
		return // the upgrader has answered
	}
	c.SetReadLimit(MaxMessage)
	s.attach(+1)
	defer s.attach(-1)
	serveConn(ctx, wsFrames{c: c}, s.sessions, s.log.With("client", r.RemoteAddr))
}

// attach counts clients and prints node's lines: "Debugger attached." for
// each, "Debugger ending on ..." when the last one leaves while the server
// runs.
func (s *Server) attach(delta int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attached += delta
	close(s.changed)
	s.changed = make(chan struct{})
	if s.console == nil {
		return
	}
	if delta > 0 {
		fmt.Fprintln(s.console, "Debugger attached.")
	} else if s.attached == 0 && !s.stopped && !s.draining {
		s.printReady("ending")
	}
}

// listJSON is /json and /json/list: the target, with URLs built from the
// Host the client used (as node does), else from the socket's address.
func (s *Server) listJSON(r *http.Request) []byte {
	host := r.Host
	if host == "" {
		if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
			host = a.String()
		}
	}
	addr := host + "/" + s.t.ID
	return nodeJSON([]map[string]string{{
		"description":               "node.js instance",
		"devtoolsFrontendUrl":       "devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=" + addr,
		"devtoolsFrontendUrlCompat": "devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=" + addr,
		"faviconUrl":                "https://nodejs.org/static/images/favicons/favicon.ico",
		"id":                        s.t.ID,
		"title":                     escapeNode(s.t.Title),
		"type":                      "node",
		"url":                       escapeNode(s.t.URL),
		"webSocketDebuggerUrl":      "ws://" + addr,
	}}, true)
}

// versionJSON is /json/version. Without webSocketDebuggerUrl, as node:
// js-debug then finds the target through /json/list.
func versionJSON() []byte {
	return nodeJSON([]map[string]string{{
		"Browser":          "node.js/" + runtime.NodeVersion,
		"Protocol-Version": "1.1",
	}}, false)
}

func writeJSON(w http.ResponseWriter, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=UTF-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}

func badRequest(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusBadRequest)
	_, _ = io.WriteString(w, "WebSockets request was expected\r\n")
}

// nodeJSON formats string maps byte for byte as node's inspector does
// (MapsToString): keys sorted, two-space indent, "[ {" ... "} ]" for a
// list and a bare object with a trailing space otherwise.
func nodeJSON(maps []map[string]string, list bool) []byte {
	var b strings.Builder
	if list {
		b.WriteString("[ ")
	}
	for i, m := range maps {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{\n")
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for j, k := range keys {
			if j > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, "  \"%s\": \"%s\"", k, m[k])
		}
		b.WriteString("\n} ")
	}
	if list {
		b.WriteString("]\n\n")
	}
	return []byte(b.String())
}

// escapeNode is node's Escape for the title and url: quotes, backslashes
// and control characters become '_' (so no JSON escaping is needed).
func escapeNode(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '"' || r == '\\' || r < 0x20 || r == 0x7f {
			return '_'
		}
		return r
	}, s)
}

// matchPathSegment is node's MatchPathSegment: path starts with expected
// (any case) followed by '/' or the end; it returns what follows.
func matchPathSegment(path, expected string) (string, bool) {
	if len(path) < len(expected) || !strings.EqualFold(path[:len(expected)], expected) {
		return "", false
	}
	rest := path[len(expected):]
	if rest == "" {
		return "", true
	}
	if rest[0] == '/' {
		return rest[1:], true
	}
	return "", false
}

// allowedHost is node 20's defence against DNS rebinding
// (InspectorSocket::IsAllowedHost): after dropping a port, the Host must
// be absent, "localhost" in any case, or an unambiguous routable IP
// literal (dotted-decimal IPv4 not in 0.0.0.0/8, or a bracketed IPv6 other
// than [::], without a zone). Go's HTTP server itself answers 400 to an
// HTTP/1.1 request without Host; HTTP/1.0 ones may omit it.
func allowedHost(hostPort string) bool {
	host := trimPort(hostPort)
	return host == "" || strings.EqualFold(host, "localhost") || isIPAddress(host)
}

// trimPort drops what follows the last ':' unless it is inside brackets.
func trimPort(host string) string {
	colon := strings.LastIndexByte(host, ':')
	if colon < 0 {
		return host
	}
	bracket := strings.LastIndexByte(host, ']')
	if bracket < 0 || colon > bracket {
		return host[:colon]
	}
	return host
}

func isIPAddress(host string) bool {
	if strings.IndexByte(host, 0) >= 0 {
		return false
	}
	if len(host) >= 4 && host[0] == '[' && host[len(host)-1] == ']' {
		inner := host[1 : len(host)-1]
		if len(inner) >= 46 || strings.IndexByte(inner, '%') >= 0 {
			return false
		}
		a, err := netip.ParseAddr(inner)
		return err == nil && a.Is6() && !a.IsUnspecified()
	}
	a, err := netip.ParseAddr(host)
	// netip accepts only dotted decimal without leading zeros, as
	// inet_pton does (no 127.1, no 0x7f.0.0.1, no 01.2.3.4).
	return err == nil && a.Is4() && a.As4()[0] != 0
}
