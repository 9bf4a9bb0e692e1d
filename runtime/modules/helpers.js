// The JavaScript half of the loader: Module objects, require functions, ES
// module namespaces and the module-graph evaluation driver. It is compiled
// once per Loader and receives `go`, the Go half. Intrinsics are captured
// here so user code replacing globals does not change module semantics.
(function (go) {
  'use strict';
  // goja lacks Symbol.asyncIterator, which the async generators and for
  // await loops esbuild lowers for goja are built on (esbuild's helpers look
  // it up as Symbol.asyncIterator), so the loader provides it.
  if (typeof Symbol.asyncIterator !== 'symbol') {
    Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol('Symbol.asyncIterator') });
  }
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectKeys = Object.keys;
  const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
  const ReflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const ReflectApply = Reflect.apply;
  const ArrayPrototypeSort = Array.prototype.sort;
  const ArrayPrototypeIndexOf = Array.prototype.indexOf;
  const ArrayPrototypeSplice = Array.prototype.splice;
  const ProxyCtor = Proxy;
  const PromiseCtor = Promise;
  const PromiseResolve = (v) => PromiseCtor.resolve(v);
  const PromiseReject = (e) => PromiseCtor.reject(e);
  const PromiseAll = (list) => PromiseCtor.all(list);
  const PromisePrototypeThen = Promise.prototype.then;
  const SymbolToStringTag = Symbol.toStringTag;
  const then = (p, onOk, onErr) => ReflectApply(PromisePrototypeThen, p, [onOk, onErr]);
  const hasOwn = (o, k) => o != null && ReflectApply(ObjectPrototypeHasOwnProperty, o, [k]);

  // Node keeps the parent in a WeakMap too (moduleParentCache): it is not
  // an own property, so it does not show when a module is inspected.
  const parents = new WeakMap();

  function Module(id, parent) {
    this.id = id;
    this.path = go.dirname(id);
    this.exports = {};
    parents.set(this, parent);
    if (parent && parent.children) parent.children.push(this);
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
  }
  ObjectDefineProperty(Module.prototype, 'parent', {
    get() { return parents.get(this); },
    set(v) { parents.set(this, v); },
    configurable: true,
  });
  Module.prototype.require = function require(id) { return go.require(this, id); };

  const cache = ObjectCreate(null);
  const extensions = ObjectCreate(null);
  // The statics of Node's Module class that programs use, for the 'module'
  // builtin (which exports this class).
  Module._cache = cache;
  Module._extensions = extensions;
  Module._pathCache = ObjectCreate(null);
  Module.Module = Module;
  Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
  Module.wrap = function wrap(script) { return Module.wrapper[0] + script + Module.wrapper[1]; };
  Module.isBuiltin = function isBuiltin(id) { return go.isBuiltin(id); };
  Module._nodeModulePaths = function _nodeModulePaths(from) { return go.nodeModulePaths(from); };
  Module._resolveFilename = function _resolveFilename(request, parent) { return go.resolveFilename(request, parent); };
  Module._load = function _load(request, parent) { return go.require(parent, request); };
  Module.createRequire = function createRequire(filename) {
    const mod = new Module(go.createRequirePath(filename), undefined);
    mod.filename = mod.id;
    mod.paths = go.nodeModulePaths(mod.path);
    return makeRequire(mod);
  };
  extensions['.js'] = function (module, filename) { go.loadFile(module, filename); };
  extensions['.json'] = function (module, filename) { go.loadFile(module, filename); };
  extensions['.node'] = function (module, filename) { go.loadFile(module, filename); };
  const state = { main: undefined };

  function makeRequire(mod) {
    const require = function require(id) { return go.require(mod, id); };
    function resolve(request, options) { return go.resolve(mod, request, options); }
    resolve.paths = function paths(request) { return go.resolvePaths(mod, request); };
    require.resolve = resolve;
    require.main = state.main;
    require.extensions = extensions;
    require.cache = cache;
    return require;
  }

  // childLoaded records a cached module as a child of the requiring one, as
  // Node's updateChildren does.
  function childLoaded(parent, child) {
    const children = parent && parent.children;
    if (children && ReflectApply(ArrayPrototypeIndexOf, children, [child]) === -1) children.push(child);
  }

  function unlinkFailed(parent, child) {
    const children = parent && parent.children;
    if (!children) return;
    const i = ReflectApply(ArrayPrototypeIndexOf, children, [child]);
    if (i !== -1) ReflectApply(ArrayPrototypeSplice, children, [i, 1]);
  }

  // namespace makes an ES module namespace object that reads the current
  // exports of holder.exports: null prototype, sorted keys, not writable,
  // Symbol.toStringTag 'Module'.
  function namespace(holder) {
    const target = ObjectCreate(null);
    ObjectDefineProperty(target, SymbolToStringTag, { value: 'Module' });
    const keys = () => ReflectApply(ArrayPrototypeSort, ObjectKeys(holder.exports), []);
    return new ProxyCtor(target, {
      get(t, k) {
        if (typeof k === 'symbol') return t[k];
        const e = holder.exports;
        return hasOwn(e, k) ? e[k] : undefined;
      },
      set() { return false; },
      defineProperty() { return false; },
      deleteProperty(t, k) { return typeof k === 'symbol' ? !(k in t) : !hasOwn(holder.exports, k); },
      has(t, k) { return typeof k === 'symbol' ? k in t : hasOwn(holder.exports, k); },
      ownKeys(t) { const ks = keys(); ks.push(SymbolToStringTag); return ks; },
      getOwnPropertyDescriptor(t, k) {
        if (typeof k === 'symbol') return ReflectGetOwnPropertyDescriptor(t, k);
        const e = holder.exports;
        if (!hasOwn(e, k)) return undefined;
        return { value: e[k], writable: true, enumerable: true, configurable: true };
      },
      setPrototypeOf(t, p) { return p === null; },
    });
  }

  // cjsNamespace is the namespace of a CommonJS module or builtin seen from
  // an ES module: default is module.exports, and its own enumerable keys
  // (at import time) are the named exports.
  function cjsNamespace(exports) {
    const values = ObjectCreate(null);
    if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
      const ks = ObjectKeys(exports);
      for (let i = 0; i < ks.length; i++) {
        if (ks[i] !== 'default' && ks[i] !== '__esModule') values[ks[i]] = exports[ks[i]];
      }
    }
    values.default = exports;
    return namespace({ exports: values });
  }

  // runBody resumes a module generator after its link step. It returns null
  // when the body completed synchronously, or a promise for its completion
  // when it stopped at a top-level await: each yielded value is awaited and
  // sent back, as `await` would.
  function runBody(gen) {
    const first = gen.next();
    if (first.done) return null;
    return new PromiseCtor((resolve, reject) => {
      const step = (r) => {
        if (r.done) { resolve(); return; }
        then(PromiseResolve(r.value),
          (v) => { let n; try { n = gen.next(v); } catch (e) { reject(e); return; } step(n); },
          (err) => { let n; try { n = gen.throw(err); } catch (e) { reject(e); return; } step(n); });
      };
      step(first);
    });
  }

  // evaluate runs a module record's dependencies depth-first, post-order,
  // then the record itself. Records that are (or wait for) asynchronous
  // modules return a promise; others complete synchronously and return null.
  // A record met again while it is being evaluated (a cycle) is skipped.
  function evaluate(rec) {
    if (rec.status === 2) {
      if (rec.failed) throw rec.error;
      return rec.promise;
    }
    if (rec.status === 1) return null;
    rec.status = 1;
    const fail = (e) => { rec.failed = true; rec.error = e; throw e; };
    try {
      const pending = [];
      for (let i = 0; i < rec.deps.length; i++) {
        const p = evaluate(rec.deps[i]);
        if (p) pending.push(p);
      }
      let p;
      if (pending.length === 0) {
        p = rec.run();
      } else {
        p = then(PromiseAll(pending), () => rec.run());
      }
      rec.promise = p ? then(p, undefined, fail) : null;
    } catch (e) {
      rec.status = 2;
      rec.failed = true;
      rec.error = e;
      throw e;
    }
    rec.status = 2;
    return rec.promise;
  }

  // evaluateToPromise evaluates rec and returns a promise for its namespace.
  function evaluateToPromise(rec) {
    try {
      const p = evaluate(rec);
      if (p) return then(p, () => rec.ns);
      return PromiseResolve(rec.ns);
    } catch (e) {
      return PromiseReject(e);
    }
  }

  // graphHasTLA reports whether evaluating rec would meet a module with
  // top-level await that has not run yet.
  function graphHasTLA(rec, seen = new Set()) {
    if (seen.has(rec) || rec.status !== 0) return false;
    seen.add(rec);
    if (rec.tla) return true;
    for (let i = 0; i < rec.deps.length; i++) {
      if (graphHasTLA(rec.deps[i], seen)) return true;
    }
    return false;
  }

  // requireNamespace is what require() of an ES module returns: its
  // namespace, or when it has a default export, a namespace-like object that
  // also says __esModule, as Node 20 does.
  function requireNamespace(rec) {
    evaluate(rec);
    const ns = rec.ns;
    if (!('default' in ns)) return ns;
    const values = ObjectCreate(null);
    values.__esModule = true;
    const ks = ObjectKeys(ns);
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      ObjectDefineProperty(values, k, { get: () => ns[k], enumerable: true });
    }
    return namespace({ exports: values });
  }

  // importLater returns import()'s promise: schedule(fn) arranges for fn
  // to run later; start links and evaluates, returning evaluateToPromise's
  // promise (or throwing a link error).
  function importLater(schedule, start) {
    return new PromiseCtor((resolve, reject) => {
      schedule(() => {
        try { resolve(start()); } catch (e) { reject(e); }
      });
    });
  }

  function microtask(fn) { then(PromiseResolve(undefined), fn); }

  function newRecord() {
    return { status: 0, tla: false, deps: [], depMap: ObjectCreate(null), run: null, ns: undefined, promise: null, failed: false, error: undefined };
  }

  function esmRequire(rec) {
    return (spec) => rec.depMap[spec].ns;
  }

  function identity(x) { return x; }

  function importMeta(url, filename, dirname, resolve) {
    const meta = ObjectCreate(null);
    meta.dirname = dirname;
    meta.filename = filename;
    meta.resolve = resolve;
    meta.url = url;
    return meta;
  }

  return {
    Module, cache, state, makeRequire, childLoaded, unlinkFailed, namespace, cjsNamespace,
    runBody, evaluate, evaluateToPromise, newRecord, graphHasTLA, requireNamespace, importLater, microtask, esmRequire, identity, importMeta,
    rejected: PromiseReject,
    throwValue(e) { throw e; },
  };
})
