"use strict";
var __knownSymbol = (name, symbol) => (symbol = Symbol[name]) ? symbol : /* @__PURE__ */ Symbol.for("Symbol." + name);
var __await = function(promise, isYieldStar) {
  this[0] = promise;
  this[1] = isYieldStar;
};
var __asyncGenerator = (__this, __arguments, generator) => {
  var resume = (k, v, yes, no) => {
    try {
      var x = generator[k](v), isAwait = (v = x.value) instanceof __await, done = x.done;
      Promise.resolve(isAwait ? v[0] : v).then((y) => isAwait ? resume(k === "return" ? k : "next", v[1] ? { done: y.done, value: y.value } : y, yes, no) : yes({ value: y, done })).catch((e) => resume("throw", e, yes, no));
    } catch (e) {
      no(e);
    }
  }, method = (k, call, wait, clear) => it[k] = (x) => (call = new Promise((yes, no, run) => (run = () => resume(k, x, yes, no), q ? q.then(run) : run())), clear = () => q === wait && (q = 0), q = wait = call.then(clear, clear), call), q, it = {};
  return generator = generator.apply(__this, __arguments), it[__knownSymbol("asyncIterator")] = () => it, method("next"), method("throw"), method("return"), it;
};
const {
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Symbol
} = primordials;
const {
  AbortError,
  UVException,
  codes: {
    ERR_INVALID_ARG_VALUE
  }
} = require("internal/errors");
const {
  createDeferredPromise,
  kEmptyObject
} = require("internal/util");
const {
  kFsStatsFieldsNumber,
  StatWatcher: _StatWatcher
} = internalBinding("fs");
const { FSEvent } = internalBinding("fs_event_wrap");
const { UV_ENOSPC } = internalBinding("uv");
const { EventEmitter } = require("events");
const {
  getStatsFromBinding,
  getValidatedPath
} = require("internal/fs/utils");
const defaultTriggerAsyncIdScope = (asyncId, fn, ...args) => fn(...args);
const { owner_symbol } = internalBinding("symbols");
const { toNamespacedPath } = require("path");
const {
  validateAbortSignal,
  validateBoolean,
  validateObject,
  validateUint32
} = require("internal/validators");
const {
  Buffer: {
    isEncoding
  }
} = require("buffer");
const assert = require("internal/assert");
const kOldStatus = Symbol("kOldStatus");
const kUseBigint = Symbol("kUseBigint");
const kFSWatchStart = Symbol("kFSWatchStart");
const kFSStatWatcherStart = Symbol("kFSStatWatcherStart");
const KFSStatWatcherRefCount = Symbol("KFSStatWatcherRefCount");
const KFSStatWatcherMaxRefCount = Symbol("KFSStatWatcherMaxRefCount");
const kFSStatWatcherAddOrCleanRef = Symbol("kFSStatWatcherAddOrCleanRef");
function emitStop(self) {
  self.emit("stop");
}
function StatWatcher(bigint) {
  FunctionPrototypeCall(EventEmitter, this);
  this._handle = null;
  this[kOldStatus] = -1;
  this[kUseBigint] = bigint;
  this[KFSStatWatcherRefCount] = 1;
  this[KFSStatWatcherMaxRefCount] = 1;
}
ObjectSetPrototypeOf(StatWatcher.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(StatWatcher, EventEmitter);
function onchange(newStatus, stats) {
  const self = this[owner_symbol];
  if (self[kOldStatus] === -1 && newStatus === -1 && stats[
    2
    /* new nlink */
  ] === stats[
    16
    /* old nlink */
  ]) {
    return;
  }
  self[kOldStatus] = newStatus;
  self.emit(
    "change",
    getStatsFromBinding(stats),
    getStatsFromBinding(stats, kFsStatsFieldsNumber)
  );
}
StatWatcher.prototype[kFSStatWatcherStart] = function(filename, persistent, interval) {
  if (this._handle !== null)
    return;
  this._handle = new _StatWatcher(this[kUseBigint]);
  this._handle[owner_symbol] = this;
  this._handle.onchange = onchange;
  if (!persistent)
    this.unref();
  this[kOldStatus] = -1;
  filename = getValidatedPath(filename, "filename");
  validateUint32(interval, "interval");
  const err = this._handle.start(toNamespacedPath(filename), interval);
  if (err) {
    const error = new UVException({
      errno: err,
      syscall: "watch",
      path: filename
    });
    error.filename = filename;
    throw error;
  }
};
StatWatcher.prototype.start = () => {
};
StatWatcher.prototype.stop = function() {
  if (this._handle === null)
    return;
  defaultTriggerAsyncIdScope(
    this._handle.getAsyncId(),
    process.nextTick,
    emitStop,
    this
  );
  this._handle.close();
  this._handle = null;
};
StatWatcher.prototype[kFSStatWatcherAddOrCleanRef] = function(operate) {
  if (operate === "add") {
    this[KFSStatWatcherRefCount]++;
    this[KFSStatWatcherMaxRefCount]++;
  } else if (operate === "clean") {
    this[KFSStatWatcherMaxRefCount]--;
    this.unref();
  } else if (operate === "cleanAll") {
    this[KFSStatWatcherMaxRefCount] = 0;
    this[KFSStatWatcherRefCount] = 0;
    this._handle?.unref();
  }
};
StatWatcher.prototype.ref = function() {
  if (this[KFSStatWatcherRefCount] === this[KFSStatWatcherMaxRefCount])
    return this;
  if (this._handle && this[KFSStatWatcherRefCount]++ === 0)
    this._handle.ref();
  return this;
};
StatWatcher.prototype.unref = function() {
  if (this[KFSStatWatcherRefCount] === 0) return this;
  if (this._handle && --this[KFSStatWatcherRefCount] === 0)
    this._handle.unref();
  return this;
};
function FSWatcher() {
  FunctionPrototypeCall(EventEmitter, this);
  this._handle = new FSEvent();
  this._handle[owner_symbol] = this;
  this._handle.onchange = (status, eventType, filename) => {
    if (status < 0) {
      if (this._handle !== null) {
        this._handle.close();
        this._handle = null;
      }
      const error = new UVException({
        errno: status,
        syscall: "watch",
        path: filename
      });
      error.filename = filename;
      this.emit("error", error);
    } else {
      this.emit("change", eventType, filename);
    }
  };
}
ObjectSetPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(FSWatcher, EventEmitter);
FSWatcher.prototype[kFSWatchStart] = function(filename, persistent, recursive, encoding) {
  if (this._handle === null) {
    return;
  }
  assert(this._handle instanceof FSEvent, "handle must be a FSEvent");
  if (this._handle.initialized) {
    return;
  }
  filename = getValidatedPath(filename, "filename");
  const err = this._handle.start(
    toNamespacedPath(filename),
    persistent,
    recursive,
    encoding
  );
  if (err) {
    const error = new UVException({
      errno: err,
      syscall: "watch",
      path: filename,
      message: err === UV_ENOSPC ? "System limit for number of file watchers reached" : ""
    });
    error.filename = filename;
    throw error;
  }
};
FSWatcher.prototype.start = () => {
};
FSWatcher.prototype.close = function() {
  if (this._handle === null) {
    return;
  }
  assert(this._handle instanceof FSEvent, "handle must be a FSEvent");
  if (!this._handle.initialized) {
    return;
  }
  this._handle.close();
  this._handle = null;
  process.nextTick(emitCloseNT, this);
};
FSWatcher.prototype.ref = function() {
  if (this._handle) this._handle.ref();
  return this;
};
FSWatcher.prototype.unref = function() {
  if (this._handle) this._handle.unref();
  return this;
};
function emitCloseNT(self) {
  self.emit("close");
}
ObjectDefineProperty(FSEvent.prototype, "owner", {
  __proto__: null,
  get() {
    return this[owner_symbol];
  },
  set(v) {
    return this[owner_symbol] = v;
  }
});
let kResistStopPropagation;
function watch(_0) {
  return __asyncGenerator(this, arguments, function* (filename, options = kEmptyObject) {
    const path = toNamespacedPath(getValidatedPath(filename));
    validateObject(options, "options");
    const {
      persistent = true,
      recursive = false,
      encoding = "utf8",
      signal
    } = options;
    validateBoolean(persistent, "options.persistent");
    validateBoolean(recursive, "options.recursive");
    validateAbortSignal(signal, "options.signal");
    if (encoding && !isEncoding(encoding)) {
      const reason = "is invalid encoding";
      throw new ERR_INVALID_ARG_VALUE(encoding, "encoding", reason);
    }
    if (signal?.aborted)
      throw new AbortError(void 0, { cause: signal?.reason });
    const handle = new FSEvent();
    let { promise, resolve, reject } = createDeferredPromise();
    const oncancel = () => {
      handle.close();
      reject(new AbortError(void 0, { cause: signal?.reason }));
    };
    try {
      if (signal) {
        kResistStopPropagation ??= require("internal/event_target").kResistStopPropagation;
        signal.addEventListener("abort", oncancel, { __proto__: null, once: true, [kResistStopPropagation]: true });
      }
      handle.onchange = (status, eventType, filename2) => {
        if (status < 0) {
          const error = new UVException({
            errno: status,
            syscall: "watch",
            path: filename2
          });
          error.filename = filename2;
          handle.close();
          reject(error);
          return;
        }
        resolve({ eventType, filename: filename2 });
      };
      const err = handle.start(path, persistent, recursive, encoding);
      if (err) {
        const error = new UVException({
          errno: err,
          syscall: "watch",
          path: filename,
          message: err === UV_ENOSPC ? "System limit for number of file watchers reached" : ""
        });
        error.filename = filename;
        handle.close();
        throw error;
      }
      while (!signal?.aborted) {
        yield yield new __await(promise);
        ({ promise, resolve, reject } = createDeferredPromise());
      }
      throw new AbortError(void 0, { cause: signal?.reason });
    } finally {
      handle.close();
      signal?.removeEventListener("abort", oncancel);
    }
  });
}
module.exports = {
  FSWatcher,
  StatWatcher,
  kFSWatchStart,
  kFSStatWatcherStart,
  kFSStatWatcherAddOrCleanRef,
  watch
};
