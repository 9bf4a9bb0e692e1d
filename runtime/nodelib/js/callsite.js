// V8's CallSite objects (https://v8.dev/docs/stack-trace-api), built from goja stack frames,
// for Error.prepareStackTrace and node's internal stack overrides.
(function () {
  'use strict';
  class CallSite {
    #name; #file; #line; #column; #native;
    constructor(name, file, line, column, native) {
      this.#name = name;
      this.#file = file;
      this.#line = line;
      this.#column = column;
      this.#native = native;
    }
    getThis() { return undefined; }
    getTypeName() { return null; }
    getFunction() { return undefined; }
    getFunctionName() { return this.#name; }
    getMethodName() { return null; }
    getFileName() { return this.#file ?? undefined; }
    getLineNumber() { return this.#native ? null : this.#line; }
    getColumnNumber() { return this.#native ? null : this.#column; }
    getEnclosingLineNumber() { return null; }
    getEnclosingColumnNumber() { return null; }
    getPosition() { return 0; }
    getScriptHash() { return ''; }
    getScriptNameOrSourceURL() { return this.#file ?? undefined; }
    getEvalOrigin() { return undefined; }
    getPromiseIndex() { return null; }
    isToplevel() { return this.#name === null; }
    isEval() { return false; }
    isNative() { return false; }
    isConstructor() { return false; }
    isAsync() { return false; }
    isPromiseAll() { return false; }
    toString() {
      const location = this.#native ? '<anonymous>' :
        `${this.#file ?? '<anonymous>'}:${this.#line}:${this.#column}`;
      return this.#name === null ? location : `${this.#name} (${location})`;
    }
  }
  return function makeCallSites(frames) {
    const out = [];
    for (let i = 0; i < frames.length; i += 5) {
      out.push(new CallSite(frames[i], frames[i + 1], frames[i + 2], frames[i + 3], frames[i + 4]));
    }
    return out;
  };
})
