"use strict";
const {
  PromisePrototypeThen,
  PromiseResolve,
  SafePromiseAll,
  SafePromisePrototypeFinally,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetByteLength,
  Uint8Array
} = primordials;
const { TextEncoder } = require("internal/encoding");
const {
  ReadableStream,
  isReadableStream
} = require("internal/webstreams/readablestream");
const {
  WritableStream,
  isWritableStream
} = require("internal/webstreams/writablestream");
const {
  CountQueuingStrategy,
  ByteLengthQueuingStrategy
} = require("internal/webstreams/queuingstrategies");
const {
  Writable,
  Readable,
  Duplex,
  destroy
} = require("stream");
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded
} = require("internal/streams/utils");
const {
  Buffer
} = require("buffer");
const {
  ErrnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_STREAM_PREMATURE_CLOSE
  },
  AbortError
} = require("internal/errors");
const {
  createDeferredPromise,
  kEmptyObject,
  normalizeEncoding
} = require("internal/util");
const {
  validateBoolean,
  validateFunction,
  validateObject
} = require("internal/validators");
const {
  WriteWrap,
  ShutdownWrap,
  kReadBytesOrError,
  kLastWriteWasAsync,
  streamBaseState
} = internalBinding("stream_wrap");
const finished = require("internal/streams/end-of-stream");
const { UV_EOF } = internalBinding("uv");
const encoder = new TextEncoder();
function newWritableStreamFromStreamWritable(streamWritable) {
  const checkIfWritableOrOutgoingMessage = streamWritable && typeof streamWritable?.write === "function" && typeof streamWritable?.on === "function";
  if (!checkIfWritableOrOutgoingMessage) {
    throw new ERR_INVALID_ARG_TYPE(
      "streamWritable",
      "stream.Writable",
      streamWritable
    );
  }
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };
  let controller;
  let backpressurePromise;
  let closed;
  function onDrain() {
    if (backpressurePromise !== void 0)
      backpressurePromise.resolve();
  }
  const cleanup = finished(streamWritable, (error) => {
    if (error?.code === "ERR_STREAM_PREMATURE_CLOSE") {
      const err = new AbortError(void 0, { cause: error });
      error = err;
    }
    cleanup();
    streamWritable.on("error", () => {
    });
    if (error != null) {
      if (backpressurePromise !== void 0)
        backpressurePromise.reject(error);
      if (closed !== void 0) {
        closed.reject(error);
        closed = void 0;
      }
      controller.error(error);
      controller = void 0;
      return;
    }
    if (closed !== void 0) {
      closed.resolve();
      closed = void 0;
      return;
    }
    controller.error(new AbortError());
    controller = void 0;
  });
  streamWritable.on("drain", onDrain);
  return new WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = createDeferredPromise();
        return SafePromisePrototypeFinally(
          backpressurePromise.promise,
          () => {
            backpressurePromise = void 0;
          }
        );
      }
    },
    abort(reason) {
      destroy(streamWritable, reason);
    },
    close() {
      if (closed === void 0 && !isWritableEnded(streamWritable)) {
        closed = createDeferredPromise();
        streamWritable.end();
        return closed.promise;
      }
      controller = void 0;
      return PromiseResolve();
    }
  }, strategy);
}
function newStreamWritableFromWritableStream(writableStream, options = kEmptyObject) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      "writableStream",
      "WritableStream",
      writableStream
    );
  }
  validateObject(options, "options");
  const {
    highWaterMark,
    decodeStrings = true,
    objectMode = false,
    signal
  } = options;
  validateBoolean(objectMode, "options.objectMode");
  validateBoolean(decodeStrings, "options.decodeStrings");
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      function done(error) {
        error = error.filter((e) => e);
        try {
          callback(error.length === 0 ? void 0 : error);
        } catch (error2) {
          process.nextTick(() => destroy(writable, error2));
        }
      }
      PromisePrototypeThen(
        writer.ready,
        () => {
          return PromisePrototypeThen(
            SafePromiseAll(
              chunks,
              (data) => writer.write(data.chunk)
            ),
            done,
            done
          );
        },
        done
      );
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === "string" && decodeStrings && !objectMode) {
        const enc = normalizeEncoding(encoding);
        if (enc === "utf8") {
          chunk = encoder.encode(chunk);
        } else {
          chunk = Buffer.from(chunk, encoding);
          chunk = new Uint8Array(
            TypedArrayPrototypeGetBuffer(chunk),
            TypedArrayPrototypeGetByteOffset(chunk),
            TypedArrayPrototypeGetByteLength(chunk)
          );
        }
      }
      function done(error) {
        try {
          callback(error);
        } catch (error2) {
          destroy(writable, error2);
        }
      }
      PromisePrototypeThen(
        writer.ready,
        () => {
          return PromisePrototypeThen(
            writer.write(chunk),
            done,
            done
          );
        },
        done
      );
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (error2) {
          process.nextTick(() => {
            throw error2;
          });
        }
      }
      if (!closed) {
        if (error != null) {
          PromisePrototypeThen(
            writer.abort(error),
            done,
            done
          );
        } else {
          PromisePrototypeThen(
            writer.close(),
            done,
            done
          );
        }
        return;
      }
      done();
    },
    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (error2) {
          process.nextTick(() => destroy(writable, error2));
        }
      }
      if (!closed) {
        PromisePrototypeThen(
          writer.close(),
          done,
          done
        );
      }
    }
  });
  PromisePrototypeThen(
    writer.closed,
    () => {
      closed = true;
      if (!isWritableEnded(writable))
        destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
    },
    (error) => {
      closed = true;
      destroy(writable, error);
    }
  );
  return writable;
}
function newReadableStreamFromStreamReadable(streamReadable, options = kEmptyObject) {
  if (typeof streamReadable?._readableState !== "object") {
    throw new ERR_INVALID_ARG_TYPE(
      "streamReadable",
      "stream.Readable",
      streamReadable
    );
  }
  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  const evaluateStrategyOrFallback = (strategy2) => {
    if (strategy2)
      return strategy2;
    if (objectMode) {
      return new CountQueuingStrategy({ highWaterMark });
    }
    return new ByteLengthQueuingStrategy({ highWaterMark });
  };
  const strategy = evaluateStrategyOrFallback(options?.strategy);
  let controller;
  let wasCanceled = false;
  function onData(chunk) {
    if (Buffer.isBuffer(chunk) && !objectMode)
      chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0)
      streamReadable.pause();
  }
  streamReadable.pause();
  const cleanup = finished(streamReadable, (error) => {
    if (error?.code === "ERR_STREAM_PREMATURE_CLOSE") {
      const err = new AbortError(void 0, { cause: error });
      error = err;
    }
    cleanup();
    streamReadable.on("error", () => {
    });
    if (error)
      return controller.error(error);
    if (wasCanceled) {
      return;
    }
    controller.close();
  });
  streamReadable.on("data", onData);
  return new ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      wasCanceled = true;
      destroy(streamReadable, reason);
    }
  }, strategy);
}
function newStreamReadableFromReadableStream(readableStream, options = kEmptyObject) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      "readableStream",
      "ReadableStream",
      readableStream
    );
  }
  validateObject(options, "options");
  const {
    highWaterMark,
    encoding,
    objectMode = false,
    signal
  } = options;
  if (encoding !== void 0 && !Buffer.isEncoding(encoding))
    throw new ERR_INVALID_ARG_VALUE(encoding, "options.encoding");
  validateBoolean(objectMode, "options.objectMode");
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      PromisePrototypeThen(
        reader.read(),
        (chunk) => {
          if (chunk.done) {
            readable.push(null);
          } else {
            readable.push(chunk.value);
          }
        },
        (error) => destroy(readable, error)
      );
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (error2) {
          process.nextTick(() => {
            throw error2;
          });
        }
      }
      if (!closed) {
        PromisePrototypeThen(
          reader.cancel(error),
          done,
          done
        );
        return;
      }
      done();
    }
  });
  PromisePrototypeThen(
    reader.closed,
    () => {
      closed = true;
    },
    (error) => {
      closed = true;
      destroy(readable, error);
    }
  );
  return readable;
}
function newReadableWritablePairFromDuplex(duplex) {
  if (typeof duplex?._writableState !== "object" || typeof duplex?._readableState !== "object") {
    throw new ERR_INVALID_ARG_TYPE("duplex", "stream.Duplex", duplex);
  }
  if (isDestroyed(duplex)) {
    const writable2 = new WritableStream();
    const readable2 = new ReadableStream();
    writable2.close();
    readable2.cancel();
    return { readable: readable2, writable: writable2 };
  }
  const writable = isWritable(duplex) ? newWritableStreamFromStreamWritable(duplex) : new WritableStream();
  if (!isWritable(duplex))
    writable.close();
  const readable = isReadable(duplex) ? newReadableStreamFromStreamReadable(duplex) : new ReadableStream();
  if (!isReadable(duplex))
    readable.cancel();
  return { writable, readable };
}
function newStreamDuplexFromReadableWritablePair(pair = kEmptyObject, options = kEmptyObject) {
  validateObject(pair, "pair");
  const {
    readable: readableStream,
    writable: writableStream
  } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      "pair.readable",
      "ReadableStream",
      readableStream
    );
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      "pair.writable",
      "WritableStream",
      writableStream
    );
  }
  validateObject(options, "options");
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal
  } = options;
  validateBoolean(objectMode, "options.objectMode");
  if (encoding !== void 0 && !Buffer.isEncoding(encoding))
    throw new ERR_INVALID_ARG_VALUE(encoding, "options.encoding");
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      function done(error) {
        error = error.filter((e) => e);
        try {
          callback(error.length === 0 ? void 0 : error);
        } catch (error2) {
          process.nextTick(() => destroy(duplex, error2));
        }
      }
      PromisePrototypeThen(
        writer.ready,
        () => {
          return PromisePrototypeThen(
            SafePromiseAll(
              chunks,
              (data) => writer.write(data.chunk)
            ),
            done,
            done
          );
        },
        done
      );
    },
    write(chunk, encoding2, callback) {
      if (typeof chunk === "string" && decodeStrings && !objectMode) {
        const enc = normalizeEncoding(encoding2);
        if (enc === "utf8") {
          chunk = encoder.encode(chunk);
        } else {
          chunk = Buffer.from(chunk, encoding2);
          chunk = new Uint8Array(
            TypedArrayPrototypeGetBuffer(chunk),
            TypedArrayPrototypeGetByteOffset(chunk),
            TypedArrayPrototypeGetByteLength(chunk)
          );
        }
      }
      function done(error) {
        try {
          callback(error);
        } catch (error2) {
          destroy(duplex, error2);
        }
      }
      PromisePrototypeThen(
        writer.ready,
        () => {
          return PromisePrototypeThen(
            writer.write(chunk),
            done,
            done
          );
        },
        done
      );
    },
    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (error2) {
          process.nextTick(() => destroy(duplex, error2));
        }
      }
      if (!writableClosed) {
        PromisePrototypeThen(
          writer.close(),
          done,
          done
        );
      }
    },
    read() {
      PromisePrototypeThen(
        reader.read(),
        (chunk) => {
          if (chunk.done) {
            duplex.push(null);
          } else {
            duplex.push(chunk.value);
          }
        },
        (error) => destroy(duplex, error)
      );
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (error2) {
          process.nextTick(() => {
            throw error2;
          });
        }
      }
      async function closeWriter() {
        if (!writableClosed)
          await writer.abort(error);
      }
      async function closeReader() {
        if (!readableClosed)
          await reader.cancel(error);
      }
      if (!writableClosed || !readableClosed) {
        PromisePrototypeThen(
          SafePromiseAll([
            closeWriter(),
            closeReader()
          ]),
          done,
          done
        );
        return;
      }
      done();
    }
  });
  PromisePrototypeThen(
    writer.closed,
    () => {
      writableClosed = true;
      if (!isWritableEnded(duplex))
        destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    }
  );
  PromisePrototypeThen(
    reader.closed,
    () => {
      readableClosed = true;
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    }
  );
  return duplex;
}
function newWritableStreamFromStreamBase(streamBase, strategy) {
  validateObject(streamBase, "streamBase");
  let current;
  function createWriteWrap(controller, promise) {
    const req = new WriteWrap();
    req.handle = streamBase;
    req.oncomplete = onWriteComplete;
    req.async = false;
    req.bytes = 0;
    req.buffer = null;
    req.controller = controller;
    req.promise = promise;
    return req;
  }
  function onWriteComplete(status) {
    if (status < 0) {
      const error = new ErrnoException(status, "write", this.error);
      this.promise.reject(error);
      this.controller.error(error);
      return;
    }
    this.promise.resolve();
  }
  function doWrite(chunk, controller) {
    const promise = createDeferredPromise();
    let ret;
    let req;
    try {
      req = createWriteWrap(controller, promise);
      ret = streamBase.writeBuffer(req, chunk);
      if (streamBaseState[kLastWriteWasAsync])
        req.buffer = chunk;
      req.async = !!streamBaseState[kLastWriteWasAsync];
    } catch (error) {
      promise.reject(error);
    }
    if (ret !== 0)
      promise.reject(new ErrnoException(ret, "write", req));
    else if (!req.async)
      promise.resolve();
    return promise.promise;
  }
  return new WritableStream({
    write(chunk, controller) {
      current = current !== void 0 ? PromisePrototypeThen(
        current,
        () => doWrite(chunk, controller),
        (error) => controller.error(error)
      ) : doWrite(chunk, controller);
      return current;
    },
    close() {
      const promise = createDeferredPromise();
      const req = new ShutdownWrap();
      req.oncomplete = () => promise.resolve();
      const err = streamBase.shutdown(req);
      if (err === 1)
        promise.resolve();
      return promise.promise;
    }
  }, strategy);
}
function newReadableStreamFromStreamBase(streamBase, strategy, options = kEmptyObject) {
  validateObject(streamBase, "streamBase");
  validateObject(options, "options");
  const {
    ondone = () => {
    }
  } = options;
  if (typeof streamBase.onread === "function")
    throw new ERR_INVALID_STATE("StreamBase already has a consumer");
  validateFunction(ondone, "options.ondone");
  let controller;
  streamBase.onread = (arrayBuffer) => {
    const nread = streamBaseState[kReadBytesOrError];
    if (nread === 0)
      return;
    try {
      if (nread === UV_EOF) {
        controller.close();
        streamBase.readStop();
        try {
          ondone();
        } catch (error) {
          controller.error(error);
        }
        return;
      }
      controller.enqueue(arrayBuffer);
      if (controller.desiredSize <= 0)
        streamBase.readStop();
    } catch (error) {
      controller.error(error);
      streamBase.readStop();
    }
  };
  return new ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      streamBase.readStart();
    },
    cancel() {
      const promise = createDeferredPromise();
      try {
        ondone();
      } catch (error) {
        promise.reject(error);
        return promise.promise;
      }
      const req = new ShutdownWrap();
      req.oncomplete = () => promise.resolve();
      const err = streamBase.shutdown(req);
      if (err === 1)
        promise.resolve();
      return promise.promise;
    }
  }, strategy);
}
module.exports = {
  newWritableStreamFromStreamWritable,
  newReadableStreamFromStreamReadable,
  newStreamWritableFromWritableStream,
  newStreamReadableFromReadableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
  newWritableStreamFromStreamBase,
  newReadableStreamFromStreamBase
};
