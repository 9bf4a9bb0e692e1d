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
var __forAwait = (obj, it, method) => (it = obj[__knownSymbol("asyncIterator")]) ? it.call(obj) : (obj = obj[__knownSymbol("iterator")](), it = {}, method = (key, fn) => (fn = obj[key]) && (it[key] = (arg) => new Promise((yes, no, done) => (arg = fn.call(obj, arg), done = arg.done, Promise.resolve(arg.value).then((value) => yes({ value, done }), no)))), method("next"), method("return"), it);
const { AbortController, AbortSignal } = require("internal/abort_controller");
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE
  },
  AbortError
} = require("internal/errors");
const {
  validateAbortSignal,
  validateInteger,
  validateObject
} = require("internal/validators");
const { kWeakHandler, kResistStopPropagation } = require("internal/event_target");
const { finished } = require("internal/streams/end-of-stream");
const staticCompose = require("internal/streams/compose");
const {
  addAbortSignalNoValidate
} = require("internal/streams/add-abort-signal");
const { isWritable, isNodeStream } = require("internal/streams/utils");
const { deprecate } = require("internal/util");
const {
  ArrayPrototypePush,
  Boolean,
  MathFloor,
  Number,
  NumberIsNaN,
  Promise,
  PromiseReject,
  PromiseResolve,
  PromisePrototypeThen,
  Symbol
} = primordials;
const kEmpty = Symbol("kEmpty");
const kEof = Symbol("kEof");
function compose(stream, options) {
  if (options != null) {
    validateObject(options, "options");
  }
  if (options?.signal != null) {
    validateAbortSignal(options.signal, "options.signal");
  }
  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE("stream", stream, "must be writable");
  }
  const composedStream = staticCompose(this, stream);
  if (options?.signal) {
    addAbortSignalNoValidate(
      options.signal,
      composedStream
    );
  }
  return composedStream;
}
function map(fn, options) {
  if (typeof fn !== "function") {
    throw new ERR_INVALID_ARG_TYPE(
      "fn",
      ["Function", "AsyncFunction"],
      fn
    );
  }
  if (options != null) {
    validateObject(options, "options");
  }
  if (options?.signal != null) {
    validateAbortSignal(options.signal, "options.signal");
  }
  let concurrency = 1;
  if (options?.concurrency != null) {
    concurrency = MathFloor(options.concurrency);
  }
  let highWaterMark = concurrency - 1;
  if (options?.highWaterMark != null) {
    highWaterMark = MathFloor(options.highWaterMark);
  }
  validateInteger(concurrency, "options.concurrency", 1);
  validateInteger(highWaterMark, "options.highWaterMark", 0);
  highWaterMark += concurrency;
  return function map2() {
    return __asyncGenerator(this, null, function* () {
      const signal = AbortSignal.any([options?.signal].filter(Boolean));
      const stream = this;
      const queue = [];
      const signalOpt = { signal };
      let next;
      let resume;
      let done = false;
      let cnt = 0;
      function onCatch() {
        done = true;
        afterItemProcessed();
      }
      function afterItemProcessed() {
        cnt -= 1;
        maybeResume();
      }
      function maybeResume() {
        if (resume && !done && cnt < concurrency && queue.length < highWaterMark) {
          resume();
          resume = null;
        }
      }
      async function pump() {
        try {
          try {
            for (var iter = __forAwait(stream), more, temp, error; more = !(temp = await iter.next()).done; more = false) {
              let val = temp.value;
              if (done) {
                return;
              }
              if (signal.aborted) {
                throw new AbortError();
              }
              try {
                val = fn(val, signalOpt);
                if (val === kEmpty) {
                  continue;
                }
                val = PromiseResolve(val);
              } catch (err) {
                val = PromiseReject(err);
              }
              cnt += 1;
              PromisePrototypeThen(val, afterItemProcessed, onCatch);
              queue.push(val);
              if (next) {
                next();
                next = null;
              }
              if (!done && (queue.length >= highWaterMark || cnt >= concurrency)) {
                await new Promise((resolve) => {
                  resume = resolve;
                });
              }
            }
          } catch (temp) {
            error = [temp];
          } finally {
            try {
              more && (temp = iter.return) && await temp.call(iter);
            } finally {
              if (error)
                throw error[0];
            }
          }
          queue.push(kEof);
        } catch (err) {
          const val = PromiseReject(err);
          PromisePrototypeThen(val, afterItemProcessed, onCatch);
          queue.push(val);
        } finally {
          done = true;
          if (next) {
            next();
            next = null;
          }
        }
      }
      pump();
      try {
        while (true) {
          while (queue.length > 0) {
            const val = yield new __await(queue[0]);
            if (val === kEof) {
              return;
            }
            if (signal.aborted) {
              throw new AbortError();
            }
            if (val !== kEmpty) {
              yield val;
            }
            queue.shift();
            maybeResume();
          }
          yield new __await(new Promise((resolve) => {
            next = resolve;
          }));
        }
      } finally {
        done = true;
        if (resume) {
          resume();
          resume = null;
        }
      }
    });
  }.call(this);
}
function asIndexedPairs(options = void 0) {
  if (options != null) {
    validateObject(options, "options");
  }
  if (options?.signal != null) {
    validateAbortSignal(options.signal, "options.signal");
  }
  return function asIndexedPairs2() {
    return __asyncGenerator(this, null, function* () {
      let index = 0;
      try {
        for (var iter = __forAwait(this), more, temp, error; more = !(temp = yield new __await(iter.next())).done; more = false) {
          const val = temp.value;
          if (options?.signal?.aborted) {
            throw new AbortError({ cause: options.signal.reason });
          }
          yield [index++, val];
        }
      } catch (temp) {
        error = [temp];
      } finally {
        try {
          more && (temp = iter.return) && (yield new __await(temp.call(iter)));
        } finally {
          if (error)
            throw error[0];
        }
      }
    });
  }.call(this);
}
async function some(fn, options = void 0) {
  try {
    for (var iter = __forAwait(filter.call(this, fn, options)), more, temp, error; more = !(temp = await iter.next()).done; more = false) {
      const unused = temp.value;
      return true;
    }
  } catch (temp) {
    error = [temp];
  } finally {
    try {
      more && (temp = iter.return) && await temp.call(iter);
    } finally {
      if (error)
        throw error[0];
    }
  }
  return false;
}
async function every(fn, options = void 0) {
  if (typeof fn !== "function") {
    throw new ERR_INVALID_ARG_TYPE(
      "fn",
      ["Function", "AsyncFunction"],
      fn
    );
  }
  return !await some.call(this, async (...args) => {
    return !await fn(...args);
  }, options);
}
async function find(fn, options) {
  try {
    for (var iter = __forAwait(filter.call(this, fn, options)), more, temp, error; more = !(temp = await iter.next()).done; more = false) {
      const result = temp.value;
      return result;
    }
  } catch (temp) {
    error = [temp];
  } finally {
    try {
      more && (temp = iter.return) && await temp.call(iter);
    } finally {
      if (error)
        throw error[0];
    }
  }
  return void 0;
}
async function forEach(fn, options) {
  if (typeof fn !== "function") {
    throw new ERR_INVALID_ARG_TYPE(
      "fn",
      ["Function", "AsyncFunction"],
      fn
    );
  }
  async function forEachFn(value, options2) {
    await fn(value, options2);
    return kEmpty;
  }
  try {
    for (var iter = __forAwait(map.call(this, forEachFn, options)), more, temp, error; more = !(temp = await iter.next()).done; more = false) {
      const unused = temp.value;
      ;
    }
  } catch (temp) {
    error = [temp];
  } finally {
    try {
      more && (temp = iter.return) && await temp.call(iter);
    } finally {
      if (error)
        throw error[0];
    }
  }
}
function filter(fn, options) {
  if (typeof fn !== "function") {
    throw new ERR_INVALID_ARG_TYPE(
      "fn",
      ["Function", "AsyncFunction"],
      fn
    );
  }
  async function filterFn(value, options2) {
    if (await fn(value, options2)) {
      return value;
    }
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}
class ReduceAwareErrMissingArgs extends ERR_MISSING_ARGS {
  constructor() {
    super("reduce");
    this.message = "Reduce of an empty stream requires an initial value";
  }
}
async function reduce(reducer, initialValue, options) {
  if (typeof reducer !== "function") {
    throw new ERR_INVALID_ARG_TYPE(
      "reducer",
      ["Function", "AsyncFunction"],
      reducer
    );
  }
  if (options != null) {
    validateObject(options, "options");
  }
  if (options?.signal != null) {
    validateAbortSignal(options.signal, "options.signal");
  }
  let hasInitialValue = arguments.length > 1;
  if (options?.signal?.aborted) {
    const err = new AbortError(void 0, { cause: options.signal.reason });
    this.once("error", () => {
    });
    await finished(this.destroy(err));
    throw err;
  }
  const ac = new AbortController();
  const signal = ac.signal;
  if (options?.signal) {
    const opts = { once: true, [kWeakHandler]: this, [kResistStopPropagation]: true };
    options.signal.addEventListener("abort", () => ac.abort(), opts);
  }
  let gotAnyItemFromStream = false;
  try {
    try {
      for (var iter = __forAwait(this), more, temp, error; more = !(temp = await iter.next()).done; more = false) {
        const value = temp.value;
        gotAnyItemFromStream = true;
        if (options?.signal?.aborted) {
          throw new AbortError();
        }
        if (!hasInitialValue) {
          initialValue = value;
          hasInitialValue = true;
        } else {
          initialValue = await reducer(initialValue, value, { signal });
        }
      }
    } catch (temp) {
      error = [temp];
    } finally {
      try {
        more && (temp = iter.return) && await temp.call(iter);
      } finally {
        if (error)
          throw error[0];
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) {
      throw new ReduceAwareErrMissingArgs();
    }
  } finally {
    ac.abort();
  }
  return initialValue;
}
async function toArray(options) {
  if (options != null) {
    validateObject(options, "options");
  }
  if (options?.signal != null) {
    validateAbortSignal(options.signal, "options.signal");
  }
  const result = [];
  try {
    for (var iter = __forAwait(this), more, temp, error; more = !(temp = await iter.next()).done; more = false) {
      const val = temp.value;
      if (options?.signal?.aborted) {
        throw new AbortError(void 0, { cause: options.signal.reason });
      }
      ArrayPrototypePush(result, val);
    }
  } catch (temp) {
    error = [temp];
  } finally {
    try {
      more && (temp = iter.return) && await temp.call(iter);
    } finally {
      if (error)
        throw error[0];
    }
  }
  return result;
}
function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return function flatMap2() {
    return __asyncGenerator(this, null, function* () {
      try {
        for (var iter = __forAwait(values), more, temp, error; more = !(temp = yield new __await(iter.next())).done; more = false) {
          const val = temp.value;
          yield* __yieldStar(val);
        }
      } catch (temp) {
        error = [temp];
      } finally {
        try {
          more && (temp = iter.return) && (yield new __await(temp.call(iter)));
        } finally {
          if (error)
            throw error[0];
        }
      }
    });
  }.call(this);
}
function toIntegerOrInfinity(number) {
  number = Number(number);
  if (NumberIsNaN(number)) {
    return 0;
  }
  if (number < 0) {
    throw new ERR_OUT_OF_RANGE("number", ">= 0", number);
  }
  return number;
}
function drop(number, options = void 0) {
  if (options != null) {
    validateObject(options, "options");
  }
  if (options?.signal != null) {
    validateAbortSignal(options.signal, "options.signal");
  }
  number = toIntegerOrInfinity(number);
  return function drop2() {
    return __asyncGenerator(this, null, function* () {
      if (options?.signal?.aborted) {
        throw new AbortError();
      }
      try {
        for (var iter = __forAwait(this), more, temp, error; more = !(temp = yield new __await(iter.next())).done; more = false) {
          const val = temp.value;
          if (options?.signal?.aborted) {
            throw new AbortError();
          }
          if (number-- <= 0) {
            yield val;
          }
        }
      } catch (temp) {
        error = [temp];
      } finally {
        try {
          more && (temp = iter.return) && (yield new __await(temp.call(iter)));
        } finally {
          if (error)
            throw error[0];
        }
      }
    });
  }.call(this);
}
function take(number, options = void 0) {
  if (options != null) {
    validateObject(options, "options");
  }
  if (options?.signal != null) {
    validateAbortSignal(options.signal, "options.signal");
  }
  number = toIntegerOrInfinity(number);
  return function take2() {
    return __asyncGenerator(this, null, function* () {
      if (options?.signal?.aborted) {
        throw new AbortError();
      }
      try {
        for (var iter = __forAwait(this), more, temp, error; more = !(temp = yield new __await(iter.next())).done; more = false) {
          const val = temp.value;
          if (options?.signal?.aborted) {
            throw new AbortError();
          }
          if (number-- > 0) {
            yield val;
          }
          if (number <= 0) {
            return;
          }
        }
      } catch (temp) {
        error = [temp];
      } finally {
        try {
          more && (temp = iter.return) && (yield new __await(temp.call(iter)));
        } finally {
          if (error)
            throw error[0];
        }
      }
    });
  }.call(this);
}
module.exports.streamReturningOperators = {
  asIndexedPairs: deprecate(asIndexedPairs, "readable.asIndexedPairs will be removed in a future version."),
  drop,
  filter,
  flatMap,
  map,
  take,
  compose
};
module.exports.promiseReturningOperators = {
  every,
  forEach,
  reduce,
  toArray,
  some,
  find
};
