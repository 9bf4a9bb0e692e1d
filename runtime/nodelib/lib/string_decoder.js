"use strict";
const {
  ArrayBufferIsView,
  ObjectDefineProperties,
  Symbol,
  TypedArrayPrototypeSubarray
} = primordials;
const { Buffer } = require("buffer");
const {
  kIncompleteCharactersStart,
  kIncompleteCharactersEnd,
  kMissingBytes,
  kBufferedBytes,
  kEncodingField,
  kSize,
  decode,
  flush
} = internalBinding("string_decoder");
const {
  kIsEncodingSymbol,
  encodingsMap,
  normalizeEncoding: _normalizeEncoding
} = require("internal/util");
const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_THIS,
  ERR_UNKNOWN_ENCODING
} = require("internal/errors").codes;
const isEncoding = Buffer[kIsEncodingSymbol];
const kNativeDecoder = Symbol("kNativeDecoder");
function normalizeEncoding(enc) {
  const nenc = _normalizeEncoding(enc);
  if (nenc === void 0) {
    if (Buffer.isEncoding === isEncoding || !Buffer.isEncoding(enc))
      throw new ERR_UNKNOWN_ENCODING(enc);
    return enc;
  }
  return nenc;
}
function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = encodingsMap[this.encoding];
}
StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === "string")
    return buf;
  if (!ArrayBufferIsView(buf))
    throw new ERR_INVALID_ARG_TYPE(
      "buf",
      ["Buffer", "TypedArray", "DataView"],
      buf
    );
  if (!this[kNativeDecoder]) {
    throw new ERR_INVALID_THIS("StringDecoder");
  }
  return decode(this[kNativeDecoder], buf);
};
StringDecoder.prototype.end = function end(buf) {
  let ret = "";
  if (buf !== void 0)
    ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0)
    ret += flush(this[kNativeDecoder]);
  return ret;
};
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};
ObjectDefineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return TypedArrayPrototypeSubarray(
        this[kNativeDecoder],
        kIncompleteCharactersStart,
        kIncompleteCharactersEnd
      );
    }
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    }
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
    }
  }
});
exports.StringDecoder = StringDecoder;
