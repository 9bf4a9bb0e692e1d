"use strict";
const {
  certExportChallenge,
  certExportPublicKey,
  certVerifySpkac
} = internalBinding("crypto");
const {
  getArrayBufferOrView
} = require("internal/crypto/util");
function verifySpkac(spkac, encoding) {
  return certVerifySpkac(
    getArrayBufferOrView(spkac, "spkac", encoding)
  );
}
function exportPublicKey(spkac, encoding) {
  return certExportPublicKey(
    getArrayBufferOrView(spkac, "spkac", encoding)
  );
}
function exportChallenge(spkac, encoding) {
  return certExportChallenge(
    getArrayBufferOrView(spkac, "spkac", encoding)
  );
}
function Certificate() {
  if (!(this instanceof Certificate))
    return new Certificate();
}
Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;
Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;
module.exports = Certificate;
