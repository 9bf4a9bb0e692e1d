// Command studio is Studio's IDE window, and runs JavaScript projects on
// Studio's runtime in the terminal.
//
//	studio [DIR]                            open the window on a project (default: the bundled example)
//	studio run [flags] FILE|DIR [args...]   run a script or a project, like `node FILE`
//	studio -e CODE [args...]                run CODE, like `node -e`
//	studio version                          print versions
//	studio help                             print this help
//
// cmd/studio wires the layers together; it holds no logic of its own beyond
// reading the command line.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	goruntime "runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/studiojs/studio/cmd/studio/internal/locale"
	"github.com/studiojs/studio/runtime"
	"github.com/studiojs/studio/runtime/ecma"
	"github.com/studiojs/studio/runtime/nodelib"
)

const usage = `Studio runs and shows the event loop of Node.js-style JavaScript projects.

Usage:
  studio [DIR]                            open Studio's window on a project folder (default: the bundled example)
  studio run [flags] FILE|DIR [args...]   run a script, or a project's package.json "main" (else index.js)
  studio FILE [args...]                   the same, as node FILE
  studio -e CODE [args...]                evaluate CODE as node -e does
  studio version                          print Studio's version and the Node.js version it follows
  studio help                             print this help

Run flags:
  --pool-size N                 worker pool size (default: UV_THREADPOOL_SIZE, else 4)
  --inspect[=[host:]port]       serve the Chrome DevTools Protocol, as node does (default 127.0.0.1:9229)
  --inspect-brk[=[host:]port]   the same, and stop at the program's first line until a client continues
  --inspect-wait[=[host:]port]  the same, and wait for a client before running
  --prof-io                     at exit, print I/O latency per op type and call site (queue wait, service, callback delay)
  --warnings                    at exit, print warnings drawn from the records (loop starvation, pool saturated while the loop idles, ...)
  --trace-out FILE.json         write a Chrome trace (Perfetto, chrome://tracing) of the loop, the pool and every async op
                                (it grows with the run: about 8 KB per request of an HTTP server)
  --trace-last SECONDS          with --trace-out, keep only the last SECONDS (a flight recorder, bounded)
  --cpu-prof                    at exit, write a CPU profile for DevTools and VS Code, as node does:
                                CPU.<date>.<time>.<pid>.0.<seq>.cpuprofile in the current directory
  --cpu-prof-dir DIR            write --cpu-prof's profile in DIR
  --cpu-prof-name NAME          name --cpu-prof's profile NAME
  --cpu-prof-pprof FILE         at exit, write a pprof CPU profile (go tool pprof FILE)
  --otlp ENDPOINT               export the HTTP requests the program serves and makes, and their I/O, as OpenTelemetry spans over
                                OTLP/HTTP (ENDPOINT like http://127.0.0.1:4318; /v1/traces is added to a bare URL);
                                outgoing requests carry a W3C traceparent header, so services run on Studio form one
                                trace in Jaeger. service.name is OTEL_SERVICE_NAME, else the script's name

Exit status is the program's, as with node: 1 for an uncaught exception or an
unhandled rejection, the code given to process.exit, 130 when interrupted.
`

