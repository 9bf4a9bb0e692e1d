"use strict";
const {
  ArrayPrototypeForEach,
  Promise,
  SafeSet
} = primordials;
const { Buffer } = require("buffer");
const fs = require("fs");
const {
  chmod,
  chmodSync,
  lstat,
  lstatSync,
  readdir,
  readdirSync,
  rmdir,
  rmdirSync,
  stat,
  statSync,
  unlink,
  unlinkSync
} = fs;
const { sep } = require("path");
const { setTimeout } = require("timers");
const { sleep } = require("internal/util");
const notEmptyErrorCodes = new SafeSet(["ENOTEMPTY", "EEXIST", "EPERM"]);
const retryErrorCodes = new SafeSet(
  ["EBUSY", "EMFILE", "ENFILE", "ENOTEMPTY", "EPERM"]
);
const isWindows = process.platform === "win32";
const epermHandler = isWindows ? fixWinEPERM : _rmdir;
const epermHandlerSync = isWindows ? fixWinEPERMSync : _rmdirSync;
const readdirEncoding = "buffer";
const separator = Buffer.from(sep);
function rimraf(path, options, callback) {
  let retries = 0;
  _rimraf(path, options, function CB(err) {
    if (err) {
      if (retryErrorCodes.has(err.code) && retries < options.maxRetries) {
        retries++;
        const delay = retries * options.retryDelay;
        return setTimeout(_rimraf, delay, path, options, CB);
      }
      if (err.code === "ENOENT")
        err = null;
    }
    callback(err);
  });
}
function _rimraf(path, options, callback) {
  lstat(path, (err, stats) => {
    if (err) {
      if (err.code === "ENOENT")
        return callback(null);
      if (isWindows && err.code === "EPERM")
        return fixWinEPERM(path, options, err, callback);
    } else if (stats.isDirectory()) {
      return _rmdir(path, options, err, callback);
    }
    unlink(path, (err2) => {
      if (err2) {
        if (err2.code === "ENOENT")
          return callback(null);
        if (err2.code === "EISDIR")
          return _rmdir(path, options, err2, callback);
        if (err2.code === "EPERM") {
          return epermHandler(path, options, err2, callback);
        }
      }
      return callback(err2);
    });
  });
}
function fixWinEPERM(path, options, originalErr, callback) {
  chmod(path, 438, (err) => {
    if (err)
      return callback(err.code === "ENOENT" ? null : originalErr);
    stat(path, (err2, stats) => {
      if (err2)
        return callback(err2.code === "ENOENT" ? null : originalErr);
      if (stats.isDirectory())
        _rmdir(path, options, originalErr, callback);
      else
        unlink(path, callback);
    });
  });
}
function _rmdir(path, options, originalErr, callback) {
  rmdir(path, (err) => {
    if (err) {
      if (notEmptyErrorCodes.has(err.code))
        return _rmchildren(path, options, callback);
      if (err.code === "ENOTDIR")
        return callback(originalErr);
    }
    callback(err);
  });
}
function _rmchildren(path, options, callback) {
  const pathBuf = Buffer.from(path);
  readdir(pathBuf, readdirEncoding, (err, files) => {
    if (err)
      return callback(err);
    let numFiles = files.length;
    if (numFiles === 0)
      return rmdir(path, callback);
    let done = false;
    const childPathPrefix = Buffer.concat([pathBuf, separator]);
    for (let i = 0; i < files.length; i++) {
      const childPath = Buffer.concat([childPathPrefix, files[i]]);
      rimraf(childPath, options, (err2) => {
        if (done)
          return;
        if (err2) {
          done = true;
          return callback(err2);
        }
        numFiles--;
        if (numFiles === 0)
          rmdir(path, callback);
      });
    }
  });
}
function rimrafPromises(path, options) {
  return new Promise((resolve, reject) => {
    rimraf(path, options, (err) => {
      if (err)
        return reject(err);
      resolve();
    });
  });
}
function rimrafSync(path, options) {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (err) {
    if (err.code === "ENOENT")
      return;
    if (isWindows && err.code === "EPERM")
      fixWinEPERMSync(path, options, err);
  }
  try {
    if (stats?.isDirectory())
      _rmdirSync(path, options, null);
    else
      _unlinkSync(path, options);
  } catch (err) {
    if (err.code === "ENOENT")
      return;
    if (err.code === "EPERM")
      return epermHandlerSync(path, options, err);
    if (err.code !== "EISDIR")
      throw err;
    _rmdirSync(path, options, err);
  }
}
function _unlinkSync(path, options) {
  const tries = options.maxRetries + 1;
  for (let i = 1; i <= tries; i++) {
    try {
      return unlinkSync(path);
    } catch (err) {
      if (retryErrorCodes.has(err.code) && i < tries && options.retryDelay > 0) {
        sleep(i * options.retryDelay);
      } else if (err.code === "ENOENT") {
        return;
      } else if (i === tries) {
        throw err;
      }
    }
  }
}
function _rmdirSync(path, options, originalErr) {
  try {
    rmdirSync(path);
  } catch (err) {
    if (err.code === "ENOENT")
      return;
    if (err.code === "ENOTDIR") {
      throw originalErr || err;
    }
    if (notEmptyErrorCodes.has(err.code)) {
      const pathBuf = Buffer.from(path);
      ArrayPrototypeForEach(readdirSync(pathBuf, readdirEncoding), (child) => {
        const childPath = Buffer.concat([pathBuf, separator, child]);
        rimrafSync(childPath, options);
      });
      const tries = options.maxRetries + 1;
      for (let i = 1; i <= tries; i++) {
        try {
          return fs.rmdirSync(path);
        } catch (err2) {
          if (retryErrorCodes.has(err2.code) && i < tries && options.retryDelay > 0) {
            sleep(i * options.retryDelay);
          } else if (err2.code === "ENOENT") {
            return;
          } else if (i === tries) {
            throw err2;
          }
        }
      }
    }
    throw originalErr || err;
  }
}
function fixWinEPERMSync(path, options, originalErr) {
  try {
    chmodSync(path, 438);
  } catch (err) {
    if (err.code === "ENOENT")
      return;
    throw originalErr;
  }
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch {
    throw originalErr;
  }
  if (stats === void 0) return;
  if (stats.isDirectory())
    _rmdirSync(path, options, originalErr);
  else
    _unlinkSync(path, options);
}
module.exports = { rimraf, rimrafPromises, rimrafSync };
