// Studio runtime: the JavaScript half of the process object (the Go half is
// runtime/process.go). Shapes follow lib/internal/bootstrap/node.js and
// lib/internal/process/per_thread.js of Node 20.
(function setupProcess(process, binding, EventEmitter) {
  'use strict';

  // process is an EventEmitter whose prototype is a `process` object, as in
  // Node: Object.getPrototypeOf(process) is `process {}`.
  const proto = Object.create(EventEmitter.prototype, {
    constructor: { value: function process() {}, writable: true, configurable: true },
    [Symbol.toStringTag]: { value: 'process', writable: false, enumerable: false, configurable: true },
  });
  Object.setPrototypeOf(process, proto);
  EventEmitter.call(process);

  const kNoFailure = 0;
  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          throw binding.invalidArgType('code', 'integer', code);
        }
      }
      exitCode = code;
    },
  });

  process._exiting = false;
  process.exit = function exit(code) {
    if (arguments.length !== 0) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      binding.markExiting();
      process.emit('exit', process.exitCode || kNoFailure);
    }
    binding.reallyExit(process.exitCode || kNoFailure);
  };
  process.reallyExit = function reallyExit(code) { binding.reallyExit(code | 0); };
  process.abort = function abort() { binding.reallyExit(134); };

  // process.env coerces every value it stores to a string.
  process.env = new Proxy(binding.env, {
    set(target, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      target[key] = String(value);
      return true;
    },
    defineProperty(target, key, desc) {
      if ('value' in desc) desc = { ...desc, value: String(desc.value) };
      return Reflect.defineProperty(target, key, desc);
    },
  });

  const hrtimeNs = binding.hrtimeNs;
  function hrtime(prev) {
    const ns = hrtimeNs();
    let sec = Math.floor(ns / 1e9);
    let nsec = ns - sec * 1e9;
    if (prev !== undefined) {
      if (!Array.isArray(prev)) throw binding.invalidArgType('time', 'Array', prev);
      if (prev.length !== 2) {
        const err = new RangeError(`The value of "time" is out of range. It must be 2. Received ${prev.length}`);
        err.code = 'ERR_OUT_OF_RANGE';
        throw err;
      }
      sec -= prev[0];
      nsec -= prev[1];
      if (nsec < 0) { sec--; nsec += 1e9; }
    }
    return [sec, nsec];
  }
  hrtime.bigint = function bigint() { return binding.hrtimeBigint(); };
  process.hrtime = hrtime;

  // emitWarning after lib/internal/process/warning.js: the 'warning' event
  // fires on the next tick, and the default listener prints to stderr.
  process.emitWarning = function emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      ctor = type.ctor;
      code = type.code;
      if (typeof type.detail === 'string') detail = type.detail;
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type;
      code = undefined;
      type = 'Warning';
    }
    if (type !== undefined && typeof type !== 'string') throw binding.invalidArgType('type', 'string', type);
    if (typeof code === 'function') { ctor = code; code = undefined; }
    if (typeof warning === 'string') {
      const w = new Error(warning);
      w.name = String(type || 'Warning');
      if (code !== undefined) w.code = code;
      if (detail !== undefined) w.detail = detail;
      warning = w;
    } else if (!(warning instanceof Error)) {
      throw binding.invalidArgType('warning', ['Error', 'string'], warning);
    }
    if (warning.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) throw warning;
    }
    process.nextTick(() => process.emit('warning', warning));
  };
  process.on('warning', (warning) => {
    if (process.noProcessWarnings) return;
    const code = warning.code ? `[${warning.code}] ` : '';
    let msg = `(node:${process.pid}) ${code}${warning.name}: ${warning.message}`;
    if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
    if (!binding.warnedOnce) {
      msg += '\n(Use `node --trace-warnings ...` to show where the warning was created)';
      binding.warnedOnce = true;
    }
    process.stderr.write(msg + '\n');
  });

  function makeStream(fd) {
    const stream = new EventEmitter();
    stream.fd = fd;
    stream.isTTY = binding.isatty(fd) || undefined;
    stream.writable = true;
    stream._isStdio = true;
    stream.destroyed = false;
    stream.writableLength = 0;
    stream.writableHighWaterMark = 16384;
    stream.write = function write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw binding.invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
      }
      if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8' && typeof Buffer === 'function') {
        chunk = Buffer.from(chunk, encoding);
      }
      binding.write(fd, chunk);
      if (typeof cb === 'function') process.nextTick(cb, null);
      return true;
    };
    stream.end = function end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (chunk !== undefined && chunk !== null) stream.write(chunk, encoding);
      if (typeof cb === 'function') process.nextTick(cb);
      return stream;
    };
    stream.cork = function cork() {};
    stream.uncork = function uncork() {};
    stream.setDefaultEncoding = function setDefaultEncoding() { return stream; };
    stream.getColorDepth = function getColorDepth() { return 1; };
    stream.hasColors = function hasColors() { return false; };
    return stream;
  }
  process.stdout = makeStream(1);
  process.stderr = makeStream(2);
})
