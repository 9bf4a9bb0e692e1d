// Package debugger is Studio's debugger engine: breakpoints, stepping,
// scopes, evaluation, async stack traces and the event loop's state at a
// pause, as one thread-safe Go API over the runtime.
//
// goja has no debugger hooks, so the engine instruments every file the
// runtime loads (package instrument: a hook before each statement, lines
// kept). Pass a Debugger to runtime.Options as both Debug and Hooks. A
// program runs at near full speed until something arms a hook: a
// breakpoint arms its statement, a step arms every statement until it
// stops, a pause request is seen by the next statement (and by busy loops,
// which poll a counter).
//
// Goroutine contract: the hooks run on the runtime's loop goroutine, and a
// pause blocks that goroutine inside the hook (run-to-completion holds;
// worker-pool jobs and network I/O keep completing and queue up). Every
// exported method may be called from any goroutine: commands that need the
// VM (Evaluate, GetProperties, SetVariable, the steps) run on the paused
// loop goroutine and wait for it; breakpoint changes reach the loop between
// callbacks or at a busy loop's poll. Events go to Subscriptions, which
// queue without bound: the loop never waits for an observer. The engine
// starts one goroutine (the async-record reader), which ends with Run's
// context.
package debugger
