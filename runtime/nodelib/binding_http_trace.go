package nodelib

import (
	"strings"

	"github.com/dop251/goja"
)

// internalBinding('http_trace') is nodelib's own: node's http server and client (patched by
// internal/gen) report each exchange through it to the host's HTTPTracer, for
// `studio run --otlp`. Without an HTTPTracer host, on() is false and nothing else is called.
//
//	on() -> bool
//	serverStart(method, url, traceparent, host) -> key   (0: not recorded)
//	clientStart(method, host, port, path, protocol) -> [key, traceparent header] (undefined: not recorded)
//	end(key, statusCode, errCode)
func init() {
	bindingMakers["http_trace"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		tr, _ := l.opts.Host.(HTTPTracer)
		_ = b.Set("on", func(goja.FunctionCall) goja.Value {
			return vm.ToValue(tr != nil && tr.HTTPTracing())
		})
		_ = b.Set("serverStart", func(call goja.FunctionCall) goja.Value {
			if tr == nil {
				return vm.ToValue(0)
			}
			header := func(i int) string {
				if v := call.Argument(i); !goja.IsUndefined(v) && !goja.IsNull(v) {
					return v.String()
				}
				return ""
			}
			return vm.ToValue(tr.HTTPServerStart(call.Argument(0).String(), call.Argument(1).String(), header(2), header(3)))
		})
		_ = b.Set("clientStart", func(call goja.FunctionCall) goja.Value {
			if tr == nil {
				return goja.Undefined()
			}
			// protocol as node spells it, "http:" or "https:"
			scheme := strings.TrimSuffix(call.Argument(4).String(), ":")
			if scheme != "https" {
				scheme = "http"
			}
			key, header := tr.HTTPClientStart(call.Argument(0).String(), scheme, call.Argument(1).String(),
				int(call.Argument(2).ToInteger()), call.Argument(3).String())
			if key == 0 {
				return goja.Undefined()
			}
			return vm.NewArray(key, header)
		})
		_ = b.Set("end", func(call goja.FunctionCall) goja.Value {
			if tr != nil {
				errCode := ""
				if v := call.Argument(2); !goja.IsUndefined(v) && !goja.IsNull(v) {
					errCode = v.String()
				}
				tr.HTTPEnd(uint64(call.Argument(0).ToInteger()), int(call.Argument(1).ToInteger()), errCode)
			}
			return goja.Undefined()
		})
		return b
	}
}
