'use strict';
// A process.stdout/stderr for hosts: node's SyncWriteStream (what node uses when stdio is a
// file), writing each chunk synchronously through a host function instead of fs.writeSync.
const { Writable } = require('stream');

function StdioWriteStream(fd, write, isTTY) {
  Reflect.apply(Writable, this, [{ autoDestroy: true }]);
  this.fd = fd;
  this.readable = false;
  this._isStdio = true;
  this.isTTY = isTTY;
  this[kWrite] = write;
}
const kWrite = Symbol('kWrite');
Object.setPrototypeOf(StdioWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(StdioWriteStream, Writable);

StdioWriteStream.prototype._write = function(chunk, encoding, cb) {
  try {
    this[kWrite](chunk);
  } catch (err) {
    cb(err);
    return;
  }
  cb();
};

StdioWriteStream.prototype._destroy = function(err, cb) {
  // Like node's stdio streams: the descriptor stays open for the life of the process.
  cb(err);
};

StdioWriteStream.prototype.destroySoon = StdioWriteStream.prototype.destroy;

module.exports = { StdioWriteStream };
