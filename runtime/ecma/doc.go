// Package ecma adds the ECMAScript built-ins goja lacks and Node programs use:
//
//   - Intl: NumberFormat (decimal, percent, currency, en units, compact),
//     DateTimeFormat (en-US patterns, IANA zones), Collator, PluralRules,
//     RelativeTimeFormat and ListFormat (en), Segmenter (graphemes), Locale,
//     DisplayNames (language, region, script), getCanonicalLocales, and the
//     toLocaleString family of Number, BigInt, Date and String that uses them.
//     Locale data comes from golang.org/x/text (CLDR); where x/text has none
//     (date, list and relative-time patterns, unit patterns, grapheme break
//     classes) the data was recorded from node v20's ICU by the gen_*.js
//     scripts, and other locales resolve to en-US, as ECMA-402 does for a
//     locale it lacks.
//   - Unicode property escapes (\p{...}, \P{...}) in regular expressions:
//     [TranslatePattern] turns them into explicit ranges, and a RegExp
//     constructor that applies it replaces goja's.
//   - SharedArrayBuffer and Atomics.
//
// Call [Install] once per goja.Runtime, before anything copies the globals
// (Node's primordials do, so before Node's library loads).
//
// Goroutine contract: Install and every function it defines run on the
// goroutine that owns the goja.Runtime (the loop goroutine); nothing here
// starts a goroutine or keeps the runtime for use elsewhere. Atomics.wait
// with a timeout sleeps on that goroutine, as it blocks node's main thread.
// [TranslatePattern] is pure and safe from any goroutine.
//
// JavaScript here is single-threaded (Studio has no worker_threads), so a
// SharedArrayBuffer is never shared and the Atomics operations are plain
// reads and writes after the specification's argument checks.
package ecma
