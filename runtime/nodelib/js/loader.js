// The internal module loader: the counterpart of node's BuiltinModule.compileForInternalLoader.
// compile(id) returns the module's wrapper function (compiled once per process by Go) or
// throws if the module is not embedded.
(function (compile, internalBinding, primordials, getProcess) {
  'use strict';
  const cache = { __proto__: null };
  // What node's bootstrap (internal/process/pre_execution) does to a module right after it
  // loads, done here lazily instead.
  const afterLoad = {
    __proto__: null,
    'internal/util/debuglog'(exports, process) {
      exports.initializeDebugEnv(process?.env?.NODE_DEBUG);
    },
    'internal/console/global'(exports, process) {
      requireBuiltin('internal/nodelib/console_streams').setupGlobalConsole(exports, process);
    },
  };
  const provided = { __proto__: null };
  function requireBuiltin(id) {
    if (id in provided) return provided[id];
    const cached = cache[id];
    if (cached !== undefined) return cached.exports;
    const fn = compile(id);
    const module = { exports: {}, id, loaded: false };
    cache[id] = module;
    try {
      fn(module.exports, requireBuiltin, module, getProcess(), internalBinding, primordials);
    } catch (err) {
      delete cache[id];
      throw err;
    }
    module.loaded = true;
    afterLoad[id]?.(module.exports, getProcess());
    return module.exports;
  }
  function provide(id, exports) {
    provided[id] = exports;
  }
  function isLoaded(id) {
    return id in provided || id in cache;
  }
  return { require: requireBuiltin, provide, isLoaded };
})
