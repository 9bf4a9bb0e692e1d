package ecma

import (
	"fmt"
	"time"

	"github.com/dop251/goja"
)

// atomicsJS defines SharedArrayBuffer and Atomics. A SharedArrayBuffer is a
// goja ArrayBuffer whose prototype is SharedArrayBuffer.prototype: typed
// arrays accept it (goja checks the internal class), while instanceof and
// Object.prototype.toString see a distinct type, as in node. With a single
// JS thread nothing ever waits, so the operations are plain element reads
// and writes after the specification's validation, and notify wakes no one.
const atomicsJS = `(function (sleepMillis) {
	'use strict';
	const NativeAB = ArrayBuffer;
	const abProto = NativeAB.prototype;
	const abByteLength = Object.getOwnPropertyDescriptor(abProto, 'byteLength').get;
	const abSlice = abProto.slice;
	const TypedArray = Object.getPrototypeOf(Int8Array);
	const taTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
	const taBuffer = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'buffer').get;
	const taLength = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'length').get;
	const shared = new WeakSet();
	const define = (o, name, value, length) => {
		if (length !== undefined) Object.defineProperty(value, 'length', { value: length, configurable: true });
		Object.defineProperty(o, name, { value, writable: true, enumerable: false, configurable: true });
	};
	const toIntegerOrInfinity = (v) => {
		const n = +v;
		if (n !== n || n === 0) return 0;
		if (!isFinite(n)) return n;
		return Math.trunc(n);
	};

	function SharedArrayBuffer(length) {
		if (new.target === undefined) throw new TypeError("Constructor SharedArrayBuffer requires 'new'");
		const options = arguments[1];
		if (options !== null && typeof options === 'object' && options.maxByteLength !== undefined) {
			// goja's ArrayBuffer cannot grow in place.
			throw new TypeError('growable SharedArrayBuffer is not supported');
		}
		const n = toIntegerOrInfinity(length);
		if (n < 0 || n > Number.MAX_SAFE_INTEGER) throw new RangeError('Invalid array buffer length');
		const buf = new NativeAB(n);
		Object.setPrototypeOf(buf, new.target.prototype);
		shared.add(buf);
		return buf;
	}
	const sabProto = SharedArrayBuffer.prototype;
	const checkShared = (self, method) => {
		if (!shared.has(self)) {
			throw new TypeError('Method ' + method + ' called on incompatible receiver ' + describe(self));
		}
	};
	const describe = (v) => {
		if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return String(v);
		const c = v.constructor;
		return '#<' + (c && c.name || 'Object') + '>';
	};
	Object.defineProperty(sabProto, 'byteLength', { get: function byteLength() {
		checkShared(this, 'get SharedArrayBuffer.prototype.byteLength');
		return abByteLength.call(this);
	}, enumerable: false, configurable: true });
	define(sabProto, 'slice', function slice(start, end) {
		checkShared(this, 'SharedArrayBuffer.prototype.slice');
		const len = abByteLength.call(this);
		let first = toIntegerOrInfinity(start);
		first = first < 0 ? Math.max(len + first, 0) : Math.min(first, len);
		let last = end === undefined ? len : toIntegerOrInfinity(end);
		last = last < 0 ? Math.max(len + last, 0) : Math.min(last, len);
		const count = Math.max(last - first, 0);
		const out = new SharedArrayBuffer(count);
		new Uint8Array(out).set(new Uint8Array(this, first, count));
		return out;
	}, 2);
	Object.defineProperty(sabProto, 'maxByteLength', { get: function maxByteLength() {
		checkShared(this, 'get SharedArrayBuffer.prototype.maxByteLength');
		return abByteLength.call(this);
	}, enumerable: false, configurable: true });
	Object.defineProperty(sabProto, 'growable', { get: function growable() {
		checkShared(this, 'get SharedArrayBuffer.prototype.growable');
		return false;
	}, enumerable: false, configurable: true });
	Object.defineProperty(sabProto, Symbol.toStringTag, { value: 'SharedArrayBuffer', configurable: true });
	Object.defineProperty(SharedArrayBuffer, Symbol.species, { get: function () { return this; }, configurable: true });

	// ArrayBuffer's own getters refuse a SharedArrayBuffer, as in V8.
	Object.defineProperty(abProto, 'byteLength', { get: function byteLength() {
		if (shared.has(this)) throw new TypeError('Method get ArrayBuffer.prototype.byteLength called on incompatible receiver ' + describe(this));
		return abByteLength.call(this);
	}, enumerable: false, configurable: true });

	const integerTypes = new Set(['Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array',
		'Uint32Array', 'BigInt64Array', 'BigUint64Array']);
	const tag = (ta) => (ta !== null && typeof ta === 'object') ? taTag.call(ta) : undefined;
	const validateInteger = (ta) => {
		const t = tag(ta);
		if (!integerTypes.has(t)) throw new TypeError(Object.prototype.toString.call(ta) + ' is not an integer typed array.');
		return t;
	};
	const validateWaitable = (ta) => {
		const t = tag(ta);
		if (t !== 'Int32Array' && t !== 'BigInt64Array') {
			throw new TypeError(Object.prototype.toString.call(ta) + ' is not an int32 or BigInt64 typed array.');
		}
		return t;
	};
	const validateIndex = (ta, index) => {
		const i = toIntegerOrInfinity(index);
		if (i < 0 || i >= taLength.call(ta)) throw new RangeError('Invalid atomic access index');
		return i;
	};
	const isBig = (t) => t === 'BigInt64Array' || t === 'BigUint64Array';
	// coerce converts v as the operation's value argument: ToBigInt for
	// BigInt arrays, ToIntegerOrInfinity otherwise.
	const coerce = (t, v) => isBig(t) ? BigInt(typeof v === 'number' ? notNumber(v) : v) : toIntegerOrInfinity(v);
	const notNumber = (v) => { throw new TypeError('Cannot convert ' + v + ' to a BigInt'); };
	const asNumber = (v) => { if (typeof v === 'bigint') throw new TypeError('Cannot convert a BigInt value to a number'); return v; };
	// wrap gives v as the element type holds it, so arithmetic on two
	// wrapped values is exact before the store wraps the result.
	const scratch = {};
	const wrap = (t, v) => {
		const s = scratch[t] || (scratch[t] = new globalThis[t](1));
		s[0] = v;
		return s[0];
	};
	const rmw = (name, op) => {
		define(Atomics, name, {[name](ta, index, value) {
			const t = validateInteger(ta);
			const i = validateIndex(ta, index);
			const v = isBig(t) ? coerce(t, value) : coerce(t, asNumber(value));
			const old = ta[i];
			ta[i] = op(old, wrap(t, v));
			return old;
		}}[name], 3);
	};

	const Atomics = {};
	Object.defineProperty(Atomics, Symbol.toStringTag, { value: 'Atomics', configurable: true });
	define(Atomics, 'load', function load(ta, index) {
		validateInteger(ta);
		return ta[validateIndex(ta, index)];
	}, 2);
	define(Atomics, 'store', function store(ta, index, value) {
		const t = validateInteger(ta);
		const i = validateIndex(ta, index);
		const v = isBig(t) ? coerce(t, value) : coerce(t, asNumber(value));
		ta[i] = v;
		return v;
	}, 3);
	rmw('add', (a, b) => a + b);
	rmw('sub', (a, b) => a - b);
	rmw('and', (a, b) => a & b);
	rmw('or', (a, b) => a | b);
	rmw('xor', (a, b) => a ^ b);
	rmw('exchange', (a, b) => b);
	define(Atomics, 'compareExchange', function compareExchange(ta, index, expected, replacement) {
		const t = validateInteger(ta);
		const i = validateIndex(ta, index);
		const e = wrap(t, isBig(t) ? coerce(t, expected) : coerce(t, asNumber(expected)));
		const r = isBig(t) ? coerce(t, replacement) : coerce(t, asNumber(replacement));
		const old = ta[i];
		if (old === e) ta[i] = r;
		return old;
	}, 4);
	define(Atomics, 'isLockFree', function isLockFree(size) {
		const n = toIntegerOrInfinity(size);
		return n === 1 || n === 2 || n === 4 || n === 8;
	}, 1);
	const waitArgs = (ta, index, value, timeout) => {
		const t = validateWaitable(ta);
		if (!shared.has(taBuffer.call(ta))) throw new TypeError(Object.prototype.toString.call(ta) + ' is not a shared typed array.');
		const i = validateIndex(ta, index);
		const v = wrap(t, isBig(t) ? coerce(t, value) : coerce(t, asNumber(value)));
		let q = timeout === undefined ? Infinity : +timeout;
		q = q !== q ? Infinity : Math.max(q, 0);
		return { i, v, q };
	};
	define(Atomics, 'wait', function wait(ta, index, value, timeout) {
		const { i, v, q } = waitArgs(ta, index, value, timeout);
		if (ta[i] !== v) return 'not-equal';
		if (q === Infinity) {
			// node would block this thread forever: no other thread exists
			// to notify it.
			throw new Error('Atomics.wait would block forever: Studio runs JavaScript on one thread, so nothing can notify');
		}
		sleepMillis(q);
		return 'timed-out';
	}, 4);
	define(Atomics, 'waitAsync', function waitAsync(ta, index, value, timeout) {
		const { i, v, q } = waitArgs(ta, index, value, timeout);
		if (ta[i] !== v) return { async: false, value: 'not-equal' };
		if (q === 0) return { async: false, value: 'timed-out' };
		const value2 = new Promise((resolve) => {
			if (q === Infinity) return;
			// As in node, a pending waitAsync does not keep the process alive.
			const timer = globalThis.setTimeout(() => resolve('timed-out'), q);
			if (timer !== null && typeof timer === 'object' && typeof timer.unref === 'function') timer.unref();
		});
		return { async: true, value: value2 };
	}, 4);
	define(Atomics, 'notify', function notify(ta, index, count) {
		validateWaitable(ta);
		validateIndex(ta, index);
		if (count !== undefined) toIntegerOrInfinity(count);
		return 0;
	}, 3);

	define(globalThis, 'SharedArrayBuffer', SharedArrayBuffer);
	define(globalThis, 'Atomics', Atomics);
})`

