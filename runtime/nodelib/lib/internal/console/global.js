"use strict";
const {
  FunctionPrototypeBind,
  ReflectDefineProperty,
  ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys
} = primordials;
const {
  Console,
  kBindProperties
} = require("internal/console/constructor");
const globalConsole = { __proto__: {} };
for (const prop of ReflectOwnKeys(Console.prototype)) {
  if (prop === "constructor") {
    continue;
  }
  const desc = ReflectGetOwnPropertyDescriptor(Console.prototype, prop);
  if (typeof desc.value === "function") {
    const name = desc.value.name;
    desc.value = FunctionPrototypeBind(desc.value, globalConsole);
    ReflectDefineProperty(desc.value, "name", { __proto__: null, value: name });
  }
  ReflectDefineProperty(globalConsole, prop, desc);
}
globalConsole[kBindProperties](true, "auto");
globalConsole.Console = Console;
module.exports = globalConsole;
