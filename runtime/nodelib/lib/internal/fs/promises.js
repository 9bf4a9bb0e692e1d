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
const {
  ArrayPrototypePush,
  ArrayPrototypePop,
  Error,
  ErrorCaptureStackTrace,
  MathMax,
  MathMin,
  NumberIsSafeInteger,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  PromiseReject,
  SafeArrayIterator,
  SafePromisePrototypeFinally,
  Symbol,
  Uint8Array,
  FunctionPrototypeBind,
  uncurryThis
} = primordials;
const { fs: constants } = internalBinding("constants");
const {
  F_OK,
  O_SYMLINK,
  O_WRONLY,
  S_IFMT,
  S_IFREG
} = constants;
const binding = internalBinding("fs");
const { Buffer } = require("buffer");
const { isBuffer: BufferIsBuffer } = Buffer;
const BufferToString = uncurryThis(Buffer.prototype.toString);
const {
  codes: {
    ERR_ACCESS_DENIED,
    ERR_FS_FILE_TOO_LARGE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_METHOD_NOT_IMPLEMENTED
  },
  AbortError,
  aggregateTwoErrors
} = require("internal/errors");
const { isArrayBufferView } = require("internal/util/types");
const {
  constants: {
    kIoMaxLength,
    kMaxUserId,
    kReadFileBufferLength,
    kReadFileUnknownBufferLength,
    kWriteFileMaxChunkSize
  },
  copyObject,
  emitRecursiveRmdirWarning,
  getDirents,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidatedPath,
  preprocessSymlinkDestination,
  stringToFlags,
  stringToSymlinkType,
  toUnixTimestamp,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateRmOptions,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate
} = require("internal/fs/utils");
const { opendir } = require("internal/fs/dir");
const {
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateInteger,
  validateObject,
  validateString,
  kValidateObjectAllowNullable
} = require("internal/validators");
const pathModule = require("path");
const {
  kEmptyObject,
  lazyDOMException,
  promisify,
  getLazy,
  SymbolAsyncDispose
} = require("internal/util");
const { EventEmitterMixin } = require("internal/event_target");
const { StringDecoder } = require("string_decoder");
const { kFSWatchStart, watch } = require("internal/fs/watchers");
const nonNativeWatcher = require("internal/fs/recursive_watch");
const { isIterable } = require("internal/streams/utils");
const assert = require("internal/assert");
const permission = require("internal/process/permission");
const kHandle = Symbol("kHandle");
const kFd = Symbol("kFd");
const kRefs = Symbol("kRefs");
const kClosePromise = Symbol("kClosePromise");
const kCloseResolve = Symbol("kCloseResolve");
const kCloseReject = Symbol("kCloseReject");
const kRef = Symbol("kRef");
const kUnref = Symbol("kUnref");
const kLocked = Symbol("kLocked");
const { kUsePromises } = binding;
const { Interface } = require("internal/readline/interface");
const {
  JSTransferable,
  kDeserialize,
  kTransfer,
  kTransferList
} = require("internal/worker/js_transferable");
const getDirectoryEntriesPromise = promisify(getDirents);
const validateRmOptionsPromise = promisify(validateRmOptions);
const isWindows = process.platform === "win32";
const isOSX = process.platform === "darwin";
let cpPromises;
function lazyLoadCpPromises() {
  return cpPromises ??= require("internal/fs/cp/cp").cpFn;
}
let fsStreams;
function lazyFsStreams() {
  return fsStreams ??= require("internal/fs/streams");
}
const lazyRimRaf = getLazy(() => require("internal/fs/rimraf").rimrafPromises);
function handleErrorFromBinding(error) {
  ErrorCaptureStackTrace(error, handleErrorFromBinding);
  return PromiseReject(error);
}
class FileHandle extends EventEmitterMixin(JSTransferable) {
  /**
   * @param {InternalFSBinding.FileHandle | undefined} filehandle
   */
  constructor(filehandle) {
    super();
    this[kHandle] = filehandle;
    this[kFd] = filehandle ? filehandle.fd : -1;
    this[kRefs] = 1;
    this[kClosePromise] = null;
  }
  getAsyncId() {
    return this[kHandle].getAsyncId();
  }
  get fd() {
    return this[kFd];
  }
  appendFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }
  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }
  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }
  datasync() {
    return fsCall(fdatasync, this);
  }
  sync() {
    return fsCall(fsync, this);
  }
  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }
  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }
  readFile(options) {
    return fsCall(readFile, this, options);
  }
  readLines(options = void 0) {
    return new Interface({
      input: this.createReadStream(options),
      crlfDelay: Infinity
    });
  }
  stat(options) {
    return fsCall(fstat, this, options);
  }
  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }
  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }
  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }
  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }
  writeFile(data, options) {
    return fsCall(writeFile, this, data, options);
  }
  close = () => {
    if (this[kFd] === -1) {
      return PromiseResolve();
    }
    if (this[kClosePromise]) {
      return this[kClosePromise];
    }
    this[kRefs]--;
    if (this[kRefs] === 0) {
      this[kFd] = -1;
      this[kClosePromise] = SafePromisePrototypeFinally(
        this[kHandle].close(),
        () => {
          this[kClosePromise] = void 0;
        }
      );
    } else {
      this[kClosePromise] = SafePromisePrototypeFinally(
        new Promise((resolve, reject) => {
          this[kCloseResolve] = resolve;
          this[kCloseReject] = reject;
        }),
        () => {
          this[kClosePromise] = void 0;
          this[kCloseReject] = void 0;
          this[kCloseResolve] = void 0;
        }
      );
    }
    this.emit("close");
    return this[kClosePromise];
  };
  async [SymbolAsyncDispose]() {
    return this.close();
  }
  /**
   * @typedef {import('../webstreams/readablestream').ReadableStream
   * } ReadableStream
   * @param {{
   *   type?: string;
   *   }} [options]
   * @returns {ReadableStream}
   */
  readableWebStream(options = kEmptyObject) {
    if (this[kFd] === -1)
      throw new ERR_INVALID_STATE("The FileHandle is closed");
    if (this[kClosePromise])
      throw new ERR_INVALID_STATE("The FileHandle is closing");
    if (this[kLocked])
      throw new ERR_INVALID_STATE("The FileHandle is locked");
    this[kLocked] = true;
    if (options.type !== void 0) {
      validateString(options.type, "options.type");
    }
    let readable;
    if (options.type !== "bytes") {
      const {
        newReadableStreamFromStreamBase
      } = require("internal/webstreams/adapters");
      readable = newReadableStreamFromStreamBase(
        this[kHandle],
        void 0,
        { ondone: () => this[kUnref]() }
      );
    } else {
      const {
        ReadableStream
      } = require("internal/webstreams/readablestream");
      const readFn = FunctionPrototypeBind(this.read, this);
      const ondone = FunctionPrototypeBind(this[kUnref], this);
      readable = new ReadableStream({
        type: "bytes",
        autoAllocateChunkSize: 16384,
        async pull(controller) {
          const view = controller.byobRequest.view;
          const { bytesRead } = await readFn(view, view.byteOffset, view.byteLength);
          if (bytesRead === 0) {
            ondone();
            controller.close();
          }
          controller.byobRequest.respond(bytesRead);
        },
        cancel() {
          ondone();
        }
      });
    }
    const {
      readableStreamCancel
    } = require("internal/webstreams/readablestream");
    this[kRef]();
    this.once("close", () => {
      readableStreamCancel(readable);
    });
    return readable;
  }
  /**
   * @typedef {import('./streams').ReadStream
   * } ReadStream
   * @param {{
   *   encoding?: string;
   *   autoClose?: boolean;
   *   emitClose?: boolean;
   *   start: number;
   *   end?: number;
   *   highWaterMark?: number;
   *   }} [options]
   * @returns {ReadStream}
   */
  createReadStream(options = void 0) {
    const { ReadStream } = lazyFsStreams();
    return new ReadStream(void 0, { ...options, fd: this });
  }
  /**
   * @typedef {import('./streams').WriteStream
   * } WriteStream
   * @param {{
   *   encoding?: string;
   *   autoClose?: boolean;
   *   emitClose?: boolean;
   *   start: number;
   *   highWaterMark?: number;
   *   flush?: boolean;
   *   }} [options]
   * @returns {WriteStream}
   */
  createWriteStream(options = void 0) {
    const { WriteStream } = lazyFsStreams();
    return new WriteStream(void 0, { ...options, fd: this });
  }
  [kTransfer]() {
    if (this[kClosePromise] || this[kRefs] > 1) {
      throw lazyDOMException(
        "Cannot transfer FileHandle while in use",
        "DataCloneError"
      );
    }
    const handle = this[kHandle];
    this[kFd] = -1;
    this[kHandle] = null;
    this[kRefs] = 0;
    return {
      data: { handle },
      deserializeInfo: "internal/fs/promises:FileHandle"
    };
  }
  [kTransferList]() {
    return [this[kHandle]];
  }
  [kDeserialize]({ handle }) {
    this[kHandle] = handle;
    this[kFd] = handle.fd;
  }
  [kRef]() {
    this[kRefs]++;
  }
  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      this[kFd] = -1;
      PromisePrototypeThen(
        this[kHandle].close(),
        this[kCloseResolve],
        this[kCloseReject]
      );
    }
  }
}
async function handleFdClose(fileOpPromise, closeFunc) {
  return PromisePrototypeThen(
    fileOpPromise,
    (result) => PromisePrototypeThen(closeFunc(), () => result),
    (opError) => PromisePrototypeThen(
      closeFunc(),
      () => PromiseReject(opError),
      (closeError) => PromiseReject(aggregateTwoErrors(closeError, opError))
    )
  );
}
async function handleFdSync(fileOpPromise, handle) {
  return PromisePrototypeThen(
    fileOpPromise,
    (result) => PromisePrototypeThen(
      handle.sync(),
      () => result,
      (syncError) => PromiseReject(syncError)
    ),
    (opError) => PromiseReject(opError)
  );
}
async function fsCall(fn, handle, ...args) {
  assert(
    handle[kRefs] !== void 0,
    "handle must be an instance of FileHandle"
  );
  if (handle.fd === -1) {
    const err = new Error("file closed");
    err.code = "EBADF";
    err.syscall = fn.name;
    throw err;
  }
  try {
    handle[kRef]();
    return await fn(handle, ...new SafeArrayIterator(args));
  } finally {
    handle[kUnref]();
  }
}
function checkAborted(signal) {
  if (signal?.aborted)
    throw new AbortError(void 0, { cause: signal?.reason });
}
async function writeFileHandle(filehandle, data, signal, encoding) {
  checkAborted(signal);
  if (isCustomIterable(data)) {
    try {
      for (var iter = __forAwait(data), more, temp, error; more = !(temp = await iter.next()).done; more = false) {
        const buf = temp.value;
        checkAborted(signal);
        const toWrite = isArrayBufferView(buf) ? buf : Buffer.from(buf, encoding || "utf8");
        let remaining2 = toWrite.byteLength;
        while (remaining2 > 0) {
          const writeSize = MathMin(kWriteFileMaxChunkSize, remaining2);
          const { bytesWritten } = await write(
            filehandle,
            toWrite,
            toWrite.byteLength - remaining2,
            writeSize
          );
          remaining2 -= bytesWritten;
          checkAborted(signal);
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
    return;
  }
  data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let remaining = data.byteLength;
  if (remaining === 0) return;
  do {
    checkAborted(signal);
    const { bytesWritten } = await write(
      filehandle,
      data,
      0,
      MathMin(kWriteFileMaxChunkSize, data.byteLength)
    );
    remaining -= bytesWritten;
    data = new Uint8Array(
      data.buffer,
      data.byteOffset + bytesWritten,
      data.byteLength - bytesWritten
    );
  } while (remaining > 0);
}
async function readFileHandle(filehandle, options) {
  const signal = options?.signal;
  const encoding = options?.encoding;
  const decoder = encoding && new StringDecoder(encoding);
  checkAborted(signal);
  const statFields = await PromisePrototypeThen(
    binding.fstat(filehandle.fd, false, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
  checkAborted(signal);
  let size = 0;
  let length = 0;
  if ((statFields[
    1
    /* mode */
  ] & S_IFMT) === S_IFREG) {
    size = statFields[
      8
      /* size */
    ];
    length = encoding ? MathMin(size, kReadFileBufferLength) : size;
  }
  if (length === 0) {
    length = kReadFileUnknownBufferLength;
  }
  if (size > kIoMaxLength)
    throw new ERR_FS_FILE_TOO_LARGE(size);
  let totalRead = 0;
  const noSize = size === 0;
  let buffer = Buffer.allocUnsafeSlow(length);
  let result = "";
  let offset = 0;
  let buffers;
  const chunkedRead = length > kReadFileBufferLength;
  while (true) {
    checkAborted(signal);
    if (chunkedRead) {
      length = MathMin(size - totalRead, kReadFileBufferLength);
    }
    const bytesRead = await PromisePrototypeThen(
      binding.read(filehandle.fd, buffer, offset, length, -1, kUsePromises),
      void 0,
      handleErrorFromBinding
    ) ?? 0;
    totalRead += bytesRead;
    if (bytesRead === 0 || totalRead === size || bytesRead !== buffer.length && !chunkedRead && !noSize) {
      const singleRead = bytesRead === totalRead;
      const bytesToCheck = chunkedRead ? totalRead : bytesRead;
      if (bytesToCheck !== buffer.length) {
        buffer = buffer.subarray(0, bytesToCheck);
      }
      if (!encoding) {
        if (noSize && !singleRead) {
          ArrayPrototypePush(buffers, buffer);
          return Buffer.concat(buffers, totalRead);
        }
        return buffer;
      }
      if (singleRead) {
        return buffer.toString(encoding);
      }
      result += decoder.end(buffer);
      return result;
    }
    const readBuffer = bytesRead !== buffer.length ? buffer.subarray(0, bytesRead) : buffer;
    if (encoding) {
      result += decoder.write(readBuffer);
    } else if (size !== 0) {
      offset = totalRead;
    } else {
      buffers ??= [];
      ArrayPrototypePush(buffers, readBuffer);
      buffer = Buffer.allocUnsafeSlow(kReadFileUnknownBufferLength);
    }
  }
}
async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  return await PromisePrototypeThen(
    binding.access(pathModule.toNamespacedPath(path), mode, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function cp(src, dest, options) {
  options = validateCpOptions(options);
  src = pathModule.toNamespacedPath(getValidatedPath(src, "src"));
  dest = pathModule.toNamespacedPath(getValidatedPath(dest, "dest"));
  return lazyLoadCpPromises()(src, dest, options);
}
async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, "src");
  dest = getValidatedPath(dest, "dest");
  return await PromisePrototypeThen(
    binding.copyFile(
      pathModule.toNamespacedPath(src),
      pathModule.toNamespacedPath(dest),
      mode,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, "mode", 438);
  return new FileHandle(await PromisePrototypeThen(
    binding.openFileHandle(
      pathModule.toNamespacedPath(path),
      flagsNumber,
      mode,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  ));
}
async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    if (bufferOrParams !== void 0) {
      validateObject(bufferOrParams, "options", kValidateObjectAllowNullable);
    }
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === "object") {
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null
    } = offset);
  }
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, "offset", 0);
  }
  length ??= buffer.byteLength - offset;
  if (length === 0)
    return { __proto__: null, bytesRead: length, buffer };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE(
      "buffer",
      buffer,
      "is empty and cannot be written"
    );
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (!NumberIsSafeInteger(position))
    position = -1;
  const bytesRead = await PromisePrototypeThen(
    binding.read(handle.fd, buffer, offset, length, position, kUsePromises),
    void 0,
    handleErrorFromBinding
  ) || 0;
  return { __proto__: null, bytesRead, buffer };
}
async function readv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== "number")
    position = null;
  const bytesRead = await PromisePrototypeThen(
    binding.readBuffers(handle.fd, buffers, position, kUsePromises),
    void 0,
    handleErrorFromBinding
  ) || 0;
  return { __proto__: null, bytesRead, buffers };
}
async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0)
    return { __proto__: null, bytesWritten: 0, buffer };
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === "object") {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, "offset", 0);
    }
    if (typeof length !== "number")
      length = buffer.byteLength - offset;
    if (typeof position !== "number")
      position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytesWritten2 = await PromisePrototypeThen(
      binding.writeBuffer(
        handle.fd,
        buffer,
        offset,
        length,
        position,
        kUsePromises
      ),
      void 0,
      handleErrorFromBinding
    ) || 0;
    return { __proto__: null, bytesWritten: bytesWritten2, buffer };
  }
  validateStringAfterArrayBufferView(buffer, "buffer");
  validateEncoding(buffer, length);
  const bytesWritten = await PromisePrototypeThen(
    binding.writeString(handle.fd, buffer, offset, length, kUsePromises),
    void 0,
    handleErrorFromBinding
  ) || 0;
  return { __proto__: null, bytesWritten, buffer };
}
async function writev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== "number")
    position = null;
  if (buffers.length === 0) {
    return { __proto__: null, bytesWritten: 0, buffers };
  }
  const bytesWritten = await PromisePrototypeThen(
    binding.writeBuffers(handle.fd, buffers, position, kUsePromises),
    void 0,
    handleErrorFromBinding
  ) || 0;
  return { __proto__: null, bytesWritten, buffers };
}
async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, "oldPath");
  newPath = getValidatedPath(newPath, "newPath");
  return await PromisePrototypeThen(
    binding.rename(
      pathModule.toNamespacedPath(oldPath),
      pathModule.toNamespacedPath(newPath),
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function truncate(path, len = 0) {
  const fd = await open(path, "r+");
  return handleFdClose(ftruncate(fd, len), fd.close);
}
async function ftruncate(handle, len = 0) {
  validateInteger(len, "len");
  len = MathMax(0, len);
  return await PromisePrototypeThen(
    binding.ftruncate(handle.fd, len, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function rm(path, options) {
  path = pathModule.toNamespacedPath(getValidatedPath(path));
  options = await validateRmOptionsPromise(path, options, false);
  return lazyRimRaf()(path, options);
}
async function rmdir(path, options) {
  path = pathModule.toNamespacedPath(getValidatedPath(path));
  options = validateRmdirOptions(options);
  if (options.recursive) {
    emitRecursiveRmdirWarning();
    const stats = await stat(path);
    if (stats.isDirectory()) {
      return lazyRimRaf()(path, options);
    }
  }
  return await PromisePrototypeThen(
    binding.rmdir(path, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function fdatasync(handle) {
  return await PromisePrototypeThen(
    binding.fdatasync(handle.fd, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function fsync(handle) {
  return await PromisePrototypeThen(
    binding.fsync(handle.fd, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function mkdir(path, options) {
  if (typeof options === "number" || typeof options === "string") {
    options = { mode: options };
  }
  const {
    recursive = false,
    mode = 511
  } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, "options.recursive");
  return await PromisePrototypeThen(
    binding.mkdir(
      pathModule.toNamespacedPath(path),
      parseFileMode(mode, "mode", 511),
      recursive,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function readdirRecursive(originalPath, options) {
  const result = [];
  const queue = [
    [
      originalPath,
      await PromisePrototypeThen(
        binding.readdir(
          pathModule.toNamespacedPath(originalPath),
          options.encoding,
          !!options.withFileTypes,
          kUsePromises
        ),
        void 0,
        handleErrorFromBinding
      )
    ]
  ];
  if (options.withFileTypes) {
    while (queue.length > 0) {
      const { 0: path, 1: readdir2 } = ArrayPrototypePop(queue);
      for (const dirent of getDirents(path, readdir2)) {
        ArrayPrototypePush(result, dirent);
        if (dirent.isDirectory()) {
          const direntPath = pathModule.join(path, dirent.name);
          ArrayPrototypePush(queue, [
            direntPath,
            await PromisePrototypeThen(
              binding.readdir(
                direntPath,
                options.encoding,
                true,
                kUsePromises
              ),
              void 0,
              handleErrorFromBinding
            )
          ]);
        }
      }
    }
  } else {
    while (queue.length > 0) {
      const { 0: path, 1: readdir2 } = ArrayPrototypePop(queue);
      for (const ent of readdir2) {
        const direntPath = pathModule.join(path, ent);
        const stat2 = binding.internalModuleStat(direntPath);
        ArrayPrototypePush(
          result,
          pathModule.relative(originalPath, direntPath)
        );
        if (stat2 === 1) {
          ArrayPrototypePush(queue, [
            direntPath,
            await PromisePrototypeThen(
              binding.readdir(
                pathModule.toNamespacedPath(direntPath),
                options.encoding,
                false,
                kUsePromises
              ),
              void 0,
              handleErrorFromBinding
            )
          ]);
        }
      }
    }
  }
  return result;
}
async function readdir(path, options) {
  options = getOptions(options);
  options = copyObject(options);
  path = getValidatedPath(path);
  if (options.recursive) {
    return readdirRecursive(path, options);
  }
  const result = await PromisePrototypeThen(
    binding.readdir(
      pathModule.toNamespacedPath(path),
      options.encoding,
      !!options.withFileTypes,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
  return options.withFileTypes ? getDirectoryEntriesPromise(path, result) : result;
}
async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, "oldPath");
  return await PromisePrototypeThen(
    binding.readlink(
      pathModule.toNamespacedPath(path),
      options.encoding,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function symlink(target, path, type_) {
  let type = typeof type_ === "string" ? type_ : null;
  if (isWindows && type === null) {
    try {
      const absoluteTarget = pathModule.resolve(`${path}`, "..", `${target}`);
      type = (await stat(absoluteTarget)).isDirectory() ? "dir" : "file";
    } catch {
      type = "file";
    }
  }
  if (permission.isEnabled() && !permission.has("fs")) {
    throw new ERR_ACCESS_DENIED("fs.symlink API requires full fs.read and fs.write permissions.");
  }
  target = getValidatedPath(target, "target");
  path = getValidatedPath(path);
  return await PromisePrototypeThen(
    binding.symlink(
      preprocessSymlinkDestination(target, type, path),
      pathModule.toNamespacedPath(path),
      stringToSymlinkType(type),
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function fstat(handle, options = { bigint: false }) {
  const result = await PromisePrototypeThen(
    binding.fstat(handle.fd, options.bigint, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
  return getStatsFromBinding(result);
}
async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  if (permission.isEnabled() && !permission.has("fs.read", path)) {
    const resource = pathModule.toNamespacedPath(BufferIsBuffer(path) ? BufferToString(path) : path);
    throw new ERR_ACCESS_DENIED("Access to this API has been restricted", "FileSystemRead", resource);
  }
  const result = await PromisePrototypeThen(
    binding.lstat(
      pathModule.toNamespacedPath(path),
      options.bigint,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
  return getStatsFromBinding(result);
}
async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const result = await PromisePrototypeThen(
    binding.stat(
      pathModule.toNamespacedPath(path),
      options.bigint,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
  return getStatsFromBinding(result);
}
async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const result = await PromisePrototypeThen(
    binding.statfs(
      pathModule.toNamespacedPath(path),
      options.bigint,
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
  return getStatFsFromBinding(result);
}
async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, "existingPath");
  newPath = getValidatedPath(newPath, "newPath");
  return await PromisePrototypeThen(
    binding.link(
      pathModule.toNamespacedPath(existingPath),
      pathModule.toNamespacedPath(newPath),
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function unlink(path) {
  path = getValidatedPath(path);
  return await PromisePrototypeThen(
    binding.unlink(pathModule.toNamespacedPath(path), kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function fchmod(handle, mode) {
  if (permission.isEnabled()) {
    throw new ERR_ACCESS_DENIED("fchmod API is disabled when Permission Model is enabled.");
  }
  mode = parseFileMode(mode, "mode");
  return await PromisePrototypeThen(
    binding.fchmod(handle.fd, mode, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, "mode");
  return await PromisePrototypeThen(
    binding.chmod(pathModule.toNamespacedPath(path), mode, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function lchmod(path, mode) {
  if (O_SYMLINK === void 0)
    throw new ERR_METHOD_NOT_IMPLEMENTED("lchmod()");
  const fd = await open(path, O_WRONLY | O_SYMLINK);
  return handleFdClose(fchmod(fd, mode), fd.close);
}
async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  return await PromisePrototypeThen(
    binding.lchown(pathModule.toNamespacedPath(path), uid, gid, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function fchown(handle, uid, gid) {
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  if (permission.isEnabled()) {
    throw new ERR_ACCESS_DENIED("fchown API is disabled when Permission Model is enabled.");
  }
  return await PromisePrototypeThen(
    binding.fchown(handle.fd, uid, gid, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  return await PromisePrototypeThen(
    binding.chown(pathModule.toNamespacedPath(path), uid, gid, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return await PromisePrototypeThen(
    binding.utimes(
      pathModule.toNamespacedPath(path),
      toUnixTimestamp(atime),
      toUnixTimestamp(mtime),
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime, "atime");
  mtime = toUnixTimestamp(mtime, "mtime");
  return await PromisePrototypeThen(
    binding.futimes(handle.fd, atime, mtime, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return await PromisePrototypeThen(
    binding.lutimes(
      pathModule.toNamespacedPath(path),
      toUnixTimestamp(atime),
      toUnixTimestamp(mtime),
      kUsePromises
    ),
    void 0,
    handleErrorFromBinding
  );
}
async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return await PromisePrototypeThen(
    binding.realpath(pathModule.toNamespacedPath(path), options.encoding, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, "prefix");
  warnOnNonPortableTemplate(prefix);
  return await PromisePrototypeThen(
    binding.mkdtemp(prefix, options.encoding, kUsePromises),
    void 0,
    handleErrorFromBinding
  );
}
async function writeFile(path, data, options) {
  options = getOptions(options, {
    encoding: "utf8",
    mode: 438,
    flag: "w",
    flush: false
  });
  const flag = options.flag || "w";
  const flush = options.flush ?? false;
  validateBoolean(flush, "options.flush");
  if (!isArrayBufferView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, "data");
    data = Buffer.from(data, options.encoding || "utf8");
  }
  validateAbortSignal(options.signal);
  if (path instanceof FileHandle)
    return writeFileHandle(path, data, options.signal, options.encoding);
  checkAborted(options.signal);
  const fd = await open(path, flag, options.mode);
  let writeOp = writeFileHandle(fd, data, options.signal, options.encoding);
  if (flush) {
    writeOp = handleFdSync(writeOp, fd);
  }
  return handleFdClose(writeOp, fd.close);
}
function isCustomIterable(obj) {
  return isIterable(obj) && !isArrayBufferView(obj) && typeof obj !== "string";
}
async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: "utf8", mode: 438, flag: "a" });
  options = copyObject(options);
  options.flag = options.flag || "a";
  return writeFile(path, data, options);
}
async function readFile(path, options) {
  options = getOptions(options, { flag: "r" });
  const flag = options.flag || "r";
  if (path instanceof FileHandle)
    return readFileHandle(path, options);
  checkAborted(options.signal);
  const fd = await open(path, flag, 438);
  return handleFdClose(readFileHandle(fd, options), fd.close);
}
function _watch(_0) {
  return __asyncGenerator(this, arguments, function* (filename, options = kEmptyObject) {
    validateObject(options, "options");
    if (options.recursive != null) {
      validateBoolean(options.recursive, "options.recursive");
      if (options.recursive && !isOSX && !isWindows) {
        const watcher = new nonNativeWatcher.FSWatcher(options);
        watcher[kFSWatchStart](filename);
        yield* __yieldStar(watcher);
        return;
      }
    }
    yield* __yieldStar(watch(filename, options));
  });
}
module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    open,
    opendir: promisify(opendir),
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    writeFile,
    appendFile,
    readFile,
    watch: !isOSX && !isWindows ? _watch : watch,
    constants
  },
  FileHandle,
  kRef,
  kUnref
};
