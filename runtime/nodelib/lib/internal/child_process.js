"use strict";
const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeReduce,
  ArrayPrototypeSlice,
  FunctionPrototype,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  StringPrototypeSlice,
  Symbol,
  Uint8Array
} = primordials;
const {
  ErrnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_MISSING_ARGS
  }
} = require("internal/errors");
const {
  validateArray,
  validateObject,
  validateOneOf,
  validateString
} = require("internal/validators");
const EventEmitter = require("events");
const net = require("net");
const inspect = require("internal/util/inspect").inspect;
const assert = require("internal/assert");
const { Process } = internalBinding("process_wrap");
const {
  WriteWrap,
  kReadBytesOrError,
  kArrayBufferOffset,
  kLastWriteWasAsync,
  streamBaseState
} = internalBinding("stream_wrap");
const { Pipe, constants: PipeConstants } = internalBinding("pipe_wrap");
const { TCP } = internalBinding("tcp_wrap");
function TTY() {
}
function UDP() {
}
const SocketList = require("internal/socket_list");
const { owner_symbol } = internalBinding("symbols");
const { convertToValidSignal, deprecate, SymbolDispose } = require("internal/util");
const { isArrayBufferView } = require("internal/util/types");
const spawn_sync = internalBinding("spawn_sync");
const kStateSymbol = Symbol("kStateSymbol");
const dc = require("diagnostics_channel");
const childProcessChannel = dc.channel("child_process");
const {
  UV_EACCES,
  UV_EAGAIN,
  UV_EINVAL,
  UV_EMFILE,
  UV_ENFILE,
  UV_ENOENT,
  UV_ENOSYS,
  UV_ESRCH
} = internalBinding("uv");
const { SocketListSend, SocketListReceive } = SocketList;
let freeParser;
let HTTPParser;
const MAX_HANDLE_RETRANSMISSIONS = 3;
const kChannelHandle = Symbol("kChannelHandle");
const kIsUsedAsStdio = Symbol("kIsUsedAsStdio");
const kPendingMessages = Symbol("kPendingMessages");
const handleConversion = {
  "net.Native": {
    simultaneousAccepts: true,
    send(message, handle, options) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    }
  },
  "net.Server": {
    simultaneousAccepts: true,
    send(message, server, options) {
      return server._handle;
    },
    got(message, handle, emit) {
      const server = new net.Server();
      server.listen(handle, () => {
        emit(server);
      });
    }
  },
  "net.Socket": {
    send(message, socket, options) {
      if (!socket._handle)
        return;
      if (socket.server) {
        message.key = socket.server._connectionKey;
        const firstTime = !this[kChannelHandle].sockets.send[message.key];
        const socketList = getSocketList("send", this, message.key);
        if (firstTime) socket.server._setupWorker(socketList);
        if (!options.keepOpen)
          socket.server._connections--;
      }
      const handle = socket._handle;
      if (!options.keepOpen) {
        handle.onread = nop;
        socket._handle = null;
        socket.setTimeout(0);
        if (freeParser === void 0)
          freeParser = require("_http_common").freeParser;
        if (HTTPParser === void 0)
          HTTPParser = require("_http_common").HTTPParser;
        if (socket.parser && socket.parser instanceof HTTPParser) {
          freeParser(socket.parser, null, socket);
          if (socket._httpMessage)
            socket._httpMessage.detachSocket(socket);
        }
      }
      return handle;
    },
    postSend(message, handle, options, callback, target) {
      if (handle && !options.keepOpen) {
        if (target) {
          assert(!target._pendingMessage);
          target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
        } else {
          handle.close();
        }
      }
    },
    got(message, handle, emit) {
      const socket = new net.Socket({
        handle,
        readable: true,
        writable: true
      });
      if (message.key) {
        const socketList = getSocketList("got", this, message.key);
        socketList.add({
          socket
        });
      }
      emit(socket);
    }
  },
  "dgram.Native": {
    simultaneousAccepts: false,
    send(message, handle, options) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    }
  },
  "dgram.Socket": {
    simultaneousAccepts: false,
    send(message, socket, options) {
      message.dgramType = socket.type;
      return socket[kStateSymbol].handle;
    },
    got(message, handle, emit) {
      const socket = new dgram.Socket(message.dgramType);
      socket.bind(handle, () => {
        emit(socket);
      });
    }
  }
};
function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case "ignore":
    case "overlapped":
    case "pipe":
      ArrayPrototypePush(options, stdio, stdio, stdio);
      break;
    case "inherit":
      ArrayPrototypePush(options, 0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE("stdio", stdio);
  }
  if (channel) ArrayPrototypePush(options, channel);
  return options;
}
function ChildProcess() {
  FunctionPrototypeCall(EventEmitter, this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = new Process();
  this._handle[owner_symbol] = this;
  this._handle.onexit = (exitCode, signalCode) => {
    if (signalCode) {
      this.signalCode = signalCode;
    } else {
      this.exitCode = exitCode;
    }
    if (this.stdin) {
      this.stdin.destroy();
    }
    this._handle.close();
    this._handle = null;
    if (exitCode < 0) {
      const syscall = this.spawnfile ? "spawn " + this.spawnfile : "spawn";
      const err = new ErrnoException(exitCode, syscall);
      if (this.spawnfile)
        err.path = this.spawnfile;
      err.spawnargs = ArrayPrototypeSlice(this.spawnargs, 1);
      this.emit("error", err);
    } else {
      this.emit("exit", this.exitCode, this.signalCode);
    }
    process.nextTick(flushStdio, this);
    maybeClose(this);
  };
  if (childProcessChannel.hasSubscribers) {
    childProcessChannel.publish({
      process: this
    });
  }
}
ObjectSetPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(ChildProcess, EventEmitter);
function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream[kIsUsedAsStdio]) {
      continue;
    }
    stream.resume();
  }
}
function createSocket(pipe, readable) {
  return net.Socket({ handle: pipe, readable });
}
function getHandleWrapType(stream) {
  if (stream instanceof Pipe) return "pipe";
  if (stream instanceof TTY) return "tty";
  if (stream instanceof TCP) return "tcp";
  if (stream instanceof UDP) return "udp";
  return false;
}
function closePendingHandle(target) {
  target._pendingMessage.handle.close();
  target._pendingMessage = null;
}
ChildProcess.prototype.spawn = function(options) {
  let i = 0;
  validateObject(options, "options");
  let stdio = options.stdio || "pipe";
  stdio = getValidStdio(stdio, false);
  const ipc = stdio.ipc;
  const ipcFd = stdio.ipcFd;
  stdio = options.stdio = stdio.stdio;
  validateOneOf(
    options.serialization,
    "options.serialization",
    [void 0, "json", "advanced"]
  );
  const serialization2 = options.serialization || "json";
  if (ipc !== void 0) {
    if (options.envPairs === void 0)
      options.envPairs = [];
    else
      validateArray(options.envPairs, "options.envPairs");
    ArrayPrototypePush(options.envPairs, `NODE_CHANNEL_FD=${ipcFd}`);
    ArrayPrototypePush(
      options.envPairs,
      `NODE_CHANNEL_SERIALIZATION_MODE=${serialization2}`
    );
  }
  validateString(options.file, "options.file");
  this.spawnfile = options.file;
  if (options.args === void 0) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, "options.args");
    this.spawnargs = options.args;
  }
  const err = this._handle.spawn(options);
  if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE || err === UV_ENFILE || err === UV_ENOENT) {
    process.nextTick(onErrorNT, this, err);
    if (err === UV_EMFILE || err === UV_ENFILE)
      return err;
  } else if (err) {
    for (i = 0; i < stdio.length; i++) {
      const stream = stdio[i];
      if (stream.type === "pipe") {
        stream.handle.close();
      }
    }
    this._handle.close();
    this._handle = null;
    throw new ErrnoException(err, "spawn");
  } else {
    process.nextTick(onSpawnNT, this);
  }
  this.pid = this._handle.pid;
  for (i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (stream.type === "ignore") continue;
    if (stream.ipc) {
      this._closesNeeded++;
      continue;
    }
    if (stream.type === "wrap") {
      stream.handle.reading = false;
      stream.handle.readStop();
      stream._stdio.pause();
      stream._stdio.readableFlowing = false;
      stream._stdio._readableState.reading = false;
      stream._stdio[kIsUsedAsStdio] = true;
      continue;
    }
    if (stream.handle) {
      stream.socket = createSocket(this.pid !== 0 ? stream.handle : null, i > 0);
      if (i > 0 && this.pid !== 0) {
        this._closesNeeded++;
        stream.socket.on("close", () => {
          maybeClose(this);
        });
      }
    }
  }
  this.stdin = stdio.length >= 1 && stdio[0].socket !== void 0 ? stdio[0].socket : null;
  this.stdout = stdio.length >= 2 && stdio[1].socket !== void 0 ? stdio[1].socket : null;
  this.stderr = stdio.length >= 3 && stdio[2].socket !== void 0 ? stdio[2].socket : null;
  this.stdio = [];
  for (i = 0; i < stdio.length; i++)
    ArrayPrototypePush(
      this.stdio,
      stdio[i].socket === void 0 ? null : stdio[i].socket
    );
  if (ipc !== void 0) setupChannel(this, ipc, serialization2);
  return err;
};
function onErrorNT(self, err) {
  self._handle.onexit(err);
}
function onSpawnNT(self) {
  self.emit("spawn");
}
ChildProcess.prototype.kill = function(sig) {
  const signal = sig === 0 ? sig : convertToValidSignal(sig === void 0 ? "SIGTERM" : sig);
  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      throw new ErrnoException(err, "kill");
    } else {
      this.emit("error", new ErrnoException(err, "kill"));
    }
  }
  return false;
};
ChildProcess.prototype[SymbolDispose] = function() {
  if (!this.killed) {
    this.kill();
  }
};
ChildProcess.prototype.ref = function() {
  if (this._handle) this._handle.ref();
};
ChildProcess.prototype.unref = function() {
  if (this._handle) this._handle.unref();
};
class Control extends EventEmitter {
  #channel = null;
  #refs = 0;
  #refExplicitlySet = false;
  constructor(channel) {
    super();
    this.#channel = channel;
    this[kPendingMessages] = [];
  }
  // The methods keeping track of the counter are being used to track the
  // listener count on the child process object as well as when writes are
  // in progress. Once the user has explicitly requested a certain state, these
  // methods become no-ops in order to not interfere with the user's intentions.
  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) {
      this.#channel.ref();
    }
  }
  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit("unref");
    }
  }
  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }
  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }
  get fd() {
    return this.#channel ? this.#channel.fd : void 0;
  }
}
const channelDeprecationMsg = "_channel is deprecated. Use ChildProcess.channel instead.";
let serialization;
function setupChannel(target, channel, serializationMode) {
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;
  ObjectDefineProperty(target, "_channel", {
    __proto__: null,
    get: deprecate(() => {
      return target.channel;
    }, channelDeprecationMsg, "DEP0129"),
    set: deprecate((val) => {
      target.channel = val;
    }, channelDeprecationMsg, "DEP0129"),
    configurable: true,
    enumerable: false
  });
  target._handleQueue = null;
  target._pendingMessage = null;
  if (serialization === void 0)
    serialization = require("internal/child_process/serialization");
  const {
    initMessageChannel,
    parseChannelMessages,
    writeChannelMessage
  } = serialization[serializationMode];
  let pendingHandle = null;
  initMessageChannel(channel);
  channel.pendingHandle = null;
  channel.onread = function(arrayBuffer) {
    const recvHandle = channel.pendingHandle;
    channel.pendingHandle = null;
    if (arrayBuffer) {
      const nread = streamBaseState[kReadBytesOrError];
      const offset = streamBaseState[kArrayBufferOffset];
      const pool = new Uint8Array(arrayBuffer, offset, nread);
      if (recvHandle)
        pendingHandle = recvHandle;
      for (const message of parseChannelMessages(channel, pool)) {
        if (isInternal(message)) {
          if (message.cmd === "NODE_HANDLE") {
            handleMessage(message, pendingHandle, true);
            pendingHandle = null;
          } else {
            handleMessage(message, void 0, true);
          }
        } else {
          handleMessage(message, void 0, false);
        }
      }
    } else {
      this.buffering = false;
      target.disconnect();
      channel.onread = nop;
      channel.close();
      target.channel = null;
      maybeClose(target);
    }
  };
  channel.sockets = { got: {}, send: {} };
  target.on("internalMessage", function(message, handle) {
    if (message.cmd === "NODE_HANDLE_ACK" || message.cmd === "NODE_HANDLE_NACK") {
      if (target._pendingMessage) {
        if (message.cmd === "NODE_HANDLE_ACK") {
          closePendingHandle(target);
        } else if (target._pendingMessage.retransmissions++ === MAX_HANDLE_RETRANSMISSIONS) {
          closePendingHandle(target);
          process.emitWarning("Handle did not reach the receiving process correctly", "SentHandleNotReceivedWarning");
        }
      }
      assert(ArrayIsArray(target._handleQueue));
      const queue = target._handleQueue;
      target._handleQueue = null;
      if (target._pendingMessage) {
        target._send(
          target._pendingMessage.message,
          target._pendingMessage.handle,
          target._pendingMessage.options,
          target._pendingMessage.callback
        );
      }
      for (let i = 0; i < queue.length; i++) {
        const args = queue[i];
        target._send(args.message, args.handle, args.options, args.callback);
      }
      if (!target.connected && target.channel && !target._handleQueue)
        target._disconnect();
      return;
    }
    if (message.cmd !== "NODE_HANDLE") return;
    if (!handle)
      return target._send({ cmd: "NODE_HANDLE_NACK" }, null, true);
    target._send({ cmd: "NODE_HANDLE_ACK" }, null, true);
    const obj = handleConversion[message.type];
    if (process.platform === "win32") {
      handle.setSimultaneousAccepts(false);
    }
    obj.got.call(this, message, handle, (handle2) => {
      handleMessage(message.msg, handle2, isInternal(message.msg));
    });
  });
  target.on("newListener", function() {
    process.nextTick(() => {
      if (!target.channel || !target.listenerCount("message"))
        return;
      const messages = target.channel[kPendingMessages];
      const { length } = messages;
      if (!length) return;
      for (let i = 0; i < length; i++) {
        ReflectApply(target.emit, target, messages[i]);
      }
      target.channel[kPendingMessages] = [];
    });
  });
  target.send = function(message, handle, options, callback) {
    if (typeof handle === "function") {
      callback = handle;
      handle = void 0;
      options = void 0;
    } else if (typeof options === "function") {
      callback = options;
      options = void 0;
    } else if (options !== void 0) {
      validateObject(options, "options");
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) {
      return this._send(message, handle, options, callback);
    }
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === "function") {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit("error", ex));
    }
    return false;
  };
  target._send = function(message, handle, options, callback) {
    assert(this.connected || this.channel);
    if (message === void 0)
      throw new ERR_MISSING_ARGS("message");
    if (typeof message !== "string" && typeof message !== "object" && typeof message !== "number" && typeof message !== "boolean") {
      throw new ERR_INVALID_ARG_TYPE(
        "message",
        ["string", "object", "number", "boolean"],
        message
      );
    }
    if (typeof options === "boolean") {
      options = { swallowErrors: options };
    }
    let obj;
    if (handle) {
      message = {
        cmd: "NODE_HANDLE",
        type: null,
        msg: message
      };
      if (handle instanceof net.Socket) {
        message.type = "net.Socket";
      } else if (handle instanceof net.Server) {
        message.type = "net.Server";
      } else if (handle instanceof TCP || handle instanceof Pipe) {
        message.type = "net.Native";
      } else if (handle instanceof dgram.Socket) {
        message.type = "dgram.Socket";
      } else if (handle instanceof UDP) {
        message.type = "dgram.Native";
      } else {
        throw new ERR_INVALID_HANDLE_TYPE();
      }
      if (this._handleQueue) {
        ArrayPrototypePush(this._handleQueue, {
          callback,
          handle,
          options,
          message: message.msg
        });
        return this._handleQueue.length === 1;
      }
      obj = handleConversion[message.type];
      handle = ReflectApply(
        handleConversion[message.type].send,
        target,
        [message, handle, options]
      );
      if (!handle)
        message = message.msg;
      if (obj.simultaneousAccepts && process.platform === "win32") {
        handle.setSimultaneousAccepts(true);
      }
    } else if (this._handleQueue && !(message && (message.cmd === "NODE_HANDLE_ACK" || message.cmd === "NODE_HANDLE_NACK"))) {
      ArrayPrototypePush(this._handleQueue, {
        callback,
        handle: null,
        options,
        message
      });
      return this._handleQueue.length === 1;
    }
    const req = new WriteWrap();
    const err = writeChannelMessage(channel, req, message, handle);
    const wasAsyncWrite = streamBaseState[kLastWriteWasAsync];
    if (err === 0) {
      if (handle) {
        if (!this._handleQueue)
          this._handleQueue = [];
        if (obj && obj.postSend)
          obj.postSend(message, handle, options, callback, target);
      }
      if (wasAsyncWrite) {
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === "function")
            callback(null);
        };
        control.refCounted();
      } else if (typeof callback === "function") {
        process.nextTick(callback, null);
      }
    } else {
      if (obj && obj.postSend)
        obj.postSend(message, handle, options, callback);
      if (!options.swallowErrors) {
        const ex = new ErrnoException(err, "write");
        if (typeof callback === "function") {
          process.nextTick(callback, ex);
        } else {
          process.nextTick(() => this.emit("error", ex));
        }
      }
    }
    return channel.writeQueueSize < 65536 * 2;
  };
  target.connected = true;
  target.disconnect = function() {
    if (!this.connected) {
      this.emit("error", new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    if (!this._handleQueue)
      this._disconnect();
  };
  target._disconnect = function() {
    assert(this.channel);
    this.channel = null;
    this[kChannelHandle] = null;
    if (this._pendingMessage)
      closePendingHandle(this);
    let fired = false;
    function finish() {
      if (fired) return;
      fired = true;
      channel.close();
      target.emit("disconnect");
    }
    if (channel.buffering) {
      this.once("message", finish);
      this.once("internalMessage", finish);
      return;
    }
    process.nextTick(finish);
  };
  function emit(event, message, handle) {
    if ("internalMessage" === event || target.listenerCount("message")) {
      target.emit(event, message, handle);
      return;
    }
    ArrayPrototypePush(
      target.channel[kPendingMessages],
      [event, message, handle]
    );
  }
  function handleMessage(message, handle, internal) {
    if (!target.channel)
      return;
    const eventName = internal ? "internalMessage" : "message";
    process.nextTick(emit, eventName, message, handle);
  }
  channel.readStart();
  return control;
}
const INTERNAL_PREFIX = "NODE_";
function isInternal(message) {
  return message !== null && typeof message === "object" && typeof message.cmd === "string" && message.cmd.length > INTERNAL_PREFIX.length && StringPrototypeSlice(message.cmd, 0, INTERNAL_PREFIX.length) === INTERNAL_PREFIX;
}
const nop = FunctionPrototype;
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;
  if (typeof stdio === "string") {
    stdio = stdioStringToArray(stdio);
  } else if (!ArrayIsArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE("stdio", stdio);
  }
  while (stdio.length < 3) ArrayPrototypePush(stdio, void 0);
  stdio = ArrayPrototypeReduce(stdio, (acc, stdio2, i) => {
    function cleanup() {
      for (let i2 = 0; i2 < acc.length; i2++) {
        if ((acc[i2].type === "pipe" || acc[i2].type === "ipc") && acc[i2].handle)
          acc[i2].handle.close();
      }
    }
    if (stdio2 == null) {
      stdio2 = i < 3 ? "pipe" : "ignore";
    }
    if (stdio2 === "ignore") {
      ArrayPrototypePush(acc, { type: "ignore" });
    } else if (stdio2 === "pipe" || stdio2 === "overlapped" || typeof stdio2 === "number" && stdio2 < 0) {
      const a = {
        type: stdio2 === "overlapped" ? "overlapped" : "pipe",
        readable: i === 0,
        writable: i !== 0
      };
      if (!sync)
        a.handle = new Pipe(PipeConstants.SOCKET);
      ArrayPrototypePush(acc, a);
    } else if (stdio2 === "ipc") {
      if (sync || ipc !== void 0) {
        cleanup();
        if (!sync)
          throw new ERR_IPC_ONE_PIPE();
        else
          throw new ERR_IPC_SYNC_FORK();
      }
      ipc = new Pipe(PipeConstants.IPC);
      ipcFd = i;
      ArrayPrototypePush(acc, {
        type: "pipe",
        handle: ipc,
        ipc: true
      });
    } else if (stdio2 === "inherit") {
      ArrayPrototypePush(acc, {
        type: "inherit",
        fd: i
      });
    } else if (typeof stdio2 === "number" || typeof stdio2.fd === "number") {
      ArrayPrototypePush(acc, {
        type: "fd",
        fd: typeof stdio2 === "number" ? stdio2 : stdio2.fd
      });
    } else if (getHandleWrapType(stdio2) || getHandleWrapType(stdio2.handle) || getHandleWrapType(stdio2._handle)) {
      const handle = getHandleWrapType(stdio2) ? stdio2 : getHandleWrapType(stdio2.handle) ? stdio2.handle : stdio2._handle;
      ArrayPrototypePush(acc, {
        type: "wrap",
        wrapType: getHandleWrapType(handle),
        handle,
        _stdio: stdio2
      });
    } else if (isArrayBufferView(stdio2) || typeof stdio2 === "string") {
      if (!sync) {
        cleanup();
        throw new ERR_INVALID_SYNC_FORK_INPUT(inspect(stdio2));
      }
    } else {
      cleanup();
      throw new ERR_INVALID_ARG_VALUE("stdio", stdio2);
    }
    return acc;
  }, []);
  return { stdio, ipc, ipcFd };
}
function getSocketList(type, worker, key) {
  const sockets = worker[kChannelHandle].sockets[type];
  let socketList = sockets[key];
  if (!socketList) {
    const Construct = type === "send" ? SocketListSend : SocketListReceive;
    socketList = sockets[key] = new Construct(worker, key);
  }
  return socketList;
}
function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit("close", subprocess.exitCode, subprocess.signalCode);
  }
}
function spawnSync(options) {
  const result = spawn_sync.spawn(options);
  if (result.output && options.encoding && options.encoding !== "buffer") {
    for (let i = 0; i < result.output.length; i++) {
      if (!result.output[i])
        continue;
      result.output[i] = result.output[i].toString(options.encoding);
    }
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  if (result.error) {
    result.error = new ErrnoException(result.error, "spawnSync " + options.file);
    result.error.path = options.file;
    result.error.spawnargs = ArrayPrototypeSlice(options.args, 1);
  }
  return result;
}
module.exports = {
  ChildProcess,
  kChannelHandle,
  setupChannel,
  getValidStdio,
  stdioStringToArray,
  spawnSync
};
