"use strict";
const {
  ArrayIsArray,
  Error,
  ErrorPrototypeToString,
  ErrorCaptureStackTrace,
  String,
  SafeSet
} = primordials;
const {
  getOptionValue
} = require("internal/options");
const assert = require("internal/assert");
const {
  codes: {
    ERR_INVALID_ARG_TYPE
  },
  isErrorStackTraceLimitWritable
} = require("internal/errors");
const { validateString } = require("internal/validators");
let fs;
let fd;
let warningFile;
let options;
let traceWarningHelperShown = false;
function resetForSerialization() {
  if (fd !== void 0) {
    process.removeListener("exit", closeFdOnExit);
  }
  fd = void 0;
  warningFile = void 0;
  traceWarningHelperShown = false;
}
function lazyOption() {
  if (warningFile === void 0) {
    options = require("internal/options");
    if (options.getOptionValue("--diagnostic-dir") !== "") {
      warningFile = options.getOptionValue("--diagnostic-dir");
    }
    if (options.getOptionValue("--redirect-warnings") !== "") {
      warningFile = options.getOptionValue("--redirect-warnings");
    } else {
      warningFile = "";
    }
  }
  return warningFile;
}
let error;
function writeOut(message) {
  if (!error) {
    error = require("internal/console/global").error;
  }
  error(message);
}
function closeFdOnExit() {
  try {
    fs.closeSync(fd);
  } catch {
  }
}
function writeToFile(message) {
  if (fd === void 0) {
    fs = require("fs");
    try {
      fd = fs.openSync(warningFile, "a");
    } catch {
      return writeOut(message);
    }
    process.on("exit", closeFdOnExit);
  }
  fs.appendFile(fd, `${message}
`, (err) => {
    if (err) {
      writeOut(message);
    }
  });
}
function doEmitWarning(warning) {
  process.emit("warning", warning);
}
let disableWarningSet;
function onWarning(warning) {
  if (!disableWarningSet) {
    disableWarningSet = new SafeSet();
    const disableWarningValues = getOptionValue("--disable-warning");
    for (let i = 0; i < disableWarningValues.length; i++) {
      disableWarningSet.add(disableWarningValues[i]);
    }
  }
  if (warning?.code && disableWarningSet.has(warning.code) || warning?.name && disableWarningSet.has(warning.name)) return;
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === "DeprecationWarning";
  if (isDeprecation && process.noDeprecation) return;
  const trace = process.traceProcessWarnings || isDeprecation && process.traceDeprecation;
  let msg = `(${process.release.name}:${process.pid}) `;
  if (warning.code)
    msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += `${warning.stack}`;
  } else {
    msg += typeof warning.toString === "function" ? `${warning.toString()}` : ErrorPrototypeToString(warning);
  }
  if (typeof warning.detail === "string") {
    msg += `
${warning.detail}`;
  }
  if (!trace && !traceWarningHelperShown) {
    const flag = isDeprecation ? "--trace-deprecation" : "--trace-warnings";
    const argv0 = require("path").basename(process.argv0 || "node", ".exe");
    msg += `
(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  const warningFile2 = lazyOption();
  if (warningFile2) {
    return writeToFile(msg);
  }
  writeOut(msg);
}
function emitWarning(warning, type, code, ctor) {
  if (process.noDeprecation && type === "DeprecationWarning") {
    return;
  }
  let detail;
  if (type !== null && typeof type === "object" && !ArrayIsArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === "string")
      detail = type.detail;
    type = type.type || "Warning";
  } else if (typeof type === "function") {
    ctor = type;
    code = void 0;
    type = "Warning";
  }
  if (type !== void 0)
    validateString(type, "type");
  if (typeof code === "function") {
    ctor = code;
    code = void 0;
  } else if (code !== void 0) {
    validateString(code, "code");
  }
  if (typeof warning === "string") {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE("warning", ["Error", "string"], warning);
  }
  if (warning.name === "DeprecationWarning") {
    if (process.noDeprecation)
      return;
    if (process.throwDeprecation) {
      return process.nextTick(() => {
        throw warning;
      });
    }
  }
  process.nextTick(doEmitWarning, warning);
}
function emitWarningSync(warning, type, code, ctor) {
  process.emit("warning", createWarningObject(warning, type, code, ctor));
}
function createWarningObject(warning, type, code, ctor, detail) {
  assert(typeof warning === "string");
  const tmpStackLimit = Error.stackTraceLimit;
  if (isErrorStackTraceLimitWritable()) Error.stackTraceLimit = 0;
  warning = new Error(warning);
  if (isErrorStackTraceLimitWritable()) Error.stackTraceLimit = tmpStackLimit;
  warning.name = String(type || "Warning");
  if (code !== void 0) warning.code = code;
  if (detail !== void 0) warning.detail = detail;
  ErrorCaptureStackTrace(warning, ctor || process.emitWarning);
  return warning;
}
module.exports = {
  emitWarning,
  emitWarningSync,
  onWarning,
  resetForSerialization
};
