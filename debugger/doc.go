// Package debugger will be Studio's debugger engine: source instrumentation,
// breakpoints, stepping, scopes, evaluation and async stack traces, as one
// thread-safe Go API over runtime. It is built by issue 4 on the runtime's
// Hooks (pause points between callbacks and at phase boundaries) and its
// async-op records; it imports runtime and nothing above it.
package debugger
