"use strict";
const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  Date,
  DatePrototypeGetDate,
  DatePrototypeGetHours,
  DatePrototypeGetMinutes,
  DatePrototypeGetMonth,
  DatePrototypeGetSeconds,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  NumberIsSafeInteger,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptors,
  ObjectKeys,
  ObjectPrototypeToString,
  ObjectSetPrototypeOf,
  ObjectValues,
  ReflectApply,
  StringPrototypePadStart,
  StringPrototypeToWellFormed
} = primordials;
const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE
  },
  isErrorStackTraceLimitWritable,
  ErrnoException,
  ExceptionWithHostPort
} = require("internal/errors");
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters
} = require("internal/util/inspect");
const { debuglog } = require("internal/util/debuglog");
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateString,
  validateOneOf
} = require("internal/validators");
const { isBuffer } = require("buffer").Buffer;
const {
  isReadableStream,
  isWritableStream,
  isNodeStream
} = require("internal/streams/utils");
const types = require("internal/util/types");
let utilColors;
function lazyUtilColors() {
  utilColors ??= require("internal/util/colors");
  return utilColors;
}
const binding = internalBinding("util");
const {
  deprecate,
  getSystemErrorMap,
  getSystemErrorName: internalErrorName,
  promisify,
  defineLazyProperties
} = require("internal/util");
let abortController;
function lazyAbortController() {
  abortController ??= require("internal/abort_controller");
  return abortController;
}
let internalDeepEqual;
function isBoolean(arg) {
  return typeof arg === "boolean";
}
function isNull(arg) {
  return arg === null;
}
function isNullOrUndefined(arg) {
  return arg === null || arg === void 0;
}
function isNumber(arg) {
  return typeof arg === "number";
}
function isString(arg) {
  return typeof arg === "string";
}
function isSymbol(arg) {
  return typeof arg === "symbol";
}
function isUndefined(arg) {
  return arg === void 0;
}
function isObject(arg) {
  return arg !== null && typeof arg === "object";
}
function isError(e) {
  return ObjectPrototypeToString(e) === "[object Error]" || e instanceof Error;
}
function isFunction(arg) {
  return typeof arg === "function";
}
function isPrimitive(arg) {
  return arg === null || typeof arg !== "object" && typeof arg !== "function";
}
function pad(n) {
  return StringPrototypePadStart(n.toString(), 2, "0");
}
function escapeStyleCode(code) {
  return `\x1B[${code}m`;
}
function styleText(format2, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, "text");
  validateBoolean(validateStream, "options.validateStream");
  if (validateStream) {
    if (!isReadableStream(stream) && !isWritableStream(stream) && !isNodeStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream);
    }
  }
  if (ArrayIsArray(format2)) {
    let left = "";
    let right = "";
    for (const key of format2) {
      const formatCodes2 = inspect.colors[key];
      if (formatCodes2 == null) {
        validateOneOf(key, "format", ObjectKeys(inspect.colors));
      }
      left += escapeStyleCode(formatCodes2[0]);
      right = `${escapeStyleCode(formatCodes2[1])}${right}`;
    }
    return `${left}${text}${right}`;
  }
  const formatCodes = inspect.colors[format2];
  if (formatCodes == null) {
    validateOneOf(format2, "format", ObjectKeys(inspect.colors));
  }
  if (validateStream && (!stream || !lazyUtilColors().shouldColorize(stream))) {
    return text;
  }
  return `${escapeStyleCode(formatCodes[0])}${text}${escapeStyleCode(formatCodes[1])}`;
}
const months = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec"
];
function timestamp() {
  const d = new Date();
  const t = ArrayPrototypeJoin([
    pad(DatePrototypeGetHours(d)),
    pad(DatePrototypeGetMinutes(d)),
    pad(DatePrototypeGetSeconds(d))
  ], ":");
  return `${DatePrototypeGetDate(d)} ${months[DatePrototypeGetMonth(d)]} ${t}`;
}
let console;
function log(...args) {
  if (!console) {
    console = require("internal/console/global");
  }
  console.log("%s - %s", timestamp(), format(...args));
}
function inherits(ctor, superCtor) {
  if (ctor === void 0 || ctor === null)
    throw new ERR_INVALID_ARG_TYPE("ctor", "Function", ctor);
  if (superCtor === void 0 || superCtor === null)
    throw new ERR_INVALID_ARG_TYPE("superCtor", "Function", superCtor);
  if (superCtor.prototype === void 0) {
    throw new ERR_INVALID_ARG_TYPE(
      "superCtor.prototype",
      "Object",
      superCtor.prototype
    );
  }
  ObjectDefineProperty(ctor, "super_", {
    __proto__: null,
    value: superCtor,
    writable: true,
    configurable: true
  });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}
