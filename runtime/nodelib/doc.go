// Package nodelib runs Node.js v20's own JavaScript standard library on goja. Loop goroutine only.
//
// Call [New] on the goroutine that owns the goja.Runtime, then [Lib.InstallGlobals] and
// [Lib.Require]; every method of Lib must be called on that goroutine. [Precompile] is the
// only function any goroutine may call.
//
// # How it works
//
// lib/ holds node's own JavaScript (MIT, see lib/LICENSE), taken from the node binary by
// internal/gen (`go generate`) and lowered by esbuild for what goja lacks (async generators,
// for await). internal/gen's patch table lists every change made to node's source, each with
// its reason; generation fails if a patch stops applying. js/ holds nodelib's own JavaScript:
// polyfills run before node's primordials, the internal loader, the global installer, and the
// few modules that replace node's (internal/bootstrap/realm, internal/nodelib/*,
// internal/process/task_queues).
//
// What node implements in C++ is Go here: internalBinding(name) is served by the
// binding_<name>.go files (util, types, buffer, string_decoder, url, os, constants, config,
// options, messaging, encoding_binding, icu, errors, symbols, performance, fs, fs_dir,
// fs_event_wrap, crypto, zlib, cares_wrap, tcp_wrap, stream_wrap, pipe_wrap (constants only),
// http_parser, blob, process_wrap, spawn_sync, ...), each with the
// shapes node's C++ returns; websocket and path are nodelib's own (frame masking for undici's
// WebSocket; path.posix's normalize and join, whose char-by-char loop is slow on goja). Modules
// load on first require; each is compiled once per process
// and the *goja.Program is shared by all runtimes.
//
// # Where goja and V8 differ
//
//   - Brand checks (util.types, inspect) read goja's internal object types (kinds.go), and
//     iterator previews read goja's iterator state (preview.go); both are pinned by tests.
//   - Error stacks: every error made by JS gets a V8-format `stack` (error constructors are
//     proxies that capture it, stack.go), Error.captureStackTrace and Error.prepareStackTrace
//     with CallSites work, and frames are placed where V8 places them (position.go). Errors
//     goja throws itself (TypeError from null.x) keep goja's format in `stack`; util.inspect
//     and console print them normalized ([NormalizeStack]).
//   - WeakRef holds its target strongly and FinalizationRegistry never calls back (both allowed
//     by the spec); goja cannot catch stack overflows, so nothing is a stack overflow error.
//
// # What the host provides
//
// Options.Process is read lazily, never in New. Node's lib reads process.versions (must be an
// object), platform, arch, pid, env, argv, cwd(), nextTick(fn, ...args), emitWarning(...),
// stdout and stderr ([Lib.NewStdioStream] makes node's own Writable for them; plain objects
// with write(chunk, encoding, cb) -> bool, fd and isTTY also work: the console sees them
// through an EventEmitter facade). Lib.Provide supplies the modules the
// host implements and node's lib may require: timers (internal/abort_controller, streams),
// module, and whatever else the host owns. queueMicrotask is the host's global.
//
// Options.Host gives the bindings the loop and the pool: Host.QueueWork runs fs, crypto,
// zlib and dns requests on the worker pool; IOHost (async resources, Post from other
// goroutines, Ref, OnStop) serves network handles; HandleHost (OpenHandle) serves fs
// watchers; LoopSampler serves monitorEventLoopDelay. Bindings that need a missing one
// throw Node's errors for an unavailable feature.
package nodelib
