// Command gen regenerates runtime/nodelib/lib from the JavaScript standard library built into the
// node binary on PATH (Node v20). It is run by `go generate` in runtime/nodelib; the build itself
// never needs node, only regeneration does.
//
// For every module id in [modules] it takes node's own source (process.binding('natives')),
// applies the patch table [patches] (each patch must match exactly once, or generation fails so a
// node upgrade cannot silently drop a patch), lowers the syntax goja lacks with esbuild, and writes
// lib/<id>.js.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// modules is the closure of node modules that the public modules nodelib serves actually load.
// Modules only reached through lazy requires on paths nodelib does not support (streams, fs,
// workers, ...) are left out on purpose: requiring them fails with a clear error unless the host
// provides them with Lib.Provide.
var modules = []string{
	// per-context setup
	"internal/per_context/primordials",
	"internal/per_context/domexception",
	"internal/per_context/messageport",

	// public modules
	"assert", "assert/strict", "buffer", "console", "constants", "events", "punycode", "os", "path", "path/posix", "path/win32",
	"querystring", "stream", "stream/promises", "string_decoder", "url", "util", "util/types",

	// internals they reach
	"internal/assert",
	"internal/assert/assertion_error",
	"internal/assert/calltracker",
	"internal/assert/utils",
	"internal/blob",
	"internal/buffer",
	"internal/console/constructor",
	"internal/console/global",
	"internal/constants",
	"internal/encoding",
	"internal/errors",
	"internal/event_target",
	"internal/events/abort_listener",
	"internal/mime",
	"internal/options",
	"internal/querystring",
	"internal/streams/add-abort-signal",
	"internal/streams/compose",
	"internal/streams/destroy",
	"internal/streams/duplex",
	"internal/streams/duplexify",
	"internal/streams/duplexpair",
	"internal/streams/end-of-stream",
	"internal/streams/from",
	"internal/streams/legacy",
	"internal/streams/operators",
	"internal/streams/passthrough",
	"internal/streams/pipeline",
	"internal/streams/readable",
	"internal/streams/state",
	"internal/streams/transform",
	"internal/streams/utils",
	"internal/streams/writable",
	"internal/url",
	"internal/util",
	"internal/util/colors",
	"internal/util/comparisons",
	"internal/util/debuglog",
	"internal/util/inspect",
	"internal/util/types",
	"internal/validators",
	"internal/webidl",
	"internal/perf/utils",
	"internal/cli_table",
	"internal/tty",
	"internal/fixed_queue",
	"internal/process/warning",
	"internal/v8/startup_snapshot",
	"internal/events/symbols",
	"internal/deps/acorn/acorn/dist/acorn",
	"internal/deps/acorn/acorn-walk/dist/walk",
	"internal/abort_controller",

	// fs (helper: fs)
	"fs", "fs/promises",
	"internal/fs/cp/cp",
	"internal/fs/cp/cp-sync",
	"internal/fs/dir",
	"internal/fs/promises",
	"internal/fs/read/context",
	"internal/fs/recursive_watch",
	"internal/fs/rimraf",
	"internal/fs/streams",
	"internal/fs/utils",
	"internal/fs/watchers",
	"internal/process/permission",
	"internal/readline/callbacks",
	"internal/readline/interface",
	"internal/readline/utils",
	"internal/worker/js_transferable",
	// end fs

	// crypto, zlib, perf_hooks (helper: crypto)
	"crypto",
	"internal/crypto/certificate",
	"internal/crypto/cipher",
	"internal/crypto/diffiehellman",
	"internal/crypto/hash",
	"internal/crypto/hashnames",
	"internal/crypto/hkdf",
	"internal/crypto/keygen",
	"internal/crypto/keys",
	"internal/crypto/aes",
	"internal/crypto/mac",
	"internal/crypto/pbkdf2",
	"internal/crypto/random",
	"internal/crypto/scrypt",
	"internal/crypto/sig",
	"internal/crypto/util",
	"internal/crypto/webcrypto",
	"internal/crypto/webidl",
	"internal/crypto/x509",
	"internal/streams/lazy_transform",
	"internal/worker/js_transferable",
	"zlib",
	"perf_hooks",
	"internal/histogram",
	"internal/perf/event_loop_delay",
	"internal/perf/event_loop_utilization",
	"internal/perf/nodetiming",
	"internal/perf/observe",
	"internal/perf/performance",
	"internal/perf/performance_entry",
	"internal/perf/resource_timing",
	"internal/perf/timerify",
	"internal/perf/usertiming",
	// end crypto, zlib, perf_hooks

	// net, dns, http (helper: net)
	"dns", "dns/promises", "net", "http", "diagnostics_channel",
	"_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
	"internal/dns/callback_resolver",
	"internal/dns/promises",
	"internal/dns/utils",
	"internal/freelist",
	"internal/http",
	"internal/net",
	"internal/stream_base_commons",
	// end net, dns, http

	// fetch (helper: fetch)
	"internal/deps/undici/undici",
	"internal/file",
	"internal/webstreams/adapters",
	"internal/webstreams/compression",
	"internal/webstreams/encoding",
	"internal/webstreams/queuingstrategies",
	"internal/webstreams/readablestream",
	"internal/webstreams/transfer",
	"internal/webstreams/transformstream",
	"internal/webstreams/util",
	"internal/webstreams/writablestream",
	// end fetch

	// child_process (helper: child_process)
	"child_process", "internal/child_process", "internal/socket_list",
	// end child_process
}

// patch replaces Old with New in File. Old must occur exactly Count times (once when Count
// is 0). Every patch must say why it exists.
type patch struct {
	File  string
	Old   string
	New   string
	Why   string
	Count int
}