function _extend(target, source) {
  if (source === null || typeof source !== "object") return target;
  const keys = ObjectKeys(source);
  let i = keys.length;
  while (i--) {
    target[keys[i]] = source[keys[i]];
  }
  return target;
}
const callbackifyOnRejected = (reason, cb) => {
  if (!reason) {
    reason = new ERR_FALSY_VALUE_REJECTION.HideStackFramesError(reason);
    ErrorCaptureStackTrace(reason, callbackifyOnRejected);
  }
  return cb(reason);
};
function callbackify(original) {
  validateFunction(original, "original");
  function callbackified(...args) {
    const maybeCb = ArrayPrototypePop(args);
    validateFunction(maybeCb, "last argument");
    const cb = FunctionPrototypeBind(maybeCb, this);
    ReflectApply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb)
    );
  }
  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === "number") {
    descriptors.length.value++;
  }
  if (typeof descriptors.name.value === "string") {
    descriptors.name.value += "Callbackified";
  }
  const propertiesValues = ObjectValues(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) {
    ObjectSetPrototypeOf(propertiesValues[i], null);
  }
  ObjectDefineProperties(callbackified, descriptors);
  return callbackified;
}
function getSystemErrorName(err) {
  validateNumber(err, "err");
  if (err >= 0 || !NumberIsSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE("err", "a negative integer", err);
  }
  return internalErrorName(err);
}
function _errnoException(...args) {
  if (isErrorStackTraceLimitWritable()) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const e = new ErrnoException(...args);
    Error.stackTraceLimit = limit;
    ErrorCaptureStackTrace(e, _exceptionWithHostPort);
    return e;
  }
  return new ErrnoException(...args);
}
function _exceptionWithHostPort(...args) {
  if (isErrorStackTraceLimitWritable()) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const e = new ExceptionWithHostPort(...args);
    Error.stackTraceLimit = limit;
    ErrorCaptureStackTrace(e, _exceptionWithHostPort);
    return e;
  }
  return new ExceptionWithHostPort(...args);
}
function parseEnv(content) {
  validateString(content, "content");
  return binding.parseEnv(content);
}
module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: ArrayIsArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual(a, b) {
    if (internalDeepEqual === void 0) {
      internalDeepEqual = require("internal/util/comparisons").isDeepStrictEqual;
    }
    return internalDeepEqual(a, b);
  },
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString(input) {
    return StringPrototypeToWellFormed(`${input}`);
  },
  get transferableAbortSignal() {
    return lazyAbortController().transferableAbortSignal;
  },
  get transferableAbortController() {
    return lazyAbortController().transferableAbortController;
  },
  get aborted() {
    return lazyAbortController().aborted;
  },
  types,
  parseEnv
};
defineLazyProperties(
  module.exports,
  "internal/util/parse_args/parse_args",
  ["parseArgs"]
);
defineLazyProperties(
  module.exports,
  "internal/encoding",
  ["TextDecoder", "TextEncoder"]
);
defineLazyProperties(
  module.exports,
  "internal/mime",
  ["MIMEType", "MIMEParams"]
);
