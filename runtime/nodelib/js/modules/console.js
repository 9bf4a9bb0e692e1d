'use strict';
// node's lib/console.js re-exports the global console; node's bootstrap then binds it to
// process.stdout/stderr lazily. Both happen here.
//
// Node's console writes to streams, which are EventEmitters (it adds a transient 'error'
// listener around each write). A host may give plain objects with write(); those are seen
// through an EventEmitter facade that forwards write, fd and isTTY.
const { kBindStreamsLazy } = require('internal/console/constructor');
const globalConsole = require('internal/console/global');

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

globalConsole[kBindStreamsLazy]({
  get stdout() { return asStream(process.stdout); },
  get stderr() { return asStream(process.stderr); },
});
// V8 adds these to node's console; they only act while an inspector is profiling, and none
// is attached to this console.
for (const name of ['profile', 'profileEnd', 'timeStamp']) {
  if (!(name in globalConsole)) {
    globalConsole[name] = { [name](label) {} }[name];
  }
}
module.exports = globalConsole;