// asyncIterProto stands in for %AsyncIteratorPrototype%: esbuild lowers async generator functions
// to plain functions, whose .prototype is not an async generator prototype object.
const asyncIterProto = "{ [Symbol.asyncIterator]() { return this; } }"

var patches = []patch{
	// fs (helper: fs)
	{
		File: "internal/fs/watchers",
		Old:  "const {\n  defaultTriggerAsyncIdScope,\n  symbols: { owner_symbol },\n} = require('internal/async_hooks');",
		New: "const defaultTriggerAsyncIdScope = (asyncId, fn, ...args) => fn(...args);\n" +
			"const { owner_symbol } = internalBinding('symbols');\n\n",
		Why: "internal/async_hooks needs the async_wrap binding, whose ids the host runtime owns; " +
			"the watcher only uses it to make its close tick's trigger id the handle's, and the " +
			"runtime's nextTick records a trigger of its own",
	},
	{
		File: "fs",
		Old:  "const { createBlobFromFilePath } = require('internal/blob');",
		New:  "const createBlobFromFilePath = (...args) => require('internal/blob').createBlobFromFilePath(...args);",
		Why: "internal/blob needs the blob binding, which nodelib does not have; only " +
			"fs.openAsBlob uses it, so load it when that is called",
	},
	// end fs

	// path (helper: fs2)
	// path.posix's normalize, join and resolve run node's normalizeString, which walks a string
	// one char code at a time; on goja each step pays a String wrapper for `path.length` and a
	// bound call for StringPrototypeCharCodeAt (23 us a path.join against node's 2.6 us).
	// nodelib's internalBinding('path') (binding_path.go) is that algorithm in Go; these
	// patches call it only after node's own validation, so errors stay node's.
	{
		File: "path",
		Old:  "const {\n  validateObject,\n  validateString,\n} = require('internal/validators');\n",
		New: "const {\n  validateObject,\n  validateString,\n} = require('internal/validators');\n" +
			"const nodelibPath = internalBinding('path');\n",
		Why: "the Go posix normalize, join and normalizeString",
	},
	{
		File: "path",
		Old: "    resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute, '/',\n" +
			"                                   isPosixPathSeparator);\n",
		New: "    resolvedPath = nodelibPath.normalizeString(resolvedPath, !resolvedAbsolute);\n",
		Why: "posix.resolve: resolvedPath is always a string here (built by template literals)",
	},
	{
		File: "path",
		Old: "    validateString(path, 'path');\n\n" +
			"    if (path.length === 0)\n" +
			"      return '.';\n\n" +
			"    const isAbsolute =\n" +
			"      StringPrototypeCharCodeAt(path, 0) === CHAR_FORWARD_SLASH;\n" +
			"    const trailingSeparator =\n" +
			"      StringPrototypeCharCodeAt(path, path.length - 1) === CHAR_FORWARD_SLASH;\n\n" +
			"    // Normalize the path\n" +
			"    path = normalizeString(path, !isAbsolute, '/', isPosixPathSeparator);\n\n" +
			"    if (path.length === 0) {\n" +
			"      if (isAbsolute)\n" +
			"        return '/';\n" +
			"      return trailingSeparator ? './' : '.';\n" +
			"    }\n" +
			"    if (trailingSeparator)\n" +
			"      path += '/';\n\n" +
			"    return isAbsolute ? `/${path}` : path;\n",
		New: "    validateString(path, 'path');\n" +
			"    return nodelibPath.normalize(path);\n",
		Why: "posix.normalize: everything after validateString is a pure function of the string",
	},
	{
		File: "path",
		Old:  "  join(...args) {\n    if (args.length === 0)\n      return '.';\n\n    const path = [];\n",
		New: "  join(...args) {\n" +
			"    if (posix.normalize === posixNormalize) {\n" +
			"      const joined = nodelibPath.join(args);\n" +
			"      if (joined !== undefined)\n" +
			"        return joined;\n" +
			"    }\n" +
			"    if (args.length === 0)\n      return '.';\n\n    const path = [];\n",
		Why: "posix.join: the Go join gives up (undefined) at an argument that is not a string, so " +
			"that this code throws node's error; node's join ends with posix.normalize, which a " +
			"program may replace (require('path') is posix), so the Go join runs only while it is " +
			"node's own",
	},
	{
		File: "path",
		Old:  "posix.posix = win32.posix = posix;\n",
		New:  "posix.posix = win32.posix = posix;\nconst posixNormalize = posix.normalize;\n",
		Why:  "the original posix.normalize, for posix.join's check above",
	},
	// end path

	{
		File: "internal/per_context/primordials",
		Old:  "primordials.ReflectGetPrototypeOf(\n    primordials.ReflectGetPrototypeOf(\n      async function* () {}).prototype)",
		New:  asyncIterProto,
		Why:  "goja has no async generators; the lowered function has no async generator prototype",
	},
	{
		File: "internal/assert/utils",
		Old:  "const { openSync, closeSync, readSync } = require('fs');",
		New: "let lazyFs; " +
			"const openSync = (...args) => (lazyFs ??= require('fs')).openSync(...args); " +
			"const closeSync = (...args) => (lazyFs ??= require('fs')).closeSync(...args); " +
			"const readSync = (...args) => (lazyFs ??= require('fs')).readSync(...args);",
		Why: "fs comes from the host (Lib.Provide) and may be absent; assert only reads source " +
			"files to explain a failed assert.ok(), and already falls back when that fails",
	},
	{
		File: "internal/util/inspect",
		Old:  "  return error.stack ? String(error.stack) : ErrorPrototypeToString(error);",
		New:  "  return error.stack ? internalBinding('errors').normalizeStack(String(error.stack)) : ErrorPrototypeToString(error);",
		Why: "errors goja throws itself (TypeError from null.x, ...) carry goja's stack format " +
			"(\"\\tat fn (file:1:2(34))\"); print them as V8 would",
	},
	{
		File:  "internal/per_context/primordials",
		Old:   "ReflectDefineProperty(dest, name, { __proto__: null, ...desc });",
		New:   "ReflectDefineProperty(dest, name, desc);",
		Count: 3,
		Why: "startup: object spread is slow in goja and this runs for every builtin property; " +
			"desc is a fresh descriptor from ReflectGetOwnPropertyDescriptor and nothing can " +
			"have polluted Object.prototype before primordials run",
	},
	{
		File: "internal/errors",
		Old: "function hideStackFrames(fn) {\n" +
			"  function wrappedFn(...args) {\n" +
			"    try {\n" +
			"      return ReflectApply(fn, this, args);\n" +
			"    } catch (error) {\n" +
			"      Error.stackTraceLimit && ErrorCaptureStackTrace(error, wrappedFn);\n" +
			"      throw error;\n" +
			"    }\n" +
			"  }\n" +
			"  wrappedFn.withoutStackTrace = fn;\n" +
			"  return wrappedFn;\n" +
			"}\n",
		New: "function hideStackFrames(fn) {\n" +
			"  return internalBinding('errors').hideStackFrames(fn);\n" +
			"}\n",
		Why: "the wrapper around every validator: on goja its rest arguments and ReflectApply cost a few " +
			"microseconds a call (a tenth of the JS time of fs callbacks); the errors binding's " +
			"hideStackFrames (stack.go) is the same wrapper as a native function named wrappedFn, " +
			"with withoutStackTrace, that recaptures a thrown error's stack above itself as node's catch does",
	},
	{
		File: "internal/errors",
		Old:  "      function overflowStack() { overflowStack(); }\n      overflowStack();",
		New:  "      maxStack_ErrorName = maxStack_ErrorMessage = Symbol('uncatchable in goja');",
		Why: "node learns the stack-overflow error by overflowing the stack; goja's " +
			"StackOverflowError cannot be caught by JS (and without a call-stack limit the probe " +
			"never ends), so no error JS can see is a stack overflow: match nothing",
	},
	{
		File: "events",
		Old:  "ObjectGetPrototypeOf(async function* () {}).prototype)",
		New:  asyncIterProto + ")",
		Why:  "goja has no async generators; the lowered function has no async generator prototype",
	},

	// crypto, zlib, perf_hooks (helper: crypto)
	{
		File: "internal/util",
		Old:  "const noCrypto = !process.versions.openssl;",
		New:  "const noCrypto = false;",
		Why: "crypto is served by nodelib's Go internalBinding('crypto'), not OpenSSL, so the " +
			"host's process.versions has no openssl entry to announce it",
	},
	{
		File: "zlib",
		Old:  "const { owner_symbol } = require('internal/async_hooks').symbols;",
		New:  "const { owner_symbol } = internalBinding('symbols');",
		Why: "internal/async_hooks needs the host's async_wrap binding; owner_symbol is the " +
			"symbol it re-exports from internalBinding('symbols')",
	},
	// end crypto, zlib, perf_hooks

	// net, dns, http (helper: net)
	// The runtime owns async ids and timers in Go and does not provide internal/async_hooks or
	// internal/timers; these patches give the network modules the parts they use. Trigger-id
	// scopes run their function directly (the runtime's nextTick records a trigger of its own),
	// a socket without a handle has async id -1 (node's "none") until its handle exists, and
	// unref'd timeouts are the host's setTimeout(...).unref().
	{
		File: "internal/stream_base_commons",
		Old:  "const { owner_symbol } = require('internal/async_hooks').symbols;",
		New:  "const { owner_symbol } = internalBinding('symbols');",
		Why:  "internal/async_hooks needs the async_wrap binding, whose ids the host runtime owns",
	},
	{
		File: "internal/stream_base_commons",
		Old:  "const {\n  kTimeout,\n  setUnrefTimeout,\n  getTimerDuration,\n} = require('internal/timers');",
		New: "const kTimeout = Symbol('timeout');\n" +
			"const setUnrefTimeout = (callback, after) => {\n" +
			"  require('internal/validators').validateFunction(callback, 'callback');\n" +
			"  return require('timers').setTimeout(callback, after).unref();\n" +
			"};\n" +
			"function getTimerDuration(msecs, name) {\n" +
			"  require('internal/validators').validateNumber(msecs, name);\n" +
			"  if (msecs < 0 || !Number.isFinite(msecs)) {\n" +
			"    throw new (require('internal/errors').codes.ERR_OUT_OF_RANGE)(name, 'a non-negative finite number', msecs);\n" +
			"  }\n" +
			"  if (msecs > 2 ** 31 - 1) {\n" +
			"    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +\n" +
			"      `\\nTimer duration was truncated to ${2 ** 31 - 1}.`, 'TimeoutOverflowWarning');\n" +
			"    return 2 ** 31 - 1;\n" +
			"  }\n" +
			"  return msecs;\n" +
			"}\n",
		Why: "internal/timers is node's JS timer list, which the runtime implements in Go; these " +
			"are its kTimeout, setUnrefTimeout and getTimerDuration over the host's timers, " +
			"exported for net and http below",
	},
	{
		File: "internal/stream_base_commons",
		Old:  "  kBufferGen,\n};",
		New:  "  kBufferGen,\n  kTimeout,\n  setUnrefTimeout,\n  getTimerDuration,\n};",
		Why:  "net and http share the socket timeout key and helpers defined above",
	},
	{
		File: "net",
		Old:  "const {\n  newAsyncId,\n  defaultTriggerAsyncIdScope,\n  symbols: { async_id_symbol, owner_symbol },\n} = require('internal/async_hooks');",
		New: "const newAsyncId = () => -1;\n" +
			"const defaultTriggerAsyncIdScope = (asyncId, fn, ...args) => fn(...args);\n" +
			"const { async_id_symbol, owner_symbol } = internalBinding('symbols');\n",
		Why: "internal/async_hooks needs the async_wrap binding, whose ids the host runtime owns",
	},
	{
		File: "net",
		Old:  "const { kTimeout } = require('internal/timers');",
		New:  "const { kTimeout } = require('internal/stream_base_commons');",
		Why:  "internal/timers is the runtime's (Go); stream_base_commons shares the socket timeout key",
	},
	{
		File: "_http_client",
		Old:  "const { defaultTriggerAsyncIdScope } = require('internal/async_hooks');",
		New:  "const defaultTriggerAsyncIdScope = (asyncId, fn, ...args) => fn(...args);",
		Why:  "internal/async_hooks needs the async_wrap binding, whose ids the host runtime owns",
	},
	{
		File: "_http_client",
		Old:  "const { getTimerDuration } = require('internal/timers');",
		New:  "const { getTimerDuration } = require('internal/stream_base_commons');",
		Why:  "internal/timers is the runtime's (Go)",
	},
	// HTTP exchanges for trace export (studio run --otlp): nodelib's internalBinding('http_trace')
	// (binding_http_trace.go). Each call is behind on(), one atomic load in the host, so an
	// unobserved program runs node's code with one native call more per request and reads no
	// header; the span's key lives on the ClientRequest or ServerResponse under a symbol.
	{
		File: "_http_client",
		Old:  "function emitErrorEvent(request, error) {\n",
		New: "const nodelibHTTPTrace = internalBinding('http_trace');\n" +
			"const kStudioSpan = Symbol('kStudioSpan');\n" +
			"function emitErrorEvent(request, error) {\n" +
			"  if (request[kStudioSpan] !== undefined) {\n" +
			"    nodelibHTTPTrace.end(request[kStudioSpan], 0, error?.code ?? String(error?.message ?? error));\n" +
			"  }\n",
		Why: "a client request that fails before its response ends its span with the error",
	},
	{
		File: "_http_client",
		Old: "  } else {\n" +
			"    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\\r\\n',\n" +
			"                      options.headers);\n" +
			"  }\n",
		New: "  } else {\n" +
			"    let studioHeaders = options.headers;\n" +
			"    if (nodelibHTTPTrace.on()) {\n" +
			"      const span = nodelibHTTPTrace.clientStart(method, host, port, this.path, protocol);\n" +
			"      if (span !== undefined) {\n" +
			"        this[kStudioSpan] = span[0];\n" +
			"        const pairs = studioHeaders.length > 0 && ArrayIsArray(studioHeaders[0]);\n" +
			"        let has = false;\n" +
			"        for (let i = 0; i < studioHeaders.length; i += pairs ? 1 : 2) {\n" +
			"          const name = pairs ? studioHeaders[i][0] : studioHeaders[i];\n" +
			"          if (typeof name === 'string' && name.toLowerCase() === 'traceparent') has = true;\n" +
			"        }\n" +
			"        if (!has) studioHeaders = pairs ? [...studioHeaders, ['traceparent', span[1]]] : [...studioHeaders, 'traceparent', span[1]];\n" +
			"      }\n" +
			"    }\n" +
			"    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\\r\\n',\n" +
			"                      studioHeaders);\n" +
			"  }\n",
		Why: "a client request whose headers are an array (raw or pairs) is a span too, its " +
			"traceparent appended to the array unless it has one",
	},
	{
		File: "_http_client",
		Old:  "    if (host && !this.getHeader('host') && setHost) {\n",
		New: "    if (nodelibHTTPTrace.on()) {\n" +
			"      const span = nodelibHTTPTrace.clientStart(method, host, port, this.path, protocol);\n" +
			"      if (span !== undefined) {\n" +
			"        this[kStudioSpan] = span[0];\n" +
			"        if (!this.getHeader('traceparent')) this.setHeader('traceparent', span[1]);\n" +
			"      }\n" +
			"    }\n" +
			"    if (host && !this.getHeader('host') && setHost) {\n",
		Why: "a client request's span begins when it is made, and its W3C traceparent header " +
			"(kept if the program set one) carries the span's ids to the server it calls; " +
			"requests whose headers are given as an array are sent as given, untraced",
	},
	{
		File: "_http_client",
		Old:  "  req.res = res;\n  res.req = req;\n",
		New: "  if (req[kStudioSpan] !== undefined) nodelibHTTPTrace.end(req[kStudioSpan], res.statusCode, '');\n" +
			"  req.res = res;\n  res.req = req;\n",
		Why: "a client request's span ends when the final response's head arrives, with its status",
	},
	{
		File: "_http_server",
		Old:  "  res.shouldKeepAlive = keepAlive;\n  res[kUniqueHeaders] = server[kUniqueHeaders];\n",
		New: "  res.shouldKeepAlive = keepAlive;\n  res[kUniqueHeaders] = server[kUniqueHeaders];\n" +
			"  if (nodelibHTTPTrace.on()) {\n" +
			"    res[kStudioSpan] = nodelibHTTPTrace.serverStart(req.method, req.url, req.headers.traceparent, req.headers.host);\n" +
			"  }\n",
		Why: "a server request's span begins once its head is parsed, as the connection's " +
			"HTTPINCOMINGMESSAGE runs; its inbound traceparent makes it the caller's child",
	},
	{
		File: "_http_server",
		Old:  "function onServerResponseClose() {\n",
		New: "const nodelibHTTPTrace = internalBinding('http_trace');\n" +
			"const kStudioSpan = Symbol('kStudioSpan');\n" +
			"function onServerResponseClose() {\n" +
			"  if (this._httpMessage?.[kStudioSpan]) nodelibHTTPTrace.end(this._httpMessage[kStudioSpan], 0, 'aborted');\n",
		Why: "a connection that closes before its response finished ends the span as aborted",
	},
	{
		File: "_http_server",
		Old:  "function resOnFinish(req, res, socket, state, server) {\n",
		New: "function resOnFinish(req, res, socket, state, server) {\n" +
			"  if (res[kStudioSpan]) nodelibHTTPTrace.end(res[kStudioSpan], res.statusCode, '');\n",
		Why: "a server request's span ends when its response is finished, with the status sent",
	},
	{
		File: "_http_server",
		Old:  "const {\n  defaultTriggerAsyncIdScope,\n  getOrSetAsyncId,\n} = require('internal/async_hooks');",
		New: "const defaultTriggerAsyncIdScope = (asyncId, fn, ...args) => fn(...args);\n" +
			"const getOrSetAsyncId = (object) => object[internalBinding('symbols').async_id_symbol] ?? -1;\n",
		Why: "internal/async_hooks needs the async_wrap binding, whose ids the host runtime owns",
	},
	{
		File: "_http_outgoing",
		Old:  "const {\n  defaultTriggerAsyncIdScope,\n  symbols: { async_id_symbol },\n} = require('internal/async_hooks');",
		New: "const defaultTriggerAsyncIdScope = (asyncId, fn, ...args) => fn(...args);\n" +
			"const { async_id_symbol } = internalBinding('symbols');\n",
		Why: "internal/async_hooks needs the async_wrap binding, whose ids the host runtime owns",
	},
	{
		File: "_http_agent",
		Old:  "const { AsyncResource } = require('async_hooks');\nconst { async_id_symbol } = require('internal/async_hooks').symbols;",
		New: "let hostAsyncHooks;\n" +
			"const AsyncResource = class QueuedRequestScope {\n" +
			"  constructor(type) {\n" +
			"    if (hostAsyncHooks === undefined) {\n" +
			"      try { hostAsyncHooks = require('async_hooks'); } catch { hostAsyncHooks = null; }\n" +
			"    }\n" +
			"    if (hostAsyncHooks) return new hostAsyncHooks.AsyncResource(type);\n" +
			"  }\n" +
			"  runInAsyncScope(fn, thisArg, ...args) { return primordials.ReflectApply(fn, thisArg, args); }\n" +
			"};\n" +
			"const { async_id_symbol } = internalBinding('symbols');",
		Why: "async_hooks is the host's and may be absent; the agent only needs AsyncResource " +
			"when a request queues for a free socket, to run its socket assignment in the " +
			"request's async context: with the host's module that is a real AsyncResource, " +
			"without one the assignment runs in the current context",
	},
	{
		File: "internal/http",
		Old:  "const { setUnrefTimeout } = require('internal/timers');",
		New:  "const { setUnrefTimeout } = require('internal/stream_base_commons');",
		Why:  "internal/timers is the runtime's (Go)",
	},
	{
		File: "net",
		Old:  "  if (cluster === undefined) cluster = require('cluster');",
		New:  "  if (cluster === undefined) cluster = { isPrimary: true };",
		Why: "nodelib has no cluster module and no cluster workers: the program is always the " +
			"primary, which listens itself",
	},
	// end net, dns, http

	// fetch (helper: fetch)
	{
		File:  "internal/deps/undici/undici",
		Old:   "require(\"node:",
		New:   "require(\"",
		Count: 85,
		Why: "nodelib's internal require knows builtins by bare id; undici is bundled for the " +
			"public loader, which also accepts the node: scheme",
	},
	{
		File: "internal/deps/undici/undici",
		Old:  "var api = require_api();\nvar Dispatcher = require_dispatcher();\nObject.assign(Dispatcher.prototype, api);",
		New: "var Dispatcher = require_dispatcher();\n" +
			"for (const name of [\"request\", \"stream\", \"pipeline\", \"upgrade\", \"connect\"]) {\n" +
			"  Object.defineProperty(Dispatcher.prototype, name, {\n" +
			"    configurable: true, enumerable: true,\n" +
			"    get() { return require_api()[name]; },\n" +
			"    set(v) { Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true }); },\n" +
			"  });\n" +
			"}",
		Why: "the dispatcher's request/stream/pipeline/upgrade/connect need async_hooks' " +
			"AsyncResource, which is the host's and may be absent; fetch never uses them, so they " +
			"load on first use instead of when fetch is first touched",
	},
	// HTTP exchanges for trace export (studio run --otlp), as _http_client's patches do for
	// http.request: each network fetch (a redirect is another) is a client span whose
	// traceparent header goes out with it; the span ends at the response head or the error.
	{
		File: "internal/deps/undici/undici",
		Old: "      function dispatch({ body }) {\n" +
			"        const url = requestCurrentURL(request);\n" +
			"        const agent = fetchParams.controller.dispatcher;\n",
		New: "      function dispatch({ body }) {\n" +
			"        const url = requestCurrentURL(request);\n" +
			"        const agent = fetchParams.controller.dispatcher;\n" +
			"        const nodelibHTTPTrace = internalBinding(\"http_trace\");\n" +
			"        let studioSpan;\n" +
			"        if (request.mode !== \"websocket\" && nodelibHTTPTrace.on()) {\n" +
			"          const span = nodelibHTTPTrace.clientStart(request.method, url.hostname, url.port || (url.protocol === \"https:\" ? 443 : 80), url.pathname + url.search, url.protocol);\n" +
			"          if (span !== void 0) {\n" +
			"            studioSpan = span[0];\n" +
			"            request.headersList.set(\"traceparent\", span[1], true);\n" +
			"          }\n" +
			"        }\n" +
			"        const studioSpanEnd = (status, err) => {\n" +
			"          if (studioSpan !== void 0) {\n" +
			"            nodelibHTTPTrace.end(studioSpan, status, err);\n" +
			"            studioSpan = void 0;\n" +
			"          }\n" +
			"        };\n",
		Why: "fetch's requests are client spans with a traceparent header under --otlp, as http's are",
	},
	{
		File: "internal/deps/undici/undici",
		Old: "            onHeaders(status, rawHeaders, resume, statusText) {\n" +
			"              if (status < 200) {\n" +
			"                return;\n" +
			"              }\n",
		New: "            onHeaders(status, rawHeaders, resume, statusText) {\n" +
			"              if (status < 200) {\n" +
			"                return;\n" +
			"              }\n" +
			"              studioSpanEnd(status);\n",
		Why: "a fetch's span ends with its response head",
	},
	{
		File: "internal/deps/undici/undici",
		Old: "            onError(error) {\n" +
			"              if (this.abort) {\n" +
			"                fetchParams.controller.off(\"terminated\", this.abort);\n" +
			"              }\n" +
			"              this.body?.destroy(error);\n",
		New: "            onError(error) {\n" +
			"              studioSpanEnd(0, error?.code ?? String(error?.message ?? error));\n" +
			"              if (this.abort) {\n" +
			"                fetchParams.controller.off(\"terminated\", this.abort);\n" +
			"              }\n" +
			"              this.body?.destroy(error);\n",
		Why: "a fetch that fails before its response head ends its span with the error",
	},
	{
		File: "internal/deps/undici/undici",
		Old:  "var { MessagePort } = require(\"worker_threads\");",
		New:  "var { MessagePort } = internalBinding(\"messaging\");",
		Why: "nodelib has no worker_threads; its MessagePort is the messaging binding's, which " +
			"nodelib does not define, so MessageEvent rejects any ports it is given",
	},
	{
		File: "internal/deps/undici/undici",
		Old:  "var { markAsUncloneable } = require(\"worker_threads\");",
		New:  "var markAsUncloneable = void 0;",
		Why:  "node v20's worker_threads has no markAsUncloneable either (undici checks for it)",
	},
	{
		File: "internal/webstreams/readablestream",
		Old:  "const {\n  MessageChannel,\n} = require('internal/worker/io');",
		New:  "function MessageChannel() { return new (require('internal/worker/io').MessageChannel)(); }",
		Why:  "internal/worker/io is not embedded; only transferring a stream needs a channel, so load it then",
	},
	{
		File: "internal/webstreams/writablestream",
		Old:  "const {\n  MessageChannel,\n} = require('internal/worker/io');",
		New:  "function MessageChannel() { return new (require('internal/worker/io').MessageChannel)(); }",
		Why:  "internal/worker/io is not embedded; only transferring a stream needs a channel, so load it then",
	},
	{
		File: "internal/webstreams/readablestream",
		Old:  "const {\n  queueMicrotask,\n} = require('internal/process/task_queues');",
		New:  "const queueMicrotask = (callback) => globalThis.queueMicrotask(callback);",
		Why:  "the microtask queue is the host's event loop's (its queueMicrotask global)",
	},
	{
		File: "internal/deps/undici/undici",
		Old:  "    var llhttpPromise = lazyllhttp();\n    llhttpPromise.catch();\n",
		New: `    var llhttpPromise = null;
    // nodelib: llhttp's exports (the part undici's Parser calls) over internalBinding('http_parser'),
    // node's HTTP/1 parser, which calls currentParser's callbacks as llhttp's wasm_on_* imports do.
    function nodelibLlhttp() {
      const { HTTPParser } = internalBinding("http_parser");
      const { ERROR } = constants;
      const kReasonPtr = 8;
      const kDataPtr = 1024;
      const memory = { buffer: new ArrayBuffer(kDataPtr) };
      const parsers = new Map();
      let nextPtr = 1;
      let allocated = 0;
      function setReason(p, reason) {
        const bytes = Buffer.from(String(reason).slice(0, kDataPtr - kReasonPtr - 1), "latin1");
        new Uint8Array(memory.buffer, kReasonPtr, bytes.length + 1).set([...bytes, 0]);
        p.reason = kReasonPtr;
      }
      // ret is a callback's result as llhttp reads it: -1 fails with code, PAUSED (after the
      // callback destroyed the socket) stops; any other value, including the PAUSED of
      // backpressure, lets parsing go on, as nodelib's parser cannot stop inside a buffer.
      function check(p, ret, code, pausable) {
        if (p.stopped !== 0) return false;
        if (ret === -1) {
          p.stopped = code;
          setReason(p, "Span callback error");
          return false;
        }
        if (ret === ERROR.PAUSED && !pausable) p.stopped = ERROR.PAUSED;
        return p.stopped === 0;
      }
      function addHeaders(headers) {
        for (let i = 0; i + 1 < headers.length; i += 2) {
          currentParser.onHeaderField(Buffer.from(headers[i], "latin1"));
          currentParser.onHeaderValue(Buffer.from(headers[i + 1], "latin1"));
        }
      }
      function alloc(type) {
        const hp = new HTTPParser();
        const p = { hp, stopped: 0, reason: 0, errorPos: 0, upgraded: false };
        hp.initialize(type === constants.TYPE.REQUEST ? HTTPParser.REQUEST : HTTPParser.RESPONSE, {}, 2147483647, 0);
        hp[HTTPParser.kOnMessageBegin] = () => {
          if (p.stopped === 0) check(p, currentParser.onMessageBegin(), ERROR.CB_MESSAGE_BEGIN, false);
        };
        hp[HTTPParser.kOnHeadersComplete] = (major, minor, headers, method, url, statusCode, statusMessage, upgrade, shouldKeepAlive) => {
          if (p.stopped !== 0) return 0;
          if (statusMessage) currentParser.onStatus(Buffer.from(statusMessage, "latin1"));
          addHeaders(headers);
          const ret = currentParser.onHeadersComplete(statusCode, Boolean(upgrade), Boolean(shouldKeepAlive));
          if (ret === 2) p.upgraded = true;
          if (ret === 1 || ret === 2) return ret;
          check(p, ret, ERROR.CB_HEADERS_COMPLETE, true);
          return 0;
        };
        hp[HTTPParser.kOnHeaders] = (trailers) => {
          if (p.stopped === 0) addHeaders(trailers);
        };
        hp[HTTPParser.kOnBody] = (buf) => {
          if (p.stopped === 0) check(p, currentParser.onBody(buf), ERROR.USER, true);
        };
        hp[HTTPParser.kOnMessageComplete] = () => {
          if (p.stopped === 0) check(p, currentParser.onMessageComplete(), ERROR.CB_MESSAGE_COMPLETE, false);
        };
        const ptr = nextPtr++;
        parsers.set(ptr, p);
        return ptr;
      }
      const exports3 = {
        memory,
        llhttp_alloc: alloc,
        llhttp_free(ptr) {
          parsers.get(ptr).hp.close();
          parsers.delete(ptr);
        },
        // undici holds one data buffer at a time (it frees before it allocates a larger one),
        // so memory is one reason slot followed by that buffer.
        malloc(size) {
          if (allocated !== 0) throw new Error("nodelib llhttp: one buffer at a time");
          allocated = size;
          if (memory.buffer.byteLength < kDataPtr + size) memory.buffer = new ArrayBuffer(kDataPtr + size);
          return kDataPtr;
        },
        free(ptr) {
          allocated = 0;
        },
        llhttp_resume(ptr) {
          parsers.get(ptr).stopped = 0;
        },
        llhttp_execute(ptr, dataPtr, len) {
          const p = parsers.get(ptr);
          p.stopped = 0;
          p.reason = 0;
          const data = Buffer.from(memory.buffer, dataPtr, len);
          const ret = p.hp.execute(data);
          if (typeof ret !== "number") {
            p.errorPos = dataPtr + ret.bytesParsed;
            setReason(p, ret.reason);
            return ERROR[String(ret.code).replace(/^HPE_/, "")] ?? ERROR.INTERNAL;
          }
          p.errorPos = dataPtr + ret;
          if (p.stopped !== 0) return p.stopped;
          // llhttp pauses after an upgrade's headers whether or not bytes follow them.
          if (p.upgraded || ret < len) return ERROR.PAUSED_UPGRADE;
          return ERROR.OK;
        },
        llhttp_get_error_pos(ptr) {
          return parsers.get(ptr).errorPos;
        },
        llhttp_get_error_reason(ptr) {
          return parsers.get(ptr).reason;
        },
      };
      return Promise.resolve({ exports: exports3 });
    }
`,
		Why: "undici's HTTP/1 parser is llhttp compiled to WebAssembly, which goja lacks; the " +
			"parser is node's own HTTPParser binding instead, behind the llhttp exports undici calls. " +
			"It cannot stop inside a buffer, so undici's backpressure pause is not honoured (the body " +
			"is buffered by the response stream); a pause that follows destroying the socket stops " +
			"the callbacks. An upgrade (WebSocket) pauses with PAUSED_UPGRADE as llhttp does, also " +
			"when no byte follows the response's headers",
	},
	{
		File: "internal/deps/undici/undici",
		Old: "        for (let i = 0; i < bodyLength; ++i) {\n" +
			"          buffer2[offset + i] = frameData[i] ^ maskKey[i & 3];\n" +
			"        }\n",
		New: "        if (bodyLength > 0) internalBinding(\"websocket\").mask(frameData, buffer2, offset, maskKey);\n",
		Why: "masking a WebSocket frame byte by byte costs goja about 200 ms per MiB; nodelib's " +
			"websocket binding does the same XOR in Go",
	},
	{
		File: "internal/deps/undici/undici",
		Old:  "        llhttpInstance = await llhttpPromise;\n",
		New:  "        llhttpInstance = await (llhttpPromise ?? nodelibLlhttp());\n",
		Why:  "see the patch above: the parser is made when the first connection needs it",
	},
	{
		File:  "internal/webstreams/readablestream",
		Old:   "SideEffectFreeRegExpPrototypeSymbolReplace(userModuleRegExp",
		New:   "primordials.RegExpPrototypeSymbolReplace(userModuleRegExp",
		Count: 2,
		Why: "the side-effect-free replace runs the RegExp of a new vm context, and nodelib has no " +
			"vm; the fresh RegExp only keeps the legacy RegExp statics (RegExp.$1 ...) of this realm untouched",
	},
	{
		File: "internal/webstreams/writablestream",
		Old:  "SideEffectFreeRegExpPrototypeSymbolReplace(userModuleRegExp",
		New:  "primordials.RegExpPrototypeSymbolReplace(userModuleRegExp",
		Why:  "as for readablestream: nodelib has no vm",
	},
	// end fetch

	// child_process (helper: child_process)
	{
		File: "internal/child_process",
		Old:  "const dgram = require('dgram');",
		New:  "",
		Why: "nodelib has no dgram (no UDP): dgram is used only to pass sockets over an IPC " +
			"channel, and nodelib's child processes have no IPC channel ('ipc' stdio is absent)",
	},
	{
		File: "internal/child_process",
		Old:  "const { TTY } = internalBinding('tty_wrap');\nconst { UDP } = internalBinding('udp_wrap');",
		New:  "function TTY() {}\nfunction UDP() {}",
		Why: "nodelib has no tty_wrap or udp_wrap handles; child_process only asks whether a " +
			"stdio stream's handle is an instance of them, which no object is",
	},
	{
		File: "internal/child_process",
		Old:  "const { kStateSymbol } = require('internal/dgram');",
		New:  "const kStateSymbol = Symbol('kStateSymbol');",
		Why:  "internal/dgram needs udp_wrap; the symbol only reads a dgram socket's state for IPC",
	},
	{
		File: "internal/child_process",
		Old:  "const { owner_symbol } = require('internal/async_hooks').symbols;",
		New:  "const { owner_symbol } = internalBinding('symbols');",
		Why:  "internal/async_hooks needs the async_wrap binding, whose ids the host runtime owns",
	},
	// end child_process
}

