package ecma

import (
	"errors"

	"github.com/dop251/goja"
)

// regexpJS replaces the global RegExp with a constructor that translates
// property escapes first. The original prototype stays, with its
// constructor pointing at the new function, so instanceof, literals'
// .constructor, Symbol.species and subclassing all see one RegExp. A
// translated regexp reports its original source, as node does.
const regexpJS = `(function (translate) {
	'use strict';
	const Native = globalThis.RegExp;
	const proto = Native.prototype;
	const originals = new WeakMap();
	const nativeSource = Object.getOwnPropertyDescriptor(proto, 'source').get;
	const nativeFlags = Object.getOwnPropertyDescriptor(proto, 'flags').get;
	const isRegExp = (v) => v !== null && typeof v === 'object' && v[Symbol.match] !== undefined ? !!v[Symbol.match] : (v instanceof Native);
	function RegExp(pattern, flags) {
		let src = pattern, fl = flags;
		const patternIsRegExp = isRegExp(pattern);
		if (new.target === undefined) {
			if (patternIsRegExp && flags === undefined && pattern.constructor === RegExp) return pattern;
		}
		if (patternIsRegExp && typeof pattern === 'object' && originals.has(pattern)) {
			src = originals.get(pattern).source;
			if (fl === undefined) fl = originals.get(pattern).flags;
		} else if (patternIsRegExp) {
			return Reflect.construct(Native, [pattern, flags], new.target || RegExp);
		}
		const s = src === undefined ? '' : String(src);
		const f = fl === undefined ? '' : String(fl);
		const [t, tf] = translate(s, f);
		const re = Reflect.construct(Native, [t, tf], new.target || RegExp);
		if (t !== s || tf !== f) originals.set(re, { source: s, flags: f });
		return re;
	}
	Object.defineProperty(RegExp, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
	Object.defineProperty(proto, 'constructor', { value: RegExp, writable: true, enumerable: false, configurable: true });
	for (const key of Reflect.ownKeys(Native)) {
		if (key === 'prototype' || key === 'length' || key === 'name') continue;
		Object.defineProperty(RegExp, key, Object.getOwnPropertyDescriptor(Native, key));
	}
	Object.defineProperty(proto, 'source', { get: function source() {
		if (originals.has(this)) return originals.get(this).source;
		return nativeSource.call(this);
	}, enumerable: false, configurable: true });
	// A v-flag regexp runs as a u-flag one; its flags read as written.
	const order = 'dgimsuvy';
	Object.defineProperty(proto, 'flags', { get: function flags() {
		if (originals.has(this)) return [...originals.get(this).flags].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('');
		return nativeFlags.call(this);
	}, enumerable: false, configurable: true });
	const nativeUnicode = Object.getOwnPropertyDescriptor(proto, 'unicode').get;
	Object.defineProperty(proto, 'unicode', { get: function unicode() {
		if (originals.has(this)) return originals.get(this).flags.includes('u');
		return nativeUnicode.call(this);
	}, enumerable: false, configurable: true });
	Object.defineProperty(proto, 'unicodeSets', { get: function unicodeSets() {
		if (originals.has(this)) return originals.get(this).flags.includes('v');
		if (this === proto) return undefined;
		nativeUnicode.call(this); // throws TypeError for a non-RegExp
		return false;
	}, enumerable: false, configurable: true });
	// goja's toString reads the internal source; the specification's reads
	// the source and flags properties.
	Object.defineProperty(proto, 'toString', { value: {toString() {
		if (this === null || typeof this !== 'object') {
			throw new TypeError('RegExp.prototype.toString requires that \'this\' be an Object');
		}
		return '/' + String(this.source) + '/' + String(this.flags);
	}}.toString, writable: true, enumerable: false, configurable: true });
	Object.defineProperty(globalThis, 'RegExp', { value: RegExp, writable: true, enumerable: false, configurable: true });
})`

func installRegExp(vm *goja.Runtime) error {
	syntaxError := vm.Get("SyntaxError")
	translate := func(call goja.FunctionCall) goja.Value {
		pattern, flags := call.Argument(0).String(), call.Argument(1).String()
		out, outFlags, err := TranslateFlags(pattern, flags)
		if err != nil {
			msg := "Invalid regular expression: /" + pattern + "/" + flags + ": Invalid property name"
			switch {
			case errors.Is(err, errSetOp):
				msg = "Invalid regular expression: /" + pattern + "/" + flags + ": Invalid set operation in character class"
			case errors.Is(err, errClassSyntax):
				msg = "Invalid regular expression: /" + pattern + "/" + flags + ": Invalid character in character class"
			case errors.Is(err, ErrClassSet):
				msg = "Invalid regular expression: /" + pattern + "/" + flags + ": \\q{...} is not supported"
			case !errors.Is(err, ErrPropertyName):
				msg = err.Error()
			}
			obj, cerr := vm.New(syntaxError, vm.ToValue(msg))
			if cerr != nil {
				panic(cerr)
			}
			panic(obj)
		}
		return vm.ToValue([]string{out, outFlags})
	}
	_, err := runSetup(vm, "ecma:regexp", regexpJS, translate)
	return err
}
