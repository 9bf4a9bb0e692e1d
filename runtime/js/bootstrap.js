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
// The function receives `binding` (Go functions and a shared Float64Array of
// fields) and the process object, and returns the functions Go calls.
(function bootstrap(binding, process) {
  'use strict';

  const fields = binding.fields;
  // Indexes into fields; keep in sync with fieldX constants in runtime/ticks.go.
  const kAsyncIdCounter = 0;
  const kExecutionAsyncId = 1;
  const kTriggerAsyncId = 2;
  const kHasTickScheduled = 3;
  const kHasRejectionToWarn = 4;
  const kTracing = 5;
  const kExiting = 6;

  const traceInit = binding.traceInit;
  const traceBefore = binding.traceBefore;
  const traceAfter = binding.traceAfter;
  const fatalException = binding.fatalException;

  // A growable ring buffer: Node's FixedQueue keeps ticks in 2048-slot
  // circular arrays; one array with head/tail indexes does the same job here
  // without the per-push allocation of Array.prototype.shift.
  let ring = new Array(2048);
  let head = 0;
  let tail = 0;
  let mask = 2047;

  function push(tick) {
    ring[tail] = tick;
    tail = (tail + 1) & mask;
    if (tail === head) grow();
  }

  function grow() {
    const old = ring;
    const n = old.length;
    const next = new Array(n * 2);
    // head === tail: the ring is full; unroll it from head.
    for (let i = 0; i < n; i++) next[i] = old[(head + i) & mask];
    ring = next;
    head = 0;
    tail = n;
    mask = n * 2 - 1;
  }

  function invalidCallback(value) {
    return binding.invalidArgType('callback', 'function', value);
  }

  function nextTick(callback) {
    if (typeof callback !== 'function') throw invalidCallback(callback);
    if (fields[kExiting] !== 0) return;
    let args;
    switch (arguments.length) {
      case 1: break;
      case 2: args = [arguments[1]]; break;
      case 3: args = [arguments[1], arguments[2]]; break;
      case 4: args = [arguments[1], arguments[2], arguments[3]]; break;
      default:
        args = new Array(arguments.length - 1);
        for (let i = 1; i < arguments.length; i++) args[i - 1] = arguments[i];
    }
    const asyncId = ++fields[kAsyncIdCounter];
    const triggerAsyncId = fields[kExecutionAsyncId];
    if (head === tail) fields[kHasTickScheduled] = 1;
    push({ asyncId, triggerAsyncId, callback, args });
    if (fields[kTracing] !== 0) traceInit(asyncId, 'TickObject', triggerAsyncId);
  }

  // runTicks runs every queued tick, including ticks queued meanwhile. It
  // returns to Go, where goja then drains the microtask queue.
  function runTicks() {
    while (head !== tail) {
      const tock = ring[head];
      ring[head] = undefined;
      head = (head + 1) & mask;
      const prevExec = fields[kExecutionAsyncId];
      const prevTrigger = fields[kTriggerAsyncId];
      fields[kExecutionAsyncId] = tock.asyncId;
      fields[kTriggerAsyncId] = tock.triggerAsyncId;
      const tracing = fields[kTracing] !== 0;
      if (tracing) traceBefore(tock.asyncId);
      try {
        const args = tock.args;
        if (args === undefined) {
          tock.callback();
        } else {
          switch (args.length) {
            case 1: tock.callback(args[0]); break;
            case 2: tock.callback(args[0], args[1]); break;
            case 3: tock.callback(args[0], args[1], args[2]); break;
            default: tock.callback(...args);
          }
        }
      } catch (err) {
        fatalException(err, 'uncaughtException');
      }
      if (tracing) traceAfter(tock.asyncId);
      fields[kExecutionAsyncId] = prevExec;
      fields[kTriggerAsyncId] = prevTrigger;
    }
    fields[kHasTickScheduled] = 0;
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
    if (head !== tail) runTicks();
  }

  // queueMicrotask: one job on goja's own job queue, so it interleaves with
  // promise reactions exactly as V8's single microtask queue does.
  const resolved = Promise.resolve();
  const promiseThen = Promise.prototype.then;
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw invalidCallback(callback);
    const asyncId = ++fields[kAsyncIdCounter];
    const triggerAsyncId = fields[kExecutionAsyncId];
    if (fields[kTracing] !== 0) traceInit(asyncId, 'Microtask', triggerAsyncId);
    promiseThen.call(resolved, () => {
      const prevExec = fields[kExecutionAsyncId];
      fields[kExecutionAsyncId] = asyncId;
      const tracing = fields[kTracing] !== 0;
      if (tracing) traceBefore(asyncId);
      try {
        callback();
      } catch (err) {
        fatalException(err, 'uncaughtException');
      }
      if (tracing) traceAfter(asyncId);
      fields[kExecutionAsyncId] = prevExec;
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
    fields[kHasRejectionToWarn] = 1;
  }

  function onHandle(promise) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      asyncHandledRejections.push(promise);
      fields[kHasRejectionToWarn] = 1;
    }
  }

  function unhandledRejectionError(reason) {
    if (reason instanceof Error) return reason;
    const err = new Error(
      'This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' +
      binding.inspect(reason) + '".');
    err.code = 'ERR_UNHANDLED_REJECTION';
    err.name = 'UnhandledPromiseRejection';
    return err;
  }

  function processRejections() {
    fields[kHasRejectionToWarn] = 0;
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

  return { nextTick, runTicks, runCallback, queueMicrotask, onReject, onHandle, processRejections };
})