func main() {
	out := flag.String("out", "lib", "output directory")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	sources, err := dumpSources(modules)
	if err != nil {
		return err
	}
	byFile := map[string][]patch{}
	for _, p := range patches {
		if _, ok := sources[p.File]; !ok {
			return fmt.Errorf("patching %q: module is not in the module list", p.File)
		}
		byFile[p.File] = append(byFile[p.File], p)
	}
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("clearing %s: %w", out, err)
	}
	ids := make([]string, 0, len(sources))
	for id := range sources {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		src := sources[id]
		for _, p := range byFile[id] {
			want := max(p.Count, 1)
			if n := strings.Count(src, p.Old); n != want {
				return fmt.Errorf("applying patch to %q (%s): old text found %d times, want %d", id, p.Why, n, want)
			}
			src = strings.ReplaceAll(src, p.Old, p.New)
		}
		code, err := lower(id, src)
		if err != nil {
			return err
		}
		path := filepath.Join(out, filepath.FromSlash(id)+".js")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("creating directory for %q: %w", id, err)
		}
		if err := os.WriteFile(path, []byte(code), 0o644); err != nil {
			return fmt.Errorf("writing %q: %w", id, err)
		}
	}
	if err := writeOptions(out, sources); err != nil {
		return err
	}
	if err := writeBindingData(out); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "LICENSE"), []byte(license), 0o644)
}

