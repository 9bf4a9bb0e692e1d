"use strict";
const {
  ArrayPrototypePush,
  Float64Array,
  ObjectDefineProperties,
  StringPrototypeEndsWith,
  StringPrototypeSlice,
  SymbolToPrimitive
} = primordials;
const { safeGetenv } = internalBinding("credentials");
const constants = internalBinding("constants").os;
const isWindows = process.platform === "win32";
const {
  codes: {
    ERR_SYSTEM_ERROR
  },
  hideStackFrames
} = require("internal/errors");
const { getCIDR } = require("internal/util");
const { validateInt32 } = require("internal/validators");
const {
  getAvailableParallelism,
  getCPUs,
  getFreeMem,
  getHomeDirectory: _getHomeDirectory,
  getHostname: _getHostname,
  getInterfaceAddresses: _getInterfaceAddresses,
  getLoadAvg,
  getPriority: _getPriority,
  getOSInformation: _getOSInformation,
  getTotalMem,
  getUserInfo,
  getUptime: _getUptime,
  isBigEndian,
  setPriority: _setPriority
} = internalBinding("os");
function getCheckedFunction(fn) {
  return hideStackFrames(function checkError() {
    const ctx = {};
    const ret = fn(ctx);
    if (ret === void 0) {
      throw new ERR_SYSTEM_ERROR.HideStackFramesError(ctx);
    }
    return ret;
  });
}
const {
  0: type,
  1: version,
  2: release,
  3: machine
} = _getOSInformation();
const getHomeDirectory = getCheckedFunction(_getHomeDirectory);
const getHostname = getCheckedFunction(_getHostname);
const getInterfaceAddresses = getCheckedFunction(_getInterfaceAddresses);
const getUptime = getCheckedFunction(_getUptime);
const getOSRelease = () => release;
const getOSType = () => type;
const getOSVersion = () => version;
const getMachine = () => machine;
getAvailableParallelism[SymbolToPrimitive] = () => getAvailableParallelism();
getFreeMem[SymbolToPrimitive] = () => getFreeMem();
getHostname[SymbolToPrimitive] = () => getHostname();
getOSVersion[SymbolToPrimitive] = () => getOSVersion();
getOSType[SymbolToPrimitive] = () => getOSType();
getOSRelease[SymbolToPrimitive] = () => getOSRelease();
getMachine[SymbolToPrimitive] = () => getMachine();
getHomeDirectory[SymbolToPrimitive] = () => getHomeDirectory();
getTotalMem[SymbolToPrimitive] = () => getTotalMem();
getUptime[SymbolToPrimitive] = () => getUptime();
const kEndianness = isBigEndian ? "BE" : "LE";
const avgValues = new Float64Array(3);
function loadavg() {
  getLoadAvg(avgValues);
  return [avgValues[0], avgValues[1], avgValues[2]];
}
function cpus() {
  const data = getCPUs() || [];
  const result = [];
  let i = 0;
  while (i < data.length) {
    ArrayPrototypePush(result, {
      model: data[i++],
      speed: data[i++],
      times: {
        user: data[i++],
        nice: data[i++],
        sys: data[i++],
        idle: data[i++],
        irq: data[i++]
      }
    });
  }
  return result;
}
function arch() {
  return process.arch;
}
arch[SymbolToPrimitive] = () => process.arch;
function platform() {
  return process.platform;
}
platform[SymbolToPrimitive] = () => process.platform;
function tmpdir() {
  let path;
  if (isWindows) {
    path = process.env.TEMP || process.env.TMP || (process.env.SystemRoot || process.env.windir) + "\\temp";
    if (path.length > 1 && StringPrototypeEndsWith(path, "\\") && !StringPrototypeEndsWith(path, ":\\"))
      path = StringPrototypeSlice(path, 0, -1);
  } else {
    path = safeGetenv("TMPDIR") || safeGetenv("TMP") || safeGetenv("TEMP") || "/tmp";
    if (path.length > 1 && StringPrototypeEndsWith(path, "/"))
      path = StringPrototypeSlice(path, 0, -1);
  }
  return path;
}
tmpdir[SymbolToPrimitive] = () => tmpdir();
function endianness() {
  return kEndianness;
}
endianness[SymbolToPrimitive] = () => kEndianness;
function networkInterfaces() {
  const data = getInterfaceAddresses();
  const result = {};
  if (data === void 0)
    return result;
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family: data[i + 3],
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: getCIDR(data[i + 1], data[i + 2], data[i + 3])
    };
    const scopeid = data[i + 6];
    if (scopeid !== -1)
      entry.scopeid = scopeid;
    const existing = result[name];
    if (existing !== void 0)
      ArrayPrototypePush(existing, entry);
    else
      result[name] = [entry];
  }
  return result;
}
function setPriority(pid, priority) {
  if (priority === void 0) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, "pid");
  validateInt32(priority, "priority", -20, 19);
  const ctx = {};
  if (_setPriority(pid, priority, ctx) !== 0)
    throw new ERR_SYSTEM_ERROR(ctx);
}
function getPriority(pid) {
  if (pid === void 0)
    pid = 0;
  else
    validateInt32(pid, "pid");
  const ctx = {};
  const priority = _getPriority(pid, ctx);
  if (priority === void 0)
    throw new ERR_SYSTEM_ERROR(ctx);
  return priority;
}
function userInfo(options) {
  if (typeof options !== "object")
    options = null;
  const ctx = {};
  const user = getUserInfo(options, ctx);
  if (user === void 0)
    throw new ERR_SYSTEM_ERROR(ctx);
  return user;
}
module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine
};
ObjectDefineProperties(module.exports, {
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants
  },
  EOL: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    writable: false,
    value: isWindows ? "\r\n" : "\n"
  },
  devNull: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    writable: false,
    value: isWindows ? "\\\\.\\nul" : "/dev/null"
  }
});
