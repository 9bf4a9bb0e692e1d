// Command httpgoja is issue 3's second HTTP design, measured as a prototype:
// Go does the wire work (accept, read and parse requests with net/http's
// reader on each connection's goroutine, write the status line, framing
// headers and body) and goja runs only the least JavaScript a Node-shaped
// server needs per request (shim.js: IncomingMessage, ServerResponse, the
// 'request' event, the user's handler, res.end). It runs a server script
// such as bench/scripts/http-hello.js, giving it require('http') with
// createServer/listen and just enough process and console, and prints the
// port first. One loop goroutine owns the runtime and takes the requests
// that arrived since its last turn, as a poll phase would.
//
// With -js=false it answers every request from Go without entering goja:
// the wire work's own ceiling on this machine.
//
// Listens on 127.0.0.1 only; ends on SIGTERM or SIGINT, or after the
// request in which the script calls server.close().
package main

import (
	"bufio"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
)

//go:embed shim.js
var shimSrc string

func main() {
	useJS := flag.Bool("js", true, "run the handler in goja (false: answer from Go)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: httpgoja [-js=false] SCRIPT")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *useJS); err != nil {
		fmt.Fprintln(os.Stderr, "httpgoja:", err)
		os.Exit(1)
	}
}

// request is one parsed request waiting for the loop, and where its
// response goes.
type request struct {
	method, url  string
	major, minor int
	rawHeaders   []string
	keepAlive    bool
	resp         chan []byte
}

type server struct {
	reqs   chan *request
	date   []byte // the Date header's value, refreshed each second by the loop
	dateAt time.Time
	closed bool // the script called server.close()
	// answered counts the responses handed to connections and not yet
	// written, so that close ends the program after they are.
	answered sync.WaitGroup
}

func run(script string, useJS bool) error {
	src, err := os.ReadFile(script)
	if err != nil {
		return fmt.Errorf("reading %q: %w", script, err)
	}
	s := &server{reqs: make(chan *request, 4096)}
	ln, err := net.Listen("tcp", "127.0.0.1:"+os.Getenv("PORT"))
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	defer ln.Close()
	go s.accept(ln)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	if !useJS {
		// As bench/httpinstr/server.js, it ends after REQUESTS requests if set.
		limit, _ := strconv.Atoi(os.Getenv("REQUESTS"))
		fmt.Println(ln.Addr().(*net.TCPAddr).Port)
		for served := 1; ; served++ {
			select {
			case r := <-s.reqs:
				s.answered.Add(1)
				r.resp <- s.response(r, 200, []string{"Content-Type", "text/plain"}, "hello world\n")
				if served == limit {
					s.answered.Wait()
					return nil
				}
			case <-sig:
				return nil
			}
		}
	}
	vm := goja.New()
	dispatch, srv, err := s.setup(vm, string(src), ln.Addr().(*net.TCPAddr).Port)
	if err != nil {
		return err
	}
	batch := make([]*request, 0, 256)
	for {
		select {
		case r := <-s.reqs:
			batch = append(batch[:0], r)
		drain:
			for len(batch) < cap(batch) {
				select {
				case r := <-s.reqs:
					batch = append(batch, r)
				default:
					break drain
				}
			}
			for _, r := range batch {
				raw := make([]any, len(r.rawHeaders))
				for i, h := range r.rawHeaders {
					raw[i] = h
				}
				if _, err := dispatch(goja.Undefined(), srv, vm.ToValue(r), vm.ToValue(r.method), vm.ToValue(r.url),
					vm.NewArray(raw...), vm.ToValue(r.major), vm.ToValue(r.minor)); err != nil {
					return fmt.Errorf("request handler: %w", err)
				}
			}
			clear(batch)
			if s.closed {
				s.answered.Wait()
				return nil
			}
		case <-sig:
			return nil
		}
	}
}

