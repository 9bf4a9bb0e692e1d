"use strict";
const {
  SymbolDispose
} = require("internal/util");
const {
  validateAbortSignal,
  validateFunction
} = require("internal/validators");
const {
  codes: {
    ERR_INVALID_ARG_TYPE
  }
} = require("internal/errors");
let queueMicrotask;
let kResistStopPropagation;
function addAbortListener(signal, listener) {
  if (signal === void 0) {
    throw new ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal);
  }
  validateAbortSignal(signal, "signal");
  validateFunction(listener, "listener");
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask ??= require("internal/process/task_queues").queueMicrotask;
    queueMicrotask(() => listener());
  } else {
    kResistStopPropagation ??= require("internal/event_target").kResistStopPropagation;
    signal.addEventListener("abort", listener, { __proto__: null, once: true, [kResistStopPropagation]: true });
    removeEventListener = () => {
      signal.removeEventListener("abort", listener);
    };
  }
  return {
    __proto__: null,
    [SymbolDispose]() {
      removeEventListener?.();
    }
  };
}
module.exports = {
  __proto__: null,
  addAbortListener
};
