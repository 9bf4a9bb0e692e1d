// Installs node's globals (node/lib/internal/bootstrap/node.js and web/exposed-*.js).
(function (globalThis, require, internalBinding) {
  'use strict';
  Object.defineProperty(globalThis, 'global', {
    value: globalThis, writable: true, enumerable: false, configurable: true,
  });
  // Like node's defineLazyProperties: the getter loads the module, a write replaces the value.
  function lazy(name, load, enumerable) {
    let loaded = false;
    let value;
    Object.defineProperty(globalThis, name, {
      enumerable,
      configurable: true,
      get() {
        if (!loaded) {
          value = load();
          loaded = true;
        }
        return value;
      },
      set(v) {
        Object.defineProperty(globalThis, name, { value: v, writable: true, enumerable, configurable: true });
      },
    });
  }
  lazy('console', () => require('console'), false);
  lazy('Buffer', () => require('buffer').Buffer, false);
  lazy('atob', () => require('buffer').atob, true);
  lazy('btoa', () => require('buffer').btoa, true);
  lazy('URL', () => require('internal/url').URL, false);
  lazy('URLSearchParams', () => require('internal/url').URLSearchParams, false);
  lazy('TextEncoder', () => require('internal/encoding').TextEncoder, false);
  lazy('TextDecoder', () => require('internal/encoding').TextDecoder, false);
  lazy('structuredClone', () => internalBinding('messaging').structuredClone, true);
  lazy('DOMException', () => internalBinding('messaging').DOMException, false);
  lazy('AbortController', () => require('internal/abort_controller').AbortController, false);
  lazy('AbortSignal', () => require('internal/abort_controller').AbortSignal, false);
  lazy('EventTarget', () => require('internal/event_target').EventTarget, false);
  lazy('Event', () => require('internal/event_target').Event, false);
  // crypto and perf_hooks (node/lib/internal/bootstrap/web/exposed-window-or-worker.js, node.js)
  lazy('crypto', () => require('internal/crypto/webcrypto').crypto, true);
  lazy('Crypto', () => require('internal/crypto/webcrypto').Crypto, false);
  lazy('CryptoKey', () => require('internal/crypto/keys').CryptoKey, false);
  lazy('SubtleCrypto', () => require('internal/crypto/webcrypto').SubtleCrypto, false);
  lazy('performance', () => require('perf_hooks').performance, true);
  lazy('PerformanceEntry', () => require('perf_hooks').PerformanceEntry, false);
  lazy('PerformanceMark', () => require('perf_hooks').PerformanceMark, false);
  lazy('PerformanceMeasure', () => require('perf_hooks').PerformanceMeasure, false);
  lazy('PerformanceObserver', () => require('perf_hooks').PerformanceObserver, false);
  lazy('PerformanceObserverEntryList', () => require('perf_hooks').PerformanceObserverEntryList, false);
  lazy('PerformanceResourceTiming', () => require('perf_hooks').PerformanceResourceTiming, false);
  // fetch (helper: fetch): web streams (node/lib/internal/bootstrap/web/exposed-wildcard.js),
  // Blob, File and undici's fetch (exposed-window-or-worker.js), each loaded on first use; and
  // undici's WebSocket, a global in node 22 (node 20 has it behind --experimental-websocket).
  const streamInterfaces = {
    'internal/webstreams/transformstream': ['TransformStream', 'TransformStreamDefaultController'],
    'internal/webstreams/writablestream': ['WritableStream', 'WritableStreamDefaultController', 'WritableStreamDefaultWriter'],
    'internal/webstreams/readablestream': [
      'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
      'ReadableByteStreamController', 'ReadableStreamDefaultController',
    ],
    'internal/webstreams/queuingstrategies': ['ByteLengthQueuingStrategy', 'CountQueuingStrategy'],
    'internal/webstreams/encoding': ['TextEncoderStream', 'TextDecoderStream'],
    'internal/webstreams/compression': ['CompressionStream', 'DecompressionStream'],
    'internal/deps/undici/undici': ['FormData', 'Headers', 'Request', 'Response', 'WebSocket'],
    'internal/blob': ['Blob'],
    'internal/file': ['File'],
  };
  for (const id of Object.keys(streamInterfaces)) {
    for (const name of streamInterfaces[id]) lazy(name, () => require(id)[name], false);
  }
  let fetchImpl;
  Object.defineProperty(globalThis, 'fetch', {
    configurable: true,
    enumerable: true,
    writable: true,
    value: function fetch(input, init = undefined) {
      if (!fetchImpl) fetchImpl = require('internal/deps/undici/undici').fetch;
      return fetchImpl(input, init);
    },
  });
})