// setup runs shim.js and the script, and returns dispatch and the server
// the script created.
func (s *server) setup(vm *goja.Runtime, src string, port int) (goja.Callable, goja.Value, error) {
	v, err := vm.RunScript("shim.js", shimSrc)
	if err != nil {
		return nil, nil, fmt.Errorf("running shim.js: %w", err)
	}
	factory, _ := goja.AssertFunction(v)
	respond := func(call goja.FunctionCall) goja.Value {
		r, ok := call.Argument(0).Export().(*request)
		if !ok {
			panic(vm.NewTypeError("respond: not a request handle"))
		}
		var headers []string
		if err := vm.ExportTo(call.Argument(2), &headers); err != nil {
			panic(vm.NewTypeError("respond: headers must be strings"))
		}
		s.answered.Add(1)
		r.resp <- s.response(r, int(call.Argument(1).ToInteger()), headers, call.Argument(3).String())
		return goja.Undefined()
	}
	modV, err := factory(goja.Undefined(), vm.ToValue(respond))
	if err != nil {
		return nil, nil, fmt.Errorf("running shim.js: %w", err)
	}
	mod := modV.ToObject(vm)
	dispatch, _ := goja.AssertFunction(mod.Get("dispatch"))
	serverCtor := mod.Get("Server")

	var srv goja.Value
	httpMod := vm.NewObject()
	_ = httpMod.Set("createServer", func(call goja.FunctionCall) goja.Value {
		ctor, _ := goja.AssertConstructor(serverCtor)
		o, err := ctor(nil, call.Argument(0))
		if err != nil {
			panic(err)
		}
		_ = o.Set("listen", func(call goja.FunctionCall) goja.Value {
			for _, a := range call.Arguments {
				if fn, ok := goja.AssertFunction(a); ok {
					defer func() { _, _ = fn(o) }()
				}
			}
			return o
		})
		_ = o.Set("address", func(goja.FunctionCall) goja.Value {
			a := vm.NewObject()
			_ = a.Set("port", port)
			_ = a.Set("address", "127.0.0.1")
			_ = a.Set("family", "IPv4")
			return a
		})
		// close ends the program once the request being handled is answered.
		_ = o.Set("close", func(goja.FunctionCall) goja.Value { s.closed = true; return o })
		srv = o
		return o
	})
	_ = vm.Set("require", func(name string) goja.Value {
		if name != "http" {
			panic(vm.NewGoError(fmt.Errorf("httpgoja has only require('http'), not %q", name)))
		}
		return httpMod
	})
	process := vm.NewObject()
	env := vm.NewObject()
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			_ = env.Set(k, v)
		}
	}
	_ = process.Set("env", env)
	_ = process.Set("on", func(goja.FunctionCall) goja.Value { return process })
	_ = process.Set("exit", func(goja.FunctionCall) goja.Value { os.Exit(0); return nil })
	_ = vm.Set("process", process)
	console := vm.NewObject()
	_ = console.Set("log", func(call goja.FunctionCall) goja.Value {
		for i, a := range call.Arguments {
			if i > 0 {
				fmt.Print(" ")
			}
			fmt.Print(a.String())
		}
		fmt.Println()
		return goja.Undefined()
	})
	_ = vm.Set("console", console)
	if _, err := vm.RunScript("main.js", "(function () {"+src+"\n})()"); err != nil {
		return nil, nil, fmt.Errorf("running the script: %w", err)
	}
	if srv == nil {
		return nil, nil, errors.New("the script made no server")
	}
	return dispatch, srv, nil
}

// response is the wire form of a response: status line, the handler's
// headers, Date, framing and connection headers as node writes them, body.
func (s *server) response(r *request, status int, headers []string, body string) []byte {
	if now := time.Now(); now.Sub(s.dateAt) >= time.Second {
		s.date = []byte(now.UTC().Format(http.TimeFormat))
		s.dateAt = now
	}
	b := make([]byte, 0, 160+len(body))
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(status)...)
	b = append(b, "\r\n"...)
	for i := 0; i+1 < len(headers); i += 2 {
		b = append(b, headers[i]...)
		b = append(b, ": "...)
		b = append(b, headers[i+1]...)
		b = append(b, "\r\n"...)
	}
	b = append(b, "Date: "...)
	b = append(b, s.date...)
	if r.keepAlive {
		b = append(b, "\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5"...)
	} else {
		b = append(b, "\r\nConnection: close"...)
	}
	b = append(b, "\r\nContent-Length: "...)
	b = strconv.AppendInt(b, int64(len(body)), 10)
	b = append(b, "\r\n\r\n"...)
	return append(b, body...)
}

func (s *server) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go s.serve(c)
	}
}

// serve reads requests one after another (no pipelining), hands each to the
// loop and writes its response.
func (s *server) serve(c net.Conn) {
	defer c.Close()
	br := bufio.NewReader(c)
	resp := make(chan []byte, 1)
	for {
		hr, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		if _, err := io.Copy(io.Discard, hr.Body); err != nil {
			return
		}
		r := &request{method: hr.Method, url: hr.RequestURI, major: hr.ProtoMajor, minor: hr.ProtoMinor,
			keepAlive: !hr.Close, resp: resp}
		for k, vs := range hr.Header {
			for _, v := range vs {
				r.rawHeaders = append(r.rawHeaders, k, v)
			}
		}
		if hr.Host != "" {
			r.rawHeaders = append(r.rawHeaders, "Host", hr.Host)
		}
		s.reqs <- r
		_, err = c.Write(<-resp)
		s.answered.Done()
		if err != nil || !r.keepAlive {
			return
		}
	}
}
