"use strict";
const {
  Error,
  ObjectDefineProperties,
  ObjectGetOwnPropertyDescriptors,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf,
  ObjectValues,
  ReflectConstruct,
  StringPrototypeSplit
} = primordials;
const {
  messaging_deserialize_symbol,
  messaging_transfer_symbol,
  messaging_clone_symbol,
  messaging_transfer_list_symbol
} = internalBinding("symbols");
const {
  JSTransferable,
  setDeserializerCreateObjectFunction
} = internalBinding("messaging");
function setup() {
  setDeserializerCreateObjectFunction((deserializeInfo) => {
    const { 0: module2, 1: ctor } = StringPrototypeSplit(deserializeInfo, ":");
    const Ctor = require(module2)[ctor];
    if (typeof Ctor !== "function" || typeof Ctor.prototype[messaging_deserialize_symbol] !== "function") {
      throw new Error(`Unknown deserialize spec ${deserializeInfo}`);
    }
    return new Ctor();
  });
}
function makeTransferable(obj) {
  if (obj instanceof JSTransferable) return obj;
  const inst = ReflectConstruct(JSTransferable, [], obj.constructor);
  const properties = ObjectGetOwnPropertyDescriptors(obj);
  const propertiesValues = ObjectValues(properties);
  for (let i = 0; i < propertiesValues.length; i++) {
    ObjectSetPrototypeOf(propertiesValues[i], null);
  }
  ObjectDefineProperties(inst, properties);
  ObjectSetPrototypeOf(inst, ObjectGetPrototypeOf(obj));
  return inst;
}
module.exports = {
  makeTransferable,
  setup,
  JSTransferable,
  kClone: messaging_clone_symbol,
  kDeserialize: messaging_deserialize_symbol,
  kTransfer: messaging_transfer_symbol,
  kTransferList: messaging_transfer_list_symbol
};
