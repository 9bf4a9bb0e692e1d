"use strict";
const {
  getCLIOptionsValues,
  getCLIOptionsInfo,
  getEmbedderOptions: getEmbedderOptionsFromBinding
} = internalBinding("options");
let warnOnAllowUnauthorized = true;
let optionsDict;
let cliInfo;
let embedderOptions;
function getCLIOptionsFromBinding() {
  if (!optionsDict) {
    optionsDict = getCLIOptionsValues();
  }
  return optionsDict;
}
function getCLIOptionsInfoFromBinding() {
  if (!cliInfo) {
    cliInfo = getCLIOptionsInfo();
  }
  return cliInfo;
}
function getEmbedderOptions() {
  if (!embedderOptions) {
    embedderOptions = getEmbedderOptionsFromBinding();
  }
  return embedderOptions;
}
function refreshOptions() {
  optionsDict = void 0;
}
function getOptionValue(optionName) {
  const optionsDict2 = getCLIOptionsFromBinding();
  return optionsDict2[optionName];
}
function getAllowUnauthorized() {
  const allowUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0";
  if (allowUnauthorized && warnOnAllowUnauthorized) {
    warnOnAllowUnauthorized = false;
    process.emitWarning(
      "Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections and HTTPS requests insecure by disabling certificate verification."
    );
  }
  return allowUnauthorized;
}
module.exports = {
  getCLIOptionsInfo: getCLIOptionsInfoFromBinding,
  getOptionValue,
  getAllowUnauthorized,
  getEmbedderOptions,
  refreshOptions
};
