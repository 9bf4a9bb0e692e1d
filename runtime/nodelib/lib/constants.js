"use strict";
const {
  ObjectAssign,
  ObjectFreeze
} = primordials;
const constants = internalBinding("constants");
ObjectAssign(
  exports,
  constants.os.dlopen,
  constants.os.errno,
  constants.os.priority,
  constants.os.signals,
  constants.fs,
  constants.crypto
);
ObjectFreeze(exports);
