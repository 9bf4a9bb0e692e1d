"use strict";
const {
  Array,
  FunctionPrototypeBind,
  MathMin,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  PromisePrototypeThen,
  ReflectApply,
  Symbol
} = primordials;
const {
  ERR_INVALID_ARG_TYPE,
  ERR_METHOD_NOT_IMPLEMENTED,
  ERR_OUT_OF_RANGE,
  ERR_STREAM_DESTROYED,
  ERR_SYSTEM_ERROR
} = require("internal/errors").codes;
const {
  deprecate,
  kEmptyObject
} = require("internal/util");
const {
  validateBoolean,
  validateFunction,
  validateInteger
} = require("internal/validators");
const { errorOrDestroy } = require("internal/streams/destroy");
const fs = require("fs");
const { kRef, kUnref, FileHandle } = require("internal/fs/promises");
const { Buffer } = require("buffer");
const {
  copyObject,
  getOptions,
  getValidatedFd,
  validatePath
} = require("internal/fs/utils");
const { Readable, Writable, finished } = require("stream");
const { toPathIfFileURL } = require("internal/url");
const kIoDone = Symbol("kIoDone");
const kIsPerformingIO = Symbol("kIsPerformingIO");
const kFs = Symbol("kFs");
const kHandle = Symbol("kHandle");
function _construct(callback) {
  const stream = this;
  if (typeof stream.fd === "number") {
    callback();
    return;
  }
  if (stream.open !== openWriteFs && stream.open !== openReadFs) {
    const orgEmit = stream.emit;
    stream.emit = function(...args) {
      if (args[0] === "open") {
        this.emit = orgEmit;
        callback();
        ReflectApply(orgEmit, this, args);
      } else if (args[0] === "error") {
        this.emit = orgEmit;
        callback(args[1]);
      } else {
        ReflectApply(orgEmit, this, args);
      }
    };
    stream.open();
  } else {
    stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
      if (er) {
        callback(er);
      } else {
        stream.fd = fd;
        callback();
        stream.emit("open", stream.fd);
        stream.emit("ready");
      }
    });
  }
}
const FileHandleOperations = (handle) => {
  return {
    open: (path, flags, mode, cb) => {
      throw new ERR_METHOD_NOT_IMPLEMENTED("open()");
    },
    close: (fd, cb) => {
      handle[kUnref]();
      PromisePrototypeThen(
        handle.close(),
        () => cb(),
        cb
      );
    },
    fsync: (fd, cb) => {
      PromisePrototypeThen(handle.sync(), () => cb(), cb);
    },
    read: (fd, buf, offset, length, pos, cb) => {
      PromisePrototypeThen(
        handle.read(buf, offset, length, pos),
        (r) => cb(null, r.bytesRead, r.buffer),
        (err) => cb(err, 0, buf)
      );
    },
    write: (fd, buf, offset, length, pos, cb) => {
      PromisePrototypeThen(
        handle.write(buf, offset, length, pos),
        (r) => cb(null, r.bytesWritten, r.buffer),
        (err) => cb(err, 0, buf)
      );
    },
    writev: (fd, buffers, pos, cb) => {
      PromisePrototypeThen(
        handle.writev(buffers, pos),
        (r) => cb(null, r.bytesWritten, r.buffers),
        (err) => cb(err, 0, buffers)
      );
    }
  };
};
function close(stream, err, cb) {
  if (!stream.fd) {
    cb(err);
  } else if (stream.flush) {
    stream[kFs].fsync(stream.fd, (flushErr) => {
      _close(stream, err || flushErr, cb);
    });
  } else {
    _close(stream, err, cb);
  }
}
function _close(stream, err, cb) {
  stream[kFs].close(stream.fd, (er) => {
    cb(er || err);
  });
  stream.fd = null;
}
function importFd(stream, options) {
  if (typeof options.fd === "number") {
    stream[kFs] = options.fs || fs;
    return options.fd;
  } else if (typeof options.fd === "object" && options.fd instanceof FileHandle) {
    if (options.fs) {
      throw new ERR_METHOD_NOT_IMPLEMENTED("FileHandle with fs");
    }
    stream[kHandle] = options.fd;
    stream[kFs] = FileHandleOperations(stream[kHandle]);
    stream[kHandle][kRef]();
    options.fd.on("close", FunctionPrototypeBind(stream.close, stream));
    return options.fd.fd;
  }
  throw new ERR_INVALID_ARG_TYPE(
    "options.fd",
    ["number", "FileHandle"],
    options.fd
  );
}
function ReadStream(path, options) {
  if (!(this instanceof ReadStream))
    return new ReadStream(path, options);
  options = copyObject(getOptions(options, kEmptyObject));
  if (options.highWaterMark === void 0)
    options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === void 0) {
    options.autoDestroy = false;
  }
  if (options.fd == null) {
    this.fd = null;
    this[kFs] = options.fs || fs;
    validateFunction(this[kFs].open, "options.fs.open");
    this.path = toPathIfFileURL(path);
    this.flags = options.flags === void 0 ? "r" : options.flags;
    this.mode = options.mode === void 0 ? 438 : options.mode;
    validatePath(this.path);
  } else {
    this.fd = getValidatedFd(importFd(this, options));
  }
  options.autoDestroy = options.autoClose === void 0 ? true : options.autoClose;
  validateFunction(this[kFs].read, "options.fs.read");
  if (options.autoDestroy) {
    validateFunction(this[kFs].close, "options.fs.close");
  }
  this.start = options.start;
  this.end = options.end;
  this.pos = void 0;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== void 0) {
    validateInteger(this.start, "start", 0);
    this.pos = this.start;
  }
  if (this.end === void 0) {
    this.end = Infinity;
  } else if (this.end !== Infinity) {
    validateInteger(this.end, "end", 0);
    if (this.start !== void 0 && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE(
        "start",
        `<= "end" (here: ${this.end})`,
        this.start
      );
    }
  }
  ReflectApply(Readable, this, [options]);
}
ObjectSetPrototypeOf(ReadStream.prototype, Readable.prototype);
ObjectSetPrototypeOf(ReadStream, Readable);
ObjectDefineProperty(ReadStream.prototype, "autoClose", {
  __proto__: null,
  get() {
    return this._readableState.autoDestroy;
  },
  set(val) {
    this._readableState.autoDestroy = val;
  }
});
const openReadFs = deprecate(function() {
}, "ReadStream.prototype.open() is deprecated", "DEP0135");
ReadStream.prototype.open = openReadFs;
ReadStream.prototype._construct = _construct;
ReadStream.prototype._read = function(n) {
  n = this.pos !== void 0 ? MathMin(this.end - this.pos + 1, n) : MathMin(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buf, 0, n, this.pos, (er, bytesRead, buf2) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== void 0) {
        this.pos += bytesRead;
      }
      this.bytesRead += bytesRead;
      if (bytesRead !== buf2.length) {
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        buf2.copy(dst, 0, 0, bytesRead);
        buf2 = dst;
      }
      this.push(buf2);
    } else {
      this.push(null);
    }
  });
};
ReadStream.prototype._destroy = function(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (er) => close(this, err || er, cb));
  } else {
    close(this, err, cb);
  }
};
ReadStream.prototype.close = function(cb) {
  if (typeof cb === "function") finished(this, cb);
  this.destroy();
};
ObjectDefineProperty(ReadStream.prototype, "pending", {
  __proto__: null,
  get() {
    return this.fd === null;
  },
  configurable: true
});
function WriteStream(path, options) {
  if (!(this instanceof WriteStream))
    return new WriteStream(path, options);
  options = copyObject(getOptions(options, kEmptyObject));
  options.decodeStrings = true;
  if (options.fd == null) {
    this.fd = null;
    this[kFs] = options.fs || fs;
    validateFunction(this[kFs].open, "options.fs.open");
    this.path = toPathIfFileURL(path);
    this.flags = options.flags === void 0 ? "w" : options.flags;
    this.mode = options.mode === void 0 ? 438 : options.mode;
    validatePath(this.path);
  } else {
    this.fd = getValidatedFd(importFd(this, options));
  }
  options.autoDestroy = options.autoClose === void 0 ? true : options.autoClose;
  if (!this[kFs].write && !this[kFs].writev) {
    throw new ERR_INVALID_ARG_TYPE(
      "options.fs.write",
      "function",
      this[kFs].write
    );
  }
  if (this[kFs].write) {
    validateFunction(this[kFs].write, "options.fs.write");
  }
  if (this[kFs].writev) {
    validateFunction(this[kFs].writev, "options.fs.writev");
  }
  if (options.autoDestroy) {
    validateFunction(this[kFs].close, "options.fs.close");
  }
  this.flush = options.flush;
  if (this.flush == null) {
    this.flush = false;
  } else {
    validateBoolean(this.flush, "options.flush");
    validateFunction(this[kFs].fsync, "options.fs.fsync");
  }
  if (!this[kFs].write) {
    this._write = null;
  }
  if (!this[kFs].writev) {
    this._writev = null;
  }
  this.start = options.start;
  this.pos = void 0;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== void 0) {
    validateInteger(this.start, "start", 0);
    this.pos = this.start;
  }
  ReflectApply(Writable, this, [options]);
  if (options.encoding)
    this.setDefaultEncoding(options.encoding);
}
ObjectSetPrototypeOf(WriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(WriteStream, Writable);
ObjectDefineProperty(WriteStream.prototype, "autoClose", {
  __proto__: null,
  get() {
    return this._writableState.autoDestroy;
  },
  set(val) {
    this._writableState.autoDestroy = val;
  }
});
const openWriteFs = deprecate(function() {
}, "WriteStream.prototype.open() is deprecated", "DEP0135");
WriteStream.prototype.open = openWriteFs;
WriteStream.prototype._construct = _construct;
function writeAll(data, size, pos, cb, retries = 0) {
  this[kFs].write(this.fd, data, 0, size, pos, (er, bytesWritten, buffer) => {
    if (er?.code === "EAGAIN") {
      er = null;
      bytesWritten = 0;
    }
    if (this.destroyed || er) {
      return cb(er || new ERR_STREAM_DESTROYED("write"));
    }
    this.bytesWritten += bytesWritten;
    retries = bytesWritten ? 0 : retries + 1;
    size -= bytesWritten;
    pos += bytesWritten;
    if (retries > 5) {
      cb(new ERR_SYSTEM_ERROR("write failed"));
    } else if (size) {
      writeAll.call(this, buffer.slice(bytesWritten), size, pos, cb, retries);
    } else {
      cb();
    }
  });
}
function writevAll(chunks, size, pos, cb, retries = 0) {
  this[kFs].writev(this.fd, chunks, this.pos, (er, bytesWritten, buffers) => {
    if (er?.code === "EAGAIN") {
      er = null;
      bytesWritten = 0;
    }
    if (this.destroyed || er) {
      return cb(er || new ERR_STREAM_DESTROYED("writev"));
    }
    this.bytesWritten += bytesWritten;
    retries = bytesWritten ? 0 : retries + 1;
    size -= bytesWritten;
    pos += bytesWritten;
    if (retries > 5) {
      cb(new ERR_SYSTEM_ERROR("writev failed"));
    } else if (size) {
      writevAll.call(this, [Buffer.concat(buffers).slice(bytesWritten)], size, pos, cb, retries);
    } else {
      cb();
    }
  });
}
WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  writeAll.call(this, data, data.length, this.pos, (er) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      return this.emit(kIoDone, er);
    }
    cb(er);
  });
  if (this.pos !== void 0)
    this.pos += data.length;
};
WriteStream.prototype._writev = function(data, cb) {
  const len = data.length;
  const chunks = new Array(len);
  let size = 0;
  for (let i = 0; i < len; i++) {
    const chunk = data[i].chunk;
    chunks[i] = chunk;
    size += chunk.length;
  }
  this[kIsPerformingIO] = true;
  writevAll.call(this, chunks, size, this.pos, (er) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      return this.emit(kIoDone, er);
    }
    cb(er);
  });
  if (this.pos !== void 0)
    this.pos += size;
};
WriteStream.prototype._destroy = function(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (er) => close(this, err || er, cb));
  } else {
    close(this, err, cb);
  }
};
WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on("close", cb);
  }
  if (!this.autoClose) {
    this.on("finish", this.destroy);
  }
  this.end();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;
ObjectDefineProperty(WriteStream.prototype, "pending", {
  __proto__: null,
  get() {
    return this.fd === null;
  },
  configurable: true
});
module.exports = {
  ReadStream,
  WriteStream
};
