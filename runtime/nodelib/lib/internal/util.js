"use strict";
const {
  ArrayBufferPrototypeGetByteLength,
  ArrayFrom,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  NumberParseInt,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyDescriptors,
  ObjectGetPrototypeOf,
  ObjectFreeze,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  ObjectValues,
  Promise,
  ReflectApply,
  ReflectConstruct,
  RegExpPrototypeExec,
  RegExpPrototypeGetDotAll,
  RegExpPrototypeGetGlobal,
  RegExpPrototypeGetHasIndices,
  RegExpPrototypeGetIgnoreCase,
  RegExpPrototypeGetMultiline,
  RegExpPrototypeGetSticky,
  RegExpPrototypeGetUnicode,
  RegExpPrototypeGetSource,
  SafeMap,
  SafeSet,
  SafeWeakMap,
  SafeWeakRef,
  StringPrototypeIncludes,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolFor,
  SymbolReplace,
  SymbolSplit
} = primordials;
const {
  codes: {
    ERR_NO_CRYPTO,
    ERR_UNKNOWN_SIGNAL
  },
  isErrorStackTraceLimitWritable,
  uvErrmapGet,
  overrideStackTrace
} = require("internal/errors");
const { signals } = internalBinding("constants").os;
const {
  isArrayBufferDetached: _isArrayBufferDetached,
  guessHandleType: _guessHandleType,
  privateSymbols: {
    arrow_message_private_symbol,
    decorated_private_symbol
  },
  sleep: _sleep
} = internalBinding("util");
const { isNativeError } = internalBinding("types");
const { getOptionValue } = require("internal/options");
const { encodings } = internalBinding("string_decoder");
const noCrypto = false;
const experimentalWarnings = new SafeSet();
const colorRegExp = /\u001b\[\d\d?m/g;
let uvBinding;
function lazyUv() {
  uvBinding ??= internalBinding("uv");
  return uvBinding;
}
function removeColors(str) {
  return StringPrototypeReplace(str, colorRegExp, "");
}
function isError(e) {
  return isNativeError(e) || e instanceof Error;
}
const codesWarned = new SafeSet();
let validateString;
function getDeprecationWarningEmitter(code, msg, deprecated, useEmitSync, shouldEmitWarning = () => true) {
  let warned = false;
  return function(arg) {
    if (!warned && shouldEmitWarning(arg)) {
      warned = true;
      if (code !== void 0) {
        if (!codesWarned.has(code)) {
          const emitWarning = useEmitSync ? require("internal/process/warning").emitWarningSync : process.emitWarning;
          emitWarning(msg, "DeprecationWarning", code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, "DeprecationWarning", deprecated);
      }
    }
  };
}
function isPendingDeprecation() {
  return getOptionValue("--pending-deprecation") && !getOptionValue("--no-deprecation");
}
function pendingDeprecate(fn, msg, code) {
  const emitDeprecationWarning = getDeprecationWarningEmitter(
    code,
    msg,
    deprecated,
    false,
    isPendingDeprecation
  );
  function deprecated(...args) {
    emitDeprecationWarning();
    return ReflectApply(fn, this, args);
  }
  return deprecated;
}
function deprecate(fn, msg, code, useEmitSync) {
  if (validateString === void 0)
    ({ validateString } = require("internal/validators"));
  if (code !== void 0)
    validateString(code, "code");
  const emitDeprecationWarning = getDeprecationWarningEmitter(
    code,
    msg,
    deprecated,
    useEmitSync
  );
  function deprecated(...args) {
    if (!process.noDeprecation) {
      emitDeprecationWarning();
    }
    if (new.target) {
      return ReflectConstruct(fn, args, new.target);
    }
    return ReflectApply(fn, this, args);
  }
  ObjectSetPrototypeOf(deprecated, fn);
  if (fn.prototype) {
    deprecated.prototype = fn.prototype;
  }
  return deprecated;
}
function decorateErrorStack(err) {
  if (!(isError(err) && err.stack) || err[decorated_private_symbol])
    return;
  const arrow = err[arrow_message_private_symbol];
  if (arrow) {
    err.stack = arrow + err.stack;
    err[decorated_private_symbol] = true;
  }
}
function assertCrypto() {
  if (noCrypto)
    throw new ERR_NO_CRYPTO();
}
function normalizeEncoding(enc) {
  if (enc == null || enc === "utf8" || enc === "utf-8") return "utf8";
  return slowCases(enc);
}
function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === "UTF8") return "utf8";
      if (enc === "ucs2" || enc === "UCS2") return "utf16le";
      enc = StringPrototypeToLowerCase(enc);
      if (enc === "utf8") return "utf8";
      if (enc === "ucs2") return "utf16le";
      break;
    case 3:
      if (enc === "hex" || enc === "HEX" || StringPrototypeToLowerCase(enc) === "hex")
        return "hex";
      break;
    case 5:
      if (enc === "ascii") return "ascii";
      if (enc === "ucs-2") return "utf16le";
      if (enc === "UTF-8") return "utf8";
      if (enc === "ASCII") return "ascii";
      if (enc === "UCS-2") return "utf16le";
      enc = StringPrototypeToLowerCase(enc);
      if (enc === "utf-8") return "utf8";
      if (enc === "ascii") return "ascii";
      if (enc === "ucs-2") return "utf16le";
      break;
    case 6:
      if (enc === "base64") return "base64";
      if (enc === "latin1" || enc === "binary") return "latin1";
      if (enc === "BASE64") return "base64";
      if (enc === "LATIN1" || enc === "BINARY") return "latin1";
      enc = StringPrototypeToLowerCase(enc);
      if (enc === "base64") return "base64";
      if (enc === "latin1" || enc === "binary") return "latin1";
      break;
    case 7:
      if (enc === "utf16le" || enc === "UTF16LE" || StringPrototypeToLowerCase(enc) === "utf16le")
        return "utf16le";
      break;
    case 8:
      if (enc === "utf-16le" || enc === "UTF-16LE" || StringPrototypeToLowerCase(enc) === "utf-16le")
        return "utf16le";
      break;
    case 9:
      if (enc === "base64url" || enc === "BASE64URL" || StringPrototypeToLowerCase(enc) === "base64url")
        return "base64url";
      break;
    default:
      if (enc === "") return "utf8";
  }
}
function emitExperimentalWarning(feature, messagePrefix, code, ctor) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  let msg = `${feature} is an experimental feature and might change at any time`;
  if (messagePrefix) {
    msg = messagePrefix + msg;
  }
  process.emitWarning(msg, "ExperimentalWarning", code, ctor);
}
function filterDuplicateStrings(items, low) {
  const map = new SafeMap();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = StringPrototypeToLowerCase(item);
    if (low) {
      map.set(key, key);
    } else {
      map.set(key, item);
    }
  }
  return ArrayPrototypeSort(ArrayFrom(map.values()));
}
function cachedResult(fn) {
  let result;
  return () => {
    if (result === void 0)
      result = fn();
    return ArrayPrototypeSlice(result);
  };
}
function createClassWrapper(type) {
  function fn(...args) {
    return ReflectConstruct(type, args, new.target || type);
  }
  ObjectDefineProperties(fn, {
    name: { __proto__: null, value: type.name },
    length: { __proto__: null, value: type.length }
  });
  ObjectSetPrototypeOf(fn, type);
  fn.prototype = type.prototype;
  return fn;
}
let signalsToNamesMapping;
function getSignalsToNamesMapping() {
  if (signalsToNamesMapping !== void 0)
    return signalsToNamesMapping;
  signalsToNamesMapping = { __proto__: null };
  for (const key in signals) {
    signalsToNamesMapping[signals[key]] = key;
  }
  return signalsToNamesMapping;
}
function convertToValidSignal(signal) {
  if (typeof signal === "number" && getSignalsToNamesMapping()[signal])
    return signal;
  if (typeof signal === "string") {
    const signalName = signals[StringPrototypeToUpperCase(signal)];
    if (signalName) return signalName;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}
function getConstructorOf(obj) {
  while (obj) {
    const descriptor = ObjectGetOwnPropertyDescriptor(obj, "constructor");
    if (descriptor !== void 0 && typeof descriptor.value === "function" && descriptor.value.name !== "") {
      return descriptor.value;
    }
    obj = ObjectGetPrototypeOf(obj);
  }
  return null;
}
let cachedURL;
let cachedCWD;
function getCWDURL() {
  const { sep } = require("path");
  const { pathToFileURL } = require("internal/url");
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    cachedURL ??= pathToFileURL(sep);
  }
  if (cwd != null && cwd !== cachedCWD) {
    cachedURL = pathToFileURL(cwd + sep);
    cachedCWD = cwd;
  }
  return cachedURL;
}
function getSystemErrorName(err) {
  const entry = uvErrmapGet(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}
function getSystemErrorMap() {
  return lazyUv().getErrorMap();
}
const kCustomPromisifiedSymbol = SymbolFor("nodejs.util.promisify.custom");
const kCustomPromisifyArgsSymbol = Symbol("customPromisifyArgs");
let validateFunction;
function promisify(original) {
  if (validateFunction === void 0)
    ({ validateFunction } = require("internal/validators"));
  validateFunction(original, "original");
  if (original[kCustomPromisifiedSymbol]) {
    const fn2 = original[kCustomPromisifiedSymbol];
    validateFunction(fn2, "util.promisify.custom");
    return ObjectDefineProperty(fn2, kCustomPromisifiedSymbol, {
      __proto__: null,
      value: fn2,
      enumerable: false,
      writable: false,
      configurable: true
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      ArrayPrototypePush(args, (err, ...values) => {
        if (err) {
          return reject(err);
        }
        if (argumentNames !== void 0 && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++)
            obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      ReflectApply(original, this, args);
    });
  }
  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    value: fn,
    enumerable: false,
    writable: false,
    configurable: true
  });
  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  const propertiesValues = ObjectValues(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) {
    ObjectSetPrototypeOf(propertiesValues[i], null);
  }
  return ObjectDefineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;
function join(output, separator) {
  let str = "";
  if (output.length !== 0) {
    const lastIndex = output.length - 1;
    for (let i = 0; i < lastIndex; i++) {
      str += output[i];
      str += separator;
    }
    str += output[lastIndex];
  }
  return str;
}
function spliceOne(list, index) {
  for (; index + 1 < list.length; index++)
    list[index] = list[index + 1];
  list.pop();
}
const kNodeModulesRE = /^(?:.*)[\\/]node_modules[\\/]/;
function isUnderNodeModules(filename) {
  return filename && RegExpPrototypeExec(kNodeModulesRE, filename) !== null;
}
let getStructuredStackImpl;
function lazyGetStructuredStack() {
  if (getStructuredStackImpl === void 0) {
    const { runInNewContext } = require("vm");
    getStructuredStackImpl = runInNewContext(`(function() {
      try { Error.stackTraceLimit = Infinity; } catch {}
      return function structuredStack() {
        const e = new Error();
        overrideStackTrace.set(e, (err, trace) => trace);
        return e.stack;
      };
    })()`, { overrideStackTrace }, { filename: "structured-stack" });
  }
  return getStructuredStackImpl;
}
function getStructuredStack() {
  const getStructuredStackImpl2 = lazyGetStructuredStack();
  return getStructuredStackImpl2();
}
function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = ReflectApply(callback, this, args);
    returnValue = preserveReturnValue ? result : void 0;
    return result;
  };
}
let validateUint32;
function sleep(msec) {
  if (validateUint32 === void 0)
    ({ validateUint32 } = require("internal/validators"));
  validateUint32(msec, "msec");
  _sleep(msec);
}
function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
function defineOperation(target, name, method) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: true,
    configurable: true,
    value: method
  });
}
function exposeInterface(target, name, interfaceObject) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: false,
    configurable: true,
    value: interfaceObject
  });
}
function exposeNamespace(target, name, namespaceObject) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: false,
    configurable: true,
    value: namespaceObject
  });
}
function exposeGetterAndSetter(target, name, getter, setter = void 0) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get: getter,
    set: setter
  });
}
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (let i = 0; i < keys.length; i++) {
    let set = function(value) {
      ObjectDefineProperty(target, key, {
        __proto__: null,
        writable: true,
        value
      });
    }, get = function() {
      mod ??= require(id);
      if (lazyLoadedValue === void 0) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    };
    const key = keys[i];
    let lazyLoadedValue;
    ObjectDefineProperty(set, "name", {
      __proto__: null,
      value: `set ${key}`
    });
    ObjectDefineProperty(get, "name", {
      __proto__: null,
      value: `get ${key}`
    });
    descriptors[key] = {
      __proto__: null,
      configurable: true,
      enumerable,
      get,
      set
    };
  }
  ObjectDefineProperties(target, descriptors);
}
function defineReplaceableLazyAttribute(target, id, keys, writable = true, check) {
  let mod;
  for (let i = 0; i < keys.length; i++) {
    let get = function() {
      if (check !== void 0) {
        FunctionPrototypeCall(check, this);
      }
      if (setterCalled) {
        return value;
      }
      mod ??= require(id);
      value ??= mod[key];
      return value;
    }, set = function(val) {
      setterCalled = true;
      value = val;
    };
    const key = keys[i];
    let value;
    let setterCalled = false;
    ObjectDefineProperty(get, "name", {
      __proto__: null,
      value: `get ${key}`
    });
    ObjectDefineProperty(set, "name", {
      __proto__: null,
      value: `set ${key}`
    });
    ObjectDefineProperty(target, key, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get,
      set: writable ? set : void 0
    });
  }
}
function exposeLazyInterfaces(target, id, keys) {
  defineLazyProperties(target, id, keys, false);
}
let _DOMException;
const lazyDOMExceptionClass = () => {
  _DOMException ??= internalBinding("messaging").DOMException;
  return _DOMException;
};
const lazyDOMException = (message, name) => {
  _DOMException ??= internalBinding("messaging").DOMException;
  if (isErrorStackTraceLimitWritable()) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const ex = new _DOMException(message, name);
    Error.stackTraceLimit = limit;
    ErrorCaptureStackTrace(ex, lazyDOMException);
    return ex;
  }
  return new _DOMException(message, name);
};
const kEnumerableProperty = { __proto__: null };
kEnumerableProperty.enumerable = true;
ObjectFreeze(kEnumerableProperty);
const kEmptyObject = ObjectFreeze({ __proto__: null });
function filterOwnProperties(source, keys) {
  const filtered = { __proto__: null };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (ObjectPrototypeHasOwnProperty(source, key)) {
      filtered[key] = source[key];
    }
  }
  return filtered;
}
function setOwnProperty(obj, key, value) {
  return ObjectDefineProperty(obj, key, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value,
    writable: true
  });
}
let internalGlobal;
function getInternalGlobal() {
  if (internalGlobal == null) {
    const { runInNewContext } = require("vm");
    internalGlobal = runInNewContext("this", void 0, { contextName: "internal" });
  }
  return internalGlobal;
}
function SideEffectFreeRegExpPrototypeExec(regex, string) {
  const { RegExp: RegExpFromAnotherRealm } = getInternalGlobal();
  return FunctionPrototypeCall(RegExpFromAnotherRealm.prototype.exec, regex, string);
}
const crossRelmRegexes = new SafeWeakMap();
function getCrossRelmRegex(regex) {
  const cached = crossRelmRegexes.get(regex);
  if (cached) return cached;
  let flagString = "";
  if (RegExpPrototypeGetHasIndices(regex)) flagString += "d";
  if (RegExpPrototypeGetGlobal(regex)) flagString += "g";
  if (RegExpPrototypeGetIgnoreCase(regex)) flagString += "i";
  if (RegExpPrototypeGetMultiline(regex)) flagString += "m";
  if (RegExpPrototypeGetDotAll(regex)) flagString += "s";
  if (RegExpPrototypeGetUnicode(regex)) flagString += "u";
  if (RegExpPrototypeGetSticky(regex)) flagString += "y";
  const { RegExp: RegExpFromAnotherRealm } = getInternalGlobal();
  const crossRelmRegex = new RegExpFromAnotherRealm(RegExpPrototypeGetSource(regex), flagString);
  crossRelmRegexes.set(regex, crossRelmRegex);
  return crossRelmRegex;
}
function SideEffectFreeRegExpPrototypeSymbolReplace(regex, string, replacement) {
  return getCrossRelmRegex(regex)[SymbolReplace](string, replacement);
}
function SideEffectFreeRegExpPrototypeSymbolSplit(regex, string, limit = void 0) {
  return getCrossRelmRegex(regex)[SymbolSplit](string, limit);
}
function isArrayBufferDetached(value) {
  if (ArrayBufferPrototypeGetByteLength(value) === 0) {
    return _isArrayBufferDetached(value);
  }
  return false;
}
function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (initialized === false) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}
function setupCoverageHooks(dir) {
  const cwd = require("internal/process/execution").tryGetCwd();
  const { resolve } = require("path");
  const coverageDirectory = resolve(cwd, dir);
  const { sourceMapCacheToObject } = require("internal/source_map/source_map_cache");
  if (process.features.inspector) {
    internalBinding("profiler").setCoverageDirectory(coverageDirectory);
    internalBinding("profiler").setSourceMapCacheGetter(sourceMapCacheToObject);
  } else {
    process.emitWarning(
      "The inspector is disabled, coverage could not be collected",
      "Warning"
    );
    return "";
  }
  return coverageDirectory;
}
function countBinaryOnes(n) {
  n = n - (n >>> 1 & 1431655765);
  n = (n & 858993459) + (n >>> 2 & 858993459);
  return (n + (n >>> 4) & 252645135) * 16843009 >>> 24;
}
function getCIDR(address, netmask, family) {
  let ones = 0;
  let split = ".";
  let range = 10;
  let groupLength = 8;
  let hasZeros = false;
  let lastPos = 0;
  if (family === "IPv6") {
    split = ":";
    range = 16;
    groupLength = 16;
  }
  for (let i = 0; i < netmask.length; i++) {
    if (netmask[i] !== split) {
      if (i + 1 < netmask.length) {
        continue;
      }
      i++;
    }
    const part = StringPrototypeSlice(netmask, lastPos, i);
    lastPos = i + 1;
    if (part !== "") {
      if (hasZeros) {
        if (part !== "0") {
          return null;
        }
      } else {
        const binary = NumberParseInt(part, range);
        const binaryOnes = countBinaryOnes(binary);
        ones += binaryOnes;
        if (binaryOnes !== groupLength) {
          if (StringPrototypeIncludes(binary.toString(2), "01")) {
            return null;
          }
          hasZeros = true;
        }
      }
    }
  }
  return `${address}/${ones}`;
}
const handleTypes = ["TCP", "TTY", "UDP", "FILE", "PIPE", "UNKNOWN"];
function guessHandleType(fd) {
  const type = _guessHandleType(fd);
  return handleTypes[type];
}
class WeakReference {
  #weak = null;
  #strong = null;
  #refCount = 0;
  constructor(object) {
    this.#weak = new SafeWeakRef(object);
  }
  incRef() {
    this.#refCount++;
    if (this.#refCount === 1) {
      const derefed = this.#weak.deref();
      if (derefed !== void 0) {
        this.#strong = derefed;
      }
    }
    return this.#refCount;
  }
  decRef() {
    this.#refCount--;
    if (this.#refCount === 0) {
      this.#strong = null;
    }
    return this.#refCount;
  }
  get() {
    return this.#weak.deref();
  }
}
const encodingsMap = { __proto__: null };
for (let i = 0; i < encodings.length; ++i)
  encodingsMap[encodings[i]] = i;
