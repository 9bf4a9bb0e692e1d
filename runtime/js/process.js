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
        // validateInteger(value, 'code') of lib/internal/validators.js
        if (typeof value !== 'number') throw binding.nodeError('ERR_INVALID_ARG_TYPE', 'code', 'number', value);
        if (!Number.isInteger(value)) throw binding.nodeError('ERR_OUT_OF_RANGE', 'code', 'an integer', value);
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
      if (prev.length !== 2) throw binding.nodeError('ERR_OUT_OF_RANGE', 'time', 2, prev.length);
      sec -= prev[0];
      nsec -= prev[1];
      if (nsec < 0) { sec--; nsec += 1e9; }
    }
    return [sec, nsec];
  }
  hrtime.bigint = function bigint() { return binding.hrtimeBigint(); };
  process.hrtime = hrtime;

  // Node's own emitWarning and default 'warning' listener
  // (lib/internal/process/warning.js), loaded on first use.
  let warning;
  const lazyWarning = () => warning ??= binding.requireInternal('internal/process/warning');
  process.emitWarning = function emitWarning(...args) {
    return lazyWarning().emitWarning(...args);
  };
  process.on('warning', function onWarning(w) { return lazyWarning().onWarning(w); });

  // process.stdout and process.stderr are Node's own Writable streams,
  // made on first access as Node makes them.
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    let stream;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: false,
      get() { return stream ??= binding.stdio(fd); },
    });
  }
})
