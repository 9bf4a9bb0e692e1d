// Studio runtime: the 'timers' and 'timers/promises' modules, after
// lib/timers.js and lib/timers/promises.js of Node 20. The timer primitives
// themselves are Go (runtime/timers.go); this file only composes them.
(function setupTimersModules(global, binding) {
  'use strict';

  const { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate } = global;
  const invalidArgType = binding.invalidArgType;

  class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }

  function validateOptions(options) {
    if (options == null || typeof options !== 'object') return invalidArgType('options', 'Object', options);
    const { signal, ref = true } = options;
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      return invalidArgType('options.signal', 'AbortSignal', signal);
    }
    if (typeof ref !== 'boolean') return invalidArgType('options.ref', 'boolean', ref);
    return null;
  }

  function abortable(options, start, cancel) {
    const err = validateOptions(options);
    if (err !== null) return Promise.reject(err);
    const { signal, ref = true } = options;
    if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    let oncancel;
    const ret = new Promise((resolve, reject) => {
      const handle = start(resolve);
      if (!ref) handle.unref();
      if (signal) {
        oncancel = () => {
          cancel(handle);
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', oncancel);
      }
    });
    return oncancel !== undefined ?
      ret.finally(() => signal.removeEventListener('abort', oncancel)) :
      ret;
  }

  function setTimeoutPromise(after, value, options = {}) {
    return abortable(options, (resolve) => setTimeout(resolve, after, value), clearTimeout);
  }

  function setImmediatePromise(value, options = {}) {
    return abortable(options, (resolve) => setImmediate(resolve, value), clearImmediate);
  }

  // setInterval as an async iterator: each tick of the interval resolves
  // one pending next(), or is counted until the consumer asks.
  function setIntervalPromise(after, value, options = {}) {
    const err = validateOptions(options);
    if (err !== null) throw err;
    const { signal, ref = true } = options;
    let notYielded = 0;
    let waiting = null;
    let done = false;
    let aborted = signal?.aborted ?? false;
    const interval = aborted ? null : setInterval(() => {
      notYielded++;
      if (waiting !== null) {
        const w = waiting;
        waiting = null;
        w.resolve();
      }
    }, after);
    if (interval !== null && !ref) interval.unref();
    let onabort;
    if (signal && !aborted) {
      onabort = () => {
        aborted = true;
        clearInterval(interval);
        if (waiting !== null) {
          const w = waiting;
          waiting = null;
          w.reject(new AbortError(undefined, { cause: signal.reason }));
        }
      };
      signal.addEventListener('abort', onabort, { once: true });
    }
    function finish() {
      done = true;
      if (interval !== null) clearInterval(interval);
      if (onabort) signal.removeEventListener('abort', onabort);
    }
    const iterator = {
      async next() {
        if (done) return { value: undefined, done: true };
        if (aborted) {
          finish();
          throw new AbortError(undefined, { cause: signal.reason });
        }
        if (notYielded === 0) {
          await new Promise((resolve, reject) => { waiting = { resolve, reject }; });
        }
        if (done) return { value: undefined, done: true };
        notYielded--;
        return { value, done: false };
      },
      async return() {
        finish();
        if (waiting !== null) {
          const w = waiting;
          waiting = null;
          w.resolve();
        }
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() { return this; },
    };
    return iterator;
  }

  const scheduler = {
    wait(delay, options) { return setTimeoutPromise(delay, undefined, options); },
    yield() { return setImmediatePromise(); },
  };

  const promises = {
    setTimeout: setTimeoutPromise,
    setImmediate: setImmediatePromise,
    setInterval: setIntervalPromise,
    scheduler,
  };

  const custom = Symbol.for('nodejs.util.promisify.custom');
  Object.defineProperty(setTimeout, custom, { value: setTimeoutPromise, enumerable: false, configurable: true, writable: true });
  Object.defineProperty(setImmediate, custom, { value: setImmediatePromise, enumerable: false, configurable: true, writable: true });

  const timers = {
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    setImmediate,
    clearImmediate,
  };
  Object.defineProperty(timers, 'promises', { enumerable: true, configurable: true, get() { return promises; } });

  return { timers, promises };
})
