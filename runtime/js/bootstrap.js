// Studio runtime bootstrap: the parts of Node's task queues that must run
// inside JavaScript to keep Node's exact ordering on goja.
//
// goja runs promise jobs only when the outermost Go-to-JS call returns. The
// loop therefore calls every callback through runCallback below: the callback
// and then the whole nextTick queue run inside one outermost call, and goja's
// job drain on return acts as Node's runMicrotasks(). That is precisely
// Node's processTicksAndRejections order: all ticks, then all microtasks,
// repeated (the Go side calls processTicks again while ticks remain).
//
// The function receives `binding` (Go functions) and the process object, and
// returns the functions Go calls.
(function bootstrap(binding, process) {
  'use strict';

  const fatalException = binding.fatalException;
  const takeTick = binding.takeTick;

  // The nextTick queue itself is Go (runtime/ticks.go): a native nextTick
  // receives its arguments without the `arguments` object, which costs goja
  // 4x, and takeTick hands back one callback at a time. A callback that
  // needs arguments comes back already bound to them.
  function drain(cb) {
    while (cb !== undefined) {
      cb();
      cb = takeTick();
    }
  }

  // runTicks runs every queued tick, including ticks queued meanwhile. It
  // returns to Go, where goja then drains the microtask queue. One try
  // around the whole drain keeps the per-tick cost at a plain call.
  function runTicks(first) {
    let cb = first === undefined ? takeTick() : first;
    for (;;) {
      try {
        drain(cb);
        return;
      } catch (err) {
        fatalException(err, 'uncaughtException');
        cb = takeTick();
      }
    }
  }

  // runCallback is the door through which the loop enters JavaScript for
  // every macrotask: timers, immediates, I/O completions and the main module.
  function runCallback(fn, thisArg, args) {
    try {
      if (args === undefined) fn.call(thisArg);
      else fn.apply(thisArg, args);
    } catch (err) {
      fatalException(err, 'uncaughtException');
    }
    const cb = takeTick();
    if (cb !== undefined) runTicks(cb);
  }

  // runTimer and runImmediate call the callback as Node does,
  // timer._onTimeout() and immediate._onImmediate(): a method call, which
  // goja makes without the allocation fn.call costs it.
  function runTimer(timer, args) {
    try {
      if (args === undefined) timer._onTimeout();
      else timer._onTimeout(...args);
    } catch (err) {
      fatalException(err, 'uncaughtException');
    }
    const cb = takeTick();
    if (cb !== undefined) runTicks(cb);
  }

  function runImmediate(immediate, args) {
    try {
      if (args === undefined) immediate._onImmediate();
      else immediate._onImmediate(...args);
    } catch (err) {
      fatalException(err, 'uncaughtException');
    }
    const cb = takeTick();
    if (cb !== undefined) runTicks(cb);
  }

  // queueMicrotask: one job on goja's own job queue, so it interleaves with
  // promise reactions exactly as V8's single microtask queue does.
  const resolved = Promise.resolve();
  const promiseThen = Promise.prototype.then;
  const microtaskInit = binding.microtaskInit;
  const microtaskBefore = binding.microtaskBefore;
  const microtaskAfter = binding.microtaskAfter;
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw binding.invalidArgType('callback', 'function', callback);
    const asyncId = microtaskInit();
    promiseThen.call(resolved, () => {
      const prev = microtaskBefore(asyncId);
      try {
        callback();
      } catch (err) {
        fatalException(err, 'uncaughtException');
      }
      microtaskAfter(asyncId, prev);
    });
  }

  // Unhandled rejections, after lib/internal/process/promises.js in its
  // default mode ('throw'): a rejection still unhandled once the microtask
  // queue has drained emits 'unhandledRejection', or becomes an uncaught
  // exception when nobody listens. A handler added later emits
  // 'rejectionHandled'.
  const maybeUnhandled = new WeakMap();
  const pending = [];
  const asyncHandledRejections = [];

  function onReject(promise, reason) {
    maybeUnhandled.set(promise, { reason, warned: false });
    pending.push(promise);
  }

  function onHandle(promise) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      asyncHandledRejections.push(promise);
      binding.rejectionToWarn();
    }
  }

  // noSideEffectsToString is V8's NoSideEffectsToString, which Node uses
  // for the reason in this message: no getters, no toString calls.
  function noSideEffectsToString(v) {
    if (typeof v === 'symbol') return v.toString();
    if (typeof v === 'function') return Function.prototype.toString.call(v);
    if (v === null || typeof v !== 'object') return String(v);
    if (Array.isArray(v)) return '[object Array]';
    const proto = Object.getPrototypeOf(v);
    const ctor = proto !== null && Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : undefined;
    const name = typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name !== '' ? ctor.name : 'Object';
    return `#<${name}>`;
  }

  function unhandledRejectionError(reason) {
    if (reason instanceof Error) return reason;
    const err = new Error(
      'This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' +
      noSideEffectsToString(reason) + '".');
    err.code = 'ERR_UNHANDLED_REJECTION';
    err.name = 'UnhandledPromiseRejection';
    return err;
  }

  function processRejections() {
    while (asyncHandledRejections.length > 0) {
      const promise = asyncHandledRejections.shift();
      if (!process.emit('rejectionHandled', promise)) {
        // Node prints a warning here; nothing on stdout.
      }
    }
    let len = pending.length;
    while (len--) {
      const promise = pending.shift();
      const info = maybeUnhandled.get(promise);
      if (info === undefined) continue;
      info.warned = true;
      const reason = info.reason;
      let handled = false;
      try {
        handled = process.emit('unhandledRejection', reason, promise);
      } catch (err) {
        fatalException(err, 'uncaughtException');
        continue;
      }
      if (!handled) fatalException(unhandledRejectionError(reason), 'unhandledRejection', reason);
    }
  }

  return { runTicks, runCallback, runTimer, runImmediate, queueMicrotask, onReject, onHandle, processRejections };
})
