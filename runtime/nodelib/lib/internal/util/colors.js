"use strict";
let internalTTy;
function lazyInternalTTY() {
  internalTTy ??= require("internal/tty");
  return internalTTy;
}
module.exports = {
  blue: "",
  green: "",
  white: "",
  red: "",
  gray: "",
  clear: "",
  reset: "",
  hasColors: false,
  shouldColorize(stream) {
    if (process.env.FORCE_COLOR !== void 0) {
      return lazyInternalTTY().getColorDepth() > 2;
    }
    return stream?.isTTY && (typeof stream.getColorDepth === "function" ? stream.getColorDepth() > 2 : true);
  },
  refresh() {
    if (process.stderr.isTTY) {
      const hasColors = module.exports.shouldColorize(process.stderr);
      module.exports.blue = hasColors ? "\x1B[34m" : "";
      module.exports.green = hasColors ? "\x1B[32m" : "";
      module.exports.white = hasColors ? "\x1B[39m" : "";
      module.exports.yellow = hasColors ? "\x1B[33m" : "";
      module.exports.red = hasColors ? "\x1B[31m" : "";
      module.exports.gray = hasColors ? "\x1B[90m" : "";
      module.exports.clear = hasColors ? "\x1Bc" : "";
      module.exports.reset = hasColors ? "\x1B[0m" : "";
      module.exports.hasColors = hasColors;
    }
  }
};
module.exports.refresh();
