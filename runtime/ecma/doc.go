// Package ecma adds the ECMAScript built-ins goja lacks and Node programs use:
// Intl (NumberFormat, DateTimeFormat, Collator, PluralRules,
// RelativeTimeFormat, ListFormat and the toLocaleString family),
// Unicode property escapes (\p{...}, \P{...}) in regular expressions, and
// SharedArrayBuffer with Atomics.
//
// Call [Install] once per goja.Runtime, before anything copies the globals
// (Node's primordials do, so before Node's library loads).
//
// Goroutine contract: Install and every function it defines run on the
// goroutine that owns the goja.Runtime (the loop goroutine); nothing here
// starts a goroutine or keeps the runtime for use elsewhere. [TranslatePattern]
// is pure and safe from any goroutine.
//
// JavaScript here is single-threaded (Studio has no worker_threads), so a
// SharedArrayBuffer is never shared and the Atomics operations are plain
// reads and writes with the specification's argument checks.
package ecma
