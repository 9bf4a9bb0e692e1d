package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/studiojs/studio/debugger"
	"github.com/studiojs/studio/inspector"
	"github.com/studiojs/studio/runtime"
)

// defaultInspectPort is node's.
const defaultInspectPort = 9229

// inspectConfig is what --inspect, --inspect-brk and --inspect-wait say.
type inspectConfig struct {
	on, brk, wait bool
	addrSet       bool   // a flag had a value; else node's default address
	host          string // "" is node's default, 127.0.0.1
	port          int
	// err is a bad value, reported after parsing in node's words (the
	// flag package would call it an invalid boolean).
	err error
}

// addr is host:port to listen on.
func (c inspectConfig) addr() string {
	return net.JoinHostPort(c.hostOrDefault(), strconv.Itoa(c.portOrDefault()))
}

func (c inspectConfig) hostOrDefault() string {
	if c.host == "" {
		return "127.0.0.1"
	}
	return c.host
}

func (c inspectConfig) portOrDefault() int {
	if !c.addrSet {
		return defaultInspectPort
	}
	return c.port
}

// inspectFlag is one of the three flags: a boolean flag that also takes
// node's optional [host:]port value (--inspect, --inspect=9230,
// --inspect=0.0.0.0:9230, --inspect=[::1]:9230, --inspect=localhost).
type inspectFlag struct {
	cfg       *inspectConfig
	brk, wait bool
}

func (f inspectFlag) IsBoolFlag() bool { return true }

func (f inspectFlag) name() string {
	switch {
	case f.brk:
		return "inspect-brk"
	case f.wait:
		return "inspect-wait"
	}
	return "inspect"
}

func (f inspectFlag) String() string { return "" }

func (f inspectFlag) Set(v string) error {
	f.cfg.on = true
	f.cfg.brk = f.cfg.brk || f.brk
	f.cfg.wait = f.cfg.wait || f.wait
	if v == "true" { // the flag alone
		return nil
	}
	host, port, err := splitHostPort(v)
	if err != nil {
		f.cfg.err = fmt.Errorf("--%s=%s: %w", f.name(), v, err)
		return nil
	}
	f.cfg.addrSet, f.cfg.host, f.cfg.port = true, host, port
	return nil
}

// splitHostPort is node's SplitHostPort for --inspect's value: a value in
// brackets is an IPv6 host; without a ':' all digits is a port, anything
// else a host; otherwise host and port split at the last ':'.
func splitHostPort(v string) (string, int, error) {
	if v == "" {
		return "", 0, errors.New("requires an argument")
	}
	if len(v) >= 2 && v[0] == '[' && v[len(v)-1] == ']' {
		return v[1 : len(v)-1], defaultInspectPort, nil
	}
	colon := strings.LastIndexByte(v, ':')
	if colon < 0 {
		if strings.Trim(v, "0123456789") != "" {
			return v, defaultInspectPort, nil
		}
		port, err := parsePort(v)
		return "", port, err
	}
	host := v[:colon]
	if len(host) >= 2 && host[0] == '[' && host[len(host)-1] == ']' {
		host = host[1 : len(host)-1]
	}
	port, err := parsePort(v[colon+1:])
	return host, port, err
}

func parsePort(s string) (int, error) {
	p, err := strconv.Atoi(s)
	if err != nil || p < 0 || (p != 0 && p < 1024) || p > 65535 {
		return 0, errors.New("must be 0 or in range 1024 to 65535.")
	}
	return p, nil
}

// executeInspected runs the program as `node --inspect` does: a debugger
// on the runtime, the inspector's server for it, node's lines on stderr;
// with --inspect-brk or --inspect-wait the program waits for a client's
// Runtime.runIfWaitingForDebugger (inside Run, so that the client can
// already evaluate), and with --inspect-brk it stops at its first line.
// title is the script as typed: node's target title.
func executeInspected(opts runtime.Options, cfg inspectConfig, title string, stderr io.Writer, profs *profiles) int {
	d := debugger.New(debugger.Options{PauseOnStart: cfg.brk, WaitForStart: cfg.brk || cfg.wait})
	target := inspector.NewTarget(opts.Main, d)
	target.Title = title
	srv, err := inspector.Listen(target, inspector.ServerOptions{Addr: cfg.addr(), Console: stderr})
	if err != nil {
		// As node: say so and run the program without the inspector.
		fmt.Fprintln(stderr, listenFailure(cfg, err))
		return execute(opts, stderr, profs)
	}
	if bound := srv.Addr().(*net.TCPAddr); !bound.IP.IsLoopback() {
		// Newer node releases warn so; node 20 says nothing.
		fmt.Fprintf(stderr, "(studio:%d) SecurityWarning: the inspector listens on %s, not on a loopback address. "+
			"Binding the inspector to a public IP with an open port is insecure, as it allows external hosts to connect to the inspector "+
			"and perform a remote code execution attack. Documentation can be found at https://nodejs.org/api/cli.html#--inspecthostport\n",
			os.Getpid(), net.JoinHostPort(cfg.hostOrDefault(), strconv.Itoa(bound.Port)))
	}
	startPrecompile()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	serveCtx, stopServing := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Run(serveCtx) }()
	defer func() {
		stopServing()
		if err := <-served; err != nil {
			fmt.Fprintf(stderr, "studio: %v\n", err)
		}
	}()

	opts.Debug, opts.Hooks = d, d
	rt, err := runtime.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "studio: %v\n", err)
		return 70
	}
	target.SetRuntime(rt)
	if profs != nil {
		profs.start(rt)
	}
	code, err := rt.Run(ctx)
	if profs != nil {
		if perr := profs.finish(stderr); perr != nil {
			fmt.Fprintf(stderr, "studio: %v\n", perr)
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return 130 // interrupted while held for a client, as node
		}
		fmt.Fprintf(stderr, "studio: %v\n", err)
		return 70
	}
	// A client still attached sees the end: node waits for it to go.
	target.Ended()
	_ = srv.WaitForDisconnect(ctx)
	return code
}

// listenFailure is node's message when the inspector cannot start.
func listenFailure(cfg inspectConfig, err error) string {
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr):
		msg := dnsErr.Err
		if dnsErr.IsNotFound {
			msg = "unknown node or service" // getaddrinfo's words, as node prints them
		}
		return fmt.Sprintf("Unable to resolve %q: %s", cfg.host, msg)
	case errors.Is(err, syscall.EADDRINUSE):
		err = errors.New("address already in use")
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		err = errors.New("address not available")
	case errors.Is(err, syscall.EACCES):
		err = errors.New("permission denied")
	}
	return fmt.Sprintf("Starting inspector on %s:%d failed: %v", cfg.hostOrDefault(), cfg.portOrDefault(), err)
}
