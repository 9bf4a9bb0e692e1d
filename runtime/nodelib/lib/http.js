"use strict";
const {
  ObjectDefineProperty
} = primordials;
const { validateInteger } = require("internal/validators");
const httpAgent = require("_http_agent");
const { ClientRequest } = require("_http_client");
const { methods, parsers } = require("_http_common");
const { IncomingMessage } = require("_http_incoming");
const {
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage
} = require("_http_outgoing");
const {
  _connectionListener,
  STATUS_CODES,
  Server,
  ServerResponse
} = require("_http_server");
let maxHeaderSize;
function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}
function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}
function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}
module.exports = {
  _connectionListener,
  METHODS: methods.toSorted(),
  STATUS_CODES,
  Agent: httpAgent.Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    validateInteger(max, "max", 1);
    parsers.max = max;
  }
};
ObjectDefineProperty(module.exports, "maxHeaderSize", {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (maxHeaderSize === void 0) {
      const { getOptionValue } = require("internal/options");
      maxHeaderSize = getOptionValue("--max-http-header-size");
    }
    return maxHeaderSize;
  }
});
ObjectDefineProperty(module.exports, "globalAgent", {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return httpAgent.globalAgent;
  },
  set(value) {
    httpAgent.globalAgent = value;
  }
});
