package nodelib

import (
	_ "embed"
	"runtime"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// Small bindings: config, options, builtins, trace_events, symbols, constants, uv, credentials,
// errors.

//go:embed lib/options.json
var optionsJSON string

//go:embed lib/bindings.json
var bindingsJSON string

func init() {
	// internalBinding('config') (node/src/node_config.cc): the build features of this runtime.
	bindingMakers["config"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		// Node's ICU paths (TextDecoder converters, string widths, transcode), served by
		// internalBinding('icu') in binding_icu.go.
		_ = b.Set("hasIntl", true)
		_ = b.Set("hasSmallICU", false)
		_ = b.Set("hasInspector", false)
		_ = b.Set("hasOpenSSL", false)
		_ = b.Set("fipsMode", false)
		_ = b.Set("hasNodeOptions", true)
		_ = b.Set("noBrowserGlobals", false)
		_ = b.Set("isDebugBuild", false)
		_ = b.Set("bits", 64)
		_ = b.Set("hasDtrace", false)
		return b
	}
	// internalBinding('options'): node's default option values (dumped by internal/gen).
	bindingMakers["options"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		var values goja.Value
		_ = b.Set("getCLIOptionsValues", func() goja.Value {
			if values == nil {
				values = l.parseJSON(optionsJSON, true)
			}
			return values
		})
		_ = b.Set("getCLIOptionsInfo", func() goja.Value {
			l.throw("Error", "nodelib: CLI option descriptions are not available", "")
			return nil
		})
		_ = b.Set("getEmbedderOptions", func() goja.Value {
			o := l.vm.NewObject()
			_ = o.Set("shouldNotRegisterESMLoader", true)
			_ = o.Set("noGlobalSearchPaths", false)
			_ = o.Set("noBrowserGlobals", false)
			_ = o.Set("hasEmbedderPreload", false)
			return o
		})
		return b
	}
	bindingMakers["builtins"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("isBuiltin", func(id string) bool {
			return builtinModules[id] || schemeOnlyModules[id] || hasModule(id)
		})
		_ = b.Set("canBeRequiredByUsers", func(id string) bool {
			return builtinModules[id] || schemeOnlyModules[id]
		})
		ids := make([]any, 0, len(builtinModules))
		for id := range builtinModules {
			ids = append(ids, id)
		}
		_ = b.Set("builtinIds", l.vm.NewArray(ids...))
		return b
	}
	// internalBinding('trace_events'): no trace category is ever enabled (there is no tracing
	// agent), so trace() records nothing, exactly as node behaves without --trace-event-categories.
	bindingMakers["trace_events"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("trace", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
		_ = b.Set("isTraceCategoryEnabled", func(string) bool { return false })
		_ = b.Set("getCategoryEnabledBuffer", func(string) goja.Value {
			return l.newUint8Array(make([]byte, 1))
		})
		_ = b.Set("setTraceCategoryStateUpdateHandler", func(goja.Value) {})
		return b
	}
	// internalBinding('symbols') (node/src/env_properties.h PER_ISOLATE_SYMBOL_PROPERTIES).
	bindingMakers["symbols"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		for _, name := range []string{
			"fs_use_promises_symbol", "async_id_symbol", "handle_onclose_symbol", "no_message_symbol",
			"messaging_deserialize_symbol", "messaging_transfer_symbol", "messaging_clone_symbol",
			"messaging_transfer_list_symbol", "oninit_symbol", "owner_symbol", "onpskexchange_symbol",
			"resource_symbol", "trigger_async_id_symbol", "source_text_module_default_hdo",
			"vm_context_no_contextify", "vm_dynamic_import_default_internal",
			"vm_dynamic_import_main_context_default", "vm_dynamic_import_missing_flag",
			"vm_dynamic_import_no_callback", "entry_point_module_private_symbol",
		} {
			_ = b.Set(name, goja.NewSymbol(name))
		}
		return b
	}
	// internalBinding('constants'): node's Linux constants (dumped by internal/gen).
	bindingMakers["constants"] = func(l *Lib) *goja.Object {
		return l.bindingData().Get("constants").ToObject(l.vm)
	}
	// internalBinding('uv'): libuv's error codes and names on Linux.
	bindingMakers["uv"] = func(l *Lib) *goja.Object {
		data := l.bindingData()
		b := l.vm.NewObject()
		codes := data.Get("uv").ToObject(l.vm)
		names := map[int64]string{}
		for _, k := range codes.Keys() {
			v := codes.Get(k)
			_ = b.Set(k, v)
			names[v.ToInteger()] = strings.TrimPrefix(k, "UV_")
		}
		_ = b.Set("errname", func(code int64) string {
			if n, ok := names[code]; ok {
				return n
			}
			return "Unknown system error " + itoa(code)
		})
		errmap := data.Get("uvErrmap")
		_ = b.Set("getErrorMap", func() goja.Value {
			ctor, _ := goja.AssertConstructor(l.vm.Get("Map"))
			m, err := ctor(nil, errmap)
			if err != nil {
				panic(err)
			}
			return m
		})
		_ = b.Set("getErrorMessage", func(code int64) string {
			arr := errmap.ToObject(l.vm)
			n := arr.Get("length").ToInteger()
			for i := int64(0); i < n; i++ {
				e := arr.Get(itoa(i)).ToObject(l.vm)
				if e.Get("0").ToInteger() == code {
					return e.Get("1").ToObject(l.vm).Get("1").String()
				}
			}
			return "Unknown system error " + itoa(code)
		})
		return b
	}
	// internalBinding('credentials') (node/src/node_credentials.cc).
	bindingMakers["credentials"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("safeGetenv", func(name string) goja.Value {
			if v, ok := lookupEnv(name); ok {
				return l.vm.ToValue(v)
			}
			return goja.Undefined()
		})
		_ = b.Set("implementsPosixCredentials", runtime.GOOS != "windows")
		_ = b.Set("getuid", func() int { return unix.Getuid() })
		_ = b.Set("geteuid", func() int { return unix.Geteuid() })
		_ = b.Set("getgid", func() int { return unix.Getgid() })
		_ = b.Set("getegid", func() int { return unix.Getegid() })
		_ = b.Set("getTempDir", func() goja.Value {
			for _, k := range []string{"TMPDIR", "TMP", "TEMP", "TEMPDIR"} {
				if v, ok := lookupEnv(k); ok && v != "" {
					return l.vm.ToValue(v)
				}
			}
			return goja.Undefined()
		})
		return b
	}
	// internalBinding('errors') (node/src/node_errors.cc): the hooks node's bootstrap installs.
	// Stack decoration and fatal-exception handling belong to the host runtime, which never
	// asks the lib for them, so the setters only record the callbacks.
	bindingMakers["errors"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		for _, name := range []string{
			"setPrepareStackTraceCallback", "setGetSourceMapErrorSource", "setSourceMapsEnabled",
			"setMaybeCacheGeneratedSourceMap", "setEnhanceStackForFatalException",
		} {
			name := name
			_ = b.Set(name, func(fn goja.Value) { l.errorHooks[name] = fn })
		}
		_ = b.Set("normalizeStack", normalizeStack)
		_ = b.Set("hideStackFrames", l.hideStackFrames) // nodelib's: see stack.go
		_ = b.Set("noSideEffectsToString", func(v goja.Value) string { return v.String() })
		exitCodes := l.vm.NewObject()
		for i, name := range []string{"kNoFailure", "kGenericUserError", "kInternalJSParseError",
			"kInternalJSEvaluationFailure", "kV8FatalError", "kInvalidFatalExceptionMonkeyPatching",
			"kExceptionInFatalExceptionHandler", "kUnsettledTopLevelAwait", "kInvalidCommandLineArgument",
			"kBootstrapFailure", "kInvalidCommandLineArgument2", "kStartupSnapshotFailure", "kAbort"} {
			code := i
			switch name {
			case "kInvalidCommandLineArgument2":
				code = 12
			case "kStartupSnapshotFailure":
				code = 14
			case "kAbort":
				code = 134
			case "kInvalidCommandLineArgument":
				code = 9
			case "kBootstrapFailure":
				code = 10
			case "kUnsettledTopLevelAwait":
				code = 13
			}
			_ = exitCodes.Set(name, code)
		}
		_ = b.Set("exitCodes", exitCodes)
		return b
	}
}

func itoa(n int64) string {
	return strconv.FormatInt(n, 10)
}

// bindingData parses lib/bindings.json once per runtime, with null-prototype objects as the
// C++ bindings create them.
func (l *Lib) bindingData() *goja.Object {
	if l.bindingDataObj == nil {
		l.bindingDataObj = l.parseJSON(bindingsJSON, true).ToObject(l.vm)
	}
	return l.bindingDataObj
}

// parseJSON parses src with the runtime's JSON.parse; nullProto gives every plain object a
// null prototype.
func (l *Lib) parseJSON(src string, nullProto bool) goja.Value {
	fn, err := l.vm.RunString(`(function (src, nullProto) {
  return JSON.parse(src, nullProto ? function (k, v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.setPrototypeOf(v, null) : v;
  } : undefined);
})`)
	if err != nil {
		panic(err)
	}
	f, _ := goja.AssertFunction(fn)
	v, err := f(goja.Undefined(), l.vm.ToValue(src), l.vm.ToValue(nullProto))
	if err != nil {
		panic(err)
	}
	return v
}

func init() {
	// internalBinding('mksnapshot'): this runtime never builds a startup snapshot, so the
	// flag stays 0 and the callbacks (only run while building one) are never invoked.
	bindingMakers["mksnapshot"] = func(l *Lib) *goja.Object {
		b := l.vm.NewObject()
		_ = b.Set("isBuildingSnapshotBuffer", l.newUint8Array(make([]byte, 1)))
		for _, name := range []string{"setSerializeCallback", "setDeserializeCallback", "setDeserializeMainFunction"} {
			_ = b.Set(name, func(goja.Value) {})
		}
		return b
	}
}