func installAtomics(vm *goja.Runtime) error {
	// sleep blocks the loop goroutine, as Atomics.wait blocks node's main
	// thread.
	sleep := func(ms float64) { time.Sleep(time.Duration(ms * float64(time.Millisecond))) }
	_, err := runSetup(vm, "ecma:atomics", atomicsJS, sleep)
	return err
}

// SharedArrayBufferCheck returns a brand check for the SharedArrayBuffers
// Install defines, for code that classifies values (util.types): a
// SharedArrayBuffer is internally a goja ArrayBuffer, so a class test alone
// cannot tell the two apart. Call it on vm's goroutine after Install; the
// returned function must also run there. It holds the getter Install
// defined, so later changes to the global SharedArrayBuffer do not affect it.
func SharedArrayBufferCheck(vm *goja.Runtime) (func(goja.Value) bool, error) {
	v, err := vm.RunString(`Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get`)
	if err != nil {
		return nil, fmt.Errorf("finding the SharedArrayBuffer brand check: %w", err)
	}
	get, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("finding the SharedArrayBuffer brand check: %w", errNotFunction)
	}
	return func(x goja.Value) bool {
		if _, isObj := x.(*goja.Object); !isObj {
			return false
		}
		_, err := get(x)
		return err == nil
	}, nil
}