module.exports = {
  getLazy,
  assertCrypto,
  cachedResult,
  convertToValidSignal,
  createClassWrapper,
  createDeferredPromise,
  decorateErrorStack,
  defineOperation,
  defineLazyProperties,
  defineReplaceableLazyAttribute,
  deprecate,
  emitExperimentalWarning,
  encodingsMap,
  exposeInterface,
  exposeLazyInterfaces,
  exposeNamespace,
  exposeGetterAndSetter,
  filterDuplicateStrings,
  filterOwnProperties,
  getConstructorOf,
  getCIDR,
  getCWDURL,
  getInternalGlobal,
  getStructuredStack,
  getSystemErrorMap,
  getSystemErrorName,
  guessHandleType,
  isArrayBufferDetached,
  isError,
  isUnderNodeModules,
  join,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  promisify,
  SideEffectFreeRegExpPrototypeExec,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  SideEffectFreeRegExpPrototypeSymbolSplit,
  sleep,
  spliceOne,
  setupCoverageHooks,
  removeColors,
  // Define Symbol.dispose and Symbol.asyncDispose
  // Until these are defined by the environment.
  // TODO(MoLow): Remove this polyfill once Symbol.dispose and Symbol.asyncDispose are available in primordials.
  // eslint-disable-next-line node-core/prefer-primordials
  SymbolDispose: Symbol.dispose || SymbolFor("nodejs.dispose"),
  // eslint-disable-next-line node-core/prefer-primordials
  SymbolAsyncDispose: Symbol.asyncDispose || SymbolFor("nodejs.asyncDispose"),
  // Symbol used to customize promisify conversion
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  // Symbol used to provide a custom inspect function for an object as an
  // alternative to using 'inspect'
  customInspectSymbol: SymbolFor("nodejs.util.inspect.custom"),
  // Used by the buffer module to capture an internal reference to the
  // default isEncoding implementation, just in case userland overrides it.
  kIsEncodingSymbol: Symbol("kIsEncodingSymbol"),
  kVmBreakFirstLineSymbol: Symbol("kVmBreakFirstLineSymbol"),
  kEmptyObject,
  kEnumerableProperty,
  setOwnProperty,
  pendingDeprecate,
  WeakReference,
  isPendingDeprecation,
  getDeprecationWarningEmitter
};
