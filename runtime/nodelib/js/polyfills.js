// Runs once per runtime before primordials.js, which captures these globals.
// goja has no weak references: a WeakRef here holds its target strongly and a
// FinalizationRegistry never calls back. Both are allowed by the spec (an engine may
// never collect an object), so code written for V8 keeps working.
(function (global) {
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
  for (const [name, value] of [['WeakRef', WeakRef], ['FinalizationRegistry', FinalizationRegistry]]) {
    if (typeof global[name] !== 'function') {
      Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    }
  }
})
