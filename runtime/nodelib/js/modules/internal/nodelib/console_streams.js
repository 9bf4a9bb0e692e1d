'use strict';
// What node's bootstrap does to the global console (internal/console/global): bind it to
// process.stdout/stderr lazily, and add V8's inspector-only methods. The loader runs this
// right after internal/console/global loads, so every path to the console gets it bound.
//
// Node's console writes to streams, which are EventEmitters (it adds a transient 'error'
// listener around each write). A host may give plain objects with write(); those are seen
// through an EventEmitter facade that forwards write, fd and isTTY.
const { kBindStreamsLazy } = require('internal/console/constructor');

const facades = new WeakMap();
function asStream(stream) {
  if (stream == null || typeof stream !== 'object' || typeof stream.listenerCount === 'function') {
    return stream;
  }
  let facade = facades.get(stream);
  if (facade === undefined) {
    const { EventEmitter } = require('events');
    facade = new EventEmitter();
    Object.defineProperties(facade, {
      write: { value: (chunk, encoding, cb) => stream.write(chunk, encoding, cb) },
      fd: { get: () => stream.fd },
      isTTY: { get: () => stream.isTTY },
      columns: { get: () => stream.columns },
      getColorDepth: { get: () => stream.getColorDepth },
      hasColors: { get: () => stream.hasColors },
    });
    facades.set(stream, facade);
  }
  return facade;
}

function setupGlobalConsole(globalConsole, process) {
  globalConsole[kBindStreamsLazy]({
    get stdout() { return asStream(process.stdout); },
    get stderr() { return asStream(process.stderr); },
  });
  // V8 adds these to node's console; they only act while an inspector is profiling, and
  // none is attached to this console.
  for (const name of ['profile', 'profileEnd', 'timeStamp']) {
    if (!(name in globalConsole)) {
      globalConsole[name] = { [name](label) {} }[name];
    }
  }
}

module.exports = { setupGlobalConsole };
