"use strict";
const {
  MathMin,
  Symbol
} = primordials;
const { setImmediate } = require("timers");
const { methods, allMethods, HTTPParser } = internalBinding("http_parser");
const { getOptionValue } = require("internal/options");
const insecureHTTPParser = getOptionValue("--insecure-http-parser");
const FreeList = require("internal/freelist");
const incoming = require("_http_incoming");
const {
  IncomingMessage,
  readStart,
  readStop
} = incoming;
const kIncomingMessage = Symbol("IncomingMessage");
const kOnMessageBegin = HTTPParser.kOnMessageBegin | 0;
const kOnHeaders = HTTPParser.kOnHeaders | 0;
const kOnHeadersComplete = HTTPParser.kOnHeadersComplete | 0;
const kOnBody = HTTPParser.kOnBody | 0;
const kOnMessageComplete = HTTPParser.kOnMessageComplete | 0;
const kOnExecute = HTTPParser.kOnExecute | 0;
const kOnTimeout = HTTPParser.kOnTimeout | 0;
const MAX_HEADER_PAIRS = 2e3;
function parserOnHeaders(headers, url) {
  if (this.maxHeaderPairs <= 0 || this._headers.length < this.maxHeaderPairs) {
    this._headers.push(...headers);
  }
  this._url += url;
}
function parserOnHeadersComplete(versionMajor, versionMinor, headers, method, url, statusCode, statusMessage, upgrade, shouldKeepAlive) {
  const parser = this;
  const { socket } = parser;
  if (headers === void 0) {
    headers = parser._headers;
    parser._headers = [];
  }
  if (url === void 0) {
    url = parser._url;
    parser._url = "";
  }
  const ParserIncomingMessage = socket && socket.server && socket.server[kIncomingMessage] || IncomingMessage;
  const incoming2 = parser.incoming = new ParserIncomingMessage(socket);
  incoming2.httpVersionMajor = versionMajor;
  incoming2.httpVersionMinor = versionMinor;
  incoming2.httpVersion = `${versionMajor}.${versionMinor}`;
  incoming2.joinDuplicateHeaders = socket?.server?.joinDuplicateHeaders || parser.joinDuplicateHeaders;
  incoming2.url = url;
  incoming2.upgrade = upgrade;
  let n = headers.length;
  if (parser.maxHeaderPairs > 0)
    n = MathMin(n, parser.maxHeaderPairs);
  incoming2._addHeaderLines(headers, n);
  if (typeof method === "number") {
    incoming2.method = allMethods[method];
  } else {
    incoming2.statusCode = statusCode;
    incoming2.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming2, shouldKeepAlive);
}
function parserOnBody(b) {
  const stream = this.incoming;
  if (stream === null)
    return;
  if (!stream._dumped) {
    const ret = stream.push(b);
    if (!ret)
      readStop(this.socket);
  }
}
function parserOnMessageComplete() {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null) {
    stream.complete = true;
    const headers = parser._headers;
    if (headers.length) {
      stream._addHeaderLines(headers, headers.length);
      parser._headers = [];
      parser._url = "";
    }
    stream.push(null);
  }
  readStart(parser.socket);
}
const parsers = new FreeList("parsers", 1e3, function parsersCb() {
  const parser = new HTTPParser();
  cleanParser(parser);
  parser[kOnHeaders] = parserOnHeaders;
  parser[kOnHeadersComplete] = parserOnHeadersComplete;
  parser[kOnBody] = parserOnBody;
  parser[kOnMessageComplete] = parserOnMessageComplete;
  return parser;
});
function closeParserInstance(parser) {
  parser.close();
}
function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed)
      parser.unconsume();
    cleanParser(parser);
    parser.remove();
    if (parsers.free(parser) === false) {
      setImmediate(closeParserInstance, parser);
    } else {
      parser.free();
    }
  }
  if (req) {
    req.parser = null;
  }
  if (socket) {
    socket.parser = null;
  }
}
const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}
function cleanParser(parser) {
  parser._headers = [];
  parser._url = "";
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = MAX_HEADER_PAIRS;
  parser[kOnMessageBegin] = null;
  parser[kOnExecute] = null;
  parser[kOnTimeout] = null;
  parser._consumed = false;
  parser.onIncoming = null;
  parser.joinDuplicateHeaders = null;
}
function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || parser.getCurrentBuffer();
  if (typeof err.reason === "string")
    err.message = `Parse Error: ${err.reason}`;
}
let warnedLenient = false;
function isLenient() {
  if (insecureHTTPParser && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning("Using insecure HTTP parsing");
  }
  return insecureHTTPParser;
}
module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: "\r\n",
  // TODO: Deprecate this.
  freeParser,
  methods,
  parsers,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  prepareError
};