// writeOptions records node's default command-line option values (what
// internalBinding('options').getCLIOptionsValues() returns for a plain `node` run), plus the
// values of every option name the embedded modules look up, as lib/options.json.
func writeOptions(out string, sources map[string]string) error {
	names := map[string]bool{}
	re := regexp.MustCompile(`getOptionValue\('([^']+)'\)`)
	for _, src := range sources {
		for _, m := range re.FindAllStringSubmatch(src, -1) {
			names[m[1]] = true
		}
	}
	extra := make([]string, 0, len(names))
	for n := range names {
		extra = append(extra, n)
	}
	sort.Strings(extra)
	list, err := json.Marshal(extra)
	if err != nil {
		return fmt.Errorf("encoding option names: %w", err)
	}
	const script = `const o = require('internal/options'); const out = {};
for (const k of [...o.getCLIOptionsInfo().options.keys(), ...JSON.parse(process.argv[1])]) out[k] = o.getOptionValue(k);
process.stdout.write(JSON.stringify(out, Object.keys(out).sort(), 1));`
	cmd := exec.Command("node", "--expose-internals", "--no-warnings", "-e", script, string(list))
	cmd.Env = append(os.Environ(), "NODE_OPTIONS=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("dumping node options: %w: %s", err, stderr.String())
	}
	return os.WriteFile(filepath.Join(out, "options.json"), raw, 0o644)
}

