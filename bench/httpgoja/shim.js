// The least JavaScript a Node-shaped HTTP server needs per request, for
// bench/httpgoja: an EventEmitter, IncomingMessage (method, url, httpVersion,
// rawHeaders and headers made from them on first use), ServerResponse
// (statusCode, setHeader/getHeader/removeHeader, writeHead, write, end,
// headersSent, writableEnded, 'finish'), and the server's 'request' event.
// Go does the wire work (parsing, the status line and framing headers,
// writing); respond(handle, status, headers, body) hands it the response.
(function (respond) {
  class EventEmitter {
    constructor() { this._events = { __proto__: null }; }
    on(name, fn) {
      const list = this._events[name];
      if (list === undefined) this._events[name] = fn;
      else if (typeof list === 'function') this._events[name] = [list, fn];
      else list.push(fn);
      return this;
    }
    once(name, fn) {
      const self = this;
      function wrapped(...args) { self.off(name, wrapped); return fn.apply(self, args); }
      return this.on(name, wrapped);
    }
    off(name, fn) {
      const list = this._events[name];
      if (list === fn) delete this._events[name];
      else if (Array.isArray(list)) {
        const i = list.indexOf(fn);
        if (i >= 0) list.splice(i, 1);
      }
      return this;
    }
    emit(name, a, b) {
      const list = this._events[name];
      if (list === undefined) {
        if (name === 'error') throw a;
        return false;
      }
      if (typeof list === 'function') list.call(this, a, b);
      else for (const fn of list.slice()) fn.call(this, a, b);
      return true;
    }
  }
  EventEmitter.prototype.addListener = EventEmitter.prototype.on;

  class IncomingMessage extends EventEmitter {
    constructor(method, url, rawHeaders, major, minor) {
      super();
      this.method = method;
      this.url = url;
      this.rawHeaders = rawHeaders;
      this.httpVersionMajor = major;
      this.httpVersionMinor = minor;
      this.httpVersion = major + '.' + minor;
      this.complete = true;
      this._headers = null;
    }
    get headers() {
      if (this._headers === null) {
        const h = { __proto__: null };
        const raw = this.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) {
          const k = raw[i].toLowerCase();
          h[k] = h[k] === undefined ? raw[i + 1] : h[k] + ', ' + raw[i + 1];
        }
        this._headers = h;
      }
      return this._headers;
    }
  }

  class ServerResponse extends EventEmitter {
    constructor(req, handle) {
      super();
      this.req = req;
      this._handle = handle;
      this.statusCode = 200;
      this.statusMessage = undefined;
      this._out = { __proto__: null };
      this.headersSent = false;
      this.writableEnded = false;
      this._chunks = null;
    }
    setHeader(name, value) {
      if (this.headersSent) throw new Error('ERR_HTTP_HEADERS_SENT');
      this._out[name.toLowerCase()] = [name, value];
      return this;
    }
    getHeader(name) { const e = this._out[name.toLowerCase()]; return e && e[1]; }
    removeHeader(name) { delete this._out[name.toLowerCase()]; }
    writeHead(status, a, b) {
      this.statusCode = status;
      const headers = typeof a === 'string' ? (this.statusMessage = a, b) : a;
      if (headers) for (const k in headers) this.setHeader(k, headers[k]);
      return this;
    }
    write(chunk) {
      (this._chunks || (this._chunks = [])).push(chunk);
      return true;
    }
    end(chunk) {
      if (this.writableEnded) return this;
      if (chunk !== undefined && typeof chunk !== 'function') this.write(chunk);
      this.writableEnded = true;
      this.headersSent = true;
      const flat = [];
      for (const k in this._out) { const e = this._out[k]; flat.push(e[0], String(e[1])); }
      const c = this._chunks;
      respond(this._handle, this.statusCode, flat, c === null ? '' : c.length === 1 ? c[0] : c.join(''));
      this.emit('finish');
      return this;
    }
  }

  class Server extends EventEmitter {
    constructor(handler) {
      super();
      if (handler) this.on('request', handler);
    }
  }

  // dispatch is what Go calls for every request: one call, as one callback
  // scope (goja runs the promise jobs when it returns).
  function dispatch(server, handle, method, url, rawHeaders, major, minor) {
    const req = new IncomingMessage(method, url, rawHeaders, major, minor);
    const res = new ServerResponse(req, handle);
    server.emit('request', req, res);
  }
  return { EventEmitter, IncomingMessage, ServerResponse, Server, dispatch };
})
