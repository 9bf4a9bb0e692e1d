// Package runtime is Studio's JavaScript runtime: one goja VM driven by an
// event loop modelled on libuv and Node.js 20, a worker pool, and the
// async-op records that every Studio view is built from.
//
// # Goroutine contract
//
// A [Runtime] is driven by exactly one goroutine, the loop goroutine: the one
// that calls [Runtime.Run]. Only that goroutine touches the goja.Runtime. Every
// other goroutine (pool workers, network pollers, the debugger, the
// inspector) reaches JavaScript by handing a function to [Runtime.Post] or to
// the completion function returned by [Runtime.Reserve]; the loop runs it
// between callbacks, in its poll phase, as libuv runs completions.
//
// # Ordering
//
// The loop runs libuv's phases in libuv 1.46's order (timers, pending, idle,
// prepare, poll, check, close, then timers again at the end of an
// iteration). Every macrotask enters JavaScript through one trampoline
// (runtime/js/bootstrap.js) so that, as in Node, the whole process.nextTick
// queue runs before the microtask queue after each callback. Timers follow
// lib/internal/timers.js exactly: lists per duration in a priority queue
// ordered by (expiry, list id), Node's 1 ms minimum, and microtasks between
// two timer callbacks.
//
// # Observing
//
// Records are emitted to a [trace.Recorder]. When nobody subscribes, an op
// costs an id and one atomic load. The loop never blocks on an observer;
// a [Hooks] implementation (the debugger, learning mode) may block the loop
// on purpose to pause it.
package runtime