// dumpSources asks node for the source of each module in ids.
func dumpSources(ids []string) (map[string]string, error) {
	const script = `const n = process.binding('natives'); const out = {};
for (const id of JSON.parse(process.argv[1])) { if (typeof n[id] !== 'string') { console.error('missing module ' + id); process.exit(2); } out[id] = n[id]; }
process.stdout.write(JSON.stringify({ version: process.version, sources: out }));`
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("encoding module list: %w", err)
	}
	cmd := exec.Command("node", "--no-deprecation", "-e", script, string(list))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("running node: %w: %s", err, stderr.String())
	}
	var res struct {
		Version string
		Sources map[string]string
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("decoding node output: %w", err)
	}
	if !strings.HasPrefix(res.Version, "v20.") {
		return nil, fmt.Errorf("checking node version: got %s, want v20.x", res.Version)
	}
	return res.Sources, nil
}

// writeBindingData records the data node's C++ bindings hold on this platform (Linux): the
// constants binding and libuv's error table, as lib/bindings.json.
func writeBindingData(out string) error {
	const script = `const constants = process.binding('constants');
const uv = process.binding('uv');
const uvConstants = {};
for (const k of Object.keys(uv)) if (typeof uv[k] === 'number') uvConstants[k] = uv[k];
process.stdout.write(JSON.stringify({ constants, uv: uvConstants, uvErrmap: [...uv.getErrorMap()] }, null, 1));`
	cmd := exec.Command("node", "--no-deprecation", "-e", script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("dumping binding data: %w: %s", err, stderr.String())
	}
	return os.WriteFile(filepath.Join(out, "bindings.json"), raw, 0o644)
}

// lower rewrites syntax goja does not support into equivalent code.
func lower(id, src string) (string, error) {
	r := api.Transform(src, api.TransformOptions{
		Loader:     api.LoaderJS,
		Sourcefile: "node:" + id,
		Format:     api.FormatDefault,
		Target:     api.ESNext,
		Supported: map[string]bool{
			"async-generator": false,
			"for-await":       false,
		},
	})
	if len(r.Errors) > 0 {
		return "", fmt.Errorf("lowering %q: %s", id, r.Errors[0].Text)
	}
	return string(r.Code), nil
}

const license = `Node.js is licensed for use as follows:

"""
Copyright Node.js contributors. All rights reserved.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to
deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
IN THE SOFTWARE.
"""

The files in this directory are generated from the JavaScript sources built into
Node.js v20 by runtime/nodelib/internal/gen (see its patch table for changes).
`
