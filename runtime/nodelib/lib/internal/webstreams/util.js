"use strict";
var __knownSymbol = (name, symbol) => (symbol = Symbol[name]) ? symbol : /* @__PURE__ */ Symbol.for("Symbol." + name);
var __typeError = (msg) => {
  throw TypeError(msg);
};
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
var __yieldStar = (value) => {
  var obj = value[__knownSymbol("asyncIterator")], isAwait = false, method, it = {};
  if (obj == null) {
    obj = value[__knownSymbol("iterator")]();
    method = (k) => it[k] = (x) => obj[k](x);
  } else {
    obj = obj.call(value);
    method = (k) => it[k] = (v) => {
      if (isAwait) {
        isAwait = false;
        if (k === "throw") throw v;
        return v;
      }
      isAwait = true;
      return {
        done: false,
        value: new __await(new Promise((resolve) => {
          var x = obj[k](v);
          if (!(x instanceof Object)) __typeError("Object expected");
          resolve(x);
        }), 1)
      };
    };
  }
  return it[__knownSymbol("iterator")] = () => it, method("next"), "throw" in obj ? method("throw") : it.throw = (x) => {
    throw x;
  }, "return" in obj && method("return"), it;
};
const {
  ArrayBufferPrototypeSlice,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  AsyncIteratorPrototype,
  FunctionPrototypeCall,
  MathMax,
  NumberIsNaN,
  PromisePrototypeThen,
  ReflectGet,
  Symbol,
  SymbolAsyncIterator,
  SymbolIterator,
  Uint8Array
} = primordials;
const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_VALUE,
    ERR_OPERATION_FAILED,
    ERR_INVALID_STATE
  }
} = require("internal/errors");
const {
  copyArrayBuffer,
  detachArrayBuffer
} = internalBinding("buffer");
const {
  inspect
} = require("util");
const {
  constants: {
    kPending
  },
  getPromiseDetails
} = internalBinding("util");
const assert = require("internal/assert");
const { isArrayBufferDetached } = require("internal/util");
const {
  validateFunction
} = require("internal/validators");
const kState = Symbol("kState");
const kType = Symbol("kType");
const AsyncIterator = {
  __proto__: AsyncIteratorPrototype,
  next: void 0,
  return: void 0
};
function extractHighWaterMark(value, defaultHWM) {
  if (value === void 0) return defaultHWM;
  value = +value;
  if (typeof value !== "number" || NumberIsNaN(value) || value < 0)
    throw new ERR_INVALID_ARG_VALUE.RangeError("strategy.highWaterMark", value);
  return value;
}
function extractSizeAlgorithm(size) {
  if (size === void 0) return () => 1;
  validateFunction(size, "strategy.size");
  return size;
}
function customInspect(depth, options, name, data) {
  if (depth < 0)
    return this;
  const opts = {
    ...options,
    depth: options.depth == null ? null : options.depth - 1
  };
  return `${name} ${inspect(data, opts)}`;
}
function ArrayBufferViewGetBuffer(view) {
  return ReflectGet(view.constructor.prototype, "buffer", view);
}
function ArrayBufferViewGetByteLength(view) {
  return ReflectGet(view.constructor.prototype, "byteLength", view);
}
function ArrayBufferViewGetByteOffset(view) {
  return ReflectGet(view.constructor.prototype, "byteOffset", view);
}
function cloneAsUint8Array(view) {
  const buffer = ArrayBufferViewGetBuffer(view);
  const byteOffset = ArrayBufferViewGetByteOffset(view);
  const byteLength = ArrayBufferViewGetByteLength(view);
  return new Uint8Array(
    ArrayBufferPrototypeSlice(buffer, byteOffset, byteOffset + byteLength)
  );
}
function isBrandCheck(brand) {
  return (value) => {
    return value != null && value[kState] !== void 0 && value[kType] === brand;
  };
}
function transferArrayBuffer(buffer) {
  const res = detachArrayBuffer(buffer);
  if (res === void 0) {
    throw new ERR_OPERATION_FAILED.TypeError(
      "The ArrayBuffer could not be transferred"
    );
  }
  return res;
}
function isViewedArrayBufferDetached(view) {
  return ArrayBufferViewGetByteLength(view) === 0 && isArrayBufferDetached(ArrayBufferViewGetBuffer(view));
}
function dequeueValue(controller) {
  assert(controller[kState].queue !== void 0);
  assert(controller[kState].queueTotalSize !== void 0);
  assert(controller[kState].queue.length);
  const {
    value,
    size
  } = ArrayPrototypeShift(controller[kState].queue);
  controller[kState].queueTotalSize = MathMax(0, controller[kState].queueTotalSize - size);
  return value;
}
function resetQueue(controller) {
  assert(controller[kState].queue !== void 0);
  assert(controller[kState].queueTotalSize !== void 0);
  controller[kState].queue = [];
  controller[kState].queueTotalSize = 0;
}
function peekQueueValue(controller) {
  assert(controller[kState].queue !== void 0);
  assert(controller[kState].queueTotalSize !== void 0);
  assert(controller[kState].queue.length);
  return controller[kState].queue[0].value;
}
function enqueueValueWithSize(controller, value, size) {
  assert(controller[kState].queue !== void 0);
  assert(controller[kState].queueTotalSize !== void 0);
  size = +size;
  if (typeof size !== "number" || size < 0 || NumberIsNaN(size) || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError("size", size);
  }
  ArrayPrototypePush(controller[kState].queue, { value, size });
  controller[kState].queueTotalSize += size;
}
async function invokePromiseCallback(fn, thisArg, ...args) {
  return FunctionPrototypeCall(fn, thisArg, ...args);
}
function createPromiseCallback(name, fn, thisArg) {
  validateFunction(fn, name);
  return (...args) => invokePromiseCallback(fn, thisArg, ...args);
}
function isPromisePending(promise) {
  if (promise === void 0) return false;
  const details = getPromiseDetails(promise);
  return details?.[0] === kPending;
}
function setPromiseHandled(promise) {
  PromisePrototypeThen(promise, () => {
  }, () => {
  });
}
async function nonOpFlush() {
}
function nonOpStart() {
}
async function nonOpPull() {
}
async function nonOpCancel() {
}
async function nonOpWrite() {
}
let transfer;
function lazyTransfer() {
  if (transfer === void 0)
    transfer = require("internal/webstreams/transfer");
  return transfer;
}
function createAsyncFromSyncIterator(syncIteratorRecord) {
  const syncIterable = {
    [SymbolIterator]: () => syncIteratorRecord.iterator
  };
  const asyncIterator = (function() {
    return __asyncGenerator(this, null, function* () {
      return yield* __yieldStar(syncIterable);
    });
  })();
  const nextMethod = asyncIterator.next;
  return { iterator: asyncIterator, nextMethod, done: false };
}
function getIterator(obj, kind = "sync", method) {
  if (method === void 0) {
    if (kind === "async") {
      method = obj[SymbolAsyncIterator];
      if (method == null) {
        const syncMethod = obj[SymbolIterator];
        if (syncMethod === void 0) {
          throw new ERR_ARG_NOT_ITERABLE(obj);
        }
        const syncIteratorRecord = getIterator(obj, "sync", syncMethod);
        return createAsyncFromSyncIterator(syncIteratorRecord);
      }
    } else {
      method = obj[SymbolIterator];
    }
  }
  if (method === void 0) {
    throw new ERR_ARG_NOT_ITERABLE(obj);
  }
  const iterator = FunctionPrototypeCall(method, obj);
  if (typeof iterator !== "object" || iterator === null) {
    throw new ERR_INVALID_STATE.TypeError("The iterator method must return an object");
  }
  const nextMethod = iterator.next;
  return { iterator, nextMethod, done: false };
}
function iteratorNext(iteratorRecord, value) {
  let result;
  if (value === void 0) {
    result = FunctionPrototypeCall(iteratorRecord.nextMethod, iteratorRecord.iterator);
  } else {
    result = FunctionPrototypeCall(iteratorRecord.nextMethod, iteratorRecord.iterator, [value]);
  }
  if (typeof result !== "object" || result === null) {
    throw new ERR_INVALID_STATE.TypeError("The iterator.next() method must return an object");
  }
  return result;
}
module.exports = {
  ArrayBufferViewGetBuffer,
  ArrayBufferViewGetByteLength,
  ArrayBufferViewGetByteOffset,
  AsyncIterator,
  createPromiseCallback,
  cloneAsUint8Array,
  copyArrayBuffer,
  customInspect,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  lazyTransfer,
  invokePromiseCallback,
  isBrandCheck,
  isPromisePending,
  isViewedArrayBufferDetached,
  peekQueueValue,
  resetQueue,
  setPromiseHandled,
  transferArrayBuffer,
  nonOpCancel,
  nonOpFlush,
  nonOpPull,
  nonOpStart,
  nonOpWrite,
  getIterator,
  iteratorNext,
  kType,
  kState
};
