"use strict";
const {
  ArrayPrototypePush,
  BigIntPrototypeToString,
  Boolean,
  MathMax,
  Number,
  ObjectDefineProperties,
  ObjectDefineProperty,
  Promise,
  PromiseResolve,
  ReflectApply,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  uncurryThis
} = primordials;
const { fs: constants } = internalBinding("constants");
const {
  S_IFIFO,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  S_IFSOCK,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  O_WRONLY,
  O_SYMLINK
} = constants;
const pathModule = require("path");
const { isArrayBufferView } = require("internal/util/types");
const binding = internalBinding("fs");
const createBlobFromFilePath = (...args) => require("internal/blob").createBlobFromFilePath(...args);
const { Buffer } = require("buffer");
const { isBuffer: BufferIsBuffer } = Buffer;
const BufferToString = uncurryThis(Buffer.prototype.toString);
const {
  aggregateTwoErrors,
  codes: {
    ERR_ACCESS_DENIED,
    ERR_FS_FILE_TOO_LARGE,
    ERR_INVALID_ARG_VALUE
  },
  AbortError,
  UVException
} = require("internal/errors");
const {
  FSReqCallback,
  statValues
} = binding;
const { toPathIfFileURL } = require("internal/url");
const {
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  kEmptyObject,
  promisify: {
    custom: kCustomPromisifiedSymbol
  },
  SideEffectFreeRegExpPrototypeExec,
  defineLazyProperties
} = require("internal/util");
const {
  constants: {
    kIoMaxLength,
    kMaxUserId
  },
  copyObject,
  Dirent,
  emitRecursiveRmdirWarning,
  getDirent,
  getDirents,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  handleErrorFromBinding,
  preprocessSymlinkDestination,
  Stats,
  getStatFsFromBinding,
  getStatsFromBinding,
  realpathCacheKey,
  stringToFlags,
  stringToSymlinkType,
  toUnixTimestamp,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmOptions,
  validateRmOptionsSync,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate
} = require("internal/fs/utils");
const {
  CHAR_FORWARD_SLASH,
  CHAR_BACKWARD_SLASH
} = require("internal/constants");
const {
  isInt32,
  parseFileMode,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateFunction,
  validateInteger,
  validateObject,
  validateString,
  kValidateObjectAllowNullable
} = require("internal/validators");
const permission = require("internal/process/permission");
let truncateWarn = true;
let fs;
let cpFn;
let cpSyncFn;
let promises = null;
let ReadStream;
let WriteStream;
let rimraf;
let rimrafSync;
let kResistStopPropagation;
let ReadFileContext;
let FileReadStream;
let FileWriteStream;
const isWindows = process.platform === "win32";
const isOSX = process.platform === "darwin";
function showTruncateDeprecation() {
  if (truncateWarn) {
    process.emitWarning(
      "Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.",
      "DeprecationWarning",
      "DEP0081"
    );
    truncateWarn = false;
  }
}
function makeCallback(cb) {
  validateFunction(cb, "cb");
  return (...args) => ReflectApply(cb, this, args);
}
function makeStatsCallback(cb) {
  validateFunction(cb, "cb");
  return (err, stats) => {
    if (err) return cb(err);
    cb(err, getStatsFromBinding(stats));
  };
}
const isFd = isInt32;
function isFileType(stats, fileType) {
  let mode = stats[1];
  if (typeof mode === "bigint")
    mode = Number(mode);
  return (mode & S_IFMT) === fileType;
}
function access(path, mode, callback) {
  if (typeof mode === "function") {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.access(pathModule.toNamespacedPath(path), mode, req);
}
function accessSync(path, mode) {
  path = getValidatedPath(path);
  binding.access(pathModule.toNamespacedPath(path), mode);
}
function exists(path, callback) {
  validateFunction(callback, "cb");
  function suppressedCallback(err) {
    callback(!err);
  }
  try {
    fs.access(path, F_OK, suppressedCallback);
  } catch {
    return callback(false);
  }
}
ObjectDefineProperty(exists, kCustomPromisifiedSymbol, {
  __proto__: null,
  value: function exists2(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  }
});
function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.existsSync(pathModule.toNamespacedPath(path));
}
function readFileAfterOpen(err, fd) {
  const context = this.context;
  if (err) {
    context.callback(err);
    return;
  }
  context.fd = fd;
  const req = new FSReqCallback();
  req.oncomplete = readFileAfterStat;
  req.context = context;
  binding.fstat(fd, false, req);
}
function readFileAfterStat(err, stats) {
  const context = this.context;
  if (err)
    return context.close(err);
  const size = context.size = isFileType(stats, S_IFREG) ? stats[8] : 0;
  if (size > kIoMaxLength) {
    err = new ERR_FS_FILE_TOO_LARGE(size);
    return context.close(err);
  }
  try {
    if (size === 0) {
      context.buffers = [];
    } else {
      context.buffer = Buffer.allocUnsafeSlow(size);
    }
  } catch (err2) {
    return context.close(err2);
  }
  context.read();
}
function checkAborted(signal, callback) {
  if (signal?.aborted) {
    callback(new AbortError(void 0, { cause: signal?.reason }));
    return true;
  }
  return false;
}
function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, "cb");
  options = getOptions(options, { flag: "r" });
  ReadFileContext ??= require("internal/fs/read/context");
  const context = new ReadFileContext(callback, options.encoding);
  context.isUserFd = isFd(path);
  if (options.signal) {
    context.signal = options.signal;
  }
  if (context.isUserFd) {
    process.nextTick(function tick(context2) {
      ReflectApply(readFileAfterOpen, { context: context2 }, [null, path]);
    }, context);
    return;
  }
  if (checkAborted(options.signal, callback))
    return;
  const flagsNumber = stringToFlags(options.flag, "options.flag");
  path = getValidatedPath(path);
  const req = new FSReqCallback();
  req.context = context;
  req.oncomplete = readFileAfterOpen;
  binding.open(
    pathModule.toNamespacedPath(path),
    flagsNumber,
    438,
    req
  );
}
function tryStatSync(fd, isUserFd) {
  const stats = binding.fstat(
    fd,
    false,
    void 0,
    true
    /* shouldNotThrow */
  );
  if (stats === void 0 && !isUserFd) {
    fs.closeSync(fd);
    throw new UVException();
  }
  return stats;
}
function tryCreateBuffer(size, fd, isUserFd) {
  let threw = true;
  let buffer;
  try {
    if (size > kIoMaxLength) {
      throw new ERR_FS_FILE_TOO_LARGE(size);
    }
    buffer = Buffer.allocUnsafe(size);
    threw = false;
  } finally {
    if (threw && !isUserFd) fs.closeSync(fd);
  }
  return buffer;
}
function tryReadSync(fd, isUserFd, buffer, pos, len) {
  let threw = true;
  let bytesRead;
  try {
    bytesRead = fs.readSync(fd, buffer, pos, len);
    threw = false;
  } finally {
    if (threw && !isUserFd) fs.closeSync(fd);
  }
  return bytesRead;
}
function readFileSync(path, options) {
  options = getOptions(options, { flag: "r" });
  if (options.encoding === "utf8" || options.encoding === "utf-8") {
    if (!isInt32(path)) {
      path = pathModule.toNamespacedPath(getValidatedPath(path));
    }
    return binding.readFileUtf8(path, stringToFlags(options.flag));
  }
  const isUserFd = isFd(path);
  const fd = isUserFd ? path : fs.openSync(path, options.flag, 438);
  const stats = tryStatSync(fd, isUserFd);
  const size = isFileType(stats, S_IFREG) ? stats[8] : 0;
  let pos = 0;
  let buffer;
  let buffers;
  if (size === 0) {
    buffers = [];
  } else {
    buffer = tryCreateBuffer(size, fd, isUserFd);
  }
  let bytesRead;
  if (size !== 0) {
    do {
      bytesRead = tryReadSync(fd, isUserFd, buffer, pos, size - pos);
      pos += bytesRead;
    } while (bytesRead !== 0 && pos < size);
  } else {
    do {
      buffer = Buffer.allocUnsafe(8192);
      bytesRead = tryReadSync(fd, isUserFd, buffer, 0, 8192);
      if (bytesRead !== 0) {
        ArrayPrototypePush(buffers, buffer.slice(0, bytesRead));
      }
      pos += bytesRead;
    } while (bytesRead !== 0);
  }
  if (!isUserFd)
    fs.closeSync(fd);
  if (size === 0) {
    buffer = Buffer.concat(buffers, pos);
  } else if (pos < size) {
    buffer = buffer.slice(0, pos);
  }
  if (options.encoding) buffer = buffer.toString(options.encoding);
  return buffer;
}
function defaultCloseCallback(err) {
  if (err != null) throw err;
}
function close(fd, callback = defaultCloseCallback) {
  if (callback !== defaultCloseCallback)
    callback = makeCallback(callback);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.close(fd, req);
}
function closeSync(fd) {
  binding.close(fd);
}
function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = "r";
    mode = 438;
  } else if (typeof mode === "function") {
    callback = mode;
    mode = 438;
  } else {
    mode = parseFileMode(mode, "mode", 438);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.open(
    pathModule.toNamespacedPath(path),
    flagsNumber,
    mode,
    req
  );
}
function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return binding.open(
    pathModule.toNamespacedPath(path),
    stringToFlags(flags),
    parseFileMode(mode, "mode", 438)
  );
}
function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, "options");
  const type = options.type || "";
  validateString(type, "options.type");
  path = getValidatedPath(path);
  return PromiseResolve(createBlobFromFilePath(pathModule.toNamespacedPath(path), { type }));
}
function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, "options", kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== void 0) {
      validateObject(params, "options", kValidateObjectAllowNullable);
    }
    ({
      offset = 0,
      length = buffer?.byteLength - offset,
      position = null
    } = params ?? kEmptyObject);
  }
  validateBuffer(buffer);
  validateFunction(callback, "cb");
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, "offset", 0);
  }
  length |= 0;
  if (length === 0) {
    return process.nextTick(function tick() {
      callback(null, 0, buffer);
    });
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE(
      "buffer",
      buffer,
      "is empty and cannot be written"
    );
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null)
    position = -1;
  validatePosition(position, "position");
  function wrapper(err, bytesRead) {
    callback(err, bytesRead || 0, buffer);
  }
  const req = new FSReqCallback();
  req.oncomplete = wrapper;
  binding.read(fd, buffer, offset, length, position, req);
}
ObjectDefineProperty(
  read,
  kCustomPromisifyArgsSymbol,
  { __proto__: null, value: ["bytesRead", "buffer"], enumerable: false }
);
function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === "object") {
    if (offsetOrOptions !== void 0) {
      validateObject(offsetOrOptions, "options", kValidateObjectAllowNullable);
    }
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null
    } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset === void 0) {
    offset = 0;
  } else {
    validateInteger(offset, "offset", 0);
  }
  length |= 0;
  if (length === 0) {
    return 0;
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE(
      "buffer",
      buffer,
      "is empty and cannot be written"
    );
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null)
    position = -1;
  validatePosition(position, "position");
  return binding.read(fd, buffer, offset, length, position);
}
function readv(fd, buffers, position, callback) {
  function wrapper(err, read2) {
    callback(err, read2 || 0, buffers);
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, "cb");
  const req = new FSReqCallback();
  req.oncomplete = wrapper;
  if (typeof position !== "number")
    position = null;
  binding.readBuffers(fd, buffers, position, req);
}
ObjectDefineProperty(
  readv,
  kCustomPromisifyArgsSymbol,
  { __proto__: null, value: ["bytesRead", "buffers"], enumerable: false }
);
function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== "number")
    position = null;
  return binding.readBuffers(fd, buffers, position);
}
function write(fd, buffer, offsetOrOptions, length, position, callback) {
  function wrapper(err, written) {
    callback(err, written || 0, buffer);
  }
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    callback ||= position || length || offset;
    validateFunction(callback, "cb");
    if (typeof offset === "object") {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null || typeof offset === "function") {
      offset = 0;
    } else {
      validateInteger(offset, "offset", 0);
    }
    if (typeof length !== "number")
      length = buffer.byteLength - offset;
    if (typeof position !== "number")
      position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const req2 = new FSReqCallback();
    req2.oncomplete = wrapper;
    binding.writeBuffer(fd, buffer, offset, length, position, req2);
    return;
  }
  validateStringAfterArrayBufferView(buffer, "buffer");
  if (typeof position !== "function") {
    if (typeof offset === "function") {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = "utf8";
  }
  const str = buffer;
  validateEncoding(str, length);
  callback = position;
  validateFunction(callback, "cb");
  const req = new FSReqCallback();
  req.oncomplete = wrapper;
  binding.writeString(fd, str, offset, length, req);
}
ObjectDefineProperty(
  write,
  kCustomPromisifyArgsSymbol,
  { __proto__: null, value: ["bytesWritten", "buffer"], enumerable: false }
);
function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const ctx = {};
  let result;
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === "object") {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (position === void 0)
      position = null;
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, "offset", 0);
    }
    if (typeof length !== "number")
      length = buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    result = binding.writeBuffer(
      fd,
      buffer,
      offset,
      length,
      position,
      void 0,
      ctx
    );
  } else {
    validateStringAfterArrayBufferView(buffer, "buffer");
    validateEncoding(buffer, length);
    if (offset === void 0)
      offset = null;
    result = binding.writeString(
      fd,
      buffer,
      offset,
      length,
      void 0,
      ctx
    );
  }
  handleErrorFromBinding(ctx);
  return result;
}
function writev(fd, buffers, position, callback) {
  function wrapper(err, written) {
    callback(err, written || 0, buffers);
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, "cb");
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  const req = new FSReqCallback();
  req.oncomplete = wrapper;
  if (typeof position !== "number")
    position = null;
  binding.writeBuffers(fd, buffers, position, req);
}
ObjectDefineProperty(writev, kCustomPromisifyArgsSymbol, {
  __proto__: null,
  value: ["bytesWritten", "buffer"],
  enumerable: false
});
function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) {
    return 0;
  }
  if (typeof position !== "number")
    position = null;
  return binding.writeBuffers(fd, buffers, position);
}
function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, "oldPath");
  newPath = getValidatedPath(newPath, "newPath");
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.rename(
    pathModule.toNamespacedPath(oldPath),
    pathModule.toNamespacedPath(newPath),
    req
  );
}
function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, "oldPath");
  newPath = getValidatedPath(newPath, "newPath");
  binding.rename(
    pathModule.toNamespacedPath(oldPath),
    pathModule.toNamespacedPath(newPath)
  );
}
function truncate(path, len, callback) {
  if (typeof path === "number") {
    showTruncateDeprecation();
    return fs.ftruncate(path, len, callback);
  }
  if (typeof len === "function") {
    callback = len;
    len = 0;
  } else if (len === void 0) {
    len = 0;
  }
  validateInteger(len, "len");
  len = MathMax(0, len);
  validateFunction(callback, "cb");
  fs.open(path, "r+", (er, fd) => {
    if (er) return callback(er);
    const req = new FSReqCallback();
    req.oncomplete = function oncomplete(er2) {
      fs.close(fd, (er22) => {
        callback(aggregateTwoErrors(er22, er2));
      });
    };
    binding.ftruncate(fd, len, req);
  });
}
function truncateSync(path, len) {
  if (typeof path === "number") {
    showTruncateDeprecation();
    return fs.ftruncateSync(path, len);
  }
  if (len === void 0) {
    len = 0;
  }
  const fd = fs.openSync(path, "r+");
  try {
    fs.ftruncateSync(fd, len);
  } finally {
    fs.closeSync(fd);
  }
}
function ftruncate(fd, len = 0, callback) {
  if (typeof len === "function") {
    callback = len;
    len = 0;
  }
  validateInteger(len, "len");
  len = MathMax(0, len);
  callback = makeCallback(callback);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.ftruncate(fd, len, req);
}
function ftruncateSync(fd, len = 0) {
  validateInteger(len, "len");
  len = MathMax(0, len);
  binding.ftruncate(fd, len);
}
function lazyLoadCp() {
  if (cpFn === void 0) {
    ({ cpFn } = require("internal/fs/cp/cp"));
    cpFn = require("util").callbackify(cpFn);
    ({ cpSyncFn } = require("internal/fs/cp/cp-sync"));
  }
}
function lazyLoadRimraf() {
  if (rimraf === void 0)
    ({ rimraf, rimrafSync } = require("internal/fs/rimraf"));
}
function rmdir(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = void 0;
  }
  callback = makeCallback(callback);
  path = pathModule.toNamespacedPath(getValidatedPath(path));
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    validateRmOptions(
      path,
      { ...options, force: false },
      true,
      (err, options2) => {
        if (err === false) {
          const req = new FSReqCallback();
          req.oncomplete = callback;
          binding.rmdir(path, req);
          return;
        }
        if (err) {
          return callback(err);
        }
        lazyLoadRimraf();
        rimraf(path, options2, callback);
      }
    );
  } else {
    validateRmdirOptions(options);
    const req = new FSReqCallback();
    req.oncomplete = callback;
    binding.rmdir(path, req);
  }
}
function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    options = validateRmOptionsSync(path, { ...options, force: false }, true);
    if (options !== false) {
      lazyLoadRimraf();
      return rimrafSync(pathModule.toNamespacedPath(path), options);
    }
  } else {
    validateRmdirOptions(options);
  }
  binding.rmdir(pathModule.toNamespacedPath(path));
}
function rm(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = void 0;
  }
  path = getValidatedPath(path);
  validateRmOptions(path, options, false, (err, options2) => {
    if (err) {
      return callback(err);
    }
    lazyLoadRimraf();
    return rimraf(pathModule.toNamespacedPath(path), options2, callback);
  });
}
function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptionsSync(path, options, false);
  lazyLoadRimraf();
  return rimrafSync(pathModule.toNamespacedPath(path), options);
}
function fdatasync(fd, callback) {
  const req = new FSReqCallback();
  req.oncomplete = makeCallback(callback);
  if (permission.isEnabled()) {
    callback(new ERR_ACCESS_DENIED("fdatasync API is disabled when Permission Model is enabled."));
    return;
  }
  binding.fdatasync(fd, req);
}
function fdatasyncSync(fd) {
  if (permission.isEnabled()) {
    throw new ERR_ACCESS_DENIED("fdatasync API is disabled when Permission Model is enabled.");
  }
  binding.fdatasync(fd);
}
function fsync(fd, callback) {
  const req = new FSReqCallback();
  req.oncomplete = makeCallback(callback);
  if (permission.isEnabled()) {
    callback(new ERR_ACCESS_DENIED("fsync API is disabled when Permission Model is enabled."));
    return;
  }
  binding.fsync(fd, req);
}
function fsyncSync(fd) {
  if (permission.isEnabled()) {
    throw new ERR_ACCESS_DENIED("fsync API is disabled when Permission Model is enabled.");
  }
  binding.fsync(fd);
}
function mkdir(path, options, callback) {
  let mode = 511;
  let recursive = false;
  if (typeof options === "function") {
    callback = options;
  } else if (typeof options === "number" || typeof options === "string") {
    mode = options;
  } else if (options) {
    if (options.recursive !== void 0)
      recursive = options.recursive;
    if (options.mode !== void 0)
      mode = options.mode;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateBoolean(recursive, "options.recursive");
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.mkdir(
    pathModule.toNamespacedPath(path),
    parseFileMode(mode, "mode"),
    recursive,
    req
  );
}
function mkdirSync(path, options) {
  let mode = 511;
  let recursive = false;
  if (typeof options === "number" || typeof options === "string") {
    mode = options;
  } else if (options) {
    if (options.recursive !== void 0)
      recursive = options.recursive;
    if (options.mode !== void 0)
      mode = options.mode;
  }
  path = getValidatedPath(path);
  validateBoolean(recursive, "options.recursive");
  const result = binding.mkdir(
    pathModule.toNamespacedPath(path),
    parseFileMode(mode, "mode"),
    recursive
  );
  if (recursive) {
    return result;
  }
}
function readdirSyncRecursive(basePath, options) {
  const withFileTypes = Boolean(options.withFileTypes);
  const encoding = options.encoding;
  const readdirResults = [];
  const pathsQueue = [basePath];
  function read2(path) {
    const readdirResult = binding.readdir(
      pathModule.toNamespacedPath(path),
      encoding,
      withFileTypes
    );
    if (readdirResult === void 0) {
      return;
    }
    if (withFileTypes) {
      const length = readdirResult[0].length;
      for (let i = 0; i < length; i++) {
        const dirent = getDirent(path, readdirResult[0][i], readdirResult[1][i]);
        ArrayPrototypePush(readdirResults, dirent);
        if (dirent.isDirectory()) {
          ArrayPrototypePush(pathsQueue, pathModule.join(dirent.parentPath, dirent.name));
        }
      }
    } else {
      for (let i = 0; i < readdirResult.length; i++) {
        const resultPath = pathModule.join(path, readdirResult[i]);
        const relativeResultPath = pathModule.relative(basePath, resultPath);
        const stat2 = binding.internalModuleStat(resultPath);
        ArrayPrototypePush(readdirResults, relativeResultPath);
        if (stat2 === 1) {
          ArrayPrototypePush(pathsQueue, resultPath);
        }
      }
    }
  }
  for (let i = 0; i < pathsQueue.length; i++) {
    read2(pathsQueue[i]);
  }
  return readdirResults;
}
function readdir(path, options, callback) {
  callback = makeCallback(typeof options === "function" ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) {
    validateBoolean(options.recursive, "options.recursive");
  }
  if (options.recursive) {
    callback(null, readdirSyncRecursive(path, options));
    return;
  }
  const req = new FSReqCallback();
  if (!options.withFileTypes) {
    req.oncomplete = callback;
  } else {
    req.oncomplete = (err, result) => {
      if (err) {
        callback(err);
        return;
      }
      getDirents(path, result, callback);
    };
  }
  binding.readdir(
    pathModule.toNamespacedPath(path),
    options.encoding,
    !!options.withFileTypes,
    req
  );
}
function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) {
    validateBoolean(options.recursive, "options.recursive");
  }
  if (options.recursive) {
    return readdirSyncRecursive(path, options);
  }
  const result = binding.readdir(
    pathModule.toNamespacedPath(path),
    options.encoding,
    !!options.withFileTypes
  );
  return result !== void 0 && options.withFileTypes ? getDirents(path, result) : result;
}
function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === "function") {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeStatsCallback(callback);
  const req = new FSReqCallback(options.bigint);
  req.oncomplete = callback;
  binding.fstat(fd, options.bigint, req);
}
function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === "function") {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeStatsCallback(callback);
  path = getValidatedPath(path);
  if (permission.isEnabled() && !permission.has("fs.read", path)) {
    const resource = BufferIsBuffer(path) ? BufferToString(path) : path;
    callback(new ERR_ACCESS_DENIED("Access to this API has been restricted", "FileSystemRead", resource));
    return;
  }
  const req = new FSReqCallback(options.bigint);
  req.oncomplete = callback;
  binding.lstat(pathModule.toNamespacedPath(path), options.bigint, req);
}
function stat(path, options = { bigint: false }, callback) {
  if (typeof options === "function") {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeStatsCallback(callback);
  path = getValidatedPath(path);
  const req = new FSReqCallback(options.bigint);
  req.oncomplete = callback;
  binding.stat(pathModule.toNamespacedPath(path), options.bigint, req);
}
function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === "function") {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, "cb");
  path = getValidatedPath(path);
  const req = new FSReqCallback(options.bigint);
  req.oncomplete = (err, stats) => {
    if (err) {
      return callback(err);
    }
    callback(err, getStatFsFromBinding(stats));
  };
  binding.statfs(pathModule.toNamespacedPath(path), options.bigint, req);
}
function fstatSync(fd, options = { bigint: false }) {
  const stats = binding.fstat(fd, options.bigint, void 0, false);
  if (stats === void 0) {
    return;
  }
  return getStatsFromBinding(stats);
}
function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  if (permission.isEnabled() && !permission.has("fs.read", path)) {
    const resource = BufferIsBuffer(path) ? BufferToString(path) : path;
    throw new ERR_ACCESS_DENIED("Access to this API has been restricted", "FileSystemRead", resource);
  }
  const stats = binding.lstat(
    pathModule.toNamespacedPath(path),
    options.bigint,
    void 0,
    options.throwIfNoEntry
  );
  if (stats === void 0) {
    return;
  }
  return getStatsFromBinding(stats);
}
function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  const stats = binding.stat(
    pathModule.toNamespacedPath(path),
    options.bigint,
    void 0,
    options.throwIfNoEntry
  );
  if (stats === void 0) {
    return void 0;
  }
  return getStatsFromBinding(stats);
}
function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const stats = binding.statfs(pathModule.toNamespacedPath(path), options.bigint);
  return getStatFsFromBinding(stats);
}
function readlink(path, options, callback) {
  callback = makeCallback(typeof options === "function" ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, "oldPath");
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.readlink(pathModule.toNamespacedPath(path), options.encoding, req);
}
function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, "oldPath");
  return binding.readlink(
    pathModule.toNamespacedPath(path),
    options.encoding
  );
}
function symlink(target, path, type_, callback_) {
  const type = typeof type_ === "string" ? type_ : null;
  const callback = makeCallback(arguments[arguments.length - 1]);
  if (permission.isEnabled() && !permission.has("fs")) {
    callback(new ERR_ACCESS_DENIED("fs.symlink API requires full fs.read and fs.write permissions."));
    return;
  }
  target = getValidatedPath(target, "target");
  path = getValidatedPath(path);
  if (isWindows && type === null) {
    let absoluteTarget;
    try {
      absoluteTarget = pathModule.resolve(path, "..", target);
    } catch {
    }
    if (absoluteTarget !== void 0) {
      stat(absoluteTarget, (err, stat2) => {
        const resolvedType = !err && stat2.isDirectory() ? "dir" : "file";
        const resolvedFlags = stringToSymlinkType(resolvedType);
        const destination2 = preprocessSymlinkDestination(
          target,
          resolvedType,
          path
        );
        const req2 = new FSReqCallback();
        req2.oncomplete = callback;
        binding.symlink(
          destination2,
          pathModule.toNamespacedPath(path),
          resolvedFlags,
          req2
        );
      });
      return;
    }
  }
  const destination = preprocessSymlinkDestination(target, type, path);
  const flags = stringToSymlinkType(type);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.symlink(destination, pathModule.toNamespacedPath(path), flags, req);
}
function symlinkSync(target, path, type) {
  type = typeof type === "string" ? type : null;
  if (isWindows && type === null) {
    const absoluteTarget = pathModule.resolve(`${path}`, "..", `${target}`);
    if (statSync(absoluteTarget, { throwIfNoEntry: false })?.isDirectory()) {
      type = "dir";
    }
  }
  if (permission.isEnabled() && !permission.has("fs")) {
    throw new ERR_ACCESS_DENIED("fs.symlink API requires full fs.read and fs.write permissions.");
  }
  target = getValidatedPath(target, "target");
  path = getValidatedPath(path);
  binding.symlink(
    preprocessSymlinkDestination(target, type, path),
    pathModule.toNamespacedPath(path),
    stringToSymlinkType(type)
  );
}
function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, "existingPath");
  newPath = getValidatedPath(newPath, "newPath");
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.link(
    pathModule.toNamespacedPath(existingPath),
    pathModule.toNamespacedPath(newPath),
    req
  );
}
function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, "existingPath");
  newPath = getValidatedPath(newPath, "newPath");
  binding.link(
    pathModule.toNamespacedPath(existingPath),
    pathModule.toNamespacedPath(newPath)
  );
}
function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.unlink(pathModule.toNamespacedPath(path), req);
}
function unlinkSync(path) {
  path = pathModule.toNamespacedPath(getValidatedPath(path));
  binding.unlink(path);
}
function fchmod(fd, mode, callback) {
  mode = parseFileMode(mode, "mode");
  callback = makeCallback(callback);
  if (permission.isEnabled()) {
    callback(new ERR_ACCESS_DENIED("fchmod API is disabled when Permission Model is enabled."));
    return;
  }
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.fchmod(fd, mode, req);
}
function fchmodSync(fd, mode) {
  if (permission.isEnabled()) {
    throw new ERR_ACCESS_DENIED("fchmod API is disabled when Permission Model is enabled.");
  }
  binding.fchmod(
    fd,
    parseFileMode(mode, "mode")
  );
}
function lchmod(path, mode, callback) {
  validateFunction(callback, "cb");
  mode = parseFileMode(mode, "mode");
  fs.open(path, O_WRONLY | O_SYMLINK, (err, fd) => {
    if (err) {
      callback(err);
      return;
    }
    fs.fchmod(fd, mode, (err2) => {
      fs.close(fd, (err22) => {
        callback(aggregateTwoErrors(err22, err2));
      });
    });
  });
}
function lchmodSync(path, mode) {
  const fd = fs.openSync(path, O_WRONLY | O_SYMLINK);
  try {
    fs.fchmodSync(fd, mode);
  } finally {
    fs.closeSync(fd);
  }
}
function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, "mode");
  callback = makeCallback(callback);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.chmod(pathModule.toNamespacedPath(path), mode, req);
}
function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, "mode");
  binding.chmod(
    pathModule.toNamespacedPath(path),
    mode
  );
}
function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.lchown(pathModule.toNamespacedPath(path), uid, gid, req);
}
function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  binding.lchown(
    pathModule.toNamespacedPath(path),
    uid,
    gid
  );
}
function fchown(fd, uid, gid, callback) {
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  callback = makeCallback(callback);
  if (permission.isEnabled()) {
    callback(new ERR_ACCESS_DENIED("fchown API is disabled when Permission Model is enabled."));
    return;
  }
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.fchown(fd, uid, gid, req);
}
function fchownSync(fd, uid, gid) {
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  if (permission.isEnabled()) {
    throw new ERR_ACCESS_DENIED("fchown API is disabled when Permission Model is enabled.");
  }
  binding.fchown(fd, uid, gid);
}
function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.chown(pathModule.toNamespacedPath(path), uid, gid, req);
}
function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
  binding.chown(
    pathModule.toNamespacedPath(path),
    uid,
    gid
  );
}
function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.utimes(
    pathModule.toNamespacedPath(path),
    toUnixTimestamp(atime),
    toUnixTimestamp(mtime),
    req
  );
}
function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.utimes(
    pathModule.toNamespacedPath(path),
    toUnixTimestamp(atime),
    toUnixTimestamp(mtime)
  );
}
function futimes(fd, atime, mtime, callback) {
  atime = toUnixTimestamp(atime, "atime");
  mtime = toUnixTimestamp(mtime, "mtime");
  callback = makeCallback(callback);
  if (permission.isEnabled()) {
    callback(new ERR_ACCESS_DENIED("futimes API is disabled when Permission Model is enabled."));
    return;
  }
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.futimes(fd, atime, mtime, req);
}
function futimesSync(fd, atime, mtime) {
  if (permission.isEnabled()) {
    throw new ERR_ACCESS_DENIED("futimes API is disabled when Permission Model is enabled.");
  }
  binding.futimes(
    fd,
    toUnixTimestamp(atime, "atime"),
    toUnixTimestamp(mtime, "mtime")
  );
}
function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.lutimes(
    pathModule.toNamespacedPath(path),
    toUnixTimestamp(atime),
    toUnixTimestamp(mtime),
    req
  );
}
function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.lutimes(
    pathModule.toNamespacedPath(path),
    toUnixTimestamp(atime),
    toUnixTimestamp(mtime)
  );
}
function writeAll(fd, isUserFd, buffer, offset, length, signal, flush, callback) {
  if (signal?.aborted) {
    const abortError = new AbortError(void 0, { cause: signal?.reason });
    if (isUserFd) {
      callback(abortError);
    } else {
      fs.close(fd, (err) => {
        callback(aggregateTwoErrors(err, abortError));
      });
    }
    return;
  }
  fs.write(fd, buffer, offset, length, null, (writeErr, written) => {
    if (writeErr) {
      if (isUserFd) {
        callback(writeErr);
      } else {
        fs.close(fd, (err) => {
          callback(aggregateTwoErrors(err, writeErr));
        });
      }
    } else if (written === length) {
      if (!flush) {
        if (isUserFd) {
          callback(null);
        } else {
          fs.close(fd, callback);
        }
      } else {
        fs.fsync(fd, (syncErr) => {
          if (syncErr) {
            if (isUserFd) {
              callback(syncErr);
            } else {
              fs.close(fd, (err) => {
                callback(aggregateTwoErrors(err, syncErr));
              });
            }
          } else if (isUserFd) {
            callback(null);
          } else {
            fs.close(fd, callback);
          }
        });
      }
    } else {
      offset += written;
      length -= written;
      writeAll(fd, isUserFd, buffer, offset, length, signal, flush, callback);
    }
  });
}
function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, "cb");
  options = getOptions(options, {
    encoding: "utf8",
    mode: 438,
    flag: "w",
    flush: false
  });
  const flag = options.flag || "w";
  const flush = options.flush ?? false;
  validateBoolean(flush, "options.flush");
  if (!isArrayBufferView(data)) {
    validateStringAfterArrayBufferView(data, "data");
    data = Buffer.from(data, options.encoding || "utf8");
  }
  if (isFd(path)) {
    const isUserFd = true;
    const signal = options.signal;
    writeAll(path, isUserFd, data, 0, data.byteLength, signal, flush, callback);
    return;
  }
  if (checkAborted(options.signal, callback))
    return;
  fs.open(path, flag, options.mode, (openErr, fd) => {
    if (openErr) {
      callback(openErr);
    } else {
      const isUserFd = false;
      const signal = options.signal;
      writeAll(fd, isUserFd, data, 0, data.byteLength, signal, flush, callback);
    }
  });
}
function writeFileSync(path, data, options) {
  options = getOptions(options, {
    encoding: "utf8",
    mode: 438,
    flag: "w",
    flush: false
  });
  const flush = options.flush ?? false;
  validateBoolean(flush, "options.flush");
  const flag = options.flag || "w";
  if (typeof data === "string" && (options.encoding === "utf8" || options.encoding === "utf-8")) {
    if (!isInt32(path)) {
      path = pathModule.toNamespacedPath(getValidatedPath(path));
    }
    return binding.writeFileUtf8(
      path,
      data,
      stringToFlags(flag),
      parseFileMode(options.mode, "mode", 438)
    );
  }
  if (!isArrayBufferView(data)) {
    validateStringAfterArrayBufferView(data, "data");
    data = Buffer.from(data, options.encoding || "utf8");
  }
  const isUserFd = isFd(path);
  const fd = isUserFd ? path : fs.openSync(path, flag, options.mode);
  let offset = 0;
  let length = data.byteLength;
  try {
    while (length > 0) {
      const written = fs.writeSync(fd, data, offset, length);
      offset += written;
      length -= written;
    }
    if (flush) {
      fs.fsyncSync(fd);
    }
  } finally {
    if (!isUserFd) fs.closeSync(fd);
  }
}
function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, "cb");
  options = getOptions(options, { encoding: "utf8", mode: 438, flag: "a" });
  options = copyObject(options);
  if (!options.flag || isFd(path))
    options.flag = "a";
  fs.writeFile(path, data, options, callback);
}
function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: "utf8", mode: 438, flag: "a" });
  options = copyObject(options);
  if (!options.flag || isFd(path))
    options.flag = "a";
  fs.writeFileSync(path, data, options);
}
function watch(filename, options, listener) {
  if (typeof options === "function") {
    listener = options;
  }
  options = getOptions(options);
  options = copyObject(options);
  if (options.persistent === void 0) options.persistent = true;
  if (options.recursive === void 0) options.recursive = false;
  let watcher;
  const watchers = require("internal/fs/watchers");
  const path = getValidatedPath(filename);
  if (options.recursive && !isOSX && !isWindows) {
    const nonNativeWatcher = require("internal/fs/recursive_watch");
    watcher = new nonNativeWatcher.FSWatcher(options);
    watcher[watchers.kFSWatchStart](path);
  } else {
    watcher = new watchers.FSWatcher();
    watcher[watchers.kFSWatchStart](
      path,
      options.persistent,
      options.recursive,
      options.encoding
    );
  }
  if (listener) {
    watcher.addListener("change", listener);
  }
  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const listener2 = () => watcher.close();
      kResistStopPropagation ??= require("internal/event_target").kResistStopPropagation;
      options.signal.addEventListener("abort", listener2, { __proto__: null, [kResistStopPropagation]: true });
      watcher.once("close", () => {
        options.signal.removeEventListener("abort", listener2);
      });
    }
  }
  return watcher;
}
const statWatchers = new SafeMap();
function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(filename);
  let stat2;
  if (options === null || typeof options !== "object") {
    listener = options;
    options = null;
  }
  options = {
    // Poll interval in milliseconds. 5007 is what libev used to use. It's
    // a little on the slow side but let's stick with it for now to keep
    // behavioral changes to a minimum.
    interval: 5007,
    persistent: true,
    ...options
  };
  validateFunction(listener, "listener");
  stat2 = statWatchers.get(filename);
  const watchers = require("internal/fs/watchers");
  if (stat2 === void 0) {
    stat2 = new watchers.StatWatcher(options.bigint);
    stat2[watchers.kFSStatWatcherStart](
      filename,
      options.persistent,
      options.interval
    );
    statWatchers.set(filename, stat2);
  } else {
    stat2[watchers.kFSStatWatcherAddOrCleanRef]("add");
  }
  stat2.addListener("change", listener);
  return stat2;
}
function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(filename);
  const stat2 = statWatchers.get(filename);
  if (stat2 === void 0) return;
  const watchers = require("internal/fs/watchers");
  if (typeof listener === "function") {
    const beforeListenerCount = stat2.listenerCount("change");
    stat2.removeListener("change", listener);
    if (stat2.listenerCount("change") < beforeListenerCount)
      stat2[watchers.kFSStatWatcherAddOrCleanRef]("clean");
  } else {
    stat2.removeAllListeners("change");
    stat2[watchers.kFSStatWatcherAddOrCleanRef]("cleanAll");
  }
  if (stat2.listenerCount("change") === 0) {
    stat2.stop();
    statWatchers.delete(filename);
  }
}
let splitRoot;
if (isWindows) {
  const splitRootRe = /^(?:[a-zA-Z]:|[\\/]{2}[^\\/]+[\\/][^\\/]+)?[\\/]*/;
  splitRoot = function splitRoot2(str) {
    return SideEffectFreeRegExpPrototypeExec(splitRootRe, str)[0];
  };
} else {
  splitRoot = function splitRoot2(str) {
    for (let i = 0; i < str.length; ++i) {
      if (StringPrototypeCharCodeAt(str, i) !== CHAR_FORWARD_SLASH)
        return StringPrototypeSlice(str, 0, i);
    }
    return str;
  };
}
function encodeRealpathResult(result, options) {
  if (!options || !options.encoding || options.encoding === "utf8")
    return result;
  const asBuffer = Buffer.from(result);
  if (options.encoding === "buffer") {
    return asBuffer;
  }
  return asBuffer.toString(options.encoding);
}
let nextPart;
if (isWindows) {
  nextPart = function nextPart2(p, i) {
    for (; i < p.length; ++i) {
      const ch = StringPrototypeCharCodeAt(p, i);
      if (ch === CHAR_BACKWARD_SLASH || ch === CHAR_FORWARD_SLASH)
        return i;
    }
    return -1;
  };
} else {
  nextPart = function nextPart2(p, i) {
    return StringPrototypeIndexOf(p, "/", i);
  };
}
function realpathSync(p, options) {
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== "string") {
    p += "";
  }
  validatePath(p);
  p = pathModule.resolve(p);
  const cache = options[realpathCacheKey];
  const maybeCachedResult = cache?.get(p);
  if (maybeCachedResult) {
    return maybeCachedResult;
  }
  const seenLinks = new SafeMap();
  const knownHard = new SafeSet();
  const original = p;
  let pos;
  let current;
  let base;
  let previous;
  current = base = splitRoot(p);
  pos = current.length;
  if (isWindows) {
    const out = binding.lstat(
      pathModule.toNamespacedPath(base),
      false,
      void 0,
      true
      /* throwIfNoEntry */
    );
    if (out === void 0) {
      return;
    }
    knownHard.add(base);
  }
  while (pos < p.length) {
    const result = nextPart(p, pos);
    previous = current;
    if (result === -1) {
      const last = StringPrototypeSlice(p, pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += StringPrototypeSlice(p, pos, result + 1);
      base = previous + StringPrototypeSlice(p, pos, result);
      pos = result + 1;
    }
    if (knownHard.has(base) || cache?.get(base) === base) {
      if (isFileType(statValues, S_IFIFO) || isFileType(statValues, S_IFSOCK)) {
        break;
      }
      continue;
    }
    let resolvedLink;
    const maybeCachedResolved = cache?.get(base);
    if (maybeCachedResolved) {
      resolvedLink = maybeCachedResolved;
    } else {
      const baseLong = pathModule.toNamespacedPath(base);
      const stats = binding.lstat(
        baseLong,
        true,
        void 0,
        true
        /* throwIfNoEntry */
      );
      if (stats === void 0) {
        return;
      }
      if (!isFileType(stats, S_IFLNK)) {
        knownHard.add(base);
        cache?.set(base, base);
        continue;
      }
      let linkTarget = null;
      let id;
      if (!isWindows) {
        const dev = BigIntPrototypeToString(stats[0], 32);
        const ino = BigIntPrototypeToString(stats[7], 32);
        id = `${dev}:${ino}`;
        if (seenLinks.has(id)) {
          linkTarget = seenLinks.get(id);
        }
      }
      if (linkTarget === null) {
        binding.stat(baseLong, false, void 0, true);
        linkTarget = binding.readlink(baseLong, void 0);
      }
      resolvedLink = pathModule.resolve(previous, linkTarget);
      cache?.set(base, resolvedLink);
      if (!isWindows) seenLinks.set(id, linkTarget);
    }
    p = pathModule.resolve(resolvedLink, StringPrototypeSlice(p, pos));
    current = base = splitRoot(p);
    pos = current.length;
    if (isWindows && !knownHard.has(base)) {
      const out = binding.lstat(
        pathModule.toNamespacedPath(base),
        false,
        void 0,
        true
        /* throwIfNoEntry */
      );
      if (out === void 0) {
        return;
      }
      knownHard.add(base);
    }
  }
  cache?.set(original, p);
  return encodeRealpathResult(p, options);
}
realpathSync.native = (path, options) => {
  options = getOptions(options);
  path = getValidatedPath(path);
  return binding.realpath(
    pathModule.toNamespacedPath(path),
    options.encoding
  );
};
function realpath(p, options, callback) {
  if (typeof options === "function") {
    callback = options;
  } else {
    validateFunction(callback, "cb");
  }
  options = getOptions(options);
  p = toPathIfFileURL(p);
  if (typeof p !== "string") {
    p += "";
  }
  validatePath(p);
  p = pathModule.resolve(p);
  const seenLinks = new SafeMap();
  const knownHard = new SafeSet();
  let pos;
  let current;
  let base;
  let previous;
  current = base = splitRoot(p);
  pos = current.length;
  if (isWindows && !knownHard.has(base)) {
    fs.lstat(base, (err) => {
      if (err) return callback(err);
      knownHard.add(base);
      LOOP();
    });
  } else {
    process.nextTick(LOOP);
  }
  function LOOP() {
    if (pos >= p.length) {
      return callback(null, encodeRealpathResult(p, options));
    }
    const result = nextPart(p, pos);
    previous = current;
    if (result === -1) {
      const last = StringPrototypeSlice(p, pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += StringPrototypeSlice(p, pos, result + 1);
      base = previous + StringPrototypeSlice(p, pos, result);
      pos = result + 1;
    }
    if (knownHard.has(base)) {
      if (isFileType(statValues, S_IFIFO) || isFileType(statValues, S_IFSOCK)) {
        return callback(null, encodeRealpathResult(p, options));
      }
      return process.nextTick(LOOP);
    }
    return fs.lstat(base, { bigint: true }, gotStat);
  }
  function gotStat(err, stats) {
    if (err) return callback(err);
    if (!stats.isSymbolicLink()) {
      knownHard.add(base);
      return process.nextTick(LOOP);
    }
    let id;
    if (!isWindows) {
      const dev = BigIntPrototypeToString(stats.dev, 32);
      const ino = BigIntPrototypeToString(stats.ino, 32);
      id = `${dev}:${ino}`;
      if (seenLinks.has(id)) {
        return gotTarget(null, seenLinks.get(id));
      }
    }
    fs.stat(base, (err2) => {
      if (err2) return callback(err2);
      fs.readlink(base, (err3, target) => {
        if (!isWindows) seenLinks.set(id, target);
        gotTarget(err3, target);
      });
    });
  }
  function gotTarget(err, target) {
    if (err) return callback(err);
    gotResolvedLink(pathModule.resolve(previous, target));
  }
  function gotResolvedLink(resolvedLink) {
    p = pathModule.resolve(resolvedLink, StringPrototypeSlice(p, pos));
    current = base = splitRoot(p);
    pos = current.length;
    if (isWindows && !knownHard.has(base)) {
      fs.lstat(base, (err) => {
        if (err) return callback(err);
        knownHard.add(base);
        LOOP();
      });
    } else {
      process.nextTick(LOOP);
    }
  }
}
realpath.native = (path, options, callback) => {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.realpath(pathModule.toNamespacedPath(path), options.encoding, req);
};
function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === "function" ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, "prefix");
  warnOnNonPortableTemplate(prefix);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.mkdtemp(prefix, options.encoding, req);
}
function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, "prefix");
  warnOnNonPortableTemplate(prefix);
  return binding.mkdtemp(prefix, options.encoding);
}
function copyFile(src, dest, mode, callback) {
  if (typeof mode === "function") {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, "src");
  dest = getValidatedPath(dest, "dest");
  src = pathModule.toNamespacedPath(src);
  dest = pathModule.toNamespacedPath(dest);
  callback = makeCallback(callback);
  const req = new FSReqCallback();
  req.oncomplete = callback;
  binding.copyFile(src, dest, mode, req);
}
function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, "src");
  dest = getValidatedPath(dest, "dest");
  binding.copyFile(
    pathModule.toNamespacedPath(src),
    pathModule.toNamespacedPath(dest),
    mode
  );
}
function cp(src, dest, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = void 0;
  }
  callback = makeCallback(callback);
  options = validateCpOptions(options);
  src = pathModule.toNamespacedPath(getValidatedPath(src, "src"));
  dest = pathModule.toNamespacedPath(getValidatedPath(dest, "dest"));
  lazyLoadCp();
  cpFn(src, dest, options, callback);
}
function cpSync(src, dest, options) {
  options = validateCpOptions(options);
  src = pathModule.toNamespacedPath(getValidatedPath(src, "src"));
  dest = pathModule.toNamespacedPath(getValidatedPath(dest, "dest"));
  lazyLoadCp();
  cpSyncFn(src, dest, options);
}
function lazyLoadStreams() {
  if (!ReadStream) {
    ({ ReadStream, WriteStream } = require("internal/fs/streams"));
    FileReadStream = ReadStream;
    FileWriteStream = WriteStream;
  }
}
function createReadStream(path, options) {
  lazyLoadStreams();
  return new ReadStream(path, options);
}
function createWriteStream(path, options) {
  lazyLoadStreams();
  return new WriteStream(path, options);
}
module.exports = fs = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  lchmod: constants.O_SYMLINK !== void 0 ? lchmod : void 0,
  lchmodSync: constants.O_SYMLINK !== void 0 ? lchmodSync : void 0,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,
  get ReadStream() {
    lazyLoadStreams();
    return ReadStream;
  },
  set ReadStream(val) {
    ReadStream = val;
  },
  get WriteStream() {
    lazyLoadStreams();
    return WriteStream;
  },
  set WriteStream(val) {
    WriteStream = val;
  },
  // Legacy names... these have to be separate because of how graceful-fs
  // (and possibly other) modules monkey patch the values.
  get FileReadStream() {
    lazyLoadStreams();
    return FileReadStream;
  },
  set FileReadStream(val) {
    FileReadStream = val;
  },
  get FileWriteStream() {
    lazyLoadStreams();
    return FileWriteStream;
  },
  set FileWriteStream(val) {
    FileWriteStream = val;
  },
  // For tests
  _toUnixTimestamp: toUnixTimestamp
};
defineLazyProperties(
  fs,
  "internal/fs/dir",
  ["Dir", "opendir", "opendirSync"]
);
ObjectDefineProperties(fs, {
  F_OK: { __proto__: null, enumerable: true, value: F_OK || 0 },
  R_OK: { __proto__: null, enumerable: true, value: R_OK || 0 },
  W_OK: { __proto__: null, enumerable: true, value: W_OK || 0 },
  X_OK: { __proto__: null, enumerable: true, value: X_OK || 0 },
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants
  },
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      promises ??= require("internal/fs/promises").exports;
      return promises;
    }
  }
});