func main() {
	locale.Restore()
	// goja allocates an object per closure, promise and property map, and a
	// script's live heap is mostly the program's own objects: a larger GC
	// target costs memory Node would use anyway and saves 10-20% of CPU on
	// the loop benchmarks (bench/README.md). GOGC in the environment wins.
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(400)
	}
	setProcs()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return openGUI("", stderr)
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version", "--version", "-v":
		fmt.Fprintf(stdout, "studio %s (follows Node.js %s; %s %s/%s)\n", runtime.Version, runtime.NodeVersion, goruntime.Version(), goruntime.GOOS, goruntime.GOARCH)
		return 0
	case "-e", "--eval":
		if len(args) < 2 {
			fmt.Fprintln(stderr, "studio: -e requires an argument")
			return 9 // node's exit code for an invalid argument
		}
		return execute(runtime.Options{Eval: args[1], Args: args[2:], Stdout: stdout, Stderr: stderr}, stderr, nil)
	case "run":
		return runCmd(args[1:], stdout, stderr)
	}
	// `studio --inspect FILE` is `studio run --inspect FILE`, as node takes it.
	if strings.HasPrefix(args[0], "--inspect") {
		return runCmd(args, stdout, stderr)
	}
	// `studio DIR` opens the window on a project; `studio FILE args...`
	// runs like `node FILE args...`, so that programs spawning
	// process.execPath with a script get what they expect.
	if fi, err := os.Stat(args[0]); err == nil && !strings.HasPrefix(args[0], "-") {
		switch {
		case fi.IsDir() && len(args) == 1:
			return openGUI(args[0], stderr)
		case fi.Mode().IsRegular() || fi.IsDir():
			return runCmd(args, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "studio: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	poolSize := fs.Int("pool-size", 0, "worker pool size")
	var insp inspectConfig
	fs.Var(inspectFlag{cfg: &insp}, "inspect", "serve the inspector on [host:]port")
	fs.Var(inspectFlag{cfg: &insp, brk: true}, "inspect-brk", "serve the inspector and stop at the first line")
	fs.Var(inspectFlag{cfg: &insp, wait: true}, "inspect-wait", "serve the inspector and wait for a client")
	var prof profileConfig
	fs.BoolVar(&prof.profIO, "prof-io", false, "print the I/O latency profile at exit")
	fs.BoolVar(&prof.warnings, "warnings", false, "print warnings drawn from the records at exit")
	fs.StringVar(&prof.traceOut, "trace-out", "", "write a Chrome trace to this file")
	fs.Var(secondsFlag{&prof.traceLast}, "trace-last", "keep only the last SECONDS of the trace")
	fs.StringVar(&prof.otlp, "otlp", "", "export HTTP requests as OpenTelemetry spans to this OTLP/HTTP endpoint")
	prof.cpu.register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := prof.cpu.check(); err != nil {
		fmt.Fprintf(stderr, "studio: %v\n", err)
		return 9 // node's exit code for an invalid argument
	}
	if prof.traceLast > 0 && prof.traceOut == "" {
		fmt.Fprintln(stderr, "studio run: --trace-last needs --trace-out")
		return 2
	}
	if insp.err != nil {
		fmt.Fprintf(stderr, "studio: %v\n", insp.err)
		return 9 // node's exit code for an invalid argument
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "studio run: missing FILE or DIR")
		return 2
	}
	if *poolSize < 0 || *poolSize > 1024 {
		fmt.Fprintln(stderr, "studio run: --pool-size must be between 1 and 1024")
		return 2
	}
	main, err := entryPoint(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "studio run: %v\n", err)
		return 1
	}
	opts := runtime.Options{Main: main, Args: fs.Args()[1:], PoolSize: *poolSize, Stdout: stdout, Stderr: stderr}
	prof.service = serviceName(main, os.Environ())
	var profs *profiles
	if prof.on() {
		if profs, err = attachProfiles(&opts, prof); err != nil {
			fmt.Fprintf(stderr, "studio run: %v\n", err)
			return 1
		}
	}
	if insp.on {
		return executeInspected(opts, insp, fs.Arg(0), stderr, profs)
	}
	return execute(opts, stderr, profs)
}

// entryPoint resolves FILE|DIR: a directory runs its package.json "main",
// else its index.js, as `node DIR` does.
func entryPoint(arg string) (string, error) {
	abs, err := filepath.Abs(arg)
	if err != nil {
		return "", fmt.Errorf("resolving %q: %w", arg, err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("cannot find module %q", abs)
		}
		return "", fmt.Errorf("reading %q: %w", arg, err)
	}
	if !fi.IsDir() {
		return abs, nil
	}
	if b, err := os.ReadFile(filepath.Join(abs, "package.json")); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if err := json.Unmarshal(b, &pkg); err != nil {
			return "", fmt.Errorf("reading %s: %w", filepath.Join(abs, "package.json"), err)
		}
		if pkg.Main != "" {
			m := filepath.Join(abs, pkg.Main)
			for _, cand := range []string{m, m + ".js", m + ".mjs", m + ".cjs", filepath.Join(m, "index.js")} {
				if fi, err := os.Stat(cand); err == nil && !fi.IsDir() {
					return cand, nil
				}
			}
			return "", fmt.Errorf("cannot find main %q of package %s", pkg.Main, abs)
		}
	}
	return filepath.Join(abs, "index.js"), nil
}

// startPrecompile compiles the scripts every program loads on the other
// core while this one sets the runtime up; each compiles once either way.
// ecma's scripts are needed first, so the loop goroutine compiles them
// itself while this one starts on Node's modules.
func startPrecompile() {
	go func() {
		_ = nodelib.Precompile()
		_ = ecma.Precompile()
	}()
}

func execute(opts runtime.Options, stderr io.Writer, profs *profiles) int {
	startPrecompile()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rt, err := runtime.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "studio: %v\n", err)
		return 70 // EX_SOFTWARE: Studio itself failed
	}
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
		fmt.Fprintf(stderr, "studio: %v\n", err)
		return 70
	}
	return code
}
