"use strict";
const {
  Array,
  ArrayBufferPrototypeGetByteLength,
  ArrayPrototypeForEach,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  BigInt,
  BigIntPrototypeToString,
  DataView,
  DataViewPrototypeGetUint8,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  MathMin,
  NumberIsNaN,
  NumberIsSafeInteger,
  NumberPrototypeToString,
  StringFromCharCodeApply,
  StringPrototypePadStart
} = primordials;
const {
  RandomBytesJob,
  RandomPrimeJob,
  CheckPrimeJob,
  kCryptoJobAsync,
  kCryptoJobSync,
  secureBuffer
} = internalBinding("crypto");
const {
  kEmptyObject,
  lazyDOMException
} = require("internal/util");
const { Buffer, kMaxLength } = require("buffer");
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_OPERATION_FAILED
  }
} = require("internal/errors");
const {
  validateNumber,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateObject
} = require("internal/validators");
const {
  isArrayBufferView,
  isAnyArrayBuffer,
  isTypedArray,
  isFloat32Array,
  isFloat64Array
} = require("internal/util/types");
const { FastBuffer } = require("internal/buffer");
const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = MathMin(kMaxLength, kMaxInt32);
function assertOffset(offset, elementSize, length) {
  validateNumber(offset, "offset");
  offset *= elementSize;
  const maxLength = MathMin(length, kMaxPossibleLength);
  if (NumberIsNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE("offset", `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}
function assertSize(size, elementSize, offset, length) {
  validateNumber(size, "size");
  size *= elementSize;
  if (NumberIsNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE(
      "size",
      `>= 0 && <= ${kMaxPossibleLength}`,
      size
    );
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE("size + offset", `<= ${length}`, size + offset);
  }
  return size >>> 0;
}
function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== void 0) {
    validateFunction(callback, "callback");
  }
  const buf = new FastBuffer(size);
  if (callback === void 0) {
    randomFillSync(buf.buffer, 0, size);
    return buf;
  }
  randomFill(buf.buffer, 0, size, function(error) {
    if (error) return FunctionPrototypeCall(callback, this, error);
    FunctionPrototypeCall(callback, this, null, buf);
  });
}
function randomFillSync(buf, offset = 0, size) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE(
      "buf",
      ["ArrayBuffer", "ArrayBufferView"],
      buf
    );
  }
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === void 0) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0)
    return buf;
  const job = new RandomBytesJob(
    kCryptoJobSync,
    buf,
    offset,
    size
  );
  const err = job.run()[0];
  if (err)
    throw err;
  return buf;
}
function randomFill(buf, offset, size, callback) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE(
      "buf",
      ["ArrayBuffer", "ArrayBufferView"],
      buf
    );
  }
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === "function") {
    callback = offset;
    offset = 0;
    size = buf.length;
  } else if (typeof size === "function") {
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, "callback");
  }
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === void 0) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) {
    callback(null, buf);
    return;
  }
  const job = new RandomBytesJob(
    kCryptoJobAsync,
    buf,
    offset,
    size
  );
  job.ondone = FunctionPrototypeBind(onJobDone, job, buf, callback);
  job.run();
}
const RAND_MAX = 281474976710655;
const randomCache = new FastBuffer(6 * 1024);
let randomCacheOffset = randomCache.length;
let asyncCacheFillInProgress = false;
const asyncCachePendingTasks = [];
function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === "undefined" || typeof max === "function";
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === "undefined";
  if (!isSync) {
    validateFunction(callback, "callback");
  }
  if (!NumberIsSafeInteger(min)) {
    throw new ERR_INVALID_ARG_TYPE("min", "a safe integer", min);
  }
  if (!NumberIsSafeInteger(max)) {
    throw new ERR_INVALID_ARG_TYPE("max", "a safe integer", max);
  }
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE(
      "max",
      `greater than the value of "min" (${min})`,
      max
    );
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(
      `max${minNotSpecified ? "" : " - min"}`,
      `<= ${RAND_MAX}`,
      range
    );
  }
  const randLimit = RAND_MAX - RAND_MAX % range;
  while (isSync || randomCacheOffset < randomCache.length) {
    if (randomCacheOffset === randomCache.length) {
      randomFillSync(randomCache);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = x % range + min;
      if (isSync) return n;
      process.nextTick(callback, void 0, n);
      return;
    }
  }
  ArrayPrototypePush(asyncCachePendingTasks, { min, max, callback });
  asyncRefillRandomIntCache();
}
function asyncRefillRandomIntCache() {
  if (asyncCacheFillInProgress)
    return;
  asyncCacheFillInProgress = true;
  randomFill(randomCache, (err) => {
    asyncCacheFillInProgress = false;
    const tasks = asyncCachePendingTasks;
    const errorReceiver = err && ArrayPrototypeShift(tasks);
    if (!err)
      randomCacheOffset = 0;
    ArrayPrototypeForEach(ArrayPrototypeSplice(tasks, 0), (task) => {
      randomInt(task.min, task.max, task.callback);
    });
    if (errorReceiver)
      errorReceiver.callback(err);
  });
}
function onJobDone(buf, callback, error) {
  if (error) return FunctionPrototypeCall(callback, this, error);
  FunctionPrototypeCall(callback, this, null, buf);
}
function getRandomValues(data) {
  if (!isTypedArray(data) || isFloat32Array(data) || isFloat64Array(data)) {
    throw lazyDOMException(
      "The data argument must be an integer-type TypedArray",
      "TypeMismatchError"
    );
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException(
      "The requested length exceeds 65,536 bytes",
      "QuotaExceededError"
    );
  }
  randomFillSync(data, 0);
  return data;
}
const kBatchSize = 128;
let uuidData;
let uuidNotBuffered;
let uuidBatch = 0;
let hexBytesCache;
function getHexBytes() {
  if (hexBytesCache === void 0) {
    hexBytesCache = new Array(256);
    for (let i = 0; i < hexBytesCache.length; i++) {
      const hex = NumberPrototypeToString(i, 16);
      hexBytesCache[i] = StringPrototypePadStart(hex, 2, "0");
    }
  }
  return hexBytesCache;
}
function serializeUUID(buf, offset = 0) {
  const kHexBytes = getHexBytes();
  return kHexBytes[buf[offset]] + kHexBytes[buf[offset + 1]] + kHexBytes[buf[offset + 2]] + kHexBytes[buf[offset + 3]] + "-" + kHexBytes[buf[offset + 4]] + kHexBytes[buf[offset + 5]] + "-" + kHexBytes[buf[offset + 6] & 15 | 64] + kHexBytes[buf[offset + 7]] + "-" + kHexBytes[buf[offset + 8] & 63 | 128] + kHexBytes[buf[offset + 9]] + "-" + kHexBytes[buf[offset + 10]] + kHexBytes[buf[offset + 11]] + kHexBytes[buf[offset + 12]] + kHexBytes[buf[offset + 13]] + kHexBytes[buf[offset + 14]] + kHexBytes[buf[offset + 15]];
}
function getBufferedUUID() {
  uuidData ??= secureBuffer(16 * kBatchSize);
  if (uuidData === void 0)
    throw new ERR_OPERATION_FAILED("Out of memory");
  if (uuidBatch === 0) randomFillSync(uuidData);
  uuidBatch = (uuidBatch + 1) % kBatchSize;
  return serializeUUID(uuidData, uuidBatch * 16);
}
function getUnbufferedUUID() {
  uuidNotBuffered ??= secureBuffer(16);
  if (uuidNotBuffered === void 0)
    throw new ERR_OPERATION_FAILED("Out of memory");
  randomFillSync(uuidNotBuffered);
  return serializeUUID(uuidNotBuffered);
}
function randomUUID(options) {
  if (options !== void 0)
    validateObject(options, "options");
  const {
    disableEntropyCache = false
  } = options || kEmptyObject;
  validateBoolean(disableEntropyCache, "options.disableEntropyCache");
  return disableEntropyCache ? getUnbufferedUUID() : getBufferedUUID();
}
function createRandomPrimeJob(type, size, options) {
  validateObject(options, "options");
  const {
    safe = false,
    bigint = false
  } = options;
  let {
    add,
    rem
  } = options;
  validateBoolean(safe, "options.safe");
  validateBoolean(bigint, "options.bigint");
  if (add !== void 0) {
    if (typeof add === "bigint") {
      add = unsignedBigIntToBuffer(add, "options.add");
    } else if (!isAnyArrayBuffer(add) && !isArrayBufferView(add)) {
      throw new ERR_INVALID_ARG_TYPE(
        "options.add",
        [
          "ArrayBuffer",
          "TypedArray",
          "Buffer",
          "DataView",
          "bigint"
        ],
        add
      );
    }
  }
  if (rem !== void 0) {
    if (typeof rem === "bigint") {
      rem = unsignedBigIntToBuffer(rem, "options.rem");
    } else if (!isAnyArrayBuffer(rem) && !isArrayBufferView(rem)) {
      throw new ERR_INVALID_ARG_TYPE(
        "options.rem",
        [
          "ArrayBuffer",
          "TypedArray",
          "Buffer",
          "DataView",
          "bigint"
        ],
        rem
      );
    }
  }
  const job = new RandomPrimeJob(type, size, safe, add, rem);
  job.result = bigint ? arrayBufferToUnsignedBigInt : (p) => p;
  return job;
}
function generatePrime(size, options, callback) {
  validateInt32(size, "size", 1);
  if (typeof options === "function") {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, "callback");
  const job = createRandomPrimeJob(kCryptoJobAsync, size, options);
  job.ondone = (err, prime) => {
    if (err) {
      callback(err);
      return;
    }
    callback(
      void 0,
      job.result(prime)
    );
  };
  job.run();
}
function generatePrimeSync(size, options = kEmptyObject) {
  validateInt32(size, "size", 1);
  const job = createRandomPrimeJob(kCryptoJobSync, size, options);
  const { 0: err, 1: prime } = job.run();
  if (err)
    throw err;
  return job.result(prime);
}
const numberToHexCharCode = (number) => (number < 10 ? 48 : 87) + number;
function arrayBufferToUnsignedBigInt(buf) {
  const length = ArrayBufferPrototypeGetByteLength(buf);
  const chars = Array(length * 2);
  const view = new DataView(buf);
  for (let i = 0; i < length; i++) {
    const val = DataViewPrototypeGetUint8(view, i);
    chars[2 * i] = numberToHexCharCode(val >> 4);
    chars[2 * i + 1] = numberToHexCharCode(val & 15);
  }
  return BigInt(`0x${StringFromCharCodeApply(chars)}`);
}
function unsignedBigIntToBuffer(bigint, name) {
  if (bigint < 0) {
    throw new ERR_OUT_OF_RANGE(name, ">= 0", bigint);
  }
  const hex = BigIntPrototypeToString(bigint, 16);
  const padded = StringPrototypePadStart(hex, hex.length + hex.length % 2, 0);
  return Buffer.from(padded, "hex");
}
function checkPrime(candidate, options = kEmptyObject, callback) {
  if (typeof candidate === "bigint")
    candidate = unsignedBigIntToBuffer(candidate, "candidate");
  if (!isAnyArrayBuffer(candidate) && !isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE(
      "candidate",
      [
        "ArrayBuffer",
        "TypedArray",
        "Buffer",
        "DataView",
        "bigint"
      ],
      candidate
    );
  }
  if (typeof options === "function") {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, "callback");
  validateObject(options, "options");
  const {
    checks = 0
  } = options;
  validateInt32(checks, "options.checks", 0);
  const job = new CheckPrimeJob(kCryptoJobAsync, candidate, checks);
  job.ondone = callback;
  job.run();
}
function checkPrimeSync(candidate, options = kEmptyObject) {
  if (typeof candidate === "bigint")
    candidate = unsignedBigIntToBuffer(candidate, "candidate");
  if (!isAnyArrayBuffer(candidate) && !isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE(
      "candidate",
      [
        "ArrayBuffer",
        "TypedArray",
        "Buffer",
        "DataView",
        "bigint"
      ],
      candidate
    );
  }
  validateObject(options, "options");
  const {
    checks = 0
  } = options;
  validateInt32(checks, "options.checks", 0);
  const job = new CheckPrimeJob(kCryptoJobSync, candidate, checks);
  const { 0: err, 1: result } = job.run();
  if (err)
    throw err;
  return result;
}
module.exports = {
  checkPrime,
  checkPrimeSync,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  getRandomValues,
  randomUUID,
  generatePrime,
  generatePrimeSync
};
