"use strict";
const {
  Symbol
} = primordials;
const kFirstEventParam = Symbol("kFirstEventParam");
module.exports = {
  kFirstEventParam
};
