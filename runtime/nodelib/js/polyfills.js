// Runs once per runtime before primordials.js, which captures these globals.
// goja has no weak references: a WeakRef here holds its target strongly and a
// FinalizationRegistry never calls back. Both are allowed by the spec (an engine may
// never collect an object), so code written for V8 keeps working.
(function (global, captureConstructed, isWellFormed, toWellFormed) {
  'use strict';
  const targets = new WeakMap();
  class WeakRef {
    constructor(target) {
      if ((typeof target !== 'object' || target === null) && typeof target !== 'function') {
        throw new TypeError('WeakRef: target must be an object');
      }
      targets.set(this, target);
    }
    deref() {
      if (!targets.has(this)) throw new TypeError('WeakRef.prototype.deref: receiver is not a WeakRef');
      return targets.get(this);
    }
  }
  Object.defineProperty(WeakRef.prototype, Symbol.toStringTag, { value: 'WeakRef', configurable: true });
  const registries = new WeakSet();
  class FinalizationRegistry {
    constructor(cleanup) {
      if (typeof cleanup !== 'function') {
        throw new TypeError('FinalizationRegistry: cleanup must be callable');
      }
      registries.add(this);
    }
    register(target, heldValue, unregisterToken) {
      if (!registries.has(this)) throw new TypeError('FinalizationRegistry.prototype.register: receiver is not a FinalizationRegistry');
      if ((typeof target !== 'object' || target === null) && typeof target !== 'function') {
        throw new TypeError('FinalizationRegistry.prototype.register: target must be an object');
      }
    }
    unregister(unregisterToken) {
      if (!registries.has(this)) throw new TypeError('FinalizationRegistry.prototype.unregister: receiver is not a FinalizationRegistry');
      return false;
    }
  }
  Object.defineProperty(FinalizationRegistry.prototype, Symbol.toStringTag, { value: 'FinalizationRegistry', configurable: true });
  // ES2018+ pieces goja lacks that node's lib captures in primordials.
  if (typeof Symbol.asyncIterator !== 'symbol') {
    Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol('Symbol.asyncIterator') });
  }
  const method = (obj, name, fn) => {
    if (typeof obj[name] !== 'function') {
      Object.defineProperty(obj, name, { value: fn, writable: true, configurable: true, enumerable: false });
    }
  };
  method(String.prototype, 'isWellFormed', {
    isWellFormed() {
      if (this == null) throw new TypeError('String.prototype.isWellFormed called on null or undefined');
      return isWellFormed(`${this}`);
    },
  }.isWellFormed);
  method(String.prototype, 'toWellFormed', {
    toWellFormed() {
      if (this == null) throw new TypeError('String.prototype.toWellFormed called on null or undefined');
      return toWellFormed(`${this}`);
    },
  }.toWellFormed);
  // goja has no RegExp `d` flag, so no regexp it creates has indices.
  if (!Object.getOwnPropertyDescriptor(RegExp.prototype, 'hasIndices')) {
    Object.defineProperty(RegExp.prototype, 'hasIndices', {
      configurable: true,
      enumerable: false,
      get: Object.getOwnPropertyDescriptor({ get hasIndices() {
        if (this === RegExp.prototype) return undefined;
        if (Object.prototype.toString.call(this) !== '[object RegExp]') {
          throw new TypeError('RegExp.prototype.hasIndices getter called on non-RegExp');
        }
        return false;
      } }, 'hasIndices').get,
    });
  }
  // V8-style `stack` for errors made by JS: each error constructor becomes a Proxy whose
  // construct/apply traps record the stack with Error.captureStackTrace (V8's format, frames
  // captured now, header rendered on first read). The original constructor stays the target,
  // so errors goja throws itself are still instances, and prototype.constructor points back
  // to the proxy so `err.constructor === TypeError` holds.
  const wrappedToOriginal = new Map();
  const hasInstance = Function.prototype[Symbol.hasInstance];
  for (const name of ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError']) {
    const Original = global[name];
    if (typeof Original !== 'function') continue;
    const handler = {
      construct(target, args, newTarget) {
        const err = Reflect.construct(target, args, newTarget);
        captureConstructed(err);
        return err;
      },
      apply(target, thisArg, args) {
        const err = Reflect.construct(target, args);
        captureConstructed(err);
        return err;
      },
    };
    const Wrapped = new Proxy(Original, handler);
    // goja's instanceof rejects a Proxy as the right-hand side unless it finds a
    // Symbol.hasInstance method, so give the original one that checks against itself (and
    // against a subclass when inherited by one).
    Object.defineProperty(Original, Symbol.hasInstance, {
      value: { [Symbol.hasInstance](value) {
        return hasInstance.call(this === Wrapped ? Original : this, value);
      } }[Symbol.hasInstance],
      writable: false, enumerable: false, configurable: true,
    });
    Object.defineProperty(Original.prototype, 'constructor', { value: Wrapped, writable: true, enumerable: false, configurable: true });
    Object.defineProperty(global, name, { value: Wrapped, writable: true, enumerable: false, configurable: true });
    wrappedToOriginal.set(Wrapped, Original);
  }
  // Source text of a wrapped constructor is the original's ("function Error() { [native code] }").
  const functionToString = Function.prototype.toString;
  Object.defineProperty(Function.prototype, 'toString', {
    value: { toString() {
      return functionToString.call(wrappedToOriginal.get(this) ?? this);
    } }.toString,
    writable: true, enumerable: false, configurable: true,
  });
  for (const [name, value] of [['WeakRef', WeakRef], ['FinalizationRegistry', FinalizationRegistry]]) {
    if (typeof global[name] !== 'function') {
      Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    }
  }
})
