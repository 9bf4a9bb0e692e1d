"use strict";
const {
  ArrayPrototypeShift,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith
} = primordials;
const { Buffer } = require("buffer");
const {
  isErrorStackTraceLimitWritable,
  overrideStackTrace
} = require("internal/errors");
const AssertionError = require("internal/assert/assertion_error");
let lazyFs;
const openSync = (...args) => (lazyFs ??= require("fs")).openSync(...args);
const closeSync = (...args) => (lazyFs ??= require("fs")).closeSync(...args);
const readSync = (...args) => (lazyFs ??= require("fs")).readSync(...args);
const { EOL } = require("internal/constants");
const { BuiltinModule } = require("internal/bootstrap/realm");
const { isError } = require("internal/util");
const errorCache = new SafeMap();
const { fileURLToPath } = require("internal/url");
let parseExpressionAt;
let findNodeAround;
let tokenizer;
let decoder;
const escapeSequencesRegExp = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const meta = [
  "\\u0000",
  "\\u0001",
  "\\u0002",
  "\\u0003",
  "\\u0004",
  "\\u0005",
  "\\u0006",
  "\\u0007",
  "\\b",
  "",
  "",
  "\\u000b",
  "\\f",
  "",
  "\\u000e",
  "\\u000f",
  "\\u0010",
  "\\u0011",
  "\\u0012",
  "\\u0013",
  "\\u0014",
  "\\u0015",
  "\\u0016",
  "\\u0017",
  "\\u0018",
  "\\u0019",
  "\\u001a",
  "\\u001b",
  "\\u001c",
  "\\u001d",
  "\\u001e",
  "\\u001f"
];
const escapeFn = (str) => meta[StringPrototypeCharCodeAt(str, 0)];
function findColumn(fd, column, code) {
  if (code.length > column + 100) {
    try {
      return parseCode(code, column);
    } catch {
      if (code.length - column > 2500) {
        throw null;
      }
    }
  }
  const bytesToRead = column - code.length + 2500;
  const buffer = Buffer.allocUnsafe(bytesToRead);
  const bytesRead = readSync(fd, buffer, 0, bytesToRead);
  code += decoder.write(buffer.slice(0, bytesRead));
  if (bytesRead < bytesToRead) {
    return parseCode(code, column);
  }
  return findColumn(fd, column, code);
}
function getCode(fd, line, column) {
  let bytesRead = 0;
  if (line === 0) {
    return findColumn(fd, column, "");
  }
  let lines = 0;
  let maxReads = 32;
  const bytesPerRead = 16384;
  let buffer = Buffer.allocUnsafe(bytesPerRead);
  while (maxReads-- !== 0) {
    buffer = lines < line ? buffer : Buffer.allocUnsafe(bytesPerRead);
    bytesRead = readSync(fd, buffer, 0, bytesPerRead);
    for (let i = 0; i < bytesRead; i++) {
      if (buffer[i] === 10 && ++lines === line) {
        if (bytesRead < bytesPerRead) {
          return parseCode(buffer.toString("utf8", i + 1, bytesRead), column);
        }
        const code = decoder.write(buffer.slice(i + 1, bytesRead));
        return findColumn(fd, column, code);
      }
    }
  }
}
function parseCode(code, offset) {
  if (parseExpressionAt === void 0) {
    const Parser = require("internal/deps/acorn/acorn/dist/acorn").Parser;
    ({ findNodeAround } = require("internal/deps/acorn/acorn-walk/dist/walk"));
    parseExpressionAt = FunctionPrototypeBind(Parser.parseExpressionAt, Parser);
    tokenizer = FunctionPrototypeBind(Parser.tokenizer, Parser);
  }
  let node;
  let start;
  for (const token of tokenizer(code, { ecmaVersion: "latest" })) {
    start = token.start;
    if (start > offset) {
      break;
    }
    try {
      node = parseExpressionAt(code, start, { ecmaVersion: "latest" });
      node = findNodeAround(node, offset, "CallExpression");
      if (node?.node.end >= offset) {
        return [
          node.node.start,
          StringPrototypeReplace(
            StringPrototypeSlice(
              code,
              node.node.start,
              node.node.end
            ),
            escapeSequencesRegExp,
            escapeFn
          )
        ];
      }
    } catch (err) {
      continue;
    }
  }
  throw null;
}
function getErrMessage(message, fn) {
  const tmpLimit = Error.stackTraceLimit;
  const errorStackTraceLimitIsWritable = isErrorStackTraceLimitWritable();
  if (errorStackTraceLimitIsWritable) Error.stackTraceLimit = 1;
  const err = {};
  ErrorCaptureStackTrace(err, fn);
  if (errorStackTraceLimitIsWritable) Error.stackTraceLimit = tmpLimit;
  overrideStackTrace.set(err, (_, stack) => stack);
  const call = err.stack[0];
  let filename = call.getFileName();
  const line = call.getLineNumber() - 1;
  let column = call.getColumnNumber() - 1;
  let identifier;
  let code;
  if (filename) {
    identifier = `${filename}${line}${column}`;
    if (StringPrototypeStartsWith(filename, "node:") && BuiltinModule.exists(StringPrototypeSlice(filename, 5))) {
      errorCache.set(identifier, void 0);
      return;
    }
  } else {
    return message;
  }
  if (errorCache.has(identifier)) {
    return errorCache.get(identifier);
  }
  let fd;
  try {
    if (errorStackTraceLimitIsWritable) Error.stackTraceLimit = 0;
    if (filename) {
      if (decoder === void 0) {
        const { StringDecoder } = require("string_decoder");
        decoder = new StringDecoder("utf8");
      }
      const fileProtoPrefix = "file://";
      if (StringPrototypeStartsWith(filename, fileProtoPrefix)) {
        filename = fileURLToPath(filename);
      }
      fd = openSync(filename, "r", 438);
      ({ 0: column, 1: message } = getCode(fd, line, column));
      decoder.end();
    } else {
      for (let i = 0; i < line; i++) {
        code = StringPrototypeSlice(
          code,
          StringPrototypeIndexOf(code, "\n") + 1
        );
      }
      ({ 0: column, 1: message } = parseCode(code, column));
    }
    if (StringPrototypeIncludes(message, "\n")) {
      if (EOL === "\r\n") {
        message = RegExpPrototypeSymbolReplace(/\r\n/g, message, "\n");
      }
      const frames = StringPrototypeSplit(message, "\n");
      message = ArrayPrototypeShift(frames);
      for (const frame of frames) {
        let pos = 0;
        while (pos < column && (frame[pos] === " " || frame[pos] === "	")) {
          pos++;
        }
        message += `
  ${StringPrototypeSlice(frame, pos)}`;
      }
    }
    message = `The expression evaluated to a falsy value:

  ${message}
`;
    errorCache.set(identifier, message);
    return message;
  } catch {
    errorCache.set(identifier, void 0);
  } finally {
    if (errorStackTraceLimitIsWritable) Error.stackTraceLimit = tmpLimit;
    if (fd !== void 0)
      closeSync(fd);
  }
}
function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = "No value argument passed to `assert.ok()`";
    } else if (message == null) {
      generatedMessage = true;
      message = getErrMessage(message, fn);
    } else if (isError(message)) {
      throw message;
    }
    const err = new AssertionError({
      actual: value,
      expected: true,
      message,
      operator: "==",
      stackStartFn: fn
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}
module.exports = {
  innerOk
};
