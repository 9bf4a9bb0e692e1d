"use strict";
const {
  MathAbs,
  MathMax,
  MathMin,
  MathPow,
  MathSign,
  MathTrunc,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER,
  String
} = primordials;
const {
  codes: {
    ERR_INVALID_ARG_VALUE
  }
} = require("internal/errors");
const { kEmptyObject } = require("internal/util");
const converters = { __proto__: null };
const integerPart = MathTrunc;
function evenRound(x) {
  const i = integerPart(x) + 0;
  const reminder = MathAbs(x % 1);
  const sign = MathSign(i);
  if (reminder === 0.5) {
    return i % 2 === 0 ? i : i + sign;
  }
  const r = reminder < 0.5 ? i : i + sign;
  if (r === 0) {
    return 0;
  }
  return r;
}
function pow2(exponent) {
  if (exponent < 31) {
    return 1 << exponent;
  }
  if (exponent === 31) {
    return 2147483648;
  }
  if (exponent === 32) {
    return 4294967296;
  }
  return MathPow(2, exponent);
}
function modulo(x, y) {
  const r = x % y;
  if (r === 0) {
    return 0;
  }
  return r;
}
function convertToInt(name, value, bitLength, options = kEmptyObject) {
  const { signed = false, enforceRange = false, clamp = false } = options;
  let upperBound;
  let lowerBound;
  if (bitLength === 64) {
    upperBound = NumberMAX_SAFE_INTEGER;
    lowerBound = !signed ? 0 : NumberMIN_SAFE_INTEGER;
  } else if (!signed) {
    lowerBound = 0;
    upperBound = pow2(bitLength) - 1;
  } else {
    lowerBound = -pow2(bitLength - 1);
    upperBound = pow2(bitLength - 1) - 1;
  }
  let x = +value;
  if (x === 0) {
    x = 0;
  }
  if (enforceRange) {
    if (NumberIsNaN(x) || x === Infinity || x === -Infinity) {
      throw new ERR_INVALID_ARG_VALUE(name, x);
    }
    x = integerPart(x);
    if (x < lowerBound || x > upperBound) {
      throw new ERR_INVALID_ARG_VALUE(name, x);
    }
    return x;
  }
  if (clamp && !NumberIsNaN(x)) {
    x = MathMin(MathMax(x, lowerBound), upperBound);
    x = evenRound(x);
    return x;
  }
  if (NumberIsNaN(x) || x === 0 || x === Infinity || x === -Infinity) {
    return 0;
  }
  x = integerPart(x);
  x = modulo(x, pow2(bitLength));
  if (signed && x >= pow2(bitLength - 1)) {
    return x - pow2(bitLength);
  }
  return x;
}
converters.DOMString = function DOMString(V) {
  if (typeof V === "symbol") {
    throw new ERR_INVALID_ARG_VALUE("value", V);
  }
  return String(V);
};
module.exports = {
  convertToInt,
  evenRound,
  converters
};
